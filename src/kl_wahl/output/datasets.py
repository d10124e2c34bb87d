"""The rows behind every listing and export: candidates, results, events, sources, elections.

Values are machine values (numbers as numbers, ISO dates, ids); text follows the chosen language.
Human tables format these same rows, so what a person reads and what a script gets agree.
"""

from __future__ import annotations

from datetime import datetime

from ..base.language import Lang
from ..core.model import Election, Event
from ..core.standings import standings
from ..core.timeline import calendar_days, first_day, is_past, last_day, timeline
from ..i18n.catalog import format_date_short, format_month, format_month_short, relative_days, t
from ..store.registry import Catalog
from .formats import Cell, Column, Dataset


def candidate_columns(election: Election) -> tuple[Column, ...]:
    derived: dict[str, bool] = {
        rnd.kind: any(st.share_derived for st in standings(election, rnd))
        for rnd in election.rounds
    }

    def percent(kind: str) -> str:
        return "percent_derived_short" if derived.get(kind) else "percent_short"

    cols = [
        Column("id", "id", human=False),
        Column("name", "candidate", detail="party"),
        Column("party", "party", localized=True),
        Column("first_round_votes", "first_round_votes", "int", short="first_round_short"),
        Column("first_round_share", "first_round_share", "percent", short=percent("main")),
        Column("first_round_share_derived", "first_round_derived", "bool", human=False),
        Column("runoff_votes", "runoff_votes", "int", short="runoff_short"),
        Column("runoff_share", "runoff_share", "percent", short=percent("runoff")),
        Column("runoff_share_derived", "runoff_derived", "bool", human=False),
        Column("outcome", "outcome"),
        Column("outcome_status", "status", human=False),
    ]
    if any(c.ballot_position is not None for c in election.candidates):
        cols.insert(1, Column("ballot_position", "ballot_position", "int"))
    return tuple(cols)


def candidates(election: Election, lang: Lang, sort: str = "result") -> Dataset:
    rows: dict[str, dict[str, Cell]] = {
        c.id: {
            "id": c.id,
            "name": c.name,
            "party": c.party.get(lang) if c.party else None,
            "ballot_position": c.ballot_position,
            "first_round_votes": None,
            "first_round_share": None,
            "runoff_votes": None,
            "runoff_share": None,
            "first_round_share_derived": None,
            "runoff_share_derived": None,
            "outcome": None,
            "outcome_status": None,
        }
        for c in election.candidates
    }
    for rnd in election.rounds:
        prefix = "runoff" if rnd.kind == "runoff" else "first_round"
        for st in standings(election, rnd):
            row = rows[st.candidate.id]
            row[f"{prefix}_votes"] = st.votes
            row[f"{prefix}_share"] = round(st.share, 2)
            row[f"{prefix}_share_derived"] = st.share_derived
            row["outcome"] = st.outcome
            row["outcome_status"] = rnd.status
    ordered = list(rows.values())
    if sort == "name":
        ordered.sort(key=lambda r: _surname_key(str(r["name"])))
    elif sort == "party":
        ordered.sort(key=lambda r: (str(r["party"] or "").casefold(), _surname_key(str(r["name"]))))
    elif sort == "ballot":
        ordered.sort(key=lambda r: (r["ballot_position"] is None, r["ballot_position"] or 0))
    elif not any(
        r["first_round_share"] is not None or r["runoff_share"] is not None for r in ordered
    ):
        ordered.sort(key=lambda r: _surname_key(str(r["name"])))  # no result yet: by surname
    else:
        ordered.sort(  # shares where only election-night shares are known
            key=lambda r: (
                -_num(r["first_round_votes"]),
                -_num(r["first_round_share"]),
                -_num(r["runoff_votes"]),
                str(r["name"]),
            )
        )
    return Dataset("candidates", candidate_columns(election), tuple(ordered))


def _num(value: object) -> float:
    return float(value) if isinstance(value, (int, float)) else -1.0


def _surname_key(name: str) -> tuple[str, str]:
    parts = name.split()
    return (parts[-1].casefold() if parts else "", name.casefold())


