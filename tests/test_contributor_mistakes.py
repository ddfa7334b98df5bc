"""Contributor how-tos that end in a failing check, with the message the docs promise: ONE
copy of the project with three mistakes a newcomer makes (the Russian edited without a listed
correction; a table row added; a term off the glossary), ONE build, and the copy's rule tests: each mistake gives
exactly one failure, naming its file and line, showing what changed and what to do
(README "Edit a sentence", "Table rows", "Translate"; CONTRIBUTING "Fix a typo", "The table's
rows", "Translate a paragraph").

Slow (a full build of the copy): `make test` runs it, `make check` does not."""

from __future__ import annotations

import re

import pytest
import yaml

import drift
import test_glossary_terms
from contributor import OWN_BUILDS, RULES, Project, one_line, plain_word, proves, respell
from edition import alignment, article_text, sentences
from edition_site import ARTICLE_PAGES, data_line

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
# What a rewording keeps, to find a slip's place by: a year, a citation marker, a number in words.
YEAR = re.compile(r"(?<![\d\[])(?:19|20)\d\d(?![\d\]])")
MARKER = re.compile(r" ?\[(\d+)\]")
TWO = re.compile(r"\b([Tt])wo\b")
END = re.compile(r"[.!?…][”»\")]*$")


def paragraph(docs, lang: str, ident: str) -> article_text.Paragraph:
    """The paragraph of that id, as the copy has it now."""
    return next(p for page in article_text.pages(lang, docs) for p in article_text.paragraphs(lang, page, docs) if p.id == ident)


def split(paragraph: article_text.Paragraph) -> list[str]:
    return [paragraph.markdown[a:b] for a, b in sentences.split(paragraph.markdown, paragraph.lang)]


def numbers_differ(before: str, after: str) -> str:
    """The rule's words for a translated sentence changed from BEFORE (which agreed with its Russian) to AFTER."""
    was, now = alignment.anchors(before, "en").numbers, alignment.anchors(after, "en").numbers
    parts = [f"only in the Russian: {', '.join(sorted((was - now).elements()))}"] if was - now else []
    parts += [f"only in the translation: {', '.join(sorted((now - was).elements()))}"] if now - was else []
    return f"numbers differ ({'; '.join(parts)})"


def rewrite(docs, ident: str, change) -> tuple[list[str], list[str]]:
    """The English paragraph IDENT rewritten sentence by sentence (CHANGE: its sentences -> the new
    ones, as many or not); its sentences before and after."""
    en = paragraph(docs, "en", ident)
    before = split(en)
    after = change(list(before))
    at, gaps = 0, []
    for sentence in before:  # what stands between the sentences, kept
        start = en.markdown.index(sentence, at)
        gaps.append(en.markdown[at:start])
        at = start + len(sentence)
    gaps = gaps[1:] if len(after) == len(before) else [" "] * (len(after) - 1)
    text = en.markdown[:en.markdown.index(before[0])] + after[0] + "".join(g + a for g, a in zip(gaps, after[1:])) + en.markdown[at:]
    drift.edit(docs, en, en.markdown, text)
    return before, after


