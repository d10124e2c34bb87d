"""A runoff projection from a partial count: what the uncounted districts will likely add.

Why: interim shares mislead early. The districts are not counted in random order (small
villages first, postal districts last), and a raw share of the first third of the districts
can be several points off. For a runoff whose first round was counted in the same districts,
the first round says what each uncounted district is like; the counted districts say how
first-round votes became runoff votes there.

The model, per district i, with the finalists A and B: p_i = A / (A + B) and q_i = the other
candidates' share of the valid votes, both from the first round; y_i = A's runoff share.

    y_i = p_i · (1 − q_i) + τ · q_i + δ + γ · postal_i

τ is the part of the other candidates' voters that went to A (a transfer: a uniform swing
cannot tell a district of many eliminated voters from one of few), δ A's edge in mobilising
beyond that, γ the postal districts' own edge, estimated once a postal district is counted;
until then the postal districts get the polling stations' relationship on their own
first-round profile, and the projection says so. Weighted least squares (weights: the counted
districts' runoff valid votes). An uncounted district's runoff valid votes are its first-round
valid votes times the counted districts' ratio, polling stations and postal districts apart.

The interval (90 %) comes from a bootstrap of the counted districts: refit on a resample, then
give every uncounted district the residual of a resampled district (scaled up for a district
smaller than the one it came from, never down); while no postal district is counted, the
postal districts also share one more resampled residual, since they may differ as a block. The
bootstrap's spread around the projection is then widened by Student's t quantile over the
normal one for the fit's degrees of freedom (counted districts less fitted parameters): a
bootstrap of a handful of districts sees too little of its own uncertainty. So it is wide when
few districts are in. Below `MIN_COUNTED` matched counted districts, or where the first round
matches too few of the runoff's districts, there is no projection, with the reason.
The interval's construction was chosen on simulated runoffs (`bench/calibration.py`); nothing
was fitted to the elections of the published backtest (`bench/projection.py`; the README says
how often its runs led to a revision).

Pure: counts in, numbers out; deterministic (a fixed seed).
"""

from __future__ import annotations

import math
import random

from ..base.record import Record
from .model import Count, District, Election, Round

MIN_COUNTED = 4
"""matched counted districts below which no projection is made: three parameters need more"""
MIN_MATCHED = 0.8
"""part of the runoff's districts the first round must have, matched by number or name"""
LEVEL = 90
Z = 1.6448536269514722
"""the normal distribution's 95th percentile: the upper end of a two-sided 90 % interval"""
DRAWS = 400
METHOD = "transfer regression on the first round, bootstrap interval widened by Student's t"


class Share(Record):
    candidate: str
    share: float
    """percent of the valid votes, projected"""
    low: float
    high: float


class Projection(Record):
    shares: tuple[Share, ...]
    """the two finalists, the projected leader first"""
    counted: int
    expected: int
    postal_assumed: bool
    """postal districts outstanding and none counted: projected with the polling stations'
    relationship"""
    unmatched: tuple[str, ...]
    """runoff districts without a first-round district (projected from the others' mean)"""
    method: str = METHOD
    level: int = LEVEL


class NoProjection(Record):
    reason: str
    """a catalog key: projection_few, projection_unmatched, projection_no_first"""
    counted: int
    needed: int


class _Unit(Record):
    """A district as the model sees it."""

    postal: bool
    p: float
    q: float
    valid_before: int
    runoff_valid: int | None
    """None while uncounted"""
    runoff_a: int | None


