"""Human views of datasets and rounds, built as a `Doc` (see doc.py) for either printer.

Cells are formatted here once (numbers, dates, outcomes in the user's language); the table keeps
a record layout ("Header: value" blocks) beside it for widths where columns would not fit.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ..base.language import Lang
from ..core.model import Election, Round, Source
from ..core.standings import Standing, standings
from ..i18n.catalog import (
    MESSAGES,
    format_date,
    format_datetime,
    format_int,
    format_month,
    format_percent,
    t,
)
from .doc import NARROW, Col, Doc, Span, Table
from .formats import Cell, Column, Dataset

MIN_BAR = 10
"""bars shorter than this cannot show a difference of a few points: they are left out"""
TRANSLATED = {
    "elected",
    "runoff",
    "eliminated",
    "lost",
    "open",
    "partial",
    "preliminary",
    "official",
}


def header(key: str, lang: Lang) -> str:
    """A column header: a message in the user's language, or data (a candidate's name) as is."""
    return t(lang, key) if key in MESSAGES else key


def cell_text(value: Cell, column: Column, lang: Lang) -> str:
    if value is None or value == []:
        return "–"
    if isinstance(value, bool):
        return t(lang, "yes" if value else "no")
    if column.kind == "percent" and isinstance(value, (int, float)):
        return format_percent(float(value), lang)
    if column.kind == "int" and isinstance(value, (int, float)):
        return format_int(value, lang)
    if isinstance(value, list):
        return ", ".join(value)
    if column.kind == "date" and isinstance(value, str):
        return human_date(value, lang)
    if column.key == "kind" and value in ("polling", "postal"):
        return t(lang, str(value))
    if column.key in ("outcome", "status") and value in TRANSLATED:
        return outcome_text(str(value), lang)
    if column.key == "origin" and value in ("bundled", "user"):
        return t(lang, str(value))
    return str(value)


def shown(row: dict[str, Cell], column: Column, lang: Lang) -> str:
    """A cell as the table and the records show it: an outcome says when it is preliminary."""
    text = cell_text(row.get(column.key), column, lang)
    if column.key == "outcome" and row.get("outcome_status") == "preliminary":
        text += f" ({t(lang, 'preliminary')})"
    return text


def human_date(iso: str, lang: Lang) -> str:
    if len(iso) == 7:
        return format_month(int(iso[:4]), int(iso[5:7]), lang)
    try:
        return format_date(date.fromisoformat(iso), lang, weekday=True)
    except ValueError:
        return iso


def table(doc: Doc, data: Dataset, lang: Lang, highlight: int | None = None) -> None:
    """The dataset's human columns; a detail column shows dimmed under its main column."""
    columns = [c for c in data.columns if c.human]
    details = {c.detail for c in columns if c.detail}
    by_key = {c.key: c for c in columns}
    visible = [c for c in columns if c.key not in details]
    cols = [
        Col(
            header(c.short or c.header, lang),
            "right" if c.kind in ("int", "percent") else "left",
            no_wrap=c.kind in ("int", "percent") or c.key == "outcome",
        )
        for c in visible
    ]
    rows: list[list[list[Span]]] = []
    for row in data.rows:
        cells: list[list[Span]] = []
        for col in visible:
            cell: list[Span] = [(shown(row, col, lang), "")]
            if col.detail and col.detail in by_key and row.get(col.detail) not in (None, "", []):
                cell.append(
                    ("\n" + cell_text(row.get(col.detail), by_key[col.detail], lang), "dim")
                )
            cells.append(cell)
        rows.append(cells)
    records = [
        [(header(c.header, lang), shown(row, c, lang)) for c in columns] for row in data.rows
    ]
    doc.table(Table(cols, rows, records, highlight))


def source_line(doc: Doc, source: Source) -> None:
    """'S7 Stadt Kaiserslautern: <url>' with the URL as a hyperlink on terminals that allow it."""
    doc.spans(
        [
            (f"{source.id} ", "bold"),
            (f"{source.publisher}: ", ""),
            (source.url, f"link:{source.url}"),
        ]
    )


def outcome_text(outcome: str, lang: Lang) -> str:
    return t(lang, "to_runoff" if outcome == "runoff" else outcome)


EIGHTHS = " ▏▎▍▌▋▊▉"


def bar(share: float, width: int) -> str:
    """A horizontal bar `width` cells long at 100 %, drawn to an eighth of a cell."""
    eighths = round(share / 100 * width * 8)
    full, rest = divmod(eighths, 8)
    return "█" * full + (EIGHTHS[rest] if rest else "")


