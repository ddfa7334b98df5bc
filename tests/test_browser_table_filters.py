"""Rule (in Chromium): the infrastructure table filters by type and by country without a
reload. The rows shown are exactly those of data/infrastructure.yaml that match (a
country matches the rows naming it, the rows naming a group it belongs to, and a group
matches the rows naming it or one of its members); each shown group of rows keeps its
type cell, spanning its shown rows; the count is announced; the state is in the
address and comes back on load; without JavaScript the whole table shows, no controls."""

import pytest

from edition_site import LANGS, data, url

pytestmark = pytest.mark.browser

PAGE = "infrastructure"
TABLE = "#table-infrastructure"
TABLE_DATA = data("infrastructure")
COUNTRIES = data("countries")


def concerns(row, code) -> bool:
    """The rule, written independently of the template and the script."""
    listed = set(row["countries"])
    members = set(COUNTRIES[code].get("members", []))
    groups_of_listed = {group for group, c in COUNTRIES.items() if listed & set(c.get("members", []))}
    covered = listed | {m for g in listed for m in COUNTRIES[g].get("members", [])}
    return code in covered or code in groups_of_listed or bool(members & listed)


def expected(type_=None, country=None) -> list[str]:
    return [f"row-{row['id']}" for row in TABLE_DATA["rows"]
            if (not type_ or row["type"] == type_) and (not country or concerns(row, country))]


@pytest.fixture(scope="module")
def tab(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def shown(tab) -> list[str]:
    return tab.eval_on_selector_all(f"{TABLE} tbody > tr", "trs => trs.filter(tr => tr.offsetParent !== null).map(tr => tr.id)")


def check_groups(tab, lang):
    """Every group with shown rows has its type cell on its first shown row, spanning them all."""
    groups = tab.eval_on_selector_all(f"{TABLE} tbody", """bodies => bodies.map(b => {
        const rows = [...b.rows].filter(r => r.offsetParent !== null);
        const th = b.querySelector('th[scope=rowgroup]');
        return {type: b.dataset.type, shown: rows.length, thInFirst: rows.length ? rows[0].contains(th) : null,
                span: th.rowSpan, visible: th.offsetParent !== null, text: th.textContent.trim()};
    })""")
    for group in groups:
        if group["shown"]:
            assert group["thInFirst"] and group["span"] == group["shown"] and group["visible"], (
                f"type cell of group '{group['type']}' misplaced: {group}")
            assert group["text"] == TABLE_DATA["types"][group["type"]][lang]


@pytest.mark.parametrize("lang", LANGS)
def test_filters_show_the_matching_rows(served, tab, lang):
    tab.goto(served + url(lang, PAGE))
    labels = TABLE_DATA["columns"]
    by_type = tab.get_by_label(labels["type"][lang], exact=True)
    by_country = tab.get_by_label(labels["countries"][lang], exact=True)
    status = tab.locator(f"{TABLE} [role=status]")
    total = len(TABLE_DATA["rows"])
    assert shown(tab) == expected() and str(total) in status.text_content()
    cases = [(t, None) for t in TABLE_DATA["types"]] + [(None, c) for c in COUNTRIES] + [("digital", "EAEU"), ("energy", "KG")]
    for type_, country in cases:
        by_type.select_option(type_ or "")
        by_country.select_option(country or "")
        want = expected(type_, country)
        assert shown(tab) == want, f"{url(lang, PAGE)} type={type_} country={country}: shows {shown(tab)}, expected {want}"
        check_groups(tab, lang)
        count = status.text_content()
        assert str(len(want)) in count and str(total) in count, f"status says «{count}» for {len(want)} of {total}"
        query = tab.evaluate("location.search")
        assert (f"type={type_}" in query) == bool(type_) and (f"country={country}" in query) == bool(country), query
    tab.get_by_role("button", name=data("labels")["filter_reset"][lang]).click()
    tab.wait_for_function("() => location.search === ''")
    assert shown(tab) == expected() and tab.evaluate("location.search") == ""


@pytest.mark.parametrize("lang", LANGS)
def test_a_filtered_address_restores_the_state(served, tab, lang):
    tab.goto(served + url(lang, PAGE) + "?type=digital&country=KZ#table-infrastructure")
    assert shown(tab) == expected("digital", "KZ")
    assert tab.eval_on_selector(f"{TABLE} select[name=type]", "s => s.value") == "digital"
    assert tab.eval_on_selector(f"{TABLE} select[name=country]", "s => s.value") == "KZ"
    check_groups(tab, lang)
    tab.goto(served + url(lang, PAGE) + "?type=nonsense")
    assert shown(tab) == expected(), "an unknown filter value must show the whole table"


def test_without_javascript_the_whole_table_shows(served, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served + url(LANGS[-1], PAGE) + "?type=digital")
    assert shown(page) == expected()
    assert not page.locator(f"{TABLE} form.edition-filter").is_visible()
    context.close()
