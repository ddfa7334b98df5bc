"""Rule: each language has the whole article on one page (article/, hooks/forms/full_text.py, a
template over the article model): every page of the article (the nav's pages but the
edition's own) in the nav's order, then its back matter (the references page, the edition's
own: data/article.yaml), each of its passages with the page's own id and exactly the page's
text (so a link to a paragraph works on either page), the table, the map, the editor's notes
and the references, a citation [N] leading to its entry on this page; ids unique; the language
switch leads to the other language's full text; the search index holds the chapters, not this
page too."""

import json
from urllib.parse import urljoin

import pytest

from edition_site import LANGS, PAGES, article, data, html_path, md_name, parse, passages, text, url

FULL_TEXT = "article"
# The edition's page every whole-article form carries after the article's pages (edition/model.py:
# Article.back_matter): the reference list, which the citations [N] link to.
BACK_MATTER = ["references"]


def article_pages():
    """The pages the full text shows, in its order: the article's, then the back matter."""
    own = {name.removesuffix(".md") for name in data("article")["edition_pages"]}
    return [page for page in PAGES if page not in own] + [page for page in BACK_MATTER if page in own]


@pytest.fixture(scope="module")
def full(site):
    return {lang: parse(html_path(site, lang, FULL_TEXT)) for lang in LANGS}


@pytest.mark.parametrize("lang", LANGS)
def test_every_passage_of_the_article_is_on_the_full_text_page_in_order(pages, full, lang):
    on_page = {el["id"]: el for el in passages(full[lang]) if el.get("id")}
    order = [el["id"] for el in passages(full[lang]) if el.get("id")]
    expected = []
    for page in article_pages():
        for element in passages(pages[lang][page]):
            ident = element.get("id")
            expected.append(ident)
            assert ident in on_page, f"/{url(lang, FULL_TEXT)}: #{ident} of {md_name(lang, page)} is missing"
            assert text(on_page[ident]) == text(element), (
                f"/{url(lang, FULL_TEXT)}#{ident}: the text differs from {md_name(lang, page)}: "
                f"«{text(on_page[ident])[:80]}» vs «{text(element)[:80]}»")
    assert order == expected, f"/{url(lang, FULL_TEXT)}: passages out of the nav's order"


@pytest.mark.parametrize("lang", LANGS)
def test_headings_notes_table_map_and_references_are_there(pages, full, lang):
    body = article(full[lang])
    for page in article_pages():
        heading = article(pages[lang][page]).find(["h1", "h2"], id=True)
        assert body.find(id=heading["id"]) is not None, f"/{url(lang, FULL_TEXT)}: no heading #{heading['id']} of {md_name(lang, page)}"
    notes = [note["id"] for note in data("notes")]
    for ident in [f"note-{n}" for n in notes] + ["table-infrastructure", "map-infrastructure", "reference-list"]:
        assert body.find(id=ident) is not None, f"/{url(lang, FULL_TEXT)}: #{ident} is missing"
    assert body.find("h1") is not None and len(body.find_all("h1")) == 1, "the full text has one h1, the article's title"
    cited = {link["href"] for link in body.select("a.citation")}
    expected = {f"#ref-{entry['number']}" for entry in data("references")}
    assert cited == expected, f"/{url(lang, FULL_TEXT)}: the citations link {sorted(cited)}, expected {sorted(expected)} on this page"


@pytest.mark.parametrize("lang", LANGS)
def test_ids_are_unique_and_links_stay_on_the_page(full, lang):
    ids = [tag["id"] for tag in full[lang].find_all(id=True)]
    repeated = sorted({i for i in ids if ids.count(i) > 1})
    assert not repeated, f"/{url(lang, FULL_TEXT)}: ids used more than once: {repeated}"
    chapters = {url(lang, page) for page in article_pages()}
    here = "/" + url(lang, FULL_TEXT)
    for link in article(full[lang]).find_all("a", href=True):
        if link.find_parent(class_="edition-cite"):
            continue  # the cite block names this page's place on the site
        target = urljoin(here, link["href"]).split("#")[0].lstrip("/")
        assert target not in chapters, f"{here}: a link leaves the page for a page that is on it: {link['href']}"


@pytest.mark.parametrize("lang", LANGS)
def test_language_switch_leads_to_the_other_full_text(site, full, lang):
    for switch in full[lang].select("a.md-select__link[hreflang]"):
        target = (html_path(site, lang, FULL_TEXT).parent / switch["href"]).resolve()
        assert target == html_path(site, switch["hreflang"], FULL_TEXT).parent.resolve(), (
            f"/{url(lang, FULL_TEXT)}: the switch to {switch['hreflang']} leads to {switch['href']}")


def test_search_indexes_the_chapters_not_the_full_text_too(site):
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    for lang in LANGS:
        assert entry["languages"][lang]["page_count"] == len(PAGES), (
            f"the {lang} search index holds {entry['languages'][lang]['page_count']} pages, expected the {len(PAGES)} of docs/{lang}/ "
            "(the full text is left out: every word would be found twice)")
