"""`kl-wahl import SOURCE`: read an official district result file into an election's round."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from ..base.exitcodes import USAGE
from .options import MapOption, PickOption, RoundOption, StrictOption, TitleOption
from .state import State, state_of

if TYPE_CHECKING:
    from datetime import datetime

    from ..results.importer import Request
    from ..results.model import Snapshot
    from ..results.total import Comparison
    from ..results.votemanager import Found


def import_cmd(
    ctx: typer.Context,
    source: Annotated[
        str,
        typer.Argument(
            metavar="SOURCE",
            help="A file, - for stdin, an http(s):// URL of a CSV file, or the address of a "
            "votemanager result presentation (…/<date>/<AGS>/…).",
        ),
    ],
    round_: RoundOption = None,
    maps: MapOption = None,
    pick: PickOption = None,
    title: TitleOption = None,
    strict: StrictOption = False,
    replace: Annotated[
        bool,
        typer.Option(
            "--replace",
            help="Store the file even where it is less complete than the last import (other "
            "districts, fewer counted, another date): on purpose only.",
        ),
    ] = False,
    total: Annotated[
        str | None,
        typer.Option(
            "--total",
            metavar="FILE|URL",
            help="The municipality's total file (Gemeinde-Ergebnis CSV): check the district sums "
            "against it and report agreement or each difference.",
        ),
    ] = None,
) -> None:
    """Import an official district result file (votemanager / OK.VOTE Open Data, AKDB 2026).

    --election ID (required) names the election; an id that does not exist yet creates a user
    election from the file. Given a votemanager presentation's address, kl-wahl finds its
    open_data.json, the district-level file of the person election of that date (--pick TEXT
    where there are several, --round 2 for the runoff), the candidates' names, parties and
    colours from the presentation's own result data, and its total file to check the sums
    against; every request goes to the host you gave.

    The election file you wrote is never changed: the districts are stored as a generated file
    in the user data directory (the previous import of the round is archived). A file less complete than the last import of the round (other districts, fewer
    counted, a cut or header-only file) is held: nothing is replaced unless you give --replace.
    Exit 1 when the file is refused or held; nothing is written then.

    Examples:

    \b
      kl-wahl import Open-Data-Wahlbezirk.csv -e ob-2031 --map D1=kimmel --map D2=pfeiffer
      kl-wahl import https://wahlen.example.de/Open-Data.csv -e ob-2031 -r 2
      kl-wahl import districts.csv -e wi-2025 --title "OB-Stichwahl Wiesbaden 2025" \\
          --map "D1=Gert-Uwe Mende" --map "D2=Thomas Hoppe"
      kl-wahl import Open-Data-Stimmbezirk.csv -e vst-2020 --total Open-Data-Gemeinde.csv
      kl-wahl import https://votemanager.example.de/20210912/03254000/ -e lr-hi --pick Landrat
    """
    from datetime import datetime, timezone

    from ..i18n.catalog import t
    from ..results import importer

    state = state_of(ctx)
    req = request(state, round_, maps, title, strict)._replace(replace=replace)
    source, found = discover(state, source, pick, req)
    total = total or (found.entry.total if found else None)
    # ask conditionally only where the stored import could be the answer: not with --replace,
    # not with a --map that differs from the stored one
    same = not replace and same_mapping(state, req, source)
    fetched_from = _read_source(source, req.election_id if same else None)
    if fetched_from is None:  # the server said 304: the stored import is this very file
        print(t(state.lang, "import_unchanged", source=source), file=sys.stderr)
        return
    raw, shown, modified, validators = fetched_from
    snap = importer.read(raw, shown, strict)
    if snap.total is not None and not snap.groups:  # AKDB: the groups are in the file beside it
        snap = snap._replace(groups=_groups(source, snap))
    if found is not None:
        snap, req = dress(state, found, snap, req, say_names=True)
    for warning in snap.warnings:
        state.warn(warning)
    if snap.total is not None:  # the file's own total row (AKDB): checked as --total would
        from ..results.total import compare

        say_comparison(state, compare(snap, snap.total))
    if total is not None:
        check_total(state, snap, total)
    fetched = datetime.now(timezone.utc).replace(microsecond=0)
    done = importer.apply(state.catalog, None, req, snap, raw, shown, fetched, modified, validators)
    for note in done.notes:
        state.say(note)
    if done.path is None:
        print(t(state.lang, "import_unchanged", source=shown), file=sys.stderr)
        return
    if done.corrected:
        numbers = ", ".join(done.corrected)
        print(t(state.lang, "import_corrected", numbers=numbers), file=sys.stderr)
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


def discover(state: State, source: str, pick: str | None, req: Request) -> tuple[str, Found | None]:
    """The district file's address and what the presentation said, for a votemanager
    presentation's address; `source` itself and None for anything else."""
    from ..core.problems import UserError
    from ..i18n.catalog import t
    from ..results import votemanager
    from ..results.fetch import check_url

    web = source.startswith(("http://", "https://"))
    if web:
        check_url(source)
    if not web or votemanager.layouts(source) is None:
        if pick is not None:
            raise UserError("pick_needs_presentation", exit_code=USAGE)
        return source, None
    found = votemanager.resolve(source, pick, _runoff_wanted(state, req), get_or_none)
    entry = found.entry
    print(
        t(
            state.lang,
            "vm_found",
            schema=found.schema,
            title=entry.title,
            level=entry.level,
            address=entry.districts,
        ),
        file=sys.stderr,
    )
    return entry.districts, found


