# plumbing · on_post_build
"""Build the search index with Pagefind once every language of the site is built.

Pagefind reads the built HTML and writes site/pagefind/: one index per `<html lang>`
(Russian and English, each with its Snowball stemmer), so a reader of the Russian site
searches only Russian pages and finds «университетов» in «университеты». Only the
article is indexed (ROOT); the parts below that are not the text are left out (IGNORE).

mkdocs-static-i18n builds the other languages inside the default language's
on_post_build (priority -100). This event runs after it (priority -200) and skips the
nested builds, so it indexes the whole site once, after the last language; it runs on
every rebuild of `mkdocs serve` as well. Pagefind itself runs in the download worker
(edition/worker.py, edition/search.py) on a copy of those pages, and its bundle
comes from the worker's cache when no indexed page has changed.
"""

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from edition import metadata, worker

ROOT = "article.md-content__inner"
# Not the text: heading permalinks, Material's edit/view buttons, and (Pagefind's own rule)
# anything a template marks with data-pagefind-ignore, e.g. the map, whose words are the table's.
IGNORE = [".headerlink", ".md-content__button"]
# Only the pages written in docs/: not 404.html (in the language of the last build), not the
# parallel pages (hooks/forms/parallel.py), whose two languages a per-language index must not mix.
# Pagefind also writes its ready-made interfaces; our dialog (assets/search.js) uses its API only.
UNUSED = ["pagefind-ui.*", "pagefind-component-ui.*", "pagefind-modular-ui.*", "pagefind-highlight.js"]


@event_priority(-200)
def on_post_build(config):
    if metadata.nested_build(config):
        return  # a nested build of one more language: index once, when all are built
    site = Path(config.site_dir)
    pages = {}
    for name in _pages(config):
        if not (site / name).is_file():
            raise PluginError(f"{name}: the page to index was not built (hooks/plumbing/search_index.py); is its docs/ file excluded?")
        pages[name] = (site / name).read_bytes()
    # Pagefind runs in the download worker (edition/search.py), from the cache when no page changed.
    inputs = {"pages": pages, "root": ROOT, "ignore": IGNORE, "unused": UNUSED}
    worker.submit(config, "pagefind", "edition.search:render", inputs, versions=("pagefind", "pagefind_bin"))


def _pages(config) -> list[str]:
    """The built page of every docs/LANG/NAME.md, below the site root: index.html, en/introduction/index.html, …"""
    docs = Path(config.docs_dir)
    paths = []
    for language in config.plugins["i18n"].config.languages:
        prefix = "" if language.default else f"{language.locale}/"
        for source in sorted((docs / language.locale).rglob("*.md")):
            name = source.relative_to(docs / language.locale).with_suffix("").as_posix()
            paths.append(prefix + ("" if name == "index" else name.removesuffix("/index") + "/") + "index.html")
    return paths
