"""Rule (in Chromium, axe-core): text contrast passes WCAG 2 AA in the light and the dark
palette, on the pages that carry every kind of element we add (title page, chapter, the
living table, a parallel page), in both languages."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from edition_site import DEFAULT, LANGS, parallel_url, url

pytestmark = pytest.mark.browser

SCHEMES = {"light": "default", "dark": "slate"}
PAGES = [url(DEFAULT, "index"), url(LANGS[-1], "policy-coordination")] + [
    url(lang, "infrastructure") for lang in LANGS] + [parallel_url(LANGS[-1], "infrastructure")]


@pytest.fixture(scope="module")
def axe():
    return Axe()


@pytest.mark.parametrize("scheme", SCHEMES)
def test_contrast_passes_wcag_aa(served, browser, axe, scheme):
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    problems = []
    for path in PAGES:
        tab.goto(served + path)
        assert tab.evaluate("document.body.dataset.mdColorScheme") == SCHEMES[scheme]
        result = axe.run(tab, options={"runOnly": {"type": "rule", "values": ["color-contrast"]}})
        assert result.response["passes"], f"/{path}: axe checked no text at all"
        for violation in result.response["violations"]:
            for node in violation["nodes"]:
                problems.append(f"/{path}: {node['target']}: {node['failureSummary'].splitlines()[-1].strip()}")
    context.close()
    assert not problems, f"contrast below WCAG AA in the {scheme} palette (fix the colour in docs/assets/edition.css):\n" + "\n".join(problems)
