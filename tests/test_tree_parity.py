"""Rule: the two language trees are mirrors — same pages, same heading ids in the same
order, the same number of paragraphs in every section, the same data markers."""

import re

import pytest

from edition_site import DOCS, LANGS, PAGES, PARAGRAPH_ID, article, md_name, md_path, paragraphs

MARKER = re.compile(r"^<!--\s*([a-z-]+:\s*[a-z0-9-]+)\s*-->\s*$", re.MULTILINE)


def test_every_page_exists_in_every_language():
    problems = []
    for lang in LANGS:
        present = {p.relative_to(DOCS / lang).as_posix() for p in (DOCS / lang).rglob("*.md")}
        for page in PAGES:
            if f"{page}.md" not in present:
                problems.append(f"{md_name(lang, page)} is missing: translate docs/{LANGS[0]}/{page}.md into it.")
        for extra in sorted(present - {f"{page}.md" for page in PAGES}):
            problems.append(f"docs/{lang}/{extra} is not in the nav of mkdocs.yml: add it there (and to every language) or remove it.")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("page", PAGES)
def test_same_heading_ids_in_same_order(pages, page):
    ids = {lang: [h["id"] for h in article(pages[lang][page]).find_all(re.compile("^h[1-6]$")) if h.get("id")] for lang in LANGS}
    first = LANGS[0]
    for lang in LANGS[1:]:
        assert ids[lang] == ids[first], (
            f"{md_name(lang, page)} has headings {ids[lang]}, {md_name(first, page)} has {ids[first]}: "
            "give each heading the same explicit id {#...} in both languages, in the same order."
        )


@pytest.mark.parametrize("page", PAGES)
def test_same_number_of_paragraphs_per_section(pages, page):
    def counts(lang):
        result = {}
        for element in paragraphs(pages[lang][page]):
            section = PARAGRAPH_ID.match(element["id"]).group("section")
            result[section] = result.get(section, 0) + 1
        return result

    first = LANGS[0]
    reference = counts(first)
    for lang in LANGS[1:]:
        other = counts(lang)
        for section in sorted(set(reference) | set(other)):
            a, b = reference.get(section, 0), other.get(section, 0)
            assert a == b, (
                f"section #{section}: {md_name(first, page)} has {a} paragraph(s), {md_name(lang, page)} has {b}. "
                f"Each {first} paragraph needs exactly one {lang} paragraph, in the same order "
                "(blank line between paragraphs)."
            )


@pytest.mark.parametrize("page", PAGES)
def test_same_markers(page):
    found = {lang: MARKER.findall(md_path(lang, page).read_text(encoding="utf-8")) for lang in LANGS}
    first = LANGS[0]
    for lang in LANGS[1:]:
        assert found[lang] == found[first], (
            f"{md_name(lang, page)} has data markers {found[lang]}, {md_name(first, page)} has {found[first]}: "
            "put the same <!-- KIND: NAME --> markers at the same places in both languages."
        )
