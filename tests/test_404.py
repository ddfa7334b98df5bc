"""Rule: a "not found" page in every language — the default language's at the site's
root (/404.html), each other language's in its folder (/en/404.html) — in its language,
with that language's navigation, and language links to the title pages. A host such as
GitHub Pages serves only the root page, for every missing address at any depth: so each
404 page carries every language's message, each marked with its `lang`, its own
language first, each linking the title page of its language, and every address in it is
an absolute path. The list of pages its script matches a mistyped address against
(assets/not-found.json) names every page of the built site, with its title and language.
(What the reader sees in a browser: test_browser_not_found.py.)"""

import json
import re
from urllib.parse import urlsplit

import pytest

from built_pages import html_file, html_urls, language_of
from edition_site import LANGS, data, parse, site_url, text, url

CYRILLIC = re.compile(r"[\u0400-\u04FF]")


def not_found(site, lang):
    path = site / url(lang, "index") / "404.html"
    assert path.is_file(), f"no 404 page for '{lang}' at /{url(lang, 'index')}404.html"
    return parse(path)


def messages(soup) -> list:
    return soup.select("article .edition-not-found__message")


@pytest.mark.parametrize("lang", LANGS)
def test_404_speaks_every_language_its_own_first(site, lang):
    soup = not_found(site, lang)
    assert soup.html["lang"] == lang
    found = messages(soup)
    assert [m.get("lang") for m in found][:1] == [lang], f"the {lang} 404 page's first message is not in {lang}"
    assert sorted(m.get("lang") for m in found) == sorted(LANGS), f"the {lang} 404 page has messages in {[m.get('lang') for m in found]}"
    base = urlsplit(site_url()).path
    for message in found:
        code = message["lang"]
        assert text(message.h1) == data("labels")["not_found_title"][code]
        body = text(message)
        assert bool(CYRILLIC.search(body)) == (code == "ru"), f"the {code} message of /{url(lang, 'index')}404.html is not in {code}: {body[:100]!r}"
        links = [a["href"] for a in message.select("a[href]")]
        assert base + url(code, "index") in links, f"the {code} message does not link its title page {base + url(code, 'index')}: {links}"


@pytest.mark.parametrize("lang", LANGS)
def test_404_addresses_are_absolute(site, lang):
    """Served for /en/a/b/c/, a relative address would point below the missing one."""
    soup = not_found(site, lang)
    relative = [f"<{tag.name} {attr}={tag[attr]!r}>" for attr in ("href", "src", "data-pages")
                for tag in soup.find_all(attrs={attr: True})
                if not (tag[attr].startswith("/") or urlsplit(tag[attr]).scheme or tag[attr].startswith("#"))]
    assert not relative, f"/{url(lang, 'index')}404.html has relative addresses: {relative}"


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


def test_the_page_list_names_every_page(site):
    soup = not_found(site, LANGS[0])
    where = soup.select_one(".edition-not-found[data-pages]")["data-pages"]
    base = urlsplit(site_url()).path
    path = site / where.removeprefix(base)
    assert path.is_file(), f"the 404 page's list of pages {where} is not in the built site"
    listed = {entry["url"]: entry for entry in json.loads(path.read_text(encoding="utf-8"))["pages"]}
    built = [page for page in html_urls(site) if not page.endswith("404.html")]
    assert sorted(listed) == sorted(built), f"{where} lists {sorted(set(listed) ^ set(built))} wrongly (missing or not built)"
    for page in built:
        title = parse(html_file(site, page)).head.find("meta", attrs={"property": "og:title"})["content"]
        assert listed[page]["title"] == title and listed[page]["lang"] == language_of(page), f"{where}: {listed[page]} for /{page}"
