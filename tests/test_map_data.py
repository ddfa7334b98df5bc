"""Rule: a row's places are checked like the rest of the data: a latitude or longitude out
of range, a missing name or an unknown kind stops the build, naming file:line and field."""

import pytest

from edition import datafiles
from edition_site import DATA

INFRA = (DATA / "infrastructure.yaml").read_text(encoding="utf-8")
PLACE = "{lat: 53.93, lon: 27.97, name: {ru: «Великий камень», en: Great Stone}, marks: site}"


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def check_broken(tmp_path, broken: str) -> str:
    assert broken != INFRA, "the fixture did not change the data"
    path = tmp_path / "infrastructure.yaml"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(datafiles.DataError) as caught:
        datafiles.check("infrastructure", path)
    return str(caught.value)


@pytest.mark.parametrize(("bad", "field", "says"), [
    ("lat: 93.93", "lat", "93.93 is greater than the maximum of 90"),
    ("lon: 207.97", "lon", "207.97 is greater than the maximum of 180"),
    ("lat: '53.93'", "lat", "'53.93' is not of type 'number'"),
])
def test_coordinate_out_of_range(tmp_path, bad, field, says):
    broken = INFRA.replace(PLACE, PLACE.replace(bad.split(":")[0] + ": " + ("53.93" if field == "lat" else "27.97"), bad))
    message = check_broken(tmp_path, broken)
    where = f"infrastructure.yaml:{line_of(broken, bad)}: rows[1].places[0].{field} (table row 2, id 'data-center-cn-by')"
    assert where in message, message
    assert says in message, message


def test_place_without_name_or_kind(tmp_path):
    broken = INFRA.replace(PLACE, "{lat: 53.93, lon: 27.97, marks: somewhere}")
    message = check_broken(tmp_path, broken)
    line = line_of(broken, "marks: somewhere")
    assert f"infrastructure.yaml:{line}: rows[1].places[0] (table row 2, id 'data-center-cn-by'): 'name' is a required property" in message, message
    assert f"infrastructure.yaml:{line}: rows[1].places[0].marks" in message and "'somewhere' is not one of ['site', 'country']" in message, message
