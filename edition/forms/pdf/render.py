"""Set a PDF with WeasyPrint from what hooks/forms/pdf.py hands over: the whole article's HTML,
the print stylesheet's text, and the bytes of every local file the HTML refers to.

A render of the download worker (edition/worker.py): it runs in the worker's processes,
whose server imports this module — and so WeasyPrint and Pango — once, while the pages
build. It reads nothing but its inputs: the PDF is a function of what its key covers.
"""

from weasyprint import CSS, HTML
from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

SITE = "file:///site/"  # hooks/forms/pdf.py names the site's files below this base (see there)


class _Handed(URLFetcher):
    """Serves the files the hook handed over, and nothing else: never another host (the build
    works offline), never a file the key does not cover."""

    def __init__(self, files: dict[str, bytes]):
        super().__init__(allowed_protocols={"file"})
        self._files = files

    def fetch(self, url, headers=None):
        body = self._files.get(url.split("#", 1)[0])
        if body is None:
            raise FatalURLFetchingError(f"the PDF refers to {url}, which hooks/forms/pdf.py did not hand to the renderer")
        return URLFetcherResponse(url, body=body)


def render(inputs: dict, out) -> None:
    fetcher = _Handed(inputs["files"])
    document = HTML(string=inputs["html"], base_url=SITE, url_fetcher=fetcher)
    # PDF/UA-1: tagged (headings, paragraphs, tables, links), document language and title set.
    document.write_pdf(out, stylesheets=[CSS(string=inputs["stylesheet"], base_url=SITE, url_fetcher=fetcher)], pdf_variant="pdf/ua-1")


def _prepare() -> None:
    """Set a few hyphenated lines of each language once, at import: the worker's server
    imports this module (edition/worker.py), so every worker it starts has Pango's fonts
    and Pyphen's dictionaries loaded already (measured: the first PDF of a worker 2.6 s →
    2.1 s). The sample is thrown away; it changes nothing in a PDF."""
    sample = ('<h1>Цифровой шелковый путь</h1>'
              '<p lang="ru">Инновационная экосистема Евразийского экономического союза</p>'
              '<p lang="en">The innovation ecosystem of the Eurasian Economic Union</p>')
    HTML(string=sample).write_pdf(stylesheets=[CSS(string=_SAMPLE_CSS)], pdf_variant="pdf/ua-1")


# The families and the hyphenation of overrides/pdf/print.css, on a page narrow enough to break words.
_SAMPLE_CSS = """@page { size: 40mm 300mm; margin: 2mm }
p { font-family: "DejaVu Serif", serif; text-align: justify; hyphens: auto }
h1 { font-family: "DejaVu Sans", sans-serif }"""

_prepare()
