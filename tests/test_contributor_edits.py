"""Contributor how-tos that end in a green check: each edit of README "How to…" and
CONTRIBUTING.md applied to ONE copy of the project as the docs describe it (files edited,
`make translation-lock` / `make translation-pending` run), ONE build, and the copy's own rule
tests run against it, as `make check` would. Each test then asserts what its doc section
promises: the outcome on the built pages, and that the rules it relies on pass.

Slow (a full build of the copy): `make test` runs it, `make check` does not."""

from __future__ import annotations

import sys

import pytest

import drift
import test_glossary_terms
from contributor import OWN_BUILDS, PAIR_RULES, RULES, Project, plain_word, proves, respell
from edition_site import ARTICLE_PAGES, html_path, parse, text

pytestmark = pytest.mark.slow

ROW = "rail-cn-kz"          # the row the table and map how-tos edit (it has no note)
CELL_ROW = "smart-city-kz"  # the row whose Russian cell gets a listed correction
DATE = "2027-02-03"


def correction(page: str, where: str, original: str, corrected: str, kind: str = "spelling") -> str:
    return (f"- page: {page}\n  {where}\n  original: {original}\n  corrected: {corrected}\n  kind: {kind}\n"
            "  reason:\n    ru: Проверка издания.\n    en: A check of the edition.\n")


def insert_in_row(project, row_id: str, before: str, lines: list[str]) -> None:
    """Insert lines into a row of data/infrastructure.yaml, before its first line starting with `before`."""
    content = project.text("data/infrastructure.yaml").split("\n")
    start = content.index(f"  - id: {row_id}")
    at = next(n for n in range(start + 1, len(content)) if content[n].strip().startswith(before))
    content[at:at] = lines
    (project.root / "data/infrastructure.yaml").write_text("\n".join(content), encoding="utf-8")


