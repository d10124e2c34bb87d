"""Consistency checks on a loaded election: references resolve and the arithmetic adds up.

These run on the model, after the structure has been read, so every check can rely on typed values.
Key paths use the same 1-based positions as the reader (`rounds[2].valid`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from ..core.model import Election, Fact, Figure, Round
from ..core.problems import Problem


def decimals(value: float) -> int:
    """How many decimals a published percentage has, so a check allows exactly its rounding."""
    text = repr(float(value))
    if "e" in text or "." not in text:
        return 0
    fraction = text.split(".", 1)[1].rstrip("0")
    return len(fraction)


def agrees(published: float, exact: float) -> bool:
    """True when `published` is `exact` rounded to the decimals that `published` shows."""
    return abs(published - exact) <= 0.5 * 10.0 ** -decimals(published) + 1e-9


def check_election(election: Election, file: str) -> list[Problem]:
    return [Problem(file, message, key=key) for key, message in _findings(election)] + [
        Problem(file, message, key=key, severity="warning") for key, message in _doubts(election)
    ]


WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _doubts(e: Election) -> Iterator[tuple[str, str]]:
    """Not wrong for certain, but worth a second look."""
    for i, rnd in enumerate(e.rounds, start=1):
        if rnd.day.weekday() != 6:
            yield (
                f"rounds[{i}].date",
                f"{rnd.day.isoformat()} is a {WEEKDAYS[rnd.day.weekday()]}; "
                "German elections are held on Sundays",
            )


def _findings(e: Election) -> Iterator[tuple[str, str]]:
    yield from _duplicates("sources", [s.id for s in e.sources])
    yield from _duplicates("candidates", [c.id for c in e.candidates])
    yield from _duplicates("events", [ev.id for ev in e.events])
    yield from _duplicates("rounds", [str(r.number) for r in e.rounds], field="number")
    positions = [c.ballot_position for c in e.candidates if c.ballot_position is not None]
    if len(set(positions)) != len(positions):
        yield "candidates", "two candidates share a ballot_position"

    known_sources = {s.id for s in e.sources}
    for key, ids in _source_refs(e):
        for sid in ids:
            if sid not in known_sources:
                yield key, f"unknown source id '{sid}' (not in [[sources]])"

    known = {c.id for c in e.candidates}
    for i, rnd in enumerate(e.rounds, start=1):
        for res in rnd.results:
            if res.candidate not in known:
                yield f"rounds[{i}].results.{res.candidate}", "unknown candidate id"
        if rnd.preliminary:
            for cid, _ in rnd.preliminary.shares:
                if cid not in known:
                    yield f"rounds[{i}].preliminary.shares.{cid}", "unknown candidate id"
        yield from _round_arithmetic(rnd, f"rounds[{i}]")
    for i, ev in enumerate(e.events, start=1):
        for cid in ev.participants:
            if cid not in known:
                yield f"events[{i}].participants", f"unknown candidate id '{cid}'"
        if (ev.neutral_title is None) != (ev.neutral_until is None):
            yield f"events[{i}]", "neutral_title and neutral_until go together"
    days = [r.polls_open for r in e.rounds]
    if days != sorted(days) or [r.number for r in e.rounds] != sorted(r.number for r in e.rounds):
        yield "rounds", "rounds must be listed in order, numbered by date"


def _duplicates(path: str, ids: list[str], field: str = "id") -> Iterator[tuple[str, str]]:
    for value, count in Counter(ids).items():
        if count > 1:
            yield path, f"{field} '{value}' is used {count} times"


def _facts(path: str, facts: tuple[Fact, ...]) -> Iterator[tuple[str, tuple[str, ...]]]:
    for i, fact in enumerate(facts, start=1):
        yield f"{path}[{i}].sources", fact.sources


def _source_refs(e: Election) -> Iterator[tuple[str, tuple[str, ...]]]:
    for i, c in enumerate(e.candidates, start=1):
        yield f"candidates[{i}].sources", c.sources
        if c.age:
            yield f"candidates[{i}].age.sources", c.age.sources
        yield from _facts(f"candidates[{i}].facts", c.facts)
    for i, rnd in enumerate(e.rounds, start=1):
        path = f"rounds[{i}]"
        yield f"{path}.sources", rnd.sources
        yield f"{path}.results_sources", rnd.results_sources
        for name, fig in _figures(rnd):
            yield f"{path}.{name}.sources", fig.sources
        if rnd.preliminary:
            yield f"{path}.preliminary.sources", rnd.preliminary.sources
        yield from _facts(f"{path}.notes", rnd.notes)
    for i, ev in enumerate(e.events, start=1):
        yield f"events[{i}].sources", ev.sources
    yield from _facts("notes", e.notes)
    if e.outgoing:
        yield "outgoing.sources", e.outgoing.sources
        yield from _facts("outgoing.facts", e.outgoing.facts)
    if e.term:
        yield "term.sources", e.term.sources


def _figures(rnd: Round) -> Iterator[tuple[str, Figure]]:
    for name in ("eligible", "voters", "valid", "invalid", "turnout"):
        fig = getattr(rnd, name)
        if fig is not None:
            yield name, fig


def _round_arithmetic(rnd: Round, path: str) -> Iterator[tuple[str, str]]:
    if rnd.polls_close <= rnd.polls_open:
        yield f"{path}.polls_close", "polls must close after they open"
    eligible = rnd.eligible.value if rnd.eligible else None
    voters = rnd.voters.value if rnd.voters else None
    valid = rnd.valid.value if rnd.valid else None
    invalid = rnd.invalid.value if rnd.invalid else None
    total = sum(res.votes for res in rnd.results)
    if voters is not None and eligible is not None and voters > eligible:
        yield f"{path}.voters", f"{voters} voters exceed {eligible} eligible voters"
    if (
        valid is not None
        and invalid is not None
        and voters is not None
        and valid + invalid != voters
    ):
        yield f"{path}.invalid", f"valid {valid} + invalid {invalid} != voters {voters}"
    if valid is not None and voters is not None and valid > voters:
        yield f"{path}.valid", f"{valid} valid votes exceed {voters} voters"
    if valid is not None and total > valid:
        yield f"{path}.results", f"the votes add up to {total}, more than the {valid} valid votes"
    if rnd.turnout and voters is not None and eligible:
        exact = 100 * voters / eligible
        if not agrees(float(rnd.turnout.value), exact):
            yield (
                f"{path}.turnout",
                (
                    f"{rnd.turnout.value} % does not match {voters} voters / {eligible} eligible "
                    f"= {exact:.2f} %"
                ),
            )
    base = valid if valid else total
    for res in rnd.results:
        if valid is not None and res.votes > valid:
            yield (
                f"{path}.results.{res.candidate}.votes",
                f"{res.votes} exceeds {valid} valid votes",
            )
        if res.share is not None and base:
            exact = 100 * res.votes / base
            if not agrees(res.share, exact):
                yield (
                    f"{path}.results.{res.candidate}.share",
                    (f"{res.share} % does not match {res.votes} / {base} votes = {exact:.2f} %"),
                )
    shares = [res.share for res in rnd.results if res.share is not None]
    if shares and len(shares) == len(rnd.results):
        yield from _sum_check(f"{path}.results", shares)
    if rnd.preliminary and rnd.preliminary.shares:
        yield from _sum_check(f"{path}.preliminary.shares", [s for _, s in rnd.preliminary.shares])


def _sum_check(path: str, shares: list[float]) -> Iterator[tuple[str, str]]:
    slack = sum(0.5 * 10.0 ** -decimals(s) for s in shares) + 1e-9
    if abs(sum(shares) - 100) > slack:
        yield path, f"shares add up to {sum(shares):.2f} %, not 100 %"
