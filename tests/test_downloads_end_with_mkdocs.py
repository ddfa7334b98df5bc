"""Rule: the download worker's processes end with the MkDocs command, however it ends
(edition/worker.py, _end_with). `mkdocs serve` stopped with a SIGTERM (a process manager,
`kill`, a container's stop) or a SIGKILL runs no on_shutdown; the two render processes,
each about 100 MB, and their forkserver must not wait for work that will never come.

A small program stands in for the command: it starts the worker as `mkdocs serve` does,
hands it two renders that take a minute, prints the processes it started, then is killed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from edition_site import ROOT

pytestmark = pytest.mark.slow

COMMAND = """
import os, sys, time
from pathlib import Path
from types import SimpleNamespace
from edition import worker
worker.start("serve")
config = SimpleNamespace(site_dir=sys.argv[1])
for name in ("one", "two"):  # one render for each of the two processes
    worker.submit(config, f"downloads/{name}.txt", "downloads_renders:slow", {"text": name, "seconds": 60, "log": sys.argv[2]})
worker.finish(config)
def children(pid):
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found
deadline = time.monotonic() + 60
while time.monotonic() < deadline:  # the forkserver, and its two render processes
    servers = children(os.getpid())
    renders = [p for s in servers for p in children(s)]
    if servers and len(renders) >= 2:
        break
    time.sleep(0.1)
print(*servers, *renders, flush=True)
time.sleep(600)
"""


def ended(pid: int) -> bool:
    """Gone, or a zombie its new parent has not reaped yet (it has ended)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return True
    return state in ("Z", "X")


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGKILL], ids=["SIGTERM", "SIGKILL"])
def test_the_render_processes_end_when_the_command_is_killed(tmp_path, stop):
    if not Path("/proc/self/stat").exists():
        pytest.fail("this rule reads the processes from /proc (Linux); .ci/run runs on Linux")
    env = dict(os.environ, EDITION_CACHE=str(tmp_path / "cache"),
               PYTHONPATH=os.pathsep.join([str(ROOT), str(ROOT / "tests")]))
    command = subprocess.Popen([sys.executable, "-c", COMMAND, str(tmp_path / "site"), str(tmp_path / "renders.log")],
                               cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = command.stdout.readline()
        started = [int(pid) for pid in line.split()]
        assert len(started) >= 3, f"the worker's processes did not start: {line!r} {command.stderr.read() if command.poll() is not None else ''}"
    finally:
        command.send_signal(stop)
        command.wait(timeout=30)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and not all(map(ended, started)):
        time.sleep(0.2)
    left = [pid for pid in started if not ended(pid)]
    for pid in left:  # do not leave them to the next test
        os.kill(pid, signal.SIGKILL)
    assert not left, (f"after a {stop.name} of the command, the worker's processes {left} were still running 15 s later "
                      f"(of {started}: the forkserver and the resource tracker, then the render processes); edition/worker.py _end_with")
