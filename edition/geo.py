"""The map of a table's places: projection, outlines and marker layout, as numbers.

Not a hook: hooks/text/markers.py gives templates `map_layout(data, lang)`, and the template
overrides/edition/map.html draws the SVG from what it returns (path strings, positions,
texts); the HTML is the template's. Settings are in data/map.yaml, the places in
data/places.yaml (a row's `places` name them by key: `row_places`), outlines in the GeoJSON
that data/map.yaml names (scripts/map_outlines.py; `outline` gives one country's as a Shapely
geometry, for hooks/checks/map_places.py).

Projection: Albers equal-area conic. Layout: places with the same coordinates share one
dot; beside it a label (the place's name) over one numbered marker per row, placed
greedily where it hides no other label, dot or country name (a leader line if moved off).
"""

from __future__ import annotations

import functools
import json
import math
from pathlib import Path

from edition import cache, datafiles

FONT = 12          # px of the place names, in the SVG's units
CHAR = 0.6 * FONT  # a generous average glyph width, for the layout only
NAME_FONT = 13     # country names
BADGE = 24         # a marker's box; markers sit side by side (room for the ring of a noted row)
LINE = 16          # height of a place name line
DISTANCES = (6, 18, 34, 54, 78, 104)


class Albers:
    def __init__(self, parallels, meridian, origin):
        p1, p2 = map(math.radians, parallels)
        self.n = (math.sin(p1) + math.sin(p2)) / 2
        self.c = math.cos(p1) ** 2 + 2 * self.n * math.sin(p1)
        self.meridian = math.radians(meridian)
        self.rho0 = math.sqrt(self.c - 2 * self.n * math.sin(math.radians(origin))) / self.n

    def __call__(self, lon, lat):
        rho = math.sqrt(self.c - 2 * self.n * math.sin(math.radians(lat))) / self.n
        theta = self.n * (math.radians(lon) - self.meridian)
        return rho * math.sin(theta), -(self.rho0 - rho * math.cos(theta))  # y grows downwards


def _outlines(path: str):
    """The outlines file, parsed once per version of it (under `mkdocs serve`, a changed file is re-read)."""
    file = datafiles.DATA / path
    try:
        return _parsed(file, file.stat().st_mtime_ns)
    except (OSError, ValueError) as err:
        raise datafiles.DataError(
            f"data/{path}: the map's outlines cannot be read ({err}). "
            "Regenerate them with scripts/map_outlines.py (see its docstring)."
        ) from None


@functools.lru_cache(maxsize=2)
def _parsed(file, stamp):
    return json.loads(file.read_text(encoding="utf-8"))


def row_places(row: dict) -> list[dict]:
    """A row's places as the map draws them: each `{place: KEY, marks: …}` with the coordinates,
    names and country of data/places.yaml's KEY (hooks/checks/map_places.py has checked the keys)."""
    listed = datafiles.load("places")["places"]
    return [dict(listed[place["place"]], key=place["place"], marks=place["marks"]) for place in row.get("places", [])]


def outline(code: str):
    """The outline of a country of data/countries.yaml, as a Shapely geometry (lon, lat), or None
    when data/map.yaml gives it no outline."""
    from shapely.geometry import shape

    settings = datafiles.load("map")
    ident = settings["outline_ids"].get(code)
    feature = next((f for f in _outlines(settings["outlines"])["features"] if f["id"] == ident), None)
    return shape(feature["geometry"]) if feature else None


def clip(points, xmin, ymin, xmax, ymax):
    """Sutherland–Hodgman: the part of a closed ring inside a box (also used by
    scripts/map_outlines.py, in degrees)."""
    tests = [
        (lambda p: p[0] >= xmin, lambda a, b: (xmin, a[1] + (b[1] - a[1]) * (xmin - a[0]) / (b[0] - a[0]))),
        (lambda p: p[0] <= xmax, lambda a, b: (xmax, a[1] + (b[1] - a[1]) * (xmax - a[0]) / (b[0] - a[0]))),
        (lambda p: p[1] >= ymin, lambda a, b: (a[0] + (b[0] - a[0]) * (ymin - a[1]) / (b[1] - a[1]), ymin)),
        (lambda p: p[1] <= ymax, lambda a, b: (a[0] + (b[0] - a[0]) * (ymax - a[1]) / (b[1] - a[1]), ymax)),
    ]
    for inside, cross in tests:
        out = []
        for i, current in enumerate(points):
            previous = points[i - 1]
            if inside(current):
                if not inside(previous):
                    out.append(cross(previous, current))
                out.append(current)
            elif inside(previous):
                out.append(cross(previous, current))
        points = out
        if not points:
            break
    return points


