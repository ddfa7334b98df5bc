"""The edition's reference in BibTeX, RIS and CSL-JSON, from the data hooks/forms/citation_files.py
hands over (data/article.yaml through edition/metadata.py).

Renders of the download worker (edition/worker.py). One record per language edition,
described the same way in the three formats: a web resource (BibTeX @misc, RIS ELEC, CSL
webpage) with title, date, URL, language, abstract and keywords; authors only when known.
The rights to the article and its translation (data/rights.yaml) go in the note; a license
(CSL `license`) only once one is recorded.
pybtex writes the BibTeX, rispy the RIS. Inputs: {"date", "dates", "edition", "key",
"original"} — "original" is the original language's edition, or None for the original itself.
"""

import json

import rispy
from pybtex.database import BibliographyData, Entry, Person


class _RisWriter(rispy.RisWriter):
    """rispy's writer without its "1." line before each record: the file starts with TY."""

    def set_header(self, count):
        return ""


BIBLATEX_LANGUAGE = {"ru": "russian", "en": "english"}  # biblatex's langid names


def _write(out, text: str) -> None:
    out.write_text(text, encoding="utf-8")


def bibtex(inputs: dict, out) -> None:
    edition = inputs["edition"]
    fields = {
        "title": edition["title"],
        "year": str(inputs["dates"]["year"]),
        "date": inputs["date"],
        "url": edition["url"],
        "howpublished": edition["site_name"],
        "language": edition["lang"],
        "langid": BIBLATEX_LANGUAGE.get(edition["lang"], edition["lang"]),
        "abstract": "\n\n".join(edition["abstract"]),
        "keywords": ", ".join(edition["keywords"]),
        "note": f"{edition['title_note']} {edition['rights']['article']['statement']}",
    }
    persons = {"author": [Person(first=a["initials"], last=a["family"]) for a in edition["authors"]]} if edition["authors"] else None
    data = BibliographyData({inputs["key"]: Entry("misc", fields=fields, persons=persons)})
    _write(out, data.to_string("bibtex"))


def ris(inputs: dict, out) -> None:
    edition = inputs["edition"]
    record = {
        "type_of_reference": "ELEC",
        "id": inputs["key"],
        "title": edition["title"],
        "year": str(inputs["dates"]["year"]),
        "date": inputs["date"].replace("-", "/"),
        "urls": [edition["url"]],
        "language": edition["lang"],
        "abstract": " ".join(edition["abstract"]),
        "keywords": edition["keywords"],
        "publisher": edition["site_name"],
        "notes": [edition["title_note"], edition["rights"]["article"]["statement"]],
    }
    if edition["authors"]:
        record["authors"] = [f"{a['family']}, {a['initials']}" for a in edition["authors"]]
    _write(out, rispy.dumps([record], implementation=_RisWriter))


def csl(inputs: dict, out) -> None:
    edition, original = inputs["edition"], inputs["original"]
    item = {
        "id": inputs["key"],
        "type": "webpage",
        "title": edition["title"],
        "container-title": edition["site_name"],
        "language": edition["lang"],
        "issued": {"date-parts": [inputs["dates"]["parts"]]},
        "URL": edition["url"],
        "abstract": "\n\n".join(edition["abstract"]),
        "keyword": ", ".join(edition["keywords"]),
        "note": f"{edition['title_note']} {edition['rights']['article']['statement']}",
    }
    if edition["rights"]["article"]["license"]:   # data/rights.yaml: only once the holder grants one
        item["license"] = edition["rights"]["article"]["license"]["url"]
    if edition["authors"]:
        item["author"] = [{"family": a["family"], "given": a["initials"]} for a in edition["authors"]]
    if original is not None:
        item["original-title"] = original["title"]
    _write(out, json.dumps([item], ensure_ascii=False, indent=2) + "\n")
