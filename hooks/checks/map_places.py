# checks · on_config
"""The map shows only checked places, where they are: every row's `places` in
data/infrastructure.yaml names a place of data/places.yaml (the edition's checked list) by its
key, and every place of that list lies inside the outline of the country it is recorded in
(the outlines of data/map.yaml, data/geo/; Shapely), or the build stops with the line and what
to do. The coordinates are written once, in data/places.yaml: a row holds no copy of them.
"""

from pathlib import Path

from edition import cache, datafiles, geo


def _row_problems(checked: dict) -> list[str]:
    listed = ", ".join(checked)
    out = []
    for r, row in enumerate(datafiles.load("infrastructure")["rows"]):
        for p, place in enumerate(row.get("places", [])):
            if place["place"] in checked:
                continue
            where = f"{datafiles.where('infrastructure', ['rows', r, 'places', p])}: rows[{r}].places[{p}] (table row {r + 1}, id '{row['id']}')"
            out.append(f"{where}: '{place['place']}' is not in the edition's checked list of places (data/places.yaml: {listed}). "
                       "Name a listed place by its key, or check the coordinates against a public source and add the place "
                       "to data/places.yaml with that source first.")
    return out


def _place_problems(checked: dict) -> list[str]:
    """Kept between builds while the places, the outlines and this check are unchanged (edition/cache.py):
    a warm build does not import Shapely (and NumPy), about a fifth of a second."""
    outlines = datafiles.DATA / datafiles.load("map")["outlines"]
    files = [datafiles.DATA / f"{name}.yaml" for name in ("places", "countries", "map")]
    return cache.cached("places-inside", {}, lambda: _outside(checked), depends=[*files, outlines, Path(__file__)])


def _outside(checked: dict) -> list[str]:
    from shapely.geometry import Point

    countries = datafiles.load("countries")
    out = []
    for key, place in checked.items():
        code = place["country"]
        shape = geo.outline(code)
        where = datafiles.where("places", ["places", key])
        if shape is None:
            out.append(f"{where}: place '{key}' ({place['name']['en']}) is recorded in {code}, which has no outline on the map "
                       "(data/map.yaml outline_ids): give the country its outline id there.")
            continue
        point = Point(place["lon"], place["lat"])
        if not shape.covers(point):
            near = shape.distance(point)
            out.append(f"{where}: place '{key}' ({place['name']['en']}) at {place['lat']}, {place['lon']} lies outside "
                       f"{countries[code]['en']} ({code}), the country it is recorded in ({near:.1f}° from its outline): check "
                       "the coordinates (decimal degrees, north and east positive) against the place's source, or its `country`.")
    return out


def problems() -> list[str]:
    checked = datafiles.load("places")["places"]
    return _row_problems(checked) + _place_problems(checked)


def on_config(config):
    found = problems()
    if found:
        raise datafiles.DataError(f"{len(found)} problem(s) with the places on the map (data/places.yaml, data/infrastructure.yaml):\n  "
                                  + "\n  ".join(found))
    return config
