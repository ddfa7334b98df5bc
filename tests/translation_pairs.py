"""Paragraph pairs: the N-th paragraph of a section in Russian and in its translation.

Not a test module: the pair rules (tests/test_pair_*.py, test_glossary_terms.py) read
pairs from the built pages, and name both Markdown files with the paragraph's line
(edition/article_text.py finds the Markdown line of each paragraph id).
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from pathlib import Path

from edition import article_text
from edition_site import DEFAULT, DOCS, LANGS, PAGES, PARAGRAPH_ID, html_path, paragraphs, parse

CITATION = re.compile(r"\[(\d+(?:\s*[,–-]\s*\d+)*)\]")


@dataclass
class Pair:
    page: str
    id: str
    lang: str           # the translation's language
    ru: object          # the Russian element (bs4 Tag)
    en: object          # the translated element
    ru_where: str       # docs/ru/PAGE.md:LINE
    en_where: str

    @property
    def section(self) -> str:
        return PARAGRAPH_ID.match(self.id).group("section")

    @property
    def number(self) -> int:
        return int(PARAGRAPH_ID.match(self.id).group("n"))

    def name(self) -> str:
        """Both files and the paragraph, for a message."""
        return (f"{self.ru_where} ↔ {self.en_where}, paragraph {self.number} of section "
                f"#{self.section} (#{self.id})")


def load_pages(site: Path) -> dict:
    return {lang: {page: parse(html_path(site, lang, page)) for page in PAGES} for lang in LANGS}


def _lines(lang: str, page: str, docs: Path) -> dict:
    try:
        return {p.id: p.where for p in article_text.paragraphs(lang, page, docs)}
    except (OSError, ValueError):
        return {}


def pairs(pages: dict, docs: Path = DOCS) -> list[Pair]:
    """Every paragraph that exists in Russian and in a translation, by id."""
    found = []
    for page in PAGES:
        ru = {el["id"]: el for el in paragraphs(pages[DEFAULT][page])}
        ru_lines = _lines(DEFAULT, page, docs)
        for lang in LANGS:
            if lang == DEFAULT:
                continue
            other = {el["id"]: el for el in paragraphs(pages[lang][page])}
            lines = _lines(lang, page, docs)
            for ident, element in ru.items():
                if ident in other:
                    found.append(Pair(page, ident, lang, element, other[ident],
                                      ru_lines.get(ident, f"docs/{DEFAULT}/{page}.md"),
                                      lines.get(ident, f"docs/{lang}/{page}.md")))
    return found


def clean(element):
    """A copy of the element without what is not the paragraph's own text: footnote
    references, heading permalinks, editor's notes and banners (asides), revision markers."""
    element = copy.copy(element)
    for extra in element.select("sup[id^='fnref'], a.footnote-ref, a.headerlink, aside, .edition-revision"):
        extra.extract()
    return element


def visible(element) -> str:
    """The paragraph's visible text, whitespace collapsed, footnote references left out."""
    return " ".join(clean(element).get_text(" ").split()).replace(" ,", ",").replace(" .", ".")


def citations(element) -> list[str]:
    """The citation markers [1]…[4], as typed in Markdown or as rendered links, in order."""
    marks = []
    for match in CITATION.finditer(visible(element)):
        marks.extend(n.strip() for n in re.split(r"[,–-]", match.group(1)))
    return marks


# A number, with a Latin unit letter glued to it (5G, 4G, 3D); Russian/English ordinal
# endings (29й, 29-й, 29th) and thousands separators do not count.
NUMBER = re.compile(r"(?<![\w.,])(\d+(?:[.,]\d+)*(?:[\u00a0\u202f ]\d{3})*)(?:-?([A-Z])\b)?")


def numbers(element, lang: str) -> list[str]:
    return numbers_in(visible(element), lang)


