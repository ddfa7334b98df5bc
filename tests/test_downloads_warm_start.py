"""Rule: where a command will render every download — `mkdocs serve`, or a build whose cache
holds none (a fresh clone, `make clean`) — the download worker's server starts with the
command, so that it imports the renderers (WeasyPrint, Pango) while the pages build; a build
whose cache holds downloads starts it only at its first miss, so that a warm build does not
pay for that import (edition/worker.py)."""

import time

import pytest

from edition import cache as kept
from edition import worker


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("EDITION_CACHE", str(tmp_path / "cache"))
    yield tmp_path / "cache"
    worker.shutdown()
    worker.start("build")  # back to a build's state (not serving) for the next test of this process
    worker.shutdown()


def a_download_in(cache):
    kept.put(kept.entry(worker.KIND, "0" * 64), {"": b"x"})


def started(timeout=60.0) -> bool:
    """Whether the worker's processes are started (by a thread of their own) within TIMEOUT."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if worker._state.pool is not None:
            return True
        time.sleep(0.05)
    return False


def test_a_build_with_an_empty_cache_starts_the_worker_at_once(cache):
    worker.start("build")
    assert started(), "the cache holds no download, yet the worker did not start with the build"


def test_a_build_with_downloads_in_the_cache_starts_no_worker_before_a_miss(cache):
    a_download_in(cache)
    worker.start("build")
    assert worker._state.pool is None, "a warm build started the worker (and its import of WeasyPrint) before any download was missing"


def test_serve_starts_the_worker_at_once(cache):
    a_download_in(cache)
    worker.start("serve")
    assert started(), "`mkdocs serve` renders a download on every edit, yet its worker did not start with it"
