"""TOML election files -> model, collecting every problem instead of stopping at the first.

This module knows the election schema; `reader.py` does the typed, key-path-aware access and
`checks.py` the cross-field consistency checks. Syntax errors keep the TOML parser's line and
column.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Mapping
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..base.clock import pin
from ..base.record import Record
from ..base.snapfile import read_regular
from ..core.model import (
    Candidate,
    Dated,
    Election,
    Event,
    Fact,
    Figure,
    Localized,
    PastElection,
    PastResult,
    Person,
    Preliminary,
    Result,
    Round,
    RoundKind,
    Source,
    Status,
    Term,
    When,
    Window,
)
from ..core.problems import Problem, msg
from .checks import check_election, references
from .reader import Invalid, Reader, join, show

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

SCHEMA_VERSION = 1
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")

T = TypeVar("T")


class LoadResult(Record):
    path: str
    election: Election | None
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "error")

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "warning")


class ElectionReader(Reader):
    """The generic reader plus the values this schema shares: sources, figures, facts."""

    def __init__(self, file: str) -> None:
        super().__init__(file)
        self.candidate_ids: set[str] = set()
        """known once [[candidates]] are read: results that fail to read are still checked"""

    # -- composite values --------------------------------------------------------------------
    def sources_of(
        self, table: Mapping[str, Any], path: str, required: bool = True
    ) -> tuple[str, ...]:
        sources = self.get(table, "sources", path, self.ids, required=required) or ()
        if required and not sources and "sources" in table:
            self.error(join(path, "sources"), "fact_needs_source")
        return sources

    def figure(self, value: Any, path: str, convert: Callable[[Any, str], T]) -> Figure:
        if not isinstance(value, dict):
            # A bare number is accepted but has no source: say so.
            raise self.fail(path, "expected_figure", got=show(value))
        self.check_keys(value, ("value", "sources", "derived", "note", "preliminary"), path)
        number = self.need(value, "value", path, convert)
        assert isinstance(number, (int, float))
        return Figure(
            value=number,
            sources=self.sources_of(value, path),
            derived=self.get(value, "derived", path, self.flag) or False,
            note=self.get(value, "note", path, self.localized),
            preliminary=self.get(value, "preliminary", path, self.flag) or False,
        )

    def count_figure(self, value: Any, path: str) -> Figure:
        return self.figure(value, path, self.count)

    def percent_figure(self, value: Any, path: str) -> Figure:
        return self.figure(value, path, self.percent)

    def fact(self, value: Any, path: str) -> Fact:
        table = self.table(value, path)
        self.check_keys(table, ("text", "sources", "derived", "known_from"), path)
        return Fact(
            text=self.need(table, "text", path, self.localized),
            sources=self.sources_of(table, path),
            derived=self.get(table, "derived", path, self.flag) or False,
            known_from=self.get(table, "known_from", path, self.moment),
        )

    def moment(self, value: Any, path: str) -> datetime:
        """A date (its midnight, local) or a date-time, as an aware instant."""
        if isinstance(value, date) and not isinstance(value, datetime):
            return pin(datetime.combine(value, time(0), tzinfo=self.tz))
        if isinstance(value, str) and len(value.strip()) == 10:
            return pin(datetime.combine(self.day(value, path), time(0), tzinfo=self.tz))
        return self.instant(value, path)

    def dated(self, value: Any, path: str) -> Dated:
        """{ date = 2023-01-02, derived = true, sources = ["S20"] }"""
        table = self.table(value, path)
        self.check_keys(table, ("date", "derived", "sources"), path)
        return Dated(
            at=self.need(table, "date", path, self.moment),
            sources=self.sources_of(table, path),
            derived=self.get(table, "derived", path, self.flag) or False,
        )

    def facts(self, value: Any, path: str) -> tuple[Fact, ...]:
        out = []
        for item_path, item in self.tables(value, path):
            try:
                out.append(self.fact(item, item_path))
            except Invalid:
                continue
        return tuple(out)


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
    "candidates_admitted",
    "next_election",
    "past_elections",
)


ROUND_KINDS: tuple[RoundKind, ...] = ("main", "runoff")
SOURCED_STATUSES: tuple[Status, ...] = ("preliminary", "official")
"""statuses a data file may give; 'counting' and 'partial' are only ever derived"""
MAX_BYTES = 5_000_000
"""an election file is ~60 kB; a larger one is not read (nor a FIFO or a device)"""


def load_file(path: Path, origin: str = "bundled") -> LoadResult:
    """Read and validate one election file; never raises for bad content or unreadable files."""
    shown = str(path)
    try:
        info = path.stat()
    except OSError as exc:
        reason = exc.strerror or str(exc)
        return LoadResult(shown, None, (Problem(shown, msg("cannot_read_file", reason=reason)),))
    raw = read_regular(shown, MAX_BYTES)
    if raw is None:
        too_big = info.st_size > MAX_BYTES
        why = msg("larger_than_mb", n=MAX_BYTES // 1_000_000) if too_big else msg("not_regular")
        return LoadResult(shown, None, (Problem(shown, msg("cannot_read_file", reason=why)),))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return LoadResult(shown, None, (Problem(shown, msg("not_utf8_file"), line=line),))
    return load_text(text, shown, origin)


def load_text(text: str, file: str, origin: str = "bundled") -> LoadResult:
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return LoadResult(file, None, (_syntax_problem(exc, file, text),))
    except (ValueError, OverflowError) as exc:  # e.g. a date that does not exist
        return LoadResult(file, None, (Problem(file, msg("toml_value", detail=str(exc))),))
    except RecursionError:  # thousands of nested arrays or tables: no election looks like that
        return LoadResult(file, None, (Problem(file, msg("toml_deep")),))
    reader = ElectionReader(file)
    election: Election | None
    try:
        election = _election(reader, document, origin, file)
    except Invalid:
        election = None
    if isinstance(document, dict):  # every record's references, whatever else failed
        reader.problems.extend(Problem(file, m, key=k) for k, m in references(document))
    if election is not None:
        reader.problems.extend(check_election(election, file))
    problems = tuple(reader.problems)
    if any(p.severity == "error" for p in problems):
        election = None
    return LoadResult(file, election, problems)


def _syntax_problem(exc: tomllib.TOMLDecodeError, file: str, text: str) -> Problem:
    message = str(exc)
    match = re.search(r"\(at line (\d+), column (\d+)\)", message)
    phrase = message[: match.start()].strip() if match else message
    detail = _toml_phrase(phrase)
    if match:
        line = int(match[1])
        source = text.splitlines()[line - 1] if 0 < line <= len(text.splitlines()) else ""
        german = _GERMAN_DATE.search(source)
        if german:  # date = 08.03.2031
            day, month, year = german.groups()
            iso = f"{year}-{int(month):02d}-{int(day):02d}"
            found = msg("toml_syntax_date", detail=detail, iso=iso)
        else:
            found = msg("toml_syntax", detail=detail)
        return Problem(file, found, line=line, column=int(match[2]))
    return Problem(file, msg("toml_syntax", detail=detail))


TOML_PHRASES = {
    "Invalid initial character for a key part": "toml_key_start",
    "Expected '=' after a key in a key/value pair": "toml_equals",
    "Expected newline or end of document after a statement": "toml_newline",
    "Unclosed array": "toml_unclosed_array",
    "Unclosed inline table": "toml_unclosed_table",
    "Unterminated string": "toml_unterminated",
    "Invalid value": "toml_invalid_value",
    "Invalid date or datetime": "toml_invalid_date",
    "Cannot overwrite a value": "toml_overwrite",
    "Invalid statement": "toml_statement",
    "Illegal character": "toml_illegal",
}
"""Python's TOML parser speaks English: its messages, by their exact wording, as catalog keys"""


