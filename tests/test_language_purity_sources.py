"""Rule: when foreign text is found on a language's site (tests/test_language_purity.py), the
failure says where on the page it stands and which file holds it — so that a contributor who
removed a nav translation is sent to mkdocs.yml, not to docs/en/*.md.

Each case puts a Russian word into one place of a built English page (a copy) and reads
the failure."""

import copy

import pytest
from bs4 import NavigableString

import test_language_purity as purity
from edition_site import config

LANG = next(iter(purity.FOREIGN))
PAGE = "references"
SECTION = next(title for entry in config()["nav"] if isinstance(entry, dict) for title in entry)
I18N = next(plugin["i18n"] for plugin in config()["plugins"] if isinstance(plugin, dict) and "i18n" in plugin)
TRANSLATED = next(lang for lang in I18N["languages"] if lang["locale"] == LANG)["nav_translations"][SECTION]


def failure(pages, select, text=None, attribute=None) -> str:
    soup = copy.copy(pages[LANG][PAGE])
    element = select(soup)
    assert element is not None, "the built page lacks the element this case changes"
    if attribute:
        element[attribute] = text
    else:
        element.clear()
        element.append(NavigableString(text))
    with pytest.raises(AssertionError) as caught:
        purity.check(soup, LANG, f"docs/{LANG}/{PAGE}.md", PAGE)
    return str(caught.value)


def test_a_nav_section_title_points_at_nav_translations(pages):
    message = failure(pages, lambda s: next(span for span in s.select(".md-sidebar--primary .md-ellipsis")
                                            if span.get_text(strip=True) == TRANSLATED), SECTION)
    assert f"«{SECTION}»" in message
    assert f"from nav: mkdocs.yml plugins.i18n.languages[{LANG}].nav_translations: «{SECTION}» is a title of mkdocs.yml's nav" in message


def test_page_content_points_at_the_markdown(pages):
    message = failure(pages, lambda s: s.select_one("article.md-content__inner > p"), "Текст")
    assert f"from page content: docs/{LANG}/{PAGE}.md, data/references.yaml with overrides/edition/references.html" in message


def test_the_footer_points_at_the_neighbouring_pages(pages):
    message = failure(pages, lambda s: s.select_one(".md-footer__link--prev .md-ellipsis"), "Заключение")
    assert f"from footer: the previous/next page's first heading in docs/{LANG}/" in message


def test_the_header_and_an_attribute(pages):
    message = failure(pages, lambda s: s.select_one(".edition-search input"), "Поиск", attribute="placeholder")
    assert "<input placeholder=«Поиск»>" in message
    assert "from header: the search dialog: overrides/partials/search-pagefind.html with data/labels.yaml" in message
