"""A contributor's copy of the project, for the tests that prove the how-tos of README.md and
CONTRIBUTING.md (tests/test_contributor_*.py). Not a test module.

Each how-to is applied to a copy as the docs describe it: files edited, `make` commands run
as the Makefile runs them (tools/translation_lock.py, `mkdocs build --strict`, pytest against
the copy's build), and the outcome the docs promise is asserted. `proves(...)` names the doc
sections a test proves; tests/test_contributor_docs.py holds the docs and the tests to each
other (a how-to without a test, or a test naming a section that is gone, fails).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path

import yaml

import drift
from edition_site import CACHE, EDITS_ONLY, ROOT, build, edit

# A contributor's checkout: everything but what .gitignore leaves out (and the git folder).
NOT_CHECKED_OUT = (".git", ".venv", ".venv-compat", "site", "site-compat", ".cache", "__pycache__", ".pytest_cache", ".ruff_cache", "work",
                   "*.egg-info", "*.pyc")


# The rules a contributor's edit of the text or the data meets (what `make check` would run against it).
PAIR_RULES = ["tests/test_pair_citations.py", "tests/test_pair_footnotes.py", "tests/test_pair_links.py",
              "tests/test_pair_numbers.py", "tests/test_pair_sentences.py", "tests/test_pair_structure.py"]
RULES = ["tests/test_source_fidelity.py", "tests/test_translation_lock.py", "tests/test_editor_notes.py", "tests/test_table.py",
         "tests/test_map.py", "tests/test_corrections_log.py", "tests/test_tree_parity.py", "tests/test_glossary_terms.py",
         "tests/test_keywords.py", "tests/test_table_downloads.py", "tests/test_title_abstracts.py", "tests/test_jats.py", *PAIR_RULES]
# Tests of those modules that build copies of their own (not what a contributor's edit changes).
OWN_BUILDS = ("tests/test_editor_notes.py::test_a_note_on_a_missing_paragraph_stops_the_build",
              "tests/test_corrections_log.py::test_without_corrections_the_page_says_the_text_is_unchanged")

def proves(*sections: str):
    """Mark a test as the proof of doc sections: "README.md: Edit a sentence", "CONTRIBUTING.md: Fix a typo"."""
    def mark(test):
        test.proves = sections
        return test
    return mark


@dataclass
class Outcome:
    returncode: int
    output: str

    @property
    def errors(self) -> list[str]:
        """What a command said, without progress lines (INFO) and blank lines."""
        return [line for line in self.output.splitlines() if line.strip() and not line.startswith("INFO")]


class Project:
    def __init__(self, root: Path):
        self.root = root

    @classmethod
    def copy(cls, target: Path) -> Project:
        shutil.copytree(ROOT, target, ignore=shutil.ignore_patterns(*NOT_CHECKED_OUT), dirs_exist_ok=True)
        return cls(target)

    def text(self, name: str) -> str:
        return (self.root / name).read_text(encoding="utf-8")

    def replace(self, name: str, old: str, new: str, count: int = 1) -> None:
        """Edit a file as a contributor would: `old` must be there (edition_site.edit)."""
        edit(self.root / name, old, new, count)

    def append(self, name: str, addition: str) -> None:
        with open(self.root / name, "a", encoding="utf-8") as file:
            file.write(addition)

    def data(self, name: str):
        return yaml.safe_load(self.text(f"data/{name}.yaml"))

    def line_of(self, name: str, needle: str) -> int:
        """The 1-based line of the first line of file NAME holding `needle`."""
        return next(n for n, line in enumerate(self.text(name).splitlines(), 1) if needle in line)

    def _run(self, args: list[str], **environment: str) -> Outcome:
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **environment)
        env.pop("EDITION_SITE", None)
        env["PYTHONPATH"] = str(self.root)  # the copy's own package edition/, not the checkout's
        env.setdefault("EDITION_CACHE", str(CACHE))  # the checkout's download cache, as edition_site.build shares it
        env.update(environment)
        result = subprocess.run(args, cwd=self.root, env=env, capture_output=True, text=True)
        return Outcome(result.returncode, result.stdout + result.stderr)

    def build(self) -> Outcome:
        """`make build`: mkdocs build --strict into site/."""
        result = build(self.root / "site", self.root)
        return Outcome(result.returncode, result.stdout + result.stderr)

    def lock(self, *args: str) -> Outcome:
        """`make translation-lock` (FORCE=1: "--force"), `make translation-pending ID=…` ("--pending", ID)."""
        return self._run([sys.executable, "tools/translation_lock.py", *args])

    def check(self, *tests: str, deselect: tuple[str, ...] = (), **environment: str) -> Checked:
        """The copy's own tests against its build (site/), as `make check` runs them; the outcome
        per test module, read from pytest's JUnit XML report. With EDITION_EDITS_ONLY=1 (as a copy's
        build, edition_site.build) the test stops here, skipped: its edits before this run applied."""
        if os.environ.get(EDITS_ONLY):
            import pytest

            pytest.skip(f"{EDITS_ONLY}: the edits of the copy applied; its own tests' run is left out")
        report = self.root / "report.xml"
        args = [sys.executable, "-m", "pytest", "-q", "--no-header", "--tb=line", "-p", "no:cacheprovider",
                f"--junitxml={report}", *tests, *(f"--deselect={d}" for d in deselect)]
        if (self.root / "site" / "index.html").is_file():
            environment.setdefault("EDITION_SITE", "site")
        outcome = self._run(args, **environment)
        return Checked(outcome.returncode, outcome.output, _failures(report))


@dataclass
class Checked(Outcome):
    failures: dict  # "tests/test_x.py::test_name[param]" -> the failure's message

    def failed_in(self, module: str) -> dict:
        return {name: message for name, message in self.failures.items() if name.startswith(f"tests/{module}.py::")}


def _failures(report: Path) -> dict:
    if not report.is_file():
        return {}
    found = {}
    for case in ElementTree.parse(report).getroot().iter("testcase"):
        for problem in [*case.iter("failure"), *case.iter("error")]:
            module = case.get("classname", "").replace(".", "/")
            found[f"{module}.py::{case.get('name')}"] = (problem.get("message") or "") + "\n" + (problem.text or "")
    return found


def one_line(message: str) -> str:
    return re.sub(r"\s+", " ", message)


def plain_word(markdown: str, glossary) -> str | None:
    """A word of the paragraph with an «е» that occurs once, is no glossary term and no keyword: one to respell «ё»."""
    taken = [(m.start(), m.end()) for term in glossary for pattern in term.ru for m in pattern.finditer(markdown)]
    for match in re.finditer(r"(?<![\w-])[а-я]{6,}(?![\w-])", markdown):
        word = match.group(0)
        if "е" in word and markdown.count(word) == 1 and not any(a < match.end() and match.start() < b for a, b in taken):
            return word
    return None


def respell(project: Project, paragraph, glossary) -> tuple[str, str]:
    """Change one word of a paragraph (its first «е» to «ё»): (the word, as changed)."""
    word = plain_word(paragraph.markdown, glossary)
    corrected = word.replace("е", "ё", 1)
    drift.edit(project.root / "docs", paragraph, word, corrected)
    return word, corrected
