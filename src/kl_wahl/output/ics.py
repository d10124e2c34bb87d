"""The events timeline as an iCalendar file, built with the `icalendar` library.

Output is reproducible: UIDs derive from event and election ids, and DTSTAMP comes from the data
(the latest date it mentions), not the wall clock, so the same input gives byte-identical files.
Timed events carry TZID=Europe/Berlin with a VTIMEZONE; all-day events are DATE values. Events
without an exact day (month only, or undated) cannot be put in a calendar and are counted instead.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

from .. import __version__
from ..base.clock import zone
from ..base.language import Lang
from ..core.model import Election, Event
from ..core.timeline import first_day, timeline


def data_stamp(election: Election) -> datetime:
    """The latest date the data mentions, as a UTC midnight: a DTSTAMP that changes with the data."""
    days: list[date] = [s.published for s in election.sources if s.published]
    days += [r.day for r in election.rounds]
    days += [d for ev in election.events if (d := first_day(ev.when)) is not None]
    latest = max(days) if days else date(2000, 1, 1)
    return datetime.combine(latest, time(0), tzinfo=timezone.utc)


def calendar_bytes(election: Election, lang: Lang) -> tuple[bytes, list[Event]]:
    """(the .ics file, the events left out for lack of an exact day)."""
    from icalendar import Calendar
    from icalendar import Event as VEvent

    cal = Calendar()
    cal.add("prodid", f"-//kl-wahl//kl-wahl {__version__}//{lang.upper()}")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", election.title.get(lang))
    cal.add("x-wr-timezone", election.timezone)
    stamp = data_stamp(election)
    skipped: list[Event] = []
    days: list[date] = []
    for ev in timeline(election):
        when = ev.when
        if when.precision not in ("date", "datetime") or when.start is None:
            skipped.append(ev)
            continue
        item = VEvent()
        item.add("uid", f"{ev.id}@{election.id}.kl-wahl")
        item.add("dtstamp", stamp)
        item.add("summary", ev.title.get(lang))
        if when.precision == "datetime":
            local = zone(election.timezone)  # a named zone, so the calendar gets its TZID
            item.add("dtstart", when.start.astimezone(local))
            if when.end is not None:
                item.add("dtend", when.end.astimezone(local))
        else:
            item.add("dtstart", when.start.date())
            item.add("dtend", when.start.date() + timedelta(days=1))
        days.append(when.start.date())
        if ev.place:
            item.add("location", ev.place)
        urls = [s.url for sid in ev.sources if (s := election.source(sid)) is not None]
        if urls:
            item.add("url", urls[0])
        description = []
        if ev.note:
            description.append(ev.note.get(lang))
        if ev.date_derived:
            description.append(
                "Date derived from the sources."
                if lang == "en"
                else "Datum aus den Quellen abgeleitet."
            )
        description += [f"{sid}: {url}" for sid, url in zip(ev.sources, urls, strict=False)]
        if description:
            item.add("description", "\n".join(description))
        item.add("categories", [ev.kind])
        cal.add_component(item)
    if days:
        cal.add_missing_timezones(
            first_date=date(min(days).year, 1, 1), last_date=date(max(days).year + 1, 1, 1)
        )
    return cal.to_ical(), skipped
