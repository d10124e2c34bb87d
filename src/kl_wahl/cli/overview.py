"""`kl-wahl` with no command: title, a status line, candidates with results, next commands."""

from __future__ import annotations

from datetime import datetime

from ..base.language import Lang
from ..core.model import Election
from ..core.standings import winner
from ..core.timeline import countdown, next_round
from ..i18n.catalog import format_date, format_int, format_percent, relative_days, t
from ..output import datasets
from ..output.doc import Doc
from ..output.render import count_lines, table
from .state import State

HINTS = (
    ("kl-wahl candidates", "hint_candidates"),
    ("kl-wahl results", "hint_results"),
    ("kl-wahl candidate NAME", "hint_candidate"),
    ("kl-wahl events", "hint_events"),
    ("kl-wahl export all -o DIR", "hint_export"),
    ("kl-wahl --help", "hint_help"),
)


def status_line(state: State, election: Election) -> str:
    lang = state.lang
    found = next_round(election, state.now)
    if found is None:
        return t(lang, "status_no_date")
    rnd, past = found
    label = election.voting_label(rnd).get(lang)
    if not past:
        cd = countdown(election, rnd, state.now)
        if cd.state == "today":
            return t(
                lang,
                "status_today",
                label=label,
                open=f"{rnd.polls_open:%H:%M}",
                close=f"{rnd.polls_close:%H:%M}",
            )
        return t(
            lang,
            "status_upcoming",
            label=label,
            date=format_date(rnd.day, lang),
            relative=relative_days(cd.days, lang),
        )
    won = winner(election)
    if won is None:
        return t(lang, "status_done_no_result", date=format_date(rnd.day, lang))
    standing, final = won
    text = t(
        lang,
        "status_done",
        winner=standing.candidate.name,
        round=t(lang, "in_runoff" if final.kind == "runoff" else "in_first_round"),
        date=format_date(final.day, lang),
        share=format_percent(standing.share, lang),
    )
    if standing.votes is not None:
        text += " " + t(lang, "status_votes", votes=format_int(standing.votes, lang))
    if final.status == "preliminary":
        text += " " + t(lang, "status_preliminary")
    return text + "."


def show(state: State) -> None:
    election = state.election
    lang = state.lang
    doc = state.doc()
    doc.heading(election.title.get(lang))
    doc.line(status_line(state, election))
    for rnd in election.rounds:  # an imported count says how complete it is, and what failed
        for label, text in count_lines(election, rnd, lang):
            doc.line(f"{rnd.label.get(lang)} – {label}: {text}")
    found = next_round(election, state.now)
    if found is not None and found[1]:  # every voting day is past: what comes next
        from .timecmds import next_election_line

        doc.line(next_election_line(state, election))
    doc.blank()
    if election.candidates:
        table(doc, datasets.candidates(election, lang), lang)
        doc.blank()
    elif election.candidates_admitted:
        doc.line(admission_line(election, lang))
        doc.blank()
    if election.outgoing or election.term:
        _office(doc, election, lang, state.now)
        doc.blank()
    if election.notes:
        doc.line(t(lang, "notes"), "bold")
        for fact in election.notes:
            derived = f" ({t(lang, 'derived')})" if fact.derived else ""
            doc.line(f"• {fact.text.get(lang)}{derived} [{', '.join(fact.sources)}]", indent=2)
        doc.blank()
    doc.line(t(lang, "hints"), "bold")
    width = max(len(cmd) for cmd, _ in HINTS) + 2
    for cmd, key in HINTS:
        doc.spans([(cmd.ljust(width), ""), (t(lang, key), "dim")], indent=2)
    state.show(doc)


def _office(doc: Doc, election: Election, lang: Lang, now: datetime) -> None:
    """Who holds the office: before the new term the outgoing mayor; from its first day the
    winner (where known) and the previous mayor. The term line names whose term it is."""
    term = election.term
    started = term is not None and now.date() >= term.start
    won = winner(election) if started else None
    if won is not None and term is not None:
        standing = won[0]
        party = f" ({standing.candidate.party.get(lang)})" if standing.candidate.party else ""
        since = format_date(term.start, lang, weekday=False)
        doc.line(f"{t(lang, 'mayor_since', date=since)}: {standing.candidate.name}{party}")
    if election.outgoing:
        person = election.outgoing
        party = f" ({person.party})" if person.party else ""
        doc.line(f"{t(lang, 'previous' if started else 'outgoing')}: {person.name}{party}")
    if term is not None:
        end = format_date(term.end, lang, weekday=False) if term.end else "–"
        derived = f" ({t(lang, 'derived')})" if term.end_derived else ""
        start_day = format_date(term.start, lang, weekday=False)
        doc.line(f"{t(lang, 'term_new')}: {start_day} – {end}{derived}")


def admission_line(election: Election, lang: Lang) -> str:
    """Said where candidates would be, before they were admitted (a what-if with --at)."""
    admitted = election.candidates_admitted
    assert admitted is not None
    derived = f" ({t(lang, 'derived')})" if admitted.derived else ""
    return t(
        lang, "candidates_not_yet", date=format_date(admitted.at.date(), lang), derived=derived
    )
