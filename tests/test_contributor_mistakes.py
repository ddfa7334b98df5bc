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
from edition import article_text
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
    # An English paragraph with a variant the glossary bans, recorded (`make translation-lock`).
    en = drift.find(docs, "en", {ru.id}, lambda p: p.page in ARTICLE_PAGES and "Digital Silk Road" in p.markdown)
    drift.edit(docs, en, "Digital Silk Road", "Digital Silk Way", count=-1)
    assert project.lock().returncode == 0
    # Then the Russian edited: `make translation-lock FORCE=1` refuses it (the source is checked first).
    words = respell(project, ru, glossary)
    refused = project.lock("--force")
    assert refused.returncode == 1, refused.output
    # A plausible row, in both languages and on the map, put with the rows of its type.
    rows = project.data("infrastructure")["rows"]
    last = max(n for n, row in enumerate(rows) if row["type"] == "transport")
    project.replace("data/infrastructure.yaml", f"  - id: {rows[last + 1]['id']}\n", ROW + f"  - id: {rows[last + 1]['id']}\n")
    built = project.build()
    assert built.returncode == 0, "\n".join(built.errors)
    checked = project.check(*RULES, deselect=OWN_BUILDS)
    return project, ru, words, last + 1, checked, en, refused


@proves("README.md: Edit a sentence", "CONTRIBUTING.md: Fix a typo")
def test_the_lock_refuses_a_russian_change_without_a_correction_and_names_the_entry(broken):
    """Caught where it is made: `make translation-lock` (FORCE=1 too) checks the Russian against
    the source first, and says what to add to data/corrections.yaml instead of offering FORCE=1."""
    _, ru, (original, corrected), _, _, _, refused = broken
    [problem] = [line for line in refused.errors if line.startswith("  docs/")]
    assert problem.strip().startswith(f"{ru.where}: #{ru.id}: the Russian departs from the author's text"), refused.output
    assert f"[-{original}-] {{+{corrected}+}}" in refused.output and "FORCE=1" not in refused.output, refused.output
    assert f"paragraph: {ru.id}" in refused.output and f"original: {original}" in refused.output
    assert f"corrected: {corrected}" in refused.output and "data/corrections.yaml" in refused.output


@proves("README.md: Edit a sentence", "CONTRIBUTING.md: Fix a typo")
def test_a_russian_change_without_a_correction_shows_the_words_and_the_entry_to_add(broken):
    project, ru, (original, corrected), _, checked, _, _ = broken
    message = checked.failures[FIDELITY + "test_russian_text_is_the_source_text_in_order"]
    flat = one_line(message)
    assert f"{ru.where}: paragraph #{ru.id} departs from the author's text (data/source/article-ru.txt):" in flat, message
    assert f"[-{original}-] {{+{corrected}+}}" in flat, message
    assert "list it in data/corrections.yaml" in flat
    assert f"paragraph: {ru.id}" in message and f"original: {original}" in message and f"corrected: {corrected}" in message


@proves("README.md: Table rows", "CONTRIBUTING.md: The table's rows")
def test_an_added_row_fails_saying_the_table_is_the_authors_and_what_to_do(broken):
    project, _, _, index, checked, _, _ = broken
    line = project.line_of("data/infrastructure.yaml", f"- id: {NEW_ROW}")
    message = one_line(checked.failures[FIDELITY + "test_table_is_the_source_table_cell_for_cell"])
    assert (f"data/infrastructure.yaml:{line}: rows[{index}] (table row {index + 1}, id '{NEW_ROW}'): "
            "the cell «Сухой порт Хоргос» is not in the source table") in message, message
    assert "The table is the author's" in message and "a row cannot be added" in message
    assert "`note`" in message and "data/corrections.yaml" in message and "`row: <row id>`" in message


