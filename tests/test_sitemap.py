"""Rule: sitemap.xml lists every page of every language by its absolute URL, each with
its alternates (every language and x-default), and robots.txt names the sitemap's
absolute URL."""

from lxml import etree

from edition_site import DEFAULT, LANGS, PAGES, site_url, url

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def test_sitemap_lists_every_page_with_alternates(site):
    base = site_url()
    tree = etree.parse(str(site / "sitemap.xml"))
    entries = {}
    for entry in tree.findall("s:url", NS):
        loc = entry.findtext("s:loc", namespaces=NS)
        entries[loc] = {link.get("hreflang"): link.get("href") for link in entry.findall("x:link", NS)}
    expected = {base + url(lang, page) for lang in LANGS for page in PAGES}
    assert set(entries) == expected, f"missing: {sorted(expected - set(entries))}; unexpected: {sorted(set(entries) - expected)}"
    for loc, alternates in entries.items():
        page = next(p for lang in LANGS for p in PAGES if base + url(lang, p) == loc)
        wanted = {lang: base + url(lang, page) for lang in LANGS} | {"x-default": base + url(DEFAULT, page)}
        assert alternates == wanted, f"{loc}: alternates {alternates}, expected {wanted}"


def test_robots_names_the_absolute_sitemap(site):
    lines = (site / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert f"Sitemap: {site_url()}sitemap.xml" in lines, f"robots.txt: {lines}"
    assert "User-agent: *" in lines
