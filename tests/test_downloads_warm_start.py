"""Rule: where a command will render every download — `mkdocs serve`, or a build whose cache
holds none (a fresh clone, `make clean`) — the download worker's server starts with the
command, so that it imports the renderers (WeasyPrint, Pango) while the pages build; a build
whose cache holds downloads starts it only at its first miss, so that a warm build does not
pay for that import (hooks/_downloads.py)."""

import time

import pytest

import _downloads


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("EDITION_CACHE", str(tmp_path / "cache"))
    yield tmp_path / "cache"
    _downloads.shutdown()
    _downloads.start("build")  # back to a build's state (not serving) for the next test of this process
    _downloads.shutdown()


def a_download_in(cache):
    entry = cache / ("0" * 64)
    (entry / _downloads.OUT).parent.mkdir(parents=True)
    (entry / _downloads.OUT).write_bytes(b"x")
    (entry / _downloads.MANIFEST).write_text("{}", encoding="utf-8")


def started(timeout=60.0) -> bool:
    """Whether the worker's process pool is started (by the dispatcher thread) within TIMEOUT."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        pool = _downloads._pool
        if pool is not None and pool._executor is not None:
            return True
        time.sleep(0.05)
    return False


def test_a_build_with_an_empty_cache_starts_the_worker_at_once(cache):
    _downloads.start("build")
    assert started(), "the cache holds no download, yet the worker did not start with the build"


def test_a_build_with_downloads_in_the_cache_starts_no_worker_before_a_miss(cache):
    a_download_in(cache)
    _downloads.start("build")
    assert _downloads._pool is None, "a warm build started the worker (and its import of WeasyPrint) before any download was missing"


def test_serve_starts_the_worker_at_once(cache):
    a_download_in(cache)
    _downloads.start("serve")
    assert started(), "`mkdocs serve` renders a download on every edit, yet its worker did not start with it"
