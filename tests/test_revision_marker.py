"""Rule: a sentence revised since an earlier released version says so, in place
(hooks/text/revisions.py, overrides/edition/fragments/revision.html, docs/assets/revisions.js).

On a copy of the project: `make release` (tools/release.py), one English sentence changed, found
by its paragraph's id (never by its wording), `make release` again, one build. That sentence
carries the marker "rev. N" of the second release, which holds the wording of the first; its
span, id and text (sentences.json) are those of today; the next sentence of its paragraph,
unchanged since version 1, carries none; the downloads leave the marker out. In Chromium the
marker opens and closes from the keyboard, and nothing moves at load."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import zipfile

import lxml.html
import pytest
import yaml

from contributor import Project
from edition import article_text, versions
from edition_site import SHIFTS, data, html_path, http_served, url

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("revision_marker")]

LANG = "en"
LABELS = data("labels")
MARKER = "span.edition-revision"   # as CSS; the tree is read with lxml's cssselect


def _release(project: Project, summary: str, date: str) -> None:
    """`make release SUMMARY_RU=… SUMMARY_EN=… DATE=…` in the copy (its own tools/ and edition/)."""
    env = dict(os.environ, PYTHONPATH=str(project.root))
    result = subprocess.run([sys.executable, "tools/release.py", "--summary-ru", f"Проба: {summary}",
                             "--summary-en", f"Trial: {summary}", "--date", date],
                            cwd=project.root, env=env, capture_output=True, text=True)
    assert result.returncode == 0, f"make release failed in the copy:\n{result.stdout}{result.stderr}"


def _snapshot(project: Project, number: int) -> dict:
    return yaml.safe_load((project.root / "data" / "snapshots" / f"v{number}.yaml").read_text(encoding="utf-8"))


def _choice(project: Project, first: dict, last: dict):
    """An English paragraph (in page order) of two sentences or more whose second sentence is
    the same in version 1 and now: (paragraph, its sentences now)."""
    docs = project.root / "docs"
    own = set(project.data("article")["edition_pages"]) | {"references.md", "versions.md"}
    for page in article_text.pages(LANG, docs):
        if f"{page}.md" in own:
            continue
        now = versions.page_sentences(docs, LANG, page)
        for paragraph in article_text.paragraphs(LANG, page, docs):
            s2 = f"{paragraph.id}-s2"
            if paragraph.kind == "p" and s2 in now and first["sentences"][LANG].get(s2) == last["sentences"][LANG].get(s2) == now[s2]:
                return paragraph, now
    raise AssertionError(f"docs/{LANG}/: no paragraph whose second sentence is unchanged since version 1")


@pytest.fixture(scope="module")
def revised(tmp_path_factory):
    """The copy, released twice around one changed sentence, and built."""
    project = Project.copy(tmp_path_factory.mktemp("revision") / "project")
    record = project.data("versions")["versions"]
    date = max(versions.today(), record[-1]["date"])
    before = len(record) + 1                      # the release that keeps the sentence's earlier wording
    _release(project, "before the change", date)
    paragraph, now = _choice(project, _snapshot(project, 1), _snapshot(project, before))
    ident = f"{paragraph.id}-s1"
    # The change: one word of the first sentence doubled by "also", in that paragraph only (found by its id).
    word = next(w for w in re.findall(r"[A-Za-z]{5,}", now[ident]) if 0 <= paragraph.markdown.find(w) < len(now[ident]))
    project.replace(f"docs/{LANG}/{paragraph.page}.md", paragraph.markdown, paragraph.markdown.replace(word, f"{word} also", 1))
    changed = versions.page_sentences(project.root / "docs", LANG, paragraph.page)
    assert changed[ident] != now[ident] and changed[f"{paragraph.id}-s2"] == now[f"{paragraph.id}-s2"], "the edit changes the first sentence only"
    _release(project, "one sentence revised", date)
    outcome = project.build()
    assert outcome.returncode == 0, "the copy's build failed:\n" + "\n".join(outcome.errors)
    site = project.root / "site"
    return {"site": site, "page": paragraph.page, "paragraph": paragraph.id, "number": before + 1,
            "earlier": now[ident], "text": changed[ident], "unchanged": f"{paragraph.id}-s2",
            "html": lxml.html.parse(str(html_path(site, LANG, paragraph.page))).getroot()}


def _marker_after(root, ident: str):
    span = root.get_element_by_id(ident)
    following = span.getnext()
    return span, following if following is not None and "edition-revision" in (following.get("class") or "").split() else None


def test_the_revised_sentence_shows_its_earlier_wording_and_version(revised):
    span, marker = _marker_after(revised["html"], f"{revised['paragraph']}-s1")
    number = revised["number"]
    assert marker is not None, f"#{span.get('id')}: revised in version {number}, but no marker follows its span"
    assert " ".join(span.text_content().split()) == revised["text"], "the sentence's span holds today's text, the marker outside it"
    button = marker.find("button")
    assert button.text_content() == LABELS["revision_marker"][LANG].format(n=number)
    assert button.get("aria-expanded") == "false" and button.get("type") == "button"
    assert str(number) in button.get("aria-label")
    was = button.getnext()
    assert was.get("hidden") is not None, "the earlier wording is hidden until the reader opens it"
    wording = was.xpath(".//span[@lang]")
    assert [w.get("lang") for w in wording] == [LANG] and wording[0].text_content() == revised["earlier"], (
        f"the marker shows {[w.text_content() for w in wording]}, not the wording of version {number - 1}: {revised['earlier']!r}")
    assert LABELS["revision_earlier"][LANG].format(n=number) in was.text_content()
    assert was.xpath(".//a/@href")[0].endswith(f"versions/#version-{number}")
    assert marker.get("data-pagefind-ignore") is not None, "the search index leaves the marker out"
    assert not marker.xpath(".//@id"), "the marker adds no id (the sentence's permalink is the span's id, unchanged)"


def test_an_unchanged_sentence_has_no_marker(revised):
    _span, marker = _marker_after(revised["html"], revised["unchanged"])
    assert marker is None, f"#{revised['unchanged']} is unchanged since version 1, yet it carries a marker"


def test_the_sentences_texts_and_the_downloads_leave_the_marker_out(revised):
    site, ident = revised["site"], f"{revised['paragraph']}-s1"
    texts = json.loads((html_path(site, LANG, revised["page"]).parent / "sentences.json").read_text(encoding="utf-8"))
    assert " ".join(texts[ident].split()) == revised["text"]
    (epub,) = (site / LANG / "downloads").glob("*.epub")
    with zipfile.ZipFile(epub) as book:
        pages = [book.read(name).decode("utf-8") for name in book.namelist() if name.endswith(".xhtml")]
    assert ident in "".join(pages) and "edition-revision" not in "".join(pages), f"{epub.name}: the marker is in the book"
    (jats,) = (site / "downloads").glob("*.jats.xml")
    assert "edition-revision" not in jats.read_text(encoding="utf-8")
    assert revised["earlier"] not in jats.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def served_copy(revised):
    with http_served(revised["site"]) as base:
        yield base + "/"




@pytest.mark.browser
def test_the_marker_opens_from_the_keyboard_and_nothing_moves_at_load(revised, served_copy, page):
    page.goto(served_copy + url(LANG, revised["page"]), wait_until="load")
    assert page.evaluate(SHIFTS) <= 0.001, "the page's layout shifts at load"
    ident = f"{revised['paragraph']}-s1"
    button = page.locator(f"#{ident} + .edition-s__control + .edition-revision > button, #{ident} + .edition-revision > button")
    was = page.locator(f"#{ident} ~ .edition-revision .edition-revision__was").first
    assert button.count() == 1 and button.is_visible() and not was.is_visible()
    assert button.evaluate("b => b.tabIndex") == 0, "the marker is in the Tab order"
    sentence = page.locator(f"#{ident}").bounding_box()
    button.focus()
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true" and was.is_visible()
    assert revised["earlier"] in " ".join(was.inner_text().split())
    assert page.locator(f"#{ident}").bounding_box() == sentence, "opening the marker moves the sentence itself"
    page.keyboard.press("Space")
    assert button.get_attribute("aria-expanded") == "false" and not was.is_visible()