RESULT_COLUMNS = (
    Column("round", "round", "int"),
    Column("round_kind", "round"),
    Column("date", "date", "date"),
    Column("status", "status"),
    Column("candidate_id", "id", human=False),
    Column("name", "candidate"),
    Column("party", "party", localized=True),
    Column("votes", "votes", "int"),
    Column("share", "share", "percent"),
    Column("share_derived", "derived", "bool"),
    Column("rank", "rank", "int"),
    Column("outcome", "outcome"),
    Column("eligible", "eligible", "int"),
    Column("voters", "voters", "int"),
    Column("turnout", "turnout", "percent"),
    Column("valid", "valid", "int"),
    Column("invalid", "invalid", "int"),
    Column("districts_counted", "districts_counted_short", "int", human=False),
    Column("districts_expected", "districts_expected_short", "int", human=False),
    Column("count_time", "count_time", human=False),
    Column("projected_share", "projected_share", "percent", human=False),
    Column("projected_low", "projected_low", "percent", human=False),
    Column("projected_high", "projected_high", "percent", human=False),
    Column("projection_method", "projection_method", human=False),
)


def results(election: Election, lang: Lang, round_number: int | None = None) -> Dataset:
    from ..core.projection import Projection, for_round

    rows: list[dict[str, Cell]] = []
    for rnd in election.rounds:
        if round_number is not None and rnd.number != round_number:
            continue
        projected = for_round(election, rnd)
        shares = (
            {s.candidate: s for s in projected.shares} if isinstance(projected, Projection) else {}
        )
        method = (
            f"{projected.method}, {projected.level} %"
            if isinstance(projected, Projection)
            else None
        )
        for st in standings(election, rnd):
            mine = shares.get(st.candidate.id)
            rows.append(
                {
                    "round": rnd.number,
                    "round_kind": rnd.kind,
                    "date": rnd.day.isoformat(),
                    "status": rnd.status,
                    "candidate_id": st.candidate.id,
                    "name": st.candidate.name,
                    "party": st.candidate.party.get(lang) if st.candidate.party else None,
                    "votes": st.votes,
                    "share": round(st.share, 2),
                    "share_derived": st.share_derived,
                    "rank": st.rank,
                    "outcome": st.outcome,
                    "eligible": rnd.eligible.value if rnd.eligible else None,
                    "voters": rnd.voters.value if rnd.voters else None,
                    "turnout": rnd.turnout.value if rnd.turnout else None,
                    "valid": rnd.valid.value if rnd.valid else None,
                    "invalid": rnd.invalid.value if rnd.invalid else None,
                    "districts_counted": rnd.tally.counted if rnd.tally else None,
                    "districts_expected": rnd.tally.expected if rnd.tally else None,
                    "count_time": rnd.tally.at.isoformat() if rnd.tally else None,
                    "projected_share": mine.share if mine else None,
                    "projected_low": mine.low if mine else None,
                    "projected_high": mine.high if mine else None,
                    "projection_method": method,
                }
            )
    return Dataset("results", RESULT_COLUMNS, tuple(rows))


EVENT_COLUMNS = (
    Column("id", "id", human=False),
    Column("when", "when", machine=False),
    Column("date", "date", "date", human=False),
    Column("time", "time", human=False),
    Column("end", "end", human=False),
    Column("precision", "precision", human=False),
    Column("title", "event", detail="place", localized=True),
    Column("kind", "kind", human=False),
    Column("place", "place"),
    Column("participants", "participants", "list", human=False),
    Column("relative", "relative", volatile=True),
    Column("status", "status", human=False, volatile=True),
    Column("date_derived", "derived", "bool", human=False),
    Column("sources", "sources", "list", human=False),
    Column("before", "before", "date", human=False),
    Column("note", "notes", human=False, localized=True),
)
LONG_EVENT_COLUMNS = (
    *(c._replace(detail="note_text") if c.key == "title" else c for c in EVENT_COLUMNS),
    Column("note_text", "notes", machine=False),
)
"""--long: the note under each title (the place gets its own column; records show both)"""


