"""Views of a round's imported count: per-district rows, the polling/postal split, strongholds.

They read the count that `results/join.py` put into the model (`Round.tally`), never the results
store, so `--at` and every output see the same snapshot.
"""

from __future__ import annotations

from ..base.language import Lang
from ..core.model import Count, District, Election, Round
from ..i18n.catalog import format_int, t
from .doc import Col, Doc, Table
from .formats import Cell, Column, Dataset


def districts_dataset(
    election: Election,
    count: Count,
    lang: Lang,
    earlier: Count | None = None,
    earlier_round: int | None = None,
) -> tuple[Dataset, list[str]]:
    """One row per district; with `earlier` (another round's count) each candidate who stood in
    both also gets the share there (`share_<id>_r<N>`) and the change in points
    (`change_<id>`). Districts are matched by number, then by name; the names of districts of
    this count without a match come back second."""
    names = {c.id: c.name for c in election.candidates}
    candidates = [(p, cid, names.get(cid, cid)) for p, cid in count.candidates]
    before = _shares_by_district(earlier) if earlier is not None else {}
    ids_before = {cid for _, cid in earlier.candidates} if earlier is not None else set()
    compared = [cid for _, cid, _ in candidates if cid in ids_before]
    unmatched: list[str] = []
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
        if cid in compared:
            columns.append(
                Column(f"share_{cid}_r{earlier_round}", f"% ({earlier_round})", "percent")
            )
            columns.append(Column(f"change_{cid}", "±", "percent"))
    columns.append(Column("leader", "leader"))
    rows: list[dict[str, Cell]] = []
    for d in count.districts:
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
        if compared:
            then = next((before[k] for k in d.keys if k in before), None)
            if then is None:
                unmatched.append(d.name)
            for cid in compared:
                old = then.get(cid) if then else None
                now = row[f"share_{cid}"]
                row[f"share_{cid}_r{earlier_round}"] = old
                row[f"change_{cid}"] = (
                    round(now - old, 2) if isinstance(now, float) and old is not None else None
                )
        rows.append(row)
    return Dataset("districts", tuple(columns), tuple(rows)), unmatched


def _shares_by_district(count: Count) -> dict[str, dict[str, float]]:
    """candidate id -> share of valid votes per counted district, keyed by number and by name."""
    positions = dict(count.candidates)
    out: dict[str, dict[str, float]] = {}
    for d in count.districts:
        if d.counted and d.valid:
            shares = {
                positions[p]: round(100 * v / d.valid, 2) for p, v in d.votes if p in positions
            }
            for k in d.keys:
                out.setdefault(k, shares)
    return out


def split(count: Count) -> dict[str, tuple[int, int | None]]:
    """candidate id -> (votes at polling stations, postal votes) over the counted districts;
    postal votes are None while a postal district is outstanding (not yet known, never 0)."""
    positions = dict(count.candidates)
    polling = {cid: 0 for _, cid in count.candidates}
    postal = dict(polling)
    for d in count.districts:
        if d.counted:
            side = polling if d.kind == "polling" else postal
            for position, v in d.votes:
                if position in positions:
                    side[positions[position]] += v
    known = not count.missing("postal")
    return {cid: (polling[cid], postal[cid] if known else None) for cid in polling}


def split_table(doc: Doc, election: Election, count: Count, lang: Lang) -> None:
    """Votes per candidate at polling stations and by post (derived from the districts)."""
    if not count.counted or not any(d.kind == "postal" for d in count.districts):
        return
    names = {c.id: c.name for c in election.candidates}
    parts = sorted(split(count).items(), key=lambda item: -item[1][0] - (item[1][1] or 0))
    heads = [
        t(lang, "candidate"),
        f"{t(lang, 'polling')} ({t(lang, 'derived')})",
        f"{t(lang, 'postal')} ({t(lang, 'derived')})",
    ]
    cells = [
        [
            [(names.get(cid, cid), "")],
            [(format_int(at, lang), "")],
            [(format_int(post, lang) if post is not None else "–", "")],
        ]
        for cid, (at, post) in parts
    ]
    records = [[(h, c[0][0]) for h, c in zip(heads, row, strict=True)] for row in cells]
    cols = [Col(heads[0])] + [Col(h, "right", no_wrap=True) for h in heads[1:]]
    doc.table(Table(cols, cells, records))


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


def counted_round(election: Election, number: int | None = None) -> Round | None:
    """Round `number` if it has a count, else (no number) the latest round that has one."""
    for rnd in reversed(election.rounds):
        if rnd.tally is not None and (number is None or rnd.number == number):
            return rnd
    return None


def latest_count(election: Election, number: int | None = None) -> Count | None:
    """The count of round `number`, else of the latest round that has one."""
    rnd = counted_round(election, number)
    return rnd.tally if rnd is not None else None