def _toml_phrase(phrase: str) -> object:
    """The parser's message as a catalog message where it is one we know, else as it is."""
    for known, key in TOML_PHRASES.items():
        if phrase.startswith(known):  # "Illegal character '\\n'": the rest is data
            rest = phrase[len(known) :].strip()
            return msg("toml_detail", text=msg(key), rest=rest) if rest else msg(key)
    declared = re.fullmatch(r"Cannot declare (.+) twice", phrase)
    if declared:
        return msg("toml_twice", what=declared[1])
    return phrase


_GERMAN_DATE = re.compile(r"=\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\b")


def _election(r: ElectionReader, doc: Mapping[str, Any], origin: str, file: str) -> Election:
    r.check_keys(doc, TOP_KEYS, "")
    version = r.get(doc, "schema_version", "", r.count)
    if version is not None and version != SCHEMA_VERSION:
        r.error("schema_version", "schema_unsupported", version=version, reads=SCHEMA_VERSION)
    tz_name = r.get(doc, "timezone", "", r.text) or "Europe/Berlin"
    try:
        r.tz = ZoneInfo(tz_name)
    except (ZoneInfoNotFoundError, ValueError):
        r.error("timezone", "unknown_zone", zone=show(tz_name))
    election_id = _required(r, doc, "id", r.ident)
    title = _required(r, doc, "title", r.localized)
    short = r.get(doc, "short_label", "", r.localized)
    office = r.get(doc, "office", "", r.localized) or Localized("Mayor", "Oberbürgermeister/in")
    municipality = r.get(doc, "municipality", "", r.text) or ""
    sources = _list(r, doc, "sources", _source)
    candidates = _list(r, doc, "candidates", _candidate)
    r.candidate_ids = {c.id for c in candidates}
    rounds = _list(r, doc, "rounds", _round)
    events = _list(r, doc, "events", _event)
    notes = r.get(doc, "notes", "", r.facts) or ()
    outgoing = r.get(doc, "outgoing", "", lambda v, p: _person(r, v, p))
    term = r.get(doc, "term", "", lambda v, p: _term(r, v, p))
    admitted = r.get(doc, "candidates_admitted", "", r.dated)
    next_election = r.get(doc, "next_election", "", lambda v, p: _window(r, v, p))
    past = _list(r, doc, "past_elections", _past_election)
    if election_id is None or title is None:
        raise Invalid()  # already reported; the rest was read to report its problems too
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
        candidates_admitted=admitted,
        next_election=next_election,
        past_elections=tuple(past),
    )


