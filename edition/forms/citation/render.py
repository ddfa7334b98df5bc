"""The edition's reference in BibTeX, RIS and CSL-JSON, from the data hooks/forms/citation_files.py
hands over (data/article.yaml through edition/metadata.py).

Renders of the download worker (edition/worker.py). One record per language edition, the same
description in the three formats and in the pages' citation tags, JSON-LD and cite block: a web
page of the edition's website — CSL `webpage`, biblatex `@online`, RIS `ELEC`, Zotero's
`webpage` (the landing pages say og:type website) — whose container is the website (CSL
`container-title`, biblatex `booktitle`, RIS `T2`), with title, date, URL, language, abstract and
keywords; authors only when known. A translation credits its translator, the editors (an
organization: CSL `literal`, a braced BibTeX name, RIS `A4`), and names the original's title and
language (CSL `original-title`, biblatex `origtitle` and `origlanguage`, RIS `OP`, the original
publication; RIS has no field for the original's language: a note says it). The rights to the article and its translation
(data/rights.yaml) go in the note; a license (CSL `license`) only once one is recorded.
The version (data/versions.yaml): CSL and biblatex `version`, a note in RIS (no field for it).
pybtex writes the BibTeX, rispy the RIS. Inputs: {"date", "dates", "edition", "key", "version",
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


def _translation_note(inputs: dict, edition: dict) -> str:
    """Where a format has no field for the original: the translation said in words (data/labels.yaml)."""
    if not edition["translator"]:
        return ""
    return f" {inputs['words']['citation_translation_of']}: {edition['original_title']} ({edition['original_language']})."


def _version_note(inputs: dict, edition: dict) -> str:
    """RIS has no version field for a web page: the version in words (data/labels.yaml)."""
    return f"{inputs['words']['version']} {inputs['version']['number']} ({inputs['version']['date']})."


def bibtex(inputs: dict, out) -> None:
    edition = inputs["edition"]
    fields = {
        "title": edition["title"],
        "booktitle": edition["site_name"],      # biblatex @online has no container of its own: biblatex readers take booktitle
        "year": str(inputs["dates"]["year"]),
        "date": inputs["date"],
        "url": edition["url"],
        "language": edition["lang"],
        "langid": BIBLATEX_LANGUAGE.get(edition["lang"], edition["lang"]),
        "abstract": "\n\n".join(edition["abstract"]),
        "keywords": ", ".join(edition["keywords"]),
        "version": str(inputs["version"]["number"]),
        "note": f"{edition['title_note']} {edition['rights']['article']['statement']}",
    }
    if edition["translator"]:   # biblatex: a corporate name is braced whole, never split into first and last names
        fields["translator"] = "{" + edition["translator"] + "}"
        fields["origtitle"] = edition["original_title"]
        fields["origlanguage"] = BIBLATEX_LANGUAGE.get(edition["original_language"], edition["original_language"])
    persons = {"author": [Person(first=a["initials"], last=a["family"]) for a in edition["authors"]]} if edition["authors"] else None
    data = BibliographyData({inputs["key"]: Entry("online", fields=fields, persons=persons)})
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
        "secondary_title": edition["site_name"],    # T2: the website (Zotero's websiteTitle)
        "notes": [edition["title_note"] + _translation_note(inputs, edition), _version_note(inputs, edition),
                  edition["rights"]["article"]["statement"]],
    }
    if edition["authors"]:
        record["authors"] = [f"{a['family']}, {a['initials']}" for a in edition["authors"]]
    if edition["translator"]:
        record["subsidiary_authors"] = [edition["translator"]]   # A4: the translator (Zotero's RIS)
        record["original_publication"] = edition["original_title"]  # OP: the original's title
    _write(out, rispy.dumps([record], implementation=_RisWriter))


def csl(inputs: dict, out) -> None:
    edition = inputs["edition"]
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
        "version": str(inputs["version"]["number"]),
        "note": f"{edition['title_note']} {edition['rights']['article']['statement']}",
    }
    if edition["rights"]["article"]["license"]:   # data/rights.yaml: only once the holder grants one
        item["license"] = edition["rights"]["article"]["license"]["url"]
    if edition["authors"]:
        item["author"] = [{"family": a["family"], "given": a["initials"]} for a in edition["authors"]]
    if edition["translator"]:
        item["translator"] = [{"literal": edition["translator"]}]
        item["original-title"] = edition["original_title"]
    _write(out, json.dumps([item], ensure_ascii=False, indent=2) + "\n")
