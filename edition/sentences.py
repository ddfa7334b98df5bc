"""The article's sentences: where each one starts and ends, and the span that marks it.

Not a hook: hooks/text/sentences.py wraps the sentences of the built pages with `wrap`, and the
pair rule (tests/test_pair_sentences.py, through tests/translation_pairs.py) counts them
with the same code, so what the test counts is what the reader gets.

Segmentation is done by libraries, measured on this article (every paragraph of both
languages) and on abbreviation cases from its text and notes (tests/test_sentence_segmenter.py):
Russian by razdel (Natasha project), which knows «г.», «гг.», «т. е.», «т. д.», «др.»,
initials; every other language by sentencex (Wikimedia), which knows «e.g.», «St.»,
«Co. Ltd.», «approx.». On top of them, three rules of this edition's text, which neither
library knows: a citation marker [N] never starts a sentence (it closes the one before,
or the sentence goes on after it), a sentence does not start with a lower-case letter or
a comma, and a full stop inside a quotation («…», “…”, „…“) that closes later in the
paragraph does not end the sentence around it. Sentences are cut only where whitespace
separates them, so no text ever changes.
"""

from __future__ import annotations

import re

import lxml.html
import razdel
import sentencex
from lxml import etree

from edition import tree

__all__ = ["split", "wrap", "sentences", "CLASS"]

CLASS = "edition-s"
CITATION = re.compile(r"\[\d+(?:\s*[,–-]\s*\d+)*\]")
CONTINUES = re.compile(r"[a-zа-яё,;:)\]»”]")      # what a sentence never starts with
QUOTES = {"«": "»", "„": "“", "“": "”"}             # opening mark -> its closing mark

# Blocks inside a paragraph (a list's items, a quotation's paragraphs): their inline content
# is segmented on its own. What is neither inline nor one of these (a table, code) is left as it is.
CONTAINERS = {"p", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "div"}
OPAQUE = {"table", "pre", "figure", "aside", "details", "section", "nav", "form", "script", "style", "template",
          "h1", "h2", "h3", "h4", "h5", "h6", "hr", "svg", "math"}
# Not part of any sentence: the paragraph's ¶ permalink (hooks/text/paragraph_ids.py), a revised
# sentence's marker (hooks/text/revisions.py, added after the spans: this keeps a re-segmenting of the page right).
NOT_TEXT = {"headerlink", "edition-revision"}


def _library(text: str, lang: str) -> list[tuple[int, int]]:
    if lang == "ru":
        return [(s.start, s.stop) for s in razdel.sentenize(text)]
    return [(b["start_index"], b["end_index"]) for b in sentencex.get_sentence_boundaries(lang, text)]


def _quoted(text: str) -> list[tuple[int, int]]:
    """(open, close) positions of every quotation that closes within the text."""
    stack, spans = [], []
    for at, char in enumerate(text):
        if stack and char == stack[-1][1]:
            spans.append((stack.pop()[0], at))
        elif char in QUOTES:
            stack.append((at, QUOTES[char]))
    return spans


def split(text: str, lang: str) -> list[tuple[int, int]]:
    """The sentences of a text as (start, end) character spans, without surrounding whitespace."""
    spans = []
    for start, end in _library(text, lang):
        piece = text[start:end]
        start, end = start + len(piece) - len(piece.lstrip()), end - len(piece) + len(piece.rstrip())
        if start < end:
            spans.append([start, end])
    quoted = _quoted(text)
    merged: list[list[int]] = []
    for start, end in spans:
        if merged:
            marker = CITATION.match(text, start)
            if marker:  # the marker closes the sentence before; what follows may go on with it
                merged[-1][1] = marker.end()
                rest = text[marker.end():end]
                if not rest.strip():
                    continue
                start = marker.end() + len(rest) - len(rest.lstrip())
            between = text[merged[-1][1]:start]
            if (not between or not between.isspace() or CONTINUES.match(text, start)
                    or any(opened < start < closed for opened, closed in quoted)):
                merged[-1][1] = end
                continue
        merged.append([start, end])
    return [(start, end) for start, end in merged]


# --- The spans in the page -------------------------------------------------------------

def _is_element(node) -> bool:
    return isinstance(node, etree._Element) and isinstance(node.tag, str)


def _excluded(node) -> bool:
    """Not text of any sentence: comments, the ¶ permalink."""
    return not _is_element(node) or not NOT_TEXT.isdisjoint((node.get("class") or "").split())


def _text_of(node) -> str:
    return "" if _excluded(node) else node.text_content()


