"""The complete election as one JSON document (`kl-wahl export all --format json`).

Language-independent: texts are {"en": …, "de": …}. Derived figures say so. The layout is
documented in docs/output-formats.md and versioned by `schema_version`.
"""

from __future__ import annotations

from datetime import datetime

from .. import __version__
from ..core.model import Count, Election, Fact, Figure, Localized, Round
from ..core.projection import for_round
from ..core.standings import standings
from ..core.timeline import first_day, timeline
from .datasets import sources

JSON_SCHEMA_VERSION = 1


def _text(value: Localized | None) -> dict[str, str] | None:
    return {"en": value.en, "de": value.de} if value else None


def _figure(fig: Figure | None) -> dict[str, object] | None:
    if fig is None:
        return None
    return {
        "value": fig.value,
        "derived": fig.derived,
        "sources": list(fig.sources),
        "note": _text(fig.note),
    }


def _facts(facts: tuple[Fact, ...]) -> list[dict[str, object]]:
    return [
        {"text": _text(f.text), "derived": f.derived, "sources": list(f.sources)} for f in facts
    ]


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def _round(election: Election, rnd: Round) -> dict[str, object]:
    return {
        "number": rnd.number,
        "kind": rnd.kind,
        "label": _text(rnd.label),
        "date": rnd.day.isoformat(),
        "polls_open": rnd.polls_open.isoformat(),
        "polls_close": rnd.polls_close.isoformat(),
        "status": rnd.status,
        "eligible": _figure(rnd.eligible),
        "voters": _figure(rnd.voters),
        "valid": _figure(rnd.valid),
        "invalid": _figure(rnd.invalid),
        "turnout": _figure(rnd.turnout),
        "results": [
            {
                "candidate_id": st.candidate.id,
                "votes": st.votes,
                "share": round(st.share, 2),
                "share_derived": st.share_derived,
                "rank": st.rank,
                "outcome": st.outcome,
            }
            for st in standings(election, rnd)
        ],
        "results_sources": list(rnd.results_sources),
        "preliminary": (
            {"shares": dict(rnd.preliminary.shares), "sources": list(rnd.preliminary.sources)}
            if rnd.preliminary
            else None
        ),
        "notes": _facts(rnd.notes),
        "sources": list(rnd.sources),
        "count": _count(rnd.tally),
        "projection": projection_data(for_round(election, rnd)),
    }


def projection_data(found: object) -> dict[str, object] | None:
    """A projection (or the reason there is none) as JSON: what `results`, the JSON document
    and `watch` show."""
    from ..core.projection import NoProjection, Projection

    if isinstance(found, NoProjection):
        return {"reason": found.reason, "counted": found.counted, "needed": found.needed}
    if not isinstance(found, Projection):
        return None
    return {
        "shares": [
            {"candidate": s.candidate, "share": s.share, "low": s.low, "high": s.high}
            for s in found.shares
        ],
        "counted": found.counted,
        "expected": found.expected,
        "level": found.level,
        "method": found.method,
        "postal_assumed": found.postal_assumed,
        "unmatched": list(found.unmatched),
    }


def _count(count: Count | None) -> dict[str, object] | None:
    """The imported district count joined into the round (`results/join.py`), if any."""
    if count is None:
        return None
    return {
        "counted": count.counted,
        "expected": count.expected,
        "complete": count.complete,
        "missing_polling": count.missing("polling"),
        "missing_postal": count.missing("postal"),
        "source": count.source,
        "time": count.at.isoformat(),
        "figures_from_count": not count.stands,
        "warnings": [str(w) for w in count.warnings],
        "candidates": {f"D{p}": cid for p, cid in count.candidates},
        "districts": [
            {**d._asdict(), "counted": d.counted, "votes": {f"D{p}": v for p, v in d.votes}}
            for d in count.districts
        ],
    }


def document(election: Election) -> dict[str, object]:
    return {
        "schema_version": JSON_SCHEMA_VERSION,
        "generator": f"kl-wahl {__version__}",
        "election": {
            "id": election.id,
            "title": _text(election.title),
            "short_label": _text(election.short_label),
            "office": _text(election.office),
            "municipality": election.municipality,
            "timezone": election.timezone,
            "origin": election.origin,
        },
        "candidates": [
            {
                "id": c.id,
                "name": c.name,
                "party": _text(c.party),
                "variants": list(c.variants),
                "ballot_position": c.ballot_position,
                "age": _figure(c.age),
                "facts": _facts(c.facts),
                "sources": list(c.sources),
            }
            for c in election.candidates
        ],
        "rounds": [_round(election, r) for r in election.rounds],
        "events": [
            {
                "id": ev.id,
                "title": _text(ev.title),
                "kind": ev.kind,
                "precision": ev.when.precision,
                "date": d.isoformat()
                if (d := first_day(ev.when)) and ev.when.precision != "month"
                else None,
                "month": f"{ev.when.year:04d}-{ev.when.month:02d}"
                if ev.when.precision == "month"
                else None,
                "start": _iso(ev.when.start) if ev.when.precision == "datetime" else None,
                "end": _iso(ev.when.end),
                "before": ev.when.before.isoformat() if ev.when.before else None,
                "date_derived": ev.date_derived,
                "place": ev.place,
                "participants": list(ev.participants),
                "round": ev.round,
                "note": _text(ev.note),
                "sources": list(ev.sources),
            }
            for ev in timeline(election)
        ],
        "notes": _facts(election.notes),
        "outgoing": (
            {
                "name": election.outgoing.name,
                "party": election.outgoing.party,
                "facts": _facts(election.outgoing.facts),
                "sources": list(election.outgoing.sources),
            }
            if election.outgoing
            else None
        ),
        "term": (
            {
                "start": election.term.start.isoformat(),
                "end": election.term.end.isoformat() if election.term.end else None,
                "end_derived": election.term.end_derived,
                "years": election.term.years,
                "sources": list(election.term.sources),
            }
            if election.term
            else None
        ),
        "sources": sources(election).records(),
    }
