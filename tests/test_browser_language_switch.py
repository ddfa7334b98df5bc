"""Rule (in Chromium): choosing the other language in the header's switcher lands on the
same chapter in that language, from every page, in both directions. (One tab for the
module: each case loads its page once and follows the switch.)"""

import pytest

from edition_site import LANGS, OTHER, PAGES, url

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def tab(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page_name", PAGES)
def test_switching_language_lands_on_the_same_chapter(served, tab, lang, page_name):
    page = tab
    page.goto(served + url(lang, page_name))
    for other in OTHER[lang]:
        page.hover(".md-header__option .md-select")
        page.click(f"a.md-select__link[hreflang='{other}']")
        page.wait_for_load_state()
        # The address may carry the passage in view as its fragment (docs/assets/keep-place.js).
        assert page.url.split("#")[0] == served + url(other, page_name), f"/{url(lang, page_name)} → {other}: landed on {page.url}"
        assert page.locator("html").get_attribute("lang") == other, f"/{url(lang, page_name)} → {other}: the page is not in '{other}'"
        if other != OTHER[lang][-1]:  # back, to choose the next language
            page.go_back()
