"""The projection's development set: simulated runoffs on real first rounds (not published as a
result; it is where the interval is checked before the backtest sees it).

    python bench/calibration.py        # prints a Markdown table

Why: `bench/projection.py` evaluates on the only three real first-round/runoff pairs found, and
they must stay out of any tuning. So the interval's construction is checked here instead: four
real first rounds of other municipalities (tests/fixtures/calibration, and Vaterstetten 2026 in
tests/fixtures/results), each with many runoffs simulated between its two leaders. The
simulation is deliberately not the projection's own model: every district has its own transfer
(leaning with the district's first-round balance), its own edge and turnout change, the postal
districts their own, and the votes are drawn (binomial, normal approximation). The ranges are
broad guesses of what runoffs do, chosen before any run, not fitted to anything.

Counting orders as in the backtest: random, postal districts last; stops at 25 % and 50 %.
"""

from __future__ import annotations

import math
import random
import statistics

# bench/projection.py: the same replay, fixtures and clock (importing it puts src/ on the path)
from projection import AT, FIXTURES, replay

from kl_wahl.core.model import Count
from kl_wahl.results import akdb, opendata
from kl_wahl.results.join import sums

FIRST_ROUNDS = (
    (
        "Bad Salzdetfurth 2018, mayor (22 districts, 3 postal)",
        "calibration/bad-salzdetfurth-2018-buergermeister-wahlbezirk.csv",
    ),
    (
        "Langwedel 2017, mayor (15 districts, 2 postal)",
        "calibration/langwedel-2017-buergermeister-wahlbezirk.csv",
    ),
    (
        "Osterode am Harz 2019, mayor (32 districts, 4 postal)",
        "calibration/osterode-2019-buergermeister-wahlbezirk.csv",
    ),
    (
        "Vaterstetten 2026, mayor (45 districts, 20 postal)",
        "results/vaterstetten-2026-buergermeister-gesamtergebnis.csv",
    ),
)
RUNOFFS = 40
"""simulated runoffs per first round"""
ORDERS = 10
"""counting orders per simulated runoff"""
STAGES = (0.25, 0.50)


def first_round(path: str) -> Count:
    """The first round with its two leaders as 'a' and 'b' (the others keep their numbers)."""
    text = (FIXTURES / path).read_text(encoding="utf-8")
    snap = akdb.read(text) if text.startswith("Gemeinde;") else opendata.read(text)
    count = Count(snap.districts, tuple((p, f"c{p}") for p in snap.positions), "calibration", AT)
    totals = sums(count)
    a, b = sorted(totals, key=totals.__getitem__, reverse=True)[:2]
    names = {a: "a", b: "b"}
    return count._replace(candidates=tuple((p, names.get(c, c)) for p, c in count.candidates))


def simulate(first: Count, rng: random.Random) -> Count:
    """A runoff between 'a' and 'b' in the first round's districts (D1 = a, D2 = b)."""
    pos = {cid: p for p, cid in first.candidates}
    tau = rng.uniform(0.25, 0.75)  # the others' voters going to a
    lean = rng.uniform(-0.5, 0.5)  # ... more where a was strong (or weak)
    tau_sd = rng.uniform(0.0, 0.12)
    edge, edge_sd = rng.uniform(-0.03, 0.03), rng.uniform(0.0, 0.03)
    postal_edge = rng.uniform(-0.05, 0.05)
    turnout = rng.uniform(0.55, 0.95)
    postal_turnout = turnout * rng.uniform(0.9, 1.2)
    districts = []
    for d in first.districts:
        votes = dict(d.votes)
        va, vb = votes.get(pos["a"], 0), votes.get(pos["b"], 0)
        if not d.valid or va + vb == 0:
            continue
        p, q = va / (va + vb), 1 - (va + vb) / d.valid
        postal = d.kind == "postal"
        t = min(1.0, max(0.0, tau + lean * (p - 0.5) + rng.gauss(0, tau_sd)))
        y = p * (1 - q) + t * q + edge + rng.gauss(0, edge_sd) + (postal_edge if postal else 0)
        y = min(0.99, max(0.01, y))
        ratio = (postal_turnout if postal else turnout) * math.exp(rng.gauss(0, 0.08))
        valid = max(10, round(d.valid * ratio))
        a = round(min(valid, max(0.0, rng.gauss(valid * y, math.sqrt(valid * y * (1 - y))))))
        districts.append(
            d._replace(voters=valid, invalid=0, valid=valid, votes=((1, a), (2, valid - a)))
        )
    return Count(tuple(districts), ((1, "a"), (2, "b")), "simulated", AT)


def main() -> None:
    rng = random.Random(7)
    print(
        "| first round | counted | mean error (points) | raw: mean | 90 % interval held | mean width |"
    )
    print("|---|---|---|---|---|---|")
    every: dict[float, list[tuple[float, ...]]] = {s: [] for s in STAGES}
    for name, path in FIRST_ROUNDS:
        first = first_round(path)
        per: dict[float, list[tuple[float, ...]]] = {s: [] for s in STAGES}
        for _ in range(RUNOFFS):
            runoff = simulate(first, rng)
            for _ in range(ORDERS):
                results = replay(first, runoff, rng, STAGES)
                for stage, result in zip(STAGES, results, strict=True):
                    if result is not None:
                        per[stage].append(result)
        for stage in STAGES:
            every[stage] += per[stage]
            print(_row(name, stage, per[stage]))
    for stage in STAGES:
        print(_row("**all**", stage, every[stage]))


def _row(name: str, stage: float, rows: list[tuple[float, ...]]) -> str:
    if not rows:
        return f"| {name} | {round(100 * stage)} % | – | – | – | – |"
    return (
        f"| {name} | {round(100 * stage)} % | {statistics.fmean(r[0] for r in rows):.2f} | "
        f"{statistics.fmean(r[1] for r in rows):.2f} | "
        f"{100 * statistics.fmean(r[2] for r in rows):.0f} % | "
        f"{statistics.fmean(r[3] for r in rows):.1f} |"
    )


if __name__ == "__main__":
    main()