@pytest.fixture(scope="module")
def edited(tmp_path_factory):
    project = Project.copy(tmp_path_factory.mktemp("contributor") / "project")
    docs = project.root / "docs"
    glossary = test_glossary_terms.terms()
    keywords = " ".join(project.data("article")["keywords"]["ru"]).lower()
    corrected = {p["paragraph"] for p in project.data("corrections") if "paragraph" in p}
    taken = set(corrected) | {n["after"] for n in project.data("notes")}

    def fit(p):
        word = plain_word(p.markdown, glossary)
        return p.page in ARTICLE_PAGES and p.page != "index" and word is not None and word[:5] not in keywords and p.markdown.rstrip().endswith(".")

    hit, log = {}, {}
    # README "Edit a sentence": the Russian, listed as a correction; the same paragraph in English; the lock.
    ru = hit["sentence"] = drift.find(docs, "ru", taken, fit)
    hit["sentence_words"] = respell(project, ru, glossary)
    project.append("data/corrections.yaml", correction(ru.page, f"paragraph: {ru.id}", *hit["sentence_words"]))
    en = drift.twin(docs, ru, "en")
    drift.edit(docs, en, en.markdown.rstrip()[-12:], en.markdown.rstrip()[-12:-1] + " indeed.")
    log["sentence"] = project.lock()
    # CONTRIBUTING "Fix a typo", English: edit, then `make translation-lock`.
    en = hit["en_typo"] = drift.twin(docs, drift.find(docs, "ru", taken, fit), "en")
    drift.edit(docs, en, en.markdown.rstrip()[-12:], en.markdown.rstrip()[-12:-1] + " too.")
    log["en_typo"] = project.lock()
    # CONTRIBUTING "Fix a typo", Russian: a listed correction, then `make translation-lock FORCE=1`.
    ru = hit["ru_typo"] = drift.find(docs, "ru", taken, fit)
    hit["ru_typo_words"] = respell(project, ru, glossary)
    project.append("data/corrections.yaml", correction(ru.page, f"paragraph: {ru.id}", *hit["ru_typo_words"], kind="typo"))
    log["ru_typo_refused"] = project.lock()
    log["ru_typo"] = project.lock("--force")
    # README "Publish a Russian revision before its translation": `make translation-pending ID=…`.
    ru = hit["pending"] = drift.find(docs, "ru", taken, fit)
    project.append("data/corrections.yaml", correction(ru.page, f"paragraph: {ru.id}", *respell(project, ru, glossary)))
    log["pending"] = project.lock("--pending", ru.id, "--date", "2026-03-01")
    # README / CONTRIBUTING "Comment on a claim": a note after a paragraph.
    hit["note"] = drift.find(docs, "ru", taken, lambda p: p.page in ARTICLE_PAGES)
    project.append("data/notes.yaml", f"- id: contributor-check\n  after: {hit['note'].id}\n  text:\n    ru: Проверочное примечание.\n"
                   "    en: A test note.\n  verified: false\n")
    # "Table rows": a note on a row, an English cell improved, a Russian cell corrected as listed.
    insert_in_row(project, ROW, "# Map", ["    note:", "      text:", "        ru: Проверочное примечание к строке.",
                                           "        en: A test note on the row.", "      verified: false"])
    row = next(r for r in project.data("infrastructure")["rows"] if r["id"] == ROW)
    hit["en_cell"] = row["impact"]["en"] + " indeed"
    project.replace("data/infrastructure.yaml", f"en: {row['impact']['en']}\n", f"en: {hit['en_cell']}\n")
    cell = next(r for r in project.data("infrastructure")["rows"] if r["id"] == CELL_ROW)["impact"]["ru"]
    word = plain_word(cell, glossary) or next(w for w in cell.split() if "е" in w)
    hit["ru_cell"] = (word, word.replace("е", "ё", 1))
    project.replace("data/infrastructure.yaml", f"ru: {cell}\n", f"ru: {cell.replace(*hit['ru_cell'], 1)}\n")
    project.append("data/corrections.yaml", correction("infrastructure", f"row: {CELL_ROW}", *hit["ru_cell"]))
    # "Put a row on the map": a place of the checked list (data/places.yaml), by its key.
    assert "khorgos" in project.data("places")["places"]
    insert_in_row(project, ROW, "places:", [])
    lines = project.text("data/infrastructure.yaml").split("\n")
    at = next(n for n in range(lines.index(f"  - id: {ROW}"), len(lines)) if lines[n].strip() == "places:") + 1
    lines.insert(at, "      - {place: khorgos, marks: site}")
    (project.root / "data/infrastructure.yaml").write_text("\n".join(lines), encoding="utf-8")
    # README "Change the metadata": a revised edition published with `make release` (its version and
    # date, tools/release.py) and a keyword (the article's own words).
    released = project._run([sys.executable, "tools/release.py", "--summary-ru", "Правка.", "--summary-en", "A revision.", "--date", DATE])
    assert released.returncode == 0, released.output
    project.replace("data/article.yaml", "    - индустриальные парки\n", "    - индустриальные парки\n    - трансфер технологий\n")
    project.replace("data/article.yaml", "    - industrial parks\n", "    - industrial parks\n    - technology transfer\n")

    built = project.build()
    assert built.returncode == 0, "\n".join(built.errors)
    checked = project.check(*RULES, deselect=OWN_BUILDS)
    return project, hit, log, checked


def page(project, lang, name):
    return parse(html_path(project.root / "site", lang, name))


def passes(checked, *modules):
    failed = {name: message for module in modules for name, message in checked.failed_in(module).items()}
    assert not failed, "\n\n".join(f"{name}: {message}" for name, message in failed.items())


def listed(project, lang, target: str):
    rows = page(project, lang, "corrections").select("#corrections-log tbody tr")
    return [row for row in rows if row.find_all("td")[1].a["href"].endswith(f"#{target}")]


@proves("README.md: Edit a sentence")
def test_edit_a_sentence(edited):
    project, hit, log, checked = edited
    ru = hit["sentence"]
    assert log["sentence"].returncode == 0 and f"#{ru.id} refreshed" in log["sentence"].output, log["sentence"].output
    passes(checked, "test_source_fidelity", "test_translation_lock", "test_corrections_log", *(m[6:-3] for m in PAIR_RULES))
    assert hit["sentence_words"][1] in text(page(project, "ru", ru.page).find(id=ru.id))
    assert text(page(project, "en", ru.page).find(id=ru.id)).endswith("indeed.")
    for lang in ("ru", "en"):
        assert listed(project, lang, ru.id), f"the corrections page ({lang}) does not list #{ru.id}"


@proves("CONTRIBUTING.md: Fix a typo", "README.md: Translate")
def test_fix_a_typo_in_the_english(edited):
    project, hit, log, checked = edited
    en = hit["en_typo"]
    assert f"#{en.id} translation recorded (the Russian is unchanged)" in log["en_typo"].output, log["en_typo"].output
    passes(checked, "test_translation_lock", *(m[6:-3] for m in PAIR_RULES))
    assert text(page(project, "en", en.page).find(id=en.id)).endswith("too.")


