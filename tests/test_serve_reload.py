"""Rule: `make serve` rebuilds when a template changes, and the rebuilt page uses the changed
template (no stale Jinja cache): a real `mkdocs serve` on a copy of the project, an edit of
overrides/edition/title.html, and the served title page changes (README "Preview",
mkdocs.yml `watch:`, edition/templates.py auto_reload). Slow: two builds."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from contributor import proves
from edition_site import copy_project, edit

pytestmark = pytest.mark.slow
WAIT = 300  # seconds, at most, for a build on a loaded 2-core machine


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def _wait_for(predicate, what: str, server, log) -> str:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"mkdocs serve stopped while waiting for {what}:\n{log.read_text(encoding='utf-8')[-3000:]}", pytrace=False)
        found = predicate()
        if found:
            return found
        time.sleep(1)
    pytest.fail(f"no {what} within {WAIT} s:\n{log.read_text(encoding='utf-8')[-3000:]}", pytrace=False)


@contextlib.contextmanager
def serving(project, log, **environment):
    """A real `mkdocs serve` of PROJECT on a free port, its output in LOG: yields (server, base URL)."""
    port = _free_port()
    with open(log, "w", encoding="utf-8") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project, env=dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(project), **environment), stdout=out, stderr=subprocess.STDOUT,
        )
    try:
        yield server, f"http://127.0.0.1:{port}/"
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


@proves("README.md: Preview", "CONTRIBUTING.md: Preview a change")
def test_a_changed_template_is_served_after_the_rebuild(tmp_path):
    project = copy_project(tmp_path / "project")
    log = tmp_path / "serve.log"
    with serving(project, log) as (server, url):
        first = _wait_for(lambda: _get(url), "title page from the first build", server, log)
        assert 'class="edition-title"' in first and "edition-serve-probe" not in first
        template = project / "overrides" / "edition" / "title.html"
        edit(template, '<header class="edition-title">', '<header class="edition-title edition-serve-probe">')
        _wait_for(lambda: "edition-serve-probe" in (_get(url) or ""), "rebuilt title page with the changed template", server, log)
        assert log.read_text(encoding="utf-8").count("Building documentation...") >= 2
