"""The district sums against the municipality's own total file (`import --total`).

Pure: two snapshots in, one line per figure out. The total file (the Gemeinde-Ergebnis CSV of the
same presentation) has one row for the whole municipality; every figure it gives is compared with
the sum over the district file's counted districts. Eligible voters compare with the polling
stations' (or the register row's), as the turnout is computed.
"""

from __future__ import annotations

from ..base.record import Record
from .model import District, Snapshot


class Comparison(Record):
    figure: str
    """'eligible', 'voters', 'invalid', 'valid' or 'D<n>'"""
    districts: int
    total: int

    @property
    def same(self) -> bool:
        return self.districts == self.total


def compare(districts: Snapshot, whole: District) -> list[Comparison]:
    """One comparison per figure the municipality's total (`whole`) gives."""
    counted = [d for d in districts.districts if d.counted]
    eligible = districts.register or sum(d.eligible or 0 for d in counted if d.kind == "polling")
    sums = {
        "eligible": eligible,
        "voters": sum(d.voters or 0 for d in counted),
        "invalid": sum(d.invalid or 0 for d in counted),
        "valid": sum(d.valid or 0 for d in counted),
    }
    out = [
        Comparison(name, sums[name], value)
        for name, value in (
            ("eligible", whole.eligible),
            ("voters", whole.voters),
            ("invalid", whole.invalid),
            ("valid", whole.valid),
        )
        if value is not None
    ]
    votes = {p: 0 for p in districts.positions}
    for d in counted:
        for position, v in d.votes:
            votes[position] = votes.get(position, 0) + v
    out += [Comparison(f"D{p}", votes.get(p, 0), v) for p, v in whole.votes]
    return out
