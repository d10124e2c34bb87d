"""Listings: `elections`, `candidates`, `candidate NAME` and `results`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from ..base.exitcodes import USAGE
from .options import GeometryOption, ListFormat, ShadeOption
from .state import state_of

if TYPE_CHECKING:
    from ..base.language import Lang
    from ..core.model import Election, Round
    from ..output.doc import Doc


def elections_cmd(
    ctx: typer.Context,
    fmt: ListFormat = "table",
) -> None:
    """List every known election: id, title, voting days, origin, overrides.

    Bundled elections come with kl-wahl; user files live in the directory shown by
    `kl-wahl data path`. Example:

    \b
      kl-wahl elections --format json
    """
    from ..output import datasets

    state = state_of(ctx)
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
    fmt: ListFormat = "table",
) -> None:
    """All candidates with party/backing, votes and shares in each round, and outcome.

    Examples:

    \b
      kl-wahl candidates
      kl-wahl candidates --sort name
      kl-wahl candidates --format csv > candidates.csv
    """
    from ..core.problems import UserError
    from ..output import datasets

    state = state_of(ctx)
    election = state.election
    if sort == "ballot" and not any(c.ballot_position is not None for c in election.candidates):
        raise UserError("no_ballot_order", id=election.id, exit_code=USAGE)
    data = datasets.candidates(election, state.lang, sort)
    state.emit(data, fmt)
    unranked = sort == "result" and all(r["first_round_share"] is None for r in data.rows)
    if fmt == "table" and data.rows and unranked:  # so that no one reads a ballot order into it
        from ..i18n.catalog import t

        doc = state.doc()
        doc.line(t(state.lang, "sorted_by_surname"), "dim")
        state.show(doc)


def results_cmd(
    ctx: typer.Context,
    round_: Annotated[
        Literal["1", "2", "all"], typer.Option("--round", "-r", help="Which round: 1, 2 or all.")
    ] = "all",
    fmt: ListFormat = "table",
    svg: Annotated[
        Path | None,
        typer.Option(
            "--svg",
            metavar="FILE",
            help="Also save a chart of the results (bars, shares, votes, status, sources) as a "
            "self-contained SVG file.",
            dir_okay=False,
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite the --svg file if it exists.")
    ] = False,
    geometry: GeometryOption = None,
    candidate: ShadeOption = None,
    districts: Annotated[
        bool,
        typer.Option(
            "--districts",
            help="One row per district from an imported result file (see `kl-wahl import`).",
        ),
    ] = False,
    compare: Annotated[
        int | None,
        typer.Option(
            "--compare",
            metavar="N",
            help="With --districts: beside each candidate's share, the share in round N in the "
            "same district and the change in points (e.g. a runoff against the first round).",
        ),
    ] = None,
) -> None:
    """Results per round: turnout, votes, shares with bars, who won or went to the runoff.

    Examples:

    \b
      kl-wahl results
      kl-wahl results --round 1 --format json
      kl-wahl results --svg results.svg
      kl-wahl results --districts --round 1 --format csv
      kl-wahl results --districts --round 2 --compare 1
      kl-wahl results --svg map.svg --geometry stimmbezirke.geojson --candidate kimmel
    """
    from ..core.problems import UserError
    from ..output import datasets

    state = state_of(ctx)
    election = state.election
    lang = state.lang
    number = None if round_ == "all" else int(round_)
    rounds = [r for r in election.rounds if number is None or r.number == number]
    if number is not None and not rounds:
        raise UserError("no_round", id=election.id, n=number)
    if districts:
        from ..output.districts import districts_dataset, latest_count

        count = latest_count(election, number)
        if count is None:
            raise UserError("no_districts", n=number or (rounds[-1].number if rounds else 1))
        earlier = None
        if compare is not None:
            earlier = latest_count(election, compare)
            if earlier is None:
                raise UserError("no_districts", n=compare)
        data, unmatched = districts_dataset(election, count, lang, earlier, compare)
        if unmatched:
            from ..i18n.catalog import t

            state.warn(t(lang, "compare_unmatched", n=compare, names=", ".join(unmatched)))
        state.emit(data, fmt)
        return
    if compare is not None:
        raise UserError("compare_needs_districts", exit_code=USAGE)
    if (geometry is not None or candidate is not None) and svg is None:
        raise UserError("map_needs_svg", exit_code=USAGE)
    if svg is not None:  # first, so that a refused write stops before anything is printed
        from ..i18n.catalog import t
        from ..store.fileio import write_atomic
        from .drawing import Drawing

        text = Drawing(svg, geometry, candidate).text(state, election, number)
        write_atomic(svg, text.encode("utf-8"), force=force)
        print(t(lang, "wrote", path=svg), file=sys.stderr)
    if fmt != "table":
        state.emit(datasets.results(election, lang, number), fmt)
    else:
        doc = state.doc()
        show_results(doc, election, rounds, lang)
        state.show(doc)


def show_results(doc: Doc, election: Election, rounds: list[Round], lang: Lang) -> None:
    from ..i18n.catalog import t
    from ..output.render import results_round, round_notes

    doc.heading(election.title.get(lang))
    if not rounds:
        doc.line(t(lang, "status_no_date"))
        return
    from ..output.districts import split_table

    for rnd in rounds:
        doc.blank()
        rows = results_round(doc, election, rnd, lang)
        if rnd.tally is not None and not rnd.tally.stands:
            split_table(doc, election, rnd.tally, lang)
        for note in round_notes(election, rnd, rows, lang):
            doc.line(note, indent=2)
    if election.past_elections and len(rounds) == len(election.rounds):
        earlier(doc, election, lang)


def earlier(doc: Doc, election: Election, lang: Lang) -> None:
    """Earlier elections for comparison: shares as the source gave them, turnout and eligible
    voters where sourced, and the result's status where it is only the preliminary one."""
    from ..i18n.catalog import format_date, format_int, format_percent, t

    def digits(value: float) -> int:  # as many decimals as the source gave (55.6 %, 41.00 %)
        return len(repr(value).partition(".")[2])

    doc.blank()
    doc.heading(t(lang, "earlier_elections"))
    for past in election.past_elections:
        shares = max((digits(r.share) for r in past.results), default=2)
        extra = []
        if past.turnout is not None:
            share = format_percent(past.turnout, lang, digits(past.turnout))
            extra.append(f"{t(lang, 'turnout')} {share}")
        if past.eligible is not None:
            extra.append(f"{t(lang, 'eligible')} {format_int(past.eligible, lang)}")
        if past.status:
            extra.append(
                t(lang, "preliminary_result" if past.status == "preliminary" else past.status)
            )
        details = f", {', '.join(extra)}" if extra else ""
        doc.line(
            f"{past.label.get(lang)} – {format_date(past.day, lang)}{details} "
            f"[{', '.join(past.sources)}]",
            indent=2,
        )
        for res in past.results:
            party = f" ({res.party})" if res.party else ""
            votes = f" ({format_int(res.votes, lang)} {t(lang, 'votes_word')})" if res.votes else ""
            elected = f" – {t(lang, 'elected')}" if res.elected else ""
            share = format_percent(res.share, lang, shares)
            doc.line(f"{res.name}{party}: {share}{votes}{elected}", indent=4)