def _required(
    r: ElectionReader, doc: Mapping[str, Any], key: str, convert: Callable[[Any, str], T]
) -> T | None:
    try:
        return r.need(doc, key, "", convert)
    except Invalid:
        return None


def _list(
    r: ElectionReader,
    doc: Mapping[str, Any],
    key: str,
    build: Callable[[ElectionReader, Mapping[str, Any], str], T],
) -> list[T]:
    if key not in doc:
        return []
    try:
        items = r.tables(doc[key], key)
    except Invalid:
        return []
    out = []
    for path, item in items:
        try:
            out.append(build(r, item, path))
        except Invalid:
            continue
    return out


def _source(r: ElectionReader, t: Mapping[str, Any], path: str) -> Source:
    r.check_keys(t, ("id", "url", "publisher", "title", "published", "note"), path)
    sid, url, publisher = r.required_fields(
        t, path, ("id", r.ident), ("url", r.url), ("publisher", r.text)
    )
    return Source(
        id=sid,
        url=url,
        publisher=publisher,
        title=r.get(t, "title", path, r.text),
        published=r.get(t, "published", path, r.day),
        note=r.get(t, "note", path, r.text),
    )


def _candidate(r: ElectionReader, t: Mapping[str, Any], path: str) -> Candidate:
    r.check_keys(
        t,
        ("id", "name", "party", "sources", "variants", "age", "facts", "ballot_position", "color"),
        path,
    )
    sources = r.sources_of(t, path)
    cid, name = r.required_fields(t, path, ("id", r.ident), ("name", r.text))
    party = r.get(t, "party", path, r.localized)  # left out where no source names one
    return Candidate(
        id=cid,
        name=name,
        party=party,
        sources=sources,
        variants=r.get(t, "variants", path, r.strings) or (),
        age=r.get(t, "age", path, r.count_figure),
        facts=r.get(t, "facts", path, r.facts) or (),
        ballot_position=r.get(t, "ballot_position", path, r.count),
        color=r.get(t, "color", path, r.color),
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
    "official_from",
    "preliminary_from",
    "results_page",
)


