"""Rule: a fresh clone's first `make serve` — no download cache yet, so every PDF, EPUB and
card is still to be rendered — serves the pages at once and each download as soon as the
worker has written it (edition/worker.py; hooks/plumbing/download_sizes.py leaves the size of a
file still rendering out of the preview instead of stopping the build). A real
`mkdocs serve` on a copy of the project with an empty EDITION_CACHE. Slow: a cold build."""

from __future__ import annotations

import urllib.request

import pytest

from edition_site import copy_project
from test_serve_reload import _get, _wait_for, serving

pytestmark = pytest.mark.slow


def test_the_first_preview_of_a_fresh_clone_serves_the_pages_then_the_downloads(tmp_path):
    project = copy_project(tmp_path / "project")
    log = tmp_path / "serve.log"
    with serving(project, log, EDITION_CACHE=str(tmp_path / "empty-cache")) as (server, base):
        title = _wait_for(lambda: _get(base), "title page of the first build", server, log)
        assert 'class="edition-title"' in title
        assert "which the build did not write" not in log.read_text(encoding="utf-8")
        pdf = f"{base}downloads/digital-silk-road-eaeu-ru.pdf"
        _wait_for(lambda: _head_ok(pdf), "Russian PDF from the worker", server, log)


def _head_ok(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status == 200 and response.read(5) == b"%PDF-"
    except OSError:
        return False
