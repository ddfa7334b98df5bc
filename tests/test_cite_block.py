"""Rule: every page ends with "cite this edition": the reference to that language's
edition formatted from data/article.yaml — ГОСТ Р 7.0.5–2008 on the Russian site, APA 7 on
the English one; with no author known, both begin with the title, and once authors are
known they head the entry as each style arranges them — a copy button that copies exactly
that reference, and the rights statements of data/rights.yaml."""

import datetime

import pytest
import yaml

from edition_site import LANGS, PAGES, _i18n, build, copy_project, data, edit, md_name, parse, site_url, url

AUTHORS = [  # for the case with authors (the real ones are unknown)
    {"family": {"ru": "Иванов", "en": "Ivanov"}, "initials": {"ru": "И. И.", "en": "I. I."}},
    {"family": {"ru": "Петров", "en": "Petrov"}, "initials": {"ru": "П. П.", "en": "P. P."}},
]


def plain(element) -> str:
    """The text as a reader copies it: inline elements joined without extra spaces."""
    return " ".join(element.get_text().split())


def expected_reference(lang: str, article: dict, base: str) -> str:
    """The reference as the official CSL styles render the edition's citation files (a web page of
    the edition's website; tests/test_citation_render.py renders them): ГОСТ Р 7.0.5–2008
    (gost-r-7-0-5-2008) and APA 7 (apa)."""
    title = article["title"][lang]
    day = datetime.date.fromisoformat(article["edition_date"])
    address = base + url(lang, "index")
    authors = [(a["family"][lang], a["initials"][lang]) for a in article["authors"]]
    if lang == "ru":  # ГОСТ Р 7.0.5–2008, an online resource: the authors head it (four or more: the first, и др.)
        names = ", ".join(f"{f} {i}" for f, i in authors[:3]) if len(authors) <= 3 else f"{authors[0][0]} {authors[0][1]} и др."
        head = (names if names.endswith(".") else names + ".") + " " if authors else ""
        return f"{head}{title} [Электронный ресурс]. URL: {address} (дата обращения: {day:%d.%m.%Y})."
    site_name = next(entry["site_name"] for entry in _i18n()["languages"] if entry["locale"] == lang)
    date = f"({day.year}, {day:%B} {day.day})"
    original = article["original_language"]
    translation = f" ({article['translator'][lang]}, Trans.)" if lang != original else ""
    source = f" (Original work published as {article['title'][original]})" if lang != original else ""
    if not authors:  # APA 7, a web page with no author: the title (italic) moves to the author's place
        return f"{title}{translation}. {date}. {site_name}. {address}{source}"
    names = [f"{f}, {i}" for f, i in authors]
    names = names[0] if len(names) == 1 else ", ".join(names[:-1]) + ", & " + names[-1]
    return f"{names} {date}. {title}{translation}. {site_name}. {address}{source}"


def check_cite_block(soup, lang: str, page: str, article: dict, base: str):
    blocks = soup.select("article .edition-cite")
    assert len(blocks) == 1, f"{md_name(lang, page)}: {len(blocks)} cite blocks, expected one"
    block = blocks[0]
    assert plain(block.find("h2")) == data("labels")["cite_heading"][lang]
    reference = block.select_one(".edition-cite__reference")
    assert plain(reference) == expected_reference(lang, article, base), f"{md_name(lang, page)}: the reference is {plain(reference)!r}"
    if not article["authors"]:
        assert plain(reference).startswith(article["title"][lang]), "with no author, the reference begins with the title"
    if lang == "en":
        assert plain(reference.find("i")) == article["title"][lang], "APA sets the title of a web page in italics"
    button = block.select_one("button[data-clipboard-target]")
    assert button is not None and button["data-clipboard-target"] == f"#{reference['id']}", (
        f"{md_name(lang, page)}: the copy button must copy the reference (data-clipboard-target=#{reference.get('id')})"
    )
    rights = data("rights")
    assert rights["article"]["statement"][lang] in plain(block)
    assert rights["edition"]["statement"][lang] in plain(block)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", PAGES)
def test_every_page_can_be_cited(pages, lang, page):
    check_cite_block(pages[lang][page], lang, page, data("article"), site_url())


@pytest.mark.slow  # works on a copy of the project: make test, not make check
def test_known_authors_head_the_references(tmp_path):
    project = copy_project(tmp_path / "project")
    path = project / "data" / "article.yaml"
    article = yaml.safe_load(path.read_text(encoding="utf-8"))
    authors = yaml.safe_dump(AUTHORS, allow_unicode=True, default_flow_style=True).strip()
    edit(path, "authors: []", "authors: " + authors)
    article["authors"] = AUTHORS
    result = build(project / "site", project)
    assert result.returncode == 0, result.stdout + result.stderr
    for lang in LANGS:
        check_cite_block(parse(project / "site" / url(lang, "index") / "index.html"), lang, "index", article, site_url())
