"""Rule: no translation silently lags behind its Russian paragraph. data/translation-lock.yaml
records, per paragraph id, the Russian text the translation translates; a Russian paragraph
that differs from its record fails — naming the paragraph and showing the change — until the
translation is updated and `make translation-lock` run, or the paragraph is marked
`make translation-pending ID=…` (then the English page shows readers a banner there). A
translation edited alone (a typo in the English) is recorded by `make translation-lock` too."""

from __future__ import annotations

import shutil

import pytest

import drift
import translation_lock
from edition import article_text
from edition_site import DOCS
from translation_pairs import report

word_diff = article_text.word_diff

LOCK = translation_lock.LOCK
DO = ("Bring the translation at {en} up to date, then run `make translation-lock`; if the Russian change "
      "needs no new translation (punctuation, a typo the translation never had), run `make translation-lock FORCE=1`; "
      "to publish the Russian first, `make translation-pending ID={id}`.")


def problems(docs=DOCS, lock=LOCK) -> list[str]:
    recorded = translation_lock.read(lock)
    out = []
    now = translation_lock.current(docs)
    for ident, pair in now.items():
        ru = pair[translation_lock.SOURCE]
        others = [p for lang, p in pair.items() if lang != translation_lock.SOURCE and p is not None]
        en = ", ".join(p.where for p in others) or "the translation"
        entry = recorded.get(ident)
        if entry is None:
            out.append(f"{ru.where}: paragraph #{ident} has no record in data/translation-lock.yaml. "
                       f"Translate it at {en}, then run `make translation-lock`.")
            continue
        pending = entry.get("pending")
        if pending and ru.sha256 == pending["sha256"]:
            continue  # published before its translation: the English page shows a banner
        if ru.sha256 == entry["sha256"]:
            for lang, paragraph in pair.items():
                if lang != translation_lock.SOURCE and paragraph is not None and entry.get("translations", {}).get(lang) != paragraph.sha256:
                    out.append(f"{paragraph.where}: the translation of #{ident} changed since data/translation-lock.yaml "
                               f"recorded it (the Russian at {ru.where} did not). Run `make translation-lock` to record "
                               "the edit: a later change of the Russian would otherwise pass for translated.")
            continue
        state = f" (marked pending since {pending['revised']}, but changed again)" if pending else ""
        out.append(f"{ru.where} ↔ {en}: the Russian paragraph #{ident} changed since its translation was "
                   f"recorded{state}. Change: {word_diff(entry['ru'], ru.normalized)}\n  "
                   + DO.format(en=en, id=ident))
    for ident in recorded:
        if ident not in now:
            out.append(f"data/translation-lock.yaml: #{ident} is recorded but no Russian paragraph has that id "
                       "any more. Run `make translation-lock`.")
    return out


def test_every_translation_is_recorded_against_the_current_russian():
    assert LOCK.is_file(), "data/translation-lock.yaml is missing: run `make translation-lock`"
    report(problems())


@pytest.fixture
def tree(tmp_path):
    """A copy of docs/ and of the lock, made consistent, to change on purpose."""
    shutil.copytree(DOCS, tmp_path / "docs")
    shutil.copy2(LOCK, tmp_path / "lock.yaml")
    assert translation_lock.refresh(True, tmp_path / "docs", tmp_path / "lock.yaml") == 0
    return tmp_path


def revise(docs, lang="ru", ident=None, words="Добавлено."):
    """Add words at the end of a paragraph (the first one, or #ident) of docs/LANG/."""
    paragraph = drift.find(docs, lang, set(), (lambda p: p.id == ident) if ident else (lambda p: True))
    drift.edit(docs, paragraph, paragraph.markdown.rstrip()[-12:], paragraph.markdown.rstrip()[-12:] + " " + words)
    return paragraph


def test_a_changed_russian_paragraph_is_stale(tree):
    docs = tree / "docs"
    ru = revise(docs)
    en = drift.twin(docs, ru, "en")
    [message] = problems(docs, tree / "lock.yaml")
    assert message.startswith(f"{ru.where} ↔ {en.where}: the Russian paragraph #{ru.id} changed")
    assert "{+Добавлено.+}" in message and "make translation-lock" in message and f"ID={ru.id}" in message


def test_refresh_is_refused_until_the_translation_changes(tree, capsys):
    docs, lock = tree / "docs", tree / "lock.yaml"
    ru = revise(docs)
    assert translation_lock.refresh(False, docs, lock) == 1
    assert f"the Russian changed but the translation at {drift.twin(docs, ru, 'en').where} did not" in capsys.readouterr().err
    assert problems(docs, lock)  # nothing was written
    revise(docs, "en", ru.id, "Added.")
    assert translation_lock.refresh(False, docs, lock) == 0
    assert problems(docs, lock) == []


def test_force_records_a_change_that_needs_no_translation(tree):
    docs, lock = tree / "docs", tree / "lock.yaml"
    revise(docs)
    assert translation_lock.refresh(True, docs, lock) == 0
    assert problems(docs, lock) == []


def test_pending_is_allowed_until_the_russian_changes_again(tree):
    import datetime

    docs, lock = tree / "docs", tree / "lock.yaml"
    ru = revise(docs)
    assert translation_lock.mark_pending([ru.id], datetime.date(2026, 3, 1), docs, lock) == 0
    assert translation_lock.read(lock)[ru.id]["pending"]["revised"] == "2026-03-01"
    assert problems(docs, lock) == []
    revise(docs, "ru", ru.id, "Ещё раз.")
    [message] = problems(docs, lock)
    assert "marked pending since 2026-03-01, but changed again" in message


def test_a_new_paragraph_needs_a_record(tree):
    docs, lock = tree / "docs", tree / "lock.yaml"
    last = article_text.paragraphs("ru", article_text.pages("ru", docs)[0], docs)[-1]
    with open(docs / "ru" / f"{last.page}.md", "a", encoding="utf-8") as page:
        page.write("\nНовый абзац.\n")
    assert any(f"#{last.section}-p{last.number + 1} has no record" in m for m in problems(docs, lock))


def test_markdown_paragraphs_are_the_built_paragraphs(pages):
    """The lock numbers paragraphs in Markdown (edition/article_text.py) as the site does in HTML."""
    from edition_site import LANGS, PAGES, paragraphs

    for lang in LANGS:
        for page in PAGES:
            built = [p["id"] for p in paragraphs(pages[lang][page])]
            written = [p.id for p in article_text.paragraphs(lang, page)]
            assert written == built, f"docs/{lang}/{page}.md: Markdown paragraphs {written}, built {built}"


def test_an_edit_of_the_translation_alone_needs_a_record(tree, capsys):
    docs, lock = tree / "docs", tree / "lock.yaml"
    before = lock.read_text(encoding="utf-8")
    assert translation_lock.refresh(False, docs, lock) == 0
    assert "nothing changed" in capsys.readouterr().out
    assert lock.read_text(encoding="utf-8") == before, "`nothing changed`, yet the lock was rewritten"
    ru = drift.find(docs, "ru", set())
    en = revise(docs, "en", ru.id, "Added.")
    [message] = problems(docs, lock)
    assert message.startswith(f"{en.where}: the translation of #{ru.id} changed") and "`make translation-lock`" in message
    assert translation_lock.refresh(False, docs, lock) == 0
    assert f"{en.where}: #{ru.id} translation recorded" in capsys.readouterr().out
    assert problems(docs, lock) == []
