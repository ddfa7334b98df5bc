"""Build time of the edition: the median wall-clock and CPU seconds of N strict builds.

    .venv/bin/python bench/build_time.py [N] [REV ...]

Without REV it measures the working tree; each REV (a commit, a branch) is exported into
bench/work/REV and measured the same way, for a before/after comparison. The machine's
load changes wall-clock times; CPU seconds (user + sys of the build) are steadier.
"""

import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "bench" / "work"


def measure(project: Path, runs: int) -> tuple[float, float]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.setdefault("SOURCE_DATE_EPOCH", "0")
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(WORK / "site")],
                       cwd=project, env=env, check=True, capture_output=True)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def export(rev: str) -> Path:
    target = WORK / rev.replace("/", "_")
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    archive = subprocess.run(["git", "archive", rev], cwd=ROOT, check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    return target


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    targets = [(rev, export(rev)) for rev in sys.argv[2:]] + [("working tree", ROOT)]
    for name, project in targets:
        wall, cpu = measure(project, runs)
        print(f"{name:>14}: {wall:5.2f} s wall, {cpu:5.2f} s CPU (median of {runs})")


if __name__ == "__main__":
    main()
