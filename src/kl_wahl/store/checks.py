"""Consistency checks on an election: references resolve and the arithmetic adds up.

References (ids used twice, unknown source ids, unknown candidate ids) are checked on the raw
document, so that every record is checked whatever else is wrong with it or with another record:
one `data validate` run names every problem. The arithmetic runs on the model, where every value
is typed. Key paths use the same 1-based positions as the reader (`rounds[2].valid`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping
from typing import Any

from ..core.model import Election, Figure, Round
from ..core.problems import Msg, Number, Problem, msg


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


WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
"""catalog keys of the weekdays"""


def _doubts(e: Election) -> Iterator[tuple[str, Msg]]:
    """Not wrong for certain, but worth a second look."""
    for i, rnd in enumerate(e.rounds, start=1):
        if rnd.day.weekday() != 6:
            day = msg(WEEKDAYS[rnd.day.weekday()])
            yield f"rounds[{i}].date", msg("not_sunday", date=rnd.day.isoformat(), day=day)


def references(doc: Mapping[str, Any]) -> Iterator[tuple[str, Msg]]:
    """Duplicate ids and unknown source or candidate ids, read from the raw TOML document."""

    def tables(key: str) -> list[Mapping[str, Any]]:
        value = doc.get(key)
        return [t for t in value if isinstance(t, Mapping)] if isinstance(value, list) else []

    def ids(key: str, field: str = "id") -> list[str]:
        return [str(t[field]) for t in tables(key) if isinstance(t.get(field), (str, int))]

    for key, field in (
        ("sources", "id"),
        ("candidates", "id"),
        ("events", "id"),
        ("rounds", "number"),
    ):
        yield from _duplicates(key, ids(key, field), field=field)
    known_sources = set(ids("sources"))
    for path, value in _walk(doc, ""):
        if path.rsplit(".", 1)[-1] in ("sources", "results_sources") and isinstance(value, list):
            for sid in value:
                if isinstance(sid, str) and sid not in known_sources:
                    yield path, msg("unknown_source", id=sid)
    known = set(ids("candidates"))
    for i, rnd in enumerate(tables("rounds"), start=1):
        results = rnd.get("results")
        for cid in results if isinstance(results, Mapping) else ():
            if cid not in known:
                yield f"rounds[{i}].results.{cid}", msg("unknown_candidate")
        preliminary = rnd.get("preliminary")
        shares = preliminary.get("shares") if isinstance(preliminary, Mapping) else None
        for cid in shares if isinstance(shares, Mapping) else ():
            if cid not in known:
                yield f"rounds[{i}].preliminary.shares.{cid}", msg("unknown_candidate")
    for i, ev in enumerate(tables("events"), start=1):
        participants = ev.get("participants")
        for cid in participants if isinstance(participants, list) else ():
            if isinstance(cid, str) and cid not in known:
                yield f"events[{i}].participants", msg("unknown_candidate_id", id=cid)


def _walk(value: Any, path: str) -> Iterator[tuple[str, Any]]:
    """(key path, value) of every key in a TOML document, arrays of tables 1-based."""
    if isinstance(value, Mapping):
        for key, item in value.items():
            inner = f"{path}.{key}" if path else str(key)
            yield inner, item
            if isinstance(item, list) and item and all(isinstance(t, Mapping) for t in item):
                for i, table in enumerate(item, start=1):
                    yield from _walk(table, f"{inner}[{i}]")
            elif isinstance(item, Mapping):
                yield from _walk(item, inner)


def _findings(e: Election) -> Iterator[tuple[str, Msg]]:
    positions = [c.ballot_position for c in e.candidates if c.ballot_position is not None]
    if len(set(positions)) != len(positions):
        yield "candidates", msg("shared_ballot_position")

    for i, rnd in enumerate(e.rounds, start=1):
        yield from _round_arithmetic(rnd, f"rounds[{i}]")
    for i, ev in enumerate(e.events, start=1):
        if (ev.neutral_title is None) != (ev.neutral_until is None):
            yield f"events[{i}]", msg("neutral_pair")
    days = [r.polls_open for r in e.rounds]
    if days != sorted(days) or [r.number for r in e.rounds] != sorted(r.number for r in e.rounds):
        yield "rounds", msg("rounds_order")


def _duplicates(path: str, ids: list[str], field: str = "id") -> Iterator[tuple[str, Msg]]:
    for value, count in Counter(ids).items():
        if count > 1:
            yield path, msg("used_times", field=field, value=value, n=count)


def _figures(rnd: Round) -> Iterator[tuple[str, Figure]]:
    for name in ("eligible", "voters", "valid", "invalid", "turnout"):
        fig = getattr(rnd, name)
        if fig is not None:
            yield name, fig


def _round_arithmetic(rnd: Round, path: str) -> Iterator[tuple[str, Msg]]:
    if rnd.polls_close <= rnd.polls_open:
        yield f"{path}.polls_close", msg("polls_order")
    eligible = rnd.eligible.value if rnd.eligible else None
    voters = rnd.voters.value if rnd.voters else None
    valid = rnd.valid.value if rnd.valid else None
    invalid = rnd.invalid.value if rnd.invalid else None
    total = sum(res.votes for res in rnd.results)
    if voters is not None and eligible is not None and voters > eligible:
        yield f"{path}.voters", msg("voters_exceed", voters=voters, eligible=eligible)
    if (
        valid is not None
        and invalid is not None
        and voters is not None
        and valid + invalid != voters
    ):
        yield f"{path}.invalid", msg("cast_mismatch", valid=valid, invalid=invalid, voters=voters)
    if valid is not None and voters is not None and valid > voters:
        yield f"{path}.valid", msg("valid_exceed", valid=valid, voters=voters)
    if valid is not None and total > valid:
        yield f"{path}.results", msg("votes_exceed", total=total, valid=valid)
    if rnd.turnout and voters is not None and eligible:
        exact = 100 * voters / eligible
        if not agrees(float(rnd.turnout.value), exact):
            yield (
                f"{path}.turnout",
                msg(
                    "turnout_mismatch",
                    published=_as_published(rnd.turnout.value),
                    voters=voters,
                    eligible=eligible,
                    exact=Number(exact, 2),
                ),
            )
    base = valid if valid else total
    for res in rnd.results:
        if valid is not None and res.votes > valid:
            yield (
                f"{path}.results.{res.candidate}.votes",
                msg("result_exceeds", votes=res.votes, valid=valid),
            )
        if res.share is not None and base:
            exact = 100 * res.votes / base
            if not agrees(res.share, exact):
                yield (
                    f"{path}.results.{res.candidate}.share",
                    msg(
                        "share_mismatch",
                        published=_as_published(res.share),
                        votes=res.votes,
                        base=base,
                        exact=Number(exact, 2),
                    ),
                )
    shares = [res.share for res in rnd.results if res.share is not None]
    if shares and len(shares) == len(rnd.results):
        yield from _sum_check(f"{path}.results", shares)
    if rnd.preliminary and rnd.preliminary.shares:
        yield from _sum_check(f"{path}.preliminary.shares", [s for _, s in rnd.preliminary.shares])


def _as_published(value: float) -> Number:
    """A published figure as the file wrote it (50.0 stays 50.0, 35.17 stays 35.17)."""
    text = repr(float(value)) if isinstance(value, float) else str(value)
    digits = len(text.split(".")[1]) if "." in text and "e" not in text else 0
    return Number(float(value), digits)


def _sum_check(path: str, shares: list[float]) -> Iterator[tuple[str, Msg]]:
    slack = sum(0.5 * 10.0 ** -decimals(s) for s in shares) + 1e-9
    if abs(sum(shares) - 100) > slack:
        yield path, msg("shares_sum", total=Number(sum(shares), 2))
