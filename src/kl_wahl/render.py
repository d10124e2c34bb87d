"""Human output: Rich tables and text built from Text objects, never from markup strings.

On a terminal Rich adds colour and hyperlinks; piped, the same code prints plain text (Rich drops
styles and links when the stream is not a TTY, or with NO_COLOR / TERM=dumb). Columns fold instead
of truncating, and below `NARROW` columns each row becomes a block of "Header: value" lines so that
a 20-column terminal still reads well.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from rich import box
from rich.console import Console
from rich.padding import Padding
from rich.style import Style
from rich.table import Table
from rich.text import Text

from .formats import Cell, Column, Dataset
from .i18n import format_date, format_int, format_month, format_percent, t
from .language import Lang
from .model import Election, Round, Source
from .standings import Standing, standings

NARROW = 60
DIM = Style(dim=True)
BOLD = Style(bold=True)
HIGHLIGHT = Style(bold=True, color="cyan")
TRANSLATED = {"elected", "runoff", "eliminated", "lost", "preliminary", "official"}


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
    if column.key in ("outcome", "status") and value in TRANSLATED:
        return outcome_text(str(value), lang)
    if column.key == "origin" and value == "bundled":
        return t(lang, "bundled")
    return str(value)


def human_date(iso: str, lang: Lang) -> str:
    if len(iso) == 7:
        return format_month(int(iso[:4]), int(iso[5:7]), lang)
    try:
        return format_date(date.fromisoformat(iso), lang, weekday=True)
    except ValueError:
        return iso


def table(console: Console, data: Dataset, lang: Lang, highlight: int | None = None) -> None:
    columns = [c for c in data.columns if c.human]
    if console.width < NARROW:
        records(console, columns, data.rows, lang, highlight)
        return
    details = {c.detail for c in columns if c.detail}
    by_key = {c.key: c for c in columns}
    columns = [c for c in columns if c.key not in details]
    grid = _grid()
    for col in columns:
        numeric = col.kind in ("int", "percent")
        grid.add_column(
            t(lang, col.short or col.header),
            justify="right" if numeric else "left",
            overflow="fold",
            no_wrap=numeric or col.key == "outcome",
        )
    for i, row in enumerate(data.rows):
        cells = []
        for col in columns:
            cell = Text(cell_text(row.get(col.key), col, lang))
            if col.detail and col.detail in by_key and row.get(col.detail) not in (None, "", []):
                cell.append(
                    "\n" + cell_text(row.get(col.detail), by_key[col.detail], lang), style=DIM
                )
            cells.append(cell)
        grid.add_row(*cells, style=HIGHLIGHT if i == highlight else None)
    console.print(grid)


def _grid() -> Table:
    return Table(
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        padding=(0, 1),
        collapse_padding=True,
        header_style=BOLD,
    )


def records(
    console: Console,
    columns: Sequence[Column],
    rows: Iterable[dict[str, Cell]],
    lang: Lang,
    highlight: int | None = None,
) -> None:
    for i, row in enumerate(rows):
        if i:
            console.print()
        style = HIGHLIGHT if i == highlight else None
        for col in columns:
            line = Text(f"{t(lang, col.header)}: ", style=BOLD)
            line.append(cell_text(row.get(col.key), col, lang), style=style)
            console.print(line, overflow="fold")


def heading(console: Console, text: str) -> None:
    console.print(Text(text, style=BOLD), overflow="fold")


def line(console: Console, text: str, style: Style | None = None, indent: int = 0) -> None:
    """One paragraph; continuation lines keep the indent when it wraps."""
    body = Text(text, style=style or "")
    console.print(Padding(body, (0, 0, 0, indent)) if indent else body, overflow="fold")


def source_line(console: Console, source: Source) -> None:
    """'S7 Stadt Kaiserslautern: <url>' with the URL as a hyperlink on terminals that allow it."""
    text = Text(f"{source.id} ", style=BOLD)
    text.append(f"{source.publisher}: ")
    text.append(source.url, style=Style(link=source.url) if console.is_terminal else "")
    console.print(text, overflow="fold")


def outcome_text(outcome: str, lang: Lang) -> str:
    return t(lang, "to_runoff" if outcome == "runoff" else outcome)


EIGHTHS = " ▏▎▍▌▋▊▉"


def bar(share: float, width: int) -> str:
    """A horizontal bar `width` cells long at 100 %, drawn to an eighth of a cell."""
    eighths = round(share / 100 * width * 8)
    full, rest = divmod(eighths, 8)
    return "█" * full + (EIGHTHS[rest] if rest else "")


def round_summary(rnd: Round, lang: Lang) -> list[tuple[str, str]]:
    """(label, value) pairs for the round's status and turnout block; derived figures say so."""
    pairs: list[tuple[str, str]] = []
    if rnd.status:
        pairs.append((t(lang, "status"), t(lang, rnd.status)))
    for key in ("eligible", "voters", "turnout", "valid", "invalid"):
        fig = getattr(rnd, key)
        if fig is None:
            continue
        value = (
            format_percent(float(fig.value), lang)
            if key == "turnout"
            else format_int(fig.value, lang)
        )
        if fig.derived:
            value += f" ({t(lang, 'derived')})"
        pairs.append((t(lang, key), value))
    return pairs


def results_round(console: Console, election: Election, rnd: Round, lang: Lang) -> list[Standing]:
    heading(console, f"{rnd.label.get(lang)} – {format_date(rnd.day, lang)}")
    for label, value in round_summary(rnd, lang):
        line(console, f"{label}: {value}", indent=2)
    rows = standings(election, rnd)
    if not rows:
        line(console, t(lang, "no_results_yet"), indent=2)
        return rows
    if console.width < NARROW:
        for st in rows:
            console.print()
            line(console, st.candidate.name, BOLD)
            line(console, f"{st.candidate.party.get(lang)}")
            line(console, f"{format_int(st.votes, lang)} · {format_percent(st.share, lang)}")
            line(console, outcome_text(st.outcome, lang))
        return rows
    name_width = max(len(st.candidate.name) for st in rows)
    bar_width = max(5, min(40, console.width - name_width - 38))
    grid = _grid()
    grid.add_column(t(lang, "candidate"), overflow="fold")
    grid.add_column(t(lang, "votes"), justify="right", no_wrap=True)
    grid.add_column(t(lang, "share"), justify="right", no_wrap=True)
    grid.add_column("", no_wrap=True, overflow="crop", min_width=bar_width)
    grid.add_column(t(lang, "outcome"), no_wrap=True)
    for st in rows:
        winner = st.outcome in ("elected", "runoff")
        name = Text(st.candidate.name, style=BOLD if winner else "")
        name.append("\n" + st.candidate.party.get(lang), style=DIM)
        grid.add_row(
            name,
            Text(format_int(st.votes, lang)),
            Text(format_percent(st.share, lang)),
            Text(bar(st.share, bar_width), style=Style(color="cyan") if winner else DIM),
            Text(outcome_text(st.outcome, lang)),
        )
    console.print(grid)
    return rows


def round_notes(election: Election, rnd: Round, rows: list[Standing], lang: Lang) -> list[str]:
    """Notable facts the data supports; computed ones are labelled derived."""
    notes: list[str] = []
    if rows and any(st.share_derived for st in rows):
        notes.append(t(lang, "shares_derived"))
    if rnd.kind == "main" and len(rows) >= 3 and rows[1].outcome == "runoff":
        a, b, c = rows[0], rows[1], rows[2]
        notes.append(t(lang, "note_no_majority", a=a.candidate.name, b=b.candidate.name))
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
    return notes
