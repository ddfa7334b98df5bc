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

Submitted at on_env, when every page's content is in the model and before the pages are
written: the worker sets the PDF while MkDocs writes the pages (in a cold build's log, the
English PDF, the last file a build waits for, started 0.35 s sooner). The images it
embeds are read from MkDocs' files (their source, or what a hook generated), not from the site.
"""

import functools
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import quote, unquote

import jinja2
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

import _article
import _downloads
import _edition
import _templates

TEMPLATES = Path(__file__).resolve().parent.parent / "overrides" / "pdf"
_env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, undefined=jinja2.StrictUndefined)
_env.bytecode_cache = _templates.bytecode_cache(_env)
SITE = "file:///site/"  # hooks/_render_pdf.py: the base below which the PDF names the site's files
IMAGES = ("png", "svg", "jpg")  # the site's files a PDF embeds; links to any other file go to the published site


def _parts(article, base: str, images: dict) -> list[dict]:
    """The article's pages (the model), with links pointing into the PDF or at the published site."""
    included = {page.url: page for page in article.article_pages}

    def link(path, fragment, query):
        if path in included and not query:
            return "#" + (fragment or included[path].anchor)
        if path in images:
            return SITE + quote(path)
        return base + path + (f"?{query}" if query else "") + (f"#{fragment}" if fragment else "")

    return [{"anchor": page.anchor, "title": page.title,
             "content": _article.html([el for block in page.blocks for el in block.elements], page.url, link=link, permalinks=False)}
            for page in article.article_pages]


@event_priority(-100)  # after the other on_env events: editor_notes.py has checked every note's place
def on_env(env, config, files):
    meta = _edition.metadata(config)
    target = meta["this"]["files"]["pdf"]
    images = {file.dest_uri: file for file in files if file.dest_uri.rsplit(".", 1)[-1] in IMAGES}
    parts = _parts(_article.get(meta["lang"], meta), meta["site_url"], images)
    html = _env.get_template("article.html").render(edition=meta, parts=parts)
    inputs = {"html": html, "stylesheet": (TEMPLATES / "print.css").read_text(encoding="utf-8"),
              "files": _site_files(html, images, target)}
    # WeasyPrint runs in the download worker (hooks/_render_pdf.py), from the cache when
    # nothing the PDF depends on has changed.
    _downloads.submit(config, target, "_render_pdf:render", inputs,
                      depends=[TEMPLATES, *_system_files()], versions=VERSIONS)
    return env


# What the PDF's bytes depend on besides its inputs: the renderer's packages, and (below) the
# font files and the libraries that lay out the text.
VERSIONS = ("weasyprint", "pydyf", "fonttools", "tinycss2", "cssselect2", "tinyhtml5", "pyphen", "pillow")
LIBRARIES = ("libpango-1.0.so", "libpangoft2-1.0.so", "libharfbuzz.so", "libfontconfig.so", "libfreetype.so")


def _site_files(html: str, images: dict, target: str) -> dict[str, bytes]:
    """The bytes of the site's files the PDF refers to (_parts names them below the fixed base
    SITE, hooks/_render_pdf.py, so that the PDF does not depend on where the site is built)."""
    files = {}
    for url in sorted(set(re.findall(re.escape(SITE) + r"""[^"'\s<>)#]+""", html))):
        file = images.get(unquote(url[len(SITE):]))
        if file is None:
            raise PluginError(f"{target}: the PDF refers to {url[len(SITE):]}, which is not among the build's files.")
        files[url] = file.content_bytes
    return files


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
