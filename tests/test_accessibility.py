"""Rule: every page of the built site, in both languages and in every palette (light
'default', dark 'slate'), has no violation that axe-core finds under the WCAG 2.0, 2.1
and 2.2 A and AA rules. Fix the template or CSS (overrides/, docs/assets/edition.css);
never switch a rule off."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from built_pages import html_urls_of, palette_of, palettes, use_palette
from edition_site import LANGS

pytestmark = pytest.mark.browser

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
OPTIONS = {"runOnly": {"type": "tag", "values": TAGS}, "resultTypes": ["violations"]}


def violations(page) -> list[str]:
    result = Axe().run(page, options=OPTIONS)
    found = []
    for violation in result.response["violations"]:
        for node in violation["nodes"]:
            found.append(
                f"{violation['id']} ({violation['impact']}) at {' '.join(map(str, node['target']))}: "
                f"{node['failureSummary'].splitlines()[-1].strip()}"
            )
    return found


@pytest.mark.parametrize("scheme", palettes())
@pytest.mark.parametrize("lang", LANGS)
def test_no_wcag_violation_on_any_page(site, served, page, lang, scheme):
    report = []
    use_palette(page, scheme)
    for url in html_urls_of(site, lang):
        page.goto(served + url)
        assert palette_of(page) == scheme, f"/{url}: palette '{scheme}' not applied"
        report += [f"/{url}: {line}" for line in violations(page)]
    assert not report, f"axe-core, palette '{scheme}', {len(report)} violation(s):\n" + "\n".join(report)


def test_the_check_finds_a_violation(served, page):
    """The same check on a page broken on purpose: an image without alternative text."""
    page.goto(served)
    page.evaluate("""() => { const img = document.createElement("img");
        img.src = "data:image/gif;base64,R0lGODlhAQABAAAAACw="; document.querySelector("article").append(img); }""")
    assert any(line.startswith("image-alt") for line in violations(page))
