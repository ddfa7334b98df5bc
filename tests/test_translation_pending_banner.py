"""Rule: a paragraph marked "translation pending" (data/translation-lock.yaml) shows readers
of the translation, just before it, a banner in their language saying when the Russian was
revised, with a link to the revised Russian paragraph; the banner is not a paragraph."""

import datetime

import pytest

import drift
import translation_lock
from edition_site import build, copy_project, paragraphs, parse

# Its tests share a costly module fixture: one worker runs them all (make test: pytest-xdist).
pytestmark = pytest.mark.xdist_group("translation_pending_banner")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A copy of the project with one Russian paragraph revised and marked pending, built;
    returns the site and that paragraph."""
    project = copy_project(tmp_path_factory.mktemp("pending") / "project")
    docs, lock = project / "docs", project / "data/translation-lock.yaml"
    assert translation_lock.refresh(True, docs, lock) == 0
    ru = drift.find(docs, "ru", set(), lambda p: p.page != "index")
    drift.edit(docs, ru, ru.markdown.rstrip()[-12:], ru.markdown.rstrip()[-12:] + " Добавлено.")
    assert translation_lock.mark_pending([ru.id], datetime.date(2026, 3, 1), docs, lock) == 0
    result = build(project / "site", project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site", ru


@pytest.mark.slow  # works on a copy of the project: make test, not make check
def test_banner_before_the_pending_paragraph(built):
    site, ru = built
    page = parse(site / "en" / ru.page / "index.html")
    paragraph = page.find(id=ru.id)
    banner = paragraph.find_previous_sibling(True)
    assert banner.name == "aside" and "edition-pending" in banner["class"], "no banner just before the paragraph"
    assert banner["lang"] == "en"
    assert " ".join(banner.get_text(" ").split()).startswith(
        "The Russian original of this section was revised on 1 March 2026; the translation below has not caught up yet.")
    link = banner.find("a")
    assert link["href"] == f"../../{ru.page}/#{ru.id}" and link["hreflang"] == "ru"
    # One click away: the link's target exists in the built Russian page.
    assert parse(site / ru.page / "index.html").find(id=ru.id) is not None


@pytest.mark.slow  # works on a copy of the project: make test, not make check
def test_banner_is_not_a_paragraph_and_only_in_the_translation(built):
    site, paragraph = built
    en = parse(site / "en" / paragraph.page / "index.html")
    ru = parse(site / paragraph.page / "index.html")
    assert [p["id"] for p in paragraphs(en)] == [p["id"] for p in paragraphs(ru)]
    assert len(en.select("aside.edition-pending")) == 1 and not ru.select("aside.edition-pending")


def test_no_banner_on_the_real_site(pages):
    pending = [i for i, e in translation_lock.read().items() if "pending" in e]
    shown = [a["data-paragraph"] for lang in pages for page in pages[lang].values() for a in page.select("aside.edition-pending")]
    assert sorted(shown) == sorted(pending), f"banners {shown}, pending in data/translation-lock.yaml {pending}"
