"""Rule: every page of the built site, in both languages and in every palette (light
'default', dark 'slate'), has no violation that axe-core finds under the WCAG 2.0, 2.1
and 2.2 A and AA rules. Fix the template or CSS (overrides/, docs/assets/edition.css);
never switch a rule off. (axe runs on each page's one visit per palette, with these
tags: tests/browser_visits.py, AXE_TAGS.)"""

import pytest

from browser_visits import AXE_TAGS, Tab, Visit
from built_pages import palettes
from edition_site import LANGS

pytestmark = pytest.mark.browser

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
assert AXE_TAGS == TAGS, "the visits' axe run must use this rule's tags"


def violations(visit: Visit) -> list[str]:
    found = []
    for violation in visit.axe_violations:
        for node in violation["nodes"]:
            found.append(
                f"{violation['id']} ({violation['impact']}) at {' '.join(map(str, node['target']))}: "
                f"{node['summary'].splitlines()[-1].strip()}"
            )
    return found


@pytest.mark.parametrize("scheme", palettes())
@pytest.mark.parametrize("lang", LANGS)
def test_no_wcag_violation_on_any_page(visits, lang, scheme):
    report = []
    for visit in visits.of(lang, scheme):
        assert visit.shown_scheme == scheme, f"/{visit.url}: palette '{scheme}' not applied"
        report += [f"/{visit.url}: {line}" for line in violations(visit)]
    assert not report, f"axe-core, palette '{scheme}', {len(report)} violation(s):\n" + "\n".join(report)


def test_the_check_finds_a_violation(site, served, browser):
    """The same check on a page broken on purpose: an image without alternative text."""
    html = (site / "index.html").read_text(encoding="utf-8").replace(
        "</article>", '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></article>', 1)
    assert "<img src=\"data:" in html, "the title page has no <article>; adapt this test"
    with Tab(browser) as tab:
        tab.page.route(served, lambda route: route.fulfill(content_type="text/html", body=html))
        assert any(line.startswith("image-alt") for line in violations(tab.visit(served)))
