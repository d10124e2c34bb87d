"""Listings: `elections`, `candidates`, `candidate NAME` and `results`."""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import Annotated, Literal

import typer
from rich.console import Console

from .. import datasets
from ..console import make_console
from ..fileio import write_atomic
from ..i18n import format_int, format_percent, t
from ..language import Lang
from ..lookup import closest, find
from ..model import Candidate, Election, Round
from ..problems import UserError
from ..render import BOLD, heading, line, outcome_text, results_round, round_notes, source_line
from ..standings import standings
from ..timeline import timeline
from . import complete
from .state import State, write_json

ListFormat = Literal["table", "json", "csv", "tsv"]
FORMAT_HELP = "Output: table for people; json, csv or tsv for scripts (documented keys)."
SVG_WIDTH = 110


def _state(ctx: typer.Context) -> State:
    state = ctx.obj
    assert isinstance(state, State)
    return state


def elections_cmd(
    ctx: typer.Context,
    fmt: Annotated[ListFormat, typer.Option("--format", "-f", help=FORMAT_HELP)] = "table",
) -> None:
    """List every known election: id, title, voting days, origin, overrides.

    Bundled elections come with kl-wahl; user files live in the directory shown by
    `kl-wahl data path`. Example:

    \b
      kl-wahl elections --format json
    """
    state = _state(ctx)
    state.emit(datasets.elections(state.catalog, state.lang), fmt)


def candidates_cmd(
    ctx: typer.Context,
    sort: Annotated[
        Literal["result", "name", "party", "ballot"],
        typer.Option(
            "--sort",
            "-s",
            help="Order: result (first round, default), name, party, or ballot (only where the data has a sourced ballot order).",
        ),
    ] = "result",
    fmt: Annotated[ListFormat, typer.Option("--format", "-f", help=FORMAT_HELP)] = "table",
) -> None:
    """All candidates with party/backing, votes and shares in each round, and outcome.

    Examples:

    \b
      kl-wahl candidates
      kl-wahl candidates --sort name
      kl-wahl candidates --format csv > candidates.csv
    """
    state = _state(ctx)
    election = state.election
    if sort == "ballot" and not any(c.ballot_position is not None for c in election.candidates):
        raise UserError("no_ballot_order", id=election.id, exit_code=2)
    state.emit(datasets.candidates(election, state.lang, sort), fmt)


def candidate_cmd(
    ctx: typer.Context,
    name: Annotated[
        str,
        typer.Argument(
            metavar="NAME",
            autocompletion=complete.candidate_ids,
            help="Any part of the name; case, accents and ü=ue etc. are ignored.",
        ),
    ],
    fmt: Annotated[
        Literal["table", "json"], typer.Option("--format", "-f", help="table or json.")
    ] = "table",
) -> None:
    """Profile of one candidate: party, facts, results per round, events, sources.

    Examples:

    \b
      kl-wahl candidate kimmel
      kl-wahl candidate kuerwitz
      kl-wahl candidate welsch-schied --format json
    """
    state = _state(ctx)
    election = state.election
    lang = state.lang
    if not name.strip():
        raise UserError("empty_name", exit_code=2)
    hits = find(election.candidates, name)
    if not hits:
        suggestions = closest(election.candidates, name)
        hint = t(lang, "did_you_mean", names=", ".join(suggestions)) if suggestions else ""
        raise UserError("no_candidate", name=name, details=(hint,) if hint else ())
    if len(hits) > 1:
        lines = (*(f"  {c.name} ({c.party.get(lang)})" for c in hits), t(lang, "refine"))
        raise UserError("ambiguous", name=name, n=len(hits), details=lines)
    candidate = hits[0]
    profile = candidate_profile(election, candidate, state)
    if fmt == "json":
        write_json(profile)
        return
    show_profile(state.out, election, candidate, profile, lang)


