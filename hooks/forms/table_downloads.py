# forms · on_post_build
"""Offer every table of data/ (a data file with columns and rows) for download, per
language, as CSV and JSON: downloads/<name>-<lang>.{csv,json} (edition/metadata.py names
them; the table's template links them).

The download worker (edition/worker.py) writes them with the renders of
edition/forms/table/render.py, from the cache when the table has not changed.
"""

from edition import datafiles, metadata, worker
from edition.forms import TABLE_FORMS


def on_post_build(config):
    lang = metadata.current_language(config)
    for name in metadata.tables():
        inputs = {"data": datafiles.load(name), "lang": lang}
        for ext, form in TABLE_FORMS.items():
            worker.submit(config, metadata.table_file(name, lang, ext, config), f"{form.render}:{ext}_file", inputs)
