"""Rule: the corrections page of each language lists every change made to the author's
text (data/corrections.yaml): where (a link to the paragraph or table row), what the source has, what the
edition has, and why; with no changes, it says the text is unchanged.
(test_source_fidelity.py fails on any change to the text that is not listed.)"""

from urllib.parse import urljoin

import pytest

from edition_site import LANGS, build, copy_project, data, md_name, parse, text, url

BASE = "http://site.test/"


@pytest.mark.parametrize("lang", LANGS)
def test_every_correction_is_listed_with_a_link_to_its_paragraph(pages, lang):
    corrections = data("corrections")
    rows = pages[lang]["corrections"].select("#corrections-log tbody tr")
    assert len(rows) == len(corrections), f"{md_name(lang, 'corrections')}: {len(rows)} rows for {len(corrections)} corrections"
    for row, change in zip(rows, corrections):
        cells = row.find_all("td")
        link = cells[1].a
        target = change["paragraph"] if "paragraph" in change else f"row-{change['row']}"  # a paragraph, or a table row
        assert urljoin(BASE + url(lang, "corrections"), link["href"]) == BASE + url(lang, change["page"]) + f"#{target}"
        assert (text(cells[2]), text(cells[3])) == (change["original"], change["corrected"])
        assert cells[2]["lang"] == cells[3]["lang"] == "ru"
        assert change["reason"][lang] in text(cells[4])
        paragraph = pages["ru"][change["page"]].find(id=target)
        assert paragraph is not None and change["corrected"] in text(paragraph), f"docs/ru/{change['page']}.md #{target} lacks «{change['corrected']}»"


@pytest.mark.slow  # works on a copy of the project: make test, not make check
def test_without_corrections_the_page_says_the_text_is_unchanged(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "data" / "corrections.yaml").write_text("[]\n", encoding="utf-8")
    result = build(project / "site", project)
    assert result.returncode == 0, result.stdout + result.stderr
    for lang in LANGS:
        page = parse(project / "site" / url(lang, "corrections") / "index.html")
        assert page.select_one("#corrections-log") is None
        assert text(page.select_one(".edition-corrections__none")) == data("labels")["corrections_none"][lang]