def _thin(points, step=1.0):
    """Drop points closer than `step` px to the last one kept: detail the eye cannot see."""
    kept = points[:1]
    for x, y in points[1:]:
        if abs(x - kept[-1][0]) + abs(y - kept[-1][1]) >= step:
            kept.append((x, y))
    return kept


def _number(value: float) -> str:
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return text.replace("0.", ".", 1) if text.startswith("0.") else text.replace("-0.", "-.", 1)


def _path(points) -> str:
    """An SVG path: the first point absolute, then relative steps in tenths of a px."""
    (x0, y0), out = points[0], [f"M{_number(points[0][0])},{_number(points[0][1])}l"]
    px, py = round(x0, 1), round(y0, 1)
    for x, y in points[1:]:
        x, y = round(x, 1), round(y, 1)
        dx, dy = _number(x - px), _number(y - py)
        out.append(("" if len(out) == 1 or dx.startswith("-") else " ") + dx + ("" if dy.startswith("-") else ",") + dy)
        px, py = x, y
    return "".join(out) + "z"


def _area_centroid(ring):
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if not area:
        return 0.0, ring[0]
    return abs(area) / 2, (cx / (3 * area), cy / (3 * area))


def _overlaps(a, b):
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _place(x, y, w, h, taken, view):
    """The first box of size w×h near (x, y) that stays in the view and hides nothing."""
    first = None
    for d in DISTANCES:
        for bx, by in ((x + d, y - h / 2), (x - d - w, y - h / 2), (x - w / 2, y + d), (x - w / 2, y - d - h),
                       (x + d, y + d / 2), (x + d, y - d / 2 - h), (x - d - w, y + d / 2), (x - d - w, y - d / 2 - h)):
            box = (bx, by, bx + w, by + h)
            if box[0] < 0 or box[1] < 0 or box[2] > view[0] or box[3] > view[1]:
                continue
            first = first or (box, d)
            if not any(_overlaps(box, other) for other in taken):
                return box, d
    return first


def _leader(x, y, box):
    """From the dot to the nearest point of the label's box."""
    return x, y, min(max(x, box[0]), box[2]), min(max(y, box[1]), box[3])


@functools.lru_cache(maxsize=4)
def _country_shapes(outlines: str, stamp: int, projection: str, west, north, scale, margin, width, height) -> tuple:
    """(id, SVG path, centre of the largest outer ring or None) of each country the view shows:
    the same for every language, so computed once per build (and per change of the view), and
    kept between builds while the outlines, the view and this module stay the same (edition/cache.py)."""
    view = {"projection": projection, "west": west, "north": north, "scale": scale, "margin": margin, "width": width, "height": height}
    found = cache.cached("map-shapes", view, lambda: _project_shapes(outlines, **view),
                         depends=[datafiles.DATA / outlines, Path(__file__)])
    return tuple(tuple(shape) for shape in found)


def _project_shapes(outlines: str, projection: str, west, north, scale, margin, width, height) -> tuple:
    project = Albers(**json.loads(projection))

    def xy(lon, lat):
        px, py = project(lon, lat)
        return (px - west) * scale + margin, (py - north) * scale + margin

    found = []
    for feature in _outlines(outlines)["features"]:
        rings, best = [], (0.0, None)
        for polygon in feature["geometry"]["coordinates"]:
            for i, ring in enumerate(polygon):
                cut = _thin(clip([xy(lon, lat) for lon, lat in ring[:-1]], -2, -2, width + 2, height + 2))
                if len(cut) >= 3:
                    rings.append(_path(cut))
                    if i == 0:
                        best = max(best, _area_centroid(cut), key=lambda a: a[0])
        if rings:
            found.append((feature["id"], "".join(rings), best[1]))
    return tuple(found)


