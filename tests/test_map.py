"""Rule: the infrastructure chapter shows the map of the table's places in each language:
one marker for every place of every row, each a link to that row of the table on the
same page; the place names, countries, title and description in the page's language;
the drawing named and described for assistive technology, and every marker named."""

import pytest

from edition import geo
from edition_site import LANGS, data, md_name

PAGE = "infrastructure"


def the_map(pages, lang):
    found = pages[lang][PAGE].select("figure.edition-map")
    assert len(found) == 1, f"{md_name(lang, PAGE)}: expected one map (<!-- map: infrastructure -->), found {len(found)}"
    return found[0]


@pytest.mark.parametrize("lang", LANGS)
def test_a_marker_per_place_linking_to_its_row(pages, lang):
    svg = the_map(pages, lang).select_one("svg.edition-map__svg")
    rows = {tr["id"] for tr in pages[lang][PAGE].select("table tr[id]")}
    # What the page shows: place name → the row ids of its markers.
    shown = {}
    for site in svg.select("g.edition-map__site"):
        name = site.select_one("text.edition-map__place").get_text()
        targets = [a["href"] for a in site.select("a.edition-map__marker")]
        for href in targets:
            assert href.removeprefix("#") in rows, f"{md_name(lang, PAGE)}: map marker {href} names no table row"
        shown.setdefault(name, set()).update(h.removeprefix("#row-") for h in targets)
    wanted = {}
    for row in data("infrastructure")["rows"]:
        for place in geo.row_places(row):  # the row names its places by key (data/places.yaml)
            wanted.setdefault(place["name"][lang], set()).add(row["id"])
    assert wanted, "data/infrastructure.yaml: no row has places; the map would be empty"
    assert shown == wanted, (
        f"{md_name(lang, PAGE)}: the map's places and markers differ from data/infrastructure.yaml.\n"
        f"on the map: {shown}\nin the data: {wanted}"
    )


@pytest.mark.parametrize("lang", LANGS)
def test_map_is_named_described_and_in_the_page_language(pages, lang):
    figure = the_map(pages, lang)
    svg = figure.select_one("svg.edition-map__svg")
    labels = data("labels")
    for attr, tag in (("aria-labelledby", "title"), ("aria-describedby", "desc")):
        target = svg.find(id=svg.get(attr))
        assert target is not None and target.name == tag, f"{md_name(lang, PAGE)}: the map's {attr} names no <{tag}>"
    assert svg.find("title", recursive=False).get_text() == labels["map_title"][lang]
    assert svg.find("desc", recursive=False).get_text() == labels["map_desc"][lang]
    countries = {text[lang] for code, text in data("countries").items()}
    for name in figure.select(".edition-map__country-names text"):
        assert name.get_text() in countries, f"{md_name(lang, PAGE)}: country name «{name.get_text()}» is not in data/countries.yaml[{lang}]"
    for marker in svg.select("a.edition-map__marker"):
        label = marker.get("aria-label", "")
        assert label.startswith(labels["map_row"][lang] + " "), f"{md_name(lang, PAGE)}: marker {marker['href']} is not named «{labels['map_row'][lang]} N…»"
        number = marker.find("text").get_text()
        assert label.split(":")[0].endswith(" " + number), f"{md_name(lang, PAGE)}: marker {marker['href']} shows {number} but is named «{label}»"


@pytest.mark.parametrize("lang", LANGS)
def test_marker_numbers_are_the_rows_numbers(pages, lang):
    """The number on a marker is its row's position in the table (and in the list under the map)."""
    order = [tr["id"].removeprefix("row-") for tr in pages[lang][PAGE].select("table tr[id]")]
    for marker in the_map(pages, lang).select("a.edition-map__marker"):
        row = marker["href"].removeprefix("#row-")
        assert marker.find("text").get_text() == str(order.index(row) + 1), f"{md_name(lang, PAGE)}: marker for {row} has the wrong number"
