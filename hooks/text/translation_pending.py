# text · on_page_content
"""Tell readers of a translation where it lags behind a revised Russian original.

data/translation-lock.yaml marks a paragraph `pending` when its Russian was revised
and published before the translation (`make translation-pending ID=…`). On the
translated page, the template overrides/edition/fragments/translation-pending.html is rendered
just before that paragraph: an <aside> (not a paragraph: no -pN id) saying since when
and linking to the revised Russian paragraph. Runs after paragraph_ids.py.
"""

import datetime

from babel.dates import format_date
from mkdocs.exceptions import PluginError

from edition import datafiles, templates, tree


def _i18n(config):
    plugin = config.plugins["i18n"]
    default = next(lang.locale for lang in plugin.config.languages if lang.default)
    return plugin.current_language, default


def on_page_content(html, page, config, files):
    lang, default = _i18n(config)
    if lang == default:
        return html
    name = page.file.src_uri.removeprefix(f"{lang}/").removesuffix(".md")
    pending = {ident: entry["pending"] for ident, entry in datafiles.load("translation-lock")["paragraphs"].items()
               if entry["page"] == name and "pending" in entry}
    if not pending:
        return html
    labels = templates.labels(lang)
    root = tree.parse(page, html)
    by_id = {element.get("id"): element for element in tree.children(root)}
    # The Russian page, relative to this one: en/policy-coordination/ -> ../../policy-coordination/
    source_url = "../" * page.url.count("/") + page.url.removeprefix(f"{lang}/")
    for ident, mark in pending.items():
        paragraph = by_id.get(ident)
        if paragraph is None:
            raise PluginError(f"data/translation-lock.yaml: paragraph #{ident} is marked pending, but "
                              f"docs/{lang}/{name}.md has no such paragraph. Run `make translation-lock`.")
        revised = datetime.date.fromisoformat(mark["revised"])
        banners = templates.elements(
            "fragments/translation-pending.html",
            lang=lang, source_lang=default, id=ident, href=f"{source_url}#{ident}", labels=labels,
            date=format_date(revised, "d MMMM y", locale=lang), iso_date=revised.isoformat(),
        )
        for banner in banners:
            banner.tail = "\n"
            paragraph.addprevious(banner)
    return tree.serialize(page, root)
