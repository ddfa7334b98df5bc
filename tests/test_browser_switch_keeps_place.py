"""Rule (in Chromium): the language switch keeps the reader's place. On every chapter, at
desktop and phone widths, in both directions: the passage at the top of the viewport
(or the one named by the URL's fragment) is in view, at the top, after the switch to
the other language, and again after switching back (docs/assets/keep-place.js). The
fragment case runs at desktop width (the script does not depend on the width)."""

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from edition_site import LANGS, OTHER, PAGES, url

pytestmark = pytest.mark.browser

WIDTHS = {"desktop": 1280, "phone": 375}
HEIGHT = 800
TOP = 0.4  # "in view at the top": the passage's box meets the upper 40% of the viewport


@pytest.fixture(scope="module")
def tabs(browser):
    """One tab per width, reused by every test of this module."""
    contexts = {name: browser.new_context(viewport={"width": width, "height": HEIGHT}) for name, width in WIDTHS.items()}
    yield {name: context.new_page() for name, context in contexts.items()}
    for context in contexts.values():
        context.close()


def passage_ids(tab):
    return tab.eval_on_selector_all("article.md-content__inner > [id]", "els => els.map(e => e.id)")


def scroll_to_top(tab, ident) -> bool:
    """Scroll so that the passage starts just below the header; False if the page is too
    short to bring it there."""
    return tab.evaluate("""id => {
        const el = document.getElementById(id);
        const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
        const y = el.getBoundingClientRect().top + scrollY - header - 8;
        window.scrollTo(0, y);
        return Math.abs(scrollY - y) < 2 && y > 0;
    }""", ident)


AT_TOP = """([id, share]) => {
    const r = document.getElementById(id).getBoundingClientRect();
    const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
    return r.bottom > header && r.top < innerHeight * share;
}"""


def at_top(tab, ident):
    """Whether the passage is (or, once the browser has scrolled to it, comes) in view at the top."""
    try:
        tab.wait_for_function(AT_TOP, arg=[ident, TOP], timeout=3000)
    except PlaywrightTimeout:
        pass
    box = tab.evaluate("id => { const r = document.getElementById(id).getBoundingClientRect(); return [r.top, r.bottom]; }", ident)
    return tab.evaluate(AT_TOP, [ident, TOP]), box


def switch(tab, lang):
    """A reader's click: hover the switcher, wait for its list, click the language where it
    is (Playwright's own click would first scroll the link into view, moving the page)."""
    tab.hover(".md-header__option .md-select")
    link = tab.locator(f"a.md-select__link[hreflang='{lang}']")
    tab.wait_for_function("l => getComputedStyle(l.closest('.md-select__inner')).opacity === '1'", arg=link.element_handle())
    box = link.bounding_box()
    with tab.expect_navigation(wait_until="domcontentloaded"):
        tab.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    assert tab.locator("html").get_attribute("lang") == lang


def round_trip(tab, lang, page_name, ident):
    for there in OTHER[lang]:
        for target in (there, lang):
            switch(tab, target)
            ok, box = at_top(tab, ident)
            assert ok, (f"{url(lang, page_name)} at #{ident}, switched to {target}: the passage is not at the "
                        f"top of the viewport (box {box}, address {tab.url})")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page_name", PAGES)
def test_switch_lands_on_the_same_passage(served, tabs, width, lang, page_name):
    tab = tabs[width]
    tab.goto(served + url(lang, page_name), wait_until="domcontentloaded")
    ids = passage_ids(tab)
    assert ids, f"{url(lang, page_name)}: no passages with ids"
    reachable = [ident for ident in ids[1:] if scroll_to_top(tab, ident)]
    if reachable:
        ident = reachable[len(reachable) // 2]
        assert scroll_to_top(tab, ident)
        round_trip(tab, lang, page_name, ident)
    if width != "desktop":
        return
    # A fragment in the address: the last passage, which scrolling may not bring to the top.
    ident = ids[-1]
    tab.goto(served + url(lang, page_name) + "#" + ident, wait_until="domcontentloaded")
    for there in OTHER[lang]:
        switch(tab, there)
        assert tab.evaluate("location.hash") == f"#{ident}", f"{url(lang, page_name)}#{ident} → {there}: the fragment was lost ({tab.url})"
        assert in_view(tab, ident), f"{url(lang, page_name)}#{ident} → {there}: #{ident} is not in view"
        if there != OTHER[lang][-1]:  # back, to switch to the next language
            tab.go_back(wait_until="domcontentloaded")


def in_view(tab, ident):
    return tab.evaluate("""id => { const r = document.getElementById(id).getBoundingClientRect();
                                   return r.bottom > 0 && r.top < innerHeight; }""", ident)
