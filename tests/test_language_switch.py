"""Rule: on every page, the language switcher points at
the same page in the other language."""

from urllib.parse import urljoin

import pytest

from edition_site import LANGS, OTHER, PAGES, md_name, url

BASE = "http://site.test/"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", PAGES)
def test_switcher_points_at_the_same_page(pages, lang, page):
    soup = pages[lang][page]
    here = BASE + url(lang, page)
    links = {a["hreflang"]: urljoin(here, a["href"]) for a in soup.select("a.md-select__link[hreflang]")}
    for other in OTHER[lang]:
        assert links.get(other) == BASE + url(other, page), (
            f"{md_name(lang, page)}: the switch to '{other}' goes to {links.get(other)}, "
            f"not to {BASE + url(other, page)} (the same page in {other}). Does {md_name(other, page)} exist?"
        )
