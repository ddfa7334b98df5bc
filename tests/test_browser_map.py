"""Rule (in Chromium): every marker of the map leads to its table row — by a click, and from
the keyboard (Tab reaches the markers, Enter follows one); the row is then in view."""

import pytest

from edition_site import LANGS, url

pytestmark = pytest.mark.browser

PAGE = "infrastructure"


@pytest.fixture(scope="module")
def page(browser):
    """One tab for the module (each test loads the page itself)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_clicking_a_marker_reaches_its_row(served, page, lang):
    page.goto(served + url(lang, PAGE))
    markers = page.locator("a.edition-map__marker")
    assert markers.count(), "no map markers on the page"
    seen = set()
    for i in range(markers.count()):
        marker = markers.nth(i)
        href = marker.get_attribute("href")
        if href in seen:
            continue
        seen.add(href)
        marker.scroll_into_view_if_needed()
        marker.click()
        page.wait_for_function("h => location.hash === h", arg=href)
        row = page.locator(href)
        assert row.count() == 1, f"{href}: no such row"
        assert row.is_visible() and page.evaluate(
            "el => { const r = el.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; }", row.element_handle()
        ), f"{href}: clicking the marker did not bring the row into view"


@pytest.mark.parametrize("lang", LANGS)
def test_markers_are_reached_and_followed_from_the_keyboard(served, page, lang):
    page.goto(served + url(lang, PAGE))
    first = page.locator("a.edition-map__marker").first
    target = first.get_attribute("href")
    page.locator("figure.edition-map").evaluate("el => el.previousElementSibling.querySelector('[tabindex], a, button')?.focus()")
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('a.edition-map__marker')"):
            break
    else:
        pytest.fail("Tab never reached a map marker")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused == target, f"the first marker Tab reaches is {focused}, not the first in the map ({target})"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "a focused marker shows no focus outline"
    page.keyboard.press("Enter")
    page.wait_for_function("h => location.hash === h", arg=target)
