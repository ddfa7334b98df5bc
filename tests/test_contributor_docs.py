"""Rule: the contributor docs and the tests that prove them say the same thing. Every how-to of
README.md ("How to…") and every how-to section of CONTRIBUTING.md is proven by a test that
names it (tests/contributor.py `proves`), and every section a test names exists: a doc
changed without its test, or a test left behind, fails here. CONTRIBUTING.ru.md has the
sections and commands of CONTRIBUTING.md; the `make check` time is stated once per doc and
the same in README.md, CONTRIBUTING.md, CONTRIBUTING.ru.md and the Makefile."""

from __future__ import annotations

import importlib
import re
from collections import Counter

import pytest
import yaml

from edition_site import ROOT

PROOFS = ["test_contributor_translate", "test_contributor_data", "test_contributor_edits", "test_contributor_mistakes", "test_serve_reload"]
# Sections of CONTRIBUTING.md that are no how-to (set-up, the rules' table, the checklist).
NOT_HOW_TO = {"Set up once", "The rules the checks enforce", "Before you open a pull request"}
TIME = re.compile(r"(?:measured|замер): (\d+) (?:min|мин) (\d+) (?:s|с),? (?:on )?(\d{4}-\d\d-\d\d).{0,80}?(?:load average|нагрузка) (\d+\.\d)", re.DOTALL)


def read(name: str) -> str:
    return (ROOT / name).read_text(encoding="utf-8")


def readme_how_tos() -> list[str]:
    section = read("README.md").split("## How to…", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^- \*\*(.+?)\.\*\*", section, re.MULTILINE)


def sections(name: str) -> list[str]:
    return re.findall(r"^## (.+?)\s*$", read(name), re.MULTILINE)


def how_tos() -> list[str]:
    return [f"README.md: {name}" for name in readme_how_tos()] + [
        f"CONTRIBUTING.md: {name}" for name in sections("CONTRIBUTING.md") if name not in NOT_HOW_TO]


def proofs() -> dict[str, list[str]]:
    """doc section -> the tests that prove it."""
    found: dict[str, list[str]] = {}
    for module_name in PROOFS:
        module = importlib.import_module(module_name)
        for name in dir(module):
            test = getattr(module, name)
            for section in getattr(test, "proves", ()) if name.startswith("test_") else ():
                found.setdefault(section, []).append(f"tests/{module_name}.py::{name}")
    return found


def test_every_how_to_is_proven_by_a_test():
    assert len(readme_how_tos()) >= 8, f"README.md: the how-tos were not found ({readme_how_tos()})"
    unproven = [section for section in how_tos() if section not in proofs()]
    assert not unproven, (f"how-tos no test proves: {unproven}. Add a test to tests/test_contributor_*.py that applies the edit "
                          "as the section says and asserts its outcome, marked @proves(\"<doc>: <section>\").")


def test_every_section_a_test_names_exists():
    known = set(how_tos())
    stale = {section: tests for section, tests in proofs().items() if section not in known}
    assert not stale, f"tests naming doc sections that do not exist (renamed? then rename them in the test too): {stale}"


def test_the_russian_guide_has_the_sections_and_commands_of_the_english():
    en, ru = read("CONTRIBUTING.md"), read("CONTRIBUTING.ru.md")
    assert len(sections("CONTRIBUTING.ru.md")) == len(sections("CONTRIBUTING.md")), (
        f"CONTRIBUTING.ru.md has sections {sections('CONTRIBUTING.ru.md')}, CONTRIBUTING.md {sections('CONTRIBUTING.md')}: translate each section")

    def commands(text):
        return Counter(" ".join(found.split()) for found in re.findall(r"`(make [^`]+|[a-z_./-]+\.(?:py|yaml|md))`", text))

    assert set(commands(ru)) == set(commands(en)), (
        "CONTRIBUTING.ru.md and CONTRIBUTING.md name different commands or files: "
        f"only in the English {sorted(set(commands(en)) - set(commands(ru)))}, only in the Russian {sorted(set(commands(ru)) - set(commands(en)))}"
    )


@pytest.mark.parametrize("name", ["README.md", "CONTRIBUTING.md", "CONTRIBUTING.ru.md", "Makefile"])
def test_the_make_check_time_is_stated_once_and_the_same_everywhere(name):
    found = TIME.findall(read(name))
    assert len(found) == 1, f"{name}: state the measured `make check` time once, as README.md does (\"measured: M min S s on YYYY-MM-DD … load average L\")"
    assert found == TIME.findall(read("README.md")), f"{name} says {found}, README.md {TIME.findall(read('README.md'))}: update both with the new measurement"


def _schema_fields(*names: str) -> set[str]:
    """Every property name the data schemas NAMES define, at any depth (a note's, a source's, a row's)."""
    found: set[str] = set()

    def walk(node):
        if isinstance(node, dict):
            found.update(node.get("properties", {}))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for name in names:
        walk(yaml.safe_load(read(f"data/schemas/{name}.schema.yaml")))
    return found


@pytest.mark.parametrize("name", ["README.md", "CONTRIBUTING.md", "CONTRIBUTING.ru.md"])
def test_the_fields_the_docs_tell_a_note_to_have_are_the_schemas(name):
    """How to comment on a claim names the fields of data/notes.yaml as its schema spells them
    (`sources`, not `source`): a contributor who copies them gets a valid note."""
    fields = _schema_fields("notes", "common", "infrastructure")
    paragraphs = [block for block in re.split(r"\n\s*\n|\n- ", read(name)) if "data/notes.yaml" in block and "`after:" in block]
    assert paragraphs, f"{name}: no paragraph tells how to write a note in data/notes.yaml"
    named = {match for block in paragraphs for match in re.findall(r"`([a-z_]+)(?::[^`]*)?`", block)}
    unknown = sorted(named - fields)
    assert not unknown, f"{name}: the note's fields {unknown} are not in data/schemas/notes.schema.yaml (or common.schema.yaml): write them as the schema does"
