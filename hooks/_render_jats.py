"""Write the JATS XML composed by hooks/_jats.py (hooks/_downloads.py calls it, in the
download worker's process): the composition needs the article model, which lives in the
build's process, so only the writing is left here."""

from pathlib import Path


def write(inputs: dict, out: Path) -> None:
    out.write_text(inputs["xml"], encoding="utf-8")
