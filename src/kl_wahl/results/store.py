"""Imported results on disk: one generated JSON file per election and round, never lost.

The hand-written election file is never touched. Under `<user data>/results/<election>/`:

- `round-<n>.json` is the current import of round n, replaced atomically (written whole and
  fsynced, then renamed over the old one), so a reader sees the old file or the new one, never a
  gap — also while a `watch` is writing, after a kill or on a full disk;
- `archive/round-<n>-<time>.json` and `.csv` keep every stored snapshot and the raw file it came
  from, named by the snapshot's time (the server's Last-Modified, else the fetch time, in UTC).
  The archive copy is written first, with exclusive creation, so no writer replaces another's;
  `--at` replays the night from these files.

A file whose bytes equal the current import's (by SHA-256) is not stored again. Writers of one
election take a lock (`.lock`, held by the process); a second writer waits briefly, then is
told. Compact JSON, written by the standard library's C encoder.
"""

from __future__ import annotations

import contextlib
import os
import re
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..core.model import District
from ..core.problems import Msg, UserError, dump, msg, undump
from ..store import paths

if TYPE_CHECKING:
    from collections.abc import Iterator

    from .model import Snapshot

FORMAT = "kl-wahl imported results 2"
READABLE = ("kl-wahl imported results 1", FORMAT)
"""0.2.0 wrote format 1 (indented, `fetched` as ISO text, no hash); it still reads"""
LOCK_WAIT = 10.0
"""seconds a second writer waits for the first before it is told"""
_STAMP = re.compile(r"round-(\d+)-(\d{8}T\d{6})Z?(?:[+-]\d{4})?(?:-\d+)?\.json$")


def election_dir(election_id: str) -> Path:
    return paths.results_dir() / election_id


def round_file(election_id: str, number: int) -> Path:
    return election_dir(election_id) / f"round-{number}.json"


def stamp(moment: datetime) -> str:
    """'20200913T174400Z': the UTC time in a file name."""
    return moment.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def save(
    election_id: str,
    number: int,
    snap: Snapshot,
    mapping: dict[int, str],
    source: str,
    fetched: datetime,
    raw: bytes,
    modified: datetime | None = None,
    validators: tuple[str | None, str | None] = (None, None),
) -> Path | None:
    """Store `snap` as the round's current import and archive it with its raw file.

    `validators` are the server's ETag and Last-Modified as sent, kept so that the next `import`
    or `watch` of the same address asks conditionally. Returns the round file, or None when
    `raw` is the very file already stored (nothing written).
    """
    import hashlib

    from ..store.fileio import make_dir, write_atomic

    digest = hashlib.sha256(raw).hexdigest()
    target = round_file(election_id, number)
    archive = target.parent / "archive"
    make_dir(archive)
    with lock(election_id):
        for stale in [*target.parent.glob(".*.tmp"), *archive.glob(".*.tmp")]:  # a killed writer's
            with contextlib.suppress(OSError):
                stale.unlink()
        current = load(election_id, number)
        same = current is not None and current.doc.get("sha256") == digest
        if same and current is not None and current.candidates == mapping:
            return None  # the very file, mapped the same way (a new --map is stored)
        at = modified or fetched
        doc: dict[str, Any] = {
            "format": FORMAT,
            "generated": "by `kl-wahl import`; do not edit (import again instead)",
            "election": election_id,
            "round": number,
            "source": source,
            "fetched": fetched.astimezone(timezone.utc).isoformat(),
            "last_modified": modified.astimezone(timezone.utc).isoformat() if modified else None,
            "time": at.astimezone(timezone.utc).isoformat(),
            "sha256": digest,
            "etag": validators[0],
            "last_modified_header": validators[1],
            "status": "complete" if snap.complete else "partial",
            "result_status": "preliminary",
            "districts_counted": snap.counted,
            "districts_expected": len(snap.districts),
            "eligible_register": snap.register,
            "election_day": snap.election_day,
            "title": snap.title,
            "ags": snap.ags,
            "file_format": snap.file_format,
            "presentation": snap.presentation,
            "candidates": {str(p): cid for p, cid in mapping.items()},
            "warnings": [str(w) for w in snap.warnings],
            "warning_messages": [dump(w) for w in snap.warnings],
            "districts": [list(d) for d in snap.districts],
        }
        import json

        data = json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"
        if current is not None and current.legacy:
            _keep(archive, number, current)  # a 0.2.0 store: its current file is not archived yet
        stem = _create(archive, f"round-{number}-{stamp(at)}", {".csv": raw, ".json": data})
        try:
            write_atomic(target, data, force=True)
        except UserError:
            for suffix in (".csv", ".json"):  # not stored: the archive keeps nothing of it
                with contextlib.suppress(OSError):
                    os.unlink(archive / f"{stem}{suffix}")
            raise
    return target


