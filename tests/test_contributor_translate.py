"""Contributor how-tos: translating, and keeping the translation lock (README "Translate",
CONTRIBUTING "Translate a paragraph", "Fix a typo", "Refresh a stale record", "Publish a
Russian revision…"). Each test applies the edit to a copy of the project as the docs say and
asserts what they promise. No full build: a broken pairing stops the build before any page
is rendered, and the lock's rule reads the Markdown."""

from __future__ import annotations

import textwrap

import pytest

import drift
import test_glossary_terms
from contributor import Project, one_line, plain_word, proves, respell
from edition import article_text, datafiles
from edition_site import ARTICLE_PAGES, hook

pairing = hook("pairing")

LOCK_RULE = "tests/test_translation_lock.py::test_every_translation_is_recorded_against_the_current_russian"


@pytest.fixture
def project(tmp_path):
    return Project.copy(tmp_path / "project")


def first_paragraph(project, lang, page="conclusion"):
    return article_text.paragraphs(lang, page, project.root / "docs")[0]


def edit_paragraph(project, paragraph, old, new):
    project.replace(f"docs/{paragraph.lang}/{paragraph.page}.md", old, new)


def last_words(paragraph, count=2):
    return " ".join(paragraph.markdown.split()[-count:])


@pytest.mark.slow  # works on a copy of the project: make test, not make check
@proves("README.md: Translate", "CONTRIBUTING.md: Translate a paragraph")
def test_a_changed_heading_id_stops_the_build_with_one_message(project):
    line, ident = pairing.headings(project.root / "docs/en/conclusion.md")[0]
    project.replace("docs/en/conclusion.md", f"{{#{ident}}}", f"{{#{ident}-x}}")
    built = project.build()
    assert built.returncode != 0
    expected = (f"docs/en/conclusion.md:{line} has heading id {{#{ident}-x}} where docs/ru/conclusion.md:{line} "
                f"has {{#{ident}}}: give both the same id.")
    problems = [line for line in built.errors if line.startswith("  ")]
    assert problems == ["  " + expected], built.output
    assert not (project.root / "site" / "index.html").exists(), "pages were written before the check"
    # The copy's tests, run alone (no EDITION_SITE): the session stops with the same one message, no cascade.
    checked = project.check()
    assert checked.returncode != 0 and checked.failures == {}, checked.output
    assert checked.output.count(expected) == 1 and " error" not in checked.output and " failed" not in checked.output, checked.output


@pytest.mark.slow  # works on a copy of the project: make test, not make check
@proves("README.md: Translate", "CONTRIBUTING.md: Translate a paragraph")
def test_a_paragraph_left_out_stops_the_build_naming_the_section_and_lines(project):
    ru, en = first_paragraph(project, "ru", "policy-coordination"), article_text.paragraphs("en", "policy-coordination", project.root / "docs")
    dropped = en[1]
    project.replace(f"docs/en/{dropped.page}.md", dropped.markdown + "\n\n", "")
    built = project.build()
    assert built.returncode != 0
    [problem] = [line.strip() for line in built.errors if line.startswith("  ")]
    assert problem.startswith(f"docs/en/{dropped.page}.md:") and f"section #{ru.section} has {len(en) - 1} paragraph(s)" in problem, problem
    assert f"docs/ru/{dropped.page}.md:" in problem and f"has {len(en)} (line(s)" in problem, problem


@pytest.mark.slow  # works on a copy of the project: make test, not make check
@proves("README.md: Translate", "CONTRIBUTING.md: Translate a paragraph")
def test_a_changed_marker_stops_the_build_naming_both_lines(project):
    line = project.line_of("docs/en/infrastructure.md", "<!-- map: infrastructure -->")
    project.replace("docs/en/infrastructure.md", "<!-- map: infrastructure -->", "<!-- map: infrastructur -->")
    built = project.build()
    assert built.returncode != 0
    assert (f"docs/en/infrastructure.md:{line} has the marker <!-- map: infrastructur --> where "
            f"docs/ru/infrastructure.md:{project.line_of('docs/ru/infrastructure.md', '<!-- map: infrastructure -->')} "
            "has <!-- map: infrastructure -->") in built.output, built.output


@pytest.mark.slow  # works on a copy of the project: make test, not make check
@proves("CONTRIBUTING.md: Fix a typo", "README.md: Translate")
def test_an_english_typo_fix_is_recorded_by_the_lock(project):
    """Fix a typo in the English text: edit, `make translation-lock` (which says what it recorded), `make check`."""
    en = first_paragraph(project, "en")
    word = en.markdown.split()[2]
    edit_paragraph(project, en, f" {word} ", f" {word}{word[-1]} ")  # the "typo fix" (any change of the English)
    unrecorded = project.check(LOCK_RULE)
    assert unrecorded.returncode != 0
    [message] = unrecorded.failures.values()
    assert f"{en.where}: the translation of #{en.id} changed since data/translation-lock.yaml recorded it" in one_line(message)
    assert "Run `make translation-lock`" in message
    locked = project.lock()
    assert locked.returncode == 0 and f"{en.where}: #{en.id} translation recorded (the Russian is unchanged)" in locked.output, locked.output
    before = project.text("data/translation-lock.yaml")
    again = project.lock()
    assert "nothing changed" in again.output and project.text("data/translation-lock.yaml") == before, again.output
    assert project.check(LOCK_RULE).returncode == 0


