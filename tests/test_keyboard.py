"""Rule (in Chromium): without a mouse, every interactive control in the page header —
whatever features put there (logo link, palette toggle, language switch, search, …) — is
reached by Tab, and works from the keyboard: a link opens with Enter; any other control
does something on Enter or Space (changes the page's state, moves focus or navigates),
or is a menu button that shows its hidden choices on focus, and Tab moves into them.

Found generically: the controls are read from the header of every built page; a radio
group (Material's palette) is one Tab stop, so one of its radios must be reached. (What
Tab reaches is read on each page's one visit, tests/browser_visits.py, by the probe
below; a control is then tried on one fresh load per control.)"""

import pytest

import edition_site
from browser_visits import probe
from built_pages import start_material
from edition_site import LANGS, PAGES

pytestmark = pytest.mark.browser

MAX_TABS = 80

MARK = """() => {
    const header = document.querySelector("header.md-header") || document.querySelector("header");
    const selector = "a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex='-1'])";
    const shown = e => {
        const box = e.getBoundingClientRect(), style = getComputedStyle(e);
        let opacity = 1;
        for (let n = e; n; n = n.parentElement) opacity *= parseFloat(getComputedStyle(n).opacity);
        return style.visibility === "visible" && opacity > 0.01 && box.width * box.height > 0;
    };
    return [...header.querySelectorAll(selector)]
        .filter(e => !e.disabled && e.getClientRects().length > 0)
        .map((e, i) => {
            e.dataset.kb = i;
            return {id: String(i), tag: e.localName, type: e.type || "", name: e.name || "",
                    href: e.getAttribute("href"), shown: shown(e), html: e.outerHTML.slice(0, 120)};
        });
}"""

FOCUSED = """() => { const e = document.activeElement;
    return e ? {kb: e.dataset.kb ?? null, inHeader: !!e.closest("header")} : {kb: null, inHeader: false}; }"""

STATE = """() => JSON.stringify({
    url: location.href,
    body: [...document.body.attributes].map(a => a.name + "=" + a.value),
    checked: [...document.querySelectorAll("input")].map(i => i.checked),
    // What a key opened (not what scripts add while idle: sentences.js's controls, aria-expanded=false).
    expanded: [...document.querySelectorAll("[aria-expanded=true],[open]")].map(e => e.outerHTML.slice(0, 200)),
    focus: document.activeElement && document.activeElement.outerHTML.slice(0, 200),
})"""


def tab_order(page) -> list[str]:
    """The header controls that Tab reaches, in order, from the top of a fresh page."""
    reached, entered = [], False
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused["inHeader"]:
            entered = True
            if focused["kb"] is not None and focused["kb"] not in reached:
                reached.append(focused["kb"])
        elif entered:
            break
    return reached


def header_tab_stops(page) -> dict:
    """On a page as loaded: the header's controls, and those Tab reaches, in order."""
    controls = page.evaluate(MARK)
    return {"controls": controls, "reached": tab_order(page)}


TAB_STOPS = probe("the header's controls and the Tab stops among them", header_tab_stops)


def unreached(controls, reached) -> list[dict]:
    groups_reached = {c["name"] for c in controls if c["type"] == "radio" and c["id"] in reached}
    return [
        c for c in controls
        if c["id"] not in reached and not (c["type"] == "radio" and c["name"] in groups_reached)
    ]


@pytest.mark.parametrize("lang", LANGS)
def test_every_header_control_is_reached_by_tab(visits, lang):
    report = []
    for visit in visits.of(lang):
        url, stops = visit.url, visit.probes[TAB_STOPS]
        controls = stops["controls"]
        assert controls, f"/{url}: no interactive control found in the header"
        report += [f"/{url}: not reached by Tab: {c['html']}" for c in unreached(controls, stops["reached"])]
    assert not report, "\n".join(report)


def focus_control(page, url: str, kb: str) -> list[dict]:
    page.goto(url)
    start_material(page)  # as the visits do: the header's controls are Material's once it runs
    controls = page.evaluate(MARK)
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate(FOCUSED)["kb"] == kb:
            return controls
    raise AssertionError(f"{url}: control {kb} not reached")


def operable(page, url: str, control: dict) -> str | None:
    """None if the control works from the keyboard, else why not."""
    if control["tag"] == "a":
        focus_control(page, url, control["id"])
        try:
            with page.expect_navigation(timeout=3000):
                page.keyboard.press("Enter")
        except Exception:
            return "Enter does not follow the link"
        return None
    # One fresh load for all three tries: a key that changes nothing (the state, focus
    # included, is as before) leaves the control focused on the page as loaded.
    controls = focus_control(page, url, control["id"])
    for key in ("Enter", " "):
        before = page.evaluate(STATE)
        page.keyboard.press(key)
        page.wait_for_timeout(200)
        if page.evaluate(STATE) != before:
            return None
    page.keyboard.press("Tab")
    following = page.evaluate(FOCUSED)["kb"]
    revealed = next((c for c in controls if c["id"] == following), None)
    if revealed is not None and not revealed["shown"]:
        return None  # a menu button: its hidden choices show on focus, and Tab enters them
    return "neither Enter nor Space changes anything, and it opens nothing that Tab can enter"


@pytest.mark.parametrize("lang", LANGS)
def test_every_header_control_works_from_the_keyboard(served, visits, page, lang):
    """On the language's title page and first chapter (every page shares the header template)."""
    report = []
    for visit in visits.at(list(dict.fromkeys(edition_site.url(lang, name) for name in PAGES[:2]))):
        url, stops = visit.url, visit.probes[TAB_STOPS]
        controls = {c["id"]: c for c in stops["controls"]}
        for kb in stops["reached"]:  # each Tab stop once (one radio per group)
            problem = operable(page, served + url, controls[kb])
            if problem:
                report.append(f"/{url}: {controls[kb]['html']}: {problem}")
    assert not report, "\n".join(report)


def test_the_checks_find_broken_controls(served, page):
    """A copy of the title page whose header gains a button that does nothing and a link
    taken out of the Tab order: the first is caught as inoperable, the second as unreached."""
    html = page.request.get(served).text().replace(
        '<nav class="md-header__inner',
        '<button type="button" class="dead">dead</button><a href="#x" tabindex="-1" class="unreached">x</a>'
        '<nav class="md-header__inner', 1,
    )
    assert 'class="dead"' in html, "the title page's header changed; adapt this test"
    page.route(served, lambda route: route.fulfill(content_type="text/html", body=html))  # same URL: assets load
    page.goto(served)
    start_material(page)
    controls = page.evaluate(MARK)
    missing = [c["html"] for c in unreached(controls, tab_order(page))]
    assert any('class="unreached"' in html for html in missing)
    dead = next(c for c in controls if 'class="dead"' in c["html"])
    assert operable(page, served, dead) is not None
