# forms · on_post_build
"""Offer every table of data/ (a data file with columns and rows) for download, per
language, as CSV and JSON: downloads/<name>-<lang>.{csv,json} (edition/metadata.py names
them; the table's template links them).

The download worker (edition/worker.py) writes them with the renders of
edition/forms/table/render.py, from the cache when the table has not changed.
"""

from mkdocs.exceptions import PluginError

from edition import datafiles, metadata, model, worker
from edition.forms import TABLE_FORMS


def _page_of(article, name: str, site_url: str) -> str:
    """The absolute URL of the page that shows table NAME (its block `table-NAME`)."""
    for page in article.pages:
        if any(block.id == f"table-{name}" for block in page.blocks):
            return site_url + page.url
    raise PluginError(f"data/{name}.yaml is a table, but no page shows it: add the marker <!-- table: {name} --> to a page of docs/")


def on_post_build(config):
    meta = metadata.metadata(config)
    lang = meta["lang"]
    article = model.get(lang, meta)
    for name in metadata.tables():
        # The table travels with the article's rights statement and the page it comes from (data/rights.yaml).
        inputs = {"data": datafiles.load(name), "lang": lang, "rights": meta["this"]["rights"]["article"]["statement"],
                  "source": _page_of(article, name, meta["site_url"])}
        for ext, form in TABLE_FORMS.items():
            worker.submit(config, metadata.table_file(name, lang, ext, config), f"{form.render}:{ext}_file", inputs)
        # The CSV's rights and source, in the CSVW metadata file a CSV reader looks for beside it.
        csv_file = metadata.table_file(name, lang, "csv", config)
        worker.submit(config, csv_file + "-metadata.json", f"{TABLE_FORMS['csv'].render}:csvw_file", dict(inputs, url=csv_file.rsplit("/", 1)[-1]))
