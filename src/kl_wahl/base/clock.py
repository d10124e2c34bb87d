"""Reading `--at` and the wall clock (the only two sources of "now"), and ISO 8601 parsing.

Kept free of the TOML loader so that `countdown --prompt --at …` stays on the fast path, and
free of `zoneinfo` until a local time is needed: importing it costs every command about 2.5 ms
(it reads the interpreter's build configuration to find the time zone database). "Now" is an
aware UTC instant; the model's instants carry fixed UTC offsets (see `pin`), which compare,
format and convert correctly without the database. Only what needs a local calendar day or
parses a local time asks for the zone.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timezone, tzinfo

HOME = "Europe/Berlin"
_ZONES: dict[str, tzinfo] = {}


def zone(name: str = HOME) -> tzinfo:
    """The IANA zone `name` (imported and loaded on first use)."""
    if name not in _ZONES:
        from zoneinfo import ZoneInfo

        _ZONES[name] = ZoneInfo(name)
    return _ZONES[name]


_OFFSETS: dict[str, tuple[tuple[tuple[int, int], ...], int, int]] = {}


def know_offsets(name: str, offsets: tuple[tuple[int, int], ...], first: int, last: int) -> None:
    """Remember the UTC offsets of zone `name` between the epoch seconds `first` and `last`
    (the prompt snapshot's table, made from the time zone database), so that `local_date` can
    answer without loading the database."""
    if offsets:
        _OFFSETS[name] = (offsets, first, last)


def local_date(moment: datetime, name: str) -> date:
    """The calendar day of `moment` in zone `name`."""
    known = _OFFSETS.get(name)
    seconds = int(moment.timestamp())
    if known is not None and known[1] <= seconds <= known[2]:
        from .promptline import offset_at

        return datetime.fromtimestamp(seconds + offset_at(seconds, known[0]), timezone.utc).date()
    return moment.astimezone(zone(name)).date()


def pin(moment: datetime) -> datetime:
    """The same instant with its UTC offset fixed (+01:00 / +02:00): same wall time, same
    comparisons, and no time zone database needed to read it back from the cache."""
    offset = moment.utcoffset()
    return moment if offset is None else moment.astimezone(timezone(offset))


def parse_iso_datetime(text: str) -> datetime | None:
    """Parse ISO 8601 (also 'Z' and a space separator) on every supported Python version."""
    text = text.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def localize(moment: datetime, tz: tzinfo) -> datetime:
    """Attach `tz` to a naive local time, or convert an aware one into `tz`."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=tz)
    return moment.astimezone(tz)


_GERMAN = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[T ](\d{1,2}):(\d{2}))?$")


def parse_at(text: str) -> datetime | None:
    """ISO 8601 date-time, or the German way (12.02.2023, 12.02.2023 19:00, 12.02.2023T19:00);
    no offset means Europe/Berlin; a date alone means 12:00 there."""
    text = text.strip()
    german = _GERMAN.match(text)
    if german:
        day, month, year, hour, minute = german.groups()
        try:
            return datetime(
                int(year), int(month), int(day), int(hour or 12), int(minute or 0), tzinfo=zone()
            )
        except ValueError:
            return None
    if len(text) == 10:
        try:
            return datetime.combine(date.fromisoformat(text), time(12, 0), tzinfo=zone())
        except ValueError:
            return None
    moment = parse_iso_datetime(text)
    return localize(moment, zone()) if moment is not None else None


def wall_clock() -> datetime:
    return datetime.now(timezone.utc)
