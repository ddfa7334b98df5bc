"""Rule: a paragraph marked "translation pending" (data/translation-lock.yaml) shows readers
of the translation, just before it, a banner in their language saying when the Russian was
revised, with a link to the revised Russian paragraph; the banner is not a paragraph."""

import datetime

import pytest

import translation_lock
from edition_site import build, copy_project, paragraphs, parse

IDENT = "policy-coordination-p5"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("pending") / "project")
    ru = project / "docs/ru/policy-coordination.md"
    ru.write_text(ru.read_text(encoding="utf-8").replace("с более чем 150 странами", "с более чем 160 странами"), encoding="utf-8")
    assert translation_lock.mark_pending([IDENT], datetime.date(2026, 3, 1), project / "docs",
                                         project / "data/translation-lock.yaml") == 0
    result = build(project / "site", project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


def test_banner_before_the_pending_paragraph(built):
    page = parse(built / "en/policy-coordination/index.html")
    paragraph = page.find(id=IDENT)
    banner = paragraph.find_previous_sibling(True)
    assert banner.name == "aside" and "edition-pending" in banner["class"], "no banner just before the paragraph"
    assert banner["lang"] == "en"
    assert " ".join(banner.get_text(" ").split()).startswith(
        "The Russian original of this section was revised on 1 March 2026; the translation below has not caught up yet.")
    link = banner.find("a")
    assert link["href"] == f"../../policy-coordination/#{IDENT}" and link["hreflang"] == "ru"
    # One click away: the link's target exists in the built Russian page.
    assert parse(built / "policy-coordination/index.html").find(id=IDENT) is not None


def test_banner_is_not_a_paragraph_and_only_in_the_translation(built):
    en = parse(built / "en/policy-coordination/index.html")
    ru = parse(built / "policy-coordination/index.html")
    assert [p["id"] for p in paragraphs(en)] == [p["id"] for p in paragraphs(ru)]
    assert len(en.select("aside.edition-pending")) == 1 and not ru.select("aside.edition-pending")


def test_no_banner_on_the_real_site(pages):
    pending = [i for i, e in translation_lock.read().items() if "pending" in e]
    shown = [a["data-paragraph"] for lang in pages for page in pages[lang].values() for a in page.select("aside.edition-pending")]
    assert sorted(shown) == sorted(pending), f"banners {shown}, pending in data/translation-lock.yaml {pending}"
