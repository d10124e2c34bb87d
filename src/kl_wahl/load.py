"""TOML election files -> model, collecting every problem instead of stopping at the first.

The reader walks the parsed document with a key path (`rounds[2].results.kimmel.votes`, positions
counted from 1 as they appear in the file) so that each message says exactly where to look. Syntax
errors keep the TOML parser's line and column. Strings are cleaned of control characters here, once,
so no renderer or exporter can ever emit a terminal escape that came from a data file.
"""

from __future__ import annotations

import difflib
import math
import re
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .checks import check_election
from .clock import localize, parse_iso_datetime
from .model import (
    Candidate,
    Election,
    Event,
    Fact,
    Figure,
    Localized,
    Person,
    Preliminary,
    Result,
    Round,
    Source,
    Term,
    When,
)
from .problems import Problem

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

SCHEMA_VERSION = 1
ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_CLOCK = re.compile(r"^(\d{1,2}):(\d{2})$")

T = TypeVar("T")


def clean_text(value: str) -> str:
    """Remove C0/C1 control characters (ESC included), keeping newline and tab."""
    return _CONTROL.sub("", value)


@dataclass(frozen=True)
class LoadResult:
    path: str
    election: Election | None
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "error")

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "warning")


class _Invalid(Exception):
    """Raised inside the reader when a required value is unusable; already recorded."""


