"""Record which Russian text each translated paragraph translates: data/translation-lock.yaml.

    make translation-lock                    record the translations you have brought up to date
                                             with the Russian, or edited alone (a typo in the English)
    make translation-lock FORCE=1            ... also where the Russian changed but needs no new
                                             translation (punctuation, a typo the translation never had):
                                             on the author's pages, a correction data/corrections.yaml lists
    make translation-pending ID=<id> [DATE=YYYY-MM-DD]
                                             publish a Russian revision before its translation:
                                             the translated page shows readers a banner there

For every paragraph of docs/ru/ the lock keeps its id, its page, the SHA-256 of its
normalized Markdown (whitespace collapsed), the text itself (so that a test can show
what changed) and the hash of each translation as last recorded. tests/test_translation_lock.py
fails while a Russian paragraph differs from its record, and while a translation differs from
its recorded hash (an edit of the translation alone is recorded by `make translation-lock`
too: otherwise a later change of the Russian would pass for translated). Refreshing the record
for a paragraph whose Russian changed but whose translation did not is refused (FORCE=1
overrides, for a change that passed the check of the source below). The file is rewritten only when a record changes, and the command says which.

Before anything is recorded, a changed Russian paragraph of the author's pages (the nav's top
level) is checked against the source (data/source/, as tests/test_source_fidelity.py does,
with the corrections of data/corrections.yaml undone): a change no correction lists is refused,
FORCE=1 or not, with the word diff and the entry to add to data/corrections.yaml.
"""

from __future__ import annotations

import argparse
import datetime
import difflib
import re
import sys
from pathlib import Path

import yaml

from edition import article_text

ROOT = article_text.ROOT
LOCK = ROOT / "data" / "translation-lock.yaml"
SOURCE = "ru"
HEADER = """\
# Which Russian text each translated paragraph translates. WRITTEN BY A COMMAND, not by hand:
#   make translation-lock              after bringing a translation up to date with the Russian,
#                                      or after editing a translation alone (a typo in the English)
#   make translation-pending ID=<id>   to publish a Russian revision before its translation
# See CONTRIBUTING.md. Schema: schemas/translation-lock.schema.yaml.
"""


def targets(docs: Path) -> list[str]:
    return sorted(p.name for p in docs.iterdir() if p.is_dir() and p.name != SOURCE and any(p.rglob("*.md")))


def current(docs: Path = article_text.DOCS) -> dict:
    """id -> {'ru': Paragraph, 'en': Paragraph or None, ...} for the tree as it is now."""
    result = {}
    langs = targets(docs)
    for page in article_text.pages(SOURCE, docs):
        translated = {lang: {p.id: p for p in article_text.paragraphs(lang, page, docs)}
                      for lang in langs if (docs / lang / f"{page}.md").is_file()}
        for paragraph in article_text.paragraphs(SOURCE, page, docs):
            if paragraph.id in result:
                other = result[paragraph.id][SOURCE]
                raise SystemExit(f"{paragraph.where}: the paragraph id #{paragraph.id} is also at {other.where}; "
                                 "give the sections unique heading ids.")
            result[paragraph.id] = {SOURCE: paragraph, **{lang: translated.get(lang, {}).get(paragraph.id) for lang in langs}}
    return result


def read(path: Path = LOCK) -> dict:
    if not path.is_file():
        return {}
    return (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("paragraphs") or {}


def write(entries: dict, path: Path = LOCK) -> None:
    body = yaml.safe_dump({"paragraphs": entries}, allow_unicode=True, sort_keys=False, width=10**6)
    path.write_text(HEADER + body, encoding="utf-8")


def record(pair: dict, langs: list[str]) -> dict:
    ru = pair[SOURCE]
    entry = {"page": ru.page, "sha256": ru.sha256, "ru": ru.normalized}
    entry["translations"] = {lang: pair[lang].sha256 for lang in langs if pair.get(lang)}
    return entry


class _Config(yaml.SafeLoader):
    """mkdocs.yml with its !ENV tags read as nothing (only the nav is needed)."""


_Config.add_multi_constructor("!", lambda loader, suffix, node: None)


def authors_pages(root: Path = ROOT) -> set[str]:
    """The author's pages: the nav's top level (the edition's own pages are in nav sections)."""
    nav = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Config)["nav"]
    return {entry.removesuffix(".md") for entry in nav if isinstance(entry, str)}


