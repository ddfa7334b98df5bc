# forms · on_post_build
"""Write the whole article as an EPUB 3 per language: downloads/<file_name>-<lang>.epub.

Composed from the article model (edition/model.py) by edition/forms/epub/__init__.py — title page,
abstracts, every chapter with its table, map and editor's notes, the references, the
corrections log, the navigation document with its landmarks — and zipped by
edition/forms/epub/render.py through the download worker (edition/worker.py).
Templates and stylesheet: overrides/epub/. Checked by tests/test_epub.py (EPUBCheck).
"""


from edition import metadata, model, worker
from edition.forms import epub


def on_post_build(config):
    meta = metadata.metadata(config)
    book = epub.compose(model.get(meta["lang"], meta))
    worker.submit(config, meta["this"]["files"]["epub"], "edition.forms.epub.render:render", book,
                      depends=epub.DEPENDS, versions=epub.VERSIONS)
