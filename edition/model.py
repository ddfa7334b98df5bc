"""The article model: each language's article, assembled once per build from what the
build rendered, and read by every whole-article form (full-text page, parallel pages,
PDF, EPUB, JATS), each a template over it — as pandoc's AST is for pandoc's writers.

Not a hook: hooks/model/article_model.py records each page's finished content tree (the last
content hook, after paragraph ids, sentences, citations and notes) and the nav's order;
`get(lang)` gives the Article of a language once its pages are rendered.

    Article   lang, edition (edition/metadata.py metadata), pages in nav order,
              data: the table(s), notes, references, corrections (data/)
    Page      name ('policy-coordination'), url, title, kind ('article' | 'edition'), blocks
              (the whole-article forms carry the article's pages, then the back matter:
               the edition's page of the reference list)
    Block     id (the same in every language), kind (p, ul, h1, figure, …), level (a
              heading's), the element and the elements that go with it (an editor's
              note after its paragraph), sentences (id, text), text

A block is a top-level element of the page's content that has an id (a paragraph
`section-pN`, a heading `{#id}`, a table `table-NAME`), with the elements without an id
that follow it. The elements are the build's own (lxml), never copied into a second
text: a rendering copies what it shows (`html()`), rebasing links and ids for where
it goes.
"""

from __future__ import annotations

import copy
import posixpath
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import lxml.html
from markupsafe import Markup

from edition import datafiles, tree

PARAGRAPH = re.compile(r"^(?P<section>[a-z0-9-]+)-p(?P<n>\d+)$")
SENTENCE_CLASS = "edition-s"
ID_REFS = ("for", "headers", "aria-labelledby", "aria-describedby", "aria-controls")
PERMALINKS = "edition-permalink"   # the ¶ of hooks/text/paragraph_ids.py (and Material's headerlink)
REFERENCE_LIST = "reference-list"  # the reference list's id (overrides/edition/references.html)
WEB_ONLY = "edition-revision"      # a revised sentence's marker (hooks/text/revisions.py): the web's, not a download's


@dataclass
class Block:
    id: str
    page: str                 # the page's name: 'policy-coordination', 'index'
    url: str                  # the page's URL below the site root: 'en/policy-coordination/'
    elements: list            # the block's element, then those that go with it

    @property
    def element(self):
        return self.elements[0]

    @property
    def kind(self) -> str:
        return self.element.tag

    @property
    def level(self) -> int | None:
        return int(self.kind[1]) if self.kind in tree.HEADINGS else None

    @property
    def is_paragraph(self) -> bool:
        return bool(PARAGRAPH.match(self.id))

    @property
    def title(self) -> str:
        """A heading's text, without its permalink."""
        return text(self.element)

    @property
    def text(self) -> str:
        return text(self.element)

    @property
    def sentences(self) -> list[tuple[str, str]]:
        """(id, text) of each sentence of the block (hooks/text/sentences.py), in order."""
        return [(span.get("id"), text(span)) for span in self.element.iter("span")
                if SENTENCE_CLASS in (span.get("class") or "").split() and span.get("id")]

    @property
    def notes(self) -> list:
        return [el for el in self.elements[1:] if "edition-note" in (el.get("class") or "").split()]


@dataclass
class Page:
    name: str
    url: str
    title: str
    kind: str                 # 'article' (the author's text) or 'edition' (the edition's own pages)
    blocks: list = field(default_factory=list)

    @property
    def heading(self) -> Block | None:
        return next((block for block in self.blocks if block.level), None)

    @property
    def anchor(self) -> str:
        """Where the page starts in a whole-article form: its first heading's id."""
        heading = self.heading
        return heading.id if heading else f"page-{self.name}"


@dataclass
class Article:
    lang: str
    pages: list               # Page, in the nav's order
    edition: dict             # edition/metadata.py metadata for this language
    data: dict                # the data files the article shows: table, notes, references, corrections

    def page(self, name: str) -> Page:
        return next(page for page in self.pages if page.name == name)

    @property
    def article_pages(self) -> list:
        return [page for page in self.pages if page.kind == "article"]

    @property
    def back_matter(self) -> list:
        """The edition's own pages that a whole-article form carries after the article's: the
        page of the reference list (the editors compiled it, data/article.yaml edition_pages),
        which the citations [N] of the text link to."""
        return [page for page in self.pages if page.kind != "article" and any(block.id == REFERENCE_LIST for block in page.blocks)]

    @property
    def whole_pages(self) -> list:
        """What a whole-article form (full text, PDF, EPUB) carries: the article's pages, then its back matter."""
        return self.article_pages + self.back_matter

    def blocks(self, pages=None):
        for page in pages or self.pages:
            yield from page.blocks

    @property
    def paragraph_ids(self) -> list[str]:
        return [block.id for block in self.blocks() if block.is_paragraph]

    @property
    def sentences(self) -> list[tuple[str, str]]:
        return [sentence for block in self.blocks() for sentence in block.sentences]


