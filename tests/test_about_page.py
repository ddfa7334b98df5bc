"""Rule: the about page says, in each language, what the edition is, which text is
authoritative, how to report an error (a link to the repository's issues when the build
knows the repository) and the licence of the edition's own material."""

import pytest

from edition_site import LANGS, build, copy_project, md_name, parse, url

SECTIONS = ["about", "source", "authoritative-text", "apparatus", "report", "licence"]


@pytest.mark.parametrize("lang", LANGS)
def test_about_page_has_its_sections(pages, lang):
    about = pages[lang]["about"]
    ids = [h["id"] for h in about.select("article > h1[id], article > h2[id]")]
    assert ids == SECTIONS, f"{md_name(lang, 'about')}: sections {ids}"
    assert about.select_one("#report + .edition-contact p") is not None
    assert about.select_one("#licence-p1 a[href^='https://creativecommons.org/licenses/by/4.0/']") is not None


def test_report_link_points_at_the_repository_issues(tmp_path):
    project = copy_project(tmp_path / "project")
    result = build(project / "site", project, REPO_URL="https://github.com/example/edition")
    assert result.returncode == 0, result.stdout + result.stderr
    for lang in LANGS:
        link = parse(project / "site" / url(lang, "about") / "index.html").select_one(".edition-contact a")
        assert link is not None and link["href"] == "https://github.com/example/edition/issues"
