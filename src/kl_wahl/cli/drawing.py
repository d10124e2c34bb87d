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


class Drawing:
    """What --svg writes: the results chart, or with --geometry the district map. The options
    are checked and the areas read once, when the command starts, before anything is fetched
    or printed."""

    def __init__(self, svg: Path, geometry: Path | None, candidate: str | None) -> None:
        if svg.suffix.lower() != ".svg":
            raise UserError("chart_svg_only", path=svg, exit_code=USAGE)
        if candidate is not None and geometry is None:
            raise UserError("map_candidate_needs_geometry", exit_code=USAGE)
        self.geometry, self.candidate = geometry, candidate
        self.areas = read_areas(geometry) if geometry is not None else None

    def text(self, state: State, election: Election, number: int | None) -> str:
        """The SVG of round `number` (every round with results for the chart, the latest
        counted round for the map, where `number` is None)."""
        if self.areas is None or self.geometry is None:
            from ..output.chart import results_svg

            rounds = [r for r in election.rounds if number is None or r.number == number]
            return results_svg(election, rounds, state.lang)
        return self._map(state, election, number, self.areas, self.geometry)

    def _map(
        self, state: State, election: Election, number: int | None, found: list[Area], path: Path
    ) -> str:
        """Districts without an area and areas without a district are named on stderr."""
        from ..i18n.catalog import t
        from ..output.districtmap import district_map
        from ..output.districts import counted_round

        rnd = counted_round(election, number)
        if rnd is None or rnd.tally is None:
            wanted = number or (election.rounds[-1].number if election.rounds else 1)
            raise UserError("map_needs_count", n=wanted, id=election.id)
        chosen = pick_candidate(election, self.candidate)
        lang = state.lang
        svg, missing, spare = district_map(election, rnd, rnd.tally, found, lang, chosen)
        if missing:
            names = ", ".join(missing)
            print(t(lang, "map_missing", path=path, n=len(missing), names=names), file=sys.stderr)
        if spare:
            names = ", ".join(spare)
            print(t(lang, "map_spare", path=path, n=len(spare), names=names), file=sys.stderr)
        return svg
