"""Rule: each title page shows every language's abstract and keywords, each marked with
its lang: its own under its heading, the others' in a section with their lang — the
other languages' abstracts word for word as on their own title pages. The extra texts
are no top-level paragraphs, so paragraph numbering stays the same in both languages."""

import pytest

from edition_site import LANGS, OTHER, data, md_name, paragraphs, text


def keywords_line(lang):
    return f"{data('labels')['keywords'][lang]}: " + "; ".join(data("article")["keywords"][lang])


@pytest.mark.parametrize("lang", LANGS)
def test_title_page_shows_every_abstract_and_keywords(pages, lang):
    soup = pages[lang]["index"]
    own = soup.select_one("article .edition-keywords")
    assert own is not None and text(own) == keywords_line(lang), f"{md_name(lang, 'index')}: own keywords {text(own) if own else None!r}"
    assert own.find_parent(lang=True)["lang"] == lang
    for other in OTHER[lang]:
        marked = soup.select(f"article .edition-abstract-other [lang='{other}']")
        assert len(marked) == 1, f"{md_name(lang, 'index')}: no section marked lang='{other}' with the {other} abstract"
        section = marked[0]
        theirs = [text(p) for p in paragraphs(pages[other]["index"]) if p["id"].startswith("abstract-p")]
        shown = [text(p) for p in section.find_all("p") if "edition-keywords" not in p.get("class", [])]
        assert shown == theirs, f"{md_name(lang, 'index')}: the {other} abstract differs from {md_name(other, 'index')}"
        assert text(section.select_one(".edition-keywords")) == keywords_line(other)


@pytest.mark.parametrize("lang", LANGS)
def test_added_texts_are_not_numbered_paragraphs(pages, lang):
    for block in pages[lang]["index"].select("article .edition-abstract-other, article .edition-keywords"):
        assert block.name not in ("p", "ul", "ol", "blockquote") or block.parent.name != "article", (
            f"{md_name(lang, 'index')}: <{block.name} class={block.get('class')}> is a top-level paragraph; "
            "wrap it, so that it takes no paragraph id"
        )
        assert block.find(id=lambda i: i and i.startswith("abstract-p")) is None and not block.get("id", "").startswith("abstract-p")
