# text · on_pre_build, on_env, on_page_content
"""Citations [1]–[4]: written once, as the author wrote them, resolved against data/references.yaml.

In the author's paragraphs (the ones with a section-pN id) each `[N]` becomes a link to
entry N of the references page (docs/LANG/references.md), with a preview in its title
(Material's tooltips). Each entry of the list links back to every place citing it. A
citation without an entry stops the build; an entry never cited fails
tests/test_references.py (it shows on the page with no link back).
"""

import re
from collections import defaultdict

from mkdocs.utils import get_relative_url

from edition import datafiles, templates, tree

CITATION = re.compile(r"\[(\d+)\]")
PARAGRAPH = re.compile(r"^[a-z0-9-]+-p\d+$")
REFERENCES_PAGE = "references.md"

_cited = defaultdict(list)  # number -> [(page, paragraph id)], for the language being built


def _entries():
    # Numbers are unique: the schema says so (x-unique), and data_validation checks it first.
    return {entry["number"]: entry for entry in datafiles.load("references")}


def on_pre_build(config):
    _cited.clear()


def on_page_content(html, page, config, files):
    if "[" not in html:
        return html
    lang = config.plugins["i18n"].current_language
    root = tree.parse(page, html)
    entries = target = None
    for paragraph in tree.children(root):
        if not PARAGRAPH.match(paragraph.get("id", "")):
            continue
        for node, attribute in list(tree.text_slots(paragraph)):
            string = getattr(node, attribute)
            if not CITATION.search(string):
                continue
            entries = entries or _entries()
            if target is None:
                target = files.get_file_from_path(f"{lang}/{REFERENCES_PAGE}")
                if target is None:
                    raise datafiles.DataError(
                        f"docs/{page.file.src_uri}, paragraph #{paragraph.get('id')}: the text cites sources, but docs/{lang}/{REFERENCES_PAGE} "
                        "does not exist. Create it with the marker <!-- references: references -->, or remove the citations.")
            pieces, last = [], 0
            for match in CITATION.finditer(string):
                number = int(match.group(1))
                if number not in entries:
                    raise datafiles.DataError(
                        f"docs/{page.file.src_uri}, paragraph #{paragraph.get('id')}: citation [{number}] has no entry in "
                        f"data/references.yaml (entries: {sorted(entries)}). Add the entry or correct the number."
                    )
                pieces.append(string[last:match.start()])
                href = get_relative_url(target.url, page.url) + f"#ref-{number}"
                pieces.extend(templates.elements("fragments/citation.html", entry=entries[number], href=href, lang=lang))
                _cited[number].append((page, paragraph.get("id")))
                last = match.end()
            pieces.append(string[last:])
            tree.replace_text(node, attribute, pieces)
    return tree.serialize(page, root)


def on_env(env, config, files):
    """On the references page, every entry gets its links back to the citing paragraphs.
    (on_env comes after every page's content is rendered, and before any page is written:
    all citations are known, and the article model, which the whole-article forms read from
    on_env on, holds the links too: hooks/model/article_model.py.)"""
    lang = config.plugins["i18n"].current_language
    file = files.get_file_from_path(f"{lang}/{REFERENCES_PAGE}")
    page = file.page if file is not None else None
    if page is None or page.content is None:
        return env
    root = tree.parse(page, page.content)
    for number in _entries():
        holder = next((el for el in root.iter() if el.get("data-citation-backlinks") == str(number)), None)
        if holder is None:
            raise datafiles.DataError(
                f"docs/{page.file.src_uri}: entry {number} of data/references.yaml is not on the page; "
                "keep the marker <!-- references: references -->."
            )
        places = [
            {"href": get_relative_url(cited_page.url, page.url) + f"#{paragraph}", "title": cited_page.title, "paragraph": paragraph}
            for cited_page, paragraph in _cited[number]
        ]
        rendered = templates.render("fragments/citation-backlinks.html", places=places, labels=templates.labels(lang))
        tree.append_html(holder, rendered)
    page.content = tree.serialize(page, root)
    return env
