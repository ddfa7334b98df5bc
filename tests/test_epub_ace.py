"""Rule: Ace by DAISY, the EPUB accessibility checker (npm @daisy/ace-cli, pinned in tests/node/,
run on Debian's Chromium through Puppeteer), finds no violation in either language's EPUB — the
package's accessibility metadata (schema:accessibilitySummary, conformance) and every page's
content (axe-core's rules inside Ace: distinct names for distinct landmarks among them)."""

from __future__ import annotations

import json
import os
from concurrent.futures import ThreadPoolExecutor

import pytest

from edition_site import LANGS
from node_tools import CHROMIUM, bin_path, home
from test_epub import book_path

# Ace starts Chromium through Node: make test runs it, make check does not (slow).
pytestmark = [pytest.mark.xdist_group("node_tools"), pytest.mark.slow]


def ace(book, out):
    import subprocess
    env = {**os.environ, "PUPPETEER_EXECUTABLE_PATH": CHROMIUM, "PUPPETEER_SKIP_DOWNLOAD": "1"}
    result = subprocess.run([str(bin_path("ace-cli")), "--silent", "--force", "--outdir", str(out), str(book)],
                            env=env, capture_output=True, text=True, timeout=600)
    report = out / "report.json"
    assert report.is_file(), f"Ace wrote no report for {book.name} (exit {result.returncode}):\n{result.stdout}\n{result.stderr}"
    return json.loads(report.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def reports(site, tmp_path_factory):
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Ace needs Chromium at {CHROMIUM}: apt-get install -y chromium (.ci/run installs it)")
    home()   # install once, before the threads
    folder = tmp_path_factory.mktemp("ace")
    with ThreadPoolExecutor(max_workers=len(LANGS)) as pool:
        found = pool.map(lambda lang: ace(book_path(site, lang), folder / lang), LANGS)
    return dict(zip(LANGS, found))


def violations(report: dict) -> list[str]:
    found = []
    for checked in report.get("assertions", []):
        where = checked.get("earl:testSubject", {}).get("url", "?")
        for assertion in checked.get("assertions", []):
            if assertion["earl:result"]["earl:outcome"] != "fail":
                continue
            test, result = assertion["earl:test"], assertion["earl:result"]
            pointer = ", ".join(result.get("earl:pointer", {}).get("css", []))
            found.append(f"{where}: {test['dct:title']} ({test['earl:impact']}): {result['dct:description']}"
                         + (f" at {pointer}" if pointer else ""))
    return found


@pytest.mark.parametrize("lang", LANGS)
def test_ace_finds_no_violation(reports, lang):
    found = violations(reports[lang])
    assert not found, (f"Ace by DAISY: {len(found)} violation(s) in the {lang} EPUB (overrides/epub/, "
                       "overrides/edition/fragments/):\n" + "\n".join(found))
    assert reports[lang]["earl:result"]["earl:outcome"] == "pass"