def count_lines(election: Election, rnd: Round, lang: Lang) -> list[tuple[str, str]]:
    """(label, text) pairs of what the round's imported count says of itself: districts counted,
    when and from where, what is outstanding, how the district sums compare with sourced
    figures, failed plausibility checks."""
    count = rnd.tally
    if count is None:
        return []
    from ..base.clock import zone

    at = format_datetime(count.at.astimezone(zone(election.timezone)), lang)
    counted = t(lang, "districts_counted", counted=count.counted, expected=count.expected)
    source = election.source(count.source)
    origin = f"{count.source}, {source.publisher}: {source.url}" if source else count.source
    lines = [
        (
            t(lang, "count_label"),
            f"{counted} ({t(lang, 'count_source', at=at, source=origin)})",
        )
    ]
    if not count.complete and count.counted:
        polling, postal = count.missing("polling"), count.missing("postal")
        lines.append(
            (t(lang, "outstanding"), t(lang, "count_outstanding", polling=polling, postal=postal))
        )
    if count.stands and rnd.valid is not None and count.complete:
        valid = sum(d.valid or 0 for d in count.districts)
        total = int(rnd.valid.value)
        if valid == total:
            text = t(lang, "count_same", valid=format_int(valid, lang))
        else:
            text = t(
                lang,
                "count_differs",
                valid=format_int(valid, lang),
                diff=format_int(abs(valid - total), lang),
                direction=t(lang, "more" if valid > total else "fewer"),
                total=format_int(total, lang),
            )
        lines.append((t(lang, "district_sums"), text))
    lines += race_lines(election, rnd, lang)
    lines += projection_lines(election, rnd, lang)
    lines += [(t(lang, "check_failed"), w.text(lang)) for w in count.warnings]
    return lines


def race_lines(election: Election, rnd: Round, lang: Lang) -> list[tuple[str, str]]:
    """While a first round is counted: can second place still change, can the leader still win
    outright (`core/race.py`; the outstanding votes are an estimate and say so)."""
    from ..core.race import runoff_race

    race = runoff_race(election, rnd)
    if race is None:
        return []
    second = race_sentence(
        race.second.candidate.name,
        race.gap,
        race.third.candidate.name,
        race.outstanding,
        race.open,
        lang,
    )
    majority = t(
        lang, f"race_majority_{race.majority.replace(' ', '_')}", a=race.leader.candidate.name
    )
    return [(t(lang, "race_label"), second), (t(lang, "majority_label"), majority)]


def projection_lines(election: Election, rnd: Round, lang: Lang) -> list[tuple[str, str]]:
    """While a runoff is counted: the projection from the first round, labelled as what it
    is, or why there is none (`core/projection.py`)."""
    from ..core.projection import for_round
    from .jsondoc import projection_data

    data = projection_data(for_round(election, rnd))
    if data is None:
        return []
    names = {c.id: c.name for c in election.candidates}
    return [(t(lang, "projection_label"), line) for line in projection_text(data, names, lang)]


def projection_text(data: dict[str, Any], names: dict[str, str], lang: Lang) -> list[str]:
    """'not a result: A 53.0 % (49.0–57.0 %) · B 47.0 % (…), 12 of 18 districts counted, 90 %
    interval', and what it assumes; or why there is no projection."""
    if "reason" in data:
        return [t(lang, data["reason"], counted=data["counted"], needed=data["needed"])]
    shares = " · ".join(
        t(
            lang,
            "projection_share",
            name=names.get(s["candidate"], s["candidate"]),
            share=format_percent(s["share"], lang, 1),
            low=format_percent(s["low"], lang, 1).removesuffix(" %"),
            high=format_percent(s["high"], lang, 1),
        )
        for s in data["shares"]
    )
    counted = t(lang, "districts_counted", counted=data["counted"], expected=data["expected"])
    lines = [t(lang, "projection_line", shares=shares, counted=counted, level=data["level"])]
    if data["postal_assumed"]:
        lines.append(t(lang, "projection_postal"))
    if data["unmatched"]:
        lines.append(t(lang, "projection_unmatched_named", names=", ".join(data["unmatched"])))
    return lines


def race_sentence(
    second: str, gap: int, third: str, outstanding: int | None, is_open: bool, lang: Lang
) -> str:
    """'2nd place: X 30 votes ahead of Y, about 1,900 votes outstanding (estimated): open'."""
    if outstanding is None:
        left = t(lang, "race_unknown")
    else:
        left = t(lang, "race_outstanding", n=format_int(outstanding, lang))
    verdict = t(lang, "race_open" if is_open else "race_decided")
    return t(
        lang, "race_second", a=second, n=format_int(gap, lang), b=third, left=left, verdict=verdict
    )


def round_summary(election: Election, rnd: Round, lang: Lang) -> list[tuple[str, str]]:
    """(label, value) pairs for the round's status and turnout block; derived figures say so."""
    pairs: list[tuple[str, str]] = []
    if rnd.status:
        pairs.append((t(lang, "status"), t(lang, rnd.status)))
    pairs += count_lines(election, rnd, lang)
    for key in ("eligible", "voters", "turnout", "valid", "invalid"):
        fig = getattr(rnd, key)
        if fig is None:
            continue
        value = (
            format_percent(float(fig.value), lang)
            if key == "turnout"
            else format_int(fig.value, lang)
        )
        marks = []
        late = fig.preliminary and rnd.status == "official"  # an election-night figure
        if fig.derived:
            marks.append(t(lang, "derived"))
        if late:
            marks.append(t(lang, "preliminary"))
        if fig.note and (fig.derived or late):  # what the data says of it
            marks.append(fig.note.get(lang))
        if marks:
            value += f" ({'; '.join(marks)})"
        pairs.append((t(lang, key), value))
    return pairs


