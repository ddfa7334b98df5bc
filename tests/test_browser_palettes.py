"""Rule (in Chromium): a reader can switch between the light and the dark palette, and
the toggle speaks the page's language (the names in mkdocs.yml, per language)."""

import pytest

from built_pages import start_material
from edition_site import DEFAULT, LANGS, _i18n, config, url

pytestmark = pytest.mark.browser


def palettes(lang):
    for language in _i18n()["languages"]:
        if language["locale"] == lang and language.get("theme", {}).get("palette"):
            return language["theme"]["palette"]
    assert lang == DEFAULT, f"mkdocs.yml: no palette toggle names for '{lang}' (i18n languages: theme.palette)"
    return config()["theme"]["palette"]


@pytest.mark.parametrize("lang", LANGS)
def test_toggle_switches_palette_and_speaks_the_language(served, browser, lang):
    context = browser.new_context(color_scheme="light")
    tab = context.new_page()
    tab.goto(served + url(lang, "introduction"))
    start_material(tab)  # the toggle is Material's: it shows once Material's script runs
    choices = palettes(lang)
    for step in range(len(choices) + 1):
        current = choices[step % len(choices)]
        tab.wait_for_function("scheme => document.body.dataset.mdColorScheme === scheme", arg=current["scheme"], timeout=5000)
        toggle = tab.locator("[data-md-component=palette] label.md-header__button:visible")
        assert toggle.count() == 1
        # Its name is the title, or (once hovered, with Material's content.tooltips) its tooltip's text.
        name = toggle.evaluate(
            "el => el.title || document.getElementById(el.getAttribute('aria-describedby') || '')?.textContent?.trim() || null")
        assert name == current["toggle"]["name"], (
            f"{url(lang, 'introduction')}: the palette toggle is labelled «{name}», expected «{current['toggle']['name']}»")
        toggle.click()
    context.close()
