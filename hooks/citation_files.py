"""Write the edition's reference in BibTeX, RIS and CSL-JSON for every language, from
data/article.yaml (through hooks/_edition.py): downloads/<file_name>-<lang>.{bib,ris,json}.

One record per language edition, described the same way in the three formats: a web
resource (BibTeX @misc, RIS ELEC, CSL webpage) with title, date, URL, language, abstract
and keywords; authors only when known. The rights to the article and its translation
(data/rights.yaml) go in the note; a license (CSL `license`) only once one is recorded.
pybtex writes the BibTeX, rispy the RIS.
"""

import json
from pathlib import Path

import rispy
from pybtex.database import BibliographyData, Entry, Person

import _edition


class _RisWriter(rispy.RisWriter):
    """rispy's writer without its "1." line before each record: the file starts with TY."""

    def set_header(self, count):
        return ""


BIBLATEX_LANGUAGE = {"ru": "russian", "en": "english"}  # biblatex's langid names


def _bibtex(meta, edition, key) -> str:
    fields = {
        "title": edition["title"],
        "year": str(meta["dates"]["year"]),
        "date": meta["date"],
        "url": edition["url"],
        "howpublished": edition["site_name"],
        "language": edition["lang"],
        "langid": BIBLATEX_LANGUAGE.get(edition["lang"], edition["lang"]),
        "abstract": "\n\n".join(edition["abstract"]),
        "keywords": ", ".join(edition["keywords"]),
        "note": f"{edition['title_note']} {meta['rights']['article']['statement']}",
    }
    persons = {"author": [Person(first=a["initials"], last=a["family"]) for a in edition["authors"]]} if edition["authors"] else None
    data = BibliographyData({key: Entry("misc", fields=fields, persons=persons)})
    return data.to_string("bibtex")


def _ris(meta, edition, key) -> str:
    record = {
        "type_of_reference": "ELEC",
        "id": key,
        "title": edition["title"],
        "year": str(meta["dates"]["year"]),
        "date": meta["date"].replace("-", "/"),
        "urls": [edition["url"]],
        "language": edition["lang"],
        "abstract": " ".join(edition["abstract"]),
        "keywords": edition["keywords"],
        "publisher": edition["site_name"],
        "notes": [edition["title_note"], meta["rights"]["article"]["statement"]],
    }
    if edition["authors"]:
        record["authors"] = [f"{a['family']}, {a['initials']}" for a in edition["authors"]]
    return rispy.dumps([record], implementation=_RisWriter)


def _csl(meta, edition, key, original) -> list:
    item = {
        "id": key,
        "type": "webpage",
        "title": edition["title"],
        "container-title": edition["site_name"],
        "language": edition["lang"],
        "issued": {"date-parts": [meta["dates"]["parts"]]},
        "URL": edition["url"],
        "abstract": "\n\n".join(edition["abstract"]),
        "keyword": ", ".join(edition["keywords"]),
        "note": f"{edition['title_note']} {meta['rights']['article']['statement']}",
    }
    if meta["rights"]["article"]["license"]:
        item["license"] = meta["rights"]["article"]["license"]["url"]
    if edition["authors"]:
        item["author"] = [{"family": a["family"], "given": a["initials"]} for a in edition["authors"]]
    if original is not None and original is not edition:
        item["original-title"] = original["title"]
    return [item]


def on_post_build(config):
    meta = _edition.metadata(config)
    edition = meta["this"]
    original = meta["editions"].get(meta["original_language"])
    key = Path(edition["files"]["bib"]).stem
    site = Path(config.site_dir)
    outputs = {
        "bib": _bibtex(meta, edition, key),
        "ris": _ris(meta, edition, key),
        "json": json.dumps(_csl(meta, edition, key, original), ensure_ascii=False, indent=2) + "\n",
    }
    for ext, text in outputs.items():
        target = site / edition["files"][ext]
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