@proves("CONTRIBUTING.md: Translate a paragraph", "README.md: Translate")
def test_a_term_off_the_glossary_names_both_files_and_the_term(broken):
    project, _, _, _, checked, en, _ = broken
    [message] = checked.failed_in("test_glossary_terms").values()
    flat = one_line(message)
    ru_where = f"docs/ru/{en.page}.md:"
    assert "1 problem(s)" in flat and f"{ru_where}" in flat and f"{en.where}" in flat and f"(#{en.id})" in flat, message
    assert "the English uses «Digital Silk Way», a banned variant for" in flat and "write «Digital Silk Road»" in flat, message
    assert "data/glossary.yaml:" in flat and "term 'digital-silk-road'" in flat, message


def test_each_mistake_gives_one_failure_and_no_other_rule_fails(broken):
    """One mistake, one message: the table, the text and the glossary rules fail once each,
    nothing else does (not the row count of the table, not the map). The Russian edit the lock
    refused stays unrecorded too: a contributor who builds on regardless meets the lock's rule
    beside the source's, both naming the same paragraph."""
    checked = broken[4]
    assert sorted(checked.failures) == sorted([FIDELITY + "test_russian_text_is_the_source_text_in_order",
                                        FIDELITY + "test_table_is_the_source_table_cell_for_cell",
                                        "tests/test_translation_lock.py::test_every_translation_is_recorded_against_the_current_russian",
                                        "tests/test_glossary_terms.py::test_paragraphs_use_the_agreed_terms"]), checked.output[-5000:]
    assert f"#{broken[1].id}" in checked.failed_in("test_translation_lock")[
        "tests/test_translation_lock.py::test_every_translation_is_recorded_against_the_current_russian"]


# --- Issue 24: the translator's slips, caught at the sentence --------------------------------

PAIR = "tests/test_pair_sentences.py::test_every_pair_aligns_sentence_for_sentence"


@pytest.fixture(scope="module")
def slipped(tmp_path_factory):
    """ONE copy with four slips of a translator that passed every check before the sentences
    were aligned, in three paragraphs of two pages, recorded with `make translation-lock`; ONE build; the
    copy's rules. Each paragraph's slips give one problem line, naming both files and lines."""
    project = Project.copy(tmp_path_factory.mktemp("slips") / "project")
    page = "docs/en/policy-coordination.md"
    # #policy-coordination-p2: "the two sides" (обе стороны) -> "three"; the two years swapped.
    project.replace(page, "the two sides", "the three sides")
    project.replace(page, "(2019)", "(YEAR)")
    project.replace(page, "(2024)", "(2019)")
    project.replace(page, "(YEAR)", "(2024)")
    # #policy-coordination-p4: the citation marker [3] moved to the next sentence.
    project.replace(page, "Eurasian Economic Union” [3],", "Eurasian Economic Union”,")
    project.replace(page, "companies' innovative achievements.", "companies' innovative achievements [3].")
    # #industrial-parks-p1: the second sentence dropped, the third split in two (3 = 3 still; the
    # dropped one holds no glossary term, so the terms' rule has nothing to say).
    parks = "docs/en/industrial-parks.md"
    project.replace(parks, "These parks help to bridge the gap between academia and industry by providing mechanisms for "
                           "the transfer of research results into production. ", "")
    project.replace(parks, "into the real economy, stimulating", "into the real economy. It stimulates")
    assert project.lock().returncode == 0
    built = project.build()
    assert built.returncode == 0, "\n".join(built.errors)
    checked = project.check(*RULES, deselect=OWN_BUILDS)
    return project, checked


def _slip(slipped, ident: str, page: str = "policy-coordination") -> str:
    project, checked = slipped
    message = checked.failures[PAIR]
    [line] = [line for line in message.splitlines() if f"(#{ident})" in line]
    where = {lang: next(p.where for p in article_text.paragraphs(lang, page, project.root / "docs") if p.id == ident)
             for lang in ("ru", "en")}
    assert line.startswith(f"{where['ru']} ↔ {where['en']}, "), line
    return line


def test_a_number_in_words_changed_is_caught_at_the_sentence(slipped):
    line = _slip(slipped, "policy-coordination-p2")
    assert "the three sides" in line and "only in the Russian: 2, 2019; only in the translation: 2024, 3" in line, line


