"""Rule: the paragraphs, lists and tables of a chapter carry the same ids in every
language, so a link to a passage (and the language switch, and the parallel view) lands
on the same passage in either edition."""

import pytest
from bs4 import BeautifulSoup

from edition_site import LANGS, PAGES, md_name, passages


def id_differences(soups: dict) -> list[str]:
    """For each language, the passage ids the other languages have and it lacks."""
    ids = {lang: [el.get("id") for el in passages(soup)] for lang, soup in soups.items()}
    problems = []
    for lang, own in ids.items():
        if None in own:
            problems.append(f"{lang}: {own.count(None)} passage(s) without an id")
        for other, theirs in ids.items():
            missing = [i for i in theirs if i not in own]
            if other != lang and missing:
                problems.append(f"{lang} lacks {missing}, which {other} has")
    return problems


@pytest.mark.parametrize("page", PAGES)
def test_passage_ids_are_the_same_in_every_language(pages, page):
    problems = id_differences({lang: pages[lang][page] for lang in LANGS})
    assert not problems, (
        f"{page}: the passages differ between " + ", ".join(md_name(lang, page) for lang in LANGS)
        + " — " + "; ".join(problems) + ". Keep one paragraph, list and table for each in the same order."
    )


def test_the_check_catches_a_missing_table():
    """The comparison is not vacuous: an EN page that lost its table differs from RU."""
    article = '<article class="md-content__inner"><h1 id="s">T</h1><p id="s-p1">a</p>{}</article>'
    ru = BeautifulSoup(article.format('<figure id="table-x"></figure><ul id="s-p2"><li>b</li></ul>'), "lxml")
    en = BeautifulSoup(article.format('<ul id="s-p2"><li>b</li></ul>'), "lxml")
    assert id_differences({"ru": ru, "en": en}) == ["en lacks ['table-x'], which ru has"]
