"""Write the whole article as one PDF per language: downloads/<file_name>-<lang>.pdf.

The article model's pages (hooks/_article.py: the nav's pages in order, except the edition's
own pages, data/article.yaml: edition_pages — title, abstracts, every chapter, the table,
the map, the notes, the references, and whatever pages the nav gains), put into
overrides/pdf/article.html with the print stylesheet overrides/pdf/print.css, and set by
WeasyPrint (Pango, system fonts: DejaVu covers Cyrillic).

Links between pages become links inside the PDF; links to anything else become absolute
URLs of the published site, so they still work from a downloaded file.
"""

from pathlib import Path

import jinja2

import _article
import _edition

TEMPLATES = Path(__file__).resolve().parent.parent / "overrides" / "pdf"
_env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, undefined=jinja2.StrictUndefined)


def _parts(article, base: str, site: Path) -> list[dict]:
    """The article's pages (the model), with links pointing into the PDF or at the published site."""
    included = {page.url: page for page in article.article_pages}

    def link(path, fragment, query):
        if path in included and not query:
            return "#" + (fragment or included[path].anchor)
        if path and not path.endswith("/") and (site / path).is_file() and path.rsplit(".", 1)[-1] in ("png", "svg", "jpg"):
            return (site / path).as_uri()
        return base + path + (f"?{query}" if query else "") + (f"#{fragment}" if fragment else "")

    return [{"anchor": page.anchor, "title": page.title,
             "content": _article.html([el for block in page.blocks for el in block.elements], page.url, link=link, permalinks=False)}
            for page in article.article_pages]


def on_post_build(config):
    from weasyprint import HTML, URLFetcher  # imported here: loading Pango takes a moment

    meta = _edition.metadata(config)
    lang = meta["lang"]
    site = Path(config.site_dir)
    parts = _parts(_article.get(lang, meta), meta["site_url"], site)
    html = _env.get_template("article.html").render(edition=meta, parts=parts)
    target = site / meta["this"]["files"]["pdf"]
    target.parent.mkdir(parents=True, exist_ok=True)
    stylesheet = TEMPLATES / "print.css"
    # The site's own files only, never another host: the build works offline.
    document = HTML(string=html, base_url=str(site), url_fetcher=URLFetcher(allowed_protocols={"file"}))
    # PDF/UA-1: tagged (headings, paragraphs, tables, links), document language and title set.
    document.write_pdf(target, stylesheets=[stylesheet.as_uri()], pdf_variant="pdf/ua-1")