def test_two_years_swapped_between_sentences_are_caught(slipped):
    line = _slip(slipped, "policy-coordination-p2")
    assert "Russian sentence 1" in line and "Russian sentence 4" in line, line
    assert "numbers differ (only in the Russian: 2, 2019; only in the translation: 2024, 3)" in line, line
    assert "numbers differ (only in the Russian: 2024; only in the translation: 2019)" in line, line


def test_a_citation_marker_moved_to_another_sentence_is_caught(slipped):
    line = _slip(slipped, "policy-coordination-p4")
    assert "citation markers differ (only in the Russian: 3)" in line and "citation markers differ (only in the translation: 3)" in line, line


def test_a_sentence_dropped_and_another_split_is_caught_though_the_counts_agree(slipped):
    line = _slip(slipped, "industrial-parks-p1", "industrial-parks")
    assert "(3 in the Russian, 3 in the translation)" in line, line
    assert "has no translation" in line or "not one for one" in line or "differ in length" in line, line


def test_the_translators_slips_give_one_failure_and_no_other_rule_fails(slipped):
    _, checked = slipped
    assert sorted(checked.failures) == [PAIR], checked.output[-5000:]
    assert "3 problem(s)" in checked.failures[PAIR], checked.failures[PAIR]


def only_problem(built) -> str:
    """The build stopped before any page was rendered, with exactly one problem."""
    assert built.returncode != 0, built.output
    problems = [line.strip() for line in built.errors if line.startswith("  ")]
    assert len(problems) == 1, built.output
    return problems[0]


@pytest.fixture
def project(tmp_path):
    return Project.copy(tmp_path / "project")


def test_russian_quotation_marks_in_english_stop_the_build_at_the_line(project):
    page = "docs/en/e-commerce.md"
    project.replace(page, "Within the Belt and Road Initiative, the Digital Silk Road",
                    "Within the Belt and Road Initiative, the «Digital Silk Road»")
    line = project.line_of(page, "«Digital Silk Road»")
    column = project.text(page).splitlines()[line - 1].index("«") + 1
    problem = only_problem(project.build())
    assert problem.startswith(f"{page}:{line}:{column}: ««» in English text: «…» and „…“ are Russian quotation marks"), problem


def test_a_cyrillic_letter_in_a_latin_word_is_named_with_its_code_point(project):
    page = "docs/en/policy-coordination.md"
    project.replace(page, "regulation in Kazakhstan", "regulation in K\u0430zakhstan")
    line = project.line_of(page, "K\u0430zakhstan")
    problem = only_problem(project.build())
    assert problem.startswith(f"{page}:{line}:"), problem
    assert ("the word «K\u0430zakhstan» mixes Latin and Cyrillic letters: character 2 «\u0430» is U+0430 CYRILLIC SMALL "
            "LETTER A, which looks like LATIN SMALL LETTER A") in problem, problem


def test_a_label_that_lost_its_placeholder_in_one_language_stops_the_build(project):
    project.replace("data/labels.yaml", 'en: "Sentence {n} in the Russian original"', 'en: "Sentence in the Russian original"')
    line = project.line_of("data/labels.yaml", "sentence_show:")
    problem = only_problem(project.build())
    assert problem.startswith(f"data/labels.yaml:{line}: label 'sentence_show': the English lacks {{n}}"), problem
    assert "docs/assets/sentences.js fills in {n}" in problem, problem


def test_a_link_from_an_english_page_to_a_russian_page_stops_the_build_at_the_line(project):
    page = "docs/en/e-commerce.md"
    project.replace(page, "Within the Belt and Road Initiative,", "Within the [Belt and Road Initiative](../../introduction/),")
    line = project.line_of(page, "](../../introduction/)")
    problem = only_problem(project.build())
    assert problem.startswith(f"{page}:{line}:"), problem
    assert "the link «../../introduction/» leads from this English page to the Russian page «introduction»" in problem, problem
    assert not (project.root / "site" / "downloads").exists(), "a download was rendered before the check"
