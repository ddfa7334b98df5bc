"""The article's paragraphs as written in Markdown, with their ids and line numbers.

Not a hook and not a test: the translation lock (tools/translation_lock.py) and the
tests read it. It numbers paragraphs exactly as hooks/text/paragraph_ids.py numbers the
built HTML (tests/test_translation_lock.py holds the two to the same ids): the N-th
paragraph, list or blockquote after a heading `{#id}` is `id-pN`. What the HTML does
not count is skipped here too: marker and other HTML blocks, footnote, abbreviation
and link definitions, tables, admonitions, fenced and indented code.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"

HEADING = re.compile(r"^#{1,6}\s+.*?\{\s*#(?P<id>[A-Za-z0-9_-]+)[^}]*\}\s*$")
ANY_HEADING = re.compile(r"^#{1,6}\s")
LIST_ITEM = re.compile(r"^(?P<bullet>[-*+]|\d+[.)])\s+")
FENCE = re.compile(r"^(```|~~~)")
SKIPPED = re.compile(
    r"^(<|\[\^[^\]]+\]:|\*\[[^\]]+\]:|\[[^\]]+\]:\s|\||!!!|\?\?\?|    |\t)"
)


@dataclass(frozen=True)
class Paragraph:
    lang: str
    page: str
    id: str
    section: str
    number: int
    line: int          # 1-based line of the paragraph's first line in the Markdown file
    kind: str          # "p", "ul", "ol" or "blockquote"
    markdown: str      # the paragraph's Markdown, as written

    @property
    def file(self) -> str:
        return f"docs/{self.lang}/{self.page}.md"

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}"

    @property
    def normalized(self) -> str:
        return normalize(self.markdown)

    @property
    def sha256(self) -> str:
        return digest(self.markdown)


def normalize(markdown: str) -> str:
    """The text a hash is taken of: whitespace collapsed, so re-wrapping lines is no change."""
    return " ".join(markdown.split())


def digest(markdown: str) -> str:
    return hashlib.sha256(normalize(markdown).encode("utf-8")).hexdigest()


def undo_corrections(text: str, changes) -> tuple[str, list[dict]]:
    """The author's wording of a passage whose listed corrections (data/corrections.yaml entries
    of that passage) are applied: each correction's `corrected` words put back as `original`.
    Also returns the entries whose corrected words the text does not hold exactly once (one
    that cannot be undone without guessing where). The source-fidelity rule and the
    translation lock both read the text this way."""
    missing = []
    for change in changes:
        if text.count(change["corrected"]) != 1:
            missing.append(change)
            continue
        text = text.replace(change["corrected"], change["original"])
    return text, missing


def word_diff(old: str, new: str, context: int = 6) -> str:
    """The change from `old` to `new`, word by word, for a message: [-removed-] {+added+},
    long unchanged stretches shortened to their ends."""
    a, b = old.split(), new.split()
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            words = a[i1:i2]
            if len(words) > 2 * context:
                words = (words[:context] if out else []) + ["…"] + words[-context:]
            out.extend(words)
        else:
            if i2 > i1:
                out.append("[-" + " ".join(a[i1:i2]) + "-]")
            if j2 > j1:
                out.append("{+" + " ".join(b[j1:j2]) + "+}")
    return " ".join(out)


def _kind(first_line: str) -> str:
    bullet = LIST_ITEM.match(first_line)
    if bullet:
        return "ol" if bullet.group("bullet")[0].isdigit() else "ul"
    return "blockquote" if first_line.startswith(">") else "p"


def _blocks(lines: list[str]):
    """(first line number, lines) of each block between blank lines; fenced code is one block."""
    block, start, fence = [], 0, None
    for number, line in enumerate(lines, 1):
        if fence:
            block.append(line)
            if line.startswith(fence):
                fence = None
            continue
        if not line.strip():
            if block:
                yield start, block
            block = []
            continue
        if not block:
            start = number
            match = FENCE.match(line)
            fence = match.group(1) if match else None
        block.append(line)
    if block:
        yield start, block


def prose_lines(text: str):
    """(line number, line) of a Markdown text outside fenced code (``` or ~~~), in order: what
    the checks of the text read (typography, links between the languages, headings)."""
    fence = None
    for number, line in enumerate(text.splitlines(), 1):
        if fence:
            fence = None if line.startswith(fence) else fence
            continue
        opening = FENCE.match(line)
        if opening:
            fence = opening.group(1)
            continue
        yield number, line


def paragraphs(lang: str, page: str, docs: Path = DOCS) -> list[Paragraph]:
    """The paragraphs of docs/LANG/PAGE.md, in order."""
    lines = (docs / lang / f"{page}.md").read_text(encoding="utf-8").splitlines()
    found: list[Paragraph] = []
    section, count, previous = None, 0, None
    for start, block in _blocks(lines):
        first = block[0]
        heading = HEADING.match(first)
        if heading or ANY_HEADING.match(first):
            section, count, previous = (heading.group("id") if heading else f"(heading at line {start})"), 0, None
            # A heading followed at once by text (no blank line) starts a paragraph there.
            block = block[1:]
            start += 1
            if not block:
                continue
            first = block[0]
        if SKIPPED.match(first) or FENCE.match(first):
            # An indented block continues the list before it (a loose list); otherwise it is skipped.
            if previous is not None and previous.kind in ("ul", "ol") and first.startswith(("    ", "\t")):
                found[-1] = _extend(previous, block)
                previous = found[-1]
            else:
                previous = None
            continue
        kind = _kind(first)
        if previous is not None and kind in ("ul", "ol") and kind == previous.kind:
            found[-1] = _extend(previous, block)  # the next item of a loose list
            previous = found[-1]
            continue
        if section is None:
            raise ValueError(f"docs/{lang}/{page}.md:{start}: a paragraph stands before the first heading")
        count += 1
        previous = Paragraph(lang, page, f"{section}-p{count}", section, count, start, kind, "\n".join(block))
        found.append(previous)
    return found


def _extend(paragraph: Paragraph, block: list[str]) -> Paragraph:
    return Paragraph(paragraph.lang, paragraph.page, paragraph.id, paragraph.section, paragraph.number,
                     paragraph.line, paragraph.kind, paragraph.markdown + "\n\n" + "\n".join(block))


def pages(lang: str, docs: Path = DOCS) -> list[str]:
    """The pages of a language: docs/LANG/**/*.md, as paths without .md, sorted."""
    return sorted(p.relative_to(docs / lang).with_suffix("").as_posix() for p in (docs / lang).rglob("*.md"))