def candidate_profile(election: Election, candidate: Candidate, state: State) -> dict[str, object]:
    lang = state.lang
    results = []
    for rnd in election.rounds:
        rows = standings(election, rnd)
        for i, st in enumerate(rows):
            if st.candidate.id != candidate.id:
                continue
            above = rows[i - 1] if i > 0 else None
            below = rows[i + 1] if i + 1 < len(rows) else None
            results.append(
                {
                    "round": rnd.number,
                    "round_kind": rnd.kind,
                    "label": rnd.label.get(lang),
                    "date": rnd.day.isoformat(),
                    "status": rnd.status,
                    "votes": st.votes,
                    "share": round(st.share, 2),
                    "share_derived": st.share_derived,
                    "rank": st.rank,
                    "margin_to_next": st.margin_to_next,
                    "next_candidate": below.candidate.name if below else None,
                    "behind_previous": (above.votes - st.votes) if above else None,
                    "previous_candidate": above.candidate.name if above else None,
                    "outcome": st.outcome,
                    "sources": list(rnd.results_sources),
                }
            )
    events = [
        datasets.event_row(election, ev, lang, state.now)
        for ev in timeline(election)
        if candidate.id in ev.participants and ev.kind != "vote"
    ]
    cited: list[str] = list(candidate.sources)
    for fact in candidate.facts:
        cited.extend(fact.sources)
    if candidate.age:
        cited.extend(candidate.age.sources)
    for res in results:
        cited.extend(res["sources"])  # type: ignore[arg-type]
    for ev in events:
        cited.extend(ev["sources"])  # type: ignore[arg-type]
    ordered = list(dict.fromkeys(cited))
    return {
        "id": candidate.id,
        "name": candidate.name,
        "party": candidate.party.get(lang),
        "party_sources": list(candidate.sources),
        "variants": list(candidate.variants),
        "ballot_position": candidate.ballot_position,
        "age": (
            {
                "value": candidate.age.value,
                "note": candidate.age.note.get(lang) if candidate.age.note else None,
                "derived": candidate.age.derived,
                "sources": list(candidate.age.sources),
            }
            if candidate.age
            else None
        ),
        "facts": [
            {"text": f.text.get(lang), "derived": f.derived, "sources": list(f.sources)}
            for f in candidate.facts
        ],
        "results": results,
        "events": [
            {
                k: ev[k]
                for k in ("id", "date", "time", "before", "title", "place", "relative", "sources")
            }
            for ev in events
        ],
        "sources": [
            {"id": s.id, "publisher": s.publisher, "url": s.url}
            for sid in ordered
            if (s := election.source(sid)) is not None
        ],
    }


def _refs(ids: object) -> str:
    return f" [{', '.join(ids)}]" if isinstance(ids, list) and ids else ""