def _keep(archive: Path, number: int, current: Imported) -> None:
    """Put a current file of the old layout into the archive (linked, else copied)."""
    stem = f"round-{number}-{stamp(current.time)}"
    with contextlib.suppress(FileExistsError):
        _create(archive, stem, {".json": current.path.read_bytes()})


def _create(folder: Path, stem: str, files: dict[str, bytes]) -> str:
    """Write `stem<suffix>` for each file, choosing `stem-2`, `stem-3` … when the name is taken;
    the stem used. Each file is written whole and fsynced under a temporary name first, then
    linked to its name, which fails rather than replaces when the name exists: an archive file
    is complete or absent, and no writer replaces another's."""
    import tempfile

    staged: dict[str, str] = {}
    try:
        for suffix, data in files.items():
            fd, tmp = tempfile.mkstemp(dir=folder, prefix=".archive.", suffix=".tmp")
            staged[suffix] = tmp
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        n = 1
        while True:
            name = stem if n == 1 else f"{stem}-{n}"
            linked: list[Path] = []
            try:
                for suffix, tmp in staged.items():
                    os.link(tmp, folder / f"{name}{suffix}")
                    linked.append(folder / f"{name}{suffix}")
                return name
            except FileExistsError:
                for path in linked:
                    os.unlink(path)
                n += 1
    except OSError as exc:
        raise UserError("cannot_write", path=folder, reason=exc.strerror or exc) from None
    finally:
        for tmp in staged.values():
            with contextlib.suppress(OSError):
                os.unlink(tmp)


@contextlib.contextmanager
def lock(election_id: str) -> Iterator[None]:
    """One writer per election at a time (an advisory lock the system drops with the process)."""
    try:
        import fcntl
    except ImportError:  # Windows: no advisory locks here; writes stay atomic all the same
        yield
        return
    path = election_dir(election_id) / ".lock"
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise UserError("cannot_write", path=path, reason=exc.strerror or exc) from None
    try:
        deadline = time.monotonic() + LOCK_WAIT
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    holder = os.pread(fd, 32, 0).decode(errors="replace").strip() or "?"
                    raise UserError("store_locked", id=election_id, pid=holder) from None
                time.sleep(0.05)
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        yield
    finally:
        os.close(fd)  # closing drops the lock


class Imported:
    """One stored import, as the join needs it."""

    def __init__(self, doc: dict[str, Any], path: Path) -> None:
        self.doc = doc
        self.path = path
        self.legacy = doc["format"] != FORMAT
        """written by 0.2.0, which did not archive the current file"""
        self.candidates: dict[int, str] = {int(k): v for k, v in doc["candidates"].items()}
        self.register: int | None = doc.get("eligible_register")
        self.districts = tuple(_district(d) for d in doc["districts"])
        said = doc.get("warning_messages", doc.get("warnings", ()))
        self.warnings: tuple[Msg, ...] = tuple(undump(w) for w in said)
        self.time = _moment(doc.get("time") or doc["fetched"])

    @property
    def counted(self) -> int:
        return sum(1 for d in self.districts if d.counted)

    def snapshot(self) -> Snapshot:
        """The snapshot as it was read from the file."""
        from .model import Snapshot

        doc = self.doc
        voted = {p for d in self.districts for p, _ in d.votes}
        positions = tuple(sorted(voted | set(self.candidates)))
        return Snapshot(
            doc["election_day"],
            doc["title"],
            doc["ags"],
            positions,
            self.districts,
            self.warnings,
            self.register,
        )