@pytest.fixture(scope="module")
def slipped(tmp_path_factory):
    """ONE copy with four slips of a translator that passed every check before the sentences
    were aligned, in three paragraphs of two pages, recorded with `make translation-lock`; ONE build; the
    copy's rules. Each paragraph's slips give one problem line, naming both files and lines.

    Each slip is placed by what a rewording of the text keeps (tests/test_tests_survive_rewording.py):
    the paragraph by its id, the sentence by its number in words, its years, its citation marker."""
    project = Project.copy(tmp_path_factory.mktemp("slips") / "project")
    docs = project.root / "docs"
    slips = {}

    # #policy-coordination-p2: "the two sides" (обе стороны) -> "three"; the paragraph's two years swapped.
    def two_and_years(text):
        [number] = [n for n, sentence in enumerate(text) if TWO.search(sentence)]
        text[number] = TWO.sub(lambda m: "Three" if m.group(1) == "T" else "three", text[number], count=1)
        years = list(dict.fromkeys(YEAR.findall("".join(text))))
        assert len(years) == 2, f"#policy-coordination-p2: two years to swap, found {years}"
        swap = dict(zip(years, reversed(years)))
        slips["p2"] = {"number": number, "years": [next(n for n, s in enumerate(text) if y in s) for y in years]}
        return [YEAR.sub(lambda m: swap.get(m.group(0), m.group(0)), sentence) for sentence in text]

    before, after = rewrite(docs, "policy-coordination-p2", two_and_years)
    slips["p2"].update(before=before, after=after)
    # #policy-coordination-p4: its citation marker moved to the sentence before (or after, if it is the first).
    def marker_moved(text):
        [(held, mark)] = [(n, m) for n, sentence in enumerate(text) for m in MARKER.finditer(sentence)]
        other = held - 1 if held else 1
        text[held] = text[held][:mark.start()] + text[held][mark.end():]
        end = END.search(text[other].rstrip())
        cut = end.start() if end else len(text[other].rstrip())
        text[other] = text[other][:cut] + f" [{mark.group(1)}]" + text[other][cut:]
        slips["p4"] = mark.group(1)
        return text

    rewrite(docs, "policy-coordination-p4", marker_moved)
    # #industrial-parks-p1: the second sentence dropped, the third split in two at its middle comma (3 = 3
    # still; the dropped one holds no glossary term, no number and no marker, so no other rule has anything to say).
    glossary = test_glossary_terms.terms(project.root / "data" / "glossary.yaml")

    def dropped_and_split(text):
        assert len(text) == 3, f"#industrial-parks-p1: three sentences expected, found {len(text)}"
        dropped = text[1]
        assert not any(p.search(dropped) for term in glossary for p in term.en + term.banned), dropped
        assert not (alignment.anchors(dropped, "en").numbers or alignment.anchors(dropped, "en").citations), dropped
        long = text[2]
        commas = [m for m in re.finditer(r", ([a-z])", long)]
        assert commas, f"#industrial-parks-p1: no comma to split the sentence at: {long}"
        at = min(commas, key=lambda m: abs(m.start() - len(long) / 2))
        first, second = long[:at.start()].rstrip() + ".", at.group(1).upper() + long[at.end():]
        return [text[0], first, second]

    rewrite(docs, "industrial-parks-p1", dropped_and_split)
    assert project.lock().returncode == 0
    built = project.build()
    assert built.returncode == 0, "\n".join(built.errors)
    checked = project.check(*RULES, deselect=OWN_BUILDS)
    return project, checked, slips


def _slip(slipped, ident: str) -> str:
    project, checked, _ = slipped
    message = checked.failures[PAIR]
    [line] = dict.fromkeys(line for line in message.splitlines() if f"(#{ident})" in line)  # (the report may repeat the message)
    where = {lang: paragraph(project.root / "docs", lang, ident).where for lang in ("ru", "en")}
    assert line.startswith(f"{where['ru']} ↔ {where['en']}, "), line
    return line


def test_a_number_in_words_changed_is_caught_at_the_sentence(slipped):
    line = _slip(slipped, "policy-coordination-p2")
    p2 = slipped[2]["p2"]
    number = p2["number"]
    assert f"Russian sentence {number + 1} " in line and f"«{p2['after'][number]}»" in line, line
    assert numbers_differ(p2["before"][number], p2["after"][number]) in line, line


def test_two_years_swapped_between_sentences_are_caught(slipped):
    line = _slip(slipped, "policy-coordination-p2")
    p2 = slipped[2]["p2"]
    for number in p2["years"]:
        assert f"Russian sentence {number + 1} " in line, line
        assert numbers_differ(p2["before"][number], p2["after"][number]) in line, line