def numbers_in(text: str, lang: str) -> list[str]:
    text = CITATION.sub(" ", text)
    found = []
    for match in NUMBER.finditer(text):
        digits, unit = match.group(1), match.group(2) or ""
        digits = re.sub(r"[\u00a0\u202f ]", "", digits)
        if lang == DEFAULT:
            digits = digits.replace(",", ".")       # Russian decimal comma
        else:
            digits = re.sub(r",(?=\d{3}\b)", "", digits)  # English thousands comma
        found.append(digits + unit)
    return found


def links(element) -> list[str]:
    """Targets of the paragraph's own links (not citations, footnotes or permalinks)."""
    return [a.get("href", "") for a in clean(element).find_all("a") if "citation" not in (a.get("class") or [])]


def footnotes(element) -> list[str]:
    """Labels of the footnotes the paragraph refers to."""
    return [a.get("href", "").removeprefix("#fn:") for a in element.select("a.footnote-ref")]


def sentences(element, lang: str) -> list[str]:
    """The sentences of a paragraph as the reader gets them: edition/sentences.py, the
    segmenter that gives each sentence of the built pages its span and id (razdel for
    Russian, sentencex otherwise), applied to a copy of the element (a bs4 Tag), or to a
    plain text (a paragraph's Markdown, say)."""
    import lxml.html

    from edition import sentences

    if isinstance(element, str):
        return [element[start:end] for start, end in sentences.split(element, lang)]
    return sentences.sentences(lxml.html.fragment_fromstring(str(element)), lang)


def structure(element) -> tuple:
    """What kind of block it is, and for a list how many items: emphasis is not structure."""
    if element.name in ("ul", "ol"):
        return (element.name, len(element.find_all("li", recursive=False)))
    return (element.name,)


def make_pair(ru_html: str, en_html: str, page: str = "policy-coordination", ident: str = "policy-coordination-p2") -> Pair:
    """A pair built from two HTML snippets, to show a rule failing on a small broken fixture."""
    from bs4 import BeautifulSoup

    ru = BeautifulSoup(ru_html, "html.parser").find(True)
    en = BeautifulSoup(en_html, "html.parser").find(True)
    return Pair(page, ident, "en", ru, en, f"docs/ru/{page}.md:5", f"docs/en/{page}.md:5")


def differences(a: list, b: list) -> str:
    """What one list has that the other lacks (as multisets), for a message."""
    from collections import Counter

    only_a, only_b = Counter(a) - Counter(b), Counter(b) - Counter(a)
    parts = []
    if only_a:
        parts.append("only in the Russian: " + ", ".join(sorted(only_a.elements())))
    if only_b:
        parts.append("only in the translation: " + ", ".join(sorted(only_b.elements())))
    return "; ".join(parts)


def report(problems: list[str]) -> None:
    """Fail with the problems alone, one per line: file:line, what is wrong, what to do."""
    if problems:
        import pytest

        pytest.fail(f"{len(problems)} problem(s):\n" + "\n".join(problems), pytrace=False)


NOT_TEXT = {"glossary", "translation-lock"}  # data files that hold no ru/en text pairs


def data_pairs(root: Path | None = None):
    """(where, ru, en) of every text with a Russian and an English version in data/*.yaml,
    e.g. a table cell: data/infrastructure.yaml:17 (rows[0].impact)."""
    import yaml

    from edition import datafiles
    from edition_site import DATA

    root = root or DATA
    for name in datafiles.names(root):
        if name in NOT_TEXT:
            continue
        text = (root / f"{name}.yaml").read_text(encoding="utf-8")
        yield from _walk(yaml.safe_load(text), "", text.splitlines(), name)


def _walk(value, field, lines, name):
    if isinstance(value, dict):
        if isinstance(value.get("ru"), str) and isinstance(value.get("en"), str):
            line = next((n for n, text in enumerate(lines, 1) if value["ru"] in text), 1)
            yield f"data/{name}.yaml:{line} ({field})", value["ru"], value["en"]
        for key, child in value.items():
            yield from _walk(child, f"{field}.{key}" if field else str(key), lines, name)
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _walk(child, f"{field}[{index}]", lines, name)
