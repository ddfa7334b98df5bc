"""Write an EPUB (OCF zip) from what edition/forms/epub/__init__.py composed: the download worker's part.

Not a hook: edition/worker.py calls `render(inputs, out)`. `inputs` is
{"entries": [[name, bytes | {"html": str, "keep_hidden"?: bool}], …], "date_time": [Y, M, D,
h, m, s]}: a page comes as the HTML its template rendered and is written here as XHTML
(`xhtml`: parsed as HTML5 does, written as XML), in the worker, off the page build's path. The OCF rules: the
`mimetype` entry first, stored (not compressed), without extra fields; then every entry in
the given order. Every entry gets the edition's date and fixed permissions, never the
clock's time, so the same inputs give the same bytes (tests/test_reproducible_build.py).
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
import zipfile
from pathlib import Path

import tinyhtml5
from lxml import etree

MIMETYPE = b"application/epub+zip"
XHTML = "http://www.w3.org/1999/xhtml"
OPS = "http://www.idpf.org/2007/ops"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
QUALIFIED = {"xml:lang": XML_LANG, "epub:type": f"{{{OPS}}}type"}


def _info(name: str, date_time, compress: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=tuple(date_time))
    info.compress_type = compress
    info.create_system = 3                 # Unix, whatever the machine
    info.external_attr = 0o100644 << 16    # a regular file, rw-r--r--
    return info


def render(inputs: dict, out: Path) -> None:
    date_time = inputs["date_time"]
    partial = out.with_name(out.name + ".part")
    with zipfile.ZipFile(partial, "w") as book:
        book.writestr(_info("mimetype", date_time, zipfile.ZIP_STORED), MIMETYPE)
        for name, data in inputs["entries"]:
            if isinstance(data, dict):
                data = xhtml(data["html"], data.get("keep_hidden", False))
            book.writestr(_info(name, date_time, zipfile.ZIP_DEFLATED), data, compresslevel=9)
    partial.replace(out)


def xhtml(document: str, keep_hidden: bool = False) -> bytes:
    """An HTML document (a rendered template holding the model's HTML) as XHTML: parsed as
    HTML5 does, written as XML. Elements marked `hidden` are left out unless keep_hidden
    (the navigation document hides its landmarks on purpose), and so are forms."""
    parsed = tinyhtml5.parse(document)
    root = etree.Element(parsed.tag, nsmap={None: XHTML, "epub": OPS})
    _copy_into(root, parsed, keep_hidden)
    return etree.tostring(root.getroottree(), xml_declaration=True, encoding="utf-8", doctype="<!DOCTYPE html>") + b"\n"


def _namespace(tag: str) -> str:
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""


def _attributes(node, target) -> None:
    for name, value in node.attrib.items():
        if name == "xmlns" or name.startswith("xmlns:"):
            continue
        target.set(QUALIFIED.get(name, name), value)
    if target.get("lang") is not None and target.get(XML_LANG) is None:
        target.set(XML_LANG, target.get("lang"))   # XHTML: lang in no namespace goes with xml:lang


def _interactive(node) -> bool:
    """A form (the table's filters, which need a script the book has not): no part of a book."""
    return isinstance(node.tag, str) and node.tag.rsplit("}", 1)[-1] == "form"


def _copy_into(target, node, keep_hidden: bool) -> None:
    """Copy the ElementTree `node` (its attributes, text, children) into the lxml element `target`."""
    _attributes(node, target)
    target.text = node.text
    last = None
    for child in node:
        skip = child.tag is ElementTree.Comment or (not keep_hidden and "hidden" in child.attrib) or _interactive(child)
        if skip or not isinstance(child.tag, str):
            if child.tail:
                if last is None:
                    target.text = (target.text or "") + child.tail
                else:
                    last.tail = (last.tail or "") + child.tail
            continue
        namespace = _namespace(child.tag)
        nsmap = {None: namespace} if namespace and namespace != _namespace(target.tag) else None
        last = etree.SubElement(target, child.tag, nsmap=nsmap)
        _copy_into(last, child, keep_hidden)
        last.tail = child.tail
