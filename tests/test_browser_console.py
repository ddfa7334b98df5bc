"""Rule (in Chromium): no page of the built site logs an error to the console or gets an
error response (4xx/5xx) for anything it loads — no missing file, no failing script.
(Each page's one visit: tests/browser_visits.py; 404.html itself is served with its own
status, so only its resources count.)"""

import pytest

from browser_visits import Tab, Visit
from edition_site import LANGS

pytestmark = pytest.mark.browser


def problems(visit: Visit) -> list[str]:
    """What went wrong on a page while it loaded and settled, from Chromium's events."""
    return ([f"console {kind}: {text}" for kind, text in visit.console if kind == "error"]
            + [f"uncaught: {error}" for error in visit.uncaught]
            + [f"HTTP {status}: {url}" for status, url in visit.failed])


@pytest.mark.parametrize("lang", LANGS)
def test_no_page_has_errors(visits, lang):
    report = []
    for visit in visits.of(lang):
        report += [f"/{visit.url}: {line}" for line in problems(visit)]
    assert not report, "\n".join(report)


def test_the_check_sees_a_missing_file(site, served, browser):
    """A copy of the title page that links a stylesheet that does not exist is caught."""
    html = (site / "index.html").read_text(encoding="utf-8").replace("</head>", '<link rel="stylesheet" href="assets/missing.css"></head>')
    with Tab(browser) as tab:
        tab.page.route(served, lambda route: route.fulfill(content_type="text/html", body=html))
        assert any("HTTP 404" in line and "missing.css" in line for line in problems(tab.visit(served)))
