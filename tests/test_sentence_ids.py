"""Rule: every sentence of the article's pages has an id, the same in both languages
(hooks/text/sentences.py): each numbered paragraph's sentences are spans `<paragraph id>-s1`,
`-s2`, … as the segmenter finds them (edition/sentences.py), with only whitespace and the ¶
between them; each page's sentences.json holds their texts, and its head names the other
language's page and sentences.json, which exist. The edition's own pages
(data/article.yaml: edition_pages) have no sentence ids."""

import json
from urllib.parse import urljoin

import lxml.html
import pytest
from bs4 import BeautifulSoup
from bs4.element import NavigableString, Tag

from edition import sentences
from edition_site import LANGS, OTHER, PAGES, data, html_path, md_name, paragraphs, url

SENTENCE_PAGES = [page for page in PAGES if f"{page}.md" not in data("article")["edition_pages"]]
EDITION_PAGES = [page for page in PAGES if page not in SENTENCE_PAGES]
HOLDERS = ("ul", "ol", "li", "dl", "dt", "dd", "p", "blockquote", "div")


def spans(element) -> list:
    return element.select("span.edition-s")


def text(span) -> str:
    return " ".join(span.get_text().split())


def problems(paragraph, lang: str) -> list[str]:
    """What is wrong with the sentence spans of one built paragraph (a bs4 element)."""
    out = []
    found = spans(paragraph)
    ids = [span.get("id") for span in found]
    expected = [f"{paragraph['id']}-s{n}" for n in range(1, len(found) + 1)]
    if not found or ids != expected:
        out.append(f"#{paragraph['id']}: sentence ids {ids}, expected {expected or 'at least one'}")
    segmented = sentences.sentences(lxml.html.fragment_fromstring(str(paragraph)), lang)
    if [text(span) for span in found] != segmented:
        out.append(f"#{paragraph['id']}: the spans are not the segmenter's sentences: {[text(s) for s in found]} ≠ {segmented}")
    out += [f"#{span['id']} is inside another sentence" for span in found if span.find_parent("span", class_="edition-s")]
    # Outside the sentences: whitespace, the ¶ permalink and the blocks that hold sentences.
    for host in [paragraph, *paragraph.find_all(HOLDERS)]:
        for child in host.children:
            if isinstance(child, NavigableString) and child.strip():
                out.append(f"#{paragraph['id']}: text outside every sentence: «{child.strip()[:60]}»")
            elif isinstance(child, Tag) and child.name not in ("span", *HOLDERS) and "headerlink" not in child.get("class", []):
                out.append(f"#{paragraph['id']}: <{child.name}> outside every sentence")
    return out


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", SENTENCE_PAGES)
def test_every_sentence_has_its_id(pages, lang, page):
    found = [problem for paragraph in paragraphs(pages[lang][page]) for problem in problems(paragraph, lang)]
    assert not found, f"{md_name(lang, page)}:\n" + "\n".join(found)


@pytest.mark.parametrize("page", SENTENCE_PAGES)
def test_each_sentence_has_one_counterpart(pages, page):
    ids = {lang: [span["id"] for span in spans(pages[lang][page])] for lang in LANGS}
    for lang in LANGS:
        for other in OTHER[lang]:
            assert ids[lang] == ids[other], (
                f"{md_name(lang, page)} and {md_name(other, page)} have different sentence ids: only in {lang}: "
                f"{sorted(set(ids[lang]) - set(ids[other]))}, only in {other}: {sorted(set(ids[other]) - set(ids[lang]))}"
            )


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", SENTENCE_PAGES)
def test_sentences_json_and_the_head_name_the_counterparts(site, pages, lang, page):
    soup = pages[lang][page]
    path = html_path(site, lang, page).parent / "sentences.json"
    assert path.is_file(), f"{md_name(lang, page)}: no {path.relative_to(site)} beside the page"
    assert json.loads(path.read_text(encoding="utf-8")) == {span["id"]: text(span) for span in spans(soup)}
    meta = soup.select_one('meta[name="edition-sentences"]')
    assert meta is not None and meta.get("content"), f"{md_name(lang, page)}: no <meta name=edition-sentences> with content"
    [other] = OTHER[lang]
    base = "http://site/" + url(lang, page)
    assert meta["data-lang"] == other
    assert urljoin(base, meta["data-page"]) == "http://site/" + url(other, page)
    assert urljoin(base, meta["content"]) == "http://site/" + url(other, page) + "sentences.json"
    labels = data("labels")
    for attribute, key in (("data-show", "sentence_show"), ("data-title", "sentence_title"), ("data-open", "sentence_open"),
                           ("data-close", "sentence_close"), ("data-failed", "sentence_failed"), ("data-keys", "sentence_keys")):
        assert meta.get(attribute) == labels[key][lang], f"{md_name(lang, page)}: {attribute} is not data/labels.yaml {key}.{lang}"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", EDITION_PAGES)
def test_the_editions_own_pages_have_no_sentence_ids(site, pages, lang, page):
    assert not spans(pages[lang][page]), f"{md_name(lang, page)}: an edition's page got sentence ids"
    assert not (html_path(site, lang, page).parent / "sentences.json").exists()


def test_the_check_catches_broken_sentences():
    """The check is not vacuous: text left between two spans, a skipped number and a sentence
    the segmenter would cut in two are each found."""
    soup = BeautifulSoup('<p id="s-p1"><span class="edition-s" id="s-p1-s1">A. B.</span> lost <span class="edition-s" '
                         'id="s-p1-s3">C.</span></p>', "html.parser")
    found = problems(soup.p, "en")
    assert any("text outside every sentence: «lost»" in p for p in found)
    assert any("expected ['s-p1-s1', 's-p1-s2']" in p for p in found)
    assert any("not the segmenter's sentences" in p for p in found)
