"""One parse of a page's content per build: the content hooks share one lxml tree.

Not a hook: the hooks import it. MkDocs hands a page's HTML from one on_page_content
hook to the next as a string. Parsing that string again in every hook was the largest
cost of the page build; instead the first hook that needs the tree parses it (lxml,
about ten times faster than BeautifulSoup), and each hook returns the text serialised
from the tree it changed, remembered with that tree on the page: the next hook, which
gets that very string, gets the tree back without parsing.

    root = tree.parse(page, html)     # a <div> holding the page's content
    ...                                # change it
    return tree.serialize(page, root)

Also here: the few tree operations the hooks share (text nodes, templates as elements).
"""

from __future__ import annotations

import html as _html

import lxml.html
from lxml import etree

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


def parse(page, html: str):
    """The tree of `html`, the page's content (parsed only if it is not the last hook's result)."""
    memo = getattr(page, "_edition_tree", None)
    if memo is not None and memo[0] is html:
        return memo[1]
    root = lxml.html.fragment_fromstring(html, create_parent="div") if html.strip() else lxml.html.Element("div")
    page._edition_tree = (html, root)
    return root


def serialize(page, root) -> str:
    """The content as HTML again, remembered with its tree for the next hook."""
    text = inner_html(root)
    page._edition_tree = (text, root)
    return text


def inner_html(element) -> str:
    """An element's content as HTML (its text and children, not the element itself)."""
    head = _html.escape(element.text, quote=False) if element.text else ""
    return head + "".join(lxml.html.tostring(child, encoding="unicode") for child in element)


def outer_html(element, tail: bool = False) -> str:
    return lxml.html.tostring(element, encoding="unicode", with_tail=tail)


def fragments(html: str) -> list:
    """Elements from an HTML snippet (a rendered template), to insert into a tree."""
    return [node for node in lxml.html.fragments_fromstring(html.strip()) if not isinstance(node, str)] if html.strip() else []


def append_html(parent, html: str) -> None:
    """Append an HTML snippet (text and elements) at the end of `parent`'s content."""
    append(parent, lxml.html.fragments_fromstring(html) if html.strip() else [])


def append(parent, nodes) -> None:
    """Append strings (as text) and elements at the end of `parent`'s content, in order."""
    for node in nodes:
        if isinstance(node, str):
            last = parent[-1] if len(parent) else None
            if last is None:
                parent.text = (parent.text or "") + node
            else:
                last.tail = (last.tail or "") + node
        else:
            parent.append(node)


def element(html: str):
    """The one element an HTML snippet holds."""
    found = fragments(html)
    if len(found) != 1:
        raise ValueError(f"expected one element, got {len(found)}: {html[:80]!r}")
    return found[0]


def children(root):
    """The elements directly under `root` (no comments)."""
    return [child for child in root if isinstance(child.tag, str)]


def text_of(element) -> str:
    """The visible text of an element, whitespace collapsed."""
    return " ".join("".join(element.itertext()).split())


def text_slots(element, skip=("a", "code")):
    """(node, attribute) of every piece of text inside `element`, in document order: the
    element's .text and each descendant's .text and .tail — except text inside elements
    named in `skip` (their tails still count)."""
    def walk(node, inside_skip):
        if not inside_skip and node.text:
            yield node, "text"
        for child in node:
            if not isinstance(child.tag, str):  # a comment: its tail is text of the parent
                if child.tail and not inside_skip:
                    yield child, "tail"
                continue
            yield from walk(child, inside_skip or child.tag in skip)
            if child.tail and not inside_skip:
                yield child, "tail"
    yield from walk(element, element.tag in skip)


def replace_text(node, attribute: str, pieces: list) -> None:
    """Replace the text of `node.<attribute>` with `pieces`: strings and elements, in order."""
    strings_before = []
    index = 0
    while index < len(pieces) and isinstance(pieces[index], str):
        strings_before.append(pieces[index])
        index += 1
    rest = pieces[index:]
    setattr(node, attribute, "".join(strings_before) or None)
    if not rest:
        return
    # Where the new elements go: the first children of `node` (its .text), or after it (its .tail).
    if attribute == "text":
        position = 0
        parent = node
    else:
        parent = node.getparent()
        position = parent.index(node) + 1
    previous = None
    for piece in rest:
        if isinstance(piece, str):
            previous.tail = (previous.tail or "") + piece
        else:
            piece.tail = None
            parent.insert(position, piece)
            position += 1
            previous = piece


def is_element(node) -> bool:
    return isinstance(node.tag, str)


def comment(node) -> bool:
    return isinstance(node, etree._Comment)
