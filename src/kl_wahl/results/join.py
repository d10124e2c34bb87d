"""The one join: a stored import becomes the round's figures in the model, before any view runs.

Every command gets its election from `State.election`, which calls `join` once; tables, JSON,
CSV, exports, the chart, the overview, profiles and the prompt then show the same figures
without code of their own. The rule:

- sourced figures from the election file stand; the import is attached as the round's `count`
  (counted districts, time, source) and the views say how the district sums compare;
- a round without sourced figures takes the import's: votes per candidate, eligible voters,
  voters, valid and invalid votes added up from the counted districts (marked derived), status
  `partial` while districts are missing and `preliminary` when all are in. Turnout is left out
  until every district is counted: a turnout without the postal districts is not one;
- with `--at`, the import that was current then (the latest archived snapshot not after it);
  before the first snapshot the round has no imported figures.
"""

from __future__ import annotations

from datetime import datetime

from ..core.model import Count, Election, Figure, Result, Round, Source
from . import imported, store


def join(election: Election, at: datetime | None = None) -> Election:
    """`election` with each round's stored import joined in (itself when nothing is imported)."""
    if not imported(election.id):
        return election
    rounds: list[Round] = []
    sources = list(election.sources)
    for rnd in election.rounds:
        stored = store.load_at(election.id, rnd.number, at)
        if stored is None:
            rounds.append(rnd)
            continue
        source_id = f"IMPORT-{rnd.number}"
        sources = [s for s in sources if s.id != source_id]
        sources.append(_source(source_id, stored))
        known = {c.id for c in election.candidates}
        count = Count(
            districts=stored.districts,
            candidates=tuple(sorted((p, c) for p, c in stored.candidates.items() if c in known)),
            source=source_id,
            at=stored.time,
            warnings=stored.warnings,
            register=stored.register,
            stands=bool(rnd.results or rnd.preliminary),
        )
        rounds.append(rnd._replace(tally=count) if count.stands else with_count(rnd, count))
    return election._replace(rounds=tuple(rounds), sources=tuple(sources))


def _source(source_id: str, stored: store.Imported) -> Source:
    doc = stored.doc
    where = str(doc.get("source", ""))
    ags = doc.get("ags")
    kind = str(doc.get("file_format") or "Open Data")
    if doc.get("presentation"):
        kind += f", votemanager presentation {doc['presentation']}"
    return Source(
        id=source_id,
        url=where if "://" in where else f"file://{where}",
        publisher=f"{kind}, AGS {ags}" if ags else kind,
        title=str(doc.get("title") or "") or None,
        published=stored.time.date(),
    )


def sums(count: Count) -> dict[str, int]:
    """Votes per candidate id over the counted districts."""
    positions = dict(count.candidates)
    out = {cid: 0 for _, cid in count.candidates}
    for district in count.districts:
        if district.counted:
            for position, votes in district.votes:
                if position in positions:
                    out[positions[position]] += votes
    return out


def with_count(rnd: Round, count: Count) -> Round:
    """The round with the count's figures as its own (derived from the districts)."""
    counted = [d for d in count.districts if d.counted]
    if not counted:
        return rnd._replace(tally=count, status="partial")

    def figure(value: int | float) -> Figure:
        return Figure(value, (count.source,), derived=True)

    def total(field: str) -> int:
        return sum(getattr(d, field) or 0 for d in counted)

    eligible = count.register or sum(
        d.eligible or 0 for d in count.districts if d.kind == "polling"
    )
    voters = total("voters")
    turnout = figure(round(100 * voters / eligible, 2)) if count.complete and eligible else None
    votes = sums(count)
    return rnd._replace(
        tally=count,
        status="preliminary" if count.complete else "partial",
        eligible=figure(eligible) if eligible else None,
        voters=figure(voters),
        valid=figure(total("valid")),
        invalid=figure(total("invalid")),
        turnout=turnout,
        results=tuple(Result(cid, v) for cid, v in votes.items()),
        results_sources=(count.source,),
    )
