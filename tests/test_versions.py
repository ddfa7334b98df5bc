"""Rule: the edition's versions (data/versions.yaml, edition/versions.py) hold — numbered 1, 2, 3…,
dated in order, each with a summary in both languages and a snapshot of its own
(data/snapshots/vN.yaml: every sentence of the article pages by id in both languages, the notes,
the table's rows), the last dated edition_date — and the version cited is in every form: the cite
block, the citation files (CSL and biblatex `version`, RIS as a note), the JSON-LD, the EPUB and
the JATS file. `make release` (tools/release.py) refuses, naming the file and line, a version
with no summary or one older than the last, and the build stops on a snapshot that is not its
version's."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile

import pytest
import yaml
from lxml import etree
from pybtex.database import parse_file

from edition_site import DATA, LANGS, ROOT, copy_project, data, html_path, paragraphs, parse, url
from test_epub import book_path

VERSIONS = data("versions")["versions"]
LAST = VERSIONS[-1]


def test_the_record_holds():
    article = data("article")
    assert [v["number"] for v in VERSIONS] == list(range(1, len(VERSIONS) + 1))
    assert LAST["date"] == article["edition_date"], "edition_date follows from the last version (make release)"
    for version in VERSIONS:
        snapshot = yaml.safe_load((DATA / "snapshots" / f"v{version['number']}.yaml").read_text(encoding="utf-8"))
        assert (snapshot["version"], snapshot["date"]) == (version["number"], version["date"])
        assert set(snapshot["sentences"]) == set(LANGS) and all(snapshot["sentences"].values())


def test_the_last_snapshot_names_the_sites_sentences(site):
    """The snapshot's sentence ids are the site's: the segmenter on the Markdown, as on the page.
    Checked on the title page, whose text has not changed since the last version."""
    snapshot = yaml.safe_load((DATA / "snapshots" / f"v{LAST['number']}.yaml").read_text(encoding="utf-8"))
    for lang in LANGS:
        built = {span["id"] for paragraph in paragraphs(parse(html_path(site, lang, "index"))) for span in paragraph.select(".edition-s[id]")}
        missing = sorted(built - set(snapshot["sentences"][lang]))
        assert built and not missing, f"{lang}: sentence ids of the title page not in the snapshot: {missing}"


@pytest.mark.parametrize("lang", LANGS)
def test_the_version_is_in_every_form(site, pages, lang):
    number = str(LAST["number"])
    block = pages[lang]["index"].select_one(".edition-cite__version")
    assert block is not None and number in block.get_text() and block.time["datetime"] == LAST["date"]
    ld = json.loads(pages[lang]["index"].find("script", type="application/ld+json").string)
    assert ld["version"] == number
    name = data("article")["file_name"]
    folder = site / url(lang, "index") / "downloads"
    assert json.loads((folder / f"{name}-{lang}.json").read_text(encoding="utf-8"))[0]["version"] == number
    assert next(iter(parse_file(str(folder / f"{name}-{lang}.bib"), "bibtex").entries.values())).fields["version"] == number
    assert f"{'Версия' if lang == 'ru' else 'Version'} {number} ({LAST['date']})" in (folder / f"{name}-{lang}.ris").read_text(encoding="utf-8")
    with zipfile.ZipFile(book_path(site, lang)) as book:
        opf = next(n for n in book.namelist() if n.endswith(".opf"))
        assert f'<meta property="schema:version">{number}</meta>' in book.read(opf).decode("utf-8")
    jats = etree.parse(str(site / "downloads" / f"{name}.jats.xml"), etree.XMLParser(load_dtd=False, no_network=True))
    assert jats.findtext("front/article-meta/article-version") == number


def run_release(project, *args):
    env = {**os.environ, "PYTHONPATH": str(project)}
    return subprocess.run([sys.executable, str(project / "tools" / "release.py"), *args], cwd=project, env=env,
                          capture_output=True, text=True)


@pytest.fixture()
def project(tmp_path):
    return copy_project(tmp_path / "project")


@pytest.mark.slow  # works on a copy of the project: make test, not make check
def test_a_release_needs_both_summaries(project):
    result = run_release(project, "--summary-ru", "Правка перевода.", "--summary-en", "")
    assert result.returncode == 2 and "data/versions.yaml" in result.stderr and "summary" in result.stderr, result.stderr


@pytest.mark.slow  # works on a copy of the project: make test, not make check
def test_a_release_older_than_the_last_is_refused(project):
    result = run_release(project, "--summary-ru", "Правка.", "--summary-en", "A revision.", "--date", "2026-01-01")
    assert result.returncode == 2 and "data/versions.yaml:" in result.stderr and "cannot be older" in result.stderr, result.stderr


@pytest.mark.slow  # works on a copy of the project: make test, not make check
def test_a_release_records_the_version_and_its_snapshot(project):
    result = run_release(project, "--summary-ru", "Правка перевода.", "--summary-en", "Translation revised.", "--date", "2027-01-15")
    assert result.returncode == 0, result.stderr
    record = yaml.safe_load((project / "data" / "versions.yaml").read_text(encoding="utf-8"))["versions"]
    assert record[-1]["number"] == LAST["number"] + 1 and record[-1]["date"] == "2027-01-15"
    assert 'edition_date: "2027-01-15"' in (project / "data" / "article.yaml").read_text(encoding="utf-8")
    snapshot = yaml.safe_load((project / "data" / "snapshots" / f"v{LAST['number'] + 1}.yaml").read_text(encoding="utf-8"))
    assert snapshot["version"] == LAST["number"] + 1 and snapshot["sentences"]["en"]


@pytest.mark.slow  # works on a copy of the project: make test, not make check
def test_a_snapshot_of_another_version_stops_the_build(project):
    path = project / "data" / "snapshots" / f"v{LAST['number']}.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(f"version: {LAST['number']}\n", "version: 99\n"), encoding="utf-8")
    code = ("from edition import versions, datafiles\n"
            "try:\n    versions.check(datafiles.load('article')['edition_date'])\n"
            "except datafiles.DataError as error:\n    print(error)\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=project, env={**os.environ, "PYTHONPATH": str(project)},
                            capture_output=True, text=True)
    assert "data/versions.yaml:" in result.stdout and "does not match its version" in result.stdout, result.stdout + result.stderr


def test_a_release_tag_must_be_the_last_versions():
    """.github/workflows/release.yml: tools/github_release.py --check TAG before anything is built."""
    tool = [sys.executable, str(ROOT / "tools" / "github_release.py"), "--check"]
    good = subprocess.run([*tool, f"v{LAST['number']}"], capture_output=True, text=True)
    assert good.returncode == 0, good.stderr
    bad = subprocess.run([*tool, f"v{LAST['number'] + 1}"], capture_output=True, text=True)
    assert bad.returncode != 0 and "data/versions.yaml:" in bad.stderr and "make release" in bad.stderr, bad.stderr