def _district(row: Any) -> District:
    """A district from its stored form: a list (format 2) or an object (format 1)."""
    if not isinstance(row, dict):
        row = dict(zip(District._fields, row, strict=True))
    votes = tuple((int(p), int(v)) for p, v in row["votes"])
    return District(**{**row, "votes": votes})


def _moment(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _read(path: Path) -> dict[str, Any] | None:
    import json

    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return doc if isinstance(doc, dict) and doc.get("format") in READABLE else None


def _imported(path: Path) -> Imported | None:
    doc = _read(path)
    if doc is None:
        return None
    try:
        return Imported(doc, path)
    except (KeyError, TypeError, ValueError):
        return None


def load(election_id: str, number: int) -> Imported | None:
    """The current import of a round, or None (also for a damaged file: `data validate` says
    why)."""
    path = round_file(election_id, number)
    if not path.is_file():  # the usual case: nothing imported, nothing more to read
        return None
    return _imported(path)


def validators(election_id: str, source: str) -> tuple[str | None, str | None]:
    """The ETag and Last-Modified of the latest import of `source` into the election, for a
    conditional request: (None, None) when there is none."""
    best = latest_of(election_id, source)
    if best is None:
        return None, None
    return best.doc.get("etag"), best.doc.get("last_modified_header")


def latest_of(election_id: str, source: str) -> Imported | None:
    """The current import of whichever round was last imported from `source`."""
    best: Imported | None = None
    with contextlib.suppress(OSError):
        for entry in os.scandir(election_dir(election_id)):
            match = re.fullmatch(r"round-(\d+)\.json", entry.name)
            found = load(election_id, int(match[1])) if match else None
            newer = found is not None and (best is None or found.time > best.time)
            if found is not None and newer and found.doc.get("source") == source:
                best = found
    return best


def load_at(election_id: str, number: int, at: datetime | None) -> Imported | None:
    """The import of a round as it stood at `at` (None: now): the latest archived snapshot whose
    time is not after `at`; None before the first one."""
    if at is None:
        return load(election_id, number)
    archive = election_dir(election_id) / "archive"
    best: tuple[str, Path] | None = None
    limit = stamp(at)
    with contextlib.suppress(OSError):
        for entry in os.scandir(archive):
            match = _STAMP.match(entry.name)
            if match and int(match[1]) == number and match[2] + "Z" <= limit:
                key = (match[2], entry.name)
                if best is None or key > (best[0], best[1].name):
                    best = (match[2], Path(entry.path))
    if best is None:
        current = load(election_id, number)  # a 0.2.0 store has only its current file
        return current if current is not None and current.time <= at else None
    return _imported(best[1])


def check(path: Path) -> list[Msg]:
    """Problems of a stored import (for `data validate`); empty when it reads back whole."""
    import json

    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return [msg("store_unreadable", path=path, reason=str(exc))]
    if not isinstance(doc, dict) or doc.get("format") not in READABLE:
        return [msg("store_not_import", path=path, format=FORMAT)]
    try:
        imported = Imported(doc, path)
    except (KeyError, TypeError, ValueError) as exc:
        return [msg("store_damaged", path=path, reason=repr(exc))]
    problems = []
    if imported.counted != doc.get("districts_counted"):
        stored = doc.get("districts_counted")
        problems.append(msg("store_counted", path=path, stored=stored, n=imported.counted))
    positions = {p for d in imported.districts for p, _ in d.votes}
    unmapped = sorted(positions - set(imported.candidates))
    if unmapped:
        columns = ", ".join(f"D{p}" for p in unmapped)
        problems.append(msg("store_unmapped", path=path, columns=columns))
    return problems