def project(first: Count, runoff: Count, a: str, b: str) -> Projection | NoProjection | None:
    """The projected final shares of finalists `a` and `b` (candidate ids), or why there is
    none; None when the runoff is complete (the count is the result) or not begun."""
    if runoff.complete or runoff.counted == 0:
        return None
    pos_before = {cid: p for p, cid in first.candidates}
    pos_now = {cid: p for p, cid in runoff.candidates}
    if not {a, b} <= pos_before.keys() or not {a, b} <= pos_now.keys():
        return NoProjection("projection_no_first", runoff.counted, MIN_COUNTED)
    before: dict[str, District] = {}
    for d in first.districts:
        if d.counted:
            for k in d.keys:
                before.setdefault(k, d)
    units: list[_Unit] = []
    unmatched: list[str] = []
    extra_a = extra_valid = 0  # counted districts without a first round: they count as they are
    for d in runoff.districts:
        then = next((before[k] for k in d.keys if k in before), None)
        votes = dict(d.votes)
        if then is None or not then.valid:
            unmatched.append(d.name)
            if d.counted:
                extra_a += votes.get(pos_now[a], 0)
                extra_valid += votes.get(pos_now[a], 0) + votes.get(pos_now[b], 0)
            continue
        old = dict(then.votes)
        va, vb = old.get(pos_before[a], 0), old.get(pos_before[b], 0)
        if va + vb == 0:
            unmatched.append(d.name)
            continue
        now_a, now_b = votes.get(pos_now[a], 0), votes.get(pos_now[b], 0)
        units.append(
            _Unit(
                postal=d.kind == "postal",
                p=va / (va + vb),
                q=1 - (va + vb) / then.valid,
                valid_before=then.valid,
                runoff_valid=now_a + now_b if d.counted else None,
                runoff_a=now_a if d.counted else None,
            )
        )
    counted = [u for u in units if u.runoff_valid]
    if len(units) < MIN_MATCHED * len(runoff.districts):
        return NoProjection("projection_unmatched", len(counted), MIN_COUNTED)
    if len(counted) < MIN_COUNTED:
        return NoProjection("projection_few", len(counted), MIN_COUNTED)
    open_units = [u for u in units if u.runoff_valid is None]
    postal_assumed = any(u.postal for u in open_units) and not any(u.postal for u in counted)
    known_a = extra_a + sum(u.runoff_a or 0 for u in counted)
    known_valid = extra_valid + sum(u.runoff_valid or 0 for u in counted)
    missing = sum(1 for d in runoff.districts if d.name in unmatched and not d.counted)
    known = (known_a, known_valid, missing)
    point = _share(counted, open_units, known)
    rng = random.Random(20230226)  # fixed: the same count gives the same interval
    draws = []
    for _ in range(DRAWS):
        sample = [rng.choice(counted) for _ in counted]
        if len({(u.p, u.q) for u in sample}) >= 3:
            draws.append(_share(sample, open_units, known, rng))
    draws.sort()
    tail = (100 - LEVEL) / 200
    low = draws[int(tail * (len(draws) - 1))] if draws else point
    high = draws[math.ceil((1 - tail) * (len(draws) - 1))] if draws else point
    widen = _t95(max(1, len(counted) - _fit(counted)[1])) / Z
    low, high = (
        min(point, point - widen * (point - low)),
        max(point, point + widen * (high - point)),
    )
    low, high = max(0.0, low), min(1.0, high)
    share_a = Share(a, round(100 * point, 2), round(100 * low, 2), round(100 * high, 2))
    share_b = Share(
        b, round(100 * (1 - point), 2), round(100 * (1 - high), 2), round(100 * (1 - low), 2)
    )
    ordered = (share_a, share_b) if point >= 0.5 else (share_b, share_a)
    return Projection(ordered, runoff.counted, runoff.expected, postal_assumed, tuple(unmatched))


def _share(
    fit_on: list[_Unit],
    open_units: list[_Unit],
    known: tuple[int, int, int],
    rng: random.Random | None = None,
) -> float:
    """A's projected share of the final valid votes: the votes counted (`known`: A's, all,
    and how many open districts have no first round) plus, for every open district, its
    predicted share of its predicted valid votes, fitted on `fit_on` (with a residual of a
    `fit_on` district, scaled to the open district's size, when `rng` is given)."""
    coef = _fit(fit_on)[0]
    polling = _ratio(fit_on, False) or 1.0
    ratio = {False: polling, True: _ratio(fit_on, True) or polling}
    pool = [
        (u.runoff_a / u.runoff_valid - _predict(coef, u), u.runoff_valid)
        for u in fit_on
        if u.runoff_valid and u.runoff_a is not None
    ]
    # no postal district counted: the postal districts may all differ from the polling
    # stations' relationship together, by about as much as one district does
    postal_shift = 0.0
    if rng is not None and pool and not any(u.postal for u in fit_on):
        postal_shift = rng.choice(pool)[0]
    a_votes, valid = float(known[0]), float(known[1])
    sizes = []
    for u in open_units:
        size = u.valid_before * ratio[u.postal]
        y = _predict(coef, u) + (postal_shift if u.postal else 0.0)
        if rng is not None and pool:
            e, weight = rng.choice(pool)
            # a small district's share scatters more (fewer votes); a large one's is not
            # steadier than the model: it does not shrink below the residual itself
            y += e * max(1.0, math.sqrt(weight / max(size, 1.0)))
        y = min(1.0, max(0.0, y))
        a_votes += y * size
        valid += size
        sizes.append(size)
    if known[2] and valid:  # open districts without a first round: the others' mean
        share, size = a_votes / valid, (sum(sizes) / len(sizes) if sizes else 0.0)
        a_votes += share * size * known[2]
        valid += size * known[2]
    return a_votes / valid if valid else 0.5


