"""Rule: each language's edition offers its reference as BibTeX, RIS and CSL-JSON, linked
from every page, generated from data/article.yaml: the files parse (pybtex, rispy and the
RIS line format, citeproc-py) and say the title, date, URL, language and keywords of that
edition — and name no author while the authors are unknown."""

import json
import re
from urllib.parse import urljoin

import pytest
import rispy
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from pybtex.database import parse_file

from edition_site import LANGS, PAGES, data, md_name, site_url, url

KINDS = {"bib": "BibTeX", "ris": "RIS", "json": "CSL-JSON"}
TYPES = {"bib": "application/x-bibtex", "ris": "application/x-research-info-systems", "json": "application/vnd.citationstyles.csl+json"}
RIS_LINE = re.compile(r"^[A-Z][A-Z0-9]  -( .*)?$")  # a tag, two spaces, a hyphen, the value
HARVARD = "harvard-cite-them-right"  # the style citeproc-py ships


def linked_file(site, pages, lang, page, ext):
    """The file the page's cite block links for a format, resolved against the page."""
    links = [a["href"] for a in pages[lang][page].select(f".edition-cite a[download][type='{TYPES[ext]}']") if a["href"].endswith("." + ext)]
    assert len(links) == 1, f"{md_name(lang, page)}: the cite block links {len(links)} .{ext} file(s), expected one ({KINDS[ext]})"
    path = site / urljoin("/" + url(lang, page), links[0]).lstrip("/")
    assert path.is_file(), f"{md_name(lang, page)}: the {KINDS[ext]} link {links[0]} leads nowhere"
    return path


@pytest.mark.parametrize("ext", KINDS)
@pytest.mark.parametrize("lang", LANGS)
def test_every_page_links_the_same_file(site, pages, lang, ext):
    files = {linked_file(site, pages, lang, page, ext) for page in PAGES}
    assert len(files) == 1, f"the {lang} pages link different {KINDS[ext]} files: {sorted(map(str, files))}"


@pytest.mark.parametrize("lang", LANGS)
def test_bibtex_parses_and_describes_the_edition(site, pages, lang):
    article = data("article")
    bib = parse_file(str(linked_file(site, pages, lang, "index", "bib")), "bibtex")
    assert len(bib.entries) == 1, "one entry per language's edition"
    entry = next(iter(bib.entries.values()))
    assert entry.fields["title"] == article["title"][lang]
    assert entry.fields["year"] == article["edition_date"][:4]
    assert entry.fields["url"] == site_url() + url(lang, "index")
    assert entry.fields["language"] == lang
    assert entry.fields["keywords"] == ", ".join(article["keywords"][lang])
    authors = [f"{a['family'][lang]}, {a['initials'][lang]}" for a in article["authors"]]
    assert [str(p) for p in entry.persons.get("author", [])] == authors, "authors only as data/article.yaml names them"


@pytest.mark.parametrize("lang", LANGS)
def test_ris_parses_and_describes_the_edition(site, pages, lang):
    article = data("article")
    raw = linked_file(site, pages, lang, "index", "ris").read_text(encoding="utf-8")
    lines = raw.strip().splitlines()
    assert lines[0].startswith("TY  - ") and lines[-1].rstrip() == "ER  -", "an RIS record runs from TY to ER"
    bad = [line for line in lines if not RIS_LINE.match(line.rstrip())]
    assert not bad, f"lines not in the RIS form 'XX  - value': {bad}"
    [record] = rispy.loads(raw)
    assert record["title"] == article["title"][lang]
    assert record["year"] == article["edition_date"][:4]
    assert record["urls"] == [site_url() + url(lang, "index")]
    assert record["language"] == lang
    assert record["keywords"] == article["keywords"][lang]
    assert record.get("authors", []) == [f"{a['family'][lang]}, {a['initials'][lang]}" for a in article["authors"]]


@pytest.mark.parametrize("lang", LANGS)
def test_csl_json_is_read_by_citeproc(site, pages, lang):
    article = data("article")
    items = json.loads(linked_file(site, pages, lang, "index", "json").read_text(encoding="utf-8"))
    assert isinstance(items, list) and len(items) == 1, "CSL-JSON is a list of items; one item per edition"
    item = items[0]
    assert item["title"] == article["title"][lang] and item["language"] == lang
    assert item["URL"] == site_url() + url(lang, "index")
    assert item["issued"]["date-parts"] == [[int(part) for part in article["edition_date"].split("-")]]
    assert ("author" in item) == bool(article["authors"])
    source = CiteProcJSON(items)
    style = CitationStylesStyle(HARVARD, validate=False)
    bibliography = CitationStylesBibliography(style, source, formatter.plain)
    bibliography.register(Citation([CitationItem(item["id"])]))
    rendered = "".join(str(entry) for entry in bibliography.bibliography())
    assert article["title"][lang] in rendered and item["URL"] in rendered, f"citeproc-py rendered: {rendered!r}"
