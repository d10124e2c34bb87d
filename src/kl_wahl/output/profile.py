"""A candidate's profile as plain data: facts, results per round, events and sources.

The JSON output of `kl-wahl candidate NAME --format json` is exactly this; the human view renders it.
"""

from __future__ import annotations

from datetime import datetime

from ..base.language import Lang
from ..core.model import Candidate, Election
from ..core.standings import standings
from ..core.timeline import timeline
from .datasets import event_row


def candidate_profile(
    election: Election, candidate: Candidate, lang: Lang, now: datetime
) -> dict[str, object]:
    """Everything known about one candidate, with the sources behind each part."""
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
                    "behind_previous": (
                        above.votes - st.votes
                        if above and above.votes is not None and st.votes is not None
                        else None
                    ),
                    "previous_candidate": above.candidate.name if above else None,
                    "outcome": st.outcome,
                    "sources": list(rnd.results_sources),
                }
            )
    involved = [
        ev for ev in timeline(election) if candidate.id in ev.participants and ev.kind != "vote"
    ]
    events = [event_row(election, ev, lang, now) for ev in involved]
    cited: list[str] = list(candidate.sources)
    for fact in candidate.facts:
        cited.extend(fact.sources)
    if candidate.age:
        cited.extend(candidate.age.sources)
    for rnd in election.rounds:
        if any(res["round"] == rnd.number for res in results):
            cited.extend(rnd.results_sources)
    for ev in involved:
        cited.extend(ev.sources)
    ordered = list(dict.fromkeys(cited))
    return {
        "id": candidate.id,
        "name": candidate.name,
        "party": candidate.party.get(lang) if candidate.party else None,
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
                for k in (
                    "id",
                    "when",
                    "date",
                    "time",
                    "before",
                    "title",
                    "place",
                    "relative",
                    "sources",
                )
            }
            for ev in events
        ],
        "sources": [
            {"id": s.id, "publisher": s.publisher, "url": s.url}
            for sid in ordered
            if (s := election.source(sid)) is not None
        ],
    }
