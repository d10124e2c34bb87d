"""District areas from GeoJSON, projected and simplified for a map: pure, no I/O.

Why this shape: the district files have numbers and names, the area files have whatever their
maker typed ("Stimmbezirk 01" where the result file says "Stimmbezirk 1" and numbers it 0001).
An area is matched to a district by its name (compared with numbers read as numbers, so "01"
and "1" agree), else by the number its name ends with. Coordinates (WGS84 longitude, latitude)
are projected with a Lambert cylindrical equal-area projection whose standard parallel is the
map's own middle latitude (at the scale of a city the areas keep their true proportions), fitted
into the drawing, and simplified (Douglas–Peucker, half a pixel) so a city map stays small.
"""

from __future__ import annotations

import math
import re
from typing import Any

from ..base.record import Record
from ..core.model import District

Ring = tuple[tuple[float, float], ...]
MAX_FEATURES = 5_000
MAX_POINTS = 2_000_000


class GeometryError(Exception):
    """The file is not GeoJSON with polygon areas: a catalog key and its values say why."""

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(key)
        self.key = key
        self.values = values


class Area(Record):
    label: str
    """the area's name as the file gives it"""
    rings: tuple[tuple[Ring, ...], ...]
    """polygons, each an outer ring and its holes, in longitude/latitude"""


def norm(text: str) -> str:
    """'Stimmbezirk 01' -> 'stimmbezirk 1': case, spacing and leading zeros do not count."""
    text = re.sub(r"\d+", lambda m: str(int(m[0])), text.casefold())
    return " ".join(text.split())


def _trailing_number(text: str) -> int | None:
    found = re.search(r"(\d+)\D*$", text)
    return int(found[1]) if found else None


def areas(doc: Any) -> list[Area]:
    """The polygon features of a GeoJSON FeatureCollection (a single Feature too)."""
    if isinstance(doc, dict) and doc.get("type") == "Feature":
        doc = {"type": "FeatureCollection", "features": [doc]}
    if not isinstance(doc, dict) or not isinstance(doc.get("features"), list):
        raise GeometryError("geo_not_collection")
    features = doc["features"]
    if len(features) > MAX_FEATURES:
        raise GeometryError("geo_too_many_areas", n=f"{MAX_FEATURES:,}")
    out: list[Area] = []
    points = 0
    for i, feature in enumerate(features, start=1):
        if not isinstance(feature, dict):
            continue
        geometry = feature.get("geometry")
        props = feature.get("properties")
        label = _label(props if isinstance(props, dict) else {}, feature.get("id"), i)
        if not isinstance(geometry, dict):
            continue
        kind, coords = geometry.get("type"), geometry.get("coordinates")
        polygons = [coords] if kind == "Polygon" else coords if kind == "MultiPolygon" else None
        if not isinstance(polygons, list):
            continue
        rings = tuple(tuple(_ring(r, label) for r in polygon) for polygon in polygons)
        points += sum(len(r) for polygon in rings for r in polygon)
        if points > MAX_POINTS:
            raise GeometryError("geo_too_many_points", n=f"{MAX_POINTS:,}")
        out.append(Area(label, rings))
    if not out:
        raise GeometryError("geo_no_polygons")
    return out


def _label(props: dict[str, Any], fid: object, i: int) -> str:
    for key in ("name", "NAME", "Name", "bezeichnung", "Bezeichnung", "stimmbezirk", "bezirk"):
        value = props.get(key)
        if isinstance(value, (str, int)) and not isinstance(value, bool) and str(value).strip():
            return str(value).strip()
    return str(fid) if isinstance(fid, (str, int)) else f"area {i}"


def _ring(points: Any, label: str) -> Ring:
    if not isinstance(points, list):
        raise GeometryError("geo_bad_position", area=label)
    out = []
    for point in points:
        if (
            not isinstance(point, list)
            or len(point) < 2
            or not all(isinstance(c, (int, float)) and not isinstance(c, bool) for c in point[:2])
            or not (-180 <= point[0] <= 180 and -90 <= point[1] <= 90)
        ):
            raise GeometryError("geo_bad_position", area=label)
        out.append((float(point[0]), float(point[1])))
    return tuple(out)


def match(found: list[Area], districts: tuple[District, ...]) -> tuple[dict[str, Area], list[str]]:
    """District number -> its area, and the labels of areas no district took. By name first,
    then by the number the area's name ends with."""
    by_name = {norm(a.label): a for a in found}
    by_number: dict[int, Area] = {}
    for a in found:
        n = _trailing_number(a.label)
        if n is not None:
            by_number.setdefault(n, a)
    taken: dict[str, Area] = {}
    for d in districts:
        area = by_name.get(norm(d.name))
        if area is None and d.number.isdigit():
            area = by_number.get(int(d.number))
        if area is not None and all(area is not t for t in taken.values()):
            taken[d.number] = area
    left = [a.label for a in found if all(a is not t for t in taken.values())]
    return taken, left


def project(found: list[Area], width: float, height: float) -> tuple[dict[int, str], float]:
    """SVG path data per area (by index in `found`), fitted into width × height, simplified,
    and the height actually used (the map keeps its proportions)."""
    lats = [p[1] for a in found for polygon in a.rings for r in polygon for p in r]
    lons = [p[0] for a in found for polygon in a.rings for r in polygon for p in r]
    mid = math.radians((min(lats) + max(lats)) / 2)

    def xy(p: tuple[float, float]) -> tuple[float, float]:
        return math.radians(p[0]) * math.cos(mid), math.sin(math.radians(p[1])) / math.cos(mid)

    xs, ys = zip(*(xy((lon, lat)) for lon, lat in zip(lons, lats, strict=True)), strict=True)
    span_x, span_y = (max(xs) - min(xs)) or 1e-9, (max(ys) - min(ys)) or 1e-9
    scale = min(width / span_x, height / span_y)
    used = span_y * scale

    def px(p: tuple[float, float]) -> tuple[float, float]:
        x, y = xy(p)
        return (x - min(xs)) * scale, (max(ys) - y) * scale

    paths: dict[int, str] = {}
    for i, a in enumerate(found):
        parts = []
        for polygon in a.rings:
            for ring in polygon:
                pts = simplify([px(p) for p in ring], 0.5)
                if len(pts) >= 3:
                    parts.append("M" + " L".join(f"{x:.1f},{y:.1f}" for x, y in pts) + " Z")
        paths[i] = " ".join(parts)
    return paths, used


def simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas–Peucker: drop the points nearer than `tolerance` to the line they lie on."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        length = math.hypot(dx, dy)
        best, where = 0.0, -1
        for i in range(first + 1, last):
            x, y = points[i]
            dist = (
                abs(dy * x - dx * y + x2 * y1 - y2 * x1) / length
                if length
                else math.hypot(x - x1, y - y1)
            )
            if dist > best:
                best, where = dist, i
        if where > 0 and best > tolerance:
            keep[where] = True
            stack += [(first, where), (where, last)]
    return [p for p, k in zip(points, keep, strict=True) if k]
