"""Write the whole article as one PDF per language: downloads/<file_name>-<lang>.pdf.

The article model's pages (hooks/_article.py: the nav's pages in order, except the edition's
own pages, data/article.yaml: edition_pages — title, abstracts, every chapter, the table,
the map, the notes, the references, and whatever pages the nav gains), put into
overrides/pdf/article.html with the print stylesheet overrides/pdf/print.css, and set by
WeasyPrint (Pango, system fonts: DejaVu covers Cyrillic) in the download worker
(hooks/_downloads.py, hooks/_render_pdf.py), from its cache when nothing the PDF depends
on has changed.

Links between pages become links inside the PDF; links to anything else become absolute
URLs of the published site, so they still work from a downloaded file.
"""

import functools
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote

import jinja2
from mkdocs.exceptions import PluginError

import _article
import _downloads
import _edition
import _templates

TEMPLATES = Path(__file__).resolve().parent.parent / "overrides" / "pdf"
_env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, undefined=jinja2.StrictUndefined)
_env.bytecode_cache = _templates.bytecode_cache(_env)
SITE = "file:///site/"  # hooks/_render_pdf.py: the base below which the PDF names the site's files


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
    meta = _edition.metadata(config)
    lang = meta["lang"]
    site = Path(config.site_dir)
    parts = _parts(_article.get(lang, meta), meta["site_url"], site)
    html = _env.get_template("article.html").render(edition=meta, parts=parts)
    # WeasyPrint runs in the download worker (hooks/_render_pdf.py), from the cache when
    # nothing the PDF depends on has changed.
    html, files = _site_files(html, site, meta["this"]["files"]["pdf"])
    inputs = {"html": html, "stylesheet": (TEMPLATES / "print.css").read_text(encoding="utf-8"), "files": files}
    _downloads.submit(config, meta["this"]["files"]["pdf"], "_render_pdf:render", inputs,
                      depends=[TEMPLATES, *_system_files()], versions=VERSIONS)


# What the PDF's bytes depend on besides its inputs: the renderer's packages, and (below) the
# font files and the libraries that lay out the text.
VERSIONS = ("weasyprint", "pydyf", "fonttools", "tinycss2", "cssselect2", "tinyhtml5", "pyphen", "pillow")
LIBRARIES = ("libpango-1.0.so", "libpangoft2-1.0.so", "libharfbuzz.so", "libfontconfig.so", "libfreetype.so")


def _site_files(html: str, site: Path, target: str) -> tuple[str, dict[str, bytes]]:
    """The site's files the PDF refers to (_part makes them file: URLs), named below a fixed
    base (hooks/_render_pdf.py SITE), so that the PDF does not depend on where the site is built."""
    base = site.as_uri().rstrip("/") + "/"
    files = {}
    for url in sorted(set(re.findall(re.escape(base) + r"""[^"'\s<>)#]+""", html))):
        path = site / unquote(url[len(base):])
        if not path.is_file():
            raise PluginError(f"{target}: the PDF refers to {path.relative_to(site)}, which the build did not write.")
        files[SITE + url[len(base):]] = path.read_bytes()
    return html.replace(base, SITE), files


@functools.cache
def _system_files() -> tuple[str, ...]:
    """The font files of the families print.css names (as fontconfig lists them; the one it
    substitutes where a family is missing), and the text libraries WeasyPrint loads (Pango,
    HarfBuzz, fontconfig, FreeType): their bytes are part of the PDF's cache key, so an
    upgraded font or library renders it again."""
    css = (TEMPLATES / "print.css").read_text(encoding="utf-8")
    families = set(re.findall(r'"([^"]+)"', css))
    found = set()
    listed = _run("fc-list", "--format=%{family}\t%{file}\n")
    for line in listed.splitlines():
        names, _, path = line.partition("\t")
        if families & set(names.split(",")):
            found.add(path)
    if not found:
        found.update(_run("fc-match", "--format=%{file}", family) for family in sorted(families))
    for line in _run("ldconfig", "-p").splitlines():
        name, _, path = line.strip().partition(" => ")
        if name.startswith(LIBRARIES):
            found.add(path)
    return tuple(sorted(path for path in found if path and Path(path).is_file()))


def _run(*command: str) -> str:
    """A system tool's output; empty where the tool is missing (then its files are not in the key)."""
    program = shutil.which(command[0]) or shutil.which(command[0], path="/sbin:/usr/sbin")
    if program is None:
        return ""
    return subprocess.run([program, *command[1:]], capture_output=True, text=True).stdout
