"""Ranks, shares, margins and outcomes of a round, derived from the sourced votes.

The rule is the one of the Rhineland-Palatinate municipal code (GemO RLP): a candidate with more
than half of the valid votes is elected in the first round; otherwise the two with the most votes
meet in a runoff, which the one with more votes wins.
"""

from __future__ import annotations

from ..base.record import Record
from .model import Candidate, Election, Outcome, Round


class Standing(Record):
    candidate: Candidate
    votes: int | None
    """None where only election-night shares were published (a round before its official result)"""
    share: float
    share_derived: bool
    rank: int
    margin_to_next: int | None
    outcome: Outcome


def standings(election: Election, rnd: Round) -> list[Standing]:
    if not rnd.results and rnd.preliminary:
        return _from_shares(election, rnd)
    results = sorted(rnd.results, key=lambda r: (-r.votes, r.candidate))
    base = rnd.valid.value if rnd.valid else sum(r.votes for r in results)
    out: list[Standing] = []
    majority = bool(results) and base > 0 and results[0].votes * 2 > base
    for i, res in enumerate(results):
        candidate = election.candidate(res.candidate)
        if candidate is None:  # excluded by validation; kept for type narrowing
            continue
        outcome = _outcome(rnd, i, majority)
        derived = res.share is None
        share = res.share if res.share is not None else (100 * res.votes / base if base else 0.0)
        margin = res.votes - results[i + 1].votes if i + 1 < len(results) else None
        out.append(Standing(candidate, res.votes, share, derived, i + 1, margin, outcome))
    return out


def _outcome(rnd: Round, rank: int, majority: bool) -> Outcome:
    """The outcome of the candidate at `rank` (0 = first) by the municipal code's rule."""
    if rnd.status == "partial":
        return "open"
    if rnd.kind == "runoff":
        return "elected" if rank == 0 else "lost"
    if majority:
        return "elected" if rank == 0 else "eliminated"
    return "runoff" if rank < 2 else "eliminated"


def _from_shares(election: Election, rnd: Round) -> list[Standing]:
    """Standings from the published election-night shares alone (no votes, no margins)."""
    assert rnd.preliminary is not None
    shares = sorted(rnd.preliminary.shares, key=lambda s: (-s[1], s[0]))
    majority = bool(shares) and shares[0][1] > 50
    out: list[Standing] = []
    for i, (cid, share) in enumerate(shares):
        candidate = election.candidate(cid)
        if candidate is None:
            continue
        out.append(Standing(candidate, None, share, False, i + 1, None, _outcome(rnd, i, majority)))
    return out


def count_summary(election: Election) -> tuple[str, str, str]:
    """(counted, expected, the leader's surname) of the latest round with an imported count,
    for prompt templates; empty strings where there is none (the leader also before any
    district is counted)."""
    rnd = next((r for r in reversed(election.rounds) if r.tally is not None), None)
    if rnd is None or rnd.tally is None:
        return "", "", ""
    rows = standings(election, rnd) if rnd.tally.counted or rnd.tally.stands else []
    leader = rows[0].candidate.name.split()[-1] if rows else ""
    return str(rnd.tally.counted), str(rnd.tally.expected), leader


def winner(election: Election) -> tuple[Standing, Round] | None:
    """Who was elected, from the last round that has results."""
    for rnd in reversed(election.rounds):
        rows = standings(election, rnd)
        if rows:
            top = rows[0]
            return (top, rnd) if top.outcome == "elected" else None
    return None
