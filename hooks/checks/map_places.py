# checks · on_config
"""The map shows only checked places: every row's `places` in data/infrastructure.yaml is a
place of data/places.yaml (the edition's checked list), with its names and coordinates, or
the build stops with the row's line and what to do.
"""

from edition import datafiles

TOLERANCE = 1e-9  # degrees: the coordinates are copied from the list, not measured


def problems() -> list[str]:
    checked = datafiles.load("places")["places"]
    by_name = {}
    for key, place in checked.items():
        by_name.setdefault(place["name"]["en"], key)
        by_name.setdefault(place["name"]["ru"], key)
    listed = ", ".join(place["name"]["en"] for place in checked.values())
    out = []
    for r, row in enumerate(datafiles.load("infrastructure")["rows"]):
        for p, place in enumerate(row.get("places", [])):
            key = by_name.get(place["name"]["en"]) or by_name.get(place["name"]["ru"])
            name = place["name"]["en"]
            entry = checked.get(key)
            if entry is not None and place["name"] == entry["name"] and \
                    abs(place["lat"] - entry["lat"]) <= TOLERANCE and abs(place["lon"] - entry["lon"]) <= TOLERANCE:
                continue  # as listed (the lines below are looked up only for a message)
            where = f"{datafiles.where('infrastructure', ['rows', r, 'places', p])}: rows[{r}].places[{p}] (table row {r + 1}, id '{row['id']}')"
            if key is None:
                out.append(f"{where}: '{name}' is not in the edition's checked list of places (data/places.yaml: {listed}). "
                           "Use a listed place, or check the coordinates against a public source and add the place "
                           "to data/places.yaml with that source first.")
                continue
            at = datafiles.where("places", ["places", key])
            if place["name"] != entry["name"]:
                out.append(f"{where}: the name {place['name']['ru']} / {name} differs from the checked list ({at}: "
                           f"{entry['name']['ru']} / {entry['name']['en']}): write it as the list does.")
            elif abs(place["lat"] - entry["lat"]) > TOLERANCE or abs(place["lon"] - entry["lon"]) > TOLERANCE:
                out.append(f"{where}: '{name}' at {place['lat']}, {place['lon']}, but the checked coordinates are "
                           f"{entry['lat']}, {entry['lon']} ({at}): use those.")
    return out


def on_config(config):
    found = problems()
    if found:
        raise datafiles.DataError(f"{len(found)} problem(s) in data/infrastructure.yaml (places on the map):\n  " + "\n  ".join(found))
    return config
