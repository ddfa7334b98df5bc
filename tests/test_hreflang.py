"""Rule: search engines learn each page's language versions from absolute URLs — sitemap.xml
lists every page with an <xhtml:link rel="alternate" hreflang> to itself, to its
translation in every language and (x-default) to the original — and no page carries a relative hreflang link (rejected
by search engines; Material's JavaScript would also fetch a missing sitemap beside it)."""

from urllib.parse import urlparse

from lxml import etree

from built_pages import html_file, html_urls
from edition_site import DEFAULT, LANGS, PAGES, parse, site_url, url

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def test_sitemap_declares_every_translation(site):
    tree = etree.parse(str(site / "sitemap.xml"))
    entries = {
        entry.findtext("s:loc", namespaces=NS): {
            link.get("hreflang"): link.get("href") for link in entry.findall("x:link[@rel='alternate']", NS)
        }
        for entry in tree.findall("s:url", NS)
    }
    base = site_url()
    for lang in LANGS:
        for page in PAGES:
            loc = base + url(lang, page)
            assert loc in entries, f"sitemap.xml: no <url> for {loc}"
            expected = {other: base + url(other, page) for other in LANGS} | {"x-default": base + url(DEFAULT, page)}
            assert entries[loc] == expected, f"sitemap.xml, {loc}: alternates {entries[loc]}, expected {expected}"


def test_no_relative_hreflang_in_any_page(site):
    relative = []
    for page_url in html_urls(site):
        for link in parse(html_file(site, page_url)).select("head link[hreflang]"):
            if not urlparse(link.get("href", "")).scheme:
                relative.append(f"/{page_url}: {link}")
    assert not relative, "relative hreflang links (use absolute URLs, or sitemap.xml):\n" + "\n".join(relative)
