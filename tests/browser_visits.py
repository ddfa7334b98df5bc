"""One visit per page for the browser rules (issue 26): what Chromium saw when it loaded
each built page once, read by every rule that only looks at a page as it loads — its
console (test_browser_console), its requests (test_browser_privacy), its policy
violations (test_csp), axe-core's findings (test_accessibility, test_browser_contrast),
and what a probe a rule registered found on it (test_keyboard: the header's Tab order).

A visit costs Chromium about 400 ms of CPU and axe-core about a second more; loading each
page once per palette, instead of once per rule, is most of what keeps the browser suite
in minutes.

`visits.of(lang, scheme)` gives the visits of a language's pages in a palette;
`visits.at(urls, scheme)` those of the pages named. Each (page, palette) is visited once
in the session, by whichever rule asks first, on whichever xdist worker: the workers share
the records through files in the session's temporary folder (one lock per record), so the
two split the pages between them when they ask at the same time, and neither loads a page
the other has recorded.

A visit (`Tab.visit`):

1. loads the page in a 1280×900 tab of its palette: the first palette of mkdocs.yml as a
   reader's first visit finds it (no stored choice, a light system preference); another
   as a reader who chose it (Material's stored choice, `use_palette`) and whose system
   prefers it (its `media`);
2. makes the reader's first move (built_pages.start_material: Material's script runs then,
   docs/assets/material-on-demand.js) and, in the first palette, waits 400 ms more (Material
   starts some work on timers: the rules that read what a page does read it then);
3. records what the page did until then: the console's messages, uncaught errors,
   responses with an error status, every request of the visit (those to another host
   fail: they go to a proxy that is not there), the Content-Security-Policy violations
   the page reported;
4. runs axe-core (the WCAG 2.0, 2.1 and 2.2 A and AA rules) on the page (what axe itself
   requests, e.g. a stylesheet of another host to read, is not the page's, not recorded);
5. in the first palette only, runs the probes rules registered (`probe`): what presses
   keys but needs no second load, after everything else was recorded.

A visit that fails (a timeout, a crash) is recorded with its error, and every rule that
reads it fails naming the page. A rule's own "the check catches a broken page" test runs
the same `Tab.visit` on a page broken on purpose (`Tab` used directly).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import re
from pathlib import Path

import pytest
from filelock import FileLock, Timeout

from built_pages import _palette_options, html_urls_of, palettes, start_material, use_palette

VIEWPORT = {"width": 1280, "height": 900}
SETTLE_MS = 400  # after the load event: timers Material starts (e.g. the consent bar)
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}

# Every securitypolicyviolation event of the page, from before its first script.
CSP_REPORTER = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", e =>
    window.__violations.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`));
"""

_PROBES: dict[str, object] = {}


def probe(name: str, function):
    """Register what a rule needs to do on a loaded page (press keys, read the result):
    function(page) -> a JSON value, stored as visit.probes[name]. Runs once per page, in
    the first palette, after axe. Returns the name, for the rule to read it back."""
    _PROBES[name] = function
    return name


@dataclasses.dataclass
class Visit:
    url: str                       # below the site's root: '', 'en/introduction/', '404.html'
    scheme: str                    # the palette asked for
    origin: str = ""               # scheme://host:port the page was served from
    status: int | None = None      # of the document
    shown_scheme: str | None = None  # body[data-md-color-scheme] once loaded
    console: list = dataclasses.field(default_factory=list)     # [type, text]
    uncaught: list = dataclasses.field(default_factory=list)    # uncaught errors
    failed: list = dataclasses.field(default_factory=list)      # [status, url]: responses >= 400 (not the document's)
    requests: list = dataclasses.field(default_factory=list)    # [resource type, url]: every request of the visit
    csp: list = dataclasses.field(default_factory=list)         # securitypolicyviolation events
    axe_violations: list = dataclasses.field(default_factory=list)  # {id, impact, nodes: [{target, summary}]}
    axe_passes: list = dataclasses.field(default_factory=list)      # ids of the rules that passed somewhere
    probes: dict = dataclasses.field(default_factory=dict)
    error: str | None = None       # why the visit itself failed


def color_scheme_of(scheme: str) -> str:
    """The system preference that goes with a palette (its `media` in mkdocs.yml)."""
    option = next((o for o in _palette_options() if o.get("scheme", "default") == scheme), {})
    return "dark" if "dark" in option.get("media", "") else "light"


