"""Contributor how-tos on the data: a mistake in a note, a map place or a table row stops the
build before any page is rendered, with one message naming the file, the line and what to do
(README "Comment on a claim", "Put a row on the map", "Table rows"; CONTRIBUTING "Comment on a
claim", "The table's rows"). Each test edits a copy of the project as the docs describe it."""

from __future__ import annotations

import pytest

from contributor import Project, one_line, proves
from edition import article_text


@pytest.fixture
def project(tmp_path):
    return Project.copy(tmp_path / "project")


def only_problem(built) -> str:
    """The build stopped, with exactly one problem, and wrote no page."""
    assert built.returncode != 0, built.output
    problems = [line.strip() for line in built.errors if line.startswith("  ")]
    assert len(problems) == 1, built.output
    return problems[0]


def row_places_line(project, row_id: str) -> int:
    """The line of the `places:` of a row, found in the file (the data may change)."""
    lines = project.text("data/infrastructure.yaml").splitlines()
    start = next(n for n, line in enumerate(lines) if line.strip() == f"- id: {row_id}")
    return next(n for n in range(start, len(lines)) if lines[n].strip() == "places:") + 1


def add_place(project, row_id: str, place: str) -> int:
    """Add a place as the first of a row's places; returns its line."""
    line = row_places_line(project, row_id)
    lines = project.text("data/infrastructure.yaml").split("\n")
    lines.insert(line, f"      - {place}")
    (project.root / "data/infrastructure.yaml").write_text("\n".join(lines), encoding="utf-8")
    return line + 1


@pytest.mark.slow  # works on a copy of the project: make test, not make check
@proves("README.md: Comment on a claim", "CONTRIBUTING.md: Comment on a claim")
def test_a_note_after_an_unknown_paragraph_names_its_line_and_the_likely_id(project):
    note = project.data("notes")[-1]
    section = note["after"].rpartition("-p")[0]
    last = [p.id for page in article_text.pages("ru", project.root / "docs")
            for p in article_text.paragraphs("ru", page, project.root / "docs") if p.section == section][-1]
    project.replace("data/notes.yaml", f"after: {note['after']}", f"after: {section}-p99")  # a paragraph past the section's end
    line = project.line_of("data/notes.yaml", f"after: {section}-p99")
    problem = only_problem(project.build())
    assert problem.startswith(f"data/notes.yaml:{line}: note '{note['id']}' follows paragraph `{section}-p99`, which no page"), problem
    assert f"Did you mean `{last}`?" in problem, problem


@pytest.mark.slow  # works on a copy of the project: make test, not make check
@proves("README.md: Put a row on the map", "CONTRIBUTING.md: The table's rows")
def test_a_place_moved_out_of_its_country_stops_the_build(project):
    """Minsk 10° south: the place's coordinates are written once (data/places.yaml), and the
    build checks them against the outline of the country the place is recorded in."""
    minsk = project.data("places")["places"]["minsk"]
    project.replace("data/places.yaml", f"minsk: {{lat: {minsk['lat']:.2f},", f"minsk: {{lat: {minsk['lat'] - 10:.2f},")
    line = project.line_of("data/places.yaml", "minsk:")
    problem = only_problem(project.build())
    assert problem.startswith(f"data/places.yaml:{line}: place 'minsk' (Minsk) at {minsk['lat'] - 10:.1f}, {minsk['lon']} "
                              "lies outside Belarus (BY), the country it is recorded in"), problem
    assert "check the coordinates" in problem, problem


@pytest.mark.slow  # works on a copy of the project: make test, not make check
@proves("README.md: Put a row on the map", "CONTRIBUTING.md: The table's rows")
def test_a_place_not_in_the_checked_list_stops_the_build(project):
    line = add_place(project, "rail-cn-kz", "{place: dry-port, marks: site}")
    problem = only_problem(project.build())
    assert problem.startswith(f"data/infrastructure.yaml:{line}: rows[7].places[0] (table row 8, id 'rail-cn-kz')"), problem
    assert "'dry-port' is not in the edition's checked list of places (data/places.yaml: astana," in problem, problem
    assert "add the place to data/places.yaml with that source first" in problem


@pytest.mark.slow  # works on a copy of the project: make test, not make check
@proves("README.md: Table rows", "CONTRIBUTING.md: The table's rows")
def test_a_data_mistake_in_a_row_names_the_file_line_and_field(project):
    line = project.line_of("data/infrastructure.yaml", "countries: [CN, KZ, KG]")
    project.replace("data/infrastructure.yaml", "countries: [CN, KZ, KG]", "countries: [CN, KAZ, KG]")
    problem = only_problem(project.build())
    assert problem.startswith(f"data/infrastructure.yaml:{line}: rows[0].countries[1] (table row 1, id 'fiber-cn-kz-kg'): 'KAZ' is not one of"), problem
    assert "use one of the values listed" in problem
    # The copy's tests run alone (they build the site once): one failure with the build's message, then the session stops.
    checked = project.check()
    assert len(checked.failures) == 1 and problem in one_line(next(iter(checked.failures.values()))), checked.output
    assert "mkdocs build --strict failed" in checked.output and "Interrupted" in checked.output, checked.output


@pytest.mark.slow  # works on a copy of the project: make test, not make check
@proves("README.md: Record the rights")
def test_a_license_on_the_article_while_its_holder_is_unknown_stops_the_build(project):
    """The README: until the holder is identified nothing may license the article or its translation."""
    assert project.data("rights")["article"]["holder"] is None
    project.replace("data/rights.yaml", "  license: null", "  license: {name: CC BY 4.0, url: https://creativecommons.org/licenses/by/4.0/}")
    problem = only_problem(project.build())
    assert problem.startswith("data/rights.yaml:"), problem
    assert "license" in problem, problem
