#!/usr/bin/env python3
"""Regenerate data/geo/countries.geojson, the country outlines of the map, from the npm
package world-atlas (ISC licence; its data: Natural Earth, public domain).

The build does not run this (nor needs npm); run it only to change the outlines:

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python3 scripts/map_outlines.py package/countries-50m.json

It decodes the TopoJSON, keeps the countries that reach into BOX, cuts their rings to BOX,
simplifies them (Douglas–Peucker, TOLERANCE degrees) and rounds to 0.01°. Standard
library only.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from edition import geo  # the build's geometry: one clipping routine for both

OUT = Path(__file__).resolve().parent.parent / "data" / "geo" / "countries.geojson"
BOX = (10.0, 15.0, 150.0, 75.0)  # west, south, east, north: wider than any view of the map
TOLERANCE = 0.05
SOURCE = "world-atlas 2.0.2, countries-50m.json (Natural Earth 1:50m admin-0, public domain)"


def arcs_of(topology):
    """The arcs in degrees: TopoJSON stores them quantized and delta-encoded."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(indexes, arcs):
    points = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def polygons(geometry, arcs):
    if geometry["type"] == "Polygon":
        return [[ring(r, arcs) for r in geometry["arcs"]]]
    if geometry["type"] == "MultiPolygon":
        return [[ring(r, arcs) for r in polygon] for polygon in geometry["arcs"]]
    return []


def clip(points, box):
    """The part of a closed ring inside the box (west, south, east, north)."""
    return geo.clip(points, *box)


def simplify(points, tolerance):
    """Douglas–Peucker on an open line."""
    if len(points) < 3:
        return points
    (ax, ay), (bx, by) = points[0], points[-1]
    dx, dy = bx - ax, by - ay
    norm = (dx * dx + dy * dy) ** 0.5
    far, index = 0.0, 0
    for i in range(1, len(points) - 1):
        px, py = points[i]
        d = abs(dy * (px - ax) - dx * (py - ay)) / norm if norm else ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5
        if d > far:
            far, index = d, i
    if far <= tolerance:
        return [points[0], points[-1]]
    return simplify(points[: index + 1], tolerance)[:-1] + simplify(points[index:], tolerance)


def tidy(points):
    split = len(points) // 2  # a closed ring: simplify its two halves, keep both ends
    line = simplify(points[: split + 1], TOLERANCE)[:-1] + simplify(points[split:], TOLERANCE)
    out = []
    for x, y in line:
        p = [round(x, 2), round(y, 2)]
        if not out or p != out[-1]:
            out.append(p)
    if out and out[0] != out[-1]:
        out.append(out[0])
    return out if len(out) >= 4 else None


def main(source: str) -> None:
    topology = json.loads(Path(source).read_text(encoding="utf-8"))
    arcs = arcs_of(topology)
    features = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        kept = []
        for polygon in polygons(geometry, arcs):
            rings = [tidy(clip(r[:-1], BOX)) for r in polygon]
            if rings[0]:
                kept.append([r for r in rings if r])
        if kept and geometry.get("id"):
            features.append({
                "type": "Feature",
                "id": geometry["id"],
                "properties": {"name": geometry["properties"]["name"]},
                "geometry": {"type": "MultiPolygon", "coordinates": kept},
            })
    features.sort(key=lambda f: f["id"])
    collection = {"type": "FeatureCollection", "source": SOURCE, "bbox": list(BOX), "features": features}
    OUT.write_text(json.dumps(collection, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(features)} countries, {OUT.stat().st_size} bytes")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