def _round(r: ElectionReader, t: Mapping[str, Any], path: str) -> Round:
    r.check_keys(t, ROUND_KEYS, path)
    number = r.need(t, "number", path, r.count)
    kind = r.get(t, "kind", path, lambda v, p: r.choice(v, p, ROUND_KINDS)) or "main"
    day = r.need(t, "date", path, r.day)
    opens = r.get(t, "polls_open", path, r.clock) or time(8, 0)
    closes = r.get(t, "polls_close", path, r.clock) or time(18, 0)
    status = r.get(t, "status", path, lambda v, p: r.choice(v, p, SOURCED_STATUSES))
    default_label = (
        Localized("Runoff", "Stichwahl")
        if kind == "runoff"
        else Localized("First round", "Hauptwahl")
    )
    results = _results(r, t, path)
    return Round(
        number=number,
        kind=kind,
        label=r.get(t, "label", path, r.localized) or default_label,
        short_label=r.get(t, "short_label", path, r.localized),
        polls_open=pin(datetime.combine(day, opens, tzinfo=r.tz)),
        polls_close=pin(datetime.combine(day, closes, tzinfo=r.tz)),
        sources=r.sources_of(t, path),
        status=status,
        eligible=r.get(t, "eligible", path, r.count_figure),
        voters=r.get(t, "voters", path, r.count_figure),
        valid=r.get(t, "valid", path, r.count_figure),
        invalid=r.get(t, "invalid", path, r.count_figure),
        turnout=r.get(t, "turnout", path, r.percent_figure),
        results=results,
        results_sources=r.get(t, "results_sources", path, r.ids) or (),
        preliminary=r.get(t, "preliminary", path, lambda v, p: _preliminary(r, v, p)),
        notes=r.get(t, "notes", path, r.facts) or (),
        official_from=r.get(t, "official_from", path, r.dated),
        preliminary_from=r.get(t, "preliminary_from", path, r.dated),
        results_page=r.get(t, "results_page", path, r.url),
    )


def _results(r: ElectionReader, t: Mapping[str, Any], path: str) -> tuple[Result, ...]:
    if "results" not in t:
        return ()
    rpath = join(path, "results")
    try:
        table = r.table(t["results"], rpath)
    except Invalid:
        return ()
    if "results_sources" not in t:
        r.error(join(path, "results_sources"), "results_need_sources")
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
        except Invalid:  # still say everything else that is wrong with it, in the same pass
            if cid not in r.candidate_ids:
                r.error(cpath, "unknown_candidate")
            continue
    return tuple(out)


def _preliminary(r: ElectionReader, value: Any, path: str) -> Preliminary:
    table = r.table(value, path)
    r.check_keys(table, ("shares", "sources"), path)
    shares_table = r.table(table.get("shares", {}), join(path, "shares"))
    shares = []
    for cid, share in shares_table.items():
        try:
            shares.append(
                (r.ident(cid, f"{path}.shares.{cid}"), r.percent(share, f"{path}.shares.{cid}"))
            )
        except Invalid:
            continue
    return Preliminary(tuple(shares), r.sources_of(table, path))


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
    "known_from",
    "neutral_title",
    "neutral_until",
)


def _event(r: ElectionReader, t: Mapping[str, Any], path: str) -> Event:
    r.check_keys(t, EVENT_KEYS, path)
    sources = r.sources_of(t, path)
    eid, title = r.required_fields(t, path, ("id", r.ident), ("title", r.localized))
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
        known_from=r.get(t, "known_from", path, r.moment),
        neutral_title=r.get(t, "neutral_title", path, r.localized),
        neutral_until=r.get(t, "neutral_until", path, r.moment),
    )


