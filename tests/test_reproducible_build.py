"""Rule: the build is reproducible — two builds of the same sources with the same
SOURCE_DATE_EPOCH (`make build` takes it from the last commit) give byte-identical trees:
every page, the sitemap and its .gz, the search index, _headers, the PDFs. Timestamps come
from SOURCE_DATE_EPOCH, never from the clock. Each build has an empty download cache of
its own (edition/worker.py), so every download is rendered twice: the renderers
themselves are deterministic, not merely the cache."""

import filecmp
import os
import re
import subprocess
from pathlib import Path
from unittest import mock

import pytest

from edition_site import ROOT, build

# Its tests share a costly module fixture: one worker runs them all (make test: pytest-xdist);
# they build the project again (slow: make test runs them, make check does not).
pytestmark = [pytest.mark.xdist_group("reproducible_build"), pytest.mark.slow]


def last_commit_time() -> str:
    result = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True)
    return result.stdout.strip() or "0"


def differences(one: Path, two: Path) -> list[str]:
    """Files present in only one tree, or whose bytes differ."""
    found = []
    compared = filecmp.dircmp(one, two)
    stack = [(compared, "")]
    while stack:
        node, prefix = stack.pop()
        found += [f"only in one build: {prefix}{name}" for name in node.left_only + node.right_only]
        _, mismatch, errors = filecmp.cmpfiles(node.left, node.right, node.common_files, shallow=False)
        found += [f"differs: {prefix}{name}" for name in mismatch + errors]
        stack += [(child, f"{prefix}{name}/") for name, child in node.subdirs.items()]
    return sorted(found)


def built(path: Path, epoch: str) -> Path:
    cache = path.parent / f"{path.name}-cache"
    assert not cache.exists(), f"{cache}: the build's download cache must start empty"
    with mock.patch.dict(os.environ, SOURCE_DATE_EPOCH=epoch):
        result = build(path, EDITION_CACHE=str(cache))
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stderr}"
    rendered = re.search(r"downloads: (\d+) rendered, (\d+) from the cache", result.stderr)
    assert rendered and rendered.group(2) == "0", f"the build took downloads from a cache: {rendered and rendered.group(0)}"
    return path


@pytest.fixture(scope="module")
def epoch() -> str:
    return last_commit_time()


@pytest.fixture(scope="module")
def first(tmp_path_factory, epoch) -> Path:
    return built(tmp_path_factory.mktemp("first"), epoch)


def test_two_builds_are_byte_identical(tmp_path, first, epoch):
    second = built(tmp_path / "second", epoch)
    found = differences(first, second)
    assert not found, "two builds of the same sources differ:\n" + "\n".join(found)


def test_the_comparison_sees_a_different_time(tmp_path, first, epoch):
    """Another SOURCE_DATE_EPOCH (a day earlier) changes the sitemap's dates: the
    comparison catches a changed timestamp, and the build takes its time from the variable."""
    other = built(tmp_path / "other", str(int(epoch) - 86400))
    assert "differs: sitemap.xml" in differences(first, other)
