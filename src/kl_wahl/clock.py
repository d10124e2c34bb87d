"""Reading `--at` and the wall clock (the only two sources of "now"), and ISO 8601 parsing.

Kept free of the TOML loader so that `countdown --prompt --at …` stays on the fast path.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

HOME_ZONE = ZoneInfo("Europe/Berlin")


def parse_iso_datetime(text: str) -> datetime | None:
    """Parse ISO 8601 (also 'Z' and a space separator) on every supported Python version."""
    text = text.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def localize(moment: datetime, tz: ZoneInfo) -> datetime:
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
                int(year), int(month), int(day), int(hour or 12), int(minute or 0), tzinfo=HOME_ZONE
            )
        except ValueError:
            return None
    if len(text) == 10:
        try:
            return datetime.combine(date.fromisoformat(text), time(12, 0), tzinfo=HOME_ZONE)
        except ValueError:
            return None
    moment = parse_iso_datetime(text)
    return localize(moment, HOME_ZONE) if moment is not None else None


def wall_clock() -> datetime:
    return datetime.now(HOME_ZONE)
