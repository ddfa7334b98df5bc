"""The site is built once per test session; every rule reads that one build.

`make test` builds into site/ and passes EDITION_SITE=site; run alone, pytest builds
into a temporary folder (strictly: a warning fails the session).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from edition_site import DEFAULT, LANGS, PAGES, ROOT, build, hook, html_path, parse

_UNPAIRED: list[str] = []


def pytest_sessionstart(session):
    """A text that does not pair up with its translation stops the session before any test,
    with the build's own message (hooks/checks/pairing.py), once: every rule that compares the two
    languages, and every test that copies the project, would otherwise fail over the same mistake."""
    _UNPAIRED[:] = hook("pairing").problems(ROOT / "docs", DEFAULT, LANGS)


def pytest_collection_modifyitems(session, config, items):
    if _UNPAIRED and items:
        config.hook.pytest_deselected(items=list(items))
        items[:] = []


def pytest_terminal_summary(terminalreporter):
    if _UNPAIRED:
        terminalreporter.section("the translation does not pair up with the Russian text", red=True)
        terminalreporter.write_line("No test ran (the build stops here too):\n  " + "\n  ".join(_UNPAIRED))


def pytest_sessionfinish(session):
    if _UNPAIRED:
        session.exitstatus = 1


def build_errors(result) -> str:
    """What a failed build said, without its progress lines (INFO)."""
    lines = (result.stdout + result.stderr).splitlines()
    kept = [line for line in lines if line.strip() and not line.startswith("INFO")]
    return "\n".join(kept) or "\n".join(lines[-20:])


@pytest.fixture(scope="session")
def site(request, tmp_path_factory) -> Path:
    given = os.environ.get("EDITION_SITE")
    if given:
        path = (ROOT / given).resolve()
        if not (path / "index.html").is_file():
            pytest.exit(f"EDITION_SITE={given}: no built site there; run `make build`.", returncode=1)
        return path
    path = tmp_path_factory.mktemp("site")
    result = build(path)
    if result.returncode != 0:
        # One failure for the session, with the build's message, not one set-up error per test.
        request.session.shouldstop = "mkdocs build --strict failed (its message above): no other test can run"
        pytest.fail(f"mkdocs build --strict failed:\n{build_errors(result)}", pytrace=False)
    return path


@pytest.fixture(scope="session")
def pages(site) -> dict:
    """Parsed HTML of every article page: pages[lang][page]."""
    return {lang: {page: parse(html_path(site, lang, page)) for page in PAGES} for lang in LANGS}


@pytest.fixture(scope="session")
def served(site):
    """The built site over HTTP on 127.0.0.1 (a free port), for the browser tests."""
    from edition_site import http_served

    with http_served(site) as base:
        yield base + "/"


CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (no browser download)."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium); .ci/run does.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"],
        )
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def visits(site, served, browser, tmp_path_factory):
    """Each page loaded once per palette for every rule that reads what a load shows
    (tests/browser_visits.py); the xdist workers share the records."""
    from browser_visits import Visits

    root = tmp_path_factory.getbasetemp()
    folder = (root.parent if os.environ.get("PYTEST_XDIST_WORKER") else root) / "browser-visits"
    folder.mkdir(exist_ok=True)
    collector = Visits(browser, served, site, folder)
    yield collector
    collector.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def found(pages):
    """The pairs of matching paragraphs (RU ↔ EN) of the built site, for the test_pair_* rules."""
    from translation_pairs import pairs

    return pairs(pages)
