"""Rule: every kind of drift between the Russian and the translation fails a check that
names both files, the line and the paragraph — shown on a copy of the project broken on
purpose (one build), while the real text passes the same checks (their own modules)."""

import pytest

import drift
import test_glossary_terms
import test_pair_citations
import test_pair_footnotes
import test_pair_links
import test_pair_numbers
import test_pair_sentences
import test_pair_structure
import test_translation_lock
import translation_lock
from edition_site import build, copy_project
from translation_pairs import load_pages, numbers_in, pairs, sentences

# Its tests share a costly module fixture: one worker runs them all (make test: pytest-xdist).
pytestmark = pytest.mark.xdist_group("drift_is_caught")


@pytest.fixture(scope="module")
def broken(tmp_path_factory):
    """A copy of the project, its lock made current, then one paragraph broken per kind of
    drift; returns the project, the pairs of its build and {kind: the paragraph broken}."""
    project = copy_project(tmp_path_factory.mktemp("drift") / "project")
    docs, lock = project / "docs", project / "data/translation-lock.yaml"
    assert translation_lock.refresh(True, docs, lock) == 0
    taken, hit = set(), {}

    def agree(measure):
        """Only a paragraph whose pair agrees on this measure now: the break is then the only difference."""
        return lambda p: measure(p) == measure(drift.twin(docs, p, "en" if p.lang == "ru" else "ru"))

    ru = hit["sentence"] = drift.find(docs, "ru", taken, agree(lambda p: len(sentences(p.normalized, p.lang))))
    drift.edit(docs, ru, ru.markdown.rstrip()[-15:], ru.markdown.rstrip()[-15:] + " Этот вывод есть только в русском тексте.")
    ru = hit["stale"] = drift.find(docs, "ru", taken)
    drift.edit(docs, ru, ru.markdown.rstrip()[-15:], ru.markdown.rstrip()[-15:-1] + " (изменено).")
    en = drift.find(docs, "en", taken, lambda p: drift.NUMBER.search(p.markdown) and agree(
        lambda q: sorted(numbers_in(q.normalized, q.lang)))(p))
    number = drift.NUMBER.search(en.markdown).group(1)
    drift.edit(docs, en, number, "9876")
    hit["number"] = (en, number, "9876")
    en = drift.find(docs, "en", taken, lambda p: drift.CITATION.search(p.markdown) and agree(
        lambda q: sorted(drift.CITATION.findall(q.markdown)))(p))
    citation = drift.CITATION.search(en.markdown).group(0)
    drift.edit(docs, en, citation, "")
    hit["citation"] = (en, citation.strip("[] "))
    en = hit["term"] = drift.find(docs, "en", taken, lambda p: "Digital Silk Road" in p.markdown)
    drift.edit(docs, en, "Digital Silk Road", "Digital Silk Way", count=-1)
    en = hit["structure"] = drift.find(docs, "en", taken)
    drift.edit(docs, en, en.markdown[:20], "- " + en.markdown[:20])
    en = hit["link"] = drift.find(docs, "en", taken)
    word = en.markdown.split()[0]
    drift.edit(docs, en, word, f"[{word}](https://example.org/)")
    en = hit["footnote"] = drift.find(docs, "en", taken)
    drift.edit(docs, en, en.markdown.rstrip()[-10:], en.markdown.rstrip()[-10:] + "[^drift]")
    with open(docs / "en" / f"{en.page}.md", "a", encoding="utf-8") as page:
        page.write("\n[^drift]: A footnote only the translation has.\n")

    result = build(project / "site", project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project, pairs(load_pages(project / "site"), docs), hit


def named(paragraph):
    """How a message names a paragraph: both Markdown files (the broken one with its line), and the id."""
    return f"docs/ru/{paragraph.page}.md:", f"docs/en/{paragraph.page}.md:", paragraph.where, f"#{paragraph.id}"


def caught(messages, *expected):
    assert messages, "the check found nothing"
    hits = [m for m in messages if all(e in m for e in expected)]
    assert hits, f"no message names {expected}:\n" + "\n".join(messages)
    return hits


@pytest.mark.slow  # works on a copy of the project: make test, not make check
def test_a_russian_only_sentence(broken):
    ru = broken[2]["sentence"]
    caught(test_pair_sentences.problems(broken[1]), *named(ru), "Этот вывод есть только в русском тексте")


@pytest.mark.slow  # works on a copy of the project: make test, not make check
def test_a_stale_paragraph(broken):
    project, _, hit = broken
    ru = hit["stale"]
    caught(test_translation_lock.problems(project / "docs", project / "data/translation-lock.yaml"),
           *named(ru), "the Russian paragraph", "(изменено).+}", "make translation-lock")


@pytest.mark.slow  # works on a copy of the project: make test, not make check
def test_a_changed_number(broken):
    en, old, new = broken[2]["number"]
    caught(test_pair_numbers.problems(broken[1]), *named(en), f"only in the Russian: {old}", f"only in the translation: {new}")


@pytest.mark.slow  # works on a copy of the project: make test, not make check
def test_a_dropped_citation(broken):
    en, number = broken[2]["citation"]
    caught(test_pair_citations.problems(broken[1]), *named(en), f"only in the Russian: {number}")


@pytest.mark.slow  # works on a copy of the project: make test, not make check
def test_a_wrong_term(broken):
    en = broken[2]["term"]
    caught(test_glossary_terms.paragraph_problems(broken[1], test_glossary_terms.terms()), *named(en),
           "«Digital Silk Way», a banned variant", "term 'digital-silk-road'")


@pytest.mark.slow  # works on a copy of the project: make test, not make check
def test_a_list_for_a_paragraph(broken):
    caught(test_pair_structure.problems(broken[1]), *named(broken[2]["structure"]),
           "the Russian is a paragraph, the translation a bulleted list")


@pytest.mark.slow  # works on a copy of the project: make test, not make check
def test_an_extra_link(broken):
    caught(test_pair_links.problems(broken[1]), *named(broken[2]["link"]), "only in the translation: https://example.org/")


@pytest.mark.slow  # works on a copy of the project: make test, not make check
def test_an_extra_footnote(broken):
    caught(test_pair_footnotes.problems(broken[1]), *named(broken[2]["footnote"]), "only in the translation: drift")


@pytest.mark.slow  # works on a copy of the project: make test, not make check
def test_each_check_flags_only_its_own_paragraphs(broken, pages):
    """No check cries wolf: on the broken copy each flags only the paragraph broken for it
    (beyond what it flags on the real site, which its own module reports)."""
    hit = broken[2]
    expected = {"sentences": hit["sentence"], "numbers": hit["number"][0], "citations": hit["citation"][0],
                "structure": hit["structure"], "links": hit["link"], "footnotes": hit["footnote"]}
    checks = {"sentences": test_pair_sentences, "numbers": test_pair_numbers, "citations": test_pair_citations,
              "structure": test_pair_structure, "links": test_pair_links, "footnotes": test_pair_footnotes}
    # The sentence rule aligns the sentences by what both must share (numbers, citation markers:
    # edition/alignment.py), so a changed number or a dropped citation is its business too.
    also = {"sentences": {hit["number"][0].id, hit["citation"][0].id}}
    real = pairs(pages)
    for name, module in checks.items():
        flagged = {pair.id for pair in broken[1] if module.problems([pair])}
        already = {pair.id for pair in real if module.problems([pair])}
        wanted = {expected[name].id}
        assert wanted <= flagged - already <= wanted | also.get(name, set()), f"{name}: flags {sorted(flagged - already)}, broken {expected[name].id}"
