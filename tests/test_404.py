"""Rule: a "not found" page in every language — the default language's at the site's
root (/404.html), each other language's in its folder (/en/404.html) — in its language,
with that language's navigation, and language links to the title pages."""

import re
from urllib.parse import urlsplit

import pytest

from edition_site import LANGS, data, parse, site_url, text, url

CYRILLIC = re.compile(r"[\u0400-\u04FF]")


def not_found(site, lang):
    path = site / url(lang, "index") / "404.html"
    assert path.is_file(), f"no 404 page for '{lang}' at /{url(lang, 'index')}404.html"
    return parse(path)


@pytest.mark.parametrize("lang", LANGS)
def test_404_is_in_its_language(site, lang):
    soup = not_found(site, lang)
    assert soup.html["lang"] == lang
    assert text(soup.select_one("article h1")) == data("labels")["not_found_title"][lang]
    body = text(soup.select_one("article"))
    assert bool(CYRILLIC.search(body)) == (lang == "ru"), f"the {lang} 404 page's text is not in {lang}: {body[:100]!r}"


@pytest.mark.parametrize("lang", LANGS)
def test_404_navigates_its_language(site, lang):
    soup = not_found(site, lang)
    base = urlsplit(site_url()).path
    own = base + url(lang, "index")
    links = [a["href"] for a in soup.select("nav.md-nav--primary a.md-nav__link[href]")]
    assert links, "the 404 page has no navigation"
    for href in links:
        inside = href.startswith(own)
        foreign = any(href.startswith(base + url(other, "index")) for other in LANGS if other != lang and url(other, "index"))
        assert inside and not foreign, f"the {lang} 404 page links {href}, outside the {lang} edition ({own})"
    switch = {a["hreflang"]: a["href"] for a in soup.select("a.md-select__link[hreflang]")}
    assert switch == {other: base + url(other, "index") for other in LANGS}, f"language links on the 404 page: {switch}"
