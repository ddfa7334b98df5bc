"""Rule: CITATION.cff and .zenodo.json describe the work as the edition's data does — the title, the
editors (an organization, the edition's makers), the last version's number and date, the keywords,
the original article it edits and translates — written by `make release` (tools/release.py: the
committed files are what it writes now); CITATION.cff passes cffconvert's validation (pinned in
requirements-cff.txt, in a venv of its own: it needs jsonschema<4); neither claims a DOI (none
exists) or a licence (none may be granted while the article's rights holder is unknown), and the
Zenodo deposit's access is closed for that reason."""

from __future__ import annotations

import fcntl
import hashlib
import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from edition_site import ROOT, data

PINS = ROOT / "requirements-cff.txt"


def release_tool():
    spec = importlib.util.spec_from_file_location("release_tool", ROOT / "tools" / "release.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def cffconvert() -> Path:
    key = hashlib.sha256(PINS.read_bytes()).hexdigest()[:16]
    folder = ROOT / ".cache" / "cffconvert" / key
    done = folder / ".installed"
    if not done.exists():
        folder.parent.mkdir(parents=True, exist_ok=True)
        with open(folder.parent / f"{key}.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if not done.exists():
                subprocess.run([sys.executable, "-m", "venv", "--clear", str(folder)], check=True)
                result = subprocess.run([str(folder / "bin" / "pip"), "install", "--disable-pip-version-check", "--quiet",
                                         "--no-deps", "--requirement", str(PINS)], capture_output=True, text=True)
                if result.returncode:
                    pytest.fail(f"pip could not install requirements-cff.txt into {folder}:\n{result.stderr}")
                done.touch()
    return folder / "bin" / "cffconvert"


def test_the_files_are_what_make_release_writes():
    cff, zenodo = release_tool().archive_metadata()
    assert (ROOT / "CITATION.cff").read_text(encoding="utf-8") == cff, "CITATION.cff is stale: run .venv/bin/python tools/release.py --archive-metadata"
    assert (ROOT / ".zenodo.json").read_text(encoding="utf-8") == zenodo, ".zenodo.json is stale: run .venv/bin/python tools/release.py --archive-metadata"


def test_they_describe_the_last_version_without_a_doi_or_licence():
    last = data("versions")["versions"][-1]
    article = data("article")
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    zenodo = json.loads((ROOT / ".zenodo.json").read_text(encoding="utf-8"))
    assert (cff["version"], cff["date-released"]) == (str(last["number"]), last["date"])
    assert (zenodo["version"], zenodo["publication_date"]) == (str(last["number"]), last["date"])
    assert cff["authors"] == [{"name": article["translator"]["en"]}] and zenodo["creators"] == [{"name": article["translator"]["en"]}]
    assert cff["references"][0]["title"] == article["title"][article["original_language"]]
    for name, text in (("CITATION.cff", json.dumps(cff)), (".zenodo.json", json.dumps(zenodo))):
        lowered = text.lower()
        assert not re.search(r"\bdoi\b|10\.5281/", lowered), f"{name} names a DOI; none exists"
        assert '"license"' not in lowered and '"licence"' not in lowered, f"{name} grants a licence; data/rights.yaml allows none"
    assert zenodo["access_right"] == "closed"


def test_cffconvert_validates_citation_cff():
    result = subprocess.run([str(cffconvert()), "--validate", "-i", str(ROOT / "CITATION.cff")], capture_output=True, text=True)
    assert result.returncode == 0, f"cffconvert: CITATION.cff is not valid CFF 1.2.0:\n{result.stdout}\n{result.stderr}"