class Tab:
    """One tab that records what each page it loads does."""

    def __init__(self, browser, scheme: str | None = None):
        self.scheme = scheme = scheme or palettes()[0]
        # Requests to other hosts go to a proxy that is not there: recorded, they fail and
        # never leave the machine (no route: routing would turn Chromium's cache off).
        self.context = browser.new_context(viewport=VIEWPORT, color_scheme=color_scheme_of(scheme),
                                           proxy={"server": "http://127.0.0.1:9", "bypass": "127.0.0.1"})
        self.page = self.context.new_page()
        if scheme != palettes()[0]:
            use_palette(self.page, scheme)
        self.page.add_init_script(CSP_REPORTER)
        self._record: Visit | None = None
        self._document = None
        self.page.on("console", lambda msg: self._record and self._record.console.append([msg.type, msg.text]))
        self.page.on("pageerror", lambda error: self._record and self._record.uncaught.append(str(error)))
        self.page.on("request", lambda r: self._record and self._record.requests.append([r.resource_type, r.url]))
        self.page.on("response", lambda r: self._record and r.status >= 400 and r.url != self._document
                     and self._record.failed.append([r.status, r.url]))

    def visit(self, address: str, url: str | None = None, *, settle: bool = True, probes: bool = False) -> Visit:
        origin = re.match(r"^[a-z]+://[^/]+", address).group(0)
        record = Visit(url=url if url is not None else address, scheme=self.scheme, origin=origin)
        self._record, self._document = record, address
        try:
            response = self.page.goto(address)
            record.status = response.status if response else None
            start_material(self.page)  # the reader's first move: Material's script runs (and is recorded)
            if settle:
                self.page.wait_for_timeout(SETTLE_MS)
            record.csp = self.page.evaluate("window.__violations || []")
            record.shown_scheme = self.page.locator("body").get_attribute("data-md-color-scheme")
            self._record = None  # what follows (axe, probes) is the rules' doing, not the page's
            self.page.evaluate(_axe_script())
            result = self.page.evaluate("options => axe.run(options)", AXE_OPTIONS)
            record.axe_violations = [
                {"id": v["id"], "impact": v["impact"],
                 "nodes": [{"target": n["target"], "summary": n["failureSummary"]} for n in v["nodes"]]}
                for v in result["violations"]]
            record.axe_passes = [rule["id"] for rule in result["passes"]]
            if probes:
                for name, function in _PROBES.items():
                    record.probes[name] = function(self.page)
        except Exception as error:  # recorded: every rule that reads this page fails naming it
            record.error = f"{type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}"
        finally:
            self._record = None
        return record

    def close(self):
        self.context.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


_AXE: list[str] = []


def _axe_script() -> str:
    if not _AXE:
        from axe_playwright_python.sync_playwright import Axe

        _AXE.append(Axe().axe_script)
    return _AXE[0]


class Visits:
    """The session's visits, shared by the xdist workers through `folder`."""

    def __init__(self, browser, served: str, site: Path, folder: Path):
        self.browser, self.served, self.site, self.folder = browser, served, site, folder
        self.tabs: dict[str, Tab] = {}
        self.loaded: dict[tuple[str, str], Visit] = {}

    def of(self, lang: str, scheme: str | None = None) -> list[Visit]:
        """The visits of every page of a language (built_pages.html_urls_of), in order."""
        return self.at(html_urls_of(self.site, lang), scheme)

    def at(self, urls: list[str], scheme: str | None = None) -> list[Visit]:
        scheme = scheme or palettes()[0]
        pending, waiting = list(urls), []
        while pending:
            for url in pending:
                if (url, scheme) in self.loaded:
                    continue
                file = self._file(url, scheme)
                lock = FileLock(str(file) + ".lock")
                try:
                    lock.acquire(timeout=0)
                except Timeout:  # the other worker is visiting it: come back to it
                    waiting.append(url)
                    continue
                try:
                    if not file.exists():
                        first = scheme == palettes()[0]
                        record = self._tab(scheme).visit(self.served + url, url, settle=first, probes=first)
                        if record.error:  # a crashed or stuck tab is not used again
                            self.tabs.pop(scheme).close()
                        file.with_suffix(".tmp").write_text(json.dumps(dataclasses.asdict(record)), encoding="utf-8")
                        os.replace(file.with_suffix(".tmp"), file)
                finally:
                    lock.release()
                self._read(url, scheme)
            if waiting:  # wait for the first page the other worker holds, then look again
                lock = FileLock(str(self._file(waiting[0], scheme)) + ".lock")
                lock.acquire(timeout=600)
                lock.release()
            pending, waiting = waiting, []
        found = [self.loaded[(url, scheme)] for url in urls]
        broken = [f"/{v.url}: the visit failed: {v.error}" for v in found if v.error]
        if broken:
            pytest.fail("\n".join(broken), pytrace=False)
        return found

    def _file(self, url: str, scheme: str) -> Path:
        return self.folder / f"{scheme}-{hashlib.sha1(url.encode()).hexdigest()[:16]}.json"

    def _read(self, url: str, scheme: str):
        data = json.loads(self._file(url, scheme).read_text(encoding="utf-8"))
        self.loaded[(url, scheme)] = Visit(**data)

    def _tab(self, scheme: str) -> Tab:
        if scheme not in self.tabs:
            self.tabs[scheme] = Tab(self.browser, scheme)
        return self.tabs[scheme]

    def close(self):
        for tab in self.tabs.values():
            tab.close()
