"""A tag `vN` on GitHub: attach the release's PDFs, EPUBs and JATS file to a GitHub release
(.github/workflows/release.yml, after `make build` for the public address).

The tag must name the last version of data/versions.yaml (`v1` for version 1): otherwise it stops,
naming the file and line. The release's title and notes are that version's number, date and
summary in both languages; the files are the built site's downloads (site/downloads/,
site/<lang>/downloads/). GitHub's REST API, with the workflow's GITHUB_TOKEN.
`--check TAG` only checks the tag (no network)."""

from __future__ import annotations

import argparse
import json
import os
import sys
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from edition import datafiles, versions  # noqa: E402

SUFFIXES = (".pdf", ".epub", ".jats.xml")
TYPES = {".pdf": "application/pdf", ".epub": "application/epub+zip", ".xml": "application/jats+xml"}


def version_of(tag: str) -> dict:
    found = versions.versions()
    last = found[-1]
    if tag != f"v{last['number']}":
        where = datafiles.where("versions", ["versions", len(found) - 1])
        sys.exit(f"github_release: the tag {tag!r} is not the last version's: {where} is version {last['number']} "
                 f"(tag v{last['number']}); record the version with `make release` first, then tag it.")
    return last


def assets(site: Path) -> list[Path]:
    return sorted(path for path in site.rglob("downloads/*") if path.name.endswith(SUFFIXES))


def _call(url: str, token: str, data: bytes, content_type: str) -> dict:
    request = urllib.request.Request(url, data=data, method="POST", headers={
        "Authorization": f"Bearer {token}", "Accept": "application/vnd.github+json", "Content-Type": content_type})
    with urllib.request.urlopen(request, timeout=120) as response:  # noqa: S310 (GitHub's API, https)
        return json.load(response)


def publish(tag: str, site: Path) -> None:
    version = version_of(tag)
    files = assets(site)
    if not files:
        sys.exit(f"github_release: no PDF, EPUB or JATS file under {site}/**/downloads/: build the site first (make build)")
    token, repo = os.environ["GITHUB_TOKEN"], os.environ["GITHUB_REPOSITORY"]
    api = os.environ.get("GITHUB_API_URL", "https://api.github.com")
    notes = (f"{version['summary']['en']}\n\n{version['summary']['ru']}\n\n"
             f"Version {version['number']}, {version['date']}. No DOI is assigned to it.")
    release = _call(f"{api}/repos/{repo}/releases", token, json.dumps(
        {"tag_name": tag, "name": f"Version {version['number']} ({version['date']})", "body": notes}).encode(), "application/json")
    upload = release["upload_url"].split("{", 1)[0]
    for path in files:
        _call(f"{upload}?name={urllib.parse.quote(path.name)}", token, path.read_bytes(), TYPES[path.suffix])
        print(f"attached {path.relative_to(site)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tag")
    parser.add_argument("--site", default=str(ROOT / "site"))
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    if args.check:
        version = version_of(args.tag)
        print(f"{args.tag}: version {version['number']} ({version['date']})")
    else:
        publish(args.tag, Path(args.site))


if __name__ == "__main__":
    main()
