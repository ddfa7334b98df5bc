"""Rule (in Chromium): every sentence of the article knows its counterpart in the other
language (hooks/text/sentences.py, docs/assets/sentences.js).

- On every page of the article, in both languages, a click on each sentence shows, in a
  popover marked with the other language, that language's sentence of the same id, with a
  link to it on the other page.
- A sentence's link (#policy-coordination-p2-s3) lands on it, marked, in either language,
  and still after the language switch; the popover's link lands on the counterpart.
- On a parallel page, hovering or focusing a sentence on either side highlights its
  counterpart on the other.
- From the keyboard alone: one Tab stop per paragraph, ← → between its sentences, Enter
  opens, Escape closes, focus comes back; citation links in sentences still work.
- On a 390 px phone, by touch.
- axe finds nothing with a popover open, nor on a parallel page with a pair highlighted.
- Copying a paragraph copies its text and nothing more.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe

from edition_site import LANGS, OTHER, PAGES, data, parallel_url, url

pytestmark = pytest.mark.browser

SENTENCE_PAGES = [page for page in PAGES if f"{page}.md" not in data("article")["edition_pages"]]
POPOVER = ".edition-s-popover"
OPEN = ".edition-s-popover:not([hidden])"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]

# A point on the sentence's own text (not on a link inside it, nor on another sentence).
POINT = """id => {
    const sentence = document.getElementById(id);
    sentence.scrollIntoView({block: "center"});
    for (const rect of sentence.getClientRects()) {
        for (let x = rect.left + 4; x < rect.right; x += 12) {
            const y = rect.top + rect.height / 2;
            const hit = document.elementFromPoint(x, y);
            if (hit && hit.closest(".edition-s") === sentence && !hit.closest("a, button")) return {x, y};
        }
    }
    return null;
}"""


def counterparts(pages, lang: str, page: str) -> dict:
    """The other language's sentences of a page, by id, as its built HTML has them."""
    [other] = OTHER[lang]
    return {span["id"]: " ".join(span.get_text().split()) for span in pages[other][page].select("span.edition-s[id]")}


def popover_state(tab) -> dict:
    return tab.evaluate("""() => {
        const box = document.querySelector('.edition-s-popover:not([hidden])');
        if (!box) return null;
        const text = box.querySelector('.edition-s-popover__text'), link = box.querySelector('a');
        const r = box.getBoundingClientRect();
        const own = document.getElementById(box.dataset.sentence).getBoundingClientRect();
        // how far the popover is from its sentence (0 when they touch): styled, it sits beside it
        const gap = Math.max(0, r.top - own.bottom, own.top - r.bottom);
        return {sentence: box.dataset.sentence, gap: gap, position: getComputedStyle(box).position,
                text: text.textContent, lang: text.lang, role: box.getAttribute('role'),
                href: link.href, focused: box.contains(document.activeElement), left: r.left, right: r.right,
                top: r.top, bottom: r.bottom};
    }""")


def click_sentence(tab, ident: str):
    point = tab.evaluate(POINT, ident)
    assert point, f"#{ident}: no point of its own text to click"
    tab.mouse.click(point["x"], point["y"])


@pytest.mark.parametrize("lang", LANGS)
def test_every_sentence_shows_its_counterpart(served, pages, page, lang):
    report, seen = [], 0
    [other] = OTHER[lang]
    for name in SENTENCE_PAGES:
        expected = counterparts(pages, lang, name)
        page.goto(served + url(lang, name))
        ids = page.eval_on_selector_all("article .edition-s[id]", "els => els.map(e => e.id)")
        assert ids, f"/{url(lang, name)}: no sentences"
        for ident in ids:
            if ident not in expected:
                report.append(f"/{url(lang, name)}#{ident}: no sentence of that id in /{url(other, name)}")
                continue
            click_sentence(page, ident)
            page.wait_for_selector(OPEN)
            state = popover_state(page)
            shown = " ".join(state["text"].split())
            if state["sentence"] != ident or shown != expected[ident] or state["lang"] != other or state["role"] != "dialog":
                report.append(f"/{url(lang, name)}#{ident}: the popover shows «{shown[:80]}» (lang {state['lang']}), "
                              f"expected «{expected[ident][:80]}» (lang {other})")
            if state["position"] != "absolute" or state["gap"] > 48:
                report.append(f"/{url(lang, name)}#{ident}: the popover is not beside its sentence "
                              f"(position {state['position']}, {state['gap']:.0f} px away): is edition.css's popover rule applied?")
            if state["href"] != served + url(other, name) + "#" + ident:
                report.append(f"/{url(lang, name)}#{ident}: the popover links {state['href']}")
            page.keyboard.press("Escape")
            page.wait_for_selector(POPOVER, state="hidden")
            seen += 1
    assert seen and not report, f"{len(report)} problem(s) in {seen} sentences:\n" + "\n".join(report)


