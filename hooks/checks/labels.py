# checks · on_config
"""The interface words of data/labels.yaml fit the code that fills them in, or the build stops
with the label's line and what to do.

A label with placeholders (`{n}`, `{size}`) is a pattern: the code fills in each placeholder by
name, in whichever language is being built. So every label has the same placeholders in both
languages, and each placeholder the code fills (FILLED: the label, the file that fills it in
and the placeholders; each file is read to confirm it still does) is in the label — a label that
lost its `{n}` would show readers a sentence with a number missing, in one language only.
"""

from __future__ import annotations

import string
from pathlib import Path

from edition import cache, datafiles

ROOT = Path(__file__).resolve().parents[2]

# label -> (the file that fills it in, the placeholders it fills)
FILLED = {
    "form_table_csv": ("overrides/edition/forms.html", {"number"}),
    "form_table_json": ("overrides/edition/forms.html", {"number"}),
    "size": ("hooks/plumbing/download_sizes.py", {"size"}),
    "translation_pending": ("overrides/edition/fragments/translation-pending.html", {"date"}),
    "filter_status": ("docs/assets/living-table.js", {"shown", "total"}),
    "parallel_title": ("hooks/forms/parallel.py", {"title"}),
    "sentence_show": ("docs/assets/sentences.js", {"n"}),
    "sentence_pair": ("docs/assets/sentences.js", {"n"}),
    "revision_marker": ("overrides/edition/fragments/revision.html", {"n"}),
    "revision_name": ("overrides/edition/fragments/revision.html", {"n"}),
    "revision_earlier": ("overrides/edition/fragments/revision.html", {"n"}),
}


def placeholders(text: str) -> set[str]:
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError as err:
        return {f"(unreadable: {err})"}


def _fills(path: str, name: str) -> bool:
    """Does the file fill placeholder NAME in (`"{name}"` replaced, or `name=` given to format)?"""
    source = (ROOT / path).read_text(encoding="utf-8")
    return f'"{{{name}}}"' in source or f"{name}=" in source


def _list(names) -> str:
    return ", ".join(f"{{{n}}}" for n in sorted(names))


def problems(labels: dict | None = None) -> list[str]:
    labels = datafiles.load("labels") if labels is None else labels
    out = []
    for key, (path, names) in FILLED.items():
        unfilled = sorted(n for n in names if not _fills(path, n))
        if unfilled:
            out.append(f"hooks/checks/labels.py: FILLED says {path} fills {_list(unfilled)} of label '{key}', but it "
                       "does not (any more): correct FILLED with the code.")
    for key, text in labels.items():
        where = f"{datafiles.where('labels', [key])}: label '{key}'"
        ru, en = placeholders(text["ru"]), placeholders(text["en"])
        path, filled = FILLED.get(key, (None, set()))
        missing = {lang: sorted((filled | ru | en) - found) for lang, found in (("ru", ru), ("en", en))}
        if any(missing.values()):
            lacks = "; ".join(f"the {'Russian' if lang == 'ru' else 'English'} lacks {_list(names)}"
                              for lang, names in missing.items() if names)
            by = f" ({path} fills in {_list(filled)})" if filled else ""
            out.append(f"{where}: {lacks}{by}. Write the same placeholders in both languages, as they are "
                       "(they are filled in, not translated).")
        extra = sorted((ru | en) - filled)
        if extra and not any(missing.values()):
            out.append(f"{where}: nothing fills in {_list(extra)}: remove it from the label, or fill it in where the "
                       "label is used and add it to FILLED in hooks/checks/labels.py.")
    return out


def on_config(config):
    # Kept between builds while the labels, the files that fill them in and this check are
    # unchanged (edition/cache.py): a tenth of a second of every warm build.
    depends = [datafiles.DATA / "labels.yaml", Path(__file__), *sorted({ROOT / path for path, _ in FILLED.values()})]
    found = cache.cached("labels", {}, problems, depends=depends)
    if found:
        raise datafiles.DataError(f"{len(found)} problem(s) in data/labels.yaml:\n  " + "\n  ".join(found))
    return config