@proves("CONTRIBUTING.md: Fix a typo", "CONTRIBUTING.md: Refresh a stale record")
def test_fix_a_typo_in_the_russian(edited):
    project, hit, log, checked = edited
    ru = hit["ru_typo"]
    assert log["ru_typo_refused"].returncode != 0 and "FORCE=1" in log["ru_typo_refused"].output
    assert log["ru_typo"].returncode == 0 and f"#{ru.id} refreshed" in log["ru_typo"].output, log["ru_typo"].output
    passes(checked, "test_source_fidelity", "test_translation_lock", "test_corrections_log")
    assert hit["ru_typo_words"][1] in text(page(project, "ru", ru.page).find(id=ru.id))
    assert listed(project, "en", ru.id)


@proves("README.md: Publish a Russian revision before its translation", "CONTRIBUTING.md: Refresh a stale record")
def test_publish_a_russian_revision_before_its_translation(edited):
    project, hit, log, checked = edited
    ru = hit["pending"]
    assert log["pending"].returncode == 0, log["pending"].output
    passes(checked, "test_translation_lock", "test_source_fidelity")
    paragraph = page(project, "en", ru.page).find(id=ru.id)
    banner = paragraph.find_previous_sibling(True)
    assert banner.name == "aside" and banner.get("data-paragraph") == ru.id and "2026" in text(banner)
    assert page(project, "ru", ru.page).select_one("aside.edition-pending") is None


@proves("README.md: Comment on a claim", "CONTRIBUTING.md: Comment on a claim")
def test_comment_on_a_claim_with_a_note(edited):
    project, hit, log, checked = edited
    passes(checked, "test_editor_notes", "test_glossary_terms")
    for lang, words in (("ru", "Проверочное примечание."), ("en", "A test note.")):
        aside = page(project, lang, hit["note"].page).find(id="note-contributor-check")
        assert aside is not None and words in text(aside)
        previous = aside.find_previous_sibling(True)
        while previous.name == "aside":
            previous = previous.find_previous_sibling(True)
        assert previous.get("id") == hit["note"].id


@proves("README.md: Table rows", "CONTRIBUTING.md: The table's rows", "README.md: Comment on a claim")
def test_table_rows_a_note_an_english_cell_and_a_listed_correction(edited):
    project, hit, log, checked = edited
    passes(checked, "test_table", "test_source_fidelity", "test_editor_notes", "test_corrections_log", "test_table_downloads", "test_glossary_terms",
           "test_jats")  # the JATS file's corrections table names the row (valid against the DTD)
    en = page(project, "en", "infrastructure")
    assert hit["en_cell"] in text(en.select_one(f"#row-{ROW}")) and en.select_one(f"aside#note-row-{ROW}") is not None
    assert hit["ru_cell"][1] in text(page(project, "ru", "infrastructure").select_one(f"#row-{CELL_ROW}"))
    assert hit["en_cell"] in (project.root / "site/en/downloads/infrastructure-en.csv").read_text(encoding="utf-8")
    [row] = listed(project, "ru", f"row-{CELL_ROW}")
    assert [text(td) for td in row.find_all("td")[2:4]] == list(hit["ru_cell"])


@proves("README.md: Put a row on the map", "CONTRIBUTING.md: The table's rows")
def test_put_a_row_on_the_map(edited):
    project, hit, log, checked = edited
    passes(checked, "test_map")
    for lang, name in (("ru", "Хоргос"), ("en", "Khorgos")):
        sites = page(project, lang, "infrastructure").select("svg g.edition-map__site")
        [site] = [s for s in sites if s.select_one("text.edition-map__place").get_text() == name]
        assert [a["href"] for a in site.select("a.edition-map__marker")] == [f"#row-{ROW}"]


@proves("README.md: Change the metadata")
def test_change_the_metadata(edited):
    project, hit, log, checked = edited
    passes(checked, "test_keywords", "test_title_abstracts")
    for lang, keyword in (("ru", "трансфер технологий"), ("en", "technology transfer")):
        title = page(project, lang, "index")
        assert title.select_one('meta[name="citation_publication_date"]')["content"] == DATE.replace("-", "/")
        assert keyword in title.select_one('meta[name="citation_keywords"]')["content"]
        assert keyword in text(title.select_one(".edition-keywords"))


def test_the_edited_copy_passes_every_rule_it_touches(edited):
    """All the how-tos together leave no rule failing (one edit's outcome does not break another's)."""
    checked = edited[3]
    assert checked.returncode == 0 and not checked.failures, checked.output[-5000:]
