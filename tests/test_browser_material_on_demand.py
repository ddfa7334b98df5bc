"""Rule (in Chromium): Material's own script runs at the reader's first move, not at load
(docs/assets/material-on-demand.js, overrides/main.html): a page that nobody touches never
fetches it, shows its text in the palette of the reader's system preference from the first
paint (overrides/partials/edition/palette-preference.html), and moves nothing; the first
move — a pointer, a key, a scroll — runs it once, without an error, a failed request or a
fetch of a sitemap beside the head's hreflang alternates; and a click that starts it on
what Material answers (the cite block's copy button) is answered."""

import pytest

from built_pages import start_material
from edition_site import DEFAULT, LANGS, SHIFTS, url

pytestmark = pytest.mark.browser

BUNDLE = "/assets/javascripts/bundle."
PAGE = url(LANGS[-1], "policy-coordination")   # an English page: the hreflang alternates point back to Russian


@pytest.fixture
def tab(browser):
    """tab(**context options) -> a new page that records its requests, console errors and failures."""
    contexts = []

    def open_tab(**options):
        context = browser.new_context(viewport={"width": 1280, "height": 800}, **options)
        contexts.append(context)
        page = context.new_page()
        page.seen = {"requests": [], "errors": [], "failed": []}
        page.on("request", lambda r: page.seen["requests"].append(r.url))
        page.on("console", lambda m: m.type == "error" and page.seen["errors"].append(m.text))
        page.on("pageerror", lambda e: page.seen["errors"].append(str(e)))
        page.on("response", lambda r: r.status >= 400 and page.seen["failed"].append(f"{r.status} {r.url}"))
        return page

    yield open_tab
    for context in contexts:
        context.close()


def bundles(page) -> list[str]:
    return [address for address in page.seen["requests"] if BUNDLE in address]


def test_an_untouched_page_never_runs_materials_script(served, tab):
    page = tab()
    page.goto(served + PAGE, wait_until="load")
    page.wait_for_timeout(1500)
    assert not bundles(page), f"/{PAGE}: Material's script was fetched with no move of the reader's: {bundles(page)}"
    assert page.evaluate("document.documentElement.className") == "no-js", "Material's script ran (it swaps no-js for js)"
    shift = page.evaluate(SHIFTS)
    assert shift <= 0.001, f"/{PAGE}: the page moved at load (layout shift {shift})"


def test_a_dark_preferring_reader_reads_the_dark_palette_before_any_move(served, tab):
    page = tab(color_scheme="dark")
    page.goto(served + url(DEFAULT, "introduction"), wait_until="load")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate", "a first visit ignores the system's dark preference"
    start_material(page)
    page.wait_for_timeout(300)
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate", "Material changed the palette it found applied"
    assert page.locator("[data-md-component=palette] label.md-header__button:visible").count() == 1


@pytest.mark.parametrize("move", ["pointer", "key", "scroll"])
def test_the_first_move_runs_it_once_and_cleanly(served, tab, move):
    page = tab()
    page.goto(served + PAGE, wait_until="load")
    start_material(page, {"pointer": lambda: page.mouse.move(200, 200), "key": lambda: page.keyboard.press("Tab"),
                          "scroll": lambda: page.mouse.wheel(0, 400)}[move])
    page.mouse.move(400, 400)
    page.keyboard.press("Tab")
    page.wait_for_timeout(500)
    assert len(bundles(page)) == 1, f"Material's script fetched {len(bundles(page))} times: {bundles(page)}"
    assert not [a for a in page.seen["requests"] if a.endswith("sitemap.xml")], "Material fetched a sitemap beside the alternates"
    assert not page.seen["errors"], f"errors once Material ran: {page.seen['errors']}"
    assert not page.seen["failed"], f"failed requests once Material ran: {page.seen['failed']}"
    rels = page.evaluate("[...document.querySelectorAll('head link[hreflang]')].map(link => link.rel)")
    assert rels and set(rels) == {"alternate"}, f"the head's hreflang links are not given back: {rels}"


def test_the_check_sees_a_page_that_runs_it_at_load(served, tab):
    page = tab()
    page.goto(served + PAGE, wait_until="load")
    page.evaluate("""() => { const held = document.querySelector('script[type="edition/on-demand"]');
                             const script = document.createElement('script'); script.src = held.dataset.src;
                             document.body.append(script); }""")
    page.wait_for_timeout(500)
    assert bundles(page), "the check cannot see Material's script fetched"