def test_a_citation_marker_moved_to_another_sentence_is_caught(slipped):
    line = _slip(slipped, "policy-coordination-p4")
    marker = slipped[2]["p4"]
    assert (f"citation markers differ (only in the Russian: {marker})" in line
            and f"citation markers differ (only in the translation: {marker})" in line), line


def test_a_sentence_dropped_and_another_split_is_caught_though_the_counts_agree(slipped):
    line = _slip(slipped, "industrial-parks-p1")
    assert "(3 in the Russian, 3 in the translation)" in line, line
    assert "has no translation" in line or "not one for one" in line or "differ in length" in line, line


def test_the_translators_slips_give_one_failure_and_no_other_rule_fails(slipped):
    _, checked, _ = slipped
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


def term_in(project, page: str, term: str) -> article_text.Paragraph:
    """The first English paragraph of PAGE that uses the glossary term TERM (which a rewording keeps) outside a link or quotation."""
    pattern = re.compile(rf"(?<![\[“«\"]){re.escape(term)}(?![\]”»\"])")
    return drift.find(project.root / "docs", "en", set(), lambda p: p.page == page and pattern.search(p.markdown)
                      and p.markdown.index(term) == pattern.search(p.markdown).start())


def test_russian_quotation_marks_in_english_stop_the_build_at_the_line(project):
    page = "docs/en/e-commerce.md"
    en = term_in(project, "e-commerce", "Digital Silk Road")
    drift.edit(project.root / "docs", en, "Digital Silk Road", "«Digital Silk Road»")
    line = project.line_of(page, "«Digital Silk Road»")
    column = project.text(page).splitlines()[line - 1].index("«") + 1
    problem = only_problem(project.build())
    assert problem.startswith(f"{page}:{line}:{column}: ««» in English text: «…» and „…“ are Russian quotation marks"), problem


def test_a_cyrillic_letter_in_a_latin_word_is_named_with_its_code_point(project):
    page = "docs/en/policy-coordination.md"
    # A name, which a rewording keeps: the first paragraph of the page naming Kazakhstan.
    en = drift.find(project.root / "docs", "en", set(), lambda p: p.page == "policy-coordination" and re.search(r"\bKazakhstan\b", p.markdown))
    drift.edit(project.root / "docs", en, "Kazakhstan", "K\u0430zakhstan")
    line = project.line_of(page, "K\u0430zakhstan")
    problem = only_problem(project.build())
    assert problem.startswith(f"{page}:{line}:"), problem
    assert ("the word «K\u0430zakhstan» mixes Latin and Cyrillic letters: character 2 «\u0430» is U+0430 CYRILLIC SMALL "
            "LETTER A, which looks like LATIN SMALL LETTER A") in problem, problem


def test_a_label_that_lost_its_placeholder_in_one_language_stops_the_build(project):
    # The label found by its key (edition_site.data_line), its English without the placeholder.
    written = data_line("labels", "sentence_show")
    english = yaml.safe_load(written)["sentence_show"]["en"]
    assert "{n}" in english, written
    project.replace("data/labels.yaml", written, written.replace(english, " ".join(english.replace("{n}", "").split())))
    line = project.line_of("data/labels.yaml", "sentence_show:")
    problem = only_problem(project.build())
    assert problem.startswith(f"data/labels.yaml:{line}: label 'sentence_show': the English lacks {{n}}"), problem
    assert "docs/assets/sentences.js fills in {n}" in problem, problem


def test_a_link_from_an_english_page_to_a_russian_page_stops_the_build_at_the_line(project):
    page = "docs/en/e-commerce.md"
    en = term_in(project, "e-commerce", "Belt and Road Initiative")
    drift.edit(project.root / "docs", en, "Belt and Road Initiative", "[Belt and Road Initiative](../../introduction/)")
    line = project.line_of(page, "](../../introduction/)")
    problem = only_problem(project.build())
    assert problem.startswith(f"{page}:{line}:"), problem
    assert "the link «../../introduction/» leads from this English page to the Russian page «introduction»" in problem, problem
    assert not (project.root / "site" / "downloads").exists(), "a download was rendered before the check"
