"""Rule: a result kept between builds (edition/cache.py: the data files' validation, the map's
projected outlines) is used only while everything it depends on is unchanged; a broken
entry is computed again, never used; a computation that fails keeps nothing, so a mistake
in a data file fails every build with its message, not only the first."""

import pytest

from edition import cache as kept
from edition import datafiles


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("EDITION_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


def counting(value):
    calls = []

    def compute():
        calls.append(1)
        return value

    return compute, calls


def test_a_kept_result_is_used_while_nothing_it_depends_on_changes(cache, tmp_path):
    source = tmp_path / "source.yaml"
    source.write_text("a: 1\n", encoding="utf-8")
    compute, calls = counting({"rows": [1, 2]})
    assert kept.cached("t", {"n": 1}, compute, depends=[source]) == {"rows": [1, 2]}
    assert kept.cached("t", {"n": 1}, compute, depends=[source]) == {"rows": [1, 2]}
    assert len(calls) == 1, "the second call computed again although nothing changed"
    kept.cached("t", {"n": 2}, compute, depends=[source])
    assert len(calls) == 2, "other inputs must compute again"
    source.write_text("a: 2\n", encoding="utf-8")
    kept.cached("t", {"n": 1}, compute, depends=[source])
    assert len(calls) == 3, "a changed file it depends on must compute again"


def test_a_broken_entry_is_computed_again(cache):
    compute, calls = counting([1, 2, 3])
    kept.cached("t", {}, compute)
    (entry,) = (cache / "t").iterdir()
    entry.write_bytes(entry.read_bytes()[:-3])  # partial
    assert kept.cached("t", {}, compute) == [1, 2, 3]
    assert len(calls) == 2
    data = bytearray(entry.read_bytes())
    data[-1] ^= 0xFF  # corrupt
    entry.write_bytes(bytes(data))
    assert kept.cached("t", {}, compute) == [1, 2, 3]
    assert len(calls) == 3


def test_a_failing_computation_keeps_nothing(cache):
    def fail():
        raise datafiles.DataError("data/x.yaml:3: wrong")

    for _ in range(2):
        with pytest.raises(datafiles.DataError, match="data/x.yaml:3: wrong"):
            kept.cached("t", {}, fail)
    assert not [path for path in cache.rglob("*") if path.is_file()]


def test_the_validated_data_is_the_same_from_the_kept_result(cache):
    for name in datafiles.names():
        assert datafiles._checked(name) == datafiles.check(name), name  # computed, then kept
        assert datafiles._checked(name) == datafiles.check(name), name  # read back
    assert len(list((cache / "data").iterdir())) == len(datafiles.names())
