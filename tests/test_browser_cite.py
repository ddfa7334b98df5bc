"""Rule (in Chromium): the cite block's button copies the reference as shown, and a ГОСТ
reference's access date is the reader's today (assets/edition.js, no inline script)."""

import datetime

import pytest

from edition_site import LANGS, url

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang", LANGS)
def test_copy_button_copies_the_reference(browser, served, lang):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    try:
        page.goto(served + url(lang, "introduction"))
        reference = page.locator("#edition-reference")
        if lang == "ru":
            today = datetime.date.today()
            assert page.locator("#edition-reference time").inner_text() == f"{today:%d.%m.%Y}"
        shown = " ".join(reference.inner_text().split())
        page.click(".edition-cite__copy")
        # The click starts Material's script, which copies once it has run (material-on-demand.js)
        # and then says so in its dialog: the reader's confirmation is the test's signal.
        page.locator(".md-dialog--active").wait_for(state="visible", timeout=10_000)
        copied = " ".join(page.evaluate("navigator.clipboard.readText()").split())
        assert copied == shown, f"the button copied {copied!r}, the page shows {shown!r}"
    finally:
        context.close()