def fix_a_russian_typo(project):
    """A typo of the author's fixed in a Russian paragraph no correction lists yet (a word respelled):
    the paragraph, as it was, and the words (as the source has them, as corrected)."""
    glossary = test_glossary_terms.terms(project.root / "data" / "glossary.yaml")
    taken = {c["paragraph"] for c in project.data("corrections") if "paragraph" in c}
    ru = drift.find(project.root / "docs", "ru", taken, lambda p: p.page in ARTICLE_PAGES and p.page != "index" and plain_word(p.markdown, glossary))
    return ru, respell(project, ru, glossary)


def list_the_correction(project, refused):
    """Add to data/corrections.yaml the entry `make translation-lock` printed, its reason filled in."""
    entry = textwrap.dedent(refused.output[refused.output.index("  - page: "):])
    entry = entry[:entry.index("reason:")] + "reason:\n    ru: Опечатка.\n    en: A typo.\n"
    project.append("data/corrections.yaml", entry)
    datafiles.check("corrections", project.root / "data" / "corrections.yaml")  # as the build checks it


@pytest.mark.slow  # works on a copy of the project: make test, not make check
@proves("CONTRIBUTING.md: Fix a typo", "CONTRIBUTING.md: Refresh a stale record")
def test_a_russian_typo_fix_is_listed_then_recorded(project):
    """Fix a typo in the Russian: `make translation-lock` checks the Russian against the source first
    and, while data/corrections.yaml does not list the change, refuses it — FORCE=1 too — printing the
    entry to add. Listed, the translation is stale: the lock's rule and `make translation-lock` name
    FORCE=1, and `make translation-lock FORCE=1` records it (the English never had the typo)."""
    ru, (original, corrected) = fix_a_russian_typo(project)
    for args in ((), ("--force",)):
        unlisted = project.lock(*args)
        assert unlisted.returncode != 0 and f"{ru.where}: #{ru.id}: the Russian departs from the author's text" in unlisted.output, unlisted.output
        assert f"[-{original}-] {{+{corrected}+}}" in unlisted.output and "FORCE=1" not in unlisted.output, unlisted.output
        assert f"paragraph: {ru.id}" in unlisted.output and f"original: {original}" in unlisted.output, unlisted.output
    list_the_correction(project, unlisted)
    refused = project.lock()
    assert refused.returncode != 0 and "`make translation-lock FORCE=1`" in refused.output, refused.output
    assert "departs from the author's text" not in refused.output, refused.output
    stale = project.check(LOCK_RULE)
    [message] = stale.failures.values()
    en = drift.twin(project.root / "docs", ru, "en")
    flat = one_line(message)
    assert f"{ru.where} ↔ {en.where}: the Russian paragraph #{ru.id} changed since its translation was recorded" in flat
    assert "`make translation-lock FORCE=1`" in flat and f"`make translation-pending ID={ru.id}`" in flat, flat
    forced = project.lock("--force")
    assert forced.returncode == 0 and f"{ru.where}: #{ru.id} refreshed" in forced.output, forced.output
    assert project.check(LOCK_RULE).returncode == 0


@pytest.mark.slow  # works on a copy of the project: make test, not make check
@proves("CONTRIBUTING.md: Refresh a stale record")
def test_a_translation_brought_up_to_date_is_recorded(project):
    """A Russian correction (listed) and its paragraph's translation updated: `make translation-lock` records both."""
    ru, _ = fix_a_russian_typo(project)
    list_the_correction(project, project.lock())
    en = drift.twin(project.root / "docs", ru, "en")
    edit_paragraph(project, en, last_words(en), last_words(en) + " Added.")
    locked = project.lock()
    assert locked.returncode == 0 and f"#{ru.id} refreshed" in locked.output, locked.output
    assert project.check(LOCK_RULE).returncode == 0


@pytest.mark.slow  # works on a copy of the project: make test, not make check
@proves("README.md: Publish a Russian revision before its translation", "CONTRIBUTING.md: Refresh a stale record")
def test_a_russian_revision_can_be_published_before_its_translation(project):
    ru, _ = fix_a_russian_typo(project)  # the author's words: a listed correction
    list_the_correction(project, project.lock())
    pending = project.lock("--pending", ru.id, "--date", "2026-03-01")
    assert pending.returncode == 0 and f"{ru.where}: #{ru.id}: translation pending since 2026-03-01" in pending.output, pending.output
    assert project.check(LOCK_RULE).returncode == 0
    # (the banner on the English page: tests/test_contributor_edits.py, which builds)
