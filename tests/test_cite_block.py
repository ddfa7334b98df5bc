"""Rule: every page ends with "cite this edition": the reference to that language's
edition formatted from data/article.yaml — ГОСТ Р 7.0.5–2008 on the Russian site, APA 7 on
the English one; with no author known, both begin with the title — a copy button that
copies exactly that reference, and the licence statement."""

import datetime

import pytest

from edition_site import LANGS, PAGES, _i18n, data, md_name, site_url, text, url


def plain(element) -> str:
    """The text as a reader copies it: inline elements joined without extra spaces."""
    return " ".join(element.get_text().split())


def expected_reference(lang: str) -> str:
    """The reference as the style prescribes, for an edition with no known author."""
    article = data("article")
    title = article["title"][lang]
    day = datetime.date.fromisoformat(article["edition_date"])
    address = site_url() + url(lang, "index")
    if lang == "ru":  # ГОСТ Р 7.0.5–2008, an online resource described under its title
        return f"{title} [Электронный ресурс]. – {day.year}. – URL: {address} (дата обращения: {day:%d.%m.%Y})."
    site_name = next(entry["site_name"] for entry in _i18n()["languages"] if entry["locale"] == lang)
    # APA 7, a web page with no author: the title (italic) moves to the author's place.
    return f"{title}. ({day.year}, {day:%B} {day.day}). {site_name}. {address}"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", PAGES)
def test_every_page_can_be_cited(pages, lang, page):
    article = data("article")
    blocks = pages[lang][page].select("article .edition-cite")
    assert len(blocks) == 1, f"{md_name(lang, page)}: {len(blocks)} cite blocks, expected one"
    block = blocks[0]
    assert text(block.find("h2")) == data("labels")["cite_heading"][lang]
    reference = block.select_one(".edition-cite__reference")
    assert plain(reference) == expected_reference(lang), f"{md_name(lang, page)}: the reference is {plain(reference)!r}"
    if not article["authors"]:
        assert plain(reference).startswith(article["title"][lang]), "with no author, the reference begins with the title"
    if lang == "en":
        assert text(reference.find("i")) == article["title"][lang], "APA sets the title of a web page in italics"
    button = block.select_one("button[data-clipboard-target]")
    assert button is not None and button["data-clipboard-target"] == f"#{reference['id']}", (
        f"{md_name(lang, page)}: the copy button must copy the reference (data-clipboard-target=#{reference.get('id')})"
    )
    assert article["license"]["statement"][lang] in text(block)
