"""The edition's versions (data/versions.yaml) and their snapshots (data/snapshots/vN.yaml).

Every published state of the edition is a version: a number, a date and a one-line summary in
both languages. `make release` (tools/release.py) records a new one, sets data/article.yaml's
edition_date to its date and keeps a snapshot of what a later version compares against: each
sentence's text by id in both languages, the editor's notes and the table's rows — small,
sorted YAML that git diffs line by line. The build checks the record (check()): numbers rising
by one, dates never going back, both summaries given, the last version's date being
edition_date, and a snapshot for every version that says its own number and date; a mistake
stops it with the file and line.

On the pages, a sentence revised since an earlier release carries the marker of
hooks/text/revisions.py (released(): the snapshots it compares with; page_sentences(): today's text).

Sentence ids are those of the site (`<paragraph id>-sN`): the paragraph's Markdown as plain text,
split by edition/sentences.py's segmenter, as hooks/text/sentences.py splits the built paragraph.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import lxml.html
import markdown
import yaml

from edition import article_text, cache, datafiles, sentences, templates

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOTS = "snapshots"
NOTE_MARK = re.compile(r"\[\^[^\]]+\]")   # footnote references are not the sentence's words


def snapshot_path(number: int, data_dir: Path | None = None) -> Path:
    return (data_dir or datafiles.DATA) / SNAPSHOTS / f"v{number}.yaml"


def plain(markdown_text: str) -> str:
    html = markdown.markdown(NOTE_MARK.sub("", markdown_text))
    return " ".join(" ".join(lxml.html.fragment_fromstring(html, create_parent="div").itertext()).split())


def page_sentences(docs: Path, lang: str, page: str) -> dict[str, str]:
    """A page's sentences by id, as a snapshot records them (docs/LANG/PAGE.md); kept between
    builds while the page is unchanged, so an edit in `mkdocs serve` segments one page again, not all."""
    files = [docs / lang / f"{page}.md", Path(__file__), Path(sentences.__file__), Path(article_text.__file__)]
    return cache.cached("page-sentences", {"docs": str(docs), "lang": lang, "page": page},
                        lambda: _page_sentences(docs, lang, page), depends=files)


def _page_sentences(docs: Path, lang: str, page: str) -> dict[str, str]:
    found = {}
    for paragraph in article_text.paragraphs(lang, page, docs):
        text = plain(paragraph.markdown)
        for n, (start, end) in enumerate(sentences.split(text, lang), 1):
            found[f"{paragraph.id}-s{n}"] = text[start:end]
    return found


def snapshot(root: Path, number: int, date: str) -> dict:
    """What a version says, read from a project's files at `root` (this checkout, or an earlier
    commit's files): the article pages' sentences by id, the notes, the table's rows."""
    docs, data_dir = root / "docs", root / "data"
    article = yaml.safe_load((data_dir / "article.yaml").read_text(encoding="utf-8"))
    own = set(article.get("edition_pages", [])) | {"references.md", "versions.md"}
    result = {"version": number, "date": date, "sentences": {}, "notes": {}, "table": {}}
    for lang in sorted(p.name for p in docs.iterdir() if p.is_dir() and len(p.name) == 2):
        found = {}
        for page in article_text.pages(lang, docs):
            if f"{page}.md" not in own:
                found.update(page_sentences(docs, lang, page))
        result["sentences"][lang] = found
    notes = yaml.safe_load((data_dir / "notes.yaml").read_text(encoding="utf-8")) if (data_dir / "notes.yaml").exists() else {}
    for note in (notes.get("notes", []) if isinstance(notes, dict) else notes or []):   # a list, or {notes: [...]}
        result["notes"][note["id"]] = {"after": note.get("after"), **{lang: note["text"][lang] for lang in sorted(note["text"])}}
    table = yaml.safe_load((data_dir / "infrastructure.yaml").read_text(encoding="utf-8"))
    for row in (table or {}).get("rows", []):
        result["table"][row["id"]] = {key: value for key, value in row.items() if key != "id"}
    return result


def write_snapshot(data: dict, path: Path) -> None:
    header = (f"# Snapshot of version {data['version']} ({data['date']}), written by `make release` (tools/release.py):\n"
              "# each sentence's text by id in both languages, the editor's notes and the table's rows, as that\n"
              "# version published them. A later version is compared with it. Do not edit by hand.\n")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(header + yaml.safe_dump(data, allow_unicode=True, sort_keys=True, width=100000), encoding="utf-8")


def versions() -> list[dict]:
    return datafiles.load("versions")["versions"]


_read: dict[Path, tuple[tuple[int, int], dict]] = {}