def event_row(election: Election, ev: Event, lang: Lang, now: datetime) -> dict[str, Cell]:
    when = ev.when
    if when.precision == "month" and when.year and when.month:
        day_text: str | None = f"{when.year:04d}-{when.month:02d}"
    else:
        day = first_day(when)
        day_text = day.isoformat() if day else None
    past = is_past(election, ev, now)
    reference = last_day(when) if past else first_day(when)
    if when.precision in ("date", "datetime") and reference is not None:
        relative: str | None = relative_days(calendar_days(election, now, reference), lang)
    else:
        relative = None
    names = [c.name for cid in ev.participants if (c := election.candidate(cid))]
    when_text = human_when(ev, lang) + (f" ({t(lang, 'derived')})" if ev.date_derived else "")
    window = election.next_election
    if ev.kind == "window" and window is not None:  # a span of months, never one date
        start, end = (format_month_short(y, m, lang) for y, m in (window.start, window.end))
        when_text = t(lang, "window_when", start=start, end=end)
    return {
        "id": ev.id,
        "when": when_text,
        "date": day_text,
        "time": f"{when.start:%H:%M}" if when.precision == "datetime" and when.start else None,
        "end": when.end.isoformat() if when.end else None,
        "precision": when.precision,
        "title": ev.title.get(lang),
        "kind": ev.kind,
        "place": ev.place,
        "participants": names,
        "relative": relative,
        "status": {True: "past", False: "upcoming", None: "unknown"}[past],
        "date_derived": ev.date_derived,
        "sources": list(ev.sources),
        "before": when.before.isoformat() if when.before else None,
        "note": ev.note.get(lang) if ev.note else None,
        "note_text": ev.note.get(lang) if ev.note else None,
    }


def human_when(ev: Event, lang: Lang) -> str:
    """'Fri, 16 Dec 2022, 16:00', 'February 2022', 'before 12 Feb 2023' or 'date unknown'."""
    when = ev.when
    if when.precision == "month" and when.year and when.month:
        return format_month(when.year, when.month, lang)
    if when.start is not None:
        text = format_date_short(when.start.date(), lang)
        if when.precision == "datetime":
            text += f", {when.start:%H:%M}"
        return text
    if when.before is not None:
        return t(lang, "before_date", date=format_date_short(when.before, lang))
    return t(lang, "date_unknown")


def events(
    election: Election, lang: Lang, now: datetime, which: str = "all", long: bool = False
) -> Dataset:
    rows = []
    for ev in timeline(election):
        row = event_row(election, ev, lang, now)
        if which == "upcoming" and row["status"] == "past":
            continue
        if which == "past" and row["status"] != "past":
            continue
        rows.append(row)
    columns = LONG_EVENT_COLUMNS if long else EVENT_COLUMNS
    return Dataset("events", columns, tuple(rows))


SOURCE_COLUMNS = (
    Column("id", "id"),
    Column("publisher", "publisher"),
    Column("url", "url"),
    Column("title", "title", human=False),
    Column("published", "date", "date"),
    Column("note", "notes", human=False),
)


def sources(election: Election) -> Dataset:
    rows: tuple[dict[str, Cell], ...] = tuple(
        {
            "id": s.id,
            "publisher": s.publisher,
            "url": s.url,
            "title": s.title,
            "published": s.published.isoformat() if s.published else None,
            "note": s.note,
        }
        for s in election.sources
    )
    return Dataset("sources", SOURCE_COLUMNS, rows)


ELECTION_COLUMNS = (
    Column("id", "id"),
    Column("title", "title", localized=True),
    Column("voting_days", "voting_days", "list"),
    Column("origin", "origin", detail="file"),
    Column("file", "file", machine=False),
    Column("path", "path", human=False),
    Column("overrides_bundled", "overrides", "bool"),
    Column("imports", "imports", "list"),
)


def _imports(election: Election) -> list[str]:
    """'round 1: 8/8 districts, Open Data (votemanager / OK.VOTE) from <source>' per imported round."""
    from ..results import imported

    if not imported(election.id):
        return []
    from ..results import store

    out = []
    for rnd in election.rounds:
        found = store.load(election.id, rnd.number)
        if found is not None:
            doc = found.doc
            kind = doc.get("file_format") or "Open Data"
            if doc.get("presentation"):
                kind += f" via {doc['presentation']}"
            out.append(
                f"{rnd.number}: {found.counted}/{len(found.districts)}, {kind}, {doc.get('source')}"
            )
    return out


def _home(path: str) -> str:
    """A path as people write it: ~ for the home directory (the full path is in `path`)."""
    import os

    home = os.path.expanduser("~")
    return "~" + path[len(home) :] if home not in ("", "/") and path.startswith(home) else path


def elections(catalog: Catalog, lang: Lang) -> Dataset:
    rows: tuple[dict[str, Cell], ...] = tuple(
        {
            "id": e.id,
            "title": e.title.get(lang),
            "voting_days": [r.day.isoformat() for r in e.rounds],
            "origin": "bundled" if e.origin == "bundled" else "user",
            "file": "" if e.origin == "bundled" else _home(e.path),
            "path": e.path,
            "overrides_bundled": e.overrides_bundled,
            "imports": _imports(e),
        }
        for e in catalog.elections
    )
    return Dataset("elections", ELECTION_COLUMNS, rows)
