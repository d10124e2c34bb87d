"""Imported results on disk: one generated JSON file per election and round, replaced atomically.

The hand-written election file is never touched. Each import replaces
`<user data>/results/<election>/round-<n>.json`; the file it replaces moves to `archive/` beside
it with its import time in the name, so nothing is ever lost. Readers (every other command, also
while a watch is running) only ever see a complete file.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from .. import paths
from ..fileio import make_dir, write_atomic
from .model import District, Snapshot

FORMAT = "kl-wahl imported results 1"


def results_dir() -> Path:
    return paths.user_data_dir() / "results"


def round_file(election_id: str, number: int) -> Path:
    return results_dir() / election_id / f"round-{number}.json"


def save(
    election_id: str,
    number: int,
    snap: Snapshot,
    mapping: dict[int, str],
    source: str,
    fetched: str,
) -> Path:
    """Write the import for one round; the previous one goes to the archive first."""
    target = round_file(election_id, number)
    make_dir(target.parent / "archive")
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
        "election_day": snap.election_day,
        "title": snap.title,
        "ags": snap.ags,
        "candidates": {str(p): cid for p, cid in mapping.items()},
        "warnings": list(snap.warnings),
        "districts": [d._asdict() for d in snap.districts],
    }
    if target.exists():
        stamp = fetched.replace(":", "").replace("-", "")
        os.replace(target, target.parent / "archive" / f"round-{number}-{stamp}.json")
    write_atomic(
        target, (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode(), force=True
    )
    return target


class Imported:
    """One stored import, as the views need it."""

    def __init__(self, doc: dict[str, Any]) -> None:
        self.doc = doc
        self.candidates: dict[int, str] = {int(k): v for k, v in doc["candidates"].items()}
        self.districts = tuple(
            District(**{**d, "votes": tuple(tuple(v) for v in d["votes"])})
            for d in doc["districts"]
        )

    @property
    def counted(self) -> int:
        return sum(1 for d in self.districts if d.counted)


def load(election_id: str, number: int) -> Imported | None:
    """The stored import of a round, or None (also for a damaged file: `data validate` says why)."""
    try:
        doc = json.loads(round_file(election_id, number).read_text(encoding="utf-8"))
        return Imported(doc) if doc.get("format") == FORMAT else None
    except (OSError, ValueError, KeyError, TypeError):
        return None
