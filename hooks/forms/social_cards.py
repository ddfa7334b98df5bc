# forms · on_page_context, on_post_build
"""A social card for every page: the picture a messenger or a social network shows
beside a shared link (og:image, twitter:image in overrides/partials/edition/head.html).

Per language, one card for each page of the nav — the title page, each chapter, each of
the edition's pages — laid out by data/social-card.yaml (which blocks each kind of page
shows, colours, margins, sizes, the system's font files) with the page's texts: its
title, the edition's name (the language's site_name), the article's title, the names of
the site's languages. A parallel page (hooks/forms/parallel.py) shows its page's card.

Each card's spec (small, JSON-serialisable) is computed when the page's context is made
and given to the page's head as `social_card` (absolute URL from site_url, size, type,
alt text: the title the card shows); after the language's build each spec goes to the
download worker (edition/worker.py), which draws it with edition/forms/social_card/render.py
— the same spec, the same bytes — into assets/social/<lang>-<page>.png,
or copies it from the cache when the spec, the fonts and Pillow are unchanged.
"""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup

from edition import datafiles, metadata, worker

DATA = "social-card"
FOLDER = "assets/social/"
TYPE = "image/png"

_specs: dict[str, dict] = {}  # card file below the site root -> spec, for the language being built


def _layout() -> dict:
    layout = datafiles.load(DATA)
    for name, path in layout["fonts"].items():
        if not Path(path).is_file():
            raise datafiles.DataError(
                f"data/{DATA}.yaml: fonts.{name}: {path} does not exist on this machine. Install the fonts "
                f"(apt-get install fonts-dejavu-core) or name a font file that exists.")
    return layout


def _kind(page, config) -> str:
    if metadata.page_path(page, config) == "":
        return "title-page"
    return "chapter" if metadata.is_article_page(page, config) else "edition-page"


def spec(layout: dict, kind: str, texts: dict) -> dict:
    """The renderer's input for one card: the layout's blocks of that kind of page, with texts and font files."""
    blocks = []
    for name in layout["cards"][kind]:
        block = dict(layout["blocks"][name])
        if "text" in block:
            block["text"] = texts[block["text"]]
            block["font"] = layout["fonts"][block["font"]]
        blocks.append(block)
    return {key: layout[key] for key in ("width", "height", "background", "margin")} | {"blocks": blocks}


def _shown_page(page, config, nav):
    """The page whose card a page shows: itself, or for a parallel page its page."""
    path = metadata.page_path(page, config)
    if not path.startswith(f"{metadata.PARALLEL}/"):
        return page, path
    own = path.removeprefix(f"{metadata.PARALLEL}/")
    url = metadata.prefix(metadata.current_language(config), config) + own
    return next((other for other in nav.pages if other.url == url), page), own


def on_page_context(context, page, config, nav):
    layout = _layout()
    meta = metadata.metadata(config)
    lang = meta["lang"]
    shown, path = _shown_page(page, config, nav)
    title = Markup(shown.title or "").striptags()
    names = {language.locale: language.name for language in metadata.i18n(config).config.languages if language.build}
    texts = {"edition": meta["this"]["site_name"], "title": title, "article": meta["this"]["title"],
             "languages": " · ".join(names[code] for code in metadata.languages(config))}
    file = f"{FOLDER}{lang}-{path.strip('/').replace('/', '-') or 'index'}.png"
    _specs[file] = spec(layout, _kind(shown, config), texts)
    context["social_card"] = {"url": metadata.site_url(config) + file, "alt": title, "type": TYPE,
                              "width": layout["width"], "height": layout["height"]}
    return context


def on_post_build(config):
    for file, card in sorted(_specs.items()):
        fonts = sorted({block["font"] for block in card["blocks"] if "font" in block})
        worker.submit(config, file, "edition.forms.social_card.render:render", {"spec": card},
                          depends=fonts, versions=("pillow",))
    _specs.clear()