def _when(r: ElectionReader, t: Mapping[str, Any], path: str) -> When:
    before = r.get(t, "before", path, r.day)
    if "date" not in t:
        return When("unknown", before=before)
    value = t["date"]
    dpath = join(path, "date")
    if isinstance(value, str) and (match := _MONTH.match(value.strip())):
        year, month = int(match[1]), int(match[2])
        if not 1 <= month <= 12:
            raise r.fail(dpath, "expected_month_number", got=show(value))
        return When("month", year=year, month=month, before=before)
    if isinstance(value, date) and not isinstance(value, datetime):
        start = pin(datetime.combine(value, time(0), tzinfo=r.tz))
        return When("date", start=start, before=before)
    if isinstance(value, str) and len(value.strip()) == 10:
        day = r.day(value, dpath)
        start = pin(datetime.combine(day, time(0), tzinfo=r.tz))
        return When("date", start=start, before=before)
    start = r.instant(value, dpath)
    end = r.get(t, "end", path, r.instant)
    if end is not None and end < start:
        r.error(join(path, "end"), "end_before_start")
    return When("datetime", start=start, end=end, before=before)


def _person(r: ElectionReader, value: Any, path: str) -> Person:
    t = r.table(value, path)
    r.check_keys(t, ("name", "party", "sources", "facts", "variants"), path)
    return Person(
        name=r.need(t, "name", path, r.text),
        party=r.get(t, "party", path, r.text),
        sources=r.sources_of(t, path),
        facts=r.get(t, "facts", path, r.facts) or (),
        variants=r.get(t, "variants", path, r.strings) or (),
    )


def _window(r: ElectionReader, value: Any, path: str) -> Window:
    """{ from = "2030-12", until = "2031-05", derived = true, sources = […], note = … }"""
    t = r.table(value, path)
    r.check_keys(t, ("from", "until", "derived", "sources", "note"), path)
    start, end = r.need(t, "from", path, _month(r)), r.need(t, "until", path, _month(r))
    if end < start:
        r.error(join(path, "until"), "window_order")
    return Window(
        start=start,
        end=end,
        sources=r.sources_of(t, path),
        derived=r.get(t, "derived", path, r.flag) or False,
        note=r.get(t, "note", path, r.localized),
    )


def _month(r: ElectionReader) -> Callable[[Any, str], tuple[int, int]]:
    def convert(value: Any, path: str) -> tuple[int, int]:
        match = _MONTH.match(value.strip()) if isinstance(value, str) else None
        if not match or not 1 <= int(match[2]) <= 12:
            raise r.fail(path, "expected_month", got=show(value))
        return int(match[1]), int(match[2])

    return convert


def _past_election(r: ElectionReader, t: Mapping[str, Any], path: str) -> PastElection:
    r.check_keys(t, ("date", "label", "turnout", "eligible", "status", "results", "sources"), path)
    results = []
    for item_path, item in r.tables(t.get("results", []), join(path, "results")):
        r.check_keys(item, ("name", "party", "share", "votes", "elected"), item_path)
        results.append(
            PastResult(
                name=r.need(item, "name", item_path, r.text),
                share=r.need(item, "share", item_path, r.percent),
                votes=r.get(item, "votes", item_path, r.count),
                elected=r.get(item, "elected", item_path, r.flag) or False,
                party=r.get(item, "party", item_path, r.text),
            )
        )
    return PastElection(
        day=r.need(t, "date", path, r.day),
        label=r.need(t, "label", path, r.localized),
        results=tuple(results),
        sources=r.sources_of(t, path),
        turnout=r.get(t, "turnout", path, r.percent),
        eligible=r.get(t, "eligible", path, r.count),
        status=r.get(t, "status", path, lambda v, p: r.choice(v, p, SOURCED_STATUSES)),
    )


def _term(r: ElectionReader, value: Any, path: str) -> Term:
    t = r.table(value, path)
    r.check_keys(t, ("start", "end", "years", "sources", "end_derived"), path)
    return Term(
        start=r.need(t, "start", path, r.day),
        end=r.get(t, "end", path, r.day),
        years=r.get(t, "years", path, r.count),
        sources=r.sources_of(t, path),
        end_derived=r.get(t, "end_derived", path, r.flag) or False,
    )
