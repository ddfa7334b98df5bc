"""Rule: the build writes the whole article as one PDF per language, linked from every
page: it opens, is in its language (title and text in the language's script, Cyrillic
included), holds the title, the abstract, every article page's heading in the order of the
nav, then the back matter (the references, an edition's own page: data/article.yaml), and
the table; a citation [N] links to its reference inside the PDF."""

import re
from urllib.parse import urljoin

import pytest
from pypdf import PdfReader

from edition_site import LANGS, PAGES, data, md_name, text, url

EDITION_PAGES = {name.removesuffix(".md") for name in data("article")["edition_pages"]}
# The edition's page every whole-article form carries after the article's pages (edition/model.py:
# Article.back_matter): the reference list, which the citations [N] link to.
BACK_MATTER = ["references"]

# Its tests share a costly module fixture: one worker runs them all (make test: pytest-xdist).
pytestmark = pytest.mark.xdist_group("pdf")

CYRILLIC = re.compile(r"[\u0400-\u04FF]")


def flat(value: str) -> str:
    """Text without line breaks and the hyphens WeasyPrint adds where it breaks a word."""
    return " ".join(value.replace("\u2010\n", "").replace("\u00ad", "").split())


@pytest.fixture(scope="module")
def pdfs(site, pages):
    """The PDF each language's pages link to: {lang: (path, reader, text)}."""
    found = {}
    for lang in LANGS:
        targets = set()
        for page in PAGES:
            links = [a["href"] for a in pages[lang][page].select(".edition-cite a[href$='.pdf']")]
            assert len(links) == 1, f"{md_name(lang, page)}: links {len(links)} PDF(s), expected one"
            targets.add(urljoin("/" + url(lang, page), links[0]).lstrip("/"))
        assert len(targets) == 1, f"the {lang} pages link different PDFs: {targets}"
        path = site / targets.pop()
        assert path.is_file(), f"the {lang} PDF {path.relative_to(site)} was not written by the build"
        reader = PdfReader(path)
        found[lang] = (path, reader, flat("\n".join(p.extract_text() for p in reader.pages)))
    return found


@pytest.mark.parametrize("lang", LANGS)
def test_pdf_holds_the_whole_article_in_order(pdfs, pages, lang):
    path, reader, content = pdfs[lang]
    title = data("article")["title"][lang]
    assert reader.metadata.title == title, f"{path.name}: the PDF's title is {reader.metadata.title!r}"
    assert content.startswith(title), f"{path.name}: does not begin with the title; it begins {content[:80]!r}"
    abstract = text(pages[lang]["index"].select_one("#abstract-p1"))
    assert flat(abstract) in content, f"{path.name}: the abstract is missing"
    position = 0
    for page in [p for p in PAGES if p not in EDITION_PAGES] + [p for p in BACK_MATTER if p in EDITION_PAGES]:
        heading = text(pages[lang][page].select_one("article h1"))
        found = content.find(heading, position)
        assert found >= 0, f"{path.name}: the heading «{heading}» of {md_name(lang, page)} is missing or out of the nav's order"
        position = found
    caption = data("infrastructure")["caption"][lang]
    assert caption in content, f"{path.name}: the table's caption is missing"
    for row in data("infrastructure")["rows"]:
        assert flat(row["impact"][lang]) in content, f"{path.name}: table row {row['id']} is missing"


def test_each_pdf_is_in_its_language(pdfs):
    for lang, (path, _, content) in pdfs.items():
        share = len(CYRILLIC.findall(content)) / max(1, len(re.findall(r"\w", content)))
        # The Russian PDF is Cyrillic (the glyphs render); the English one only quotes the Russian abstract.
        assert (share > 0.8) if lang == "ru" else (share < 0.2), f"{path.name}: {share:.0%} of its letters are Cyrillic"


@pytest.mark.parametrize("lang", LANGS)
def test_each_reference_in_the_pdf_links_back_to_where_it_is_cited(pdfs, pages, lang):
    """The whole-article forms are set from the article model once every page's content is
    in it (hooks/model/article_model.py): the references' links back to the citing paragraphs
    (hooks/text/citations.py) are part of it, as on the references page."""
    path, _, content = pdfs[lang]
    label = data("labels")["ref_cited_at"][lang]
    on_page = [text(item) for item in pages[lang]["references"].select(".edition-ref__backlinks") if text(item)]
    assert on_page, f"{md_name(lang, 'references')}: no entry links back to the text"
    assert content.count(label + ":") == len(on_page), (
        f"{path.name}: {content.count(label + ':')} reference(s) say «{label}:», the references page has {len(on_page)}")
    for backlinks in on_page:
        assert flat(backlinks) in content, f"{path.name}: «{backlinks}» is missing"


@pytest.mark.parametrize("lang", LANGS)
def test_citations_link_to_the_references_inside_the_pdf(pdfs, lang):
    """The back matter is in the PDF, so a citation [N] goes to its entry there (a named
    destination, ref-N), never out to the references page of the site."""
    path, reader, _ = pdfs[lang]
    inside, outside = set(), []
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            action = annotation.get("/A") or {}
            if "/URI" in action:
                outside += [action["/URI"]] if f"/{url(lang, 'references')}" in action["/URI"] else []
            elif annotation.get("/Dest") or action.get("/D"):
                inside.add(str(annotation.get("/Dest") or action.get("/D")))
    assert not outside, f"{path.name}: links leave the PDF for the references page: {outside}"
    expected = {f"ref-{entry['number']}" for entry in data("references")}
    assert expected <= inside, f"{path.name}: no link inside the PDF to {sorted(expected - inside)}"
    assert all(reader.named_destinations.get(ref) is not None for ref in expected), f"{path.name}: a reference has no destination"
