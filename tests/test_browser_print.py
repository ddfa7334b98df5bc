"""Rule (in Chromium, print media): a printed page is the text alone — no header, search,
navigation, footer, table controls or ¶ — with the whole table on the page, dark text
on white even from the dark palette, external links followed by their address, and
rows and headings kept from breaking across pages."""

import pytest

from edition_site import LANGS, parallel_url, url

pytestmark = pytest.mark.browser

HIDDEN = [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".md-search",
          ".edition-filter__field", ".edition-filter__reset", ".edition-permalink", ".edition-counterpart"]


@pytest.fixture(scope="module")
def tab(browser):
    context = browser.new_context(color_scheme="dark", viewport={"width": 1000, "height": 900})
    page = context.new_page()
    page.emulate_media(media="print")
    yield page
    context.close()


@pytest.mark.parametrize("path", [url(LANGS[-1], "infrastructure"), parallel_url(LANGS[0], "infrastructure")])
def test_print_shows_the_text_alone(served, tab, path):
    tab.goto(served + path)
    assert tab.evaluate("document.body.dataset.mdColorScheme") == "slate"
    shown = [selector for selector in HIDDEN if tab.locator(selector).first.count() and tab.locator(selector).first.is_visible()]
    assert not shown, f"/{path}: printed although it is interface, not text: {shown}"
    rows = tab.locator("table tbody tr")
    assert rows.count() and all(rows.nth(i).is_visible() for i in range(rows.count())), f"/{path}: table rows missing in print"
    clipped = tab.eval_on_selector_all(".edition-table__scroll", "els => els.filter(e => e.scrollWidth > e.clientWidth + 1).length")
    assert clipped == 0, f"/{path}: a table is cut off at the page's edge"
    colour = tab.eval_on_selector("article p", "p => getComputedStyle(p).color")
    channels = [int(c) for c in colour[colour.index("(") + 1:].split(",")[:3]]
    assert max(channels) < 100, f"/{path}: text prints in {colour}, light on white paper"
    breaks = tab.eval_on_selector("table tbody tr", "tr => getComputedStyle(tr).breakInside")
    assert breaks == "avoid", f"/{path}: table rows may break across pages ({breaks})"


def test_print_gives_external_links_their_address(served, tab):
    tab.goto(served + url(LANGS[0], "introduction"))
    after = tab.evaluate("""() => {
        const a = document.createElement('a');
        a.href = 'https://example.org/source'; a.textContent = 'source';
        document.querySelector('article p').append(a);
        return getComputedStyle(a, '::after').content;
    }""")
    assert "https://example.org/source" in after, f"an external link prints without its address ({after})"
