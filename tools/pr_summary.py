"""A pull request's job summary, in a few lines of Markdown (GitHub Actions appends it to
$GITHUB_STEP_SUMMARY; see .github/workflows/edition.yml):

    python tools/pr_summary.py --base BASE_SHA [--head REV]

- which pages the change touches, per language: a changed docs/<lang>/<page>.md, a data
  file or a template that a page's marker names (`<!-- table: infrastructure -->`:
  data/infrastructure.yaml, overrides/edition/table.html);
  files that every page is made with (hooks, templates, styles, other data) are listed apart;
- the state of the translation: the Russian paragraphs the change touches, each recorded
  with a new lock (`make translation-lock`), published as pending, or changed WITHOUT a new
  lock (the tests fail on those); the English paragraphs edited on their own; and the
  pending banners the English site shows after the change.

It reads git and the Markdown only (edition/article_text.py, tools/translation_lock.py): it
needs no build, and works when the tests failed.
"""

from __future__ import annotations

import argparse
import io
import re
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

import translation_lock
from edition import article_text

ROOT = article_text.ROOT
SOURCE = translation_lock.SOURCE
LOCK = "data/translation-lock.yaml"
MARKER = re.compile(r"^[ \t]*<!--\s*(?P<kind>[a-z][a-z0-9-]*):\s*(?P<name>[a-z][a-z0-9-]*)\s*-->[ \t]*$", re.MULTILINE)
PAGE_FILE = re.compile(r"^docs/(?P<lang>[a-z]{2})/(?P<page>.+)\.md$")
DATA_FILE = re.compile(r"^data/(?P<name>[^/]+)\.yaml$")
TEMPLATE_FILE = re.compile(r"^overrides/edition/(?P<kind>[^/]+)\.html$")
# Files the pages are made with: a change there may change any page.
EVERY_PAGE = re.compile(r"^(mkdocs\.yml|hooks/|overrides/|docs/assets/|docs/_headers|data/)")


def git(root: Path, *args: str) -> bytes:
    return subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True).stdout


def changed_files(root: Path, base: str, head: str) -> list[str]:
    return sorted(filter(None, git(root, "diff", "--name-only", "--no-renames", base, head).decode().splitlines()))


def tree_at(root: Path, rev: str, target: Path) -> Path:
    """docs/ and data/ as they are at `rev`, unpacked into `target`."""
    listed = git(root, "ls-tree", "--name-only", rev).decode().split()
    paths = [p for p in ("docs", "data") if p in listed]
    if paths:
        with tarfile.open(fileobj=io.BytesIO(git(root, "archive", "--format=tar", rev, *paths))) as archive:
            archive.extractall(target, filter="data")
    (target / "docs").mkdir(parents=True, exist_ok=True)
    return target


def url(lang: str, page: str) -> str:
    prefix = "/" if lang == SOURCE else f"/{lang}/"
    return prefix + ("" if page == "index" else page.removesuffix("/index") + "/")


def markers(docs: Path) -> dict:
    """data name and template kind -> [(lang, page, marker)] of the pages whose Markdown names it."""
    found: dict = {"data": {}, "kind": {}}
    for path in sorted(docs.glob("*/**/*.md")):
        lang, *rest = path.relative_to(docs).with_suffix("").parts
        page = "/".join(rest)
        for match in MARKER.finditer(path.read_text(encoding="utf-8")):
            marker = (lang, page, f"<!-- {match['kind']}: {match['name']} -->")
            found["data"].setdefault(match["name"], []).append(marker)
            found["kind"].setdefault(match["kind"], []).append(marker)
    return found


def touched_pages(files: list[str], docs: Path) -> tuple[dict, list[str], list[str]]:
    """({(lang, page): [why]}, files every page is made with, files that make no page)."""
    pages, every, none = {}, [], []
    named = markers(docs)
    for name in files:
        page = PAGE_FILE.match(name)
        data, template = DATA_FILE.match(name), TEMPLATE_FILE.match(name)
        used = named["data"].get(data["name"]) if data else named["kind"].get(template["kind"]) if template else None
        if page:
            pages.setdefault((page["lang"], page["page"]), []).append(name)
        elif used:
            for lang, page_name, marker in used:
                pages.setdefault((lang, page_name), []).append(f"{name} ({marker})")
        elif name == LOCK:
            continue  # the translation's state, below
        elif EVERY_PAGE.match(name):
            every.append(name)
        else:
            none.append(name)
    return pages, every, none


def _paragraphs(docs: Path) -> dict:
    if not (docs / SOURCE).is_dir():
        return {}
    return translation_lock.current(docs)


def translation_state(base: Path, head: Path) -> dict:
    """The Russian paragraphs the change touches and what became of their lock; the English
    paragraphs edited on their own; the pending banners after the change."""
    old, new = _paragraphs(base / "docs"), _paragraphs(head / "docs")
    lock, old_lock = translation_lock.read(head / LOCK), translation_lock.read(base / LOCK)
    state = {"recorded": [], "pending": [], "unlocked": [], "removed": [], "english": [], "banners": [], "cleared": []}
    for ident, pair in new.items():
        ru = pair[SOURCE]
        before = old.get(ident, {}).get(SOURCE)
        entry = lock.get(ident) or {}
        pending = entry.get("pending") or {}
        if before is None or before.sha256 != ru.sha256:
            if entry.get("sha256") == ru.sha256:
                state["recorded"].append(ru)
            elif pending.get("sha256") == ru.sha256:
                state["pending"].append(ru)
            else:
                state["unlocked"].append((ru, [p for lang, p in pair.items() if lang != SOURCE and p is not None]))
        else:
            for lang, paragraph in pair.items():
                was = old.get(ident, {}).get(lang)
                if lang != SOURCE and paragraph is not None and (was is None or was.sha256 != paragraph.sha256):
                    state["english"].append(paragraph)
        if pending:
            langs = [lang for lang in pair if lang != SOURCE]
            state["banners"].append((ident, entry.get("page", ru.page), pending.get("revised", "?"), langs,
                                     not (old_lock.get(ident) or {}).get("pending")))
    state["cleared"] = sorted((ident, entry.get("page", "")) for ident, entry in old_lock.items()
                              if entry.get("pending") and not (lock.get(ident) or {}).get("pending"))
    state["removed"] = sorted(set(old) - set(new))
    state["langs"] = translation_lock.targets(head / "docs")
    return state


