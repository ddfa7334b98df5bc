"""Rule (in Chromium): no page of the built site logs an error to the console or gets an
error response (4xx/5xx) for anything it loads — no missing file, no failing script."""

import pytest

from built_pages import html_urls_of
from edition_site import LANGS

pytestmark = pytest.mark.browser


def problems(page, url: str) -> list[str]:
    found = []
    page.on("console", lambda msg: found.append(f"console {msg.type}: {msg.text}") if msg.type == "error" else None)
    page.on("pageerror", lambda error: found.append(f"uncaught: {error}"))
    page.on("response", lambda r: found.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 and r.url != url else None)
    page.goto(url)
    page.wait_for_timeout(400)  # requests Material starts after load
    return found


@pytest.mark.parametrize("lang", LANGS)
def test_no_page_has_errors(site, served, browser, lang):
    report = []
    for url in html_urls_of(site, lang):
        context = browser.new_context()
        report += [f"/{url}: {line}" for line in problems(context.new_page(), served + url)]
        context.close()
    assert not report, "\n".join(report)


def test_the_check_sees_a_missing_file(site, served, page):
    """A copy of the title page that links a stylesheet that does not exist is caught."""
    html = (site / "index.html").read_text(encoding="utf-8").replace("</head>", '<link rel="stylesheet" href="assets/missing.css"></head>')
    page.route(served, lambda route: route.fulfill(content_type="text/html", body=html))
    assert any("HTTP 404" in line and "missing.css" in line for line in problems(page, served))
