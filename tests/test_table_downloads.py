"""Rule: under the table, its data is offered for download as CSV and JSON in the page's
language, generated from data/infrastructure.yaml: the same rows, in order, cell for cell."""

import csv
import io
import json
from urllib.parse import urljoin

import pytest

from edition_site import LANGS, data, md_name, site_url, url

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


@pytest.mark.parametrize("lang", LANGS)
def test_each_table_file_carries_the_articles_rights_and_its_page(site, pages, lang):
    """The table is the author's: a file that travels alone says whose it is (data/rights.yaml)
    and where it comes from — the JSON in its fields, the CSV in its CSVW metadata file beside it."""
    statement = data("rights")["article"]["statement"][lang]
    document = json.loads(download(site, pages, lang, "json").read_text(encoding="utf-8"))
    csv_path = download(site, pages, lang, "csv")
    sidecar = csv_path.with_name(csv_path.name + "-metadata.json")
    assert sidecar.is_file(), f"{sidecar.relative_to(site)}: the CSV's metadata (rights, source) was not written"
    described = json.loads(sidecar.read_text(encoding="utf-8"))
    table_page = site_url() + url(lang, PAGE)
    for name, rights, source in ((f"the {lang} JSON", document.get("rights"), document.get("source")),
                                 (sidecar.name, described.get("dc:rights"), described.get("dc:source"))):
        assert rights == statement, f"{name}: the rights are {rights!r}, not the article's statement of data/rights.yaml"
        assert source == table_page, f"{name}: the source is {source!r}, not the table's page {table_page}"
    header = next(csv.reader(io.StringIO(csv_path.read_text(encoding="utf-8-sig"))))
    assert [column["titles"] for column in described["tableSchema"]["columns"]] == header, f"{sidecar.name}: its columns are not the CSV's"
    assert described["url"] == csv_path.name, f"{sidecar.name}: describes {described['url']}, not {csv_path.name}"
