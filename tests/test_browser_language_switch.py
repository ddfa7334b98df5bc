"""Rule (in Chromium): choosing the other language in the header's switcher lands on the
same chapter in that language, from every page, in both directions."""

import pytest

from edition_site import LANGS, OTHER, PAGES, url

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page_name", PAGES)
def test_switching_language_lands_on_the_same_chapter(served, page, lang, page_name):
    page.goto(served + url(lang, page_name))
    for other in OTHER[lang]:
        page.hover(".md-header__option .md-select")
        page.click(f"a.md-select__link[hreflang='{other}']")
        page.wait_for_load_state()
        # The address may carry the passage in view as its fragment (docs/assets/keep-place.js).
        assert page.url.split("#")[0] == served + url(other, page_name)
        assert page.locator("html").get_attribute("lang") == other
        page.go_back()
