"""The whole article as one PDF per language: downloads/<file_name>-<lang>.pdf, composed here
(hooks/forms/pdf.py hands it to the worker at on_env), set by render.py.

The article model's pages (edition/model.py: the nav's pages in order, except the edition's
own pages, data/article.yaml: edition_pages — title, abstracts, every chapter, the table,
the map, the notes, and whatever pages the nav gains), then the back matter (the edition's
page of the reference list, so that a citation [N] links inside the PDF), put into
overrides/pdf/article.html with the print stylesheet overrides/pdf/print.css, and set by
WeasyPrint (Pango, system fonts: DejaVu covers Cyrillic) in the download worker
(edition/worker.py, edition/forms/pdf/render.py), from its cache when nothing the PDF depends
on has changed.

Links between pages become links inside the PDF; links to anything else become absolute
URLs of the published site, so they still work from a downloaded file.

Submitted at on_env, when every page's content is in the model and before the pages are
written: the worker sets the PDF while MkDocs writes the pages (in a cold build's log, the
English PDF, the last file a build waits for, started 0.35 s sooner). The images it
embeds are read from MkDocs' files (their source, or what a hook generated), not from the site.
"""

from __future__ import annotations

import functools
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import quote, unquote

import jinja2

from edition import datafiles, model, templates

TEMPLATES = datafiles.ROOT / "overrides" / "pdf"
_env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, undefined=jinja2.StrictUndefined)
_env.bytecode_cache = templates.bytecode_cache(_env)
SITE = "file:///site/"  # edition/forms/pdf/render.py: the base below which the PDF names the site's files
IMAGES = ("png", "svg", "jpg")  # the site's files a PDF embeds; links to any other file go to the published site


def _parts(article, base: str, images: dict) -> list[dict]:
    """The article's pages and its back matter (the model), with links pointing into the PDF or at the published site."""
    included = {page.url: page for page in article.whole_pages}

    def link(path, fragment, query):
        if path in included and not query:
            return "#" + (fragment or included[path].anchor)
        if path in images:
            return SITE + quote(path)
        return base + path + (f"?{query}" if query else "") + (f"#{fragment}" if fragment else "")

    return [{"anchor": page.anchor, "title": page.title,
             "content": model.html([el for block in page.blocks for el in block.elements], page.url, link=link, permalinks=False)}
            for page in article.whole_pages]


# What the PDF's bytes depend on besides its inputs: the renderer's packages, and (below) the
# font files and the libraries that lay out the text.
VERSIONS = ("weasyprint", "pydyf", "fonttools", "tinycss2", "cssselect2", "tinyhtml5", "pyphen", "pillow")
LIBRARIES = ("libpango-1.0.so", "libpangoft2-1.0.so", "libharfbuzz.so", "libfontconfig.so", "libfreetype.so")


def _site_files(html: str, images: dict, target: str) -> dict[str, bytes]:
    """The bytes of the site's files the PDF refers to (_parts names them below the fixed base
    SITE, edition/forms/pdf/render.py, so that the PDF does not depend on where the site is built)."""
    files = {}
    for url in sorted(set(re.findall(re.escape(SITE) + r"""[^"'\s<>)#]+""", html))):
        file = images.get(unquote(url[len(SITE):]))
        if file is None:
            raise datafiles.DataError(f"{target}: the PDF refers to {url[len(SITE):]}, which is not among the build's files.")
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


def compose(meta: dict, files, target: str) -> dict:
    """What the worker needs to set the PDF of META's language: the whole article's HTML, the
    print stylesheet, the bytes of the images it embeds (from MkDocs' FILES)."""
    images = {file.dest_uri: file for file in files if file.dest_uri.rsplit(".", 1)[-1] in IMAGES}
    parts = _parts(model.get(meta["lang"], meta), meta["site_url"], images)
    html = _env.get_template("article.html").render(edition=meta, parts=parts)
    return {"html": html, "stylesheet": (TEMPLATES / "print.css").read_text(encoding="utf-8"),
            "files": _site_files(html, images, target)}


def depends() -> list:
    """The files the PDF's bytes depend on besides its inputs: the templates, fonts and text libraries."""
    return [TEMPLATES, *_system_files()]
