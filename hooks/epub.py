"""Write the whole article as an EPUB 3 per language: downloads/<file_name>-<lang>.epub.

Composed from the article model (hooks/_article.py) by hooks/_epub.py — title page,
abstracts, every chapter with its table, map and editor's notes, the references, the
corrections log, the navigation document with its landmarks — and zipped by
hooks/_render_epub.py through the download worker (hooks/_downloads.py).
Templates and stylesheet: overrides/epub/. Checked by tests/test_epub.py (EPUBCheck).
"""


import _article
import _downloads
import _edition
import _epub
import _render_epub  # noqa: F401  loaded with the hook: hooks/ is on sys.path only while MkDocs loads hooks


def on_post_build(config):
    meta = _edition.metadata(config)
    book = _epub.compose(_article.get(meta["lang"], meta))
    _downloads.submit(config, meta["this"]["files"]["epub"], "_render_epub:render", book,
                      depends=_epub.DEPENDS, versions=_epub.VERSIONS)
