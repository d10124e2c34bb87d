"""Time semantics, as pure functions of an election and an injected "now".

All instants are timezone-aware. "In N days" counts calendar days in the election's zone (Europe/
Berlin), so it stays right across DST changes and on machines that run in UTC or elsewhere.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

from ..base.record import Record
from .model import Election, Event, Fact, Lang, Localized, Round, When


def today_in(election: Election, now: datetime) -> date:
    from ..base.clock import local_date

    return local_date(now, election.timezone)


def calendar_days(election: Election, now: datetime, day: date) -> int:
    """Signed calendar days from today (in the election's zone) to `day`: 0 on the day."""
    return (day - today_in(election, now)).days


def as_of(election: Election, now: datetime) -> Election:
    """The election as it was known at `now`, so that `--at` is a coherent what-if.

    - Candidates appear once they were admitted (`candidates_admitted`).
    - A round's figures appear once its polls have closed; until its official result was
      determined (`official_from`) it shows the election-night shares, marked preliminary.
    - Facts, notes and events with `known_from` appear from then on; an event's neutral title
      stands in for its title until `neutral_until` (an appointment does not name the winner
      before the votes are counted).
    """

    def known(facts: tuple[Fact, ...]) -> tuple[Fact, ...]:
        return tuple(f for f in facts if f.known_from is None or f.known_from <= now)

    admitted = election.candidates_admitted
    candidates = (
        ()
        if admitted and now < admitted.at
        else tuple(c._replace(facts=known(c.facts)) for c in election.candidates)
    )
    events = tuple(
        # before the outcome is known the neutral title stands in, and neither the note nor
        # the participants may tell what the title does not (who was admitted, who came)
        ev._replace(title=ev.neutral_title, note=None, participants=())
        if ev.neutral_title and ev.neutral_until and now < ev.neutral_until
        else ev
        for ev in election.events
        if ev.known_from is None or ev.known_from <= now
    )
    outgoing = election.outgoing
    if outgoing is not None:
        outgoing = outgoing._replace(facts=known(outgoing.facts))
    return election._replace(
        candidates=candidates,
        rounds=tuple(
            _conditional(_round_as_of(rnd, now, known), election, now) for rnd in election.rounds
        ),
        events=events,
        notes=known(election.notes),
        outgoing=outgoing,
        past_elections=tuple(p for p in election.past_elections if p.day <= now.date()),
    )


def _round_as_of(
    rnd: Round, now: datetime, known: Callable[[tuple[Fact, ...]], tuple[Fact, ...]]
) -> Round:
    counting = rnd.preliminary_from is not None and now < rnd.preliminary_from.at
    if rnd.polls_close > now or counting:
        # before the polls close nothing is known; after, until the complete election-night
        # result was published, the votes are being counted
        return rnd._replace(
            status="counting" if rnd.polls_close <= now else None,
            eligible=None,
            voters=None,
            valid=None,
            invalid=None,
            turnout=None,
            results=(),
            results_sources=(),
            preliminary=None,
            notes=(),
            results_page=None,
        )
    if rnd.official_from and now < rnd.official_from.at and rnd.preliminary:
        # election night: only what was published then, and never "official"
        return rnd._replace(
            status="preliminary",
            valid=None,
            invalid=None,
            results=(),
            results_sources=rnd.preliminary.sources,
            notes=known(rnd.notes),
        )
    return rnd._replace(notes=known(rnd.notes))


def _conditional(rnd: Round, election: Election, now: datetime) -> Round:
    """A runoff is a possible voting day until the round before it has a result without a
    majority: its label says so (GemO RLP: only if no candidate wins more than half)."""
    if rnd.kind != "runoff":
        return rnd
    before = [r for r in election.rounds if r.number < rnd.number]
    if not before:  # a runoff whose first round is not in the data: nothing to say about it
        return rnd
    decided = before[-1].polls_close <= now and not (
        before[-1].preliminary_from and now < before[-1].preliminary_from.at
    )
    if decided:
        return rnd
    return rnd._replace(
        label=Localized(
            f"{rnd.label.en}, if no candidate wins more than half",
            f"{rnd.label.de}, falls niemand mehr als die Hälfte erhält",
        )
    )


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


def window_event(election: Election) -> Event | None:
    """The window of the next election as a timeline entry: known to the month, never a date."""
    from ..i18n.catalog import format_month, t

    window = election.next_election
    if window is None:
        return None

    def title(lang: Lang) -> str:
        start, end = (format_month(y, m, lang) for y, m in (window.start, window.end))
        return t(lang, "next_window_event", start=start, end=end)

    year, month = window.start
    return Event(
        id="next-election",
        title=Localized(title("en"), title("de")),
        when=When("month", year=year, month=month),
        sources=window.sources,
        kind="window",
        date_derived=True,
        note=window.note,
    )


def timeline(election: Election) -> list[Event]:
    """Data events and voting days, in time order; undated events sort by their 'before' date.
    The window of the next election comes last, once the data has one."""
    events = [*election.events, *(round_event(election, r) for r in election.rounds)]
    window = window_event(election)
    if window is not None:
        events.append(window)

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


class Countdown(Record):
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
