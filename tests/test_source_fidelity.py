"""Rule: the Russian site is the author's text — every sentence of the source, words in
the author's order, line-break hyphens undone and real hyphens kept; the table cell for
cell; the author's English abstract verbatim on the English site.

The source is the edition's own copy, data/source/article-ru.txt; data/source/source.yaml
says which lines hold what and which line-end hyphens are real. The only departures
allowed are the corrections listed in data/corrections.yaml (shown on the corrections
page): they are undone before comparing, so any other change fails.
"""

import copy
import re

import pytest

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


@pytest.fixture(scope="module")
def ru_paragraphs(pages):
    """(page, id, text) of every author's paragraph on the Russian site, in reading order,
    with the listed corrections undone: the text as the source has it."""
    corrections = data("corrections")
    result = []
    for page in ARTICLE_PAGES:
        for p in paragraphs(pages[DEFAULT][page]):
            content = text(p)
            for change in (c for c in corrections if c["paragraph"] == p["id"]):
                assert change["page"] == page, f"data/corrections.yaml: paragraph {change['paragraph']} is on page '{page}', not '{change['page']}'"
                assert content.count(change["corrected"]) == 1, (
                    f"data/corrections.yaml lists «{change['original']}» → «{change['corrected']}» in #{p['id']}, "
                    f"but {md_name(DEFAULT, page)} does not have «{change['corrected']}» there exactly once"
                )
                content = content.replace(change["corrected"], change["original"])
            result.append((page, p["id"], content))
    return result


def test_every_correction_is_applied_to_an_existing_paragraph(ru_paragraphs):
    ids = {ident for _, ident, _ in ru_paragraphs}
    unknown = [c["paragraph"] for c in data("corrections") if c["paragraph"] not in ids]
    assert not unknown, f"data/corrections.yaml names paragraphs the article does not have: {unknown}"


@pytest.fixture(scope="module")
def ru_cells(pages):
    table = pages[DEFAULT]["infrastructure"].select_one("#table-infrastructure table")
    caption = copy.copy(table.caption)
    caption.select_one(".edition-table__number").extract()  # "Таблица 1." is the edition's numbering
    return [text(caption)] + [text(cell) for cell in table.select("th, td")]


def test_russian_text_is_the_source_text_in_order(ru_paragraphs):
    source = squeeze(_segment("abstract_ru") + _segment("body"))
    position = 0
    for page, ident, paragraph in ru_paragraphs:
        mine = squeeze(paragraph)
        theirs = source[position:position + len(mine)]
        if mine != theirs:
            at = next(i for i, (a, b) in enumerate(zip(mine + "\0", theirs + "\0")) if a != b)
            pytest.fail(
                f"{md_name(DEFAULT, page)}, paragraph #{ident} departs from the source "
                f"(data/source/{RECORD['file']}) at: site «…{mine[max(0, at - 30):at + 30]}…», "
                f"source «…{theirs[max(0, at - 30):at + 30]}…». Restore the author's words."
            )
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


def test_table_is_the_source_table_cell_for_cell(ru_cells):
    region = squeeze(_segment("table"))
    for cell in ru_cells:
        assert squeeze(cell) in region, f"table cell «{cell}» is not in the source table (data/infrastructure.yaml)"
    assert sum(len(squeeze(c)) for c in ru_cells) == len(region), (
        "the table's cells do not account for every word of the source table: a cell is missing, "
        "doubled or cut (data/infrastructure.yaml)"
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