def results_round(doc: Doc, election: Election, rnd: Round, lang: Lang) -> list[Standing]:
    doc.heading(f"{rnd.label.get(lang)} – {format_date(rnd.day, lang)}")
    for label, value in round_summary(election, rnd, lang):
        doc.line(f"{label}: {value}", indent=2)
    rows = standings(election, rnd)
    if not rows:
        empty = (
            "no_district_counted"
            if rnd.tally is not None
            else "counting_no_result"
            if rnd.status == "counting"
            else "no_results_yet"
        )
        doc.line(t(lang, empty), indent=2)
        return rows
    if doc.width < NARROW:
        for st in rows:
            doc.blank()
            doc.line(st.candidate.name, "bold")
            if st.candidate.party:
                doc.line(st.candidate.party.get(lang))
            votes = format_int(st.votes, lang) if st.votes is not None else "–"
            doc.line(f"{votes} · {format_percent(st.share, lang)}")
            doc.line(outcome_text(st.outcome, lang))
        return rows
    name_width = max(len(st.candidate.name) for st in rows)
    bar_width = min(40, doc.width - name_width - 38)
    if bar_width < MIN_BAR:  # too short to show the differences: the numbers say it alone
        bar_width = 0
    cols = [
        Col(t(lang, "candidate")),
        Col(t(lang, "votes"), "right", no_wrap=True),
        Col(t(lang, "share"), "right", no_wrap=True),
        Col("", no_wrap=True, min_width=bar_width),
        Col(t(lang, "outcome"), no_wrap=True),
    ]
    if not bar_width:
        del cols[3]
    cells: list[list[list[Span]]] = []
    records: list[list[tuple[str, str]]] = []
    for st in rows:
        winner = st.outcome in ("elected", "runoff")
        party = st.candidate.party.get(lang) if st.candidate.party else ""
        votes = format_int(st.votes, lang) if st.votes is not None else "–"
        share = format_percent(st.share, lang)
        outcome = outcome_text(st.outcome, lang)
        row = [
            [(st.candidate.name, "bold" if winner else ""), ("\n" + party if party else "", "dim")],
            [(votes, "")],
            [(share, "")],
            [(bar(st.share, bar_width), "accent" if winner else "dim")],
            [(outcome, "")],
        ]
        if not bar_width:
            del row[3]
        cells.append(row)
        records.append(
            [
                (t(lang, "candidate"), st.candidate.name),
                (t(lang, "party"), party or "–"),
                (t(lang, "votes"), votes),
                (t(lang, "share"), share),
                (t(lang, "outcome"), outcome),
            ]
        )
    doc.table(Table(cols, cells, records))
    return rows


def round_notes(election: Election, rnd: Round, rows: list[Standing], lang: Lang) -> list[str]:
    """Notable facts the data supports; computed ones are labelled derived."""
    notes: list[str] = []
    if rows and any(st.share_derived for st in rows):
        notes.append(t(lang, "shares_derived"))
    if rnd.kind == "main" and len(rows) >= 3 and rows[1].outcome == "runoff":
        a, b, c = rows[0], rows[1], rows[2]
        notes.append(t(lang, "note_no_majority", a=a.candidate.name, b=b.candidate.name))
        if b.votes is not None and c.votes is not None:
            notes.append(
                t(
                    lang,
                    "note_runoff_margin",
                    a=b.candidate.name,
                    n=format_int(b.votes - c.votes, lang),
                    b=c.candidate.name,
                )
            )
    elif rows and rows[0].outcome == "elected" and rnd.kind == "main":
        notes.append(t(lang, "note_majority", a=rows[0].candidate.name))
    if rnd.preliminary:
        names = {c.id: c.name for c in election.candidates}
        shares = ", ".join(
            f"{names.get(cid, cid)} {format_percent(s, lang)}" for cid, s in rnd.preliminary.shares
        )
        notes.append(
            t(lang, "preliminary_shares", shares=shares)
            + f" [{', '.join(rnd.preliminary.sources)}]"
        )
    for fact in rnd.notes:
        derived = f" ({t(lang, 'derived')})" if fact.derived else ""
        notes.append(f"{fact.text.get(lang)}{derived} [{', '.join(fact.sources)}]")
    if rnd.results_sources:
        notes.append(f"{t(lang, 'sources')}: {', '.join(rnd.results_sources)}")
    if rnd.results_page and (rnd.results or rnd.preliminary):
        notes.append(f"{t(lang, 'results_page')}: {rnd.results_page}")
    return notes
