"""Rule: under the table, its data is offered for download as CSV and JSON in the page's
language, generated from data/infrastructure.yaml: the same rows, in order, cell for cell."""

import csv
import io
import json
from urllib.parse import urljoin

import pytest

from edition_site import LANGS, data, md_name, url

PAGE = "infrastructure"


def download(site, pages, lang, ext):
    links = pages[lang][PAGE].select(f"#table-infrastructure .edition-table__downloads a[href$='.{ext}']")
    assert len(links) == 1, f"{md_name(lang, PAGE)}: {len(links)} .{ext} link(s) under the table, expected one"
    path = site / urljoin("/" + url(lang, PAGE), links[0]["href"]).lstrip("/")
    assert path.is_file(), f"{md_name(lang, PAGE)}: the link {links[0]['href']} leads nowhere"
    return path


def expected_rows(lang):
    table = data("infrastructure")
    return [
        {"id": row["id"], "type": row["type"], "type_name": table["types"][row["type"]][lang],
         "country_codes": row["countries"], "countries": row["label"][lang],
         "project": row["project"][lang], "impact": row["impact"][lang]}
        for row in table["rows"]
    ]


@pytest.mark.parametrize("lang", LANGS)
def test_csv_is_the_data(site, pages, lang):
    table = data("infrastructure")
    raw = download(site, pages, lang, "csv").read_text(encoding="utf-8-sig")
    reader = csv.reader(io.StringIO(raw))
    header = next(reader)
    names = table["columns"]
    assert header == ["id", "type", names["type"][lang], "country_codes", names["countries"][lang], names["project"][lang], names["impact"][lang]]
    rows = [dict(zip(["id", "type", "type_name", "country_codes", "countries", "project", "impact"], line)) for line in reader]
    expected = [dict(row, country_codes=" ".join(row["country_codes"])) for row in expected_rows(lang)]
    assert rows == expected, f"the {lang} CSV differs from data/infrastructure.yaml"


@pytest.mark.parametrize("lang", LANGS)
def test_json_is_the_data(site, pages, lang):
    table = data("infrastructure")
    document = json.loads(download(site, pages, lang, "json").read_text(encoding="utf-8"))
    assert document["caption"] == table["caption"][lang] and document["language"] == lang
    assert document["rows"] == expected_rows(lang), f"the {lang} JSON differs from data/infrastructure.yaml"
