"""Rule: every citation [N] in the author's text links to entry N of the references page of
its language, with a preview; every entry is cited and links back to each citing paragraph.
A citation without an entry stops the build; an entry never cited fails here."""

import re
from urllib.parse import urljoin

import pytest

import drift
from edition import article_text
from edition_site import ARTICLE_PAGES, LANGS, build, copy_project, data, edit, html_path, md_name, paragraphs, parse, url

BASE = "http://site.test/"


def citations(pages, lang):
    """(page, paragraph id, link) for every citation link in the author's text."""
    return [(page, p["id"], a) for page in ARTICLE_PAGES for p in paragraphs(pages[lang][page]) for a in p.select("a.citation")]


@pytest.mark.parametrize("lang", LANGS)
def test_every_bracketed_number_is_a_link(pages, lang):
    for page in ARTICLE_PAGES:
        for p in paragraphs(pages[lang][page]):
            # (an earlier version's wording, quoted by a revision marker, is not the text)
            plain = [s for s in p.find_all(string=re.compile(r"\[\d+\]")) if not s.find_parent("a") and not s.find_parent(class_="edition-revision")]
            assert not plain, f"{md_name(lang, page)} #{p['id']}: citation(s) {plain} not linked to the references"


@pytest.mark.parametrize("lang", LANGS)
def test_citations_link_to_their_entries_with_a_preview(pages, lang):
    entries = {entry["number"] for entry in data("references")}
    found = citations(pages, lang)
    assert found, f"no citations found on the '{lang}' site"
    for page, paragraph, link in found:
        number = int(link.get_text().strip("[]"))
        assert number in entries
        target = urljoin(BASE + url(lang, page), link["href"])
        assert target == BASE + url(lang, "references") + f"#ref-{number}", f"{md_name(lang, page)} #{paragraph}: [{number}] links to {target}"
        assert link.get("title", "").startswith(f"[{number}] ") and len(link["title"]) > 10, "the citation has no preview"
        assert pages[lang]["references"].find(id=f"ref-{number}") is not None


def entry_problems(pages, lang) -> list[str]:
    """Entries never cited, or whose links back differ from the citations in the text."""
    problems = []
    cited = {(int(a.get_text().strip("[]")), page, paragraph) for page, paragraph, a in citations(pages, lang)}
    for entry in data("references"):
        item = pages[lang]["references"].find(id=f"ref-{entry['number']}")
        back = {urljoin(BASE + url(lang, "references"), a["href"]) for a in item.select(".edition-ref__backlinks a")}
        expected = {BASE + url(lang, page) + f"#{paragraph}" for number, page, paragraph in cited if number == entry["number"]}
        if not expected:
            problems.append(f"data/references.yaml: entry {entry['number']} is never cited on the '{lang}' site; cite it as [N] or remove it")
        elif back != expected:
            problems.append(f"{md_name(lang, 'references')}: entry {entry['number']} links back to {back}, expected {expected}")
    return problems


@pytest.mark.parametrize("lang", LANGS)
def test_every_entry_is_cited_and_links_back(pages, lang):
    problems = entry_problems(pages, lang)
    assert not problems, "\n".join(problems)


def test_the_same_citations_in_every_language(pages):
    def numbers(lang):
        return [(paragraph, a.get_text()) for _, paragraph, a in citations(pages, lang)]

    for lang in LANGS[1:]:
        assert numbers(lang) == numbers(LANGS[0]), "citations differ between the languages (paragraph, number)"


@pytest.fixture
def project(tmp_path):
    return copy_project(tmp_path / "project")


@pytest.mark.slow  # works on a copy of the project: make test, not make check
def test_a_citation_without_entry_stops_the_build(project):
    # Anchored on the citation, not on the words around it: the first English paragraph citing [2].
    cites = next(p for page in ARTICLE_PAGES for p in article_text.paragraphs("en", page, project / "docs") if "[2]" in p.markdown)
    drift.edit(project / "docs", cites, "[2]", "[7]")
    result = build(project / "site", project)
    assert result.returncode != 0
    assert f"{cites.file}, paragraph #{cites.id}: citation [7] has no entry" in result.stderr + result.stdout


@pytest.mark.slow  # works on a copy of the project: make test, not make check
def test_an_entry_never_cited_is_caught(project):
    edit(project / "docs" / "en" / "policy-coordination.md", " [3]", "", count=-1)  # every citation of entry 3 on the English site
    result = build(project / "site", project)
    assert result.returncode == 0, result.stdout + result.stderr
    broken = {lang: {name: parse(html_path(project / "site", lang, name)) for name in ARTICLE_PAGES + ["references"]} for lang in LANGS}
    assert entry_problems(broken, "en") == ["data/references.yaml: entry 3 is never cited on the 'en' site; cite it as [N] or remove it"]
    assert entry_problems(broken, "ru") == []