def read_snapshot(number: int) -> dict:
    """The snapshot of version NUMBER, read once while its file is unchanged (every page of a build asks)."""
    path = snapshot_path(number)
    stat = path.stat()
    key = (stat.st_mtime_ns, stat.st_size)
    if path not in _read or _read[path][0] != key:
        with path.open(encoding="utf-8") as handle:
            _read[path] = (key, yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))
    return _read[path][1]


def released() -> list[dict]:
    """The snapshots of every released version, oldest first."""
    return [read_snapshot(version["number"]) for version in versions()]


def check(edition_date: str) -> None:
    """The record holds: see the module's docstring. Raises DataError naming the file and line."""
    found = versions()
    for index, version in enumerate(found):
        where = datafiles.where("versions", ["versions", index])
        if version["number"] != index + 1:
            raise datafiles.DataError(f"{where}: version {version['number']} should be number {index + 1}: versions are numbered 1, 2, 3… in order.")
        if index and version["date"] < found[index - 1]["date"]:
            raise datafiles.DataError(f"{where}: version {version['number']} is dated {version['date']}, before version "
                                      f"{index} ({found[index - 1]['date']}): a new version cannot be older than the last.")
        path = snapshot_path(version["number"])
        if not path.is_file():
            raise datafiles.DataError(f"{where}: version {version['number']} has no snapshot {datafiles.relative(path)}: "
                                      "record versions with `make release`, which writes it.")
        head = read_snapshot(version["number"])
        if (head.get("version"), head.get("date")) != (version["number"], version["date"]):
            raise datafiles.DataError(f"{where}: the snapshot {datafiles.relative(path)} is of version {head.get('version')} "
                                      f"({head.get('date')}), not of version {version['number']} ({version['date']}): "
                                      "it does not match its version; write it again with `make release`.")
    if found and found[-1]["date"] != edition_date:
        raise datafiles.DataError(f"{datafiles.where('article', ['edition_date'])}: edition_date is {edition_date}, but the last "
                                  f"version ({datafiles.where('versions', ['versions', len(found) - 1])}) is dated "
                                  f"{found[-1]['date']}: a new edition is published with `make release`, which sets both.")


def today() -> str:
    return datetime.date.today().isoformat()


# --- the versions page (overrides/edition/versions.html, <!-- versions: versions -->) -------------

def _words(old: str, new: str) -> list[tuple[str, str]]:
    """A sentence's change word by word: [(kind, text)], kind '' (unchanged), 'del' or 'ins'."""
    import difflib

    a, b = old.split(), new.split()
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(("", " ".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(("del", " ".join(a[i1:i2])))
        if j2 > j1:
            out.append(("ins", " ".join(b[j1:j2])))
    return out


def compare(before: dict, after: dict) -> dict:
    """What changed from one snapshot to the next: sentences per language (with the word diff),
    notes added, changed or removed, table rows changed."""
    sentences = {}
    for lang, now in after["sentences"].items():
        then = before["sentences"].get(lang, {})
        sentences[lang] = [{"id": key, "old": then.get(key), "new": now.get(key),
                            "words": _words(then.get(key) or "", now.get(key) or "")}
                           for key in list(now) + [k for k in then if k not in now] if then.get(key) != now.get(key)]
    notes = []
    for key in sorted(set(before["notes"]) | set(after["notes"])):
        old, new = before["notes"].get(key), after["notes"].get(key)
        if old != new:
            notes.append({"id": key, "kind": "added" if old is None else "removed" if new is None else "changed",
                          "after": (new or old).get("after")})
    rows = [key for key in sorted(set(before["table"]) | set(after["table"])) if before["table"].get(key) != after["table"].get(key)]
    return {"sentences": sentences, "notes": notes, "rows": rows}


def unreleased_snapshot(root: Path, number: int) -> dict:
    """The snapshot the files at ROOT would make now, kept between builds while they are unchanged
    (edition/cache.py: segmenting every sentence again costs most of a warm build's second)."""
    files = [root / "docs", *(root / "data" / f"{name}.yaml" for name in ("article", "notes", "infrastructure")),
             Path(__file__), Path(sentences.__file__), Path(article_text.__file__)]
    return cache.cached("version-now", {"root": str(root), "number": number, "date": today()},
                        lambda: snapshot(root, number, today()), depends=files)


def history(root: Path | None = None) -> list[dict]:
    """Every version with what changed since the one before (the first: nothing to compare), then
    the changes not yet released (the files now against the last snapshot), newest first."""
    found, previous, entries = versions(), None, []
    for version in found:
        current = read_snapshot(version["number"])
        entries.append({**version, "changes": compare(previous, current) if previous else None})
        previous = current
    now = unreleased_snapshot(root or ROOT, found[-1]["number"] + 1)
    pending = compare(previous, now)
    unreleased = {"number": None, "changes": pending} if any(pending["sentences"].values()) or pending["notes"] or pending["rows"] else None
    return ([unreleased] if unreleased else []) + entries[::-1]


templates.env.globals["version_history"] = history
