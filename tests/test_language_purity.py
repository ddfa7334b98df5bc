"""Rule: a reader of a language's site meets only that language, outside passages marked
with another `lang` (deliberate quotations, the other language's name in the switcher,
the other language's column of a parallel page).

A failure says where on the page the foreign text stands (page content, nav, table of
contents, header, footer, head) and which file holds it, e.g. for a nav section's title:
mkdocs.yml plugins.i18n.languages[en].nav_translations."""

import re

import pytest
import soupsieve

from edition_site import DEFAULT, LANGS, PAGES, config, md_name, md_path, parallel_url, parse

CYRILLIC = re.compile(r"[\u0400-\u04FF]")
# What may not appear outside a lang-marked element, per language of the page.
FOREIGN = {lang: CYRILLIC for lang in LANGS if lang != DEFAULT}
MARKER = re.compile(r"^[ \t]*<!--\s*(?P<kind>[a-z][a-z0-9-]*):\s*(?P<name>[a-z][a-z0-9-]*)\s*-->", re.MULTILINE)


@pytest.mark.parametrize("lang", list(FOREIGN))
@pytest.mark.parametrize("page", PAGES)
def test_no_foreign_text_outside_marked_passages(pages, lang, page):
    check(pages[lang][page], lang, md_name(lang, page), page)


@pytest.mark.parametrize("lang", list(FOREIGN))
@pytest.mark.parametrize("page", PAGES)
def test_no_foreign_text_on_parallel_pages_outside_marked_columns(site, lang, page):
    check(parse(site / parallel_url(lang, page) / "index.html"), lang, f"/{parallel_url(lang, page)}", page)


def declared(tag):
    """The language an element is in: its own lang, else its nearest ancestor's."""
    holder = tag if tag.has_attr("lang") else tag.find_parent(lambda t: t.has_attr("lang"))
    return holder["lang"] if holder else None


def nav_titles(entries=None) -> set[str]:
    """The titles mkdocs.yml's nav spells out (sections, explicit page titles)."""
    found = set()
    for entry in config()["nav"] if entries is None else entries:
        if isinstance(entry, dict):
            for title, value in entry.items():
                found.add(title)
                found |= nav_titles(value) if isinstance(value, list) else set()
    return found


def language_key(lang: str) -> str:
    return f"mkdocs.yml plugins.i18n.languages[{lang}]"


def _markers(lang: str, page: str) -> str:
    path = md_path(lang, page)
    found = sorted({(m["name"], m["kind"]) for m in MARKER.finditer(path.read_text(encoding="utf-8"))}) if path.is_file() else []
    return "".join(f", data/{name}.yaml with overrides/edition/{kind}.html" for name, kind in found)


def source(tag, text: str, lang: str, page: str) -> str:
    """Where on the page a foreign text stands, and which file holds it."""
    text = " ".join(text.split())
    key = language_key(lang)
    regions = [
        ("head", "head", f"the page's <head>: its title (docs/{lang}/{page}.md's first heading), {key}.site_name or site_description, "
                         "data/article.yaml, overrides/main.html and overrides/partials/edition/head.html"),
        ("article.md-content__inner", "page content", f"{md_name(lang, page)}{_markers(lang, page)}, "
                                                      "or a fragment of overrides/edition/fragments/ with data/labels.yaml"),
        (".md-sidebar--secondary", "table of contents", f"the headings of {md_name(lang, page)}"),
        (".md-sidebar--primary", "nav", f"a page's first heading in docs/{lang}/, or a title in {key}.nav_translations"),
        ("form[data-md-component=palette]", "header", f"the palette toggle's name: {key}.theme.palette"),
        (".edition-search", "header", "the search dialog: overrides/partials/search-pagefind.html with data/labels.yaml"),
        ("header.md-header", "header", f"{key} (site_name; Material's own words follow the language's locale) or overrides/partials/"),
        ("footer.md-footer", "footer", f"the previous/next page's first heading in docs/{lang}/, {key}.copyright, or overrides/partials/"),
    ]
    around = [t for t in (tag, *tag.parents) if t.name and t.name != "[document]"]
    region, holder = next(((region, holder) for selector, region, holder in regions if any(soupsieve.match(selector, t) for t in around)),
                          ("the page's frame", f"overrides/main.html or overrides/partials/ (Material's words: the locale of {key})"))
    if region != "page content" and text in nav_titles():
        holder = f"{key}.nav_translations: «{text}» is a title of mkdocs.yml's nav; add its translation there"
    elif region != "page content" and text == config()["site_name"]:
        holder = f"{key}.site_name: the site's name"
    return f"{region}: {holder}"


def check(soup, lang, where, page):
    assert soup.html.get("lang") == lang
    problems = []
    for string in soup.find_all(string=FOREIGN[lang]):
        holder = string.parent
        if holder.name in ("script", "style"):
            continue
        if declared(holder) == lang:
            problems.append(f"«{string.strip()[:80]}» in <{holder.name} {dict(holder.attrs)}>\n      from {source(holder, string, lang, page)}")
    for attr_holder in soup.find_all(True):
        for name in ("title", "alt", "aria-label", "content", "placeholder"):
            value = attr_holder.get(name)
            if isinstance(value, str) and FOREIGN[lang].search(value) and declared(attr_holder) == lang:
                problems.append(f"<{attr_holder.name} {name}=«{value[:80]}»>\n      from {source(attr_holder, value, lang, page)}")
    assert not problems, (
        f"{where} (as built): text in another language on the '{lang}' site, not marked with its lang "
        "(translate it in the file named, or mark a deliberate quotation with lang):\n  " + "\n  ".join(problems)
    )


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", PAGES)
def test_page_declares_its_language(pages, lang, page):
    assert pages[lang][page].html.get("lang") == lang, f"{md_name(lang, page)}: <html lang> is not '{lang}'"
