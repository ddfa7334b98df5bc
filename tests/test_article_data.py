"""Rule: the article's metadata (data/article.yaml) is checked like every data file, and
where it points into the text (the abstract) the text must be there: a wrong pointer or
a malformed date stops the build with the file, the field and what to do."""

import pytest

from edition import datafiles
from edition_site import DATA, build, copy_project, edited

ARTICLE = (DATA / "article.yaml").read_text(encoding="utf-8")


def test_a_malformed_edition_date_is_refused(tmp_path):
    path = tmp_path / "article.yaml"
    path.write_text(edited(ARTICLE, 'edition_date: "', 'edition_date: "25.11.', where="data/article.yaml"), encoding="utf-8")
    with pytest.raises(datafiles.DataError, match=r"article\.yaml:\d+: edition_date: .*write a value of the expected form"):
        datafiles.check("article", path)


@pytest.mark.slow  # works on a copy of the project: make test, not make check
def test_an_abstract_pointer_that_finds_no_text_stops_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    path = project / "data" / "article.yaml"
    path.write_text(edited(ARTICLE, "  section: abstract\n", "  section: summary\n", where="data/article.yaml"), encoding="utf-8")
    result = build(project / "site", project)
    output = result.stdout + result.stderr
    assert result.returncode != 0, "the build went on with an abstract pointer that finds nothing"
    assert "data/article.yaml: abstract.section: docs/ru/index.md has no paragraphs under a heading {#summary}" in output, output
