"""Rule: the tests survive an honest edit of the text. A copy of the project gets one sentence
of every chapter reworded in both languages, as README "Edit a sentence" says (the Russian
change listed in data/corrections.yaml, then `make translation-lock`), is built, and then runs,
in the copy (its own tests, its own package edition/, its build as EDITION_SITE):

- every test module that edits a copy of the project through the shared safe edit
  (edition_site.edited / edit, tests/drift.py, contributor.Project.replace), with
  EDITION_EDITS_ONLY=1: each test runs until the build of its copy or the run of its copy's own
  tests (contributor.Project.check: another pytest), so every edit it makes before that must
  find its anchor in the reworded text; its tests on the built site run in full against the
  reworded build;
- the rules a contributor's edit of the text meets (contributor.RULES: fidelity to the source,
  the lock, the pairs' sentences, numbers, citations, terms, the corrections page, JATS …).

Every test must pass (or stop, skipped, at its copy's build). The rewording is mechanical, and
harsher than a person's: in the chosen sentence (per chapter, the sentence with the most
citations, then numbers) every ordinary word — lower case, letters only, no glossary term, no
keyword, no number in words, no name, nothing quoted or linked — is replaced (its letters
reversed), and in English the sentence's citations move to its end; numbers, citations,
sentence counts and glossary terms stay. No anchor on the wording of those sentences survives it
(the test that once anchored on «(2024) [2]» would fail here).

What it does not prove: the tests' assertions after the build of their copy or their copy's own
test run (the copies' builds are left out: they take minutes); the browser tests, the serve tests
(tests/test_serve_*) and the site rules outside contributor.RULES are not run on the reworded copy;
the title page's abstracts (the author's, in both languages) and the table are not reworded.
Slow: one build of the copy and one pytest run in it, in one process (about 25 s in all on the
quiet 2-core machine, 2026-12-03, load average 2.5, of which the inner run 12 s; minutes while
other test sessions load the machine, as its time is nearly all CPU: about 20 s)."""

from __future__ import annotations

import functools
import json
import re

import pytest

import drift
import test_glossary_terms
import test_keywords
from contributor import RULES, Project
from edition import alignment, article_text, sentences
from edition_site import ARTICLE_PAGES, EDITS_LOG, EDITS_ONLY, ROOT

pytestmark = pytest.mark.slow

# The chapters: the article's pages but the title page (its abstracts are the author's, the English one too).
CHAPTERS = [page for page in ARTICLE_PAGES if page != "index"]
# An ordinary word: lower case, letters only, between spaces (or an opening parenthesis) and a space or light punctuation.
WORD = re.compile(r"(?<=[ (])[a-zа-яё]{4,}(?=[ ,;:)])")
CITATION = re.compile(r" ?\[\d+(?:\s*[,–-]\s*\d+)*\]")
KEPT = re.compile(r"\[[^\]]*\]\([^)]*\)|<[^>]*>|«[^»]*»|“[^”]*”|\"[^\"]*\"|`[^`]*`|\{[^}]*\}")  # links, markup, quotations, code, attributes
END = re.compile(r"[.!?…][”»\")]*$")
# The modules that edit copies of the project, found by the shared safe edit in their source; the serve tests are left out
# (a real `mkdocs serve`, which EDITION_EDITS_ONLY does not stop), and so is this rule.
EDITS = re.compile(r"(?<![\w])(?:edit|edited)\(|project\.replace\(|\brespell\(")

# Tests the rule leaves out for now, each with the reason: the debt this rule exists to show (none today).
NOT_YET: dict[str, str] = {}


def editing_modules() -> list[str]:
    found = []
    for path in sorted((ROOT / "tests").glob("test_*.py")):
        if path.stem.startswith("test_serve_") or path.stem in ("test_tests_survive_rewording",):
            continue
        if EDITS.search(path.read_text(encoding="utf-8")):
            found.append(f"tests/{path.name}")
    return found


