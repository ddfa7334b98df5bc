"""A data table (a data file with columns and rows) in one language as CSV and as JSON,
from what hooks/forms/table_downloads.py hands over: {"data": the validated data file, "lang"}.

Renders of the download worker (edition/worker.py). Columns: the row's id, its type (id
and name), its country codes, then the table's own columns in the language. The JSON
holds the same rows with the caption and column names.

The table is the author's (and its translation): each file carries the article's rights
statement (data/rights.yaml) and the page it comes from, as its format allows — the JSON in
its fields `rights` and `source`; the CSV, whose format has no place for them, in its W3C
CSVW metadata file beside it (<name>-<lang>.csv-metadata.json: `dc:rights`, `dc:source`), the
name a CSVW reader looks for first.
"""

import csv
import io
import json


def rows(data: dict, lang: str) -> tuple[list[str], list[dict]]:
    """The table as records in one language: (the column keys in order, the rows)."""
    columns = ["id", "type", "type_name", "country_codes", *[c for c in data["columns"] if c != "type"]]
    records = []
    for row in data["rows"]:
        record = {
            "id": row["id"],
            "type": row["type"],
            "type_name": data["types"][row["type"]][lang],
            "country_codes": row["countries"],
        }
        for column in data["columns"]:
            if column == "type":
                continue
            # The countries column shows the row's label (its words for the countries).
            record[column] = (row["label"] if column == "countries" else row[column])[lang]
        records.append(record)
    return columns, records


def headers(data: dict, lang: str) -> dict:
    names = {column: text[lang] for column, text in data["columns"].items()}
    return {"id": "id", "type": "type", "type_name": names["type"], "country_codes": "country_codes",
            **{c: names[c] for c in data["columns"] if c != "type"}}


def csv_file(inputs: dict, out) -> None:
    data, lang = inputs["data"], inputs["lang"]
    columns, records = rows(data, lang)
    titles = headers(data, lang)
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow([titles[c] for c in columns])
    for record in records:
        writer.writerow([" ".join(v) if isinstance(v, list) else v for v in (record[c] for c in columns)])
    # With a byte-order mark, so that spreadsheet programs read the Cyrillic as UTF-8.
    out.write_text(text.getvalue(), encoding="utf-8-sig")


def json_file(inputs: dict, out) -> None:
    data, lang = inputs["data"], inputs["lang"]
    _, records = rows(data, lang)
    document = {
        "number": data.get("number"),
        "caption": data["caption"][lang],
        "language": lang,
        "rights": inputs["rights"],
        "source": inputs["source"],
        "columns": headers(data, lang),
        "rows": records,
    }
    out.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def csvw_file(inputs: dict, out) -> None:
    """The CSV's metadata (CSV on the Web, W3C): its title, language, rights, source and columns."""
    data, lang = inputs["data"], inputs["lang"]
    columns, _ = rows(data, lang)
    titles = headers(data, lang)
    document = {
        "@context": ["http://www.w3.org/ns/csvw", {"@language": lang}],
        "url": inputs["url"],  # the CSV beside it
        "dc:title": data["caption"][lang],
        "dc:rights": inputs["rights"],
        "dc:source": inputs["source"],
        "dialect": {"encoding": "utf-8", "header": True},
        "tableSchema": {"columns": [{"name": column, "titles": titles[column]} for column in columns]},
    }
    out.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
