"""Rule: tests marked `xdist_group` run on one worker of `make test` (pytest-xdist, --dist
loadgroup), so that a module's costly shared fixture (a build, a browser visit's records) is
made once, not once per worker. pytest 9.2 silently broke the grouping (pytest-xdist issue
#1386: the group no longer reaches the scheduler); requirements.txt pins a pytest with which
it works, and this rule fails on one with which it does not."""

import os
import subprocess
import sys

MODULE = '''
import os
import pytest

pytestmark = pytest.mark.xdist_group("one")


@pytest.mark.parametrize("n", range(8))
def test_grouped(n):
    print("worker", os.environ["PYTEST_XDIST_WORKER"])
'''


def test_a_group_runs_on_one_worker(tmp_path):
    (tmp_path / "test_grouped.py").write_text(MODULE, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-n", "2", "--dist", "loadgroup", "-v", "-p", "no:cacheprovider", "-o", "addopts=", str(tmp_path)],
        cwd=tmp_path, capture_output=True, text=True,
        # The outer run's PYTEST_ADDOPTS (-q, --durations …) would change the lines read below.
        env={name: value for name, value in os.environ.items() if name != "PYTEST_ADDOPTS"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    workers = {line.split("]")[0].strip("[") for line in result.stdout.splitlines() if "PASSED" in line and line.startswith("[gw")}
    assert len(workers) == 1, f"the tests of one xdist_group ran on {sorted(workers)}: the grouping is broken (pytest-xdist#1386)\n{result.stdout[-2000:]}"
