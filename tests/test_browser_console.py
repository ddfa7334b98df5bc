"""Rule (in Chromium): no page of the built site logs an error to the console or gets an
error response (4xx/5xx) for anything it loads — no missing file, no failing script."""

import pytest

from built_pages import html_urls_of
from edition_site import LANGS

pytestmark = pytest.mark.browser


class Problems(list):
    """What goes wrong on a page, collected from Chromium's events."""

    def __init__(self, page):
        super().__init__()
        self.document = None
        page.on("console", lambda msg: self.append(f"console {msg.type}: {msg.text}") if msg.type == "error" else None)
        page.on("pageerror", lambda error: self.append(f"uncaught: {error}"))
        page.on("response", lambda r: self.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 and r.url != self.document else None)

    def visit(self, page, url: str) -> list[str]:
        self.clear()
        self.document = url  # 404.html itself is served with its own status; its resources are checked
        page.goto(url)
        page.wait_for_timeout(400)  # requests Material starts after load
        return list(self)


@pytest.mark.parametrize("lang", LANGS)
def test_no_page_has_errors(site, served, page, lang):
    problems, report = Problems(page), []
    for url in html_urls_of(site, lang):
        report += [f"/{url}: {line}" for line in problems.visit(page, served + url)]
    assert not report, "\n".join(report)


def test_the_check_sees_a_missing_file(site, served, page):
    """A copy of the title page that links a stylesheet that does not exist is caught."""
    html = (site / "index.html").read_text(encoding="utf-8").replace("</head>", '<link rel="stylesheet" href="assets/missing.css"></head>')
    page.route(served, lambda route: route.fulfill(content_type="text/html", body=html))
    assert any("HTTP 404" in line and "missing.css" in line for line in Problems(page).visit(page, served))
