"""Rule (in Chromium): a reader whose browser prefers the other edition's language, and not
the page's, is offered the same place in the other language — an offer, never a redirect
(docs/assets/keep-place.js, overrides/partials/edition/language-offer.html). It leads to the
same paragraph; chosen or dismissed, it does not come back; a reader who prefers the page's
language, a crawler, or a browser without JavaScript never sees it; it moves nothing on the
page (layout shift ≤ 0.001) and is usable from the keyboard."""

import pytest

from edition_site import DEFAULT, OTHER, SHIFTS, url

pytestmark = pytest.mark.browser

PAGE = "policy-coordination"
PARAGRAPH = f"{PAGE}-p3"
OFFER = "section.edition-language-offer"
GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"


@pytest.fixture
def reader(browser):
    """A new browser profile (its own storage) preferring LOCALE: reader(locale, **options) -> page."""
    contexts = []

    def open_as(locale, **options):
        context = browser.new_context(locale=locale, viewport={"width": 1280, "height": 800}, **options)
        contexts.append(context)
        return context.new_page()

    yield open_as
    for context in contexts:
        context.close()


def offered(tab) -> bool:
    """Whether the offer is on the page once the script's idle work is done."""
    tab.wait_for_load_state("load")
    tab.wait_for_timeout(300)
    return tab.locator(OFFER).count() > 0 and tab.locator(OFFER).is_visible()


def test_an_english_reader_on_a_russian_page_is_offered_the_same_paragraph_in_english(reader, served):
    other = OTHER[DEFAULT][0]
    tab = reader("en-US")
    tab.goto(served + url(DEFAULT, PAGE))
    assert offered(tab), f"/{url(DEFAULT, PAGE)}: a browser that prefers {other} and not {DEFAULT} was not offered the {other} edition"
    box = tab.locator(OFFER)
    assert box.get_attribute("lang") == other, "the offer does not speak the reader's language (lang attribute)"
    assert box.locator(f"p[lang='{DEFAULT}']").count() == 1, "the offer has no line in the page's own language"
    tab.evaluate("""id => {
        const el = document.getElementById(id);
        const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
        window.scrollTo(0, el.getBoundingClientRect().top + scrollY - header - 8);
    }""", PARAGRAPH)
    tab.wait_for_timeout(200)
    with tab.expect_navigation():
        box.locator("a").click()
    assert tab.url == served + url(other, PAGE) + "#" + PARAGRAPH, f"the offer led to {tab.url}, not to #{PARAGRAPH} of the {other} page"
    tab.goto(served + url(DEFAULT, "conclusion"))
    assert not offered(tab), "the offer came back after the reader had chosen it"


def test_a_reader_who_prefers_the_pages_language_is_not_offered_anything(reader, served):
    tab = reader(f"{DEFAULT}-RU")
    tab.goto(served + url(DEFAULT, PAGE))
    assert not offered(tab), f"a browser that prefers {DEFAULT} was offered another language on a {DEFAULT} page"
    tab.goto(served + url(OTHER[DEFAULT][0], PAGE))
    assert offered(tab), f"a browser that prefers {DEFAULT} was not offered the {DEFAULT} original on the {OTHER[DEFAULT][0]} page"
    tab = reader("en-US", extra_http_headers={"Accept-Language": "en-US,ru;q=0.9"})
    tab.add_init_script("Object.defineProperty(navigator, 'languages', {get: () => ['en-US', 'ru']})")
    tab.goto(served + url(DEFAULT, PAGE))
    assert not offered(tab), "a browser that reads both languages was offered the other one"


def test_a_dismissed_offer_does_not_come_back_and_works_from_the_keyboard(reader, served):
    tab = reader("en-US")
    tab.goto(served + url(DEFAULT, PAGE))
    assert offered(tab)
    dismiss = tab.locator(f"{OFFER} button")
    assert dismiss.get_attribute("aria-label"), "the dismiss button has no accessible name"
    dismiss.focus()
    tab.keyboard.press("Enter")
    assert tab.locator(OFFER).count() == 0, "Enter on the dismiss button did not close the offer"
    tab.reload()
    assert not offered(tab), "a dismissed offer came back on the next page load"
    assert tab.evaluate("localStorage.getItem('edition-language-offer')") == "dismissed"
    assert tab.context.cookies() == [], "the offer set a cookie"


def test_no_offer_for_crawlers_nor_without_javascript(reader, served):
    tab = reader("en-US", user_agent=GOOGLEBOT)
    tab.goto(served + url(DEFAULT, PAGE))
    assert not offered(tab), "a crawler (Googlebot's user agent) was shown the offer: it would index it"
    tab = reader("en-US", java_script_enabled=False)
    tab.goto(served + url(DEFAULT, PAGE))
    assert tab.locator(OFFER).count() == 0 or not tab.locator(OFFER).first.is_visible(), "without JavaScript the page shows an offer"


def test_the_offer_moves_nothing_on_the_page(reader, served):
    tab = reader("en-US")
    tab.goto(served + url(DEFAULT, PAGE))
    assert offered(tab)
    shift = tab.evaluate(SHIFTS)
    assert shift <= 0.001, f"the page's cumulative layout shift with the offer is {shift:.4f} (> 0.001)"
    assert tab.locator(OFFER).evaluate("el => getComputedStyle(el).position") == "fixed", "the offer is not fixed: it takes room on the page"
