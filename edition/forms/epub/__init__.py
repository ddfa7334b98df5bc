"""The EPUB 3 of a language, composed from the article model (edition/model.py).

Not a hook: hooks/forms/epub.py calls `compose(article)` in each language's on_post_build and
hands what it returns to edition/worker.py, whose worker zips it (edition/forms/epub/render.py).

The book: a title page from data/article.yaml (overrides/epub/title.xhtml), then one
XHTML file per page of the model — the abstracts, every chapter in the nav's order, then as
appendices the edition's own pages a reader of the book needs: the references (the model's
back matter, the bibliography the citations [N] link to) and the corrections log (the
edition's changes to the author's text, which a reader could not see otherwise) — each
rendered by overrides/epub/chapter.xhtml from the page's blocks as the build rendered them
(tables, map, editor's notes included), with links rebased: a target inside the book becomes
`file.xhtml#id`, anything else an absolute URL of the published site. The ¶ permalinks are dropped, and so is what a page
hides until a script shows it (the table's filters): the book has no script.

XHTML is XML. The model's elements come from an HTML parser (boolean attributes, `<br>`,
SVG attributes lowercased: `viewbox`), so every rendered file is read again, in the
download worker (edition/forms/epub/render.py: `xhtml`), by an HTML5 parser that follows the
specification (tinyhtml5: SVG and MathML in their namespaces, their attribute names
case-corrected, `viewBox`), and written out through lxml.etree as XML in the XHTML
namespace. The map stays in its chapter as inline SVG.
"""

from __future__ import annotations

import jinja2
from lxml import etree

from edition import datafiles, model, templates

TEMPLATES = datafiles.ROOT / "overrides" / "epub"
CSS = TEMPLATES / "book.css"
DEPENDS = sorted(str(path) for path in TEMPLATES.iterdir() if path.is_file())
VERSIONS = ["Jinja2", "lxml", "tinyhtml5"]

FOLDER = "EPUB"                       # the book's files inside the zip
PACKAGE = f"{FOLDER}/package.opf"
NAV, STYLESHEET, TITLE_PAGE = "nav.xhtml", "book.css", "title.xhtml"
TITLE_BLOCK = "title"                 # overrides/edition/title.html: the title page of the book shows it
REFERENCE_LIST = model.REFERENCE_LIST  # overrides/edition/references.html: the page holding it is the bibliography
APPENDICES = ("corrections",)         # the edition's pages (docs/LANG/NAME.md) the book carries after its back matter


env = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)
env.bytecode_cache = templates.bytecode_cache(env)  # compiled once, not at every build


class BookError(datafiles.DataError):
    """A book that cannot be made as the pages are: the message says where and what to do."""


def compose(article) -> dict:
    """Everything the zip holds, in its order, as picklable data for edition/forms/epub/render.py."""
    meta = article.edition
    lang = article.lang
    labels = meta["labels"]
    abstract_page = datafiles.load("article")["abstract"]["page"].removesuffix(".md")
    pages = article.whole_pages + [page for page in article.pages if page.name in APPENDICES and page not in article.whole_pages]
    files = {page.url: f"{page.name}.xhtml" for page in pages}
    for reserved in (NAV, TITLE_PAGE):
        if reserved in files.values():
            raise BookError(f"docs/{lang}/{reserved.removesuffix('.xhtml')}.md: its name is one the EPUB keeps for its own {reserved}; rename the page.")

    documents = [{"item": "title-page", "file": TITLE_PAGE, "title": labels["epub_title_page"], "type": "titlepage",
                  "sections": [], "svg": False, "heading": TITLE_BLOCK}]
    bodies = {TITLE_PAGE: env.get_template("title.xhtml").render(edition=meta, css=STYLESHEET)}
    for page in pages:
        blocks = [block for block in page.blocks if block.id != TITLE_BLOCK]
        headings = [block for block in blocks if block.level]
        if not headings:
            raise BookError(f"docs/{lang}/{page.name}.md: the page has no heading with an id; the EPUB's contents need one. Give it a `# Title {{#id}}`.")
        if page.name == abstract_page:
            kind, role = "abstract", "doc-abstract"
        elif any(block.id == REFERENCE_LIST for block in blocks):
            kind, role = "bibliography", "doc-bibliography"
        elif page.kind != "article":
            kind, role = "appendix", "doc-appendix"
        else:
            kind, role = "chapter", "doc-chapter"
        file = files[page.url]
        link = _linker(file, files, meta["site_url"])
        content = model.html([element for block in blocks for element in block.elements], page.url, link=link, permalinks=False)
        document = {
            "item": f"part-{page.name}", "file": file, "title": headings[0].title, "type": kind, "role": role,
            "heading": headings[0].id, "sections": [{"id": block.id, "title": block.title} for block in headings[1:]],
            "svg": any(True for block in blocks for element in block.elements for _svg in element.iter("svg")),
        }
        documents.append(document)
        bodies[file] = env.get_template("chapter.xhtml").render(lang=lang, document=document, content=content, css=STYLESHEET)

    kinds = {document["type"]: document for document in reversed(documents)}
    if "chapter" not in kinds:
        raise BookError(f"docs/{lang}/: no chapter of the article was rendered; the EPUB needs its text.")
    landmarks = [{"type": "titlepage", "href": TITLE_PAGE, "title": labels["epub_title_page"]},
                 {"type": "toc", "href": f"{NAV}#toc", "title": labels["pdf_contents"]},
                 {"type": "bodymatter", "href": kinds["chapter"]["file"], "title": kinds["chapter"]["title"]}]
    if "bibliography" in kinds:
        landmarks.append({"type": "bibliography", "href": kinds["bibliography"]["file"], "title": kinds["bibliography"]["title"]})
    bodies[NAV] = env.get_template("nav.xhtml").render(lang=lang, labels=labels, documents=documents, landmarks=landmarks, css=STYLESHEET)

    entries = [
        ["META-INF/container.xml", _xml(env.get_template("container.xml").render(package=PACKAGE), "container.xml")],
        [PACKAGE, _xml(env.get_template("package.opf").render(
            edition=meta, documents=documents, nav=NAV, css=STYLESHEET), "package.opf")],
        [f"{FOLDER}/{NAV}", {"html": bodies[NAV], "keep_hidden": True}],
        [f"{FOLDER}/{STYLESHEET}", CSS.read_bytes()],
    ]
    entries += [[f"{FOLDER}/{document['file']}", {"html": bodies[document["file"]]}] for document in documents]
    day = [int(part) for part in meta["date"].split("-")]
    return {"entries": entries, "date_time": day + [0, 0, 0]}


def _linker(here: str, files: dict, site_url: str):
    """The `link` of model.html() for the book's file `here`."""
    def link(path, fragment, query):
        if path in files and not query:
            target = "" if files[path] == here else files[path]
            return f"{target}#{fragment}" if fragment else (target or here)
        return site_url + path + (f"?{query}" if query else "") + (f"#{fragment}" if fragment else "")
    return link


def _xml(text: str, template: str) -> bytes:
    """A rendered XML template, checked to be well-formed."""
    try:
        etree.fromstring(text.encode("utf-8"))
    except etree.XMLSyntaxError as err:
        raise BookError(f"overrides/epub/{template}: the rendered file is not well-formed XML ({err}). Correct the template.") from None
    return text.encode("utf-8")
