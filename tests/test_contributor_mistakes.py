"""Contributor how-tos that end in a failing check, with the message the docs promise: ONE
copy of the project with three mistakes a newcomer makes (the Russian edited without a listed
correction; a table row added; a term off the glossary), ONE build, and the copy's rule tests: each mistake gives
exactly one failure, naming its file and line, showing what changed and what to do
(README "Edit a sentence", "Table rows", "Translate"; CONTRIBUTING "Fix a typo", "The table's
rows", "Translate a paragraph").

Slow (a full build of the copy): `make test` runs it, `make check` does not."""

from __future__ import annotations

import pytest

import drift
import test_glossary_terms
from contributor import OWN_BUILDS, RULES, Project, one_line, plain_word, proves, respell
from edition_site import ARTICLE_PAGES

pytestmark = pytest.mark.slow

FIDELITY = "tests/test_source_fidelity.py::"
NEW_ROW = "dry-port-khorgos"
ROW = """\
  - id: dry-port-khorgos
    type: transport
    countries: [CN, KZ]
    label:
      ru: Китай и Казахстан
      en: China and Kazakhstan
    project:
      ru: Сухой порт Хоргос
      en: Khorgos dry port
    impact:
      ru: Повышение пропускной способности грузопотоков
      en: Increased freight throughput capacity
    places:
      - {place: khorgos, marks: site}
"""


@pytest.fixture(scope="module")
def broken(tmp_path_factory):
    project = Project.copy(tmp_path_factory.mktemp("mistakes") / "project")
    docs = project.root / "docs"
    glossary = test_glossary_terms.terms()
    taken = {c["paragraph"] for c in project.data("corrections") if "paragraph" in c}
    # The Russian edited, the lock refreshed (FORCE=1), but no entry in data/corrections.yaml.
    ru = drift.find(docs, "ru", taken, lambda p: p.page in ARTICLE_PAGES and p.page != "index" and plain_word(p.markdown, glossary))
    words = respell(project, ru, glossary)
    assert project.lock("--force").returncode == 0
    # An English paragraph with a variant the glossary bans, recorded (`make translation-lock`).
    en = drift.find(docs, "en", {ru.id}, lambda p: p.page in ARTICLE_PAGES and "Digital Silk Road" in p.markdown)
    drift.edit(docs, en, "Digital Silk Road", "Digital Silk Way", count=-1)
    assert project.lock().returncode == 0
    # A plausible row, in both languages and on the map, put with the rows of its type.
    rows = project.data("infrastructure")["rows"]
    last = max(n for n, row in enumerate(rows) if row["type"] == "transport")
    project.replace("data/infrastructure.yaml", f"  - id: {rows[last + 1]['id']}\n", ROW + f"  - id: {rows[last + 1]['id']}\n")
    built = project.build()
    assert built.returncode == 0, "\n".join(built.errors)
    checked = project.check(*RULES, deselect=OWN_BUILDS)
    return project, ru, words, last + 1, checked, en


@proves("README.md: Edit a sentence", "CONTRIBUTING.md: Fix a typo")
def test_a_russian_change_without_a_correction_shows_the_words_and_the_entry_to_add(broken):
    project, ru, (original, corrected), _, checked, _ = broken
    message = checked.failures[FIDELITY + "test_russian_text_is_the_source_text_in_order"]
    flat = one_line(message)
    assert f"{ru.where}: paragraph #{ru.id} departs from the author's text (data/source/article-ru.txt):" in flat, message
    assert f"[-{original}-] {{+{corrected}+}}" in flat, message
    assert "list it in data/corrections.yaml" in flat
    assert f"paragraph: {ru.id}" in message and f"original: {original}" in message and f"corrected: {corrected}" in message


@proves("README.md: Table rows", "CONTRIBUTING.md: The table's rows")
def test_an_added_row_fails_saying_the_table_is_the_authors_and_what_to_do(broken):
    project, _, _, index, checked, _ = broken
    line = project.line_of("data/infrastructure.yaml", f"- id: {NEW_ROW}")
    message = one_line(checked.failures[FIDELITY + "test_table_is_the_source_table_cell_for_cell"])
    assert (f"data/infrastructure.yaml:{line}: rows[{index}] (table row {index + 1}, id '{NEW_ROW}'): "
            "the cell «Сухой порт Хоргос» is not in the source table") in message, message
    assert "The table is the author's" in message and "a row cannot be added" in message
    assert "`note`" in message and "data/corrections.yaml" in message and "`row: <row id>`" in message


@proves("CONTRIBUTING.md: Translate a paragraph", "README.md: Translate")
def test_a_term_off_the_glossary_names_both_files_and_the_term(broken):
    project, _, _, _, checked, en = broken
    [message] = checked.failed_in("test_glossary_terms").values()
    flat = one_line(message)
    ru_where = f"docs/ru/{en.page}.md:"
    assert "1 problem(s)" in flat and f"{ru_where}" in flat and f"{en.where}" in flat and f"(#{en.id})" in flat, message
    assert "the English uses «Digital Silk Way», a banned variant for" in flat and "write «Digital Silk Road»" in flat, message
    assert "data/glossary.yaml:" in flat and "term 'digital-silk-road'" in flat, message


def test_each_mistake_gives_one_failure_and_no_other_rule_fails(broken):
    """One mistake, one message: the table, the text and the glossary rules fail once each,
    nothing else does (not the row count of the table, not the map, not the lock)."""
    checked = broken[4]
    assert sorted(checked.failures) == sorted([FIDELITY + "test_russian_text_is_the_source_text_in_order",
                                        FIDELITY + "test_table_is_the_source_table_cell_for_cell",
                                        "tests/test_glossary_terms.py::test_paragraphs_use_the_agreed_terms"]), checked.output[-5000:]
