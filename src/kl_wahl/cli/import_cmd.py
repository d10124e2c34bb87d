"""`kl-wahl import SOURCE`: read an official district result file into an election's round."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from ..base.exitcodes import USAGE
from .options import MapOption, RoundOption, StrictOption, TitleOption
from .state import State, state_of

if TYPE_CHECKING:
    from ..results.importer import Request


def import_cmd(
    ctx: typer.Context,
    source: Annotated[
        str, typer.Argument(metavar="SOURCE", help="A file, - for stdin, or an http(s):// URL.")
    ],
    round_: RoundOption = None,
    maps: MapOption = None,
    title: TitleOption = None,
    strict: StrictOption = False,
) -> None:
    """Import an official district result file (votemanager / OK.VOTE Open Data CSV).

    --election ID (required) names the election; an id that does not exist yet creates a user
    election from the file. The election file you wrote is never changed: the districts are
    stored as a generated file in the user data directory (the previous import of the round is
    archived). Exit 1 when the file is refused; nothing is written then.

    Examples:

    \b
      kl-wahl import Open-Data-Wahlbezirk.csv -e ob-2031 --map D1=kimmel --map D2=pfeiffer
      kl-wahl import https://wahlen.example.de/Open-Data.csv -e ob-2031 -r 2
      kl-wahl import districts.csv -e wi-2025 --title "OB-Stichwahl Wiesbaden 2025" \\
          --map "D1=Gert-Uwe Mende" --map "D2=Thomas Hoppe"
    """
    from datetime import datetime, timezone

    from ..i18n.catalog import t
    from ..results import importer

    state = state_of(ctx)
    req = request(state, round_, maps, title, strict)
    raw, shown = _read_source(source)
    snap = importer.read(raw, shown, strict, state.lang)
    from ..i18n.german import say

    for warning in snap.warnings:
        print(say(f"warning: {warning}", state.lang), file=sys.stderr)
    fetched = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
    done = importer.apply(state.catalog, None, req, snap, raw, shown, fetched, state.lang)
    print(
        t(
            state.lang,
            "imported",
            id=done.election.id,
            n=done.round,
            counted=snap.counted,
            expected=len(snap.districts),
            status=t(state.lang, "complete" if snap.complete else "partial"),
            path=done.path,
        ),
        file=sys.stderr,
    )


def request(
    state: State, round_: int | None, maps: list[str] | None, title: str | None, strict: bool
) -> Request:
    """The import request from the shared options; --election is required."""
    from ..core.problems import UserError
    from ..results.importer import Request, parse_maps

    if not state.election_id:
        raise UserError("import_needs_election", exit_code=USAGE)
    return Request(state.election_id, round_, parse_maps(maps or []), title, strict)


def _read_source(source: str) -> tuple[bytes, str]:
    from ..core.problems import UserError
    from ..results.importer import MAX_BYTES

    if source == "-":
        return sys.stdin.buffer.read(MAX_BYTES + 1), "stdin"
    if source.startswith(("http://", "https://")):
        from ..results.fetch import TIMEOUT, get

        return get(source, TIMEOUT, MAX_BYTES).body, source
    from pathlib import Path

    try:
        with Path(source).open("rb") as handle:
            return handle.read(MAX_BYTES + 1), str(Path(source).resolve())
    except OSError as exc:
        raise UserError("cannot_read", path=source, reason=exc.strerror or exc) from None
