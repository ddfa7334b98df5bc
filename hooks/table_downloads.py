"""Offer every table of data/ (a data file with columns and rows) for download, per
language, as CSV and JSON: downloads/<name>-<lang>.{csv,json} (hooks/_edition.py names
them; the table's template links them).

The download worker (hooks/_downloads.py) writes them with the renders of
hooks/_render_table.py, from the cache when the table has not changed.
"""

import _datafiles
import _downloads
import _edition

RENDERS = {"csv": "_render_table:csv_file", "json": "_render_table:json_file"}


def on_post_build(config):
    lang = _edition.current_language(config)
    for name in _edition.tables():
        inputs = {"data": _datafiles.load(name), "lang": lang}
        for ext in _edition.TABLE_FORMATS:
            _downloads.submit(config, _edition.table_file(name, lang, ext, config), RENDERS[ext], inputs)
