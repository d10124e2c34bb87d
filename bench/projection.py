"""Backtest of the runoff projection on real elections (published in the README).

    python bench/projection.py        # prints a Markdown table

Each election is a first round and its runoff counted in the same districts (real files, see
tests/fixtures/README.md). Every replay counts the runoff's districts in a random order with
the postal districts last, as they come on election night, and stops at 10 %, 25 % and 50 % of
the districts: the projection (`kl_wahl.core.projection`) and the raw shares of the districts
counted so far are compared with the final share. Printed per stage: mean and worst absolute
error (points) of both, the median ratio of the projection's error to the raw shares' (target:
at most 0.67, levino/wahlergebnisse's own bar), how often the 90 % interval held the final share
(target: at least 80 %) and its mean width (target: under 12 points), and how many replays had
no projection (fewer than four districts counted). Nothing of the model was tuned on these
elections.
"""

from __future__ import annotations

import math
import random
import statistics
import sys
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from kl_wahl.core.model import Count  # noqa: E402
from kl_wahl.core.projection import NoProjection, Projection, project  # noqa: E402
from kl_wahl.results import opendata  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"
ELECTIONS = (
    # (name, first round, runoff, runoff column -> first-round column of the same person)
    (
        "Nordstemmen 2020, mayor (18 districts, 3 postal)",
        "backtest/nordstemmen-2020-buergermeister-wahlbezirk.csv",
        "backtest/nordstemmen-2020-buergermeister-stichwahl-wahlbezirk.csv",
        {1: 1, 2: 3},  # the runoff renumbers: D2 is the first round's D3 (Dombrowski)
    ),
    (
        "Nordstemmen 2021, Landrat (23 districts, 8 postal)",
        "backtest/nordstemmen-2021-landrat-wahlbezirk.csv",
        "backtest/nordstemmen-2021-landrat-stichwahl-wahlbezirk.csv",
        {1: 1, 2: 2},
    ),
    (
        "Landkreis Hildesheim 2021, Landrat (18 municipalities)",
        "votemanager/20210912/03254000/praesentation/Open-Data-03254000-Landratswahl-Gemeinde.csv",
        "votemanager/20210912/03254000/praesentation/"
        "Open-Data-03254000-Stichwahl-des-Landrats-Gemeinde.csv",
        {1: 1, 2: 2},
    ),
)
STAGES = (0.10, 0.25, 0.50)
ORDERS = 200
AT = datetime(2000, 1, 1, tzinfo=timezone.utc)


def count_of(path: str, names: dict[int, str]) -> Count:
    snap = opendata.read((FIXTURES / path).read_text(encoding="utf-8"))
    candidates = tuple((p, names.get(p, f"c{p}")) for p in snap.positions)
    return Count(snap.districts, candidates, "bench", AT)


def uncount(count: Count, keep: set[str]) -> Count:
    """The count with only the districts numbered in `keep` reported."""
    districts = tuple(
        d if d.number in keep else d._replace(received=0, voters=None, valid=None, votes=())
        for d in count.districts
    )
    return count._replace(districts=districts)


def replay(
    first: Count, runoff: Count, rng: random.Random, stages: tuple[float, ...] = STAGES
) -> list[tuple[float, ...] | None]:
    """(projection error, raw error, held, width) per stage of one counting order."""
    polling = [d.number for d in runoff.districts if d.kind == "polling"]
    postal = [d.number for d in runoff.districts if d.kind == "postal"]
    rng.shuffle(polling)
    rng.shuffle(postal)
    order = polling + postal
    final = _share(runoff, set(order))
    out: list[tuple[float, ...] | None] = []
    for stage in stages:
        n = max(1, math.ceil(stage * len(order)))
        keep = set(order[:n])
        now = uncount(runoff, keep)
        raw = _share(runoff, keep)
        found = project(first, now, "a", "b")
        if not isinstance(found, Projection):
            assert found is None or isinstance(found, NoProjection)
            out.append(None)
            continue
        a = next(s for s in found.shares if s.candidate == "a")
        held = a.low <= final <= a.high
        out.append((abs(a.share - final), abs(raw - final), float(held), a.high - a.low))
    return out


def _share(runoff: Count, keep: set[str]) -> float:
    """Candidate a's share (percent) of the two finalists' votes in the districts `keep`."""
    a = b = 0
    for d in runoff.districts:
        if d.number in keep:
            votes = dict(d.votes)
            a, b = a + votes.get(1, 0), b + votes.get(2, 0)
    return 100 * a / (a + b)


def main() -> None:
    rng = random.Random(1)
    print(
        "| election | counted | projection error: mean / worst | raw shares: mean / worst |"
        " median ratio | 90 % interval held | mean width | no projection |"
    )
    print("|---|---|---|---|---|---|---|---|")
    overall: dict[float, list[tuple[float, ...]]] = {s: [] for s in STAGES}
    missing = dict.fromkeys(STAGES, 0)
    for name, first_path, runoff_path, same in ELECTIONS:
        first = count_of(first_path, {same[1]: "a", same[2]: "b"})
        runoff = count_of(runoff_path, {1: "a", 2: "b"})
        per: dict[float, list[tuple[float, ...]]] = {s: [] for s in STAGES}
        none = dict.fromkeys(STAGES, 0)
        for _ in range(ORDERS):
            for stage, result in zip(STAGES, replay(first, runoff, rng), strict=True):
                if result is None:
                    none[stage] += 1
                else:
                    per[stage].append(result)
        for stage in STAGES:
            overall[stage] += per[stage]
            missing[stage] += none[stage]
            print(_row(name, stage, per[stage], none[stage]))
    for stage in STAGES:
        print(_row("**all**", stage, overall[stage], missing[stage]))


def _row(name: str, stage: float, rows: list[tuple[float, ...]], none: int) -> str:
    label = f"{round(100 * stage)} %"
    if not rows:
        return f"| {name} | {label} | – | – | – | – | – | {none} of {none} |"
    proj = [r[0] for r in rows]
    raw = [r[1] for r in rows]
    ratio = statistics.median(p / r for p, r in zip(proj, raw, strict=True) if r > 0)
    held = 100 * statistics.fmean(r[2] for r in rows)
    width = statistics.fmean(r[3] for r in rows)
    total = len(rows) + none
    return (
        f"| {name} | {label} | {statistics.fmean(proj):.2f} / {max(proj):.2f} | "
        f"{statistics.fmean(raw):.2f} / {max(raw):.2f} | {ratio:.2f} | {held:.0f} % | "
        f"{width:.1f} | {none} of {total} |"
    )


if __name__ == "__main__":
    main()
