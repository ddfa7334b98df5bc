"""Rule: every editor's note stands, in every language, right after the paragraph it
comments on (or under the table, for a row), apart from the author's text and titled in the
page's language («Примечание редакции» / "Editor's note"), with its source named."""

import pytest

from edition_site import LANGS, PAGES, build, copy_project, data, md_name, text


def find(pages, lang, ident):
    for page in PAGES:
        found = pages[lang][page].find(id=ident)
        if found is not None:
            return page, found
    return None, None


@pytest.mark.parametrize("lang", LANGS)
def test_paragraph_notes_follow_their_paragraph(pages, lang):
    label, source = data("labels")["editor_note"][lang], data("labels")["note_source"][lang]
    for note in data("notes"):
        page, aside = find(pages, lang, f"note-{note['id']}")
        assert aside is not None, f"note '{note['id']}' (data/notes.yaml) is not on the '{lang}' site"
        assert aside.name == "aside" and "edition-note" in aside["class"]
        previous = aside.find_previous_sibling(True)
        while previous is not None and previous.name == "aside":
            previous = previous.find_previous_sibling(True)
        assert previous is not None and previous.get("id") == note["after"], (
            f"{md_name(lang, page)}: note '{note['id']}' should follow #{note['after']}, follows #{previous and previous.get('id')}"
        )
        assert text(aside.select_one(".admonition-title")) == label
        assert text(aside).count(note["text"][lang][:40]) == 1
        assert text(aside.select_one(".edition-note__source")) == f"{source}: {note['source'][lang]}"


@pytest.mark.parametrize("lang", LANGS)
def test_row_notes_mark_their_row_and_stand_under_the_table(pages, lang):
    label = data("labels")["editor_note"][lang]
    figure = pages[lang]["infrastructure"].select_one("#table-infrastructure")
    noted = [row for row in data("infrastructure")["rows"] if "note" in row]
    assert noted, "data/infrastructure.yaml has no row notes"
    for number, row in enumerate(noted, 1):
        marker = figure.select_one(f"#row-{row['id']} .edition-note-ref a")
        assert marker is not None and marker["href"] == f"#note-row-{row['id']}", f"row {row['id']} is not marked"
        aside = figure.select_one(f"aside#note-row-{row['id']}")
        assert aside is not None, f"no note under the table for row {row['id']} ({lang})"
        assert text(aside.select_one(".admonition-title")).startswith(f"{label} {number}")
        assert aside.select_one(f".admonition-title a[href='#row-{row['id']}']") is not None
        assert row["note"]["text"][lang] in text(aside)
    marked = figure.select("tr.edition-table__noted")
    assert len(marked) == len(noted)


def test_a_note_on_a_missing_paragraph_stops_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    notes = project / "data" / "notes.yaml"
    notes.write_text(notes.read_text(encoding="utf-8").replace("after: conclusion-p1", "after: conclusion-p9"), encoding="utf-8")
    result = build(project / "site", project)
    assert result.returncode != 0
    # hooks/note_targets.py, before any page is rendered: the note's line, and the id it most likely means.
    assert ("note 'directions-abstract-conclusion' follows paragraph `conclusion-p9`, which no page of docs/ru/ has. "
            "Did you mean `conclusion-p1`?") in result.stdout + result.stderr
    assert not (project / "site" / "index.html").exists(), "pages were written before the check"
