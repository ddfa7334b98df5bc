"""Write the whole article as one PDF per language: downloads/<file_name>-<lang>.pdf.

The pages of the language's nav, in nav order, except the edition's own pages
(data/article.yaml: edition_pages), as the build rendered them (title, abstracts, every
chapter, the table, and whatever pages the nav gains), put into
overrides/pdf/article.html with the print stylesheet overrides/pdf/print.css, and set by
WeasyPrint (Pango, system fonts: DejaVu covers Cyrillic).

Links between pages become links inside the PDF; links to anything else become absolute
URLs of the published site, so they still work from a downloaded file.
"""

from pathlib import Path
from urllib.parse import urljoin, urlsplit

import jinja2
from bs4 import BeautifulSoup
from markupsafe import Markup

import _edition

TEMPLATES = Path(__file__).resolve().parent.parent / "overrides" / "pdf"
_env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, undefined=jinja2.StrictUndefined)
_navs: dict[str, list] = {}


def on_nav(nav, config, files):
    _navs[_edition.current_language(config)] = [page for page in nav.pages if _edition.is_article_page(page, config)]
    return nav


def _anchor(page) -> str:
    return "page-" + (page.url.strip("/").replace("/", "-") or "index")


def _part(page, by_url: dict, base: str, site: Path) -> Markup:
    """The page's content with its links pointing into the PDF or at the published site."""
    soup = BeautifulSoup(page.content or "", "html.parser")
    for link in soup.select("a.headerlink"):
        link.decompose()
    here = "/" + page.url
    for tag, attr in (("a", "href"), ("img", "src"), ("source", "src")):
        for element in soup.find_all(tag, attrs={attr: True}):
            value = element[attr]
            if urlsplit(value).scheme or value.startswith("#"):
                continue  # external, or already inside this page
            target = urlsplit(urljoin(here, value))
            path = target.path.lstrip("/")
            if tag == "a" and path in by_url:
                element[attr] = "#" + (target.fragment or by_url[path])
            elif tag == "a":
                element[attr] = base + path + (f"#{target.fragment}" if target.fragment else "")
            else:
                element[attr] = (site / path).as_uri()
    return Markup(str(soup))


def on_post_build(config):
    from weasyprint import HTML, URLFetcher  # imported here: loading Pango takes a moment

    meta = _edition.metadata(config)
    lang = meta["lang"]
    site = Path(config.site_dir)
    pages = _navs[lang]
    by_url = {page.url: _anchor(page) for page in pages}
    parts = [{"anchor": _anchor(page), "title": page.title, "content": _part(page, by_url, meta["site_url"], site)} for page in pages]
    html = _env.get_template("article.html").render(edition=meta, parts=parts)
    target = site / meta["this"]["files"]["pdf"]
    target.parent.mkdir(parents=True, exist_ok=True)
    stylesheet = TEMPLATES / "print.css"
    # The site's own files only, never another host: the build works offline.
    document = HTML(string=html, base_url=str(site), url_fetcher=URLFetcher(allowed_protocols={"file"}))
    document.write_pdf(target, stylesheets=[stylesheet.as_uri()])
