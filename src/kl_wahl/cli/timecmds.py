"""Time commands: `events` (the timeline) and `countdown` (to a voting day or any event)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from ..base.exitcodes import USAGE
from . import complete
from .options import FormatTemplate, ListFormat, PastTemplate, PromptFlag, check_template
from .state import State, state_of

if TYPE_CHECKING:
    from ..base.language import Lang
    from ..core.model import Election, Event
    from ..output.doc import Doc


def events_cmd(
    ctx: typer.Context,
    upcoming: Annotated[bool, typer.Option("--upcoming", help="Only events still ahead.")] = False,
    past: Annotated[bool, typer.Option("--past", help="Only events that are over.")] = False,
    long: Annotated[
        bool, typer.Option("--long", "-l", help="Show each event's note (moderators, votes, …).")
    ] = False,
    fmt: ListFormat = "table",
) -> None:
    """Timeline of the election: dates, times, places, relative time; the next event highlighted.

    Examples:

    \b
      kl-wahl events
      kl-wahl events --upcoming
      kl-wahl events --long
      kl-wahl --at 2023-02-01 events
      kl-wahl events --format csv
    """
    from ..core.problems import UserError
    from ..core.timeline import next_event, timeline
    from ..output import datasets

    if upcoming and past:
        raise UserError("upcoming_and_past", exit_code=USAGE)
    state = state_of(ctx)
    election = state.election
    which = "upcoming" if upcoming else "past" if past else "all"
    data = datasets.events(election, state.lang, state.now, which, long)
    nxt = next_event(election, timeline(election), state.now)
    highlight = next((i for i, row in enumerate(data.rows) if nxt and row["id"] == nxt.id), None)
    state.emit(data, fmt, highlight=highlight)


def countdown_cmd(
    ctx: typer.Context,
    event: Annotated[
        str | None,
        typer.Argument(
            metavar="EVENT",
            autocompletion=complete.event_ids,
            help="Another event, by id (see `kl-wahl events --format json`) or part of its title.",
        ),
    ] = None,
    prompt: PromptFlag = False,
    fmt: FormatTemplate = None,
    past_fmt: PastTemplate = None,
) -> None:
    """How long until the next voting day (or EVENT); after the election, what happened and when.

    Examples:

    \b
      kl-wahl countdown
      kl-wahl --at 2023-02-10 countdown
      kl-wahl countdown --prompt --format "OB {days}d"
      kl-wahl countdown podium-swr
    """
    from ..core.problems import UserError

    state = state_of(ctx)
    check_template("--format", fmt)
    check_template("--past-format", past_fmt)
    if prompt or fmt is not None or past_fmt is not None:
        if event is not None:
            raise UserError("event_with_prompt", exit_code=USAGE)
        state.quiet = True
        state.use_env_now()
        sys.stdout.write(_prompt_text(state, fmt, past_fmt))
        return
    election = state.election
    if event is not None:
        _event_countdown(state, election, _find_event(election, event, state.lang))
        return
    _voting_countdown(state, election)


def _prompt_text(state: State, fmt: str | None, past_fmt: str | None) -> str:
    from ..base.promptline import COUNT_PLACEHOLDERS, prompt_line, templates_for
    from ..core.standings import count_summary
    from ..store.snapshot import election_offsets, next_year, targets

    election = state.election
    lang = state.lang
    fmt = fmt if fmt is not None else state.config.prompt_format
    past_fmt = past_fmt if past_fmt is not None else state.config.prompt_past_format
    offsets = election_offsets(election, state.now.year, years_ahead=1)
    templates = templates_for(lang, fmt, past_fmt)
    now = int(state.now.timestamp())
    extra = {
        "next_year": next_year(election),
        **dict(zip(COUNT_PLACEHOLDERS, count_summary(election), strict=True)),
    }
    text = prompt_line(targets(election), now, offsets, templates, lang, extra)
    return text + "\n" if text else ""


def _find_event(election: Election, query: str, lang: Lang) -> Event:
    from ..core.lookup import forms
    from ..core.problems import UserError
    from ..core.timeline import timeline

    events = timeline(election)
    exact = [ev for ev in events if ev.id == query]
    if exact:
        return exact[0]
    wanted = forms(query)
    hits = [
        ev
        for ev in events
        if any(
            w in f
            for w in wanted
            for text in (ev.title.en, ev.title.de, ev.id)
            for f in forms(text)
        )
    ]
    if len(hits) == 1:
        return hits[0]
    if not hits:
        raise UserError("no_event", query=query)
    listing = tuple(f"  {ev.id}: {ev.title.get(lang)}" for ev in hits)
    raise UserError("ambiguous_event", query=query, n=len(hits), details=listing)


def _event_countdown(state: State, election: Election, ev: Event) -> None:
    from ..core.timeline import calendar_days, first_day, today_in
    from ..i18n.catalog import (
        format_date,
        format_month,
        quantity,
        relative_days,
        relative_months,
        t,
    )

    lang = state.lang
    doc = state.doc()
    day = first_day(ev.when)
    title = ev.title.get(lang)
    derived = f" ({t(lang, 'derived')})" if ev.date_derived else ""
    if ev.when.precision == "month" and ev.when.year and ev.when.month:
        today = today_in(election, state.now)
        months = (ev.when.year - today.year) * 12 + ev.when.month - today.month
        when = format_month(ev.when.year, ev.when.month, lang)
        doc.line(f"{title}: {when}{derived}, {relative_months(months, lang)}")
    elif day is None:
        doc.line(f"{title}: {t(lang, 'date_unknown')}")
    else:
        days = calendar_days(election, state.now, day)
        when = format_date(day, lang)
        if ev.when.precision == "datetime" and ev.when.start:
            when += f", {ev.when.start:%H:%M}"
        rel = (
            t(lang, "days_ago", n=quantity(-days, "day", lang))
            if days < -1
            else relative_days(days, lang)
        )
        doc.line(f"{title}: {when}{derived}, {rel}")
    if ev.note:
        doc.line(ev.note.get(lang), indent=2)
    if ev.sources:
        doc.line(f"{t(lang, 'sources')}: {', '.join(ev.sources)}", indent=2)
    state.show(doc)


def _voting_countdown(state: State, election: Election) -> None:
    doc = state.doc()
    _voting_lines(doc, state, election)
    state.show(doc)


def _voting_lines(doc: Doc, state: State, election: Election) -> None:
    from ..core.standings import winner
    from ..core.timeline import countdown, next_round
    from ..i18n.catalog import format_date, format_percent, quantity, relative_days, t

    lang = state.lang
    found = next_round(election, state.now)
    if found is None:
        doc.line(t(lang, "status_no_date"))
        return
    rnd, _ = found
    cd = countdown(election, rnd, state.now)
    label = election.voting_label(rnd).get(lang)
    date = format_date(rnd.day, lang)
    opens, closes = f"{rnd.polls_open:%H:%M}", f"{rnd.polls_close:%H:%M}"
    if cd.state == "past":
        ago = (
            t(lang, "today")
            if cd.days == 0
            else t(lang, "days_ago", n=quantity(-cd.days, "day", lang))
        )
        doc.line(t(lang, "countdown_past", label=label, date=date, ago=ago), "bold")
        won = winner(election)
        if won:
            standing, final = won
            status = " " + t(lang, "status_preliminary") if final.status == "preliminary" else ""
            doc.line(
                t(
                    lang,
                    "countdown_winner",
                    winner=standing.candidate.name,
                    share=format_percent(standing.share, lang),
                    status=status,
                ),
            )
        doc.line(next_election_line(state, election))
        return
    if cd.state == "today":
        key = "countdown_today" if state.now >= rnd.polls_open else "countdown_open_soon"
        doc.line(t(lang, key, label=label, open=opens, close=closes), "bold")
        return
    doc.line(
        t(
            lang,
            "countdown_upcoming",
            label=label,
            date=date,
            relative=relative_days(cd.days, lang),
        ),
        "bold",
    )
    hours = int(cd.until_open.total_seconds()) // 3600
    d, h = divmod(hours, 24)
    parts = [quantity(n, unit, lang) for n, unit in ((d, "day"), (h, "hour")) if n]
    doc.line(
        t(
            lang,
            "polls_open_in",
            open=opens,
            close=closes,
            wait=t(lang, "and").join(parts) or t(lang, "in_less_than_an_hour"),
        ),
    )


def next_election_line(state: State, election: Election) -> str:
    """After the last voting day: another election in the data, else the legal window (derived,
    never a date), else a hint how to add the next election."""
    from ..i18n.catalog import format_date, format_month, t

    lang = state.lang
    later = [
        e
        for e in state.catalog.elections
        if e.id != election.id
        and (not e.rounds or e.rounds[0].polls_open > election.rounds[-1].polls_close)
    ]
    if later:
        other = later[0]
        when = format_date(other.rounds[0].day, lang) if other.rounds else t(lang, "status_no_date")
        return t(lang, "next_other", title=other.title.get(lang), id=other.id, when=when)
    window = election.next_election
    if window is not None:
        start, end = (format_month(y, m, lang) for y, m in (window.start, window.end))
        return t(lang, "next_window", start=start, end=end)
    return t(lang, "countdown_next_none")