class _Reader:
    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []
        self.tz: ZoneInfo = ZoneInfo("Europe/Berlin")

    # -- reporting ---------------------------------------------------------------------------
    def error(self, key: str, message: str) -> None:
        self.problems.append(Problem(self.file, message, key=key))

    def fail(self, key: str, message: str) -> _Invalid:
        self.error(key, message)
        return _Invalid()

    def check_keys(self, table: Mapping[str, Any], known: tuple[str, ...], path: str) -> None:
        for key in table:
            if key not in known:
                close = difflib.get_close_matches(key, known, n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else ""
                self.problems.append(
                    Problem(
                        self.file,
                        f"unknown key '{key}' is ignored{hint}",
                        key=_join(path, key),
                        severity="warning",
                    )
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
        full = _join(path, key)
        if key not in table:
            if required:
                raise self.fail(full, "required key is missing")
            return None
        try:
            return convert(table[key], full)
        except _Invalid:
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
            raise self.fail(path, f"expected a table, got {_show(value)}")
        return value

    def tables(self, value: Any, path: str) -> list[tuple[str, Mapping[str, Any]]]:
        if not isinstance(value, list):
            raise self.fail(path, f"expected an array of tables, got {_show(value)}")
        out = []
        for i, item in enumerate(value, start=1):
            item_path = f"{path}[{i}]"
            try:
                out.append((item_path, self.table(item, item_path)))
            except _Invalid:
                continue
        return out

    def text(self, value: Any, path: str) -> str:
        if not isinstance(value, str):
            raise self.fail(path, f"expected a string, got {_show(value)}")
        cleaned = clean_text(value).strip()
        if not cleaned:
            raise self.fail(path, "expected a non-empty string")
        return cleaned

    def ident(self, value: Any, path: str) -> str:
        text = self.text(value, path)
        if not ID_PATTERN.match(text):
            raise self.fail(
                path,
                f"expected an id of letters, digits, '-' or '_', got {_show(value)}",
            )
        return text

    def url(self, value: Any, path: str) -> str:
        text = self.text(value, path)
        if not re.match(r"^https?://\S+$", text):
            raise self.fail(path, f"expected an http(s) URL, got {_show(value)}")
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
                raise self.fail(path, "expected 'en' and/or 'de' text")
            return Localized(en or de or "", de or en or "")
        raise self.fail(path, f"expected a string or a table with 'en'/'de', got {_show(value)}")

    def count(self, value: Any, path: str) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise self.fail(path, f"expected a non-negative integer, got {_show(value)}")
        return value

    def percent(self, value: Any, path: str) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise self.fail(path, f"expected a percentage between 0 and 100, got {_show(value)}")
        number = float(value)
        if not math.isfinite(number) or not 0 <= number <= 100:
            raise self.fail(path, f"expected a percentage between 0 and 100, got {_show(value)}")
        return number

    def flag(self, value: Any, path: str) -> bool:
        if not isinstance(value, bool):
            raise self.fail(path, f"expected true or false, got {_show(value)}")
        return value

    def ids(self, value: Any, path: str) -> tuple[str, ...]:
        if not isinstance(value, list):
            raise self.fail(path, f"expected an array of ids, got {_show(value)}")
        out = []
        for i, item in enumerate(value, start=1):
            try:
                out.append(self.ident(item, f"{path}[{i}]"))
            except _Invalid:
                continue
        return tuple(out)

    def strings(self, value: Any, path: str) -> tuple[str, ...]:
        if not isinstance(value, list):
            raise self.fail(path, f"expected an array of strings, got {_show(value)}")
        out = []
        for i, item in enumerate(value, start=1):
            try:
                out.append(self.text(item, f"{path}[{i}]"))
            except _Invalid:
                continue
        return tuple(out)

    def day(self, value: Any, path: str) -> date:
        if isinstance(value, (datetime, time)):
            raise self.fail(path, f"expected a date (YYYY-MM-DD), got {_show(value)}")
        if isinstance(value, date):
            return value
        if isinstance(value, str):
            try:
                return date.fromisoformat(value.strip())
            except ValueError:
                pass
        raise self.fail(path, f"expected a date (YYYY-MM-DD), got {_show(value)}")

    def instant(self, value: Any, path: str) -> datetime:
        """An ISO 8601 date-time; without an offset it is local time in the election's zone."""
        parsed: datetime | None = None
        if isinstance(value, datetime):
            parsed = value
        elif isinstance(value, str):
            parsed = parse_iso_datetime(value)
        if parsed is None:
            raise self.fail(
                path, f"expected an ISO 8601 date-time (YYYY-MM-DDTHH:MM), got {_show(value)}"
            )
        return localize(parsed, self.tz)

    def clock(self, value: Any, path: str) -> time:
        if isinstance(value, time) and not isinstance(value, datetime):
            return value
        if isinstance(value, str):
            match = _CLOCK.match(value.strip())
            if match and int(match[1]) < 24 and int(match[2]) < 60:
                return time(int(match[1]), int(match[2]))
        raise self.fail(path, f"expected a time of day (HH:MM), got {_show(value)}")

    # -- composite values --------------------------------------------------------------------
    def sources_of(
        self, table: Mapping[str, Any], path: str, required: bool = True
    ) -> tuple[str, ...]:
        sources = self.get(table, "sources", path, self.ids, required=required) or ()
        if required and not sources and "sources" in table:
            self.error(_join(path, "sources"), "every fact needs at least one source id")
        return sources

    def figure(self, value: Any, path: str, convert: Callable[[Any, str], T]) -> Figure:
        if not isinstance(value, dict):
            # A bare number is accepted but has no source: say so.
            raise self.fail(
                path, f'expected a table like {{ value = …, sources = ["S1"] }}, got {_show(value)}'
            )
        self.check_keys(value, ("value", "sources", "derived", "note"), path)
        number = self.need(value, "value", path, convert)
        assert isinstance(number, (int, float))
        return Figure(
            value=number,
            sources=self.sources_of(value, path),
            derived=self.get(value, "derived", path, self.flag) or False,
            note=self.get(value, "note", path, self.localized),
        )

    def count_figure(self, value: Any, path: str) -> Figure:
        return self.figure(value, path, self.count)

    def percent_figure(self, value: Any, path: str) -> Figure:
        return self.figure(value, path, self.percent)

    def fact(self, value: Any, path: str) -> Fact:
        table = self.table(value, path)
        self.check_keys(table, ("text", "sources", "derived"), path)
        return Fact(
            text=self.need(table, "text", path, self.localized),
            sources=self.sources_of(table, path),
            derived=self.get(table, "derived", path, self.flag) or False,
        )

    def facts(self, value: Any, path: str) -> tuple[Fact, ...]:
        out = []
        for item_path, item in self.tables(value, path):
            try:
                out.append(self.fact(item, item_path))
            except _Invalid:
                continue
        return tuple(out)


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _show(value: Any) -> str:
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


TOP_KEYS = (
    "schema_version",
    "id",
    "title",
    "short_label",
    "office",
    "municipality",
    "timezone",
    "sources",
    "candidates",
    "rounds",
    "events",
    "notes",
    "outgoing",
    "term",
)


def load_file(path: Path, origin: str = "bundled") -> LoadResult:
    """Read and validate one election file; never raises for bad content or unreadable files."""
    shown = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        reason = exc.strerror or str(exc)
        return LoadResult(shown, None, (Problem(shown, f"cannot read file: {reason}"),))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return LoadResult(shown, None, (Problem(shown, "file is not valid UTF-8", line=line),))
    return load_text(text, shown, origin)


def load_text(text: str, file: str, origin: str = "bundled") -> LoadResult:
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return LoadResult(file, None, (_syntax_problem(exc, file),))
    except (ValueError, OverflowError) as exc:  # e.g. a date that does not exist
        return LoadResult(file, None, (Problem(file, f"invalid TOML value: {exc}"),))
    reader = _Reader(file)
    election: Election | None
    try:
        election = _election(reader, document, origin, file)
    except _Invalid:
        election = None
    if election is not None:
        reader.problems.extend(check_election(election, file))
    problems = tuple(reader.problems)
    if any(p.severity == "error" for p in problems):
        election = None
    return LoadResult(file, election, problems)


def _syntax_problem(exc: tomllib.TOMLDecodeError, file: str) -> Problem:
    message = str(exc)
    match = re.search(r"\(at line (\d+), column (\d+)\)", message)
    if match:
        message = message[: match.start()].strip()
        return Problem(
            file, f"TOML syntax error: {message}", line=int(match[1]), column=int(match[2])
        )
    return Problem(file, f"TOML syntax error: {message}")


def _election(r: _Reader, doc: Mapping[str, Any], origin: str, file: str) -> Election:
    r.check_keys(doc, TOP_KEYS, "")
    version = r.get(doc, "schema_version", "", r.count)
    if version is not None and version != SCHEMA_VERSION:
        r.error(
            "schema_version",
            f"unsupported schema version {version} (this kl-wahl reads {SCHEMA_VERSION})",
        )
    tz_name = r.get(doc, "timezone", "", r.text) or "Europe/Berlin"
    try:
        r.tz = ZoneInfo(tz_name)
    except (ZoneInfoNotFoundError, ValueError):
        r.error("timezone", f"unknown time zone {_show(tz_name)}")
    election_id = _required(r, doc, "id", r.ident)
    title = _required(r, doc, "title", r.localized)
    short = r.get(doc, "short_label", "", r.localized)
    office = r.get(doc, "office", "", r.localized) or Localized("Mayor", "Oberbürgermeister/in")
    municipality = r.get(doc, "municipality", "", r.text) or ""
    sources = _list(r, doc, "sources", _source)
    candidates = _list(r, doc, "candidates", _candidate)
    rounds = _list(r, doc, "rounds", _round)
    events = _list(r, doc, "events", _event)
    notes = r.get(doc, "notes", "", r.facts) or ()
    outgoing = r.get(doc, "outgoing", "", lambda v, p: _person(r, v, p))
    term = r.get(doc, "term", "", lambda v, p: _term(r, v, p))
    if election_id is None or title is None:
        raise _Invalid()  # already reported; the rest was read to report its problems too
    return Election(
        id=election_id,
        title=title,
        short_label=short or title,
        office=office,
        municipality=municipality,
        timezone=tz_name,
        sources=tuple(sources),
        candidates=tuple(candidates),
        rounds=tuple(rounds),
        events=tuple(events),
        notes=notes,
        outgoing=outgoing,
        term=term,
        origin=origin,
        path=file,
    )


def _required(
    r: _Reader, doc: Mapping[str, Any], key: str, convert: Callable[[Any, str], T]
) -> T | None:
    try:
        return r.need(doc, key, "", convert)
    except _Invalid:
        return None


def _list(
    r: _Reader,
    doc: Mapping[str, Any],
    key: str,
    build: Callable[[_Reader, Mapping[str, Any], str], T],
) -> list[T]:
    if key not in doc:
        return []
    try:
        items = r.tables(doc[key], key)
    except _Invalid:
        return []
    out = []
    for path, item in items:
        try:
            out.append(build(r, item, path))
        except _Invalid:
            continue
    return out


def _needed(
    r: _Reader, t: Mapping[str, Any], path: str, *fields: tuple[str, Callable[[Any, str], Any]]
) -> list[Any]:
    """Read all required fields of a table, reporting every missing or bad one, not just the first."""
    values: list[Any] = []
    failed = False
    for key, convert in fields:
        try:
            values.append(r.need(t, key, path, convert))
        except _Invalid:
            failed = True
    if failed:
        raise _Invalid()
    return values


def _source(r: _Reader, t: Mapping[str, Any], path: str) -> Source:
    r.check_keys(t, ("id", "url", "publisher", "title", "published", "note"), path)
    sid, url, publisher = _needed(
        r, t, path, ("id", r.ident), ("url", r.url), ("publisher", r.text)
    )
    return Source(
        id=sid,
        url=url,
        publisher=publisher,
        title=r.get(t, "title", path, r.text),
        published=r.get(t, "published", path, r.day),
        note=r.get(t, "note", path, r.text),
    )


def _candidate(r: _Reader, t: Mapping[str, Any], path: str) -> Candidate:
    r.check_keys(
        t, ("id", "name", "party", "sources", "variants", "age", "facts", "ballot_position"), path
    )
    sources = r.sources_of(t, path)
    cid, name, party = _needed(
        r, t, path, ("id", r.ident), ("name", r.text), ("party", r.localized)
    )
    return Candidate(
        id=cid,
        name=name,
        party=party,
        sources=sources,
        variants=r.get(t, "variants", path, r.strings) or (),
        age=r.get(t, "age", path, r.count_figure),
        facts=r.get(t, "facts", path, r.facts) or (),
        ballot_position=r.get(t, "ballot_position", path, r.count),
    )


ROUND_KEYS = (
    "number",
    "kind",
    "label",
    "short_label",
    "date",
    "polls_open",
    "polls_close",
    "sources",
    "status",
    "eligible",
    "voters",
    "valid",
    "invalid",
    "turnout",
    "results",
    "results_sources",
    "preliminary",
    "notes",
)


def _round(r: _Reader, t: Mapping[str, Any], path: str) -> Round:
    r.check_keys(t, ROUND_KEYS, path)
    number = r.need(t, "number", path, r.count)
    kind = r.get(t, "kind", path, lambda v, p: _choice(r, v, p, ("main", "runoff"))) or "main"
    day = r.need(t, "date", path, r.day)
    opens = r.get(t, "polls_open", path, r.clock) or time(8, 0)
    closes = r.get(t, "polls_close", path, r.clock) or time(18, 0)
    status = r.get(t, "status", path, lambda v, p: _choice(r, v, p, ("preliminary", "official")))
    default_label = (
        Localized("Runoff", "Stichwahl")
        if kind == "runoff"
        else Localized("First round", "Hauptwahl")
    )
    results = _results(r, t, path)
    return Round(
        number=number,
        kind=kind,  # type: ignore[arg-type]
        label=r.get(t, "label", path, r.localized) or default_label,
        short_label=r.get(t, "short_label", path, r.localized),
        polls_open=datetime.combine(day, opens, tzinfo=r.tz),
        polls_close=datetime.combine(day, closes, tzinfo=r.tz),
        sources=r.sources_of(t, path),
        status=status,  # type: ignore[arg-type]
        eligible=r.get(t, "eligible", path, r.count_figure),
        voters=r.get(t, "voters", path, r.count_figure),
        valid=r.get(t, "valid", path, r.count_figure),
        invalid=r.get(t, "invalid", path, r.count_figure),
        turnout=r.get(t, "turnout", path, r.percent_figure),
        results=results,
        results_sources=r.get(t, "results_sources", path, r.ids) or (),
        preliminary=r.get(t, "preliminary", path, lambda v, p: _preliminary(r, v, p)),
        notes=r.get(t, "notes", path, r.facts) or (),
    )


def _results(r: _Reader, t: Mapping[str, Any], path: str) -> tuple[Result, ...]:
    if "results" not in t:
        return ()
    rpath = _join(path, "results")
    try:
        table = r.table(t["results"], rpath)
    except _Invalid:
        return ()
    if "results_sources" not in t:
        r.error(_join(path, "results_sources"), "results need the ids of their sources")
    out = []
    for cid, value in table.items():
        cpath = f"{rpath}.{cid}"
        try:
            entry = r.table(value, cpath)
            r.check_keys(entry, ("votes", "share"), cpath)
            out.append(
                Result(
                    candidate=r.ident(cid, cpath),
                    votes=r.need(entry, "votes", cpath, r.count),
                    share=r.get(entry, "share", cpath, r.percent),
                )
            )
        except _Invalid:
            continue
    return tuple(out)


def _preliminary(r: _Reader, value: Any, path: str) -> Preliminary:
    table = r.table(value, path)
    r.check_keys(table, ("shares", "sources"), path)
    shares_table = r.table(table.get("shares", {}), _join(path, "shares"))
    shares = []
    for cid, share in shares_table.items():
        try:
            shares.append(
                (r.ident(cid, f"{path}.shares.{cid}"), r.percent(share, f"{path}.shares.{cid}"))
            )
        except _Invalid:
            continue
    return Preliminary(tuple(shares), r.sources_of(table, path))


def _choice(r: _Reader, value: Any, path: str, options: tuple[str, ...]) -> str:
    if value not in options:
        raise r.fail(path, f"expected one of {', '.join(options)}, got {_show(value)}")
    return str(value)


EVENT_KEYS = (
    "id",
    "title",
    "kind",
    "date",
    "end",
    "before",
    "date_derived",
    "place",
    "participants",
    "sources",
    "note",
)


def _event(r: _Reader, t: Mapping[str, Any], path: str) -> Event:
    r.check_keys(t, EVENT_KEYS, path)
    sources = r.sources_of(t, path)
    eid, title = _needed(r, t, path, ("id", r.ident), ("title", r.localized))
    return Event(
        id=eid,
        title=title,
        when=_when(r, t, path),
        sources=sources,
        kind=r.get(t, "kind", path, r.ident) or "event",
        place=r.get(t, "place", path, r.text),
        participants=r.get(t, "participants", path, r.ids) or (),
        date_derived=r.get(t, "date_derived", path, r.flag) or False,
        note=r.get(t, "note", path, r.localized),
    )


def _when(r: _Reader, t: Mapping[str, Any], path: str) -> When:
    before = r.get(t, "before", path, r.day)
    if "date" not in t:
        return When("unknown", before=before)
    value = t["date"]
    dpath = _join(path, "date")
    if isinstance(value, str) and (match := _MONTH.match(value.strip())):
        year, month = int(match[1]), int(match[2])
        if not 1 <= month <= 12:
            raise r.fail(dpath, f"expected a month 01-12, got {_show(value)}")
        return When("month", year=year, month=month, before=before)
    if isinstance(value, date) and not isinstance(value, datetime):
        start = datetime.combine(value, time(0), tzinfo=r.tz)
        return When("date", start=start, before=before)
    if isinstance(value, str) and len(value.strip()) == 10:
        day = r.day(value, dpath)
        return When("date", start=datetime.combine(day, time(0), tzinfo=r.tz), before=before)
    start = r.instant(value, dpath)
    end = r.get(t, "end", path, r.instant)
    if end is not None and end < start:
        r.error(_join(path, "end"), "the end lies before the start")
    return When("datetime", start=start, end=end, before=before)


def _person(r: _Reader, value: Any, path: str) -> Person:
    t = r.table(value, path)
    r.check_keys(t, ("name", "party", "sources", "facts"), path)
    return Person(
        name=r.need(t, "name", path, r.text),
        party=r.get(t, "party", path, r.text),
        sources=r.sources_of(t, path),
        facts=r.get(t, "facts", path, r.facts) or (),
    )


def _term(r: _Reader, value: Any, path: str) -> Term:
    t = r.table(value, path)
    r.check_keys(t, ("start", "end", "years", "sources", "end_derived"), path)
    return Term(
        start=r.need(t, "start", path, r.day),
        end=r.get(t, "end", path, r.day),
        years=r.get(t, "years", path, r.count),
        sources=r.sources_of(t, path),
        end_derived=r.get(t, "end_derived", path, r.flag) or False,
    )
