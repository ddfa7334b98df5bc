"""Rule: the Russian site is the author's text — every sentence of the source, words in
the author's order, line-break hyphens undone and real hyphens kept; the table cell for
cell; the author's English abstract verbatim on the English site.

The source is the edition's own copy, data/source/article-ru.txt; data/source/source.yaml
says which lines hold what and which line-end hyphens are real. The only departures
allowed are the corrections listed in data/corrections.yaml (shown on the corrections
page), of a paragraph or of a table row's cell: they are undone before comparing, so any
other change fails, with the words as written (a word diff against the source) and the
entry that would list it. The table's rows are the author's: a row cannot be added.
"""

import copy
import difflib
import re

import pytest

from edition import article_text, datafiles
from edition_site import ARTICLE_PAGES, DATA, DEFAULT, LANGS, data, md_name, paragraphs, text

SOURCE = DATA / "source"
RECORD = __import__("yaml").safe_load((SOURCE / "source.yaml").read_text(encoding="utf-8"))
LINES = (SOURCE / RECORD["file"]).read_text(encoding="utf-8").splitlines()
EN = next(lang for lang in LANGS if lang != DEFAULT)


def _lines(first, last):
    return "\n".join(LINES[first - 1:last])


def _segment(name):
    spans = RECORD["lines"][name]
    spans = [spans] if isinstance(spans[0], int) else spans
    return "\n".join(_lines(*span) for span in spans)


def squeeze(value: str) -> str:
    """Text without whitespace and hyphens: what the words are, in which order."""
    return re.sub(r"[\s\-\u00ad]", "", value)


def as_written(first, last) -> list[str]:
    """The words of source lines FIRST–LAST as a reader would write them: line-break hyphens
    undone, the real ones (data/source/source.yaml) kept."""
    real = set(RECORD["real_hyphens_at_line_end"])

    def join(match):
        before, after = match.groups()
        return f"{before}-{after}" if f"{before}-{after}" in real else before + after

    return re.sub(r"(\w+)-[ \t]*\n\s*(\w+)", join, _lines(first, last)).split()


def _spans(name):
    spans = RECORD["lines"][name]
    return [spans] if isinstance(spans[0], int) else spans


TEXT_WORDS = [word for name in ("abstract_ru", "body") for span in _spans(name) for word in as_written(*span)]


def _word_at(words: list[str], position: int) -> int:
    """The index of the word holding the POSITION-th character of the squeezed words."""
    total = 0
    for index, word in enumerate(words):
        total += len(squeeze(word))
        if total > position:
            return index
    return len(words)


CORRECTION_FORMAT = """\
  - page: {page}
    paragraph: {ident}
    original: {original}
    corrected: {corrected}
    kind: typo               # typo, name, spelling or wording
    reason: {{ru: …, en: …}}   # why, in both languages (shown on the corrections page)"""


def departure(page: str, ident: str, site: str, start: int) -> str:
    """The message for a paragraph that is not the source's: where (Markdown line), the words as
    written (a word diff against the source), and what to do."""
    first = _word_at(TEXT_WORDS, start)
    mine = site.split()
    theirs = TEXT_WORDS[first:first + len(mine) + 10]
    ops = difflib.SequenceMatcher(a=theirs, b=mine, autojunk=False).get_opcodes()
    while ops and ops[-1][0] == "delete" and ops[-1][1] >= len(mine) - 2:
        ops.pop()  # the source goes on with the next paragraph
    end = ops[-1][2] if ops else len(mine)
    theirs = theirs[:end]
    change = next((op for op in ops if op[0] != "equal"), None)
    original, corrected = "…", "…"
    if change:
        _, i1, i2, j1, j2 = change
        if i1 == i2 or j1 == j2:  # a word added or removed: name it with the word before it
            i1, j1 = max(i1 - 1, 0), max(j1 - 1, 0)
        original, corrected = " ".join(theirs[i1:i2]), " ".join(mine[j1:j2])
    where = next((p.where for p in article_text.paragraphs(DEFAULT, page) if p.id == ident), md_name(DEFAULT, page))
    return (
        f"{where}: paragraph #{ident} departs from the author's text (data/source/{RECORD['file']}): "
        f"{article_text.word_diff(' '.join(theirs), ' '.join(mine))}\n"
        "The Russian text is the author's. Restore the author's words; or, if the change is a deliberate "
        "correction, list it in data/corrections.yaml (it is then shown on the corrections page), e.g.\n"
        + CORRECTION_FORMAT.format(page=page, ident=ident, original=original, corrected=corrected)
    )


