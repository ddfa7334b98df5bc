"""Rule: the map's places are checked like the rest of the data: a latitude or longitude out
of range in data/places.yaml, a row's place without its key or with an unknown kind stops the
build, naming file:line and field."""

import pytest

from edition import datafiles
from edition_site import DATA, data_line, edited

INFRA = (DATA / "infrastructure.yaml").read_text(encoding="utf-8")
PLACES = (DATA / "places.yaml").read_text(encoding="utf-8")
PLACE = data_line("infrastructure", "rows", 1, "places", 0).strip().removeprefix("- ")  # row 2's first place, found by its keys
LISTED = "  great-stone:\n    lat: 53.93\n    lon: 27.97\n"


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def check_broken(tmp_path, name: str, original: str, old: str, new: str) -> tuple[str, str]:
    broken = edited(original, old, new, where=f"data/{name}.yaml")
    path = tmp_path / f"{name}.yaml"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(datafiles.DataError) as caught:
        datafiles.check(name, path)
    return broken, str(caught.value)


@pytest.mark.parametrize(("bad", "field", "says"), [
    ("lat: 93.93", "lat", "93.93 is greater than the maximum of 90"),
    ("lon: 207.97", "lon", "207.97 is greater than the maximum of 180"),
    ("lat: '53.93'", "lat", "'53.93' is not of type 'number'"),
])
def test_coordinate_out_of_range(tmp_path, bad, field, says):
    good = "lat: 53.93" if field == "lat" else "lon: 27.97"
    broken, message = check_broken(tmp_path, "places", PLACES, LISTED, LISTED.replace(good, bad))
    where = f"places.yaml:{line_of(broken, bad)}: places.great-stone.{field}"
    assert where in message, message
    assert says in message, message


def test_place_without_key_or_kind(tmp_path):
    broken, message = check_broken(tmp_path, "infrastructure", INFRA, PLACE, "{marks: somewhere}")
    line = line_of(broken, "marks: somewhere")
    assert f"infrastructure.yaml:{line}: rows[1].places[0] (table row 2, id 'data-center-cn-by'): 'place' is a required property" in message, message
    assert f"infrastructure.yaml:{line}: rows[1].places[0].marks" in message and "'somewhere' is not one of ['site', 'country']" in message, message
