"""Rule: every kind of drift between the Russian and the translation fails a check that
names both files, the line and the paragraph — shown on a copy of the project broken on
purpose (one build), while the real text passes the same checks (their own modules)."""

import pytest

import test_glossary_terms
import test_pair_citations
import test_pair_footnotes
import test_pair_links
import test_pair_numbers
import test_pair_sentences
import test_pair_structure
import test_translation_lock
from edition_site import build, copy_project
from translation_pairs import load_pages, pairs

# (file, old, new): each breaks one paragraph in one way.
EDITS = {
    "ru-only sentence": ("docs/ru/introduction.md", "инновационного развития.",
                         "инновационного развития. Этот вывод подтверждают и другие исследования."),
    "changed number": ("docs/en/policy-coordination.md", "more than 150 countries", "more than 160 countries"),
    "dropped citation": ("docs/en/policy-coordination.md", "(2024) [2]", "(2024)"),
    "wrong term": ("docs/en/e-commerce.md", "makes it easier for small and medium-sized enterprises",
                   "makes it easier for SMEs"),
    "stale paragraph": ("docs/ru/conclusion.md", "Таким образом, исследование", "Итак, исследование"),
    "list for a paragraph": ("docs/en/infrastructure.md", "The table summarizes", "- The table summarizes"),
    "extra link": ("docs/en/science-education.md", "Huawei's", "[Huawei](https://example.org/)'s"),
    "extra footnote": ("docs/en/industrial-parks.md", "Industrial parks established", "Industrial parks[^ip] established"),
}


@pytest.fixture(scope="module")
def broken(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("drift") / "project")
    for name, (path, old, new) in EDITS.items():
        target = project / path
        text = target.read_text(encoding="utf-8")
        assert old in text, f"{name}: «{old}» is no longer in {path}; update this test's EDITS"
        target.write_text(text.replace(old, new, 1), encoding="utf-8")
    footnoted = project / "docs/en/industrial-parks.md"
    footnoted.write_text(footnoted.read_text(encoding="utf-8") + "\n[^ip]: A footnote only the translation has.\n",
                         encoding="utf-8")
    result = build(project / "site", project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project, pairs(load_pages(project / "site"), project / "docs")


def caught(messages, *expected):
    assert messages, "the check found nothing"
    hits = [m for m in messages if all(e in m for e in expected)]
    assert hits, f"no message names {expected}:\n" + "\n".join(messages)
    return hits


def test_a_russian_only_sentence(broken):
    caught(test_pair_sentences.problems(broken[1]), "docs/ru/introduction.md:5 ↔ docs/en/introduction.md:5",
           "#introduction-p2", "2 sentence(s) in the Russian, 1 in the translation", "Этот вывод")


def test_a_changed_number(broken):
    caught(test_pair_numbers.problems(broken[1]), "docs/en/policy-coordination.md:11", "#policy-coordination-p5",
           "only in the Russian: 150", "only in the translation: 160")


def test_a_dropped_citation(broken):
    caught(test_pair_citations.problems(broken[1]), "docs/en/policy-coordination.md:5", "#policy-coordination-p2",
           "only in the Russian: 2")


def test_a_wrong_term(broken):
    caught(test_glossary_terms.paragraph_problems(broken[1], test_glossary_terms.terms()),
           "docs/en/e-commerce.md:3", "#e-commerce-p1", "«SMEs», a banned variant")


def test_a_stale_paragraph(broken):
    project = broken[0]
    caught(test_translation_lock.problems(project / "docs", project / "data/translation-lock.yaml"),
           "docs/ru/conclusion.md:3 ↔ docs/en/conclusion.md:3", "#conclusion-p1", "[-Таким образом,-] {+Итак,+}")


def test_a_list_for_a_paragraph(broken):
    caught(test_pair_structure.problems(broken[1]), "docs/en/infrastructure.md:3", "#infrastructure-p1",
           "the Russian is a paragraph, the translation a bulleted list")


def test_an_extra_link(broken):
    caught(test_pair_links.problems(broken[1]), "docs/en/science-education.md:5", "#science-education-p2",
           "only in the translation: https://example.org/")


def test_an_extra_footnote(broken):
    caught(test_pair_footnotes.problems(broken[1]), "docs/en/industrial-parks.md:3", "#industrial-parks-p1",
           "only in the translation: ip")


def test_each_check_flags_only_its_own_paragraphs(broken):
    """No check cries wolf: on the broken copy each flags only the paragraphs broken for it."""
    flagged = {
        "sentences": test_pair_sentences.problems(broken[1]),
        "numbers": test_pair_numbers.problems(broken[1]),
        "citations": test_pair_citations.problems(broken[1]),
        "structure": test_pair_structure.problems(broken[1]),
        "links": test_pair_links.problems(broken[1]),
        "footnotes": test_pair_footnotes.problems(broken[1]),
    }
    assert {name: len(found) for name, found in flagged.items()} == {name: 1 for name in flagged}, flagged