def _children(container) -> list:
    """The container's content as a list of strings and elements, taken out of it."""
    nodes = [container.text] if container.text else []
    for child in list(container):
        tail, child.tail = child.tail, None
        container.remove(child)
        nodes.append(child)
        if tail:
            nodes.append(tail)
    container.text = None
    return nodes


def _cuts(run: list, lang: str) -> tuple[str, list[int]]:
    """The run's text and the positions where a new sentence starts, moved out of inline elements."""
    text, inside = "", []
    for node in run:
        piece = node if isinstance(node, str) else _text_of(node)
        if not isinstance(node, str) and piece:
            inside.append((len(text), len(text) + len(piece)))
        text += piece
    spans = split(text, lang)
    cuts = []
    for (_, end), (start, _) in zip(spans, spans[1:]):
        # Anywhere in the whitespace between the two sentences that is not inside an element;
        # else (the boundary falls inside an element) just after that element.
        free = [at for at in range(start, end - 1, -1) if not any(a < at < b for a, b in inside)]
        cut = free[0] if free else next(b for a, b in inside if a < start < b)
        if (not cuts or cut > cuts[-1]) and cut < len(text):
            cuts.append(cut)
    return text, cuts


def _content(node) -> bool:
    if isinstance(node, str):
        return bool(node.strip())
    return not _excluded(node)


def _sentence_nodes(run: list, lang: str) -> list[list]:
    """The run cut into ranges, one per sentence: lists of strings and elements."""
    text, cuts = _cuts(run, lang)
    ranges, current, position, bounds = [], [], 0, cuts + [None]
    for node in run:
        if isinstance(node, str):
            while bounds[0] is not None and position + len(node) > bounds[0]:
                at = bounds.pop(0) - position
                if node[:at]:
                    current.append(node[:at])
                ranges.append(current)
                current, node, position = [], node[at:], position + at
            if node:
                current.append(node)
            position += len(node)
        else:
            if bounds[0] is not None and position >= bounds[0]:
                bounds.pop(0)
                ranges.append(current)
                current = []
            current.append(node)
            position += len(_text_of(node))
    ranges.append(current)
    return ranges


def _wrap_run(run: list, lang: str, paragraph_id: str, found: list) -> list:
    out = []
    for nodes in _sentence_nodes(run, lang):
        marks = [i for i, node in enumerate(nodes) if _content(node)]
        if not marks:
            out.extend(nodes)
            continue
        first, last = marks[0], marks[-1]
        before, inner, after = nodes[:first], nodes[first:last + 1], nodes[last + 1:]
        if isinstance(inner[0], str):
            stripped = inner[0].lstrip()
            before.append(inner[0][:len(inner[0]) - len(stripped)])
            inner[0] = stripped
        if isinstance(inner[-1], str):
            stripped = inner[-1].rstrip()
            after.insert(0, inner[-1][len(stripped):])
            inner[-1] = stripped
        ident = f"{paragraph_id}-s{len(found) + 1}"
        span = lxml.html.Element("span", {"class": CLASS, "id": ident})
        tree.append(span, [node for node in inner if node != ""])
        found.append((ident, " ".join(span.text_content().split())))
        out.extend(node for node in before if node != "")
        out.append(span)
        out.extend(node for node in after if node != "")
    return out


def _wrap_container(container, lang: str, paragraph_id: str, found: list) -> None:
    nodes, out, run = _children(container), [], []
    for node in nodes:
        if _is_element(node) and (node.tag in CONTAINERS or node.tag in OPAQUE):
            out.extend(_wrap_run(run, lang, paragraph_id, found))
            run = []
            if node.tag in CONTAINERS:
                _wrap_container(node, lang, paragraph_id, found)
            out.append(node)
        else:
            run.append(node)
    out.extend(_wrap_run(run, lang, paragraph_id, found))
    tree.append(container, out)


def wrap(element, lang: str, paragraph_id: str) -> list[tuple[str, str]]:
    """Wrap each sentence of a paragraph (an lxml element: a <p>, or a list whose every <li>
    is segmented on its own) in <span class="edition-s" id="<paragraph_id>-sN">, in place.

    The text is not changed: a sentence is cut only between nodes or inside a text node;
    a boundary inside an inline element (a citation link, <abbr>, <em>) moves to just after
    it. Whitespace between sentences stays outside the spans; the ¶ permalink too.
    Returns (id, text) of each sentence, the text with its whitespace collapsed."""
    found: list[tuple[str, str]] = []
    _wrap_container(element, lang, paragraph_id, found)
    return found


def sentences(element, lang: str) -> list[str]:
    """The text of each sentence that `wrap` would mark in the element (left unchanged)."""
    import copy

    return [text for _, text in wrap(copy.deepcopy(element), lang, "x")]
