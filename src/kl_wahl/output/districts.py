"""Per-district rows and round totals computed from an import (marked derived)."""

from __future__ import annotations

from ..base.language import Lang
from ..core.model import Election
from ..results.model import District
from ..results.store import Imported
from .formats import Cell, Column, Dataset


def turnout(districts: tuple[District, ...], register: int | None = None) -> float | None:
    """City-wide turnout as municipalities compute it: eligible voters from polling-station
    districts only (postal districts have none of their own), or from the file's register row
    when it has one; voters from all districts."""
    counted = [d for d in districts if d.counted]
    eligible = register or sum(d.eligible or 0 for d in counted if d.kind == "polling")
    voters = sum(d.voters or 0 for d in counted)
    return round(100 * voters / eligible, 2) if eligible else None


def districts_dataset(election: Election, imported: Imported, lang: Lang) -> Dataset:
    names = {c.id: c.name for c in election.candidates}
    candidates = [(p, cid, names.get(cid, cid)) for p, cid in sorted(imported.candidates.items())]
    columns = [
        Column("number", "district_no"),
        Column("name", "district"),
        Column("kind", "kind"),
        Column("counted", "counted", human=False),
        Column("eligible", "eligible", "int"),
        Column("voters", "voters", "int"),
        Column("turnout", "turnout", "percent"),
        Column("valid", "valid", "int"),
    ]
    for _, cid, name in candidates:
        columns.append(Column(f"votes_{cid}", name, "int"))
        columns.append(Column(f"share_{cid}", "%", "percent"))
    columns.append(Column("leader", "leader"))
    rows: list[dict[str, Cell]] = []
    for d in imported.districts:
        votes = dict(d.votes)
        row: dict[str, Cell] = {
            "number": d.number,
            "name": d.name,
            "kind": d.kind,
            "counted": d.counted,
            "eligible": d.eligible if d.kind == "polling" else None,
            "voters": d.voters,
            "turnout": round(100 * d.voters / d.eligible, 2)
            if d.kind == "polling" and d.eligible and d.voters is not None
            else None,
            "valid": d.valid,
            "leader": None,
        }
        best = (0, "")
        for position, cid, name in candidates:
            v = votes.get(position)
            row[f"votes_{cid}"] = v
            row[f"share_{cid}"] = round(100 * v / d.valid, 2) if v is not None and d.valid else None
            if v is not None and v > best[0]:
                best = (v, name)
        row["leader"] = best[1] or None
        rows.append(row)
    return Dataset("districts", tuple(columns), tuple(rows))


def totals(
    districts: tuple[District, ...], candidates: dict[int, str]
) -> list[tuple[str, int, float]]:
    """(candidate id, votes, share of valid votes) over the counted districts, most votes first;
    derived from the districts, so it says nothing about districts still to come."""
    counted = [d for d in districts if d.counted]
    valid = sum(d.valid or 0 for d in counted)
    votes = {cid: 0 for cid in candidates.values()}
    for d in counted:
        for position, v in d.votes:
            if position in candidates:
                votes[candidates[position]] += v
    rows = [(cid, v, round(100 * v / valid, 2) if valid else 0.0) for cid, v in votes.items()]
    return sorted(rows, key=lambda r: -r[1])


def split(
    districts: tuple[District, ...], candidates: dict[int, str]
) -> dict[str, tuple[int, int]]:
    """candidate id -> (votes at polling stations, postal votes) over the counted districts."""
    out = {cid: (0, 0) for cid in candidates.values()}
    for d in districts:
        if not d.counted:
            continue
        for position, v in d.votes:
            if position in candidates:
                at, post = out[candidates[position]]
                out[candidates[position]] = (
                    (at + v, post) if d.kind == "polling" else (at, post + v)
                )
    return out


def strongholds(
    districts: tuple[District, ...], position: int, n: int = 3
) -> tuple[list[tuple[District, float]], list[tuple[District, float]]]:
    """A candidate's strongest and weakest `n` counted districts by share of valid votes
    ("Hochburgen"); postal districts are included, as they are reported like any other."""
    shares = [
        (d, round(100 * dict(d.votes).get(position, 0) / d.valid, 2))
        for d in districts
        if d.counted and d.valid
    ]
    ranked = sorted(shares, key=lambda pair: (-pair[1], pair[0].number))
    return ranked[:n], sorted(ranked[-n:], key=lambda pair: (pair[1], pair[0].number))