def switch(tab, lang):
    """Through the header's language switch, as a reader clicks it."""
    tab.hover(".md-header__option .md-select")
    link = tab.locator(f"a.md-select__link[hreflang='{lang}']")
    tab.wait_for_function("l => getComputedStyle(l.closest('.md-select__inner')).opacity === '1'", arg=link.element_handle())
    box = link.bounding_box()
    with tab.expect_navigation(wait_until="load"):
        tab.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


LANDED = """id => {
    const el = document.getElementById(id), r = el.getBoundingClientRect();
    return {hash: location.hash, target: el.matches(':target'), inView: r.bottom > 0 && r.top < innerHeight,
            marked: getComputedStyle(el).backgroundColor !== 'rgba(0, 0, 0, 0)'};
}"""


@pytest.mark.parametrize("lang", LANGS)
def test_a_sentence_link_lands_on_it_also_after_the_switch(served, page, lang):
    [other] = OTHER[lang]
    ident = "policy-coordination-p4-s3"
    page.goto(served + url(lang, "policy-coordination") + "#" + ident)
    landed = page.evaluate(LANDED, ident)
    assert landed == {"hash": f"#{ident}", "target": True, "inView": True, "marked": True}, landed
    switch(page, other)
    assert page.url == served + url(other, "policy-coordination") + "#" + ident
    landed = page.evaluate(LANDED, ident)
    assert landed == {"hash": f"#{ident}", "target": True, "inView": True, "marked": True}, f"after the switch to {other}: {landed}"


@pytest.mark.parametrize("lang", LANGS)
def test_the_popover_link_leads_to_the_counterpart(served, page, lang):
    [other] = OTHER[lang]
    ident = "science-education-p2-s2"
    page.goto(served + url(lang, "science-education"))
    click_sentence(page, ident)
    page.wait_for_selector(OPEN)
    with page.expect_navigation(wait_until="load"):
        page.click(f"{OPEN} a")
    assert page.url == served + url(other, "science-education") + "#" + ident
    assert page.evaluate(LANDED, ident)["target"] is True


PAIRED = "() => [...document.querySelectorAll('.edition-s--paired')].map(e => e.id).sort()"


@pytest.mark.parametrize("lang", LANGS)
def test_the_parallel_view_pairs_sentences_both_ways(served, page, lang):
    page.goto(served + parallel_url(lang, "policy-coordination"))
    ids = page.eval_on_selector_all(".edition-parallel__cell .edition-s[id]", "els => els.map(e => e.id)")
    ru = sorted(i for i in ids if i.startswith("ru-"))
    assert ru and len(ru) * 2 == len(ids), f"/{parallel_url(lang, 'policy-coordination')}: sentences {ids}"
    for ident in (ru[0], ru[len(ru) // 2], ru[-1]):
        key = ident.removeprefix("ru-")
        pair = sorted([f"en-{key}", f"ru-{key}"])
        for side in ("ru", "en"):
            point = page.evaluate(POINT, f"{side}-{key}")
            page.mouse.move(point["x"], point["y"])
            assert page.evaluate(PAIRED) == pair, f"hovering #{side}-{key}: highlighted {page.evaluate(PAIRED)}"
            page.mouse.move(0, 0)
        page.focus(f"#ru-{key} + .edition-s__control")
        assert page.evaluate(PAIRED) == pair, f"focusing the control of #ru-{key}"
        page.keyboard.press("Enter")  # moves to the counterpart, which stays paired
        assert page.evaluate("document.activeElement.previousElementSibling.id") == f"en-{key}"
        assert page.evaluate(PAIRED) == pair


KEYBOARD_STOP = """() => { const e = document.activeElement;
    return e && e.matches('.edition-s__control') ? e.previousElementSibling.id : (e && e.outerHTML.slice(0, 60)); }"""


@pytest.mark.parametrize("lang", LANGS)
def test_keyboard_only(served, page, lang):
    page.goto(served + url(lang, "policy-coordination"))
    paragraphs = page.eval_on_selector_all("article > [id] .edition-s[id]", "els => [...new Set(els.map(e => e.id.replace(/-s\\d+$/, '')))]")
    stops = []
    for _ in range(200):
        page.keyboard.press("Tab")
        stop = page.evaluate(KEYBOARD_STOP)
        if stop and not stop.startswith("<"):
            stops.append(stop)
        if page.evaluate("!!document.activeElement.closest('footer')"):
            break
    assert stops == [f"{p}-s1" for p in paragraphs], f"one Tab stop per paragraph, at its first sentence: {stops}"
    # The second paragraph: → to its third sentence, Enter, Escape, and back.
    page.focus(f"#{paragraphs[1]}-s1 + .edition-s__control")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    ident = f"{paragraphs[1]}-s3"
    assert page.evaluate(KEYBOARD_STOP) == ident
    page.keyboard.press("Enter")
    page.wait_for_selector(OPEN)
    state = popover_state(page)
    assert state["sentence"] == ident and state["focused"], state
    assert page.get_attribute(f"#{ident} + .edition-s__control", "aria-expanded") == "true"
    page.keyboard.press("Escape")
    page.wait_for_selector(POPOVER, state="hidden")
    assert page.evaluate(KEYBOARD_STOP) == ident, "Escape: focus did not come back to the sentence"
    # Tab goes through the popover (its link, its close button) and back to the sentence.
    page.keyboard.press("Enter")
    page.wait_for_selector(OPEN)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.matches('.edition-s-popover a')")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.matches('.edition-s-popover__close')")
    page.keyboard.press("Enter")
    page.wait_for_selector(POPOVER, state="hidden")
    assert page.evaluate(KEYBOARD_STOP) == ident
    # The paragraph's citation link is the next Tab stop after its sentences, and works.
    page.keyboard.press("Home")
    for _ in range(5):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('a.citation')"):
            break
    assert page.evaluate("document.activeElement.matches('a.citation')"), "the citation link is not reached by Tab"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/references/#ref-" in page.url


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True, device_scale_factor=2)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_a_phone_by_touch(served, pages, phone, lang):
    [other] = OTHER[lang]
    expected = counterparts(pages, lang, "policy-coordination")
    phone.goto(served + url(lang, "policy-coordination"))
    for ident in ("policy-coordination-p1-s1", "policy-coordination-p3-s2", "policy-coordination-p5-s4"):
        point = phone.evaluate(POINT, ident)
        phone.touchscreen.tap(point["x"], point["y"])
        phone.wait_for_selector(OPEN)
        state = popover_state(phone)
        assert state["sentence"] == ident and " ".join(state["text"].split()) == expected[ident] and state["lang"] == other
        assert 0 <= state["left"] and state["right"] <= 390, f"#{ident}: the popover is wider than the screen: {state}"
        assert state["bottom"] > 0 and state["top"] < 844, f"#{ident}: the popover is out of view: {state}"
        # A tap outside (the page's margin, beside the text) closes it.
        phone.touchscreen.tap(3, 300 if state["top"] > 400 else 800)
        phone.wait_for_selector(POPOVER, state="hidden")
    # A citation link in a sentence still leads to its reference.
    link = phone.locator("#policy-coordination-p2-s1 a.citation")
    link.scroll_into_view_if_needed()
    box = link.bounding_box()
    with phone.expect_navigation():
        phone.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    assert "/references/#ref-1" in phone.url