def show_profile(
    out: Console, election: Election, candidate: Candidate, profile: dict[str, object], lang: Lang
) -> None:
    heading(out, candidate.name)
    line(out, f"{t(lang, 'party')}: {candidate.party.get(lang)}{_refs(profile['party_sources'])}")
    age = profile["age"]
    if isinstance(age, dict):
        note = f" ({age['note']})" if age["note"] else ""
        derived = f" ({t(lang, 'derived')})" if age["derived"] else ""
        line(out, f"{t(lang, 'age')}: {age['value']}{note}{derived}{_refs(age['sources'])}")
    facts = profile["facts"]
    if isinstance(facts, list) and facts:
        out.print()
        line(out, t(lang, "profile"), BOLD)
        for fact in facts:
            derived = f" ({t(lang, 'derived')})" if fact["derived"] else ""
            line(out, f"• {fact['text']}{derived}{_refs(fact['sources'])}", indent=2)
    results = profile["results"]
    if isinstance(results, list) and results:
        out.print()
        line(out, t(lang, "results"), BOLD)
        for res in results:
            derived = f" ({t(lang, 'derived')})" if res["share_derived"] else ""
            status = f", {t(lang, res['status'])}" if res["status"] else ""
            outcome = outcome_text(res["outcome"], lang)
            votes = format_int(res["votes"], lang)
            share = format_percent(res["share"], lang)
            line(
                out,
                f"{res['label']} ({res['date']}{status}): {votes} {t(lang, 'votes_word')} · "
                f"{share}{derived} · {t(lang, 'rank_word')} {res['rank']} · {outcome}"
                f"{_refs(res['sources'])}",
                indent=2,
            )
            margins = []
            if res["previous_candidate"]:
                margins.append(
                    _margin(lang, res["behind_previous"], res["previous_candidate"], behind=True)
                )
            if res["next_candidate"]:
                margins.append(
                    _margin(lang, res["margin_to_next"], res["next_candidate"], behind=False)
                )
            if margins:
                line(out, "; ".join(margins) + f" ({t(lang, 'derived')})", indent=4)
    events = profile["events"]
    if isinstance(events, list) and events:
        out.print()
        line(out, t(lang, "events"), BOLD)
        for ev in events:
            when = ev["date"] or (
                t(lang, "before_date", date=ev["before"])
                if ev["before"]
                else t(lang, "date_unknown")
            )
            if ev["time"]:
                when += f" {ev['time']}"
            place = f" – {ev['place']}" if ev["place"] else ""
            line(out, f"{when}  {ev['title']}{place}{_refs(ev['sources'])}", indent=2)
    sources = profile["sources"]
    if isinstance(sources, list) and sources:
        out.print()
        line(out, t(lang, "sources"), BOLD)
        for sid in sources:
            source = election.source(sid["id"])
            if source:
                source_line(out, source)


def _margin(lang: Lang, votes: object, other: object, behind: bool) -> str:
    n = format_int(int(votes), lang) if isinstance(votes, int) else "?"
    if lang == "de":
        return f"{n} Stimmen hinter {other}" if behind else f"{n} Stimmen vor {other}"
    return f"{n} votes behind {other}" if behind else f"{n} votes ahead of {other}"


def results_cmd(
    ctx: typer.Context,
    round_: Annotated[
        Literal["1", "2", "all"], typer.Option("--round", "-r", help="Which round: 1, 2 or all.")
    ] = "all",
    fmt: Annotated[ListFormat, typer.Option("--format", "-f", help=FORMAT_HELP)] = "table",
    svg: Annotated[
        Path | None,
        typer.Option(
            "--svg",
            metavar="FILE",
            help="Also save the rendered results as an SVG picture (fixed width).",
            dir_okay=False,
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite the --svg file if it exists.")
    ] = False,
) -> None:
    """Results per round: turnout, votes, shares with bars, who won or went to the runoff.

    Examples:

    \b
      kl-wahl results
      kl-wahl results --round 1 --format json
      kl-wahl results --svg results.svg
    """
    state = _state(ctx)
    election = state.election
    lang = state.lang
    number = None if round_ == "all" else int(round_)
    rounds = [r for r in election.rounds if number is None or r.number == number]
    if number is not None and not rounds:
        raise UserError("no_round", id=election.id, n=number)
    if svg is not None and svg.exists() and not force:
        raise UserError("file_exists", path=svg)
    if fmt != "table":
        state.emit(datasets.results(election, lang, number), fmt)
    else:
        show_results(state.out, election, rounds, lang)
    if svg is not None:
        recorder = make_console(width=SVG_WIDTH, record=True, file=io.StringIO())
        show_results(recorder, election, rounds, lang)
        title = election.title.get(lang)
        write_atomic(svg, recorder.export_svg(title=title).encode("utf-8"), force=force)
        print(f"saved {svg}", file=sys.stderr)


def show_results(out: Console, election: Election, rounds: list[Round], lang: Lang) -> None:
    heading(out, election.title.get(lang))
    if not rounds:
        line(out, t(lang, "status_no_date"))
        return
    for rnd in rounds:
        out.print()
        rows = results_round(out, election, rnd, lang)
        for note in round_notes(election, rnd, rows, lang):
            line(out, note, indent=2)
