"""One import, as `import` and every poll of `watch` do it: text in, stored round out.

Parse and check the whole file first; only a file that passed replaces the stored round (and the
raw bytes are archived beside it), so a truncated or garbage download never costs the last good
state.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..base.exitcodes import USAGE
from ..base.record import Record
from ..core.problems import Msg, UserError, msg
from . import opendata, store

if TYPE_CHECKING:
    from datetime import datetime

    from ..base.language import Lang
    from ..core.model import Election
    from ..store.registry import Catalog
    from .model import Snapshot

MAX_BYTES = opendata.MAX_BYTES


class Request(Record):
    election_id: str
    round: int | None
    names: dict[int, str]
    """ballot position -> candidate id or name, from --map"""
    title: str | None
    strict: bool
    replace: bool = False
    """--replace: store the file even where it is less complete than the stored state"""
    colors: tuple[tuple[int, str], ...] = ()
    """(ballot position, '#rrggbb') from a votemanager presentation; a new election keeps them"""


class Outcome(Record):
    election: Election
    round: int
    snapshot: Snapshot
    mapping: dict[int, str]
    """ballot position -> candidate id"""
    path: Path | None
    """the round file, or None when the file was the one already stored (nothing written)"""
    corrected: tuple[str, ...] = ()
    """districts whose counted figures the file changed"""
    notes: tuple[Msg, ...] = ()
    """what the import did besides storing the round (an election created, a round added) and
    its warnings, for the command to say"""


class Held(UserError):
    """A snapshot that may not replace the stored state (`guard`): nothing was written."""

    def __init__(
        self, source: str, reason: str, values: dict[str, object], counted: int, expected: int
    ) -> None:
        self.reason = (reason, values)
        super().__init__("import_held", source=source, counted=counted, expected=expected)

    def text(self, lang: Lang) -> str:
        from ..i18n.catalog import t

        key, values = self.reason
        return t(lang, self.key, reason=t(lang, key, **values), **self.values)


def parse_maps(maps: list[str]) -> dict[int, str]:
    """['D3=kuerwitz'] -> {3: 'kuerwitz'}; a malformed item is a usage error."""
    out: dict[int, str] = {}
    for item in maps:
        column, eq, name = item.partition("=")
        column = column.strip().upper()
        if not eq or not column.startswith("D") or not column[1:].isdigit() or not name.strip():
            raise UserError("bad_map", value=item, exit_code=USAGE)
        out[int(column[1:])] = name.strip()
    return out


def decode(raw: bytes, shown: str) -> str:
    if len(raw) > MAX_BYTES:
        raise UserError("import_refused", source=shown, reason=msg("larger_than_mb", n=5))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UserError("import_refused", source=shown, reason=msg("not_utf8_text")) from None


def read(raw: bytes, shown: str, strict: bool) -> Snapshot:
    """The checked snapshot of a file, or a UserError saying in one line why not. The format is
    told by the header: votemanager / OK.VOTE Open Data, or AKDB's 2026 portal (whose date and
    kind of election are read from the address, `…/20260308/buergermeister…`)."""
    from . import akdb

    text = decode(raw, shown)
    try:
        snap = akdb.read(text, *_from_address(shown)) if akdb.detect(text) else opendata.read(text)
    except opendata.FormatError as exc:
        raise UserError("import_refused", source=shown, reason=exc.msg) from None
    if raw and not raw.endswith((b"\n", b"\r")):
        # every real result file ends its last line; a body without that end was cut off
        # (a download that stopped, a file still being written), possibly inside a number
        raise UserError("import_refused", source=shown, reason=msg("csv_cut"))
    if strict and snap.warnings:
        warned = tuple(msg("warning_note", text=w) for w in snap.warnings)
        raise UserError("import_checks_failed", n=len(snap.warnings), details=warned)
    return snap


def _from_address(shown: str) -> tuple[str, str]:
    """(ISO date, title) from an AKDB presentation's address or file path, where it says them."""
    import re

    from .newelection import election_name

    found = re.search(r"(?<!\d)(20\d\d)([01]\d)([0-3]\d)(?!\d)", shown)
    day = f"{found[1]}-{found[2]}-{found[3]}" if found else ""
    return day, election_name(shown)


