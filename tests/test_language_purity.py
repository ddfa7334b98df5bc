"""Rule: a reader of a language's site meets only that language, outside passages marked
with another `lang` (deliberate quotations, the other language's name in the switcher,
the other language's column of a parallel page)."""

import re

import pytest

from edition_site import DEFAULT, LANGS, PAGES, md_name, parallel_url, parse

CYRILLIC = re.compile(r"[\u0400-\u04FF]")
# What may not appear outside a lang-marked element, per language of the page.
FOREIGN = {lang: CYRILLIC for lang in LANGS if lang != DEFAULT}


@pytest.mark.parametrize("lang", list(FOREIGN))
@pytest.mark.parametrize("page", PAGES)
def test_no_foreign_text_outside_marked_passages(pages, lang, page):
    check(pages[lang][page], lang, md_name(lang, page))


@pytest.mark.parametrize("lang", list(FOREIGN))
@pytest.mark.parametrize("page", PAGES)
def test_no_foreign_text_on_parallel_pages_outside_marked_columns(site, lang, page):
    check(parse(site / parallel_url(lang, page) / "index.html"), lang, f"/{parallel_url(lang, page)}")


def declared(tag):
    """The language an element is in: its own lang, else its nearest ancestor's."""
    holder = tag if tag.has_attr("lang") else tag.find_parent(lambda t: t.has_attr("lang"))
    return holder["lang"] if holder else None


def check(soup, lang, where):
    assert soup.html.get("lang") == lang
    problems = []
    for string in soup.find_all(string=FOREIGN[lang]):
        holder = string.parent
        if holder.name in ("script", "style"):
            continue
        if declared(holder) == lang:
            problems.append(f"<{holder.name} {dict(holder.attrs)}>: «{string.strip()[:80]}»")
    for attr_holder in soup.find_all(True):
        for name in ("title", "alt", "aria-label", "content", "placeholder"):
            value = attr_holder.get(name)
            if isinstance(value, str) and FOREIGN[lang].search(value) and declared(attr_holder) == lang:
                problems.append(f"<{attr_holder.name} {name}=«{value[:80]}»>")
    assert not problems, (
        f"{where}: text in another language on the '{lang}' site, not marked with its lang "
        "(translate it, or mark a deliberate quotation with lang):\n" + "\n".join(problems)
    )


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", PAGES)
def test_page_declares_its_language(pages, lang, page):
    assert pages[lang][page].html.get("lang") == lang, f"{md_name(lang, page)}: <html lang> is not '{lang}'"
