"""What a new snapshot may replace: the stored state only ever becomes more complete.

Pure: the districts of the stored import and of the new snapshot in, a verdict out. A snapshot
replaces the stored one only if it covers the same districts (the same set of area numbers) and
loses no counted district; a shrunken, half-written, header-only or older file is *held* — nothing
is replaced, and the reason is said in one line. Corrections of a counted district's figures are
normal on election night: they are accepted and named. `import --replace` overrides on purpose.
"""

from __future__ import annotations

from ..base.record import Record
from ..core.model import District


class Verdict(Record):
    held: str | None
    """the message key of why the snapshot may not replace the stored state (None: it may)"""
    values: dict[str, object]
    corrected: tuple[str, ...] = ()
    """numbers of districts counted in both whose figures changed"""


def judge(
    stored: tuple[District, ...], new: tuple[District, ...], stored_day: str, new_day: str
) -> Verdict:
    """May `new` (for election day `new_day`) replace `stored`?"""
    before = {d.number: d for d in stored}
    after = {d.number: d for d in new}
    if not after:
        return Verdict("held_empty", {"stored": len(before)})
    if new_day != stored_day:
        return Verdict("held_day", {"day": new_day, "stored": stored_day})
    if set(after) != set(before):
        common = len(set(after) & set(before))
        if set(after) < set(before):
            return Verdict("held_subset", {"n": len(after), "stored": len(before)})
        return Verdict("held_differ", {"new": len(after) - common, "missing": len(before) - common})
    lost = sorted(n for n, d in before.items() if d.counted and not after[n].counted)
    if lost:
        was = sum(d.counted for d in before.values())
        now = sum(d.counted for d in after.values())
        shown = ", ".join(lost[:5]) + (" …" if len(lost) > 5 else "")
        return Verdict("held_older", {"n": now, "stored": was, "lost": shown})
    corrected = tuple(
        sorted(n for n, d in before.items() if d.counted and after[n].counted and after[n] != d)
    )
    return Verdict(None, {}, corrected)