def banner_pages(state: dict, pages: dict) -> None:
    """A pending banner that the change adds or removes changes the translated page."""
    for ident, page, _, page_langs, new in state["banners"]:
        for lang in page_langs if new else []:
            pages.setdefault((lang, page), []).append(f"{LOCK} (pending banner #{ident})")
    for ident, page in state["cleared"]:
        for lang in state["langs"]:
            pages.setdefault((lang, page), []).append(f"{LOCK} (banner #{ident} removed)")


def _page_line(lang_pages: dict, page: str) -> str:
    langs = sorted(lang_pages, key=lambda lang: (lang != SOURCE, lang))
    why = sorted({reason for lang in langs for reason in lang_pages[lang]})
    return f"- **{page}**: " + ", ".join(f"[{lang}] `{url(lang, page)}`" for lang in langs) + " — " + ", ".join(f"`{w}`" for w in why)


def summary(files: list[str], pages: dict, every: list[str], none: list[str], state: dict | None, problem: str = "") -> str:
    out = ["## The edition: this pull request", ""]
    out.append(f"### Pages it touches ({len(files)} file(s) changed)")
    by_page: dict = {}
    for (lang, page), why in pages.items():
        by_page.setdefault(page, {})[lang] = why
    out += [_page_line(by_page[page], page) for page in sorted(by_page)] or ["- no page's own Markdown or data"]
    if every:
        out.append("- may change every page (what all pages are made with): " + ", ".join(f"`{name}`" for name in every))
    if none:
        out.append(f"- no page: {len(none)} file(s) (tests, tools, the repository's own documents)")
    out += ["", "### Translation"]
    if state is None:
        return "\n".join(out + [f"- **the paragraphs cannot be numbered**: {problem}"]) + "\n"
    changed = len(state["recorded"]) + len(state["pending"]) + len(state["unlocked"])
    out.append(f"- Russian paragraphs changed: {changed} — {len(state['recorded'])} with a new lock, "
               f"{len(state['pending'])} published as pending, **{len(state['unlocked'])} without a new lock**")
    for ru, others in state["unlocked"]:
        where = ", ".join(p.where for p in others) or "its translation"
        out.append(f"  - #{ru.id} (`{ru.where}`): changed without a new lock: update `{where}`, then `make translation-lock` "
                   f"(or `make translation-lock FORCE=1`, or `make translation-pending ID={ru.id}`)")
    for ru in state["recorded"]:
        out.append(f"  - #{ru.id} (`{ru.where}`): translation recorded")
    for ru in state["pending"]:
        out.append(f"  - #{ru.id} (`{ru.where}`): translation pending (the translated page shows a banner)")
    if state["removed"]:
        out.append(f"- Russian paragraphs removed: {len(state['removed'])} (" + ", ".join(f"#{i}" for i in state["removed"]) + ")")
    if state["english"]:
        out.append(f"- translated paragraphs edited with the Russian unchanged: {len(state['english'])} ("
                   + ", ".join(f"`{p.where}`" for p in state["english"]) + ")")
    banners = state["banners"]
    out.append(f"- pending banners after this change: {len(banners)}")
    for ident, page, revised, langs, new in banners:
        places = ", ".join(f"`{url(lang, page)}#{ident}`" for lang in langs)
        out.append(f"  - #{ident}: Russian revised {revised}, on {places}" + (" (new in this change)" if new else ""))
    if state["cleared"]:
        out.append("- pending banners this change removes: " + ", ".join(f"#{ident}" for ident, _ in state["cleared"]))
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", required=True, help="the commit the pull request is compared with (its base)")
    parser.add_argument("--head", default="HEAD", help="the commit of the change (default: HEAD)")
    parser.add_argument("--root", type=Path, default=ROOT, help="the repository (default: this one)")
    args = parser.parse_args(argv)
    try:
        files = changed_files(args.root, args.base, args.head)
        with tempfile.TemporaryDirectory() as tmp:
            base, head = tree_at(args.root, args.base, Path(tmp) / "base"), tree_at(args.root, args.head, Path(tmp) / "head")
            pages, every, none = touched_pages(files, head / "docs")
            try:
                state = translation_state(base, head)
            except (SystemExit, ValueError) as err:  # the Markdown's paragraphs cannot be numbered
                sys.stdout.write(summary(files, pages, every, none, None, problem=str(err)))
                return 0
            banner_pages(state, pages)
    except subprocess.CalledProcessError as err:
        print(f"pr_summary: `{' '.join(err.cmd)}` failed: {err.stderr.decode().strip()}. "
              "Is --base a commit of this clone (fetch-depth: 0)?", file=sys.stderr)
        return 2
    sys.stdout.write(summary(files, pages, every, none, state))
    return 0


if __name__ == "__main__":
    sys.exit(main())
