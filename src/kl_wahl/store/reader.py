"""Typed access to a parsed TOML document that collects problems instead of raising.

Every getter takes the key path of the value (`rounds[2].results.kimmel.votes`, positions counted
from 1 as they appear in the file), so each problem says exactly where to look. Strings are cleaned
of control characters here, once, so no renderer or exporter can ever emit a terminal escape that
came from a data file.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Callable, Mapping
from datetime import date, datetime, time
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from ..base.clock import localize, parse_iso_datetime, pin
from ..base.textrules import ID_PATTERN, clean_text
from ..core.model import Localized
from ..core.problems import Problem, msg

_CLOCK = re.compile(r"^(\d{1,2}):(\d{2})$")

T = TypeVar("T")
C = TypeVar("C", bound=str)


class Invalid(Exception):
    """Raised inside the reader when a required value is unusable; already recorded."""


class Reader:
    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []
        self.tz: ZoneInfo = ZoneInfo("Europe/Berlin")

    # -- reporting ---------------------------------------------------------------------------
    def error(self, key: str, message: str, **values: object) -> None:
        """A problem at key path `key`: `message` is a catalog key, said with `values`."""
        self.problems.append(Problem(self.file, msg(message, **values), key=key))

    def warn(self, key: str, message: str, **values: object) -> None:
        self.problems.append(
            Problem(self.file, msg(message, **values), key=key, severity="warning")
        )

    def fail(self, key: str, message: str, **values: object) -> Invalid:
        self.error(key, message, **values)
        return Invalid()

    def check_keys(self, table: Mapping[str, Any], known: tuple[str, ...], path: str) -> None:
        for key in table:
            if key not in known:
                close = difflib.get_close_matches(key, known, n=1)
                found = (
                    msg("unknown_key_hint", name=key, hint=close[0])
                    if close
                    else msg("unknown_key", name=key)
                )
                self.problems.append(
                    Problem(self.file, found, key=join(path, key), severity="warning")
                )

    # -- typed getters -----------------------------------------------------------------------
    def get(
        self,
        table: Mapping[str, Any],
        key: str,
        path: str,
        convert: Callable[[Any, str], T],
        required: bool = False,
    ) -> T | None:
        full = join(path, key)
        if key not in table:
            if required:
                raise self.fail(full, "required_key")
            return None
        try:
            return convert(table[key], full)
        except Invalid:
            if required:
                raise
            return None

    def need(
        self, table: Mapping[str, Any], key: str, path: str, convert: Callable[[Any, str], T]
    ) -> T:
        value = self.get(table, key, path, convert, required=True)
        assert value is not None
        return value

    def table(self, value: Any, path: str) -> Mapping[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(path, "expected_table", got=show(value))
        return value

    def tables(self, value: Any, path: str) -> tuple[tuple[str, Mapping[str, Any]], ...]:
        """An array of tables, each with its own key path (`rounds[2]`)."""
        return self.array(value, path, lambda item, p: (p, self.table(item, p)), "tables")

    def text(self, value: Any, path: str) -> str:
        if not isinstance(value, str):
            raise self.fail(path, "expected_string", got=show(value))
        cleaned = clean_text(value).strip()
        if not cleaned:
            raise self.fail(path, "expected_nonempty")
        return cleaned

    def ident(self, value: Any, path: str) -> str:
        text = self.text(value, path)
        if not ID_PATTERN.match(text):
            raise self.fail(path, "expected_id", got=show(value))
        return text

    def color(self, value: Any, path: str) -> str:
        text = self.text(value, path)
        if not re.match(r"^#[0-9a-fA-F]{6}$", text):
            raise self.fail(path, "expected_colour", got=show(value))
        return text.lower()

    def url(self, value: Any, path: str) -> str:
        """An http(s) URL; or a file:// URL, which `kl-wahl import` writes for a result file it
        read from disk (the honest origin when there is no web address)."""
        text = self.text(value, path)
        if not re.match(r"^(https?|file)://\S+$", text):
            raise self.fail(path, "expected_url", got=show(value))
        return text

    def localized(self, value: Any, path: str) -> Localized:
        if isinstance(value, str):
            text = self.text(value, path)
            return Localized(text, text)
        if isinstance(value, dict):
            self.check_keys(value, ("en", "de"), path)
            en = self.get(value, "en", path, self.text)
            de = self.get(value, "de", path, self.text)
            if en is None and de is None:
                raise self.fail(path, "expected_en_de")
            if en is None or de is None:
                missing, shown = ("de", "en") if de is None else ("en", "de")
                self.warn(path, "one_language", missing=missing, shown=shown)
            return Localized(en or de or "", de or en or "")
        raise self.fail(path, "expected_localized", got=show(value))

    def count(self, value: Any, path: str) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise self.fail(path, "expected_count", got=show(value))
        return value

    def percent(self, value: Any, path: str) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise self.fail(path, "expected_percent", got=show(value))
        number = float(value)
        if not math.isfinite(number) or not 0 <= number <= 100:
            raise self.fail(path, "expected_percent", got=show(value))
        return number

    def flag(self, value: Any, path: str) -> bool:
        if not isinstance(value, bool):
            raise self.fail(path, "expected_flag", got=show(value))
        return value

    def array(
        self, value: Any, path: str, convert: Callable[[Any, str], T], what: str
    ) -> tuple[T, ...]:
        """An array whose items are converted one by one; a bad item is reported and skipped."""
        if not isinstance(value, list):
            raise self.fail(path, f"expected_array_{what}", got=show(value))
        out = []
        for i, item in enumerate(value, start=1):
            try:
                out.append(convert(item, f"{path}[{i}]"))
            except Invalid:
                continue
        return tuple(out)

    def ids(self, value: Any, path: str) -> tuple[str, ...]:
        return self.array(value, path, self.ident, "ids")

    def strings(self, value: Any, path: str) -> tuple[str, ...]:
        return self.array(value, path, self.text, "strings")

    def day(self, value: Any, path: str) -> date:
        if isinstance(value, (datetime, time)):
            raise self.fail(path, "expected_date", got=show(value))
        if isinstance(value, date):
            return value
        if isinstance(value, str):
            try:
                return date.fromisoformat(value.strip())
            except ValueError:
                pass
        raise self.fail(path, "expected_date", got=show(value))

    def instant(self, value: Any, path: str) -> datetime:
        """An ISO 8601 date-time; without an offset it is local time in the election's zone."""
        parsed: datetime | None = None
        if isinstance(value, datetime):
            parsed = value
        elif isinstance(value, str):
            parsed = parse_iso_datetime(value)
        if parsed is None:
            raise self.fail(path, "expected_instant", got=show(value))
        return pin(localize(parsed, self.tz))

    def clock(self, value: Any, path: str) -> time:
        if isinstance(value, time) and not isinstance(value, datetime):
            return value
        if isinstance(value, str):
            match = _CLOCK.match(value.strip())
            if match and int(match[1]) < 24 and int(match[2]) < 60:
                return time(int(match[1]), int(match[2]))
        raise self.fail(path, "expected_time", got=show(value))

    def choice(self, value: Any, path: str, options: tuple[C, ...]) -> C:
        """`value` as the one of `options` it equals (typed as they are: a Literal stays one)."""
        found = next((o for o in options if o == value), None)
        if found is None:
            raise self.fail(path, "expected_one_of", options=", ".join(options), got=show(value))
        return found

    def required_fields(
        self, table: Mapping[str, Any], path: str, *fields: tuple[str, Callable[[Any, str], Any]]
    ) -> list[Any]:
        """Read all required fields of a table, reporting every missing or bad one, not just the
        first."""
        values: list[Any] = []
        failed = False
        for key, convert in fields:
            try:
                values.append(self.need(table, key, path, convert))
            except Invalid:
                failed = True
        if failed:
            raise Invalid()
        return values


def join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def show(value: Any) -> str:
    if isinstance(value, str):
        shown = clean_text(value)
        if len(shown) > 40:
            shown = shown[:37] + "..."
        return '"' + shown + '"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, (date, time)):
        return value.isoformat()
    return str(value)
