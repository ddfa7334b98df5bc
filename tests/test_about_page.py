"""Rule: the about page says, in each language, what the edition is, which text is
authoritative, how to report an error (a link to the repository's issues when the build
knows the repository) and the rights, as data/rights.yaml states them: who holds the rights
to the article and its translation, and which license covers which of the edition's own
material, each linked."""

import pytest

from edition_site import LANGS, build, copy_project, data, md_name, parse, text, url

SECTIONS = ["about", "source", "authoritative-text", "apparatus", "report", "license"]


@pytest.mark.parametrize("lang", LANGS)
def test_about_page_has_its_sections(pages, lang):
    about = pages[lang]["about"]
    ids = [h["id"] for h in about.select("article > h1[id], article > h2[id]")]
    assert ids == SECTIONS, f"{md_name(lang, 'about')}: sections {ids}"
    assert about.select_one("#report + .edition-contact p") is not None
    rights = data("rights")
    block = about.select_one("#license + .edition-rights")
    assert block is not None, f"{md_name(lang, 'about')}: no rights (<!-- rights: rights -->) under #license"
    assert text(block.select_one(".edition-rights__article")) == rights["article"]["statement"][lang]
    items = block.select(".edition-rights__edition li")
    assert len(items) == len(rights["edition"]["licenses"])
    for item, license in zip(items, rights["edition"]["licenses"]):
        assert item.a["href"] == license["url"] and license["covers"][lang] in text(item), f"{md_name(lang, 'about')}: license {license['id']}"
    assert text(block.select_one(".edition-rights__excluded")) == rights["edition"]["excluded"][lang]


@pytest.mark.slow  # works on a copy of the project: make test, not make check
def test_report_link_points_at_the_repository_issues(tmp_path):
    project = copy_project(tmp_path / "project")
    result = build(project / "site", project, REPO_URL="https://github.com/example/edition")
    assert result.returncode == 0, result.stdout + result.stderr
    for lang in LANGS:
        link = parse(project / "site" / url(lang, "about") / "index.html").select_one(".edition-contact a")
        assert link is not None and link["href"] == "https://github.com/example/edition/issues"
