"""Rule (in Chromium): a table's caption is read whole without scrolling the table. Where a
table is wider than its column (Russian words on a phone, a half of the parallel page) the
table scrolls sideways in its region; the caption stays within the region's visible width,
wrapped, and in place while the reader scrolls (docs/assets/edition.css). Every page with a
table, at a phone's width and at the width where the parallel page's halves are narrowest."""

import pytest

from built_pages import html_file, html_urls

pytestmark = pytest.mark.browser

WIDTHS = (375, 1000)
REGION = ".edition-table__scroll"
BOXES = """region => {
    const box = region.getBoundingClientRect(), caption = region.querySelector('caption').getBoundingClientRect();
    return {id: region.querySelector('table').id || region.querySelector('caption').id,
            region: [box.left, box.right], caption: [caption.left, caption.right],
            table: region.scrollWidth, shown: region.clientWidth};
}"""


def pages_with_tables(site) -> list[str]:
    return [url for url in html_urls(site) if 'class="edition-table__scroll"' in html_file(site, url).read_text(encoding="utf-8")]


def outside(found) -> str | None:
    (left, right), (cap_left, cap_right) = found["region"], found["caption"]
    if right - left < 1:
        return "the table's region has no width: the table is not shown"
    if cap_left < left - 1.5 or cap_right > right + 1.5:  # a border's width of rounding
        return f"caption spans {cap_left:.0f}–{cap_right:.0f} px, the region shows {left:.0f}–{right:.0f} px"
    return None


@pytest.mark.parametrize("width", WIDTHS)
def test_caption_stays_within_the_visible_width(site, served, browser, width):
    urls = pages_with_tables(site)
    assert urls, "no page has a table (class edition-table__scroll): the rule has nothing to read"
    context = browser.new_context(viewport={"width": width, "height": 900})
    tab = context.new_page()
    problems, scrolled = [], 0
    try:
        for url in urls:
            tab.goto(served + url)
            for region in tab.locator(REGION).element_handles():
                found = region.evaluate(BOXES)
                if (why := outside(found)):
                    problems.append(f"/{url} at {width} px, {found['id']}: {why}")
                if found["table"] > found["shown"] + 1:  # it scrolls: scroll it to the end and look again
                    scrolled += 1
                    region.evaluate("region => { region.scrollLeft = region.scrollWidth; }")
                    found = region.evaluate(BOXES)
                    if (why := outside(found)):
                        problems.append(f"/{url} at {width} px, {found['id']}, scrolled to its end: {why}")
    finally:
        context.close()
    assert not problems, "a table's caption runs out of its visible width (the reader must scroll to read it):\n" + "\n".join(problems)
    if width == 375:  # the case the rule is about must occur, or the rule reads nothing
        assert scrolled, f"no table scrolls sideways at {width} px: the rule did not test a caption beside a scrolled table"
