"""The article in other forms: the one list of the files the edition offers for download.

Each form is a package here (as pandoc keeps one writer per format): its `__init__` composes
the form from the article model where it needs composing, its `render.py` writes the file in
the download worker (edition/worker.py), its templates are overrides/<form>/. The hook that
hands it to the worker is hooks/forms/<form>.py. To add a form: an entry below, a package, a
hook; the cite block (overrides/edition/forms.html), the head and the sizes follow from here.
"""

from __future__ import annotations

from typing import NamedTuple


class Form(NamedTuple):
    media_type: str
    file: str            # below downloads/: {name} is data/article.yaml file_name, {lang} the language
    render: str          # the module whose render functions the worker runs
    one_file: bool = False  # one file for every language (in the default language's folder)


# In the order the cite block offers them.
FORMS = {
    "pdf": Form("application/pdf", "{name}-{lang}.pdf", "edition.forms.pdf.render"),
    "epub": Form("application/epub+zip", "{name}-{lang}.epub", "edition.forms.epub.render"),
    "jats": Form("application/jats+xml", "{name}.jats.xml", "edition.forms.jats.render", one_file=True),
    "bib": Form("application/x-bibtex", "{name}-{lang}.bib", "edition.forms.citation.render"),
    "ris": Form("application/x-research-info-systems", "{name}-{lang}.ris", "edition.forms.citation.render"),
    "json": Form("application/vnd.citationstyles.csl+json", "{name}-{lang}.json", "edition.forms.citation.render"),
}

# Every data table (data/<name>.yaml with columns and rows), per language: downloads/<name>-<lang>.<ext>.
TABLE_FORMS = {
    "csv": Form("text/csv", "{name}-{lang}.csv", "edition.forms.table.render"),
    "json": Form("application/json", "{name}-{lang}.json", "edition.forms.table.render"),
}

# What the download worker renders besides: each page's social card, the search index.
OTHER_RENDERS = ("edition.forms.social_card.render", "edition.search")

# The modules the worker's processes import before the first job (edition/worker.py).
RENDERS = tuple(sorted({form.render for form in (*FORMS.values(), *TABLE_FORMS.values())} | set(OTHER_RENDERS)))
