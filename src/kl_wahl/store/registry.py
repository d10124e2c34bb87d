"""Find every election: bundled files, the user data directory, and `--data` files, in that order.

Later places win: a user file with the id of a bundled election replaces it. A broken user file is
reported in one warning line and skipped, so the other elections keep working; a broken `--data`
file, named by the user, is an error.

Reading and checking the TOML costs more than the rest of a command, so `cached_discover` keeps
the loaded catalog in the cache directory (`catalogcache`: plain data, no pickle), keyed by the same fingerprint as the prompt
snapshot: kl-wahl's version and its model's source, and the paths, sizes and mtimes of every data
file. Any change to any of them reloads from the TOML.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path

from ..base.promptline import choose_default
from ..base.record import Record
from ..base.snapfile import fingerprint
from ..core.model import Election
from ..core.problems import Problem, UserError
from . import paths

CATALOG_CACHE = "catalog-v4.marshal"
MODEL_SOURCE = Path(__file__).parent.parent / "core" / "model.py"


class Catalog(Record):
    elections: tuple[Election, ...]
    warnings: tuple[tuple[Problem, int], ...]
    """(the first problem, how many more) of each user file that was skipped"""
    scanned_dirs: tuple[Path, ...]
    data_files: tuple[Path, ...]

    def ids(self) -> list[str]:
        return [e.id for e in self.elections]

    def get(self, election_id: str) -> Election | None:
        return next((e for e in self.elections if e.id == election_id), None)


def election_files(directory: Path) -> list[Path]:
    try:
        return sorted(p for p in directory.glob("*.toml") if p.is_file())
    except OSError:
        return []


def cached_discover(data_files: Sequence[Path], env: Mapping[str, str]) -> Catalog:
    """`discover`, answered from the cache while nothing it read has changed."""
    dirs = (str(paths.bundled_dir()), str(paths.user_elections_dir()))
    files = (str(MODEL_SOURCE), *(os.path.abspath(p) for p in data_files))
    key = fingerprint(dirs, files, env).encode("utf-8", "surrogateescape")
    path = paths.cache_dir() / CATALOG_CACHE
    from . import catalogcache

    catalog = catalogcache.load(path, key)
    if isinstance(catalog, Catalog):
        return catalog
    catalog = discover(data_files)
    from .fileio import write_atomic

    with contextlib.suppress(OSError, UserError, TypeError, ValueError):
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, catalogcache.dump(catalog, key), force=True)
    return catalog


def discover(data_files: Sequence[Path] = ()) -> Catalog:
    from .load import load_file

    bundled_dir = paths.bundled_dir()
    user_dir = paths.user_elections_dir()
    found: dict[str, Election] = {}
    warnings: list[tuple[Problem, int]] = []
    batches = (
        ("bundled", election_files(bundled_dir)),
        ("user", election_files(user_dir)),
        ("data", list(data_files)),
    )
    for origin, files in batches:
        for path in files:
            if origin == "data" and not path.is_file():
                raise UserError("data_not_file" if path.exists() else "data_missing", path=path)
            result = load_file(path, origin="bundled" if origin == "bundled" else "user")
            if result.election is None:
                first = result.errors[0]
                more = len(result.errors) - 1
                if origin == "data":  # named on the command line: an error, not a warning
                    key = "data_invalid_more" if more else "data_invalid"
                    raise UserError(key, problem=first, n=more, path=path)
                warnings.append((first, more))
                continue
            election = result.election
            previous = found.get(election.id)
            if previous is not None:
                election = election._replace(
                    overrides_bundled=previous.origin == "bundled" or previous.overrides_bundled,
                )
            found[election.id] = election
    ordered = sorted(found.values(), key=_first_day_key)
    return Catalog(tuple(ordered), tuple(warnings), (bundled_dir, user_dir), tuple(data_files))


def _first_day_key(election: Election) -> tuple[int, str, str]:
    if election.rounds:
        return (0, election.rounds[0].polls_open.isoformat(), election.id)
    return (1, "", election.id)


def select(catalog: Catalog, election_id: str | None, now: datetime) -> Election:
    """The election asked for, else the one whose next voting day comes first, else the latest."""
    if not catalog.elections:
        raise UserError("no_elections")
    if election_id:
        election = catalog.get(election_id)
        if election is None:
            known = ", ".join(catalog.ids())
            raise UserError("unknown_election", id=election_id, known=known)
        return election
    entries = [
        (e.id, [(int(r.polls_open.timestamp()), int(r.polls_close.timestamp())) for r in e.rounds])
        for e in catalog.elections
    ]
    chosen = choose_default(entries, int(now.timestamp()))
    election = catalog.get(chosen)
    assert election is not None
    return election
