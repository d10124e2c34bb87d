"""The race for the runoff while a first round is counted: can second place still change, can
anyone still win outright?

Pure. The votes still outstanding are estimated from the count itself: for each uncounted
polling-station district its eligible voters times the turnout and the valid share of the
counted polling stations; for each uncounted postal district the mean valid votes of the counted
postal districts. Without a counted postal district the postal votes are unknown, and nothing is
called decided. Kaiserslautern 2023 was decided by 30 votes between second and third place.
"""

from __future__ import annotations

from ..base.record import Record
from .model import Count, Election, Round
from .standings import Standing, standings


class Race(Record):
    second: Standing
    third: Standing
    gap: int
    """votes between second and third place"""
    outstanding: int | None
    """votes still to be counted (estimated); None when the postal votes cannot be estimated"""
    leader: Standing
    leader_votes: int
    valid_so_far: int

    @property
    def open(self) -> bool:
        """Whether third place could still pass second."""
        return self.outstanding is None or self.gap <= self.outstanding

    @property
    def majority(self) -> str:
        """'certain', 'possible' or 'out of reach' for the leader's outright majority."""
        if self.outstanding is None:
            return "possible"
        total = self.valid_so_far + self.outstanding
        if 2 * self.leader_votes > total:
            return "certain"
        if 2 * (self.leader_votes + self.outstanding) > total:
            return "possible"
        return "out of reach"


def outstanding(count: Count) -> int | None:
    """Estimated valid votes in the districts not yet counted (see the module's docstring)."""
    counted = [d for d in count.districts if d.counted]
    polling = [d for d in counted if d.kind == "polling" and d.eligible and d.voters is not None]
    postal = [d for d in counted if d.kind == "postal" and d.valid is not None]
    eligible = sum(d.eligible or 0 for d in polling)
    voters = sum(d.voters or 0 for d in polling)
    valid = sum(d.valid or 0 for d in polling)
    rate = valid / eligible if eligible else None
    missing_polling = [d for d in count.districts if d.kind == "polling" and not d.counted]
    missing_postal = [d for d in count.districts if d.kind == "postal" and not d.counted]
    estimate = 0.0
    if missing_polling:
        if rate is None or any(d.eligible is None for d in missing_polling) or not voters:
            return None
        estimate += sum((d.eligible or 0) * rate for d in missing_polling)
    if missing_postal:
        if not postal:
            return None
        estimate += len(missing_postal) * sum(d.valid or 0 for d in postal) / len(postal)
    return round(estimate)


def runoff_race(election: Election, rnd: Round) -> Race | None:
    """The race of a first round that is still being counted; None otherwise."""
    count = rnd.tally
    if rnd.kind != "main" or count is None or count.stands or count.complete or not count.counted:
        return None
    rows = standings(election, rnd)
    if len(rows) < 3 or any(st.votes is None for st in rows[:3]):
        return None
    first, second, third = rows[:3]
    assert first.votes is not None and second.votes is not None and third.votes is not None
    return Race(
        second=second,
        third=third,
        gap=second.votes - third.votes,
        outstanding=outstanding(count),
        leader=first,
        leader_votes=first.votes,
        valid_so_far=int(rnd.valid.value) if rnd.valid else sum(st.votes or 0 for st in rows),
    )
