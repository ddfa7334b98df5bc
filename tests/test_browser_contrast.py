"""Rule (in Chromium, axe-core): text contrast passes WCAG 2 AA in the light and the dark
palette, on the pages that carry every kind of element we add (title page, chapter, the
living table, a parallel page), in both languages. (axe's color-contrast rule, as it ran
on each page's one visit per palette: tests/browser_visits.py.)"""

import pytest

from edition_site import DEFAULT, LANGS, parallel_url, url

pytestmark = pytest.mark.browser

SCHEMES = {"light": "default", "dark": "slate"}
PAGES = [url(DEFAULT, "index"), url(LANGS[-1], "policy-coordination")] + [
    url(lang, "infrastructure") for lang in LANGS] + [parallel_url(LANGS[-1], "infrastructure")]


@pytest.mark.parametrize("scheme", SCHEMES)
def test_contrast_passes_wcag_aa(visits, scheme):
    problems = []
    for visit in visits.at(PAGES, SCHEMES[scheme]):
        path = visit.url
        assert visit.shown_scheme == SCHEMES[scheme], f"/{path}: the {scheme} palette is not applied ({visit.shown_scheme})"
        assert "color-contrast" in visit.axe_passes, f"/{path}: axe checked no text at all"
        for violation in visit.axe_violations:
            if violation["id"] == "color-contrast":
                for node in violation["nodes"]:
                    problems.append(f"/{path}: {node['target']}: {node['summary'].splitlines()[-1].strip()}")
    assert not problems, f"contrast below WCAG AA in the {scheme} palette (fix the colour in docs/assets/edition.css):\n" + "\n".join(problems)
