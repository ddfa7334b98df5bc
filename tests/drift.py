"""Breaking a copy of the project on purpose, one paragraph at a time (for the tests that
show each rule failing). Targets are found in the text, not hard-coded, so the tests keep
working when the text is edited."""

from __future__ import annotations

import re
from pathlib import Path

from edition import article_text
from edition_site import edited


def edit(docs: Path, paragraph: article_text.Paragraph, old: str, new: str, count: int = 1) -> None:
    """Replace `old` by `new` inside one paragraph of a Markdown file."""
    path = docs / paragraph.lang / f"{paragraph.page}.md"
    lines = path.read_text(encoding="utf-8").split("\n")
    first, size = paragraph.line - 1, paragraph.markdown.count("\n") + 1
    block = "\n".join(lines[first:first + size])
    lines[first:first + size] = edited(block, old, new, count, where=f"{paragraph.where} (paragraph #{paragraph.id})").split("\n")
    path.write_text("\n".join(lines), encoding="utf-8")


def find(docs: Path, lang: str, taken: set, test=lambda p: True, kind: str = "p") -> article_text.Paragraph:
    """The first paragraph of LANG (pages in order) not taken yet that passes `test`; marks it taken."""
    for page in article_text.pages(lang, docs):
        for paragraph in article_text.paragraphs(lang, page, docs):
            if paragraph.id not in taken and paragraph.kind == kind and test(paragraph):
                taken.add(paragraph.id)
                return paragraph
    raise AssertionError(f"docs/{lang}/: no paragraph fit for this test is left")


def twin(docs: Path, paragraph: article_text.Paragraph, lang: str) -> article_text.Paragraph:
    return next(p for p in article_text.paragraphs(lang, paragraph.page, docs) if p.id == paragraph.id)


NUMBER = re.compile(r"(?<![\[\d])\b(\d{2,})(?![\d\]])")
CITATION = re.compile(r" ?\[\d+\]")
