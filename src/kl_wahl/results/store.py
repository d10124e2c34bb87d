"""Imported results on disk: one generated JSON file per election and round, replaced atomically.

The hand-written election file is never touched. Each import replaces
`<user data>/results/<election>/round-<n>.json`; the file it replaces moves to `archive/` beside
it with its import time in the name, so nothing is ever lost. Readers (every other command, also
while a watch is running) only ever see a complete file.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..store import paths
from .model import District

if TYPE_CHECKING:
    from .model import Snapshot

FORMAT = "kl-wahl imported results 1"


def round_file(election_id: str, number: int) -> Path:
    return paths.results_dir() / election_id / f"round-{number}.json"


def save(
    election_id: str,
    number: int,
    snap: Snapshot,
    mapping: dict[int, str],
    source: str,
    fetched: str,
    raw: bytes,
) -> Path:
    """Write the import for one round; the previous one goes to the archive first, and the raw
    file as read goes to the archive too, named by its fetch time."""
    import json

    from ..store.fileio import make_dir, write_atomic

    target = round_file(election_id, number)
    make_dir(target.parent / "archive")
    archive = target.parent / "archive"
    write_atomic(_free(archive, f"round-{number}-{_stamp(fetched)}", ".csv"), raw)
    doc: dict[str, Any] = {
        "format": FORMAT,
        "generated": "by `kl-wahl import`; do not edit (import again instead)",
        "election": election_id,
        "round": number,
        "source": source,
        "fetched": fetched,
        "status": "complete" if snap.complete else "partial",
        "result_status": "preliminary",
        "districts_counted": snap.counted,
        "districts_expected": len(snap.districts),
        "eligible_register": snap.register,
        "election_day": snap.election_day,
        "title": snap.title,
        "ags": snap.ags,
        "candidates": {str(p): cid for p, cid in mapping.items()},
        "warnings": list(snap.warnings),
        "districts": [d._asdict() for d in snap.districts],
    }
    if target.exists():
        previous = load(election_id, number)
        old = _stamp(previous.doc["fetched"]) if previous else "unknown"
        os.replace(target, _free(archive, f"round-{number}-{old}", ".json"))
    write_atomic(
        target, (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode(), force=True
    )
    return target


def _stamp(iso: str) -> str:
    return iso.replace(":", "").replace("-", "")


def _free(folder: Path, stem: str, suffix: str) -> Path:
    """`stem.suffix` in `folder`, or `stem-2.suffix` … when several arrive within a second."""
    path = folder / f"{stem}{suffix}"
    n = 1
    while path.exists():
        n += 1
        path = folder / f"{stem}-{n}{suffix}"
    return path


class Imported:
    """One stored import, as the views need it."""

    def __init__(self, doc: dict[str, Any]) -> None:
        self.doc = doc
        self.candidates: dict[int, str] = {int(k): v for k, v in doc["candidates"].items()}
        self.register: int | None = doc.get("eligible_register")
        self.districts = tuple(
            District(**{**d, "votes": tuple(tuple(v) for v in d["votes"])})
            for d in doc["districts"]
        )

    @property
    def counted(self) -> int:
        return sum(1 for d in self.districts if d.counted)


def load(election_id: str, number: int) -> Imported | None:
    """The stored import of a round, or None (also for a damaged file: `data validate` says why)."""
    path = round_file(election_id, number)
    if not path.is_file():  # the usual case: nothing imported, nothing more to read
        return None
    import json

    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
        return Imported(doc) if doc.get("format") == FORMAT else None
    except (OSError, ValueError, KeyError, TypeError):
        return None


def check(path: Path) -> list[str]:
    """Problems of a stored import (for `data validate`); empty when it reads back whole."""
    import json

    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return [f"{path}: cannot read ({exc})"]
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        return [f"{path}: not a kl-wahl import (format '{FORMAT}' expected)"]
    try:
        imported = Imported(doc)
    except (KeyError, TypeError, ValueError) as exc:
        return [f"{path}: damaged import ({exc!r}); import the file again"]
    problems = []
    if imported.counted != doc.get("districts_counted"):
        problems.append(
            f"{path}: districts_counted is {doc.get('districts_counted')}, "
            f"but {imported.counted} districts have figures"
        )
    positions = {p for d in imported.districts for p, _ in d.votes}
    unmapped = sorted(positions - set(imported.candidates))
    if unmapped:
        problems.append(f"{path}: no candidate for D{', D'.join(map(str, unmapped))}")
    return problems
