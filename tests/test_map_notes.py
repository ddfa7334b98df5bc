"""Rule: the map says that a row it marks may be the subject of an editor's note. Its key
explains the ring; every marker of a row with an editor's note is ringed (a shape, not a
colour alone) and its name (aria-label and title) says so; no other marker is ringed; the
list under the map names the note of each such row."""

import pytest

from edition_site import LANGS, data, md_name

PAGE = "infrastructure"


@pytest.mark.parametrize("lang", LANGS)
def test_markers_of_noted_rows_are_ringed_and_say_so(pages, lang):
    labels = data("labels")
    figure = pages[lang][PAGE].select_one("figure.edition-map")
    caveat = figure.select_one("figcaption .edition-map__caveat")
    # The words of the key, not the symbol's <title> (its alternative text in the PDF).
    words = " ".join("".join(node for node in caveat.find_all(string=True) if not node.find_parent("svg")).split()) if caveat else None
    assert caveat is not None and words == labels["map_noted"][lang], (
        f"{md_name(lang, PAGE)}: the map's key does not explain the ring (labels.yaml: map_noted)")
    assert caveat.select_one("svg .edition-map__ring") is not None, "the key shows no ring"
    noted = {row["id"] for row in data("infrastructure")["rows"] if "note" in row}
    markers = figure.select("a.edition-map__marker")
    assert noted & {m["data-row"] for m in markers}, "no marker stands on a row with an editor's note: nothing to check"
    for marker in markers:
        ringed = marker.select_one(".edition-map__ring") is not None
        says = marker["aria-label"].endswith(labels["map_noted_marker"][lang])
        titled = marker.find("title").get_text().endswith(labels["map_noted_marker"][lang])
        wanted = marker["data-row"] in noted
        assert (ringed, says, titled) == (wanted, wanted, wanted), (
            f"{md_name(lang, PAGE)}: marker {marker['href']} (row {'with' if wanted else 'without'} a note): "
            f"ringed={ringed}, aria-label says so={says}, title says so={titled}")
    for item in figure.select("ol.edition-map__rows li"):
        row = item.a["href"].removeprefix("#row-")
        link = item.select_one("a.edition-map__note-link")
        assert (link is not None) == (row in noted), f"{md_name(lang, PAGE)}: the map's list of rows misstates the note of row {row}"
        if link is not None:
            assert link["href"] == f"#note-row-{row}" and pages[lang][PAGE].find(id=f"note-row-{row}") is not None
