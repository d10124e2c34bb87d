"""Per-district rows and round totals computed from an import (marked derived)."""

from __future__ import annotations

from ..formats import Cell, Column, Dataset
from ..language import Lang
from ..model import Election
from .model import District
from .store import Imported


def turnout(districts: tuple[District, ...]) -> float | None:
    """City-wide turnout as municipalities compute it: eligible voters from polling-station
    districts only (postal districts have none of their own), voters from all districts."""
    counted = [d for d in districts if d.counted]
    eligible = sum(d.eligible or 0 for d in counted if d.kind == "polling")
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