def _ratio(units: list[_Unit], postal: bool) -> float | None:
    before = sum(u.valid_before for u in units if u.postal == postal and u.runoff_valid)
    after = sum(u.runoff_valid or 0 for u in units if u.postal == postal)
    return after / before if before else None


def _predict(coef: tuple[float, float, float], u: _Unit) -> float:
    tau, delta, gamma = coef
    return u.p * (1 - u.q) + tau * u.q + delta + (gamma if u.postal else 0.0)


def _fit(units: list[_Unit]) -> tuple[tuple[float, float, float], int]:
    """(τ, δ, γ) by weighted least squares of y − p·(1 − q) on q, 1 and postal, and how many
    of them were fitted: γ = 0 until a postal district is counted; δ alone (τ = ½) where q
    hardly varies."""
    used = [u for u in units if u.runoff_valid and u.runoff_a is not None]
    xs = [(u.q, 1.0, 1.0 if u.postal else 0.0) for u in used]
    ys = [(u.runoff_a or 0) / (u.runoff_valid or 1) - u.p * (1 - u.q) for u in used]
    weights = [float(u.runoff_valid or 0) for u in used]
    with_postal = any(u.postal for u in used) and not all(u.postal for u in used)
    columns = 3 if with_postal else 2
    total = sum(weights) or 1.0
    mean_q = sum(w * x[0] for w, x in zip(weights, xs, strict=True)) / total
    spread = sum(w * (x[0] - mean_q) ** 2 for w, x in zip(weights, xs, strict=True)) / total
    if spread < 1e-6:  # every district lost the same share to the others: τ is not identified
        rows = zip(weights, xs, ys, strict=True)
        return (0.5, sum(w * (y - 0.5 * x[0]) for w, x, y in rows) / total, 0.0), 1
    xtx = [[0.0] * columns for _ in range(columns)]
    xty = [0.0] * columns
    for w, x, y in zip(weights, xs, ys, strict=True):
        for i in range(columns):
            xty[i] += w * x[i] * y
            for j in range(columns):
                xtx[i][j] += w * x[i] * x[j]
    solved = _solve(xtx, xty)
    if solved is None:
        return (0.5, 0.0, 0.0), 0
    return (solved[0], solved[1], solved[2] if with_postal else 0.0), columns


def _t95(df: int) -> float:
    """Student's t distribution's 95th percentile for `df` degrees of freedom: exact for 1 and
    2, else the Cornish-Fisher expansion around the normal one (Abramowitz & Stegun 26.7.5,
    within 0.001 of the tables from 3 on)."""
    if df == 1:
        return math.tan(0.45 * math.pi)
    if df == 2:
        return 0.9 / math.sqrt(2 * 0.95 * 0.05)
    x = Z
    g1 = (x**3 + x) / 4
    g2 = (5 * x**5 + 16 * x**3 + 3 * x) / 96
    g3 = (3 * x**7 + 19 * x**5 + 17 * x**3 - 15 * x) / 384
    g4 = (79 * x**9 + 776 * x**7 + 1482 * x**5 - 1920 * x**3 - 945 * x) / 92160
    return x + g1 / df + g2 / df**2 + g3 / df**3 + g4 / df**4


def _solve(m: list[list[float]], v: list[float]) -> list[float] | None:
    """Gaussian elimination with partial pivoting; None for a singular system."""
    n = len(v)
    a = [[*row, v[i]] for i, row in enumerate(m)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(a[r][col]))
        if abs(a[pivot][col]) < 1e-12:
            return None
        a[col], a[pivot] = a[pivot], a[col]
        for r in range(n):
            if r != col:
                f = a[r][col] / a[col][col]
                a[r] = [x - f * y for x, y in zip(a[r], a[col], strict=True)]
    return [a[i][n] / a[i][i] for i in range(n)]


def for_round(election: Election, rnd: Round) -> Projection | NoProjection | None:
    """The projection of a runoff being counted, from the imported first round of the same
    election; None where there is nothing to project (not a runoff, no count, complete)."""
    count = rnd.tally
    if rnd.kind != "runoff" or count is None or count.complete or not count.counted:
        return None
    ids = [cid for _, cid in count.candidates]
    if len(ids) != 2:
        return None
    first = next(
        (
            r.tally
            for r in election.rounds
            if r.kind == "main" and r.number < rnd.number and r.tally
        ),
        None,
    )
    if first is None:
        return NoProjection("projection_no_first", count.counted, MIN_COUNTED)
    return project(first, count, ids[0], ids[1])
