# checks · on_files
"""Every editor's note (data/notes.yaml) follows a paragraph that exists, or the build stops
before any page is rendered: the message names the note's line in data/notes.yaml and the
paragraph id it most likely meant ("did you mean `policy-coordination-p5`?").

The paragraph ids are those of the Markdown (edition/article_text.py numbers them as
hooks/text/paragraph_ids.py numbers the HTML): the N-th paragraph after the heading {#section}
is section-pN, the same in every language (hooks/checks/pairing.py, registered before this hook,
has checked that the languages pair up).
"""

from __future__ import annotations

import difflib
from pathlib import Path

from edition import article_text, datafiles, metadata


def suggestion(wanted: str, ids: list[str]) -> str | None:
    """The id a mistyped one most likely means: in a known section, the nearest paragraph
    number; otherwise the closest spelling."""
    section, _, number = wanted.rpartition("-p")
    in_section = [ident for ident in ids if ident.rpartition("-p")[0] == section]
    if in_section and number.isdigit():
        return min(in_section, key=lambda ident: abs(int(ident.rpartition("-p")[2]) - int(number)))
    near = difflib.get_close_matches(wanted, ids, n=1, cutoff=0.6)
    return near[0] if near else None


def problems(docs: Path, source_lang: str) -> list[str]:
    ids = [p.id for page in article_text.pages(source_lang, docs) for p in article_text.paragraphs(source_lang, page, docs)]
    out = []
    for index, note in enumerate(datafiles.load("notes")):
        if note["after"] in ids:
            continue
        near = suggestion(note["after"], ids)
        hint = f" Did you mean `{near}`?" if near else ""
        out.append(
            f"{datafiles.where('notes', [index, 'after'])}: note '{note['id']}' follows paragraph `{note['after']}`, "
            f"which no page of docs/{source_lang}/ has.{hint} Write the id of the paragraph the note follows: "
            "section-pN, the N-th paragraph after the heading {#section}, the same in every language."
        )
    return out


def on_files(files, config):
    source = metadata.default_language(config)
    found = problems(Path(config.docs_dir), source)
    if found:
        raise datafiles.DataError(f"{len(found)} problem(s) in data/notes.yaml:\n  " + "\n  ".join(found))
    return files
