"""Set a PDF with WeasyPrint from what hooks/pdf.py hands over: the whole article's HTML,
the print stylesheet's text, and the bytes of every local file the HTML refers to.

A render of the download worker (hooks/_downloads.py): it runs in the worker's processes,
whose server imports this module — and so WeasyPrint and Pango — once, while the pages
build. It reads nothing but its inputs: the PDF is a function of what its key covers.
"""

from weasyprint import CSS, HTML
from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

SITE = "file:///site/"  # hooks/pdf.py names the site's files below this base (see there)


class _Handed(URLFetcher):
    """Serves the files the hook handed over, and nothing else: never another host (the build
    works offline), never a file the key does not cover."""

    def __init__(self, files: dict[str, bytes]):
        super().__init__(allowed_protocols={"file"})
        self._files = files

    def fetch(self, url, headers=None):
        body = self._files.get(url.split("#", 1)[0])
        if body is None:
            raise FatalURLFetchingError(f"the PDF refers to {url}, which hooks/pdf.py did not hand to the renderer")
        return URLFetcherResponse(url, body=body)


def render(inputs: dict, out) -> None:
    fetcher = _Handed(inputs["files"])
    document = HTML(string=inputs["html"], base_url=SITE, url_fetcher=fetcher)
    # PDF/UA-1: tagged (headings, paragraphs, tables, links), document language and title set.
    document.write_pdf(out, stylesheets=[CSS(string=inputs["stylesheet"], base_url=SITE, url_fetcher=fetcher)], pdf_variant="pdf/ua-1")
