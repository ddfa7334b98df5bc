"""Rule: every editor's note stands, in every language, right after the paragraph it
comments on (or under the table, for a row), apart from the author's text and titled in the
page's language («Примечание редакции» / "Editor's note"), and names its sources as a reader
can find them: the publisher, the title as published (in its own language, marked with lang
where that is not the page's; a title the editors supplied in square brackets), the date and,
where the data gives one, the title linked to the URL; a source that is the article itself
links the passages it compares. A note with `verified: false` says it is not verified; a
note with neither sources nor `verified: false` stops the build."""

import copy
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from edition import datafiles, templates
from edition_site import DATA, LANGS, PAGES, build, copy_project, data, edit, md_name, text, url

BASE = "http://site.test/"


def find(pages, lang, ident):
    for page in PAGES:
        found = pages[lang][page].find(id=ident)
        if found is not None:
            return page, found
    return None, None


def source_problems(aside, note: dict, lang: str, page: str, pages: dict) -> list[str]:
    """What is missing or wrong in the note's list of sources, as rendered on `page`."""
    where = f"{md_name(lang, page)} #{aside.get('id')}"
    labels = data("labels")
    line = aside.select_one(".edition-note__source")
    if line is None:
        return [f"{where}: the note names no source"]
    if note.get("verified") is False:
        return [] if text(line) == labels["note_not_verified"][lang] else [f"{where}: an unverified note must say «{labels['note_not_verified'][lang]}»"]
    problems = []
    items = line.select(".edition-source")
    if len(items) != len(note["sources"]):
        return [f"{where}: {len(items)} source(s) shown, the data has {len(note['sources'])}"]
    heading = labels["note_sources" if len(items) > 1 else "note_source"][lang]
    if not text(line).startswith(heading + ":"):
        problems.append(f"{where}: the sources are not introduced by «{heading}:»")
    for item, source in zip(items, note["sources"]):
        if source["kind"] == "article":
            links = item.find_all("a")
            if len(links) != len(source["passages"]):
                problems.append(f"{where}: {len(links)} link(s) to the article's passages, expected {len(source['passages'])}")
            for link, passage in zip(links, source["passages"]):
                target = urljoin(BASE + url(lang, page), link["href"])
                wanted = BASE + url(lang, passage["page"]) + f"#{passage['id']}"
                if target != wanted:
                    problems.append(f"{where}: the passage «{passage['name'][lang]}» links to {target}, expected {wanted}")
                elif pages[lang][passage["page"]].find(id=passage["id"]) is None:
                    problems.append(f"{where}: the passage #{passage['id']} is not on {md_name(lang, passage['page'])}")
            continue
        if source["publisher"][lang] not in text(item):
            problems.append(f"{where}: the publisher «{source['publisher'][lang]}» is not named")
        title = item.select_one(".edition-source__title")
        own = isinstance(source["title"], str)
        expected = source["title"] if own else f"[{source['title'][lang]}]"
        shown = title and " ".join(title.get_text().split())
        if shown != expected:
            problems.append(f"{where}: the title is {shown!r}, expected {expected!r}")
            continue
        if own and (title.name != "cite" or title.get("lang", lang) != source["lang"] or title.get("lang") == lang):
            problems.append(f"{where}: the title «{source['title']}» must be a <cite>, marked lang=\"{source['lang']}\" only if that is not the page's language")
        link = title.find("a")
        if (link and link.get("href")) != source.get("url"):
            problems.append(f"{where}: the title links to {link and link.get('href')}, the data gives {source.get('url')}")
        time = item.find("time")
        if time is None or time.get("datetime") != source["date"] or not text(time):
            problems.append(f"{where}: the date {source['date']} is not shown (<time datetime>)")
    return problems


@pytest.mark.parametrize("lang", LANGS)
def test_paragraph_notes_follow_their_paragraph_and_name_their_sources(pages, lang):
    label = data("labels")["editor_note"][lang]
    problems = []
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
        problems += source_problems(aside, note, lang, page, pages)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", LANGS)
