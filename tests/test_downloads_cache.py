"""Rule: a download is never rendered twice from the same inputs (edition/worker.py):
a second build of an unchanged tree renders nothing and copies every download from the
cache; a corrupt or incomplete cache entry is detected, removed and rendered again —
never served."""

import re
import shutil

import pytest

from edition import cache as kept
from edition import worker
from edition_site import CACHE, build

# Its tests share a costly module fixture: one worker runs them all (make test: pytest-xdist);
# they build the project again (slow: make test runs them, make check does not).
pytestmark = [pytest.mark.xdist_group("downloads_cache"), pytest.mark.slow]

SUMMARY = re.compile(r"downloads: (?P<rendered>\d+) rendered, (?P<cached>\d+) from the cache")


def built(site, cache):
    result = build(site, EDITION_CACHE=str(cache))
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stderr}"
    found = SUMMARY.search(result.stderr)
    assert found, f"the build did not report its downloads (edition/worker.py):\n{result.stderr[-2000:]}"
    return int(found["rendered"]), int(found["cached"])


def entries_of(cache, path):
    """The cache entries whose result is this file of the site (older keys may hold the same bytes)."""
    body = path.read_bytes()
    found = [entry for entry in (cache / worker.KIND).iterdir() if kept.get(entry) == (True, {"": body})]
    assert found, f"{path.name}: no cache entry holds it"
    return found


@pytest.fixture(scope="module")
def warm(tmp_path_factory):
    """A build with the checkout's cache (it renders only what the session's build has not),
    then a copy of that cache, for this module to break."""
    work = tmp_path_factory.mktemp("downloads-cache")
    first = built(work / "first", CACHE)
    cache = work / "cache"
    # whole entries only (another build's partial writes are dot files)
    shutil.copytree(CACHE / worker.KIND, cache / worker.KIND, ignore=shutil.ignore_patterns(".*"))
    return work, cache, first


def test_a_second_build_renders_nothing(warm):
    work, cache, (rendered, cached) = warm
    again, copied = built(work / "second", cache)
    assert again == 0, f"a second build of an unchanged tree rendered {again} download(s) again"
    assert copied == rendered + cached > 0, f"the second build copied {copied} download(s) from the cache; the first wrote {rendered + cached}"


def test_a_corrupt_or_partial_entry_is_rendered_again(warm):
    work, cache, _ = warm
    pdf = next((work / "first" / "downloads").glob("*.pdf"))
    table = next((work / "first" / "downloads").glob("*.csv"))
    corrupt, partial = entries_of(cache, pdf), entries_of(cache, table)
    for entry in corrupt:
        body = bytearray(entry.read_bytes())
        body[len(body) // 2] ^= 0xFF                  # one flipped byte, size unchanged
        entry.write_bytes(bytes(body))
    for entry in partial:
        entry.write_bytes(entry.read_bytes()[: entry.stat().st_size // 2])  # as if the write had stopped halfway
    rendered, _ = built(work / "third", cache)
    assert rendered == 2, f"with one corrupt and one incomplete entry the build rendered {rendered} download(s), expected 2"
    for path in (pdf, table):
        again = work / "third" / path.relative_to(work / "first")
        assert again.read_bytes() == path.read_bytes(), f"{path.name}: the site got a different file than the first build's"
    replaced = [entry for entry in corrupt if kept.get(entry) == (True, {"": pdf.read_bytes()})]
    assert len(replaced) == 1, f"the corrupt entry the build looked up was not replaced by a whole one ({len(replaced)} are)"
