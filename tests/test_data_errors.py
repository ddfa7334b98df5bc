"""Rule: bad input stops the build with a message that names the file, the line or field,
and what to do — never a half-built site, never silence. Text from data stays text.

Each case breaks a copy of the project (or of one data file) on purpose."""

import re

import pytest
import yaml

from edition import datafiles
from edition_site import DATA, build, copy_project, data, data_line, edit, edited, parse

INFRA = (DATA / "infrastructure.yaml").read_text(encoding="utf-8")
ROW = {row["id"]: number for number, row in enumerate(data("infrastructure")["rows"])}


def broken_infra(old: str, new: str) -> str:
    """data/infrastructure.yaml's text, edited (edition_site.edited: `old` must be there)."""
    return edited(INFRA, old, new, where="data/infrastructure.yaml")


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def check_broken(tmp_path, broken: str):
    path = tmp_path / "infrastructure.yaml"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(datafiles.DataError) as caught:
        datafiles.check("infrastructure", path)
    return str(caught.value)


def test_missing_language_field(tmp_path):
    row = ROW["data-centers-cn-am"]
    broken = broken_infra(data_line("infrastructure", "rows", row, "project", "en"), "")
    message = check_broken(tmp_path, broken)
    line = line_of(broken, data_line("infrastructure", "rows", row, "project", "ru")) - 1  # its `project:` key
    assert f"infrastructure.yaml:{line}: rows[2].project (table row 3, id 'data-centers-cn-am')" in message
    assert "'en' is a required property" in message and "add the missing field" in message


def test_unknown_country_code(tmp_path):
    broken = broken_infra("countries: [CN, AM]", "countries: [CN, XX]")
    message = check_broken(tmp_path, broken)
    assert f"infrastructure.yaml:{line_of(broken, 'countries: [CN, XX]')}: rows[2].countries[1]" in message
    assert "'XX' is not one of" in message and "use one of the values listed" in message


def test_unknown_type(tmp_path):
    broken = broken_infra("    type: smart-city\n", "    type: smart-town\n")
    message = check_broken(tmp_path, broken)
    assert f"infrastructure.yaml:{line_of(broken, 'type: smart-town')}: rows[5].type (table row 6, id 'smart-city-kz')" in message
    assert "'smart-town' is not one of ['digital', 'energy', 'smart-city', 'transport']" in message


def test_unknown_field_and_empty_text(tmp_path):
    broken = broken_infra("  - id: rail-cn-kz\n", "  - id: rail-cn-kz\n    countrys: [CN]\n")
    broken = edited(broken, data_line("infrastructure", "rows", 1, "label", "en"), "      en: ' '\n", where="data/infrastructure.yaml")
    message = check_broken(tmp_path, broken)
    assert "rows[7]" in message and "'countrys' was unexpected" in message and "remove the field or correct its name" in message
    assert "rows[1].label.en" in message


def test_malformed_yaml(tmp_path):
    broken = broken_infra("countries: [CN, BY]", "countries: [CN, BY")
    message = check_broken(tmp_path, broken)
    assert re.search(r"infrastructure\.yaml:\d+:\d+: malformed YAML", message)
    assert "Fix the syntax at that line" in message


def test_a_data_file_without_schema(tmp_path, monkeypatch):
    (tmp_path / "stray.yaml").write_text("a: 1\n")
    with pytest.raises(datafiles.DataError, match=r"no schema for this data file\. Add data/schemas/stray\.schema\.yaml"):
        datafiles.check("stray", tmp_path / "stray.yaml")


@pytest.fixture
def project(tmp_path):
    return copy_project(tmp_path / "project")


def build_fails(project, *expected):
    result = build(project / "site", project)
    output = result.stdout + result.stderr
    assert result.returncode != 0, "the build went on despite the broken input:\n" + output
    for text in expected:
        assert text in output, f"the build's message lacks {text!r}:\n{output}"
    assert not (project / "site" / "en").exists(), "a half-built site was left behind"


@pytest.mark.slow  # works on a copy of the project: make test, not make check
def test_broken_data_stops_the_build(project):
    edit(project / "data" / "infrastructure.yaml", "countries: [CN, RU]\n", "countries: [CN, SU]\n")
    build_fails(project, "data/infrastructure.yaml:", "rows[3].countries[1]", "'SU' is not one of")


def _break_marker(project, old, new):
    """The same marker changed in every language (changed in one only, the build stops earlier,
    at hooks/checks/pairing.py: the languages' markers differ)."""
    for page in (project / "docs").glob("*/infrastructure.md"):
        edit(page, old, new)


