"""Reading `--at` and the wall clock: the only two places where "now" comes from."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from .load import localize, parse_iso_datetime

HOME_ZONE = ZoneInfo("Europe/Berlin")


def parse_at(text: str) -> datetime | None:
    """ISO 8601 date-time; no offset means Europe/Berlin; a date alone means 12:00 there."""
    text = text.strip()
    if len(text) == 10:
        try:
            return datetime.combine(date.fromisoformat(text), time(12, 0), tzinfo=HOME_ZONE)
        except ValueError:
            return None
    moment = parse_iso_datetime(text)
    return localize(moment, HOME_ZONE) if moment is not None else None


def wall_clock() -> datetime:
    return datetime.now(HOME_ZONE)