def _runoff_wanted(state: State, req: Request) -> bool | None:
    """Whether the round to import is a runoff: without --round, no for an election that has
    no runoff round (a new one starts with its first round), unsaid for one that has; with
    --round, that round's kind (a new round 2 and later: a runoff)."""
    election = state.catalog.get(req.election_id)
    if req.round is None:
        has_runoff = election is not None and any(r.kind == "runoff" for r in election.rounds)
        return None if has_runoff else False
    rnd = next((r for r in election.rounds if r.number == req.round), None) if election else None
    return rnd.kind == "runoff" if rnd is not None else req.round > 1


def get_or_none(address: str) -> bytes | None:
    """GET for discovery: None where the server has no such file (the other schema's path)."""
    from ..results.fetch import TIMEOUT, FetchError, get
    from ..results.importer import MAX_BYTES

    try:
        return get(address, TIMEOUT, MAX_BYTES).body
    except FetchError as exc:
        if exc.status in (403, 404, 410):
            return None
        raise


def dress(
    state: State, found: Found, snap: Snapshot, req: Request, say_names: bool = False
) -> tuple[Snapshot, Request]:
    """The snapshot with the presentation's lists and the request with its names and colours
    (--map still wins)."""
    from ..i18n.catalog import t
    from ..results.votemanager import named

    rows = named(found, snap.positions)
    names = {p: row.name for p, row in rows.items()}
    parties = tuple((p, row.party) for p, row in rows.items() if row.party)
    if not snap.groups:
        lists = tuple(item for item in found.entry.parties if item[0] in snap.positions)
        snap = snap._replace(groups=parties or lists)
    snap = snap._replace(presentation=found.presentation)
    colors = tuple((p, row.color) for p, row in rows.items() if row.color)
    req = req._replace(names={**names, **req.names}, colors=colors)
    if say_names:
        key = "vm_names" if rows else "vm_no_names"
        print(t(state.lang, key, n=len(rows)), file=sys.stderr)
    return snap, req


def check_total(state: State, snap: Snapshot, source: str) -> None:
    """Compare the district sums with the total file; one line per figure on stderr."""
    from ..core.problems import UserError
    from ..results import importer
    from ..results.total import compare

    fetched = _read_source(source, None)
    assert fetched is not None  # asked without validators: never a 304
    raw, shown, _, _ = fetched
    whole = importer.read(raw, shown, False)
    if len(whole.districts) != 1:
        raise UserError("total_not_total", source=shown, n=len(whole.districts))
    say_comparison(state, compare(snap, whole.districts[0]))