def _squeeze(value: str) -> str:
    return re.sub(r"[\s\-\u00ad]", "", value)


def _source(root: Path = ROOT) -> str:
    """The author's text (abstract and body) of data/source/, squeezed as the fidelity rule squeezes it."""
    record = yaml.safe_load((root / "data" / "source" / "source.yaml").read_text(encoding="utf-8"))
    lines = (root / "data" / "source" / record["file"]).read_text(encoding="utf-8").splitlines()
    text = []
    for name in ("abstract_ru", "body"):
        spans = record["lines"][name]
        for first, last in [spans] if isinstance(spans[0], int) else spans:
            text.append("\n".join(lines[first - 1:last]))
    return _squeeze("\n".join(text))


def _plain(markdown: str) -> str:
    """A paragraph's words without Markdown's marks (attribute lists, footnote references, tags, emphasis)."""
    return re.sub(r"\{[^}]*\}|\[\^[^\]]+\]|<[^>]+>|[*_]", "", markdown)


CORRECTION = """\
  - page: {page}
    paragraph: {ident}
    original: {original}
    corrected: {corrected}
    kind: typo               # typo, name, spelling or wording
    reason: {{ru: …, en: …}}   # why, in both languages (shown on the corrections page)"""


def unlisted(now: dict, old: dict, root: Path = ROOT) -> list[str]:
    """Changed Russian paragraphs of the author's pages that depart from the source in a way
    data/corrections.yaml does not list: the message for each, with the entry to add."""
    changed = [(ident, pair[SOURCE]) for ident, pair in now.items()
               if ident in old and old[ident].get("sha256") != pair[SOURCE].sha256]
    if not changed or not (root / "data" / "source" / "source.yaml").is_file():
        return []  # nothing changed, or a docs tree outside the project (the lock's own tests): no source to check
    pages = authors_pages(root)
    changed = [(ident, ru) for ident, ru in changed if ru.page in pages]
    source = _source(root)
    corrections = yaml.safe_load((root / "data" / "corrections.yaml").read_text(encoding="utf-8")) or []
    out = []
    for ident, ru in changed:
        text, _ = article_text.undo_corrections(ru.normalized, [c for c in corrections if c.get("paragraph") == ident])
        if _squeeze(_plain(text)) in source:
            continue  # the author's words, or a listed correction of them
        before, after = old[ident].get("ru", "").split(), ru.normalized.split()
        change = next((op for op in difflib.SequenceMatcher(a=before, b=after, autojunk=False).get_opcodes()
                       if op[0] != "equal"), None)
        original, corrected = "…", "…"
        if change:
            _, i1, i2, j1, j2 = change
            if i1 == i2 or j1 == j2:  # a word added or removed: name it with the word before it
                i1, j1 = max(i1 - 1, 0), max(j1 - 1, 0)
            original, corrected = " ".join(before[i1:i2]), " ".join(after[j1:j2])
        out.append(
            f"{ru.where}: #{ident}: the Russian departs from the author's text (data/source/): "
            f"{article_text.word_diff(old[ident].get('ru', ''), ru.normalized)}\n    The Russian is the author's: restore "
            "the author's words, or, if the change is a deliberate correction, list it in data/corrections.yaml "
            "(it is then shown on the corrections page) and run `make translation-lock` again:\n"
            + CORRECTION.format(page=ru.page, ident=ident, original=original, corrected=corrected))
    return out


