"""Rule: the infrastructure table on each language's page has exactly the rows of
data/infrastructure.yaml, in its order, cell for cell, grouped by type, with a numbered caption.
The rows are the author's (Table 1 of the article): that they are the source's rows, and
no others, is test_source_fidelity.py's rule."""

import pytest

from edition_site import LANGS, data, md_name, text

PAGE = "infrastructure"


@pytest.fixture(scope="module")
def table_data():
    return data("infrastructure")


def _table(pages, lang):
    table = pages[lang][PAGE].select_one("#table-infrastructure table")
    assert table is not None, f"{md_name(lang, PAGE)}: no rendered table #table-infrastructure; is the marker <!-- table: infrastructure --> there?"
    return table


@pytest.mark.parametrize("lang", LANGS)
def test_rows_are_the_data_rows_in_order(pages, table_data, lang):
    rows = _table(pages, lang).select("tbody > tr")
    assert [tr.get("id") for tr in rows] == [f"row-{row['id']}" for row in table_data["rows"]], (
        f"{md_name(lang, PAGE)}: the table's rows differ from data/infrastructure.yaml (ids, order)"
    )
    current_type = None
    for number, (tr, row) in enumerate(zip(rows, table_data["rows"]), 1):
        cells = [text(td) for td in tr.find_all("td", recursive=False)]
        expected = [" ".join(row[field][lang].split()) for field in ("label", "project", "impact")]
        assert cells == expected, f"{md_name(lang, PAGE)}, table row {number} ({row['id']}): {cells} != data {expected}"
        assert tr["data-countries"].split() == row["countries"], f"row {number}: country codes differ from the data"
        header = tr.find("th", recursive=False)
        if row["type"] != current_type:
            assert header is not None and text(header) == table_data["types"][row["type"]][lang], (
                f"table row {number} starts the group '{row['type']}' but shows no type cell {table_data['types'][row['type']][lang]!r}"
            )
            current_type = row["type"]
        else:
            assert header is None, f"table row {number} repeats the type cell of its group"


@pytest.mark.parametrize("lang", LANGS)
def test_one_table_with_its_rows_and_a_numbered_caption(pages, table_data, lang):
    """As many rows as the data (whether they are the source's rows: test_source_fidelity.py)."""
    assert len(pages[lang][PAGE].select("article table")) == 1
    table = _table(pages, lang)
    rows = table.select("tbody > tr")
    assert len(rows) == len(table_data["rows"]), (
        f"{md_name(lang, PAGE)}: the table shows {len(rows)} rows, data/infrastructure.yaml has {len(table_data['rows'])}"
    )
    caption = text(table.caption)
    label = data("labels")["table"][lang]
    assert caption == f"{label} {table_data['number']}. {table_data['caption'][lang]}"
    headers = [text(th) for th in table.select("thead th")]
    assert headers == [table_data["columns"][c][lang] for c in ("type", "countries", "project", "impact")]


def test_type_groups_span_their_rows(pages, table_data):
    for lang in LANGS:
        for tbody in _table(pages, lang).select("tbody"):
            rows = tbody.find_all("tr", recursive=False)
            header = rows[0].find("th")
            assert int(header.get("rowspan", 1)) == len(rows)
            assert header.get("scope") == "rowgroup"