def kept_spans(sentence: str, lang: str, glossary, keywords, corrected) -> list[tuple[int, int]]:
    """What the rewording keeps: terms, keywords, quotations, links, markup, citations, and a listed correction's words."""
    spans = [m.span() for m in KEPT.finditer(sentence)] + [m.span() for m in CITATION.finditer(sentence)]
    for term in glossary:
        for pattern in term.ru + term.en + term.banned + term.quoted:
            spans += [m.span() for m in pattern.finditer(sentence)]
    for keyword in keywords:
        spans += [m.span() for m in test_keywords.pattern(keyword, lang).finditer(sentence)]
    for words in corrected:
        spans += [(m.start(), m.end()) for m in re.finditer(re.escape(words), sentence)]
    return spans


def changeable(sentence: str, lang: str, paragraph: str, *kept) -> list[re.Match]:
    """The words to reword: ordinary, not kept, and once in the paragraph (so that a correction names each change once)."""
    spans = kept_spans(sentence, lang, *kept)
    return [m for m in WORD.finditer(sentence)
            if not any(a < m.end() and m.start() < b for a, b in spans) and paragraph.count(m.group(0)) == 1
            and not alignment.anchors(m.group(0), lang).numbers and m.group(0) != m.group(0)[::-1]]


def reword(sentence: str, lang: str, paragraph: str, *kept) -> tuple[str, list[tuple[str, str]]]:
    """The sentence reworded, and the runs of words changed (as written, as reworded)."""
    words = changeable(sentence, lang, paragraph, *kept)
    out, at, runs = [], 0, []
    for match in words:
        out += [sentence[at:match.start()], match.group(0)[::-1]]
        at = match.end()
        if runs and sentence[runs[-1][2]:match.start()] == " ":
            runs[-1][1].append(match.group(0))
            runs[-1][2] = match.end()
        else:
            runs.append([match.start(), [match.group(0)], match.end()])
    new = "".join(out) + sentence[at:]
    if lang != "ru":  # the citations move to the end of the sentence
        marks = [m.group(0).strip() for m in CITATION.finditer(new)]
        if marks:
            bare = CITATION.sub("", new)
            end = END.search(bare)
            cut = end.start() if end else len(bare)
            new = bare[:cut] + " " + " ".join(marks) + bare[cut:]
    return new, [(" ".join(w), " ".join(x[::-1] for x in w)) for _, w, _ in runs]


def weight(sentence: str, lang: str) -> tuple:
    anchors = alignment.anchors(sentence, lang)
    return (sum(anchors.citations.values()), sum(anchors.numbers.values()))


def correction(page: str, ident: str, original: str, corrected: str) -> str:
    quoted = functools.partial(json.dumps, ensure_ascii=False)  # a JSON string is a YAML string
    return (f"- page: {page}\n  paragraph: {ident}\n  original: {quoted(original)}\n  corrected: {quoted(corrected)}\n  kind: wording\n"
            "  reason:\n    ru: Проверка — предложение перефразировано.\n    en: A check — the sentence reworded.\n")


def reword_chapters(project: Project) -> list[dict]:
    """One sentence of each chapter reworded in both languages, the Russian change listed; what was reworded."""
    docs = project.root / "docs"
    glossary = test_glossary_terms.terms(project.root / "data" / "glossary.yaml")
    keywords = project.data("article")["keywords"]
    corrections = project.data("corrections")
    pending = {ident for ident, entry in project.data("translation-lock")["paragraphs"].items() if entry.get("pending")}
    done = []
    for page in CHAPTERS:
        best = None
        for ru in article_text.paragraphs("ru", page, docs):
            if ru.kind != "p" or ru.id in pending:
                continue
            en = drift.twin(docs, ru, "en")
            corrected = [c["corrected"] for c in corrections if c.get("paragraph") == ru.id]
            ru_spans, en_spans = sentences.split(ru.markdown, "ru"), sentences.split(en.markdown, "en")
            if len(ru_spans) != len(en_spans):
                continue
            for (a, b), (c, d) in zip(ru_spans, en_spans):
                pair = {"ru": (ru, ru.markdown[a:b], corrected), "en": (en, en.markdown[c:d], [])}
                if all(len(changeable(text, lang, p.markdown, glossary, keywords[lang], fixed)) >= 3 for lang, (p, text, fixed) in pair.items()):
                    score = weight(pair["ru"][1], "ru")
                    if best is None or score > best[0]:
                        best = (score, pair)
        assert best is not None, f"docs/ru/{page}.md: no sentence of the chapter has three ordinary words to reword in both languages"
        record = {"page": page}
        for lang, (paragraph, sentence, fixed) in best[1].items():
            new, runs = reword(sentence, lang, paragraph.markdown, glossary, keywords[lang], fixed)
            assert alignment.anchors(new, lang).numbers == alignment.anchors(sentence, lang).numbers
            assert len(sentences.split(paragraph.markdown.replace(sentence, new), lang)) == len(sentences.split(paragraph.markdown, lang))
            drift.edit(docs, paragraph, sentence, new)
            if lang == "ru":
                for original, changed in runs:
                    project.append("data/corrections.yaml", correction(page, paragraph.id, original, changed))
            record[lang] = {"id": paragraph.id, "before": sentence, "after": new}
        done.append(record)
    return done


