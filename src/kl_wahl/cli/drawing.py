"""The SVG files `results --svg` and `watch --svg` write: the chart, or with --geometry the
district map. Reading the area file and choosing the round are I/O and options; the drawing is
`output/chart.py` and `output/districtmap.py`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..base.exitcodes import USAGE
from ..core.problems import UserError

if TYPE_CHECKING:
    from ..core.model import Election
    from ..output.geometry import Area
    from .state import State

MAX_GEOMETRY = 50_000_000
"""a city's districts as GeoJSON are well under 1 MB; a country's outline at full detail not"""


def read_areas(path: Path) -> list[Area]:
    """The areas of a GeoJSON file, or a UserError saying in one line why not."""
    import json

    from ..output.geometry import GeometryError, areas

    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_GEOMETRY + 1)
    except OSError as exc:
        raise UserError("cannot_read", path=path, reason=exc.strerror or exc) from None
    try:
        if len(raw) > MAX_GEOMETRY:
            raise GeometryError("geo_too_big")
        try:
            doc = json.loads(raw.decode("utf-8-sig"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            raise GeometryError("geo_not_json") from None
        return areas(doc)
    except GeometryError as exc:
        n, area = exc.values.get("n", ""), exc.values.get("area", "")
        raise UserError(exc.key, path=path, n=n, area=area) from None


def pick_candidate(election: Election, name: str | None) -> str | None:
    """The id of the one candidate `name` finds (as `candidate NAME` finds them)."""
    if name is None:
        return None
    from ..core.lookup import find

    hits = [c for c in election.candidates if c.id == name] or find(election.candidates, name)
    if len(hits) != 1:
        key = "no_candidate" if not hits else "map_ambiguous"
        raise UserError(key, name=name, n=len(hits), exit_code=USAGE)
    return hits[0].id


def map_svg(
    state: State,
    election: Election,
    number: int | None,
    found: list[Area],
    candidate: str | None,
    geometry: Path,
) -> str:
    """The district map of round `number` (else the latest round with a count); districts
    without an area and areas without a district are named on stderr."""
    from ..i18n.catalog import t
    from ..output.districtmap import district_map

    rnd = next(
        (
            r
            for r in reversed(election.rounds)
            if r.tally is not None and (number is None or r.number == number)
        ),
        None,
    )
    if rnd is None or rnd.tally is None:
        wanted = number or (election.rounds[-1].number if election.rounds else 1)
        raise UserError("map_needs_count", n=wanted, id=election.id)
    svg, missing, spare = district_map(election, rnd, rnd.tally, found, state.lang, candidate)
    lang = state.lang
    if missing:
        names = ", ".join(missing)
        print(t(lang, "map_missing", path=geometry, n=len(missing), names=names), file=sys.stderr)
    if spare:
        names = ", ".join(spare)
        print(t(lang, "map_spare", path=geometry, n=len(spare), names=names), file=sys.stderr)
    return svg
