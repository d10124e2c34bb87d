"""District results as read from an official file: what each area reported, and how complete."""

from __future__ import annotations

from ..base.record import Record
from ..core.model import District
from ..core.model import DistrictKind as Kind
from ..core.problems import Msg

__all__ = ["District", "Kind", "Snapshot"]


class Snapshot(Record):
    election_day: str
    """ISO date from the file's `datum`"""
    title: str
    ags: str
    positions: tuple[int, ...]
    """ballot positions that have a column (D1, D2, D5 …), in file order"""
    districts: tuple[District, ...]
    warnings: tuple[Msg, ...]
    """failed plausibility checks, each naming the district and column"""
    register: int | None = None
    """eligible voters of the whole area, where the file gives them in OK.VOTE's pseudo-row
    '0;Stimmberechtigte' (then every district may be a postal one, with A = 0)"""
    total: District | None = None
    """the municipality's own total, where the file has a row for it (AKDB's GEMEINDE row)"""
    groups: tuple[tuple[int, str], ...] = ()
    """(ballot position, nominating group) where the source names them (AKDB's Stimmen file,
    votemanager's result data)"""
    file_format: str = "Open Data (votemanager / OK.VOTE)"
    """which reader read it, for the source line"""
    presentation: str | None = None
    """the votemanager presentation the file was found from, where it was"""

    @property
    def counted(self) -> int:
        return sum(1 for d in self.districts if d.counted)

    @property
    def complete(self) -> bool:
        return bool(self.districts) and self.counted == len(self.districts)
