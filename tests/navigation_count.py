"""How many page loads the browser tests cost (issue 26): `-p navigation_count` counts, per
test module, the calls of page.goto / reload / go_back / go_forward and the documents
Chromium loaded (each page's load event: also those a click or a form started), and prints
the totals at the end of the session (summed over the xdist workers).

    EDITION_SITE=site .venv/bin/python -m pytest -p navigation_count -n 2 --dist loadgroup -m browser
"""

from __future__ import annotations

import collections
import json
import os

import pytest

_COUNTS: collections.Counter = collections.Counter()
_CURRENT = ["(outside a test)"]


def _module(nodeid: str) -> str:
    return nodeid.split("::", 1)[0].removeprefix("tests/")


def _patch():
    from playwright.sync_api import Browser, BrowserContext, Page

    def counting(method, kind):
        def wrapper(self, *args, **kwargs):
            _COUNTS[(_CURRENT[0], kind)] += 1
            return method(self, *args, **kwargs)
        return wrapper

    for name in ("goto", "reload", "go_back", "go_forward"):
        setattr(Page, name, counting(getattr(Page, name), "goto"))

    def watching(method):
        def wrapper(self, *args, **kwargs):
            page = method(self, *args, **kwargs)
            page.on("load", lambda _: _COUNTS.update([(_CURRENT[0], "load")]))
            return page
        return wrapper

    BrowserContext.new_page = watching(BrowserContext.new_page)
    Browser.new_page = watching(Browser.new_page)


def pytest_configure(config):
    _patch()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item, nextitem):
    _CURRENT[0] = _module(item.nodeid)
    try:
        return (yield)
    finally:
        _CURRENT[0] = "(outside a test)"


def _table(counts) -> list[str]:
    modules = sorted({module for module, _ in counts})
    lines = [f"{'module':48} {'goto':>6} {'loads':>6}"]
    for module in modules:
        lines.append(f"{module:48} {counts.get((module, 'goto'), 0):6} {counts.get((module, 'load'), 0):6}")
    lines.append(f"{'total':48} {sum(v for (_, k), v in counts.items() if k == 'goto'):6} "
                 f"{sum(v for (_, k), v in counts.items() if k == 'load'):6}")
    return lines


def pytest_sessionfinish(session):
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if worker:  # handed to the controller with the worker's output
        session.config.workeroutput["navigation_count"] = json.dumps([[m, k, v] for (m, k), v in _COUNTS.items()])


def pytest_testnodedown(node, error):
    for module, kind, value in json.loads(getattr(node, "workeroutput", {}).get("navigation_count", "[]")):
        _COUNTS[(module, kind)] += value


def pytest_terminal_summary(terminalreporter):
    terminalreporter.section("page loads (navigation_count)")
    for line in _table(_COUNTS):
        terminalreporter.write_line(line)
