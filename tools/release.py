"""`make release SUMMARY_RU=… SUMMARY_EN=… [DATE=YYYY-MM-DD]`: publish a new version of the edition.

Adds the version to data/versions.yaml (the next number, the date, the one-line summary in both
languages), sets data/article.yaml's edition_date to that date, and writes the snapshot
data/snapshots/vN.yaml that later versions compare against (edition/versions.py).
`--reconstruct N --commit SHA` writes the snapshot of a version recorded after the fact from the
files of that commit (data/versions.yaml names it under `source`).
Each release also writes CITATION.cff and .zenodo.json (`--archive-metadata` alone rewrites
them), so that a release can be archived: the edition as its editors' work, its version and date,
the original article it edits and translates; no DOI (none exists), no licence (nothing may
license the article or its translation while its rights holder is unknown: data/rights.yaml),
Zenodo access closed for the same reason.
Every refusal names the file and line and says what to do."""

from __future__ import annotations

import argparse
import io
import re
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from edition import datafiles, versions  # noqa: E402

DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def fail(message: str) -> None:
    print(f"make release: {message}", file=sys.stderr)
    sys.exit(2)


def files_of(commit: str, target: Path) -> Path:
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", commit, "docs", "data"],
                             capture_output=True, check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(target, filter="data")
    return target


def release(summary_ru: str, summary_en: str, date: str) -> None:
    record = ROOT / "data" / "versions.yaml"
    found = versions.versions()
    last = found[-1]
    where = datafiles.where("versions", ["versions", len(found) - 1])
    if not summary_ru.strip() or not summary_en.strip():
        fail(f"{datafiles.relative(record)}: a version needs a one-line summary in both languages: "
             "make release SUMMARY_RU='…' SUMMARY_EN='…'")
    if not DATE.match(date):
        fail(f"DATE={date!r} is not YYYY-MM-DD")
    if date < last["date"]:
        fail(f"{where}: the last version, {last['number']}, is dated {last['date']}; the new one ({date}) cannot be older.")
    number = last["number"] + 1
    entry = (f"  - number: {number}\n    date: \"{date}\"\n    summary:\n"
             f"      ru: {_scalar(summary_ru)}\n      en: {_scalar(summary_en)}\n")
    text = record.read_text(encoding="utf-8")
    record.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
    with record.open("a", encoding="utf-8") as handle:
        handle.write(entry)
    article = ROOT / "data" / "article.yaml"
    article.write_text(re.sub(r'^edition_date: "[^"]*"', f'edition_date: "{date}"', article.read_text(encoding="utf-8"),
                              count=1, flags=re.M), encoding="utf-8")
    versions.write_snapshot(versions.snapshot(ROOT, number, date), versions.snapshot_path(number))
    print(f"version {number} ({date}) recorded: data/versions.yaml, data/article.yaml edition_date, "
          f"{datafiles.relative(versions.snapshot_path(number))}")
    datafiles.refresh()
    write_archive_metadata()


def _scalar(text: str) -> str:
    import yaml
    return yaml.safe_dump(text.strip(), allow_unicode=True, width=100000).strip().removesuffix("...").strip()


def archive_metadata() -> tuple[str, str]:
    """CITATION.cff and .zenodo.json, from data/article.yaml, data/versions.yaml, data/rights.yaml
    and the English abstract (docs/en/, as edition/metadata.py reads it)."""
    import json

    import yaml

    article, rights = datafiles.load("article"), datafiles.load("rights")
    last = versions.versions()[-1]
    original = article["original_language"]
    english = "en"
    abstract = " ".join(_abstract(english, article["abstract"]))
    editors = article["translator"][english]
    note = (f"{article['title_note'][english]} The Russian text is the original; the English is the editors' translation. "
            f"{rights['article']['statement'][english]}")
    cff = {
        "cff-version": "1.2.0",
        "message": ("Cite the language edition you read, as the cite block under each of its pages and its "
                    "BibTeX, RIS and CSL-JSON files give it."),
        "type": "dataset",
        "title": article["title"][english],
        "abstract": abstract,
        "authors": [{"name": editors}],
        "version": str(last["number"]),
        "date-released": last["date"],
        "keywords": article["keywords"][english],
        "references": [{
            "type": "article",
            "title": article["title"][original],
            "languages": ["rus" if original == "ru" else "eng"],
            "authors": [{"name": "Author unknown"}],
            "notes": note,
        }],
    }
    header = ("# Written by `make release` (tools/release.py) from data/article.yaml, data/versions.yaml and\n"
              "# data/rights.yaml: do not edit by hand. No DOI (none exists) and no licence: see data/rights.yaml.\n")
    cff_text = header + yaml.safe_dump(cff, allow_unicode=True, sort_keys=False, width=100000)
    zenodo = {
        "title": article["title"][english],
        "upload_type": "publication",
        "publication_type": "other",
        "description": abstract,
        "creators": [{"name": editors}],
        "keywords": article["keywords"][english],
        "version": str(last["number"]),
        "publication_date": last["date"],
        "language": "eng",
        "access_right": "closed",
        "notes": note + (" Archived with closed access: nothing may license the article or its translation "
                         "while the article's rights holder is unknown (data/rights.yaml)."),
    }
    return cff_text, json.dumps(zenodo, ensure_ascii=False, indent=2) + "\n"


def _abstract(lang: str, where: dict) -> list[str]:
    """The abstract's paragraphs as plain text (edition/metadata.py reads them the same way)."""
    from edition import article_text

    return [versions.plain(p.markdown) for p in article_text.paragraphs(lang, where["page"].removesuffix(".md"), ROOT / "docs")
            if p.section == where["section"]]


def write_archive_metadata() -> None:
    cff, zenodo = archive_metadata()
    (ROOT / "CITATION.cff").write_text(cff, encoding="utf-8")
    (ROOT / ".zenodo.json").write_text(zenodo, encoding="utf-8")
    print("CITATION.cff and .zenodo.json written")


def reconstruct(number: int, commit: str) -> None:
    found = {v["number"]: v for v in versions.versions()}
    if number not in found:
        fail(f"data/versions.yaml has no version {number} to reconstruct")
    with tempfile.TemporaryDirectory() as folder:
        root = files_of(commit, Path(folder))
        data = versions.snapshot(root, number, found[number]["date"])
    versions.write_snapshot(data, versions.snapshot_path(number))
    print(f"version {number}: snapshot from {commit[:12]} written to {datafiles.relative(versions.snapshot_path(number))}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--summary-ru", default="")
    parser.add_argument("--summary-en", default="")
    parser.add_argument("--date", default=versions.today())
    parser.add_argument("--reconstruct", type=int)
    parser.add_argument("--commit")
    parser.add_argument("--archive-metadata", action="store_true")
    args = parser.parse_args()
    if args.archive_metadata:
        write_archive_metadata()
    elif args.reconstruct:
        reconstruct(args.reconstruct, args.commit or fail("--reconstruct needs --commit SHA"))
    else:
        release(args.summary_ru, args.summary_en, args.date)


if __name__ == "__main__":
    main()
