"""Rule: text markup the JATS file has no form for stops the build, with a message that names
the page, the paragraph and where to map it — the JATS file never drops or garbles text silently.

A copy of the project gets an element edition/forms/jats/__init__.py and overrides/jats/ do not map (<u>)."""

import re

import pytest

import drift
from edition import article_text
from edition_site import build, copy_project


@pytest.mark.slow  # works on a copy of the project: make test, not make check
def test_unmapped_markup_stops_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    first = article_text.paragraphs("en", "conclusion", project / "docs")[0]
    # Whichever word of the paragraph follows its first space: inside the paragraph (a line that opens
    # with a tag would be an HTML block), whatever its wording.
    word = re.search(r"(?<= )[A-Za-z]+\b", first.markdown).group(0)
    drift.edit(project / "docs", first, f" {word}", f" <u>{word}</u>")
    result = build(tmp_path / "site", project)
    output = result.stdout + result.stderr
    assert result.returncode != 0, "the build passed with markup the JATS file cannot hold"
    assert f"{first.file}, #{first.id}: <u" in output and "overrides/jats/macros.xml" in output, output[-2000:]