def apply(
    catalog: Catalog,
    election: Election | None,
    req: Request,
    snap: Snapshot,
    raw: bytes,
    shown: str,
    fetched: datetime,
    modified: datetime | None = None,
    validators: tuple[str | None, str | None] = (None, None),
) -> Outcome:
    """Store `snap` as the round's results; `election` is given when already known (watch).

    Everything is parsed, mapped and checked before the first byte is written: a refused import
    (an unmapped column, a held snapshot) leaves no file behind, not even a new election's.
    """
    from .guard import judge

    election = election or catalog.get(req.election_id)
    created: tuple[Election, str, Path] | None = None
    if election is None:
        created = _new_election(req, snap, shown)
        election = created[0]
    if not snap.districts and created is None:  # header-only: no date, no districts
        for rnd in reversed(election.rounds):
            stored = store.load(election.id, rnd.number)
            if stored is not None and not req.replace:
                counted, expected = stored.counted, len(stored.districts)
                raise Held(shown, "held_empty", {"stored": expected}, counted, expected)
    added: tuple[Election, str] | None = None
    if (
        req.round is not None
        and created is None
        and req.round not in {r.number for r in election.rounds}
    ):
        added = _with_round(election, snap, req.round, shown)
        election = added[0]
    number = _pick_round(election, snap, req.round)
    rnd = next(r for r in election.rounds if r.number == number)
    if rnd.kind == "runoff" and len(snap.positions) > 2:
        raise UserError("import_runoff_columns", source=shown, n=len(snap.positions))
    mapping = _mapping(election, snap, req.names, new=created is not None)
    if rnd.kind == "runoff" and created is None:
        _check_runoff(election, snap, mapping, req.names)
    corrected: tuple[str, ...] = ()
    previous = store.load(election.id, number) if created is None else None
    if previous is not None:
        verdict = judge(
            previous.districts, snap.districts, previous.doc["election_day"], snap.election_day
        )
        if verdict.held and not req.replace:
            raise Held(
                shown, verdict.held, verdict.values, previous.counted, len(previous.districts)
            )
        corrected = verdict.corrected
    notes: list[Msg] = []
    if created is not None:
        unnamed = [f"D{p}" for p in snap.positions if p not in req.names]
        if unnamed:
            notes.append(
                msg("warning_note", text=msg("unnamed_columns", columns=", ".join(unnamed)))
            )
        _write_election(created[1], created[2])
        notes.append(msg("election_created", path=created[2]))
    if added is not None:
        from ..store.fileio import write_atomic

        write_atomic(Path(election.path), added[1].encode("utf-8"), force=True)
        notes.append(msg("round_added", n=number, path=election.path))
    path = store.save(election.id, number, snap, mapping, shown, fetched, raw, modified, validators)
    return Outcome(election, number, snap, mapping, path, corrected, tuple(notes))


GENERATED = "# Generated by `kl-wahl import`"


def _with_round(
    election: Election, snap: Snapshot, number: int, source: str
) -> tuple[Election, str]:
    """The election with round `number` from the file (its date; "Stichwahl" in `wahl` makes it
    a runoff) and the new text of its file: only for an election that `import` created, whose
    file it wrote; a hand-written file is never changed."""
    from ..store.load import load_text
    from .newelection import round_toml

    path = Path(election.path) if election.path else None
    text = path.read_text(encoding="utf-8") if path and path.is_file() else ""
    if election.origin != "user" or not text.startswith(GENERATED):
        raise UserError("no_round", id=election.id, n=number)
    if not snap.election_day:
        raise UserError("import_refused", source=source, reason=msg("csv_no_date"))
    text = text.rstrip("\n") + "\n\n" + round_toml(number, snap)
    result = load_text(text, str(path), origin="user")
    if result.election is None:
        raise UserError("import_refused", source=source, reason=result.errors[0])
    return result.election, text


