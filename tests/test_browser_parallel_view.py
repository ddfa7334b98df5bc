"""Rule (in Chromium): a parallel page shows each passage beside its translation — the
cells of a row side by side and top-aligned on a desktop screen, stacked (one language
above the other) on a phone — with as many rows as the page has passages and headings,
each cell in its lang; the page's ¶ links to it and back."""

import pytest

from edition_site import LANGS, PAGES, parallel_url, url

pytestmark = pytest.mark.browser

WIDTHS = {"desktop": 1280, "phone": 375}

ROWS = """() => [...document.querySelectorAll('.edition-parallel > .edition-parallel__row[id]')].map(row => ({
    id: row.id,
    cells: [...row.children].map(cell => {
        const box = cell.getBoundingClientRect();
        return {lang: cell.lang, top: box.top, bottom: box.bottom, left: box.left, right: box.right};
    })
}))"""
PASSAGES = """() => [...document.querySelector('article.md-content__inner').children]
    .map(el => el.id || (el.matches('header') && el.querySelector('[id]') ? el.querySelector('[id]').id : ''))
    .filter(Boolean)"""


@pytest.fixture(scope="module")
def tabs(browser):
    contexts = {name: browser.new_context(viewport={"width": width, "height": 900}) for name, width in WIDTHS.items()}
    yield {name: context.new_page() for name, context in contexts.items()}
    for context in contexts.values():
        context.close()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page_name", PAGES)
def test_parallel_page_pairs_every_passage(served, tabs, lang, page_name):
    tab = tabs["desktop"]
    tab.goto(served + url(lang, page_name))
    passages = tab.evaluate(PASSAGES)
    with tab.expect_navigation():
        tab.click("a.edition-counterpart[data-edition-counterpart=parallel]")
    assert tab.url == served + parallel_url(lang, page_name)
    assert tab.locator("html").get_attribute("lang") == lang
    rows = tab.evaluate(ROWS)
    assert [row["id"] for row in rows] == passages, f"/{parallel_url(lang, page_name)}: rows do not match the page's passages"
    for row in rows:
        cells = row["cells"]
        assert [cell["lang"] for cell in cells] == LANGS, f"#{row['id']}: cells {cells}"
        assert all(abs(cell["top"] - cells[0]["top"]) < 1 for cell in cells), f"#{row['id']}: cells not top-aligned {cells}"
        assert all(a["right"] <= b["left"] for a, b in zip(cells, cells[1:])), f"#{row['id']}: cells not side by side {cells}"
    with tab.expect_navigation():
        tab.click("a.edition-counterpart[data-edition-counterpart=single]")
    assert tab.url == served + url(lang, page_name)


@pytest.mark.parametrize("lang", LANGS)
def test_parallel_page_stacks_pairs_on_a_phone(served, tabs, lang):
    tab = tabs["phone"]
    tab.goto(served + parallel_url(lang, "policy-coordination"))
    rows = tab.evaluate(ROWS)
    assert rows
    for row in rows:
        cells = row["cells"]
        assert all(a["bottom"] <= b["top"] for a, b in zip(cells, cells[1:])), f"#{row['id']}: cells not stacked {cells}"
        assert all(cell["right"] <= WIDTHS["phone"] for cell in cells), f"#{row['id']}: a cell is wider than the screen {cells}"
