"""`kl-wahl import SOURCE`: read an official district result file into an election's round."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from ..exitcodes import USAGE
from .state import state_of

if TYPE_CHECKING:
    from ..model import Election
    from ..results.model import Snapshot

MAX_DOWNLOAD = 5_000_000
TIMEOUT = 20


def import_cmd(
    ctx: typer.Context,
    source: Annotated[
        str, typer.Argument(metavar="SOURCE", help="A file, - for stdin, or an http(s):// URL.")
    ],
    round_: Annotated[
        int | None,
        typer.Option(
            "--round", "-r", metavar="N", help="Round (default: the one on the file's date)."
        ),
    ] = None,
    maps: Annotated[
        list[str] | None,
        typer.Option(
            "--map",
            metavar="COLUMN=NAME",
            help="Map a vote column to a candidate (id or name, as `candidate NAME` finds them), "
            "e.g. --map D3=kuerwitz; for a new election: the candidate's name. Repeatable.",
        ),
    ] = None,
    title: Annotated[
        str | None, typer.Option("--title", metavar="TEXT", help="Title of a new election.")
    ] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Treat failed plausibility checks as errors.")
    ] = False,
) -> None:
    """Import an official district result file (votemanager / OK.VOTE Open Data CSV).

    --election ID (required) names the election; an id that does not exist yet creates a user
    election from the file. The election file you wrote is never changed: the districts are stored as a generated file in
    the user data directory (the previous import of the round is archived). Exit 1 when the file
    is refused; nothing is written then.

    Examples:

    \b
      kl-wahl import Open-Data-Wahlbezirk.csv -e ob-2031 --map D1=kimmel --map D2=pfeiffer
      kl-wahl import https://wahlen.example.de/Open-Data.csv -e ob-2031 -r 2
      kl-wahl import districts.csv -e wi-2025 --title "OB-Stichwahl Wiesbaden 2025" \\
          --map "D1=Gert-Uwe Mende" --map "D2=Thomas Hoppe"
    """
    from datetime import datetime, timezone

    from ..problems import UserError
    from ..results import opendata, store

    state = state_of(ctx)
    election_id = state.election_id
    if not election_id:
        raise UserError("import_needs_election", exit_code=USAGE)
    text, shown = _read_source(source)
    try:
        snap = opendata.read(text)
    except opendata.FormatError as exc:
        raise UserError("import_refused", source=shown, reason=str(exc)) from None
    for warning in snap.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if strict and snap.warnings:
        raise UserError("import_checks_failed", n=len(snap.warnings))
    given = _parse_maps(maps or [])
    election = state.catalog.get(election_id)
    if election is None:
        election = _create_election(state, election_id, snap, given, title, shown)
    number = _pick_round(election, snap, round_)
    mapping = _mapping(election, snap, given)
    fetched = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
    path = store.save(election.id, number, snap, mapping, shown, fetched)
    status = "complete" if snap.complete else "partial"
    print(
        f"imported {election.id} round {number}: {snap.counted} of {len(snap.districts)} "
        f"districts counted ({status}, preliminary) -> {path}",
        file=sys.stderr,
    )


def _read_source(source: str) -> tuple[str, str]:
    from ..problems import UserError

    if source == "-":
        raw = sys.stdin.buffer.read(MAX_DOWNLOAD + 1)
        shown = "stdin"
    elif source.startswith(("http://", "https://")):
        from ..results.fetch import get

        raw = get(source, TIMEOUT, MAX_DOWNLOAD).body
        shown = source
    else:
        from pathlib import Path

        try:
            with Path(source).open("rb") as handle:
                raw = handle.read(MAX_DOWNLOAD + 1)
        except OSError as exc:
            raise UserError("cannot_read", path=source, reason=exc.strerror or exc) from None
        shown = str(Path(source).resolve())
    if len(raw) > MAX_DOWNLOAD:
        raise UserError("import_refused", source=source, reason="larger than 5 MB")
    try:
        return raw.decode("utf-8-sig"), shown
    except UnicodeDecodeError:
        raise UserError("import_refused", source=source, reason="not UTF-8 text") from None


def _parse_maps(maps: list[str]) -> dict[int, str]:
    from ..problems import UserError

    out: dict[int, str] = {}
    for item in maps:
        column, eq, name = item.partition("=")
        column = column.strip().upper()
        if not eq or not column.startswith("D") or not column[1:].isdigit() or not name.strip():
            raise UserError("bad_map", value=item, exit_code=USAGE)
        out[int(column[1:])] = name.strip()
    return out


def _pick_round(election: Election, snap: Snapshot, wanted: int | None) -> int:
    from ..problems import UserError

    numbers = [r.number for r in election.rounds]
    if wanted is not None:
        if wanted not in numbers:
            raise UserError("no_round", id=election.id, n=wanted)
        return wanted
    same_day = [r.number for r in election.rounds if r.day.isoformat() == snap.election_day]
    if len(same_day) != 1:
        rounds = ", ".join(f"{r.number} ({r.day.isoformat()})" for r in election.rounds) or "none"
        raise UserError("import_which_round", day=snap.election_day, rounds=rounds, exit_code=USAGE)
    return same_day[0]


def _mapping(election: Election, snap: Snapshot, given: dict[int, str]) -> dict[int, str]:
    """Ballot position -> candidate id: --map first, else the data's sourced ballot positions."""
    from ..lookup import find
    from ..problems import UserError

    by_position = {c.ballot_position: c.id for c in election.candidates if c.ballot_position}
    mapping: dict[int, str] = {}
    missing: list[str] = []
    for position in snap.positions:
        if position in given:
            hits = [c for c in election.candidates if c.id == given[position]] or find(
                election.candidates, given[position]
            )
            if len(hits) != 1:
                missing.append(f"D{position}={given[position]} ({len(hits)} candidates match)")
                continue
            mapping[position] = hits[0].id
        elif position in by_position:
            mapping[position] = by_position[position]
        else:
            missing.append(f"D{position}")
    if missing:
        ids = ", ".join(c.id for c in election.candidates)
        raise UserError("import_unmapped", columns=", ".join(missing), ids=ids, exit_code=USAGE)
    return mapping


def _create_election(
    state: object,
    election_id: str,
    snap: Snapshot,
    given: dict[int, str],
    title: str | None,
    source: str,
) -> Election:
    """A new user election from the file: its title, its date, one candidate per column."""
    from .. import paths
    from ..fileio import make_dir, write_atomic
    from ..load import load_text
    from ..problems import UserError
    from ..results.newelection import election_toml
    from ..textrules import ID_PATTERN

    if not ID_PATTERN.match(election_id):
        raise UserError("bad_id", id=election_id, exit_code=USAGE)
    unnamed = [p for p in snap.positions if p not in given]
    if unnamed:
        names = ", ".join(f"D{p}" for p in unnamed)
        print(
            f"warning: no name for {names}: named 'Wahlvorschlag N' (give --map DN=NAME)",
            file=sys.stderr,
        )
    text = election_toml(election_id, snap, given, title, source)
    target = paths.user_elections_dir() / f"{election_id}.toml"
    result = load_text(text, str(target), origin="user")
    if result.election is None:
        raise UserError("import_refused", source=source, reason=str(result.errors[0]))
    make_dir(target.parent)
    write_atomic(target, text.encode("utf-8"))
    print(f"created {target}", file=sys.stderr)
    return result.election
