"""Rule: in `mkdocs serve` the page build never waits for a download (edition/worker.py):
submit() and the end of the build return at once while the worker renders; meanwhile the
preview serves the last finished file, copied at once into the emptied site folder; the
newest submission wins over a slower, older one; a failure is logged with the file and
its cause."""

import logging
import time
from types import SimpleNamespace

import pytest

from edition import worker

TARGET = "downloads/example.txt"
SLOW = "downloads_renders:slow"


@pytest.fixture
def serve(tmp_path, monkeypatch):
    monkeypatch.setenv("EDITION_CACHE", str(tmp_path / "cache"))
    worker.start("serve")
    yield SimpleNamespace(site_dir=str(tmp_path / "site")), tmp_path / "site" / TARGET, tmp_path / "renders.log"
    worker.shutdown()
    worker.start("build")


def wait_for(condition, seconds=90.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def text(path):
    return path.read_text(encoding="utf-8") if path.is_file() else None


def rebuild(config):
    """What MkDocs does at each rebuild of `mkdocs serve`: empty the site folder."""
    import shutil

    worker.site_cleaning()
    shutil.rmtree(config.site_dir, ignore_errors=True)
    worker.site_cleaned()


@pytest.mark.slow  # works on a copy of the project: make test, not make check
def test_the_build_does_not_wait_and_the_last_finished_file_is_served(serve):
    config, path, log = serve
    start = time.monotonic()
    worker.submit(config, TARGET, SLOW, {"text": "one", "seconds": 2.0, "log": str(log)})
    worker.finish(config)
    assert time.monotonic() - start < 1.0, "submit() and finish() waited for the render in `mkdocs serve`"
    assert text(path) is None, "the file was there before its render could have finished"
    assert wait_for(lambda: text(path) == "one"), "the worker never wrote the file into the site"

    rebuild(config)
    worker.submit(config, TARGET, SLOW, {"text": "two", "seconds": 2.0, "log": str(log)})
    assert text(path) == "one", "after the site folder was emptied, the last finished file was not copied back at once"
    assert wait_for(lambda: text(path) == "two"), "the new render never replaced the last finished file"


@pytest.mark.slow  # works on a copy of the project: make test, not make check
def test_a_superseded_render_does_not_overwrite_a_newer_one(serve):
    config, path, log = serve
    worker.submit(config, TARGET, SLOW, {"text": "older", "seconds": 3.0, "log": str(log)})
    worker.submit(config, TARGET, SLOW, {"text": "newer", "seconds": 0.0, "log": str(log)})
    assert wait_for(lambda: text(path) == "newer"), "the newest submission was never written"
    if wait_for(lambda: "older" in (text(log) or ""), seconds=15):  # the older one ran: it must not land
        time.sleep(0.5)
    assert text(path) == "newer", "a superseded render overwrote the newer file"


@pytest.mark.slow  # works on a copy of the project: make test, not make check
def test_a_failure_is_logged_with_the_file_and_the_cause(serve):
    config, path, _ = serve
    records = []
    handler = logging.Handler()
    handler.emit = records.append
    logger = logging.getLogger("edition.downloads")
    logger.addHandler(handler)
    try:
        worker.submit(config, TARGET, "downloads_renders:failing", {"cause": "the printer is on fire"})
        assert wait_for(lambda: records), "a failed render was not reported in the serve log"
    finally:
        logger.removeHandler(handler)
    message = records[0].getMessage()
    assert records[0].levelno == logging.ERROR and TARGET in message and "RuntimeError: the printer is on fire" in message, message
    assert not path.exists()
