"""`kl-wahl candidate NAME`: find one candidate and show the profile."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any, Literal

import typer

from ..base.exitcodes import USAGE
from . import complete
from .state import State, state_of, write_json

if TYPE_CHECKING:
    from ..base.language import Lang
    from ..core.model import Candidate, Election, PastElection, PastResult
    from ..output.doc import Doc


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
    from ..core.lookup import closest, find, matches
    from ..core.problems import UserError
    from ..i18n.catalog import t
    from ..output.profile import candidate_profile

    state = state_of(ctx)
    election = state.election
    lang = state.lang
    if not name.strip():
        raise UserError("empty_name", exit_code=USAGE)
    hits = find(election.candidates, name)
    person = election.outgoing
    if not hits and person and matches([person.name, *person.variants], name):
        _show_person(state, election, fmt)
        return
    outgoing = [person.name, *person.variants] if person else []
    earlier = [
        (past, res)
        for past in election.past_elections
        for res in past.results
        if matches([res.name], name) and not matches(outgoing, res.name)
    ]
    if earlier and not hits:
        _show_earlier(state, earlier, fmt)
        return
    if earlier:  # a candidate of this election and one of an earlier one: say both
        lines = (
            *(f"  {c.name}" + (f" ({c.party.get(lang)})" if c.party else "") for c in hits),
            *(f"  {res.name} ({past.label.get(lang)})" for past, res in earlier),
            t(lang, "refine"),
        )
        raise UserError("ambiguous", name=name, n=len(hits) + len(earlier), details=lines)
    if not hits and not election.candidates and election.candidates_admitted:
        from .overview import admission_line

        raise UserError("no_candidate", name=name, details=(admission_line(election, lang),))
    if not hits:
        suggestions = closest(election.candidates, name)
        hint = t(lang, "did_you_mean", names=", ".join(suggestions)) if suggestions else ""
        raise UserError("no_candidate", name=name, details=(hint,) if hint else ())
    if len(hits) > 1:
        lines = (
            *(f"  {c.name}" + (f" ({c.party.get(lang)})" if c.party else "") for c in hits),
            t(lang, "refine"),
        )
        raise UserError("ambiguous", name=name, n=len(hits), details=lines)
    candidate = hits[0]
    profile = candidate_profile(election, candidate, lang, state.now)
    profile["strongholds"] = strongholds(election, candidate.id, lang)
    if fmt == "json":
        write_json(profile)
        return
    doc = state.doc()
    show_profile(doc, election, candidate, profile, lang)
    state.show(doc)


def _refs(ids: object) -> str:
    return f" [{', '.join(ids)}]" if isinstance(ids, list) and ids else ""


def show_profile(
    doc: Doc, election: Election, candidate: Candidate, profile: dict[str, object], lang: Lang
) -> None:
    from datetime import date

    from ..i18n.catalog import format_date_short, format_int, format_percent, t
    from ..output.render import outcome_text, source_line

    doc.heading(candidate.name)
    if candidate.party:
        party = candidate.party.get(lang)
        doc.line(f"{t(lang, 'party')}: {party}{_refs(profile['party_sources'])}")
    age = profile["age"]
    if isinstance(age, dict):
        note = f" ({age['note']})" if age["note"] else ""
        derived = f" ({t(lang, 'derived')})" if age["derived"] else ""
        doc.line(f"{t(lang, 'age')}: {age['value']}{note}{derived}{_refs(age['sources'])}")
    for fact in _section(doc, lang, "profile", profile["facts"]):
        derived = f" ({t(lang, 'derived')})" if fact["derived"] else ""
        doc.line(f"• {fact['text']}{derived}{_refs(fact['sources'])}", indent=2)
    for res in _section(doc, lang, "results", profile["results"]):
        derived = f" ({t(lang, 'derived')})" if res["share_derived"] else ""
        status = f", {t(lang, res['status'])}" if res["status"] else ""
        outcome = outcome_text(res["outcome"], lang)
        # election night before the official result: only shares were published, no votes
        votes = (
            f"{format_int(res['votes'], lang)} {t(lang, 'votes_word')} · "
            if res["votes"] is not None
            else ""
        )
        share = format_percent(res["share"], lang)
        when = format_date_short(date.fromisoformat(res["date"]), lang)
        doc.line(
            f"{res['label']}, {when}{status}: {votes}"
            f"{share}{derived} · {t(lang, 'rank_word')} {res['rank']} · {outcome}"
            f"{_refs(res['sources'])}",
            indent=2,
        )
        margins = []
        if res["previous_candidate"] and res["behind_previous"] is not None:
            margins.append(
                _margin(lang, res["behind_previous"], res["previous_candidate"], behind=True)
            )
        if res["next_candidate"] and res["margin_to_next"] is not None:
            margins.append(
                _margin(lang, res["margin_to_next"], res["next_candidate"], behind=False)
            )
        if margins:
            doc.line("; ".join(margins) + f" ({t(lang, 'derived')})", indent=4)
    for ev in _section(doc, lang, "events", profile["events"]):
        place = f" – {ev['place']}" if ev["place"] else ""
        doc.line(f"{ev['when']}  {ev['title']}{place}{_refs(ev['sources'])}", indent=2)
    for entry in _section(doc, lang, "strongholds", profile["strongholds"]):
        for key in ("strongest", "weakest"):
            listed = ", ".join(
                f"{d['name']} {format_percent(d['share'], lang)}" for d in entry[key]
            )
            doc.line(f"{t(lang, key)} ({entry['label']}): {listed}", indent=2)
    for cited in _section(doc, lang, "sources", profile["sources"]):
        source = election.source(cited["id"])
        if source:
            source_line(doc, source)


def _section(doc: Doc, lang: Lang, key: str, items: object) -> list[Any]:
    """Add the heading of a non-empty profile section; return its items (none if empty)."""
    from ..i18n.catalog import t

    if not isinstance(items, list) or not items:
        return []
    doc.blank()
    doc.line(t(lang, key), "bold")
    return items


def _margin(lang: Lang, votes: object, other: object, behind: bool) -> str:
    from ..i18n.catalog import format_int

    n = format_int(int(votes), lang) if isinstance(votes, int) else "?"
    if lang == "de":
        return f"{n} Stimmen hinter {other}" if behind else f"{n} Stimmen vor {other}"
    return f"{n} votes behind {other}" if behind else f"{n} votes ahead of {other}"


def strongholds(election: Election, candidate_id: str, lang: Lang) -> list[dict[str, object]]:
    """Per round with imported district results: the candidate's three strongest and weakest
    districts by share (derived from the districts)."""
    from ..output.districts import strongholds as ranked

    out: list[dict[str, object]] = []
    for rnd in election.rounds:
        if rnd.tally is None:
            continue
        position = next((p for p, cid in rnd.tally.candidates if cid == candidate_id), None)
        if position is None:
            continue
        best, worst = ranked(rnd.tally.districts, position)
        if not best:
            continue
        out.append(
            {
                "round": rnd.number,
                "label": rnd.label.get(lang),
                "derived": True,
                "strongest": [{"number": d.number, "name": d.name, "share": s} for d, s in best],
                "weakest": [{"number": d.number, "name": d.name, "share": s} for d, s in worst],
            }
        )
    return out


def _show_earlier(state: State, earlier: list[tuple[PastElection, PastResult]], fmt: str) -> None:
    """Someone who ran in an earlier election (`candidate welsch` finds Nico Welsch, 2014)."""
    from ..i18n.catalog import format_date_short, format_int, format_percent, t

    lang = state.lang
    rows = [
        {
            "name": res.name,
            "party": res.party,
            "election": past.label.get(lang),
            "date": past.day.isoformat(),
            "share": res.share,
            "votes": res.votes,
            "elected": res.elected,
            "status": past.status,
            "sources": list(past.sources),
        }
        for past, res in earlier
    ]
    if fmt == "json":
        write_json({"earlier_elections": rows})
        return
    doc = state.doc()
    for (past, res), row in zip(earlier, rows, strict=True):
        party = f" ({res.party})" if res.party else ""
        votes = f", {format_int(res.votes, lang)} {t(lang, 'votes_word')}" if res.votes else ""
        elected = f" – {t(lang, 'elected')}" if res.elected else ""
        # as many decimals as the source gave for that election (41.00 % beside 5.42 %)
        digits = max(len(repr(r.share).partition(".")[2]) for r in past.results)
        doc.heading(f"{res.name}{party}")
        doc.line(
            f"{past.label.get(lang)}, {format_date_short(past.day, lang)}: "
            f"{format_percent(res.share, lang, digits)}{votes}{elected}{_refs(row['sources'])}",
            indent=2,
        )
    state.show(doc)


def _show_person(state: State, election: Election, fmt: str) -> None:
    """The outgoing mayor: not a candidate, but someone people look up (`candidate weichel`)."""
    from ..i18n.catalog import t

    person = election.outgoing
    assert person is not None
    lang = state.lang
    facts = [
        {"text": f.text.get(lang), "derived": f.derived, "sources": list(f.sources)}
        for f in person.facts
    ]
    if fmt == "json":
        write_json(
            {
                "name": person.name,
                "party": person.party,
                "role": "outgoing_mayor",
                "facts": facts,
                "sources": list(person.sources),
            }
        )
        return
    doc = state.doc()
    doc.heading(person.name)
    party = f" ({person.party})" if person.party else ""
    started = election.term is not None and state.now.date() >= election.term.start
    role = t(lang, "previous" if started else "outgoing")
    doc.line(f"{role}{party}{_refs(list(person.sources))}")
    for fact in _section(doc, lang, "profile", facts):
        derived = f" ({t(lang, 'derived')})" if fact["derived"] else ""
        doc.line(f"• {fact['text']}{derived}{_refs(fact['sources'])}", indent=2)
    state.show(doc)