def test_row_notes_mark_their_row_stand_under_the_table_and_name_their_sources(pages, lang):
    label = data("labels")["editor_note"][lang]
    figure = pages[lang]["infrastructure"].select_one("#table-infrastructure")
    noted = [row for row in data("infrastructure")["rows"] if "note" in row]
    assert noted, "data/infrastructure.yaml has no row notes"
    problems = []
    for number, row in enumerate(noted, 1):
        marker = figure.select_one(f"#row-{row['id']} .edition-note-ref a")
        assert marker is not None and marker["href"] == f"#note-row-{row['id']}", f"row {row['id']} is not marked"
        aside = figure.select_one(f"aside#note-row-{row['id']}")
        assert aside is not None, f"no note under the table for row {row['id']} ({lang})"
        assert text(aside.select_one(".admonition-title")).startswith(f"{label} {number}")
        assert aside.select_one(f".admonition-title a[href='#row-{row['id']}']") is not None
        assert row["note"]["text"][lang] in text(aside)
        problems += source_problems(aside, row["note"], lang, "infrastructure", pages)
    assert not problems, "\n".join(problems)
    marked = figure.select("tr.edition-table__noted")
    assert len(marked) == len(noted)


def test_an_unverified_note_says_so():
    """A note whose claim has no source (verified: false) prints the label instead of sources."""
    note = copy.deepcopy(data("notes")[0])
    del note["sources"]
    note["verified"] = False
    for lang in LANGS:
        aside = BeautifulSoup(templates.render("fragments/note.html", note=note, lang=lang, labels=templates.labels(lang),
                                                url_for=lambda name: ""), "html.parser")
        assert source_problems(aside.aside, note, lang, "policy-coordination", {}) == []
        assert text(aside.select_one(".edition-note__source")) == data("labels")["note_not_verified"][lang]


def test_the_check_catches_a_note_with_a_wrong_source(pages):
    """The check is not vacuous: a source shown without its link, with another date, fails."""
    lang = LANGS[-1]
    note = next(row["note"] for row in data("infrastructure")["rows"] if row.get("note", {}).get("sources", [{}])[0].get("url"))
    basis = templates.env.get_template("fragments/sources.html").module.basis(note, lang, templates.labels(lang), lambda name: "")
    aside = BeautifulSoup(f"<aside>{basis}</aside>", "html.parser")
    aside.select_one(".edition-source__title a").unwrap()
    aside.select_one("time")["datetime"] = "1999"
    problems = "\n".join(source_problems(aside.aside, note, lang, "infrastructure", pages))
    assert "the title links to None" in problems and "is not shown" in problems, problems


def test_a_note_without_sources_stops_the_build(tmp_path):
    notes = (DATA / "notes.yaml").read_text(encoding="utf-8")
    item = notes.index("- id: agreement-2019")
    start = notes.index("  sources:\n", item)
    broken = tmp_path / "notes.yaml"
    broken.write_text(notes[:start] + notes[notes.index("- id: ", start):], encoding="utf-8")
    with pytest.raises(datafiles.DataError) as caught:
        datafiles.check("notes", broken)
    line = notes[:item].count("\n") + 1
    assert f"notes.yaml:{line}: [0]: 'sources' is a required property; add the missing field" in str(caught.value), caught.value


@pytest.mark.slow  # works on a copy of the project: make test, not make check
def test_a_note_on_a_missing_paragraph_stops_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    notes = project / "data" / "notes.yaml"
    edit(notes, "after: conclusion-p1", "after: conclusion-p9")
    result = build(project / "site", project)
    assert result.returncode != 0
    # hooks/checks/note_targets.py, before any page is rendered: the note's line, and the id it most likely means.
    assert ("note 'directions-abstract-conclusion' follows paragraph `conclusion-p9`, which no page of docs/ru/ has. "
            "Did you mean `conclusion-p1`?") in result.stdout + result.stderr
    assert not (project / "site" / "index.html").exists(), "pages were written before the check"
