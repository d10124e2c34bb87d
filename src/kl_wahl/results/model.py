"""District results as read from an official file: what each area reported, and how complete."""

from __future__ import annotations

from typing import Literal

from ..base.record import Record

Kind = Literal["polling", "postal"]


class District(Record):
    number: str
    """the area number as published (a string: '0111' and '111' are different districts)"""
    name: str
    kind: Kind
    expected: int
    """quick reports expected (max-schnellmeldungen)"""
    received: int
    eligible: int | None
    voters: int | None
    invalid: int | None
    valid: int | None
    votes: tuple[tuple[int, int], ...]
    """(ballot position, votes); empty until the district has figures"""

    @property
    def counted(self) -> bool:
        """Reported with figures: an empty row (or anz = max without numbers) is not counted."""
        return self.received >= self.expected and self.valid is not None


class Snapshot(Record):
    election_day: str
    """ISO date from the file's `datum`"""
    title: str
    ags: str
    positions: tuple[int, ...]
    """ballot positions that have a column (D1, D2, D5 …), in file order"""
    districts: tuple[District, ...]
    warnings: tuple[str, ...]
    """failed plausibility checks, each naming the district and column"""
    register: int | None = None
    """eligible voters of the whole area, where the file gives them in OK.VOTE's pseudo-row
    '0;Stimmberechtigte' (then every district may be a postal one, with A = 0)"""

    @property
    def counted(self) -> int:
        return sum(1 for d in self.districts if d.counted)

    @property
    def complete(self) -> bool:
        return bool(self.districts) and self.counted == len(self.districts)
