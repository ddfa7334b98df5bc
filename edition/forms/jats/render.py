"""Write the JATS XML composed by edition/forms/jats/__init__.py (edition/worker.py calls it, in the
download worker's process): the composition needs the article model, which lives in the
build's process, so only the writing is left here."""

from pathlib import Path


def write(inputs: dict, out: Path) -> None:
    out.write_text(inputs["xml"], encoding="utf-8")
