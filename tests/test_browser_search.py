"""Rule (in Chromium): the header's search finds words in any grammatical form, and only in
the page's language. An inflected query finds every chapter that uses another form of the
word; no result belongs to the other language. The search dialog opens from the keyboard
and has an accessible name; without JavaScript no search button shows.

Which chapters must be found is read from the built pages, not written here: every chapter
whose article text holds a form of the word (its paradigm, below)."""

import copy
import re

import pytest
from playwright.sync_api import expect

from edition_site import LANGS, PAGES, article, text, url

pytestmark = pytest.mark.browser

# query → the word's forms a chapter may use instead (nouns' case and number forms).
QUERIES = {
    "ru": {
        "инфраструктуры": "инфраструктура инфраструктуры инфраструктуре инфраструктуру инфраструктурой инфраструктур инфраструктурам инфраструктурами инфраструктурах",
        "стандартам": "стандарт стандарта стандарту стандартом стандарте стандарты стандартов стандартам стандартами стандартах",
        "университетов": "университет университета университету университетом университете университеты университетов университетам университетами университетах",
        "платформами": "платформа платформы платформе платформу платформой платформ платформам платформами платформах",
    },
    "en": {
        "standards": "standard standards",
        "universities": "university universities",
        "platforms": "platform platforms",
        "parks": "park parks",
    },
}
CASES = [(lang, query) for lang in LANGS for query in QUERIES[lang]]


def words(soup) -> set[str]:
    """The words of the article as the index has them: without what it ignores."""
    body = copy.copy(article(soup))
    for ignored in body.select("[data-pagefind-ignore], .headerlink"):
        ignored.extract()
    return set(re.findall(r"\w+", text(body).lower()))


def expected(pages, lang, query) -> set[str]:
    forms = set(QUERIES[lang][query].split())
    return {name for name in PAGES if words(pages[lang][name]) & forms}


@pytest.fixture(scope="module")
def search_tab(browser):
    """One tab for the queries: the language's home page is loaded once, the search opened
    with "/", and each further query typed over the last."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def search(page, served, lang, query) -> list[str]:
    """Open the search on the language's home page with "/", type, return the result paths."""
    if page.url != served + url(lang, "index"):
        page.goto(served + url(lang, "index"))
    if not page.locator("#edition-search").is_visible():  # else still open from the last query: typed over
        page.keyboard.press("/")
    page.locator("#edition-search input").fill(query)
    page.wait_for_function(
        "q => document.querySelector('#edition-search ol').dataset.query === q", arg=query, timeout=15000)
    return [href.removeprefix(served.rstrip("/")) for href in
            page.locator("#edition-search ol a").evaluate_all("links => links.map(a => a.href)")]


def test_every_query_needs_morphology(pages):
    """The queries test the stemmer: in each language some expected chapter lacks the query's
    own form, so only a search that knows the word's other forms can pass."""
    for lang in LANGS:
        proofs = [(q, name) for q in QUERIES[lang] for name in expected(pages, lang, q) if q not in words(pages[lang][name])]
        assert proofs, f"no '{lang}' query needs morphology: every chapter found holds the query's exact form"


@pytest.mark.parametrize(("lang", "query"), CASES)
def test_inflected_query_finds_the_chapters_in_the_page_language_only(served, search_tab, pages, lang, query):
    page = search_tab
    want = expected(pages, lang, query)
    assert want, f"no '{lang}' chapter uses a form of «{query}»: choose another query"
    found = search(page, served, lang, query)
    by_path = {"/" + url(lang, name): name for name in PAGES}
    others = {"/" + url(other, name) for other in LANGS if other != lang for name in PAGES}
    foreign = [path for path in found if path in others or path.split("#")[0] not in by_path]
    assert not foreign, f"«{query}» on the '{lang}' site found pages not of that language: {foreign}"
    got = {by_path[path.split("#")[0]] for path in found}
    assert want <= got, f"«{query}» on the '{lang}' site missed {sorted(want - got)} (found {sorted(got)})"
    marks = page.locator("#edition-search ol mark").count()
    assert marks, f"«{query}»: the results' excerpts highlight nothing"


@pytest.mark.parametrize("lang", LANGS)
def test_search_dialog_is_keyboard_usable_and_named(served, page, lang):
    page.goto(served + url(lang, "infrastructure"))
    button = page.locator("[data-edition-search-open]")
    assert button.is_visible(), "the search button is not in the header"
    name = button.get_attribute("aria-label")
    dialog = page.get_by_role("dialog", name=name)
    for shortcut in ("/", "s", "Control+k"):
        page.keyboard.press(shortcut)
        try:
            expect(dialog).to_be_visible(timeout=5000)
        except AssertionError:
            focus = page.evaluate("document.activeElement.outerHTML.slice(0, 120)")
            pytest.fail(f"{shortcut} did not open a dialog named «{name}» (focus on {focus})")
        assert page.evaluate("document.activeElement.type") == "search", "the query field has no focus"
        page.keyboard.press("Escape")
        expect(dialog).to_be_hidden(timeout=5000)
        page.wait_for_function(  # the dialog's close event comes a moment after Escape
            "() => !document.getElementById('edition-search').contains(document.activeElement)", timeout=5000)
    button.focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    page.wait_for_function("() => document.activeElement.matches('[data-edition-search-open]')", timeout=5000)
    page.keyboard.press("Enter")
    page.keyboard.type(list(QUERIES[lang])[0])
    page.wait_for_function("() => document.querySelector('#edition-search ol').dataset.query")
    with page.expect_navigation():
        page.keyboard.press("Enter")  # Enter in the field opens the first result
    chapters = {served + url(lang, name) for name in PAGES}
    assert page.url.split("#")[0] in chapters, f"Enter led to {page.url}, not a '{lang}' chapter"


def test_without_javascript_no_dead_search_button(served, browser):
    """Without JavaScript there is no search, so no button that does nothing."""
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        for lang in LANGS:
            page.goto(served + url(lang, "index"))
            assert not page.locator("[data-edition-search-open]").is_visible(), f"'{lang}': a search button shows without JavaScript"
    finally:
        context.close()
