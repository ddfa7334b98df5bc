# checks · on_files
"""The Russian text and its translation pair up, or the build stops before any page is rendered.

Every page of docs/ru/ has, in every other language, the same headings with the same ids in
the same order, the same number of paragraphs in each section (edition/article_text.py numbers
them as hooks/text/paragraph_ids.py numbers the built HTML) and the same data markers. A mismatch
stops the build at once with one message per mistake, naming both files and lines, instead
of a half-paired site and a cascade of failing tests. Runs after translations.py (which
reports a page missing in a language) and before anything else reads the paragraphs.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.exceptions import PluginError

from edition import article_text, metadata

MARKER = re.compile(r"^<!--\s*([a-z-]+:\s*[a-z0-9-]+)\s*-->\s*$")
SAME = "Each Russian paragraph (or list) needs exactly one translated paragraph, in the same order, separated by a blank line."


def headings(path: Path) -> list[tuple[int, str | None]]:
    """(line, explicit id or None) of every heading of a Markdown file, in order (fenced code skipped)."""
    found = []
    for number, line in article_text.prose_lines(path.read_text(encoding="utf-8")):
        if article_text.ANY_HEADING.match(line):
            match = article_text.HEADING.match(line)
            found.append((number, match.group("id") if match else None))
    return found


def markers(path: Path) -> list[tuple[int, str]]:
    return [(number, " ".join(match.group(1).split())) for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
            if (match := MARKER.match(line))]


def _heading_problem(source: str, other: str, a: list, b: list) -> str | None:
    """The first heading that does not pair up (later ones would only repeat the same mistake)."""
    for (line_a, id_a), (line_b, id_b) in zip(a, b):
        if id_a is None:
            return (f"{source}:{line_a}: the heading has no explicit id: add one, e.g. {{#section-name}} "
                    f"(ASCII), and give the heading at {other}:{line_b} the same id.")
        if id_b is None:
            return f"{other}:{line_b}: the heading has no explicit id where {source}:{line_a} has {{#{id_a}}}: give both the same id."
        if id_a != id_b:
            return f"{other}:{line_b} has heading id {{#{id_b}}} where {source}:{line_a} has {{#{id_a}}}: give both the same id."
    if len(a) > len(b):
        line, ident = a[len(b)]
        return (f"{source}:{line} has the heading {{#{ident}}}, which {other} lacks ({len(b)} heading(s) there, "
                f"{len(a)} here): add it at the same place, with the same id.")
    if len(b) > len(a):
        line, ident = b[len(a)]
        return (f"{other}:{line} has the heading {{#{ident}}}, which {source} lacks ({len(a)} heading(s) there, "
                f"{len(b)} here): remove it, or add it to both texts with the same id.")
    return None


def _sections(paragraphs) -> dict:
    found: dict = {}
    for paragraph in paragraphs:
        found.setdefault(paragraph.section, []).append(paragraph.line)
    return found


def _paragraph_problems(source: str, other: str, a: list, b: list, heading_lines: dict) -> list[str]:
    out = []
    counts_a, counts_b = _sections(a), _sections(b)
    for section in list(dict.fromkeys([*counts_a, *counts_b])):
        lines_a, lines_b = counts_a.get(section, []), counts_b.get(section, [])
        if len(lines_a) != len(lines_b):
            at_a, at_b = heading_lines.get(section, (1, 1))
            out.append(
                f"{other}:{at_b}: section #{section} has {len(lines_b)} paragraph(s) (line(s) {_list(lines_b)}), "
                f"{source}:{at_a} has {len(lines_a)} (line(s) {_list(lines_a)}). {SAME}"
            )
    return out


def _list(lines: list[int]) -> str:
    return ", ".join(map(str, lines)) or "none"


def _marker_problem(source: str, other: str, a: list, b: list) -> str | None:
    for (line_a, marker_a), (line_b, marker_b) in zip(a, b):
        if marker_a != marker_b:
            return (f"{other}:{line_b} has the marker <!-- {marker_b} --> where {source}:{line_a} has <!-- {marker_a} -->: "
                    "put the same markers in the same places in both texts.")
    if len(a) != len(b):
        longer, shorter, markers_, count = (source, other, a, len(b)) if len(a) > len(b) else (other, source, b, len(a))
        line, marker = markers_[count]
        return f"{longer}:{line} has the marker <!-- {marker} -->, which {shorter} lacks: put the same markers in the same places in both texts."
    return None


def problems(docs: Path, source_lang: str, langs: list[str]) -> list[str]:
    """Every pairing mistake between docs/SOURCE/ and each translation, one message each."""
    out = []
    for page in article_text.pages(source_lang, docs):
        source_path = docs / source_lang / f"{page}.md"
        source = f"docs/{source_lang}/{page}.md"
        for lang in langs:
            other_path = docs / lang / f"{page}.md"
            other = f"docs/{lang}/{page}.md"
            if lang == source_lang or not other_path.is_file():
                continue  # a missing page is reported by hooks/checks/translations.py
            a, b = headings(source_path), headings(other_path)
            problem = _heading_problem(source, other, a, b)
            if problem:
                out.append(problem)
                continue  # paragraphs are counted per section: only once the sections agree
            try:
                paragraphs_a = article_text.paragraphs(source_lang, page, docs)
                paragraphs_b = article_text.paragraphs(lang, page, docs)
            except ValueError as err:  # a paragraph before the first heading
                out.append(f"{err}: start the page with a heading that has an id, e.g. '# Title {{#title}}'.")
                continue
            heading_lines = {ident: (line_a, line_b) for (line_a, ident), (line_b, _) in zip(a, b)}
            out.extend(_paragraph_problems(source, other, paragraphs_a, paragraphs_b, heading_lines))
            problem = _marker_problem(source, other, markers(source_path), markers(other_path))
            if problem:
                out.append(problem)
    return out


def on_files(files, config):
    found = problems(Path(config.docs_dir), metadata.default_language(config), metadata.languages(config))
    if found:
        raise PluginError(f"the translation does not pair up with the Russian text ({len(found)} problem(s)):\n  " + "\n  ".join(found))
    return files