@pytest.fixture(scope="module")
def reworded(tmp_path_factory):
    project = Project.copy(tmp_path_factory.mktemp("reworded") / "project")
    done = reword_chapters(project)
    locked = project.lock()
    assert locked.returncode == 0, locked.output
    built = project.build()
    assert built.returncode == 0, "the reworded copy does not build:\n" + "\n".join(built.errors[-30:])
    log = project.root / "edits.jsonl"
    # Its own temporary folder: another pytest session on the machine prunes old ones under /tmp/pytest-of-USER.
    checked = project.check(*RULES, *editing_modules(), "-m", "not browser", f"--basetemp={project.root.parent / 'tmp'}",
                            deselect=tuple(NOT_YET), **{EDITS_ONLY: "1", EDITS_LOG: str(log)})
    edits = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()] if log.is_file() else []
    return project, done, locked, checked, edits


def gone(names) -> list[str]:
    """The names (tests/test_x.py::test_y) that name no test function of that module any more."""
    out = []
    for name in names:
        module, _, test = name.partition("::")
        path = ROOT / module
        if not path.is_file() or not re.search(rf"^def {re.escape(test.split('[')[0])}\(", path.read_text(encoding="utf-8"), re.MULTILINE):
            out.append(name)
    return out


def test_the_tests_left_out_are_still_there():
    """A test of NOT_YET that is renamed or gone must leave the list (a deselection that names nothing hides nothing)."""
    assert not gone(NOT_YET), f"{gone(NOT_YET)}: gone or renamed; remove them from NOT_YET (or rename them there)"
    # The check itself, whether or not the list is empty: a test renamed since it was left out is found.
    assert gone(["tests/test_contributor_translate.py::test_a_russian_typo_fix_needs_force",
                 "tests/test_contributor_translate.py::test_an_english_typo_fix_is_recorded_by_the_lock"]) == [
        "tests/test_contributor_translate.py::test_a_russian_typo_fix_needs_force"]


def test_one_sentence_of_every_chapter_is_reworded_in_both_languages(reworded):
    project, done, locked, _, _ = reworded
    assert [record["page"] for record in done] == CHAPTERS
    for record in done:
        for lang in ("ru", "en"):
            assert record[lang]["before"] not in project.text(f"docs/{lang}/{record['page']}.md")
        assert f"#{record['ru']['id']} refreshed" in locked.output, locked.output


def test_every_test_that_edits_a_copy_passes_on_the_reworded_text(reworded):
    _, _, _, checked, edits = reworded
    failed = "\n\n".join(f"{name}: {message.strip()[:1500]}" for name, message in checked.failures.items()) or checked.output[-3000:]
    assert not checked.failures and checked.returncode == 0, (
        f"on the reworded copy (a test that fails on the checkout too is not failed by the rewording: run it there):\n{failed}")
    on_text = {edit["test"].split(" ")[0] for edit in edits if edit["where"].startswith("docs/")}
    assert on_text, "no test edited the text (docs/) of a copy: is EDITION_EDITS recorded by edition_site.edited?"
    assert all(edit["found"] for edit in edits)
