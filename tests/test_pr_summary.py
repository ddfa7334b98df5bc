"""Rule: a pull request's job summary (tools/pr_summary.py) says which pages the change
touches, in which languages and why, and the state of the translation: each Russian
paragraph changed with a new lock, as pending, or without a new lock (naming the
translation to update and the command), English-only edits, and the pending banners.

The change is made for real: a git repository holding a copy of docs/ and data/, a base
commit, then edits and the lock commands of tools/translation_lock.py, committed."""

import contextlib
import datetime
import io
import shutil
import subprocess

import pytest

import pr_summary
import translation_lock
from edition import article_text
from edition_site import DATA, DOCS, data_line, edit, edited


def git(repo, *args):
    subprocess.run(["git", "-C", str(repo), "-c", "user.name=Test", "-c", "user.email=test@example.org", *args],
                   check=True, capture_output=True)


def add_words(docs, lang, page, number, words):
    """Add words to the N-th paragraph of docs/LANG/PAGE.md; the paragraph before the edit."""
    paragraph = article_text.paragraphs(lang, page, docs)[number - 1]
    path = docs / lang / f"{page}.md"
    path.write_text(edited(path.read_text(encoding="utf-8"), paragraph.markdown, paragraph.markdown + words, where=paragraph.where), encoding="utf-8")
    return paragraph


@pytest.fixture(scope="module")
def summary(tmp_path_factory):
    repo = tmp_path_factory.mktemp("repo")
    shutil.copytree(DOCS, repo / "docs")
    (repo / "data").mkdir()
    for name in ("translation-lock.yaml", "infrastructure.yaml"):
        shutil.copy2(DATA / name, repo / "data" / name)
    (repo / "README.md").write_text("x\n")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "base")
    base = subprocess.run(["git", "-C", str(repo), "rev-parse", "HEAD"], capture_output=True, text=True, check=True).stdout.strip()

    docs, lock = repo / "docs", repo / "data" / "translation-lock.yaml"
    recorded = add_words(docs, "ru", "introduction", 1, " Итак.")
    add_words(docs, "en", "introduction", 1, " So.")
    assert translation_lock.refresh(False, docs, lock) == 0
    pending = add_words(docs, "ru", "policy-coordination", 1, " Итак.")
    assert translation_lock.mark_pending([pending.id], datetime.date(2026, 11, 30), docs, lock) == 0
    unlocked = add_words(docs, "ru", "conclusion", 1, " Итак.")
    english = add_words(docs, "en", "e-commerce", 1, " Indeed.")
    label = data_line("infrastructure", "rows", 0, "label", "en")  # an English cell, found by its key
    edit(repo / "data" / "infrastructure.yaml", label, label.rstrip("\n") + " indeed\n")
    (repo / "README.md").write_text("y\n")
    git(repo, "commit", "-q", "-a", "-m", "change")

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert pr_summary.main(["--base", base, "--root", str(repo)]) == 0
    return out.getvalue(), {"recorded": recorded, "pending": pending, "unlocked": unlocked, "english": english}


def test_it_names_the_pages_by_language_and_why(summary):
    text, _ = summary
    assert "- **conclusion**: [ru] `/conclusion/` — `docs/ru/conclusion.md`" in text
    assert ("- **policy-coordination**: [ru] `/policy-coordination/`, [en] `/en/policy-coordination/` — "
            "`data/translation-lock.yaml (pending banner #policy-coordination-p1)`, `docs/ru/policy-coordination.md`") in text
    assert "- **introduction**: [ru] `/introduction/`, [en] `/en/introduction/` — `docs/en/introduction.md`, `docs/ru/introduction.md`" in text
    assert ("- **infrastructure**: [ru] `/infrastructure/`, [en] `/en/infrastructure/` — "
            "`data/infrastructure.yaml (<!-- map: infrastructure -->)`, `data/infrastructure.yaml (<!-- table: infrastructure -->)`") in text
    assert "- no page: 1 file(s)" in text  # README.md


def test_it_counts_russian_changes_by_the_state_of_their_lock(summary):
    text, _ = summary
    assert "- Russian paragraphs changed: 3 — 1 with a new lock, 1 published as pending, **1 without a new lock**" in text


def test_a_change_without_a_lock_names_the_translation_and_the_commands(summary):
    text, found = summary
    ru = found["unlocked"]
    en = article_text.paragraphs("en", "conclusion", DOCS)[0]
    assert (f"  - #{ru.id} (`{ru.where}`): changed without a new lock: update `{en.where}`, then `make translation-lock` "
            f"(or `make translation-lock FORCE=1`, or `make translation-pending ID={ru.id}`)") in text
    assert f"  - #{found['recorded'].id} (`{found['recorded'].where}`): translation recorded" in text


def test_english_only_edits_and_pending_banners(summary):
    text, found = summary
    assert f"translated paragraphs edited with the Russian unchanged: 1 (`{found['english'].where}`)" in text
    banners = [line for line in text.splitlines() if line.startswith("  - #") and "Russian revised" in line]
    ident = found["pending"].id
    assert f"  - #{ident}: Russian revised 2026-11-30, on `/en/policy-coordination/#{ident}` (new in this change)" in banners
    already = {i for i, e in translation_lock.read(DATA / "translation-lock.yaml").items() if e.get("pending")}
    assert len(banners) == len(already | {ident})


def test_an_unknown_base_is_an_error(tmp_path, capsys):
    assert pr_summary.main(["--base", "0" * 40, "--root", str(article_text.ROOT)]) == 2
    assert "Is --base a commit of this clone" in capsys.readouterr().err