@pytest.fixture(scope="module")
def ru_paragraphs(pages):
    """(page, id, text) of every author's paragraph on the Russian site, in reading order,
    with the listed corrections undone: the text as the source has it."""
    corrections = [c for c in data("corrections") if "paragraph" in c]
    result = []
    for page in ARTICLE_PAGES:
        for p in paragraphs(pages[DEFAULT][page]):
            changes = [c for c in corrections if c["paragraph"] == p["id"]]
            for change in changes:
                assert change["page"] == page, f"data/corrections.yaml: paragraph {change['paragraph']} is on page '{page}', not '{change['page']}'"
            content, missing = article_text.undo_corrections(text(p), changes)
            assert not missing, "\n".join(
                f"data/corrections.yaml lists «{change['original']}» → «{change['corrected']}» in #{p['id']}, "
                f"but {md_name(DEFAULT, page)} does not have «{change['corrected']}» there exactly once" for change in missing)
            result.append((page, p["id"], content))
    return result


def test_every_correction_is_applied_to_an_existing_paragraph_or_row(ru_paragraphs):
    ids = {ident for _, ident, _ in ru_paragraphs}
    rows = {row["id"] for row in data("infrastructure")["rows"]}
    unknown = [f"{datafiles.where('corrections', [n])}: {c['paragraph']!r} is no paragraph of the article; write its id (section-pN)"
               for n, c in enumerate(data("corrections")) if "paragraph" in c and c["paragraph"] not in ids]
    unknown += [f"{datafiles.where('corrections', [n])}: {c['row']!r} is no row of data/infrastructure.yaml; write the row's id"
                for n, c in enumerate(data("corrections")) if "row" in c and c["row"] not in rows]
    assert not unknown, "\n".join(unknown)


TABLE_IS_THE_AUTHORS = (
    "The table is the author's (Table 1 of the article): its rows and their Russian words are the source's, so a row "
    "cannot be added and a Russian cell cannot be reworded. Instead: comment on a row with a `note` of that row in "
    "data/infrastructure.yaml (shown under the table), or, for a deliberate correction of a cell's words, list it in "
    "data/corrections.yaml with `row: <row id>` instead of `paragraph:` (shown on the corrections page). The English "
    "cells are this edition's translation and may be edited."
)


@pytest.fixture(scope="module")
def ru_table(pages):
    """The Russian table as the source has it: its caption and headers, and for each row its
    id and cells, with the listed corrections of the row's cells undone."""
    table = pages[DEFAULT]["infrastructure"].select_one("#table-infrastructure table")
    caption = copy.copy(table.caption)
    caption.select_one(".edition-table__number").extract()  # "Таблица 1." is the edition's numbering
    headers = [text(caption)] + [text(cell) for cell in table.select("thead th, tbody th")]
    corrections = [c for c in data("corrections") if "row" in c]
    rows = []
    for tr in table.select("tbody > tr"):
        ident = tr.get("id", "").removeprefix("row-")
        cells = [text(td) for td in tr.find_all("td", recursive=False)]
        for change in (c for c in corrections if c["row"] == ident):
            hits = [n for n, cell in enumerate(cells) if change["corrected"] in cell]
            assert len(hits) == 1 and cells[hits[0]].count(change["corrected"]) == 1, (
                f"data/corrections.yaml lists «{change['original']}» → «{change['corrected']}» in table row '{ident}', "
                f"but the row's cells do not have «{change['corrected']}» exactly once"
            )
            cells[hits[0]] = cells[hits[0]].replace(change["corrected"], change["original"])
        rows.append((ident, cells))
    return headers, rows


