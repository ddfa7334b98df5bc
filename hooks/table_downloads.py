"""Offer every table of data/ (a data file with columns and rows) for download, per
language, as CSV and JSON: downloads/<name>-<lang>.{csv,json} (hooks/_edition.py names
them; the table's template links them).

Columns: the row's id, its type (id and name), its country codes, then the table's own
columns in the language. The JSON holds the same rows with the caption and column names.
"""

import csv
import io
import json
from pathlib import Path

import _datafiles
import _edition


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


def on_post_build(config):
    lang = _edition.current_language(config)
    site = Path(config.site_dir)
    for name in _edition.tables():
        data = _datafiles.load(name)
        columns, records = rows(data, lang)
        titles = headers(data, lang)
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow([titles[c] for c in columns])
        for record in records:
            writer.writerow([" ".join(v) if isinstance(v, list) else v for v in (record[c] for c in columns)])
        document = {
            "number": data.get("number"),
            "caption": data["caption"][lang],
            "language": lang,
            "columns": titles,
            "rows": records,
        }
        for ext, text in (("csv", out.getvalue()), ("json", json.dumps(document, ensure_ascii=False, indent=2) + "\n")):
            target = site / _edition.table_file(name, lang, ext, config)
            target.parent.mkdir(parents=True, exist_ok=True)
            # CSV with a byte-order mark, so that spreadsheet programs read the Cyrillic as UTF-8.
            target.write_text(text, encoding="utf-8-sig" if ext == "csv" else "utf-8")