@pytest.mark.slow  # works on a copy of the project: make test, not make check
def test_marker_naming_unknown_data_stops_the_build(project):
    _break_marker(project, "<!-- table: infrastructure -->", "<!-- table: infrastructur -->")
    build_fails(project, "docs/ru/infrastructure.md:5", "no data/infrastructur.yaml", "Known data:")


@pytest.mark.slow  # works on a copy of the project: make test, not make check
def test_marker_naming_unknown_kind_stops_the_build(project):
    _break_marker(project, "<!-- table: infrastructure -->", "<!-- tabel: infrastructure -->")
    build_fails(project, "docs/ru/infrastructure.md:5", "no template overrides/edition/tabel.html")


@pytest.mark.slow  # works on a copy of the project: make test, not make check
def test_marker_that_markdown_swallows_stops_the_build(project):
    """Inside a code block a marker is code to Markdown: its block would show as HTML source."""
    _break_marker(project, "<!-- table: infrastructure -->", "```\n<!-- table: infrastructure -->\n```")
    build_fails(project, "docs/ru/infrastructure.md: a marker's block was lost in the Markdown",
                "Put each <!-- KIND: NAME --> on a line of its own, between blank lines.")


@pytest.mark.slow  # works on a copy of the project: make test, not make check
def test_missing_translation_stops_the_build(project):
    (project / "docs" / "en" / "conclusion.md").unlink()
    build_fails(project, "missing translation(s): docs/en/conclusion.md")


@pytest.mark.slow  # works on a copy of the project: make test, not make check
def test_cell_text_is_escaped(project):
    injected = "Российский сайт <script>alert(1)</script> & <b>AliExpress</b>"
    edit(project / "data" / "infrastructure.yaml", data_line("infrastructure", "rows", ROW["aliexpress-cn-ru"], "project", "ru"), f"      ru: {injected}\n")
    result = build(project / "site", project)
    assert result.returncode == 0, result.stdout + result.stderr
    page = parse(project / "site" / "infrastructure" / "index.html")
    cell = page.select_one("#row-aliexpress-cn-ru").find_all("td")[1]
    assert cell.get_text() == injected
    assert cell.find("script") is None and cell.find("b") is None


@pytest.mark.slow  # works on a copy of the project: make test, not make check
def test_malformed_marker_stops_the_build(project):
    _break_marker(project, "<!-- table: infrastructure -->", "<!-- table: infra structure -->")
    build_fails(project, "docs/ru/infrastructure.md:5: malformed marker '<!-- table: infra structure -->'",
                "Write it as <!-- KIND: NAME -->, e.g. <!-- table: infrastructure -->.")


@pytest.mark.slow  # works on a copy of the project: make test, not make check
def test_citation_without_entry_stops_the_build(project):
    edit(project / "docs" / "ru" / "policy-coordination.md", "[1]", "[7]")
    build_fails(project, "docs/ru/policy-coordination.md, paragraph #policy-coordination-p", "citation [7] has no entry in data/references.yaml",
                "Add the entry or correct the number.")


@pytest.mark.slow  # works on a copy of the project: make test, not make check
def test_note_after_unknown_paragraph_stops_the_build(project):
    path = project / "data" / "notes.yaml"
    first = datafiles.check("notes", path)[0]
    edit(path, f"after: {first['after']}\n", "after: policy-coordination-p99\n")
    build_fails(project, "data/notes.yaml:", f"note '{first['id']}' follows paragraph `policy-coordination-p99`, which no page of docs/ru/ has",
                "Did you mean `policy-coordination-p", "Write the id of the paragraph the note follows: section-pN")


def test_a_malformed_value_says_what_is_expected(tmp_path):
    text = (DATA / "notes.yaml").read_text(encoding="utf-8")
    first = yaml.safe_load(text)[0]
    path = tmp_path / "notes.yaml"
    broken = edited(text, f"after: {first['after']}\n", "after: Policy coordination p2\n", where="data/notes.yaml")
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(datafiles.DataError) as caught:
        datafiles.check("notes", path)
    assert (f"{path}:{line_of(broken, 'after: Policy')}: [0].after: 'Policy coordination p2' does not match "
            "'^[a-z0-9]+(-[a-z0-9]+)*-p[0-9]+$' (The id of the paragraph the note follows, e.g. policy-coordination-p2); "
            "write a value of the expected form") in str(caught.value)
