"""Rule: a reader of a language's site meets only that language, outside passages marked
with another `lang` (deliberate quotations, the other language's name in the switcher)."""

import re

import pytest

from edition_site import DEFAULT, LANGS, PAGES, md_name

CYRILLIC = re.compile(r"[\u0400-\u04FF]")
# What may not appear outside a lang-marked element, per language of the page.
FOREIGN = {lang: CYRILLIC for lang in LANGS if lang != DEFAULT}


@pytest.mark.parametrize("lang", list(FOREIGN))
@pytest.mark.parametrize("page", PAGES)
def test_no_foreign_text_outside_marked_passages(pages, lang, page):
    soup = pages[lang][page]
    assert soup.html.get("lang") == lang
    problems = []
    for string in soup.find_all(string=FOREIGN[lang]):
        holder = string.parent
        if holder.name in ("script", "style"):
            continue
        marked = holder.find_parent(lambda tag: tag.has_attr("lang") and tag["lang"] != lang) or (
            holder.has_attr("lang") and holder["lang"] != lang)
        if not marked:
            problems.append(f"<{holder.name} {dict(holder.attrs)}>: «{string.strip()[:80]}»")
    for attr_holder in soup.find_all(True):
        for name in ("title", "alt", "aria-label", "content", "placeholder"):
            value = attr_holder.get(name)
            if isinstance(value, str) and FOREIGN[lang].search(value) and not attr_holder.find_parent(lang=True, recursive=True):
                problems.append(f"<{attr_holder.name} {name}=«{value[:80]}»>")
    assert not problems, (
        f"{md_name(lang, page)}: text in another language on the '{lang}' site, not marked with its lang "
        "(translate it, or mark a deliberate quotation with lang):\n" + "\n".join(problems)
    )


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", PAGES)
def test_page_declares_its_language(pages, lang, page):
    assert pages[lang][page].html.get("lang") == lang, f"{md_name(lang, page)}: <html lang> is not '{lang}'"