def say_comparison(state: State, rows: list[Comparison]) -> None:
    """One line per figure: the district sums against the municipality's own total."""
    from ..i18n.catalog import format_int, t

    lang = state.lang
    for row in rows:
        name = t(lang, row.figure) if not row.figure.startswith("D") else row.figure
        key = "total_same" if row.same else "total_differs"
        print(
            t(
                lang,
                key,
                figure=name,
                districts=format_int(row.districts, lang),
                total=format_int(row.total, lang),
                diff=format_int(abs(row.districts - row.total), lang),
            ),
            file=sys.stderr,
        )
    same = sum(row.same for row in rows)
    print(t(lang, "total_summary", same=same, n=len(rows)), file=sys.stderr)


def _groups(source: str, snap: Snapshot) -> tuple[tuple[int, str], ...]:
    """Each column's group from AKDB's `…Stimmen.csv` beside `source` (same folder, same host);
    () when there is none."""
    import re

    from ..core.problems import UserError
    from ..results import akdb
    from ..results.opendata import FormatError

    def stimmen(match: re.Match[str]) -> str:
        return "Stimmen" if match[0][0] == "G" else "stimmen"

    sibling = re.sub("gesamtergebnis", stimmen, source, flags=re.IGNORECASE)
    if sibling == source:
        return ()
    try:
        found = _read_source(sibling, None)
    except UserError:
        return ()
    if found is None:
        return ()
    try:
        names = akdb.groups(found[0].decode("utf-8-sig"))
    except (UnicodeDecodeError, FormatError):
        return ()
    if len(names) != len(snap.positions):
        return ()
    return tuple(zip(snap.positions, names, strict=True))


def same_mapping(state: State, req: Request, source: str) -> bool:
    """Whether --map (if given) says what the stored import of `source` already maps."""
    if not req.names or not source.startswith(("http://", "https://")):
        return True
    from ..results import store

    stored = store.latest_of(req.election_id, source)
    if stored is None:
        return True
    election = state.catalog.get(req.election_id)
    names = {c.id: c.name for c in election.candidates} if election else {}
    return all(
        (cid := stored.candidates.get(position)) is not None and given in (cid, names.get(cid))
        for position, given in req.names.items()
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


Read = tuple[bytes, str, "datetime | None", tuple[str | None, str | None]]


def _read_source(source: str, election_id: str | None) -> Read | None:
    """The bytes, the name to show and store, the server's Last-Modified as a moment and its
    validators as sent (URLs only); None when the server says the stored import of
    `election_id` is current (None: ask unconditionally)."""
    from ..core.problems import UserError
    from ..results.importer import MAX_BYTES

    if source == "-":
        if sys.stdin is None or sys.stdin.closed:
            from ..core.problems import msg

            raise UserError("cannot_read", path="-", reason=msg("stdin_closed"))
        return sys.stdin.buffer.read(MAX_BYTES + 1), "stdin", None, (None, None)
    if source.startswith(("http://", "https://")):
        from ..results import store
        from ..results.fetch import TIMEOUT, check_url, get, http_date

        check_url(source)
        etag, last_modified = store.validators(election_id, source) if election_id else (None, None)
        response = get(source, TIMEOUT, MAX_BYTES, etag, last_modified)
        if response.status == 304:
            return None
        sent = (response.etag, response.last_modified)
        return response.body, source, http_date(response.last_modified), sent
    from pathlib import Path

    try:
        with Path(source).open("rb") as handle:
            return handle.read(MAX_BYTES + 1), str(Path(source).resolve()), None, (None, None)
    except OSError as exc:
        raise UserError("cannot_read", path=source, reason=exc.strerror or exc) from None