def layout(table: dict, lang: str) -> dict:
    settings = datafiles.load("map")
    countries = datafiles.load("countries")
    geo = _outlines(settings["outlines"])
    by_id = {feature["id"]: feature for feature in geo["features"]}
    for code, ident in settings["outline_ids"].items():
        if ident not in by_id:
            raise datafiles.DataError(
                f"data/map.yaml: outline_ids.{code}: no outline with id '{ident}' in data/{settings['outlines']}. "
                "Give the country's ISO 3166-1 numeric code, or regenerate the outlines."
            )
    missing = sorted({row["type"] for row in table["rows"]} - set(settings["shapes"]))
    if missing:
        raise datafiles.DataError(
            f"data/map.yaml: shapes: no marker shape for the type(s) {missing} of the table. "
            "Add each type with one of circle, square, diamond, triangle."
        )
    project = Albers(**settings["projection"])

    # The view: the frame countries whole and every place, scaled to the width.
    points = [project(lon, lat) for code in settings["frame"]
              for polygon in by_id[settings["outline_ids"][code]]["geometry"]["coordinates"]
              for lon, lat in polygon[0]]
    places = [(row, place) for row in table["rows"] for place in row_places(row)]
    points += [project(place["lon"], place["lat"]) for _, place in places]
    west, east = min(p[0] for p in points), max(p[0] for p in points)
    north, south = min(p[1] for p in points), max(p[1] for p in points)
    width, margin = settings["width"], settings["margin"]
    scale = (width - 2 * margin) / (east - west)
    height = round((south - north) * scale + 2 * margin)

    def xy(lon, lat):
        px, py = project(lon, lat)
        return (px - west) * scale + margin, (py - north) * scale + margin

    partners = {settings["outline_ids"].get(code) for code in countries if code in settings["outline_ids"]}
    named = {settings["outline_ids"][code]: code for code in settings["named"]}
    shapes, taken, labels = [], [], []
    stamp = (datafiles.DATA / settings["outlines"]).stat().st_mtime_ns  # a changed outlines file is drawn anew
    for feature_id, d, centre in _country_shapes(settings["outlines"], stamp, json.dumps(settings["projection"], sort_keys=True),
                                                 west, north, scale, margin, width, height):
        shapes.append({"d": d, "partner": feature_id in partners})
        if feature_id in named and centre:
            text = countries[named[feature_id]][lang]
            (cx, cy), w = centre, len(text) * NAME_FONT * 0.62
            labels.append({"x": round(cx, 1), "y": round(cy, 1), "text": text})
            taken.append((cx - w / 2, cy - NAME_FONT, cx + w / 2, cy + 4))

    # Places: one dot per coordinate pair, with the markers of all its rows.
    sites: dict[tuple, dict] = {}
    for number, row in enumerate(table["rows"], start=1):
        for place in row_places(row):
            key = (place["lat"], place["lon"])
            site = sites.setdefault(key, {"name": place["name"][lang], "rows": [], "xy": xy(place["lon"], place["lat"])})
            if not any(entry["number"] == number for entry in site["rows"]):
                site["rows"].append({"number": number, "id": row["id"], "shape": settings["shapes"][row["type"]],
                                     "label": row["label"][lang], "project": row["project"][lang]})
    for site in sites.values():
        x, y = site["xy"]
        taken.append((x - 4, y - 4, x + 4, y + 4))
    placed = []
    for site in sorted(sites.values(), key=lambda s: (-len(s["rows"]), s["name"])):
        x, y = site["xy"]
        w = max(len(site["name"]) * CHAR, len(site["rows"]) * BADGE)
        h = LINE + BADGE
        box, d = _place(x, y, w, h, taken, (width, height))
        taken.append(box)
        left = box[0] if box[0] >= x else box[2] - len(site["rows"]) * BADGE  # markers lean towards the dot
        text_left = box[0] if box[0] >= x else box[2]
        placed.append({
            "x": round(x, 1), "y": round(y, 1), "name": site["name"],
            "name_x": round(text_left, 1), "name_y": round(box[1] + LINE - 4, 1),
            "anchor": "start" if box[0] >= x else "end",
            "leader": [round(v, 1) for v in _leader(x, y, box)] if d > DISTANCES[0] else None,
            "markers": [dict(entry, x=round(left + i * BADGE + BADGE / 2, 1), y=round(box[1] + LINE + BADGE / 2, 1))
                        for i, entry in enumerate(site["rows"])],
        })
    placed.sort(key=lambda s: (s["x"], s["y"]))
    return {"width": width, "height": height, "countries": shapes, "names": labels, "sites": placed,
            "places": {row["id"]: row_places(row) for row in table["rows"]}}
