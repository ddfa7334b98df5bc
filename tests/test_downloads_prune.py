"""Rule: the download cache does not grow without end (every edit in `mkdocs serve` makes new
entries): when a MkDocs command starts, the downloads and the kept results of the build
(hooks/_memo.py) that no command has used for two weeks are removed, and so are the leftovers
of stopped renders after an hour; what was used since is kept (hooks/_downloads.py prune())."""

import os
import time

import pytest

import _downloads
import _memo

DAY = 86400


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("EDITION_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


def aged(path, seconds):
    then = time.time() - seconds
    os.utime(path, (then, then))
    return path


def test_what_no_command_used_for_two_weeks_is_removed_and_the_rest_kept(cache):
    old_download, new_download = cache / ("a" * 64), cache / ("b" * 64)
    for entry in (old_download, new_download):
        (entry / _downloads.OUT).parent.mkdir(parents=True)
        (entry / _downloads.OUT).write_bytes(b"x")
    aged(old_download, 15 * DAY)
    aged(new_download, 13 * DAY)
    old_memo = _memo._path("t", {"n": 1}, (), ())
    new_memo = _memo._path("t", {"n": 2}, (), ())
    _memo.cached("t", {"n": 1}, lambda: 1)
    _memo.cached("t", {"n": 2}, lambda: 2)
    aged(old_memo, 15 * DAY)
    stopped, running = cache / "tmp" / "stopped", cache / "tmp" / "running"
    for leftover in (stopped, running):
        leftover.mkdir(parents=True)
    aged(stopped, 2 * 3600)

    _downloads.prune()

    for gone in (old_download, old_memo, stopped):
        assert not gone.exists(), f"{gone.relative_to(cache)}: unused past its time, yet kept"
    for kept in (new_download, new_memo, running):
        assert kept.exists(), f"{kept.relative_to(cache)}: used recently, yet removed"


def test_a_kept_result_that_is_used_again_stays(cache):
    path = _memo._path("t", {"n": 3}, (), ())
    _memo.cached("t", {"n": 3}, lambda: 3)
    aged(path, 15 * DAY)
    assert _memo.cached("t", {"n": 3}, lambda: 4) == 3, "the kept result was not used"
    _downloads.prune()
    assert path.exists(), "a result used just now was removed as if unused for two weeks"
