"""Rule: every page has a parallel page in every language that pairs each of its passages
and headings with their translation — one row per id, in the page's order, one cell per
language marked with its lang, holding exactly the text of that language's page (made
from the same Markdown, no third copy) — and the two link to each other."""

import pytest

from edition_site import LANGS, PAGES, article, html_path, md_name, parallel_rows, parallel_url, parse, text, url

PASSAGE = "p, ul, ol, dl, blockquote, table, figure, h1, h2, h3, h4, h5, h6"


@pytest.fixture(scope="module")
def parallel(site):
    return {lang: {page: parse(site / parallel_url(lang, page) / "index.html") for page in PAGES} for lang in LANGS}


def blocks(soup):
    """The page's passages by id, each with the elements without an id that follow it
    (an editor's note goes with its paragraph), as (id, text) pairs."""
    found = []
    for element in article(soup).find_all(True, recursive=False):
        if {"md-content__button", "edition-cite"} & set(element.get("class", [])):
            continue  # Material's page actions; the cite block (the parallel page has its own)
        ident = element.get("id") or (None if found else (element.find(id=True) or {}).get("id"))
        if ident:
            found.append((ident, [element]))
        elif found:
            found[-1][1].append(element)
    return [(ident, " ".join(text(e) for e in elements)) for ident, elements in found]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", PAGES)
def test_parallel_page_pairs_every_passage(pages, parallel, lang, page):
    rows = parallel_rows(parallel[lang][page])
    expected = [ident for ident, _ in blocks(pages[LANGS[0]][page])]
    assert [row["id"] for row in rows] == expected, (
        f"/{parallel_url(lang, page)}: rows {[row['id'] for row in rows]}, but {md_name(LANGS[0], page)} has {expected}")
    for row in rows:
        cells = row.find_all(class_="edition-parallel__cell", recursive=False)
        assert [cell.get("lang") for cell in cells] == LANGS, f"/{parallel_url(lang, page)}#{row['id']}: cells {[c.get('lang') for c in cells]}"
        for cell in cells:
            source = dict(blocks(pages[cell["lang"]][page]))[row["id"]]
            assert text(cell) == source, (
                f"/{parallel_url(lang, page)}#{row['id']} ({cell['lang']}): the cell's text differs from "
                f"{md_name(cell['lang'], page)}: «{text(cell)[:80]}» vs «{source[:80]}»")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", PAGES)
def test_ids_are_unique_on_the_parallel_page(parallel, lang, page):
    ids = [tag["id"] for tag in parallel[lang][page].find_all(id=True)]
    repeated = sorted({i for i in ids if ids.count(i) > 1})
    assert not repeated, f"/{parallel_url(lang, page)}: ids used more than once: {repeated}"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", PAGES)
def test_page_and_parallel_page_link_to_each_other(site, pages, parallel, lang, page):
    there = pages[lang][page].select_one("a.edition-counterpart[data-edition-counterpart=parallel]")
    back = parallel[lang][page].select_one("a.edition-counterpart[data-edition-counterpart=single]")
    assert there is not None and back is not None, f"{md_name(lang, page)}: no link to or from its parallel page"
    assert (html_path(site, lang, page).parent / there["href"]).resolve() == (site / parallel_url(lang, page)).resolve()
    assert (site / parallel_url(lang, page) / back["href"]).resolve() == (site / url(lang, page)).resolve()
