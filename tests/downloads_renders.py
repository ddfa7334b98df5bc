"""Renders for the download worker's tests (tests/test_downloads_*.py): importable by the
worker's processes, which get the test session's sys.path."""

import time
from pathlib import Path


def slow(inputs: dict, out: Path) -> None:
    """Wait, write the text, then note in a log (outside the site) that this render is done."""
    time.sleep(inputs["seconds"])
    out.write_text(inputs["text"], encoding="utf-8")
    with open(inputs["log"], "a", encoding="utf-8") as log:
        log.write(inputs["text"] + "\n")


def failing(inputs: dict, out: Path) -> None:
    raise RuntimeError(inputs["cause"])