def axe_violations(tab) -> list[str]:
    result = Axe().run(tab, options={"runOnly": {"type": "tag", "values": TAGS}, "resultTypes": ["violations"]})
    return [f"{v['id']} at {' '.join(map(str, n['target']))}: {n['failureSummary'].splitlines()[-1].strip()}"
            for v in result.response["violations"] for n in v["nodes"]]


@pytest.mark.parametrize("lang", LANGS)
def test_axe_finds_nothing_with_a_popover_open(served, page, lang):
    page.goto(served + url(lang, "policy-coordination"))
    page.focus("#policy-coordination-p2-s1 + .edition-s__control")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Enter")
    page.wait_for_selector(OPEN)
    found = axe_violations(page)
    assert not found, f"/{url(lang, 'policy-coordination')}, popover open:\n" + "\n".join(found)
    page.goto(served + parallel_url(lang, "policy-coordination"))
    page.focus("#ru-policy-coordination-p2-s1 + .edition-s__control")
    assert page.evaluate(PAIRED)
    found = axe_violations(page)
    assert not found, f"/{parallel_url(lang, 'policy-coordination')}, a pair highlighted:\n" + "\n".join(found)


SELECT = """id => {
    const range = document.createRange();
    range.selectNodeContents(document.getElementById(id));
    const selection = getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    return selection.toString();
}"""


@pytest.mark.parametrize("lang", LANGS)
def test_copying_a_paragraph_copies_its_text_only(served, browser, lang):
    """The selection and the clipboard hold the same characters as on the page without the
    script (no control, no popover text), and the paragraph's text."""
    plain = browser.new_context(java_script_enabled=False)
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    try:
        without, tab = plain.new_page(), context.new_page()
        for name in ("policy-coordination", "science-education"):
            without.goto(served + url(lang, name))
            tab.goto(served + url(lang, name))
            tab.wait_for_selector(".edition-s__control", state="attached")
            for ident in tab.eval_on_selector_all("article > p[id]", "els => els.map(e => e.id)"):
                # The paragraph's text: without a revision marker (an earlier version's wording, not copied).
                text = without.evaluate("""id => { const p = document.getElementById(id).cloneNode(true);
                    p.querySelectorAll('.edition-revision').forEach(e => e.remove()); return p.textContent; }""", ident)
                expected = without.evaluate(SELECT, ident)
                selected = tab.evaluate(SELECT, ident)
                tab.keyboard.press("Control+C")
                copied = tab.evaluate("navigator.clipboard.readText()")
                assert selected == expected, f"/{url(lang, name)}#{ident}: the selection differs from the page without script"
                assert copied == selected, f"/{url(lang, name)}#{ident}: the clipboard differs from the selection"
                assert " ".join(copied.replace("¶", "").split()) == " ".join(text.replace("¶", "").split()), \
                    f"/{url(lang, name)}#{ident}: copied «{copied[:100]}», the paragraph is «{text[:100]}»"
    finally:
        plain.close()
        context.close()
