"""Rule: every paragraph, list and table of the article has a visible permalink to its
own id (Material's ¶, shown on hover and focus), labelled in the page's language; the
permalink is not part of the text (edition_site.text() leaves it out)."""

import pytest

from edition_site import LANGS, PAGES, data, md_name, passages, text


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", PAGES)
def test_every_passage_links_to_itself(pages, lang, page):
    label = data("labels")["permalink"][lang]
    problems = []
    for element in passages(pages[lang][page]):
        links = element.select(f'a.headerlink.edition-permalink[href="#{element.get("id")}"]')
        if len(links) != 1 or links[0].get("aria-label") != label:
            problems.append(f"<{element.name} id={element.get('id')}>: {len(links)} permalink(s) {[str(a) for a in links]}")
        if "¶" in text(element):
            problems.append(f"<{element.name} id={element.get('id')}>: the ¶ counts as text")
    assert not problems, f"{md_name(lang, page)}: passages without their one labelled permalink " \
        "(is hooks/text/paragraph_ids.py active?):\n" + "\n".join(problems)
