"""Rule: the download cache does not grow without end (every edit in `mkdocs serve` makes new
entries): when a MkDocs command starts, the downloads and the kept results of the build
(edition/cache.py) that no command has used for two weeks are removed, and so are the leftovers
of stopped renders after an hour; what was used since is kept (edition/cache.py prune())."""

import os
import time

import pytest

from edition import cache as kept
from edition import worker

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
    old_download, new_download = kept.entry(worker.KIND, "a" * 64), kept.entry(worker.KIND, "b" * 64)
    for entry in (old_download, new_download):
        kept.put(entry, {"": b"x"})
    aged(old_download, 15 * DAY)
    aged(new_download, 13 * DAY)
    old_memo = kept.entry("t", kept.key("t", {"n": 1}))
    new_memo = kept.entry("t", kept.key("t", {"n": 2}))
    kept.cached("t", {"n": 1}, lambda: 1)
    kept.cached("t", {"n": 2}, lambda: 2)
    aged(old_memo, 15 * DAY)
    stopped, running = cache / "tmp" / "stopped", cache / "tmp" / "running"
    for leftover in (stopped, running):
        leftover.mkdir(parents=True)
    aged(stopped, 2 * 3600)

    kept.prune()

    for gone in (old_download, old_memo, stopped):
        assert not gone.exists(), f"{gone.relative_to(cache)}: unused past its time, yet kept"
    for recent in (new_download, new_memo, running):
        assert recent.exists(), f"{recent.relative_to(cache)}: used recently, yet removed"


def test_a_kept_result_that_is_used_again_stays(cache):
    path = kept.entry("t", kept.key("t", {"n": 3}))
    kept.cached("t", {"n": 3}, lambda: 3)
    aged(path, 15 * DAY)
    assert kept.cached("t", {"n": 3}, lambda: 4) == 3, "the kept result was not used"
    kept.prune()
    assert path.exists(), "a result used just now was removed as if unused for two weeks"