def text(element) -> str:
    """An element's visible text without the edition's permalinks, whitespace collapsed."""
    element = copy.deepcopy(element)
    for link in [*element.iter("a"), *_web_only(element)]:
        if link.tag != "a" or _is_permalink(link):
            _drop(link)
    return tree.text_of(element)


def _web_only(element) -> list:
    return [node for node in element.iter("span") if WEB_ONLY in (node.get("class") or "").split()]


def _is_permalink(link) -> bool:
    classes = (link.get("class") or "").split()
    return PERMALINKS in classes or "headerlink" in classes


def _drop(element) -> None:
    """Remove an element, keeping its tail text."""
    parent = element.getparent()
    if parent is None:
        return
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def blocks_of(root, page: str, url: str) -> list[Block]:
    """The blocks of a page's content tree (see the module's docstring)."""
    found: list[Block] = []
    for element in tree.children(root):
        ident = element.get("id")
        if not ident and not found:
            inner = next((el for el in element.iter() if el.get("id")), None)   # <header> holding <h1 id=title>
            ident = inner.get("id") if inner is not None else None
        if ident:
            found.append(Block(ident, page, url, [element]))
        elif found:
            found[-1].elements.append(element)
    return found


# --- recording, during the build (hooks/model/article_model.py) -----------------------------

_pages: dict[str, dict] = {}       # lang -> {page name: Page}
_nav: dict[str, list] = {}         # lang -> page names in nav order
_articles: dict[str, Article] = {}


def reset(lang: str) -> None:
    _pages[lang] = {}
    _nav[lang] = []
    _articles.pop(lang, None)


def record_nav(lang: str, names: list[str]) -> None:
    _nav[lang] = names


def record(lang: str, name: str, url: str, title: str, kind: str, root) -> Page:
    page = Page(name, url, title, kind, blocks_of(root, name, url))
    _pages.setdefault(lang, {})[name] = page
    _articles.pop(lang, None)
    return page


def page_of(lang: str, name: str) -> Page | None:
    return _pages.get(lang, {}).get(name)


def get(lang: str, edition: dict) -> Article:
    """The article of a language, once all its pages are rendered (from on_env on)."""
    if lang not in _articles:
        pages = [_pages[lang][name] for name in _nav[lang] if name in _pages.get(lang, {})]
        data = {name: datafiles.load(name) for name in ("infrastructure", "notes", "references", "corrections")}
        _articles[lang] = Article(lang, pages, edition, data)
    return _articles[lang]


def built_languages() -> list[str]:
    return list(_articles) or list(_pages)


# --- rendering: a copy of blocks as HTML for another place ----------------------------

def resolve(href: str, base_url: str):
    """A link of a page at base_url as (site path, fragment, query), or None if it leaves the site."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("/", "mailto:", "data:")):
        return None
    path = posixpath.normpath(posixpath.join("/" + base_url, parts.path)) if parts.path else "/" + base_url
    if (parts.path.endswith("/") or not parts.path) and not path.endswith("/"):
        path += "/"
    return path.lstrip("/"), parts.fragment, parts.query


def relative(target: str, here: str) -> str:
    """A site path (a page's URL, 'en/references/') relative to the page at `here`."""
    rel = posixpath.relpath("/" + target, "/" + here) if target != here else "."
    if target.endswith("/") and rel != ".":
        rel += "/"
    return "./" if rel == "." else rel


def html(elements, source_url: str, link=None, rename=None, shift: int = 0, permalinks: bool = True) -> Markup:
    """Copies of `elements` (of the page at source_url) as HTML for another place.

    link(path, fragment, query) -> href: where a link inside the site goes now (None keeps it;
    a link to a place on its own page, `#id`, comes as (source_url, id, ''));
    rename(id) -> id: the ids inside (None drops the id; the attributes naming ids — for,
    headers, aria-* — follow, keeping a token renamed to None);
    shift: headings go down that many levels; permalinks=False (the downloads) drops the ¶ links
    and the revision markers (WEB_ONLY)."""
    out = []
    for element in elements:
        element = copy.deepcopy(element)
        element.tail = None
        nodes = list(element.iter())
        if not permalinks:
            for link_element in [n for n in nodes if n.tag == "a" and _is_permalink(n)] + _web_only(element):
                _drop(link_element)
            nodes = list(element.iter())
        for node in nodes:
            if not isinstance(node.tag, str):
                continue
            if rename is not None:
                if node.get("id"):
                    new_id = rename(node.get("id"))
                    if new_id is None:
                        del node.attrib["id"]
                    else:
                        node.set("id", new_id)
                for name in ID_REFS:
                    if node.get(name):
                        node.set(name, " ".join(rename(token) or token for token in node.get(name).split()))
            if shift and node.tag in tree.HEADINGS:
                node.tag = f"h{min(int(node.tag[1]) + shift, 6)}"
            for name in ("href", "src"):
                value = node.get(name)
                if value is None:
                    continue
                if link is not None:
                    target = resolve(value, source_url)
                    if target is not None:
                        new = link(*target)
                        if new is not None:
                            node.set(name, new)
        out.append(lxml.html.tostring(element, encoding="unicode"))
    return Markup("\n".join(out))
