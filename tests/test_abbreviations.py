"""Rule: every abbreviation of the glossary (data/glossary.yaml, `abbr`) that a paragraph
uses is explained on hover — <abbr title="…"> — in the language of the page."""

import re

import pytest

from edition_site import DEFAULT, LANGS, PAGES, data, md_name, paragraphs

CYRILLIC = re.compile(r"[\u0400-\u04FF]")
ABBREVIATIONS = {lang: {t["abbr"][lang]["text"]: t["abbr"][lang]["title"] for t in data("glossary")["terms"] if "abbr" in t}
                 for lang in LANGS}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", PAGES)
def test_abbreviations_are_explained_in_the_page_language(pages, lang, page):
    problems = []
    for paragraph in paragraphs(pages[lang][page]):
        for short in ABBREVIATIONS[lang]:
            for string in paragraph.find_all(string=re.compile(rf"(?<!\w){re.escape(short)}(?!\w)")):
                # (an earlier version's wording, quoted by a revision marker, is not the text)
                if string.parent.name != "abbr" and not string.find_parent(class_="edition-revision"):
                    problems.append(f"#{paragraph['id']}: «{short}» without <abbr>")
        for abbr in paragraph.find_all("abbr"):
            expected = ABBREVIATIONS[lang].get(abbr.get_text())
            if abbr.get("title") != expected:
                problems.append(f"#{paragraph['id']}: <abbr>{abbr.get_text()}</abbr> has title {abbr.get('title')!r}, "
                                f"expected {expected!r}")
    assert not problems, f"{md_name(lang, page)} (definitions: data/glossary.yaml, hooks/text/abbreviations.py):\n" + "\n".join(problems)


def test_titles_are_in_their_language():
    for lang, titles in ABBREVIATIONS.items():
        for short, title in titles.items():
            assert bool(CYRILLIC.search(title)) == (lang == DEFAULT), (
                f"data/glossary.yaml: the {lang} title of «{short}» is «{title}»: write it in that language")


def test_the_site_uses_the_abbreviations(pages):
    used = {lang: {a.get_text() for page in PAGES for a in pages[lang][page].select("article abbr")} for lang in LANGS}
    for lang in LANGS:
        assert used[lang] == set(ABBREVIATIONS[lang]), (
            f"abbreviations with a definition but not on the {lang} site, or the reverse: "
            f"{sorted(set(ABBREVIATIONS[lang]) ^ used[lang])} (data/glossary.yaml)")
