"""Rule (in Chromium): loading any page of the built site sends no request anywhere but to
the site itself — same scheme, host and port (so no third-party host, and, served over
HTTPS, no mixed content). Every request of the page's one visit is recorded and checked
(tests/browser_visits.py); requests to other hosts fail there (they go to a proxy that is
not there, never leaving the machine) and are listed."""

from urllib.parse import urlparse

import pytest

from browser_visits import Tab, Visit
from edition_site import LANGS

pytestmark = pytest.mark.browser


def foreign_requests(visit: Visit) -> list[str]:
    foreign = []
    for resource_type, url in visit.requests:
        parts = urlparse(url)
        if parts.scheme not in ("data", "blob") and f"{parts.scheme}://{parts.netloc}" != visit.origin:
            foreign.append(f"{resource_type} {url}")
    return foreign


@pytest.mark.parametrize("lang", LANGS)
def test_no_request_leaves_the_site(visits, lang):
    report = []
    for visit in visits.of(lang):
        report += [f"/{visit.url}: {line}" for line in foreign_requests(visit)]
    assert not report, "requests to other hosts (serve these files from the site):\n" + "\n".join(report)


BROKEN = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>broken</title>
<link rel="stylesheet" href="https://fonts.example.com/a.css"></head><body><p>x</p></body></html>"""


def test_the_check_sees_a_foreign_request(served, browser):
    """A page that loads a stylesheet from elsewhere is caught."""
    with Tab(browser) as tab:
        tab.page.route(served + "broken.html", lambda route: route.fulfill(content_type="text/html", body=BROKEN))
        assert foreign_requests(tab.visit(served + "broken.html")) == ["stylesheet https://fonts.example.com/a.css"]
