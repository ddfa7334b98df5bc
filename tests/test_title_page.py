"""Rule: each title page shows the edition's working title from data/article.yaml, says
that it is a working title, and uses it as the page's <title>; authors stay unnamed
while unknown (no placeholder)."""

import pytest

from edition_site import LANGS, data, md_name, text


@pytest.mark.parametrize("lang", LANGS)
def test_working_title_is_shown_and_labelled(pages, lang):
    article = data("article")
    soup = pages[lang]["index"]
    assert text(soup.select_one("h1#title")) == article["title"][lang]
    assert text(soup.select_one(".edition-title__note")) == article["title_note"][lang]
    assert soup.title.get_text().startswith(article["title"][lang]), f"{md_name(lang, 'index')}: <title> is {soup.title.get_text()!r}"


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_title_is_its_heading(pages, lang):
    for page, soup in pages[lang].items():
        heading = text(soup.select_one("article h1"))
        assert soup.title.get_text().startswith(heading), f"{md_name(lang, page)}: <title> {soup.title.get_text()!r} does not start with its heading {heading!r}"


def test_no_author_placeholder(pages):
    for lang in LANGS:
        for page, soup in pages[lang].items():
            body = soup.get_text(" ").lower()
            for placeholder in ("unknown author", "автор неизвестен", "anonymous", "n/a"):
                assert placeholder not in body, f"{md_name(lang, page)}: placeholder {placeholder!r}"
