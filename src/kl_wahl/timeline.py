"""Time semantics, as pure functions of an election and an injected "now".

All instants are timezone-aware. "In N days" counts calendar days in the election's zone (Europe/
Berlin), so it stays right across DST changes and on machines that run in UTC or elsewhere.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import NamedTuple
from zoneinfo import ZoneInfo

from .model import Election, Event, Localized, Round, When


def today_in(election: Election, now: datetime) -> date:
    return now.astimezone(ZoneInfo(election.timezone)).date()


def calendar_days(election: Election, now: datetime, day: date) -> int:
    """Signed calendar days from today (in the election's zone) to `day`: 0 on the day."""
    return (day - today_in(election, now)).days


def as_of(election: Election, now: datetime) -> Election:
    """The election as it was known at `now`: a round's figures appear once its polls have closed.

    This keeps `--at` coherent: a what-if before a voting day shows no results for it.
    """
    rounds = tuple(
        rnd
        if rnd.polls_close <= now
        else rnd._replace(
            status=None,
            eligible=None,
            voters=None,
            valid=None,
            invalid=None,
            turnout=None,
            results=(),
            results_sources=(),
            preliminary=None,
            notes=(),
        )
        for rnd in election.rounds
    )
    return election._replace(rounds=rounds)


def round_event(election: Election, rnd: Round) -> Event:
    """A voting day as a timeline entry, so rounds need not be restated under [[events]]."""
    return Event(
        id=f"round-{rnd.number}",
        title=Localized(
            f"{rnd.label.en}: voting day, polls {rnd.polls_open:%H:%M}–{rnd.polls_close:%H:%M}",
            f"{rnd.label.de}: Wahltag, Wahllokale {rnd.polls_open:%H:%M}–{rnd.polls_close:%H:%M} Uhr",
        ),
        when=When("datetime", start=rnd.polls_open, end=rnd.polls_close),
        sources=rnd.sources,
        kind="vote",
        participants=tuple(r.candidate for r in rnd.results),
        round=rnd.number,
    )


def first_day(when: When) -> date | None:
    """The earliest day an event can be on (the 1st for month precision)."""
    if when.start is not None:
        return when.start.date()
    if when.year is not None and when.month is not None:
        return date(when.year, when.month, 1)
    return None


def last_day(when: When) -> date | None:
    """The latest day an event can be on; for an undated event, the day before `before`."""
    if when.end is not None:
        return when.end.date()
    if when.start is not None:
        return when.start.date()
    if when.year is not None and when.month is not None:
        import calendar

        return date(when.year, when.month, calendar.monthrange(when.year, when.month)[1])
    if when.before is not None:
        return when.before - timedelta(days=1)
    return None


def timeline(election: Election) -> list[Event]:
    """Data events and voting days, in time order; undated events sort by their 'before' date."""
    events = [*election.events, *(round_event(election, r) for r in election.rounds)]

    def key(ev: Event) -> tuple[date, int, str]:
        when = ev.when
        day = first_day(when) or last_day(when) or date.max
        clock = (
            when.start.hour * 60 + when.start.minute
            if when.precision == "datetime" and when.start
            else -1
        )
        return (day, clock, ev.id)

    return sorted(events, key=key)


def is_past(election: Election, ev: Event, now: datetime) -> bool | None:
    """True when over, False when still ahead (or today), None when it cannot be told."""
    when = ev.when
    if when.precision == "datetime" and when.start is not None:
        return (when.end or when.start) < now
    day = last_day(when)
    if day is None:
        return None
    return day < today_in(election, now)


def next_event(election: Election, events: list[Event], now: datetime) -> Event | None:
    return next((ev for ev in events if is_past(election, ev, now) is False), None)


class Countdown(NamedTuple):
    """Where `now` stands relative to a voting day."""

    round: Round
    state: str
    """'upcoming' (a later day), 'today' (polls not yet closed today) or 'past'"""
    days: int
    until_open: timedelta


def next_round(election: Election, now: datetime) -> tuple[Round, bool] | None:
    """The first round whose polls have not closed, else the last one (flagged as past)."""
    if not election.rounds:
        return None
    for rnd in election.rounds:
        if rnd.polls_close > now:
            return rnd, False
    return election.rounds[-1], True


def countdown(election: Election, rnd: Round, now: datetime) -> Countdown:
    days = calendar_days(election, now, rnd.day)
    if rnd.polls_close <= now:
        state = "past"
    elif days == 0:
        state = "today"
    else:
        state = "upcoming"
    return Countdown(rnd, state, days, max(rnd.polls_open - now, timedelta(0)))
