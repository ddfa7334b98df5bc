"""Rule: text markup the JATS file has no form for stops the build, with a message that names
the page, the paragraph and where to map it — the JATS file never drops or garbles text silently.

A copy of the project gets an element edition/forms/jats/__init__.py and overrides/jats/ do not map (<u>)."""

from edition_site import build, copy_project


def test_unmapped_markup_stops_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "en" / "conclusion.md"
    source = page.read_text(encoding="utf-8")
    word = "strategic instrument"  # inside the paragraph: a line that opens with a tag would be an HTML block
    assert word in source, "docs/en/conclusion.md changed: pick another word of its first paragraph"
    page.write_text(source.replace(word, f"<u>{word}</u>", 1), encoding="utf-8")
    result = build(tmp_path / "site", project)
    output = result.stdout + result.stderr
    assert result.returncode != 0, "the build passed with markup the JATS file cannot hold"
    assert "docs/en/conclusion.md, #conclusion-p1: <u" in output and "overrides/jats/macros.xml" in output, output[-2000:]
