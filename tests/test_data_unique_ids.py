"""Rule: an id is unique within its data file — a table's rows, the editor's notes, the
references (by number), the glossary's terms. A repeated id stops the build with one
message naming the file, both lines and what to do; the schema declares it (`x-unique`,
edition/datafiles.py), so a new list with ids needs one line in its schema, not code.

Each case repeats the first item's id in a later item of a copy of the file."""

import re

import pytest
import yaml

from edition import datafiles
from edition_site import DATA, build, copy_project

# (data file, the list's path in the file, its id field, the item that gets the first one's id)
CASES = [
    ("infrastructure", ["rows"], "id", 4),
    ("notes", [], "id", 2),
    ("references", [], "number", 1),
    ("glossary", ["terms"], "id", 3),
]


def repeat_first_id(name, path, key, index):
    """The file's text with item `index` given item 0's id; (text, lines of both, the id, its field)."""
    text = (DATA / f"{name}.yaml").read_text(encoding="utf-8")
    items = yaml.safe_load(text)
    for step in path:
        items = items[step]
    first, other = items[0][key], items[index][key]
    pattern = re.compile(rf"^(\s*-?\s*){key}: {re.escape(str(other))}$", re.MULTILINE)
    assert len(pattern.findall(text)) == 1, f"data/{name}.yaml: cannot find `{key}: {other}` once"
    broken = pattern.sub(lambda m: f"{m.group(1)}{key}: {first}", text)
    lines = [number for number, line in enumerate(broken.splitlines(), 1) if re.match(rf"^\s*-?\s*{key}: {re.escape(str(first))}$", line)]
    field = "".join(f"{step}" if i == 0 else f".{step}" for i, step in enumerate(path))
    return broken, lines, first, field


@pytest.mark.parametrize(("name", "path", "key", "index"), CASES, ids=[case[0] for case in CASES])
def test_a_repeated_id_names_both_lines(tmp_path, name, path, key, index):
    broken, (first_line, line), value, field = repeat_first_id(name, path, key, index)
    copy = tmp_path / f"{name}.yaml"
    copy.write_text(broken, encoding="utf-8")
    with pytest.raises(datafiles.DataError) as caught:
        datafiles.check(name, copy)
    message = str(caught.value)
    assert f"1 problem(s) in {copy}" in message, message
    assert (f"{copy}:{line}: {field}[{index}].{key} {value!r} is already the {key} of {field}[0] (line {first_line}); "
            f"give each its own {key}, or remove the repeated entry (schema: data/schemas/{name}.schema.yaml).") in message, message


def test_the_schemas_declare_it():
    for name, path, key, _ in CASES:
        schema = yaml.safe_load((DATA / "schemas" / f"{name}.schema.yaml").read_text(encoding="utf-8"))
        for step in path:
            schema = schema["properties"][step]
        assert schema.get("x-unique") == key, f"data/schemas/{name}.schema.yaml: the list needs `x-unique: {key}`"


@pytest.mark.slow  # works on a copy of the project: make test, not make check
def test_a_repeated_row_id_stops_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    broken, (first_line, line), value, _ = repeat_first_id("infrastructure", ["rows"], "id", 4)
    (project / "data" / "infrastructure.yaml").write_text(broken, encoding="utf-8")
    result = build(project / "site", project)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert f"data/infrastructure.yaml:{line}: rows[4].id {value!r} is already the id of rows[0] (line {first_line})" in output, output
    assert output.count("is already the id") == 1, "one mistake, one message:\n" + output
    assert "Duplicate ID" not in output and not (project / "site" / "en").exists()