def _check_runoff(
    election: Election, snap: Snapshot, mapping: dict[int, str], given: dict[int, str]
) -> None:
    """Numbers are trusted for a runoff file only where they are the first-round ballot
    positions of exactly the two runoff candidates: runoff files often renumber (D1, D2), and
    a wrong guess hands one finalist's votes to someone else."""
    from ..core.standings import standings
    from .join import join

    by_number = {p: cid for p, cid in mapping.items() if p not in given}
    first = next((r for r in join(election).rounds if r.kind == "main"), None)
    if not by_number or first is None:
        return  # no first round to be renumbered from: the positions are the runoff file's own
    finalists = [st.candidate for st in standings(election, first) if st.outcome == "runoff"]
    if len(finalists) == 2 and set(mapping.values()) == {c.id for c in finalists}:
        return
    example = " ".join(f"--map D{p}=NAME" for p in snap.positions)
    if len(finalists) != 2:  # no first-round result to say who is in the runoff
        ids = ", ".join(c.id for c in election.candidates)
        raise UserError("import_unmapped", columns=example, ids=ids, exit_code=USAGE)
    names = " – ".join(c.name for c in finalists)
    raise UserError("import_runoff_map", names=names, example=example, exit_code=USAGE)


def _pick_round(election: Election, snap: Snapshot, wanted: int | None) -> int:
    numbers = [r.number for r in election.rounds]
    if wanted is not None:
        if wanted not in numbers:
            raise UserError("no_round", id=election.id, n=wanted)
        return wanted
    same_day = [r.number for r in election.rounds if r.day.isoformat() == snap.election_day]
    if len(same_day) != 1:
        rounds = ", ".join(f"{r.number} ({r.day.isoformat()})" for r in election.rounds) or "–"
        raise UserError("import_which_round", day=snap.election_day, rounds=rounds, exit_code=USAGE)
    return same_day[0]


def _mapping(
    election: Election, snap: Snapshot, given: dict[int, str], new: bool = False
) -> dict[int, str]:
    """Ballot position -> candidate id: --map first, else the data's sourced ballot positions.

    A `new` election was made from this file, one candidate per column with its position: the
    --map names are already its candidates' names, so nothing is matched by similarity.
    """
    from ..core.lookup import find

    by_position = {c.ballot_position: c.id for c in election.candidates if c.ballot_position}
    mapping: dict[int, str] = {}
    missing: list[str] = []
    for position in snap.positions:
        if position in given and not new:
            exact = [c for c in election.candidates if c.id == given[position]]
            hits = exact or find(election.candidates, given[position])
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


def _new_election(req: Request, snap: Snapshot, source: str) -> tuple[Election, str, Path]:
    """A new user election from the file (its title, its date, one candidate per column), with
    the text of its file and where it goes; nothing is written yet."""
    from ..base.textrules import ID_PATTERN
    from ..store import paths
    from ..store.load import load_text
    from .newelection import election_toml

    if not ID_PATTERN.match(req.election_id):
        raise UserError("bad_id", id=req.election_id, exit_code=USAGE)
    if not snap.election_day:  # AKDB files: the date is in the presentation's address only
        raise UserError("import_no_date", source=source, exit_code=USAGE)
    text = election_toml(req.election_id, snap, req.names, req.title, source, dict(req.colors))
    target = paths.user_elections_dir() / f"{req.election_id}.toml"
    result = load_text(text, str(target), origin="user")
    if result.election is None:
        raise UserError("import_refused", source=source, reason=result.errors[0])
    return result.election, text, target


def _write_election(text: str, target: Path) -> None:
    from ..store.fileio import make_dir, write_atomic

    make_dir(target.parent)
    write_atomic(target, text.encode("utf-8"))
