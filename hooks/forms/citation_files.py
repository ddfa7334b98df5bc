# forms · on_post_build
"""Write the edition's reference in BibTeX, RIS and CSL-JSON for every language, from
data/article.yaml (through edition/metadata.py): downloads/<file_name>-<lang>.{bib,ris,json}.

One record per language edition, described the same way in the three formats as in the pages'
citation tags and cite block: a web page of the edition's website (CSL webpage, biblatex
@online, RIS ELEC) in that container, with title, date, URL, language, abstract and keywords;
authors only when known; a translation credits its translator (the editors) and names the
original's title and language (edition/forms/citation/render.py says which field holds what).
The download worker (edition/worker.py) writes them with the renders of
edition/forms/citation/render.py, from the cache when nothing they say has changed.
"""

from pathlib import Path

from edition import metadata, worker

RENDERS = {"bib": "bibtex", "ris": "ris", "json": "csl"}
WORDS = ("version", "citation_translation_of")   # the labels the notes of the files say the version and the original with
VERSIONS = {"bib": ("pybtex", "latexcodec"), "ris": ("rispy",), "json": ()}


def on_post_build(config):
    meta = metadata.metadata(config)
    edition = meta["this"]
    original = meta["editions"].get(meta["original_language"])
    inputs = {
        "date": meta["date"],
        "dates": meta["dates"],
        "edition": edition,
        "key": Path(edition["files"]["bib"]).stem,
        "version": meta["version"],
        "words": {key: meta["labels"][key] for key in WORDS},   # data/labels.yaml
        "original": None if original is None or original["lang"] == edition["lang"] else original,
    }
    for ext, render in RENDERS.items():
        worker.submit(config, edition["files"][ext], f"edition.forms.citation.render:{render}", inputs, versions=VERSIONS[ext])