def refresh(force: bool, docs: Path = article_text.DOCS, path: Path = LOCK) -> int:
    langs = targets(docs)
    old = read(path)
    now = current(docs)
    departures = unlisted(now, old, docs.parent)
    if departures:
        print("translation lock NOT written:\n  " + "\n  ".join(departures), file=sys.stderr)
        return 1
    new, refused, notes = {}, [], []
    for ident, pair in now.items():
        ru = pair[SOURCE]
        missing = [lang for lang in langs if pair[lang] is None]
        if missing:
            refused.append(f"{ru.where}: #{ident} has no paragraph in " + ", ".join(f"docs/{m}/{ru.page}.md" for m in missing)
                           + ": translate it first (one paragraph for each Russian paragraph, same order).")
            continue
        entry = old.get(ident)
        fresh = record(pair, langs)
        if entry is None:
            notes.append(f"{ru.where}: #{ident} recorded (new paragraph)")
            new[ident] = fresh
            continue
        pending = entry.get("pending")
        if entry.get("sha256") == ru.sha256 and not pending:
            # The Russian is unchanged; an edit of the translation alone is recorded (and said so).
            edited = [pair[lang].where for lang in langs if entry.get("translations", {}).get(lang) != pair[lang].sha256]
            if edited:
                notes.append(f"{', '.join(edited)}: #{ident} translation recorded (the Russian is unchanged)")
            new[ident] = fresh
            continue
        retranslated = [lang for lang in langs if entry.get("translations", {}).get(lang) != pair[lang].sha256]
        if pending and pending.get("sha256") == ru.sha256 and not retranslated and not force:
            new[ident] = {**entry, "translations": entry.get("translations", {})}
            continue  # still pending, as recorded
        if set(retranslated) == set(langs) or force:
            notes.append(f"{ru.where}: #{ident} refreshed" + (" (translation pending cleared)" if pending else ""))
            new[ident] = fresh
            continue
        lagging = ", ".join(f"{pair[lang].where}" for lang in langs if lang not in retranslated)
        refused.append(
            f"{ru.where}: #{ident}: the Russian changed but the translation at {lagging} did not. "
            f"Update the translation, then run `make translation-lock` again; if the change needs no new "
            f"translation, run `make translation-lock FORCE=1`; to publish it before the translation, "
            f"run `make translation-pending ID={ident}`."
        )
    for ident in old:
        if ident not in now:
            notes.append(f"#{ident} removed (no such paragraph in docs/{SOURCE}/ any more)")
    if refused:
        print("translation lock NOT written:\n  " + "\n  ".join(refused), file=sys.stderr)
        return 1
    name = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    if new == old:
        print(f"{name}: nothing changed ({len(new)} paragraph(s) recorded as they were); the file is not rewritten")
        return 0
    write(new, path)
    print(f"{name}: {len(new)} paragraph(s) recorded; rewritten for:" + "".join(f"\n  {n}" for n in notes))
    return 0


def mark_pending(idents: list[str], date: datetime.date, docs: Path = article_text.DOCS, path: Path = LOCK) -> int:
    old = read(path)
    now = current(docs)
    problems = []
    for ident in idents:
        if ident not in old or ident not in now:
            problems.append(f"#{ident}: no such paragraph in the lock and docs/{SOURCE}/ (ids look like policy-coordination-p2).")
            continue
        ru = now[ident][SOURCE]
        if old[ident].get("sha256") == ru.sha256:
            problems.append(f"{ru.where}: #{ident}: the Russian has not changed since its translation was recorded; nothing is pending.")
            continue
        old[ident]["pending"] = {"revised": date.isoformat(), "sha256": ru.sha256}
        print(f"{ru.where}: #{ident}: translation pending since {date.isoformat()}; the translated page shows a banner there.")
    if problems:
        print("translation lock NOT written:\n  " + "\n  ".join(problems), file=sys.stderr)
        return 1
    write(old, path)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--force", action="store_true", help="record changed Russian paragraphs even where the translation did not change")
    parser.add_argument("--pending", nargs="+", metavar="ID", help="mark paragraph(s) as translation pending")
    parser.add_argument("--date", type=datetime.date.fromisoformat, default=datetime.date.today(),
                        help="the date of the Russian revision, YYYY-MM-DD (default: today)")
    args = parser.parse_args(argv)
    if args.pending:
        return mark_pending(args.pending, args.date)
    return refresh(args.force)


if __name__ == "__main__":
    sys.exit(main())
