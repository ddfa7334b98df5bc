"""Rule (in Chromium): loading any page of the built site sends no request anywhere but to
the site itself — same scheme, host and port (so no third-party host, and, served over
HTTPS, no mixed content). Every request of the visit is intercepted and checked; requests
elsewhere are aborted and listed."""

from urllib.parse import urlparse

import pytest

from built_pages import html_urls_of
from edition_site import LANGS

pytestmark = pytest.mark.browser


def foreign_requests(page, url: str, origin: str) -> list[str]:
    foreign = []

    def check(route):
        request = route.request
        parts = urlparse(request.url)
        if parts.scheme in ("data", "blob") or f"{parts.scheme}://{parts.netloc}" == origin:
            route.fallback()
        else:
            foreign.append(f"{request.resource_type} {request.url}")
            route.abort()

    page.route("**/*", check)
    page.goto(url)  # waits for the load event
    page.wait_for_timeout(400)  # Material starts some work on timers (e.g. the consent bar)
    page.unroute("**/*")
    return foreign


@pytest.mark.parametrize("lang", LANGS)
def test_no_request_leaves_the_site(site, served, page, lang):
    origin = served.rstrip("/")
    report = []
    for url in html_urls_of(site, lang):
        report += [f"/{url}: {line}" for line in foreign_requests(page, served + url, origin)]
    assert not report, "requests to other hosts (serve these files from the site):\n" + "\n".join(report)


BROKEN = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>broken</title>
<link rel="stylesheet" href="https://fonts.example.com/a.css"></head><body><p>x</p></body></html>"""


def test_the_check_sees_a_foreign_request(served, page):
    """A page that loads a stylesheet from elsewhere is caught."""
    page.route(served + "broken.html", lambda route: route.fulfill(content_type="text/html", body=BROKEN))
    assert foreign_requests(page, served + "broken.html", served.rstrip("/")) == ["stylesheet https://fonts.example.com/a.css"]