@pytest.fixture(scope="module")
def ru_cells(ru_table):
    headers, rows = ru_table
    return headers + [cell for _, cells in rows for cell in cells]


def test_russian_text_is_the_source_text_in_order(ru_paragraphs):
    source = squeeze(_segment("abstract_ru") + _segment("body"))
    position = 0
    for page, ident, paragraph in ru_paragraphs:
        mine = squeeze(paragraph)
        theirs = source[position:position + len(mine)]
        if mine != theirs:
            pytest.fail(departure(page, ident, paragraph, position), pytrace=False)
        position += len(mine)
    assert position == len(source), (
        f"the source goes on after the site's last paragraph: «{source[position:position + 80]}…» is missing"
    )


def test_english_abstract_is_the_authors_verbatim(pages):
    abstract = pages[EN]["index"].select_one("#abstract-p1")
    assert abstract is not None, f"{md_name(EN, 'index')}: no abstract paragraph #abstract-p1"
    assert text(abstract) == " ".join(_segment("abstract_en").split()), (
        f"{md_name(EN, 'index')}: the abstract must be the author's English abstract, word for word"
    )


def test_table_is_the_source_table_cell_for_cell(ru_table, ru_cells):
    region = squeeze(_segment("table"))
    first, last = RECORD["lines"]["table"]
    source = f"data/source/{RECORD['file']}, lines {first}–{last}"
    headers, rows = ru_table
    ids = [row["id"] for row in data("infrastructure")["rows"]]
    problems = [f"the table's heading «{cell}» is not in the source table ({source}): write it as the source does "
                "(data/infrastructure.yaml: caption, columns, types)." for cell in headers if squeeze(cell) not in region]
    for ident, cells in rows:
        number = ids.index(ident) if ident in ids else None
        where = f"{datafiles.where('infrastructure', ['rows', number])}: rows[{number}] (table row {number + 1}, id '{ident}')" \
            if number is not None else f"data/infrastructure.yaml, row '{ident}'"
        missing = [cell for cell in cells if squeeze(cell) not in region]
        if len(missing) == len(cells):
            problems.append(f"{where}: this row is not in the source table ({source}). {TABLE_IS_THE_AUTHORS}")
        elif missing:
            problems.append(f"{where}: the cell «{missing[0]}» is not in the source table ({source}). {TABLE_IS_THE_AUTHORS}")
    assert not problems, "\n".join(problems)
    assert sum(len(squeeze(c)) for c in ru_cells) == len(region), (
        f"the table's cells do not account for every word of the source table ({source}): a row or cell of "
        f"data/infrastructure.yaml is missing, doubled or cut. {TABLE_IS_THE_AUTHORS}"
    )


def test_line_break_hyphens_undone_and_real_hyphens_kept(ru_paragraphs, ru_cells):
    site = " ".join([p for _, _, p in ru_paragraphs] + ru_cells)
    source = "\n".join(LINES)
    on_one_line = " ".join(LINES)
    real = set(RECORD["real_hyphens_at_line_end"])
    seen, problems = set(), []
    for match in re.finditer(r"(\w+)-[ \t]*\n\s*(?=(\w+))", source):
        before, after = match.groups()
        pair = f"{before}-{after}"
        if LINES and match.start() < len("\n".join(LINES[:RECORD["lines"]["abstract_en"][1]])) and \
                match.start() >= len("\n".join(LINES[:RECORD["lines"]["abstract_en"][0] - 1])):
            continue  # the English abstract has no Russian words to join
        seen.add(pair)
        keep = pair in real
        right, wrong = (pair, before + after) if keep else (before + after, pair)
        if right not in site:
            problems.append(f"«{right}» is not on the site ({'a real hyphen' if keep else 'a line-break hyphen undone'})")
        if wrong in site and wrong not in on_one_line:
            problems.append(f"«{wrong}» is on the site: the source breaks a line there; write «{right}»")
    stale = real - seen
    assert not stale, f"data/source/source.yaml lists real hyphens the source does not break at a line end: {sorted(stale)}"
    assert not problems, "\n".join(problems)
