"""Build and refresh the prompt snapshot that the fast path (`kl_wahl.fast`) reads.

Every normal run calls `refresh`: it compares fingerprints (a few `stat` calls) and rewrites the
snapshot only when a data or config file, the environment locating them, or kl-wahl changed.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Mapping
from datetime import date, datetime, timedelta, timezone

from ..base.promptline import Target
from ..base.snapfile import (
    CACHE_FILE,
    ElectionSnapshot,
    Snapshot,
    dump_snapshot,
    fingerprint,
    read_snapshot,
)
from ..core.model import Election
from ..core.problems import UserError
from . import paths
from .config import Config
from .fileio import write_atomic
from .registry import Catalog

_EPOCH = date(1970, 1, 1).toordinal()
SPAN_YEARS_AHEAD = 3


def epoch_day(day: date) -> int:
    return day.toordinal() - _EPOCH


def targets(election: Election) -> tuple[Target, ...]:
    out = []
    for rnd in election.rounds:
        label = election.voting_label(rnd)
        out.append(
            Target(
                " ".join(label.en.split()),
                " ".join(label.de.split()),
                int(rnd.polls_open.timestamp()),
                int(rnd.polls_close.timestamp()),
                epoch_day(rnd.day),
                rnd.day.isoformat(),
            )
        )
    return tuple(out)


def next_year(election: Election) -> str:
    """The value of {next_year}: the year the legal window of the next election ends."""
    return str(election.next_election.end[0]) if election.next_election else ""


def utc_offsets(zone: str, first_year: int, last_year: int) -> tuple[tuple[int, int], ...]:
    """(start epoch, offset seconds) for every offset change from 1 Jan `first_year` on."""
    from ..base.clock import zone as lookup

    tz = lookup(zone)
    start = datetime(first_year, 1, 1, tzinfo=timezone.utc)
    end = datetime(last_year + 1, 1, 1, tzinfo=timezone.utc)

    def offset(moment: datetime) -> int:
        delta = moment.astimezone(tz).utcoffset()
        return int(delta.total_seconds()) if delta is not None else 0

    changes = [(int(start.timestamp()), offset(start))]
    day = start
    while day < end:
        nxt = day + timedelta(days=1)
        if offset(nxt) != changes[-1][1]:
            lo, hi = int(day.timestamp()), int(nxt.timestamp())
            while hi - lo > 1:  # find the first second of the new offset
                mid = (lo + hi) // 2
                if offset(datetime.fromtimestamp(mid, timezone.utc)) == changes[-1][1]:
                    lo = mid
                else:
                    hi = mid
            changes.append((hi, offset(nxt)))
        day = nxt
    return tuple(changes)


def election_offsets(
    election: Election, this_year: int, years_ahead: int
) -> tuple[tuple[int, int], ...]:
    """UTC offsets from the year before the first voting day (or this year) to `years_ahead` on."""
    years = [r.day.year for r in election.rounds] + [this_year]
    return utc_offsets(election.timezone, min(years) - 1, max(years) + years_ahead)


def span(catalog: Catalog, today: date) -> tuple[int, int]:
    years = [r.day.year for e in catalog.elections for r in e.rounds] or [today.year]
    return min(min(years), today.year) - 1, max(max(years), today.year) + SPAN_YEARS_AHEAD


Counts = Callable[[Election], tuple[str, str, str]]
"""an election's prompt count values ({counted}, {expected}, {leader}), from its imports"""


def build(
    catalog: Catalog,
    config: Config,
    watched: tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]],
    current: str,
    today: date,
    counts: Counts,
) -> Snapshot:
    """The snapshot for `catalog`; `watched` are the (dirs, files, data files) behind `current`."""
    dirs, files, data_files = watched
    first, last = span(catalog, today)
    return Snapshot(
        dirs=dirs,
        files=files,
        data_files=data_files,
        fingerprint=current,
        config=(
            config.election or "",
            config.lang or "",
            config.prompt_format or "",
            config.prompt_past_format or "",
        ),
        elections=tuple(
            ElectionSnapshot(
                e.id, targets(e), utc_offsets(e.timezone, first, last), next_year(e), counts(e)
            )
            for e in catalog.elections
        ),
        valid_from=int(datetime(first, 1, 1, tzinfo=timezone.utc).timestamp()),
        valid_until=int(datetime(last + 1, 1, 1, tzinfo=timezone.utc).timestamp()) - 1,
    )


def refresh(
    catalog: Catalog, config: Config, env: Mapping[str, str], today: date, counts: Counts
) -> Snapshot:
    """Rewrite the snapshot if it is stale (silently not when the cache is unwritable); return
    the current one. Imported rounds are watched too, so the prompt's count follows an import."""
    path = paths.cache_dir() / CACHE_FILE
    results = tuple(str(paths.results_dir() / e.id) for e in catalog.elections)
    dirs = tuple(str(d) for d in catalog.scanned_dirs) + results
    files = (str(paths.config_path()),)
    data_files = tuple(os.path.abspath(p) for p in catalog.data_files)
    current = fingerprint(dirs, (*files, *data_files), env)
    old = read_snapshot(str(path))
    if old is not None and old.fingerprint == current and old.data_files == data_files:
        _, last = span(catalog, today)
        if old.valid_until >= int(datetime(last, 1, 1, tzinfo=timezone.utc).timestamp()):
            return old
    snap = build(catalog, config, (dirs, files, data_files), current, today, counts)
    with contextlib.suppress(OSError, UserError):
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, dump_snapshot(snap).encode("utf-8"), force=True)
    return snap
