"""`kl-wahl export DATASET`: CSV, JSON and ICS files, written atomically, never clobbered."""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from ..base.exitcodes import USAGE
from ..core.problems import UserError
from .state import State, state_of

if TYPE_CHECKING:
    from ..base.language import Lang
    from ..output.formats import Dataset

Dialect = Literal["unix", "rfc4180", "excel-de"]

DATASETS = ("candidates", "results", "events", "sources")


def _dataset(state: State, name: str) -> Dataset:
    """An export: the same bytes in any language and on any day (texts in both languages,
    nothing relative to now), unlike the listings, which speak the user's language."""
    from ..output.formats import bilingual

    return bilingual(_rows(state, name, "en"), _rows(state, name, "de"))


def _rows(state: State, name: str, lang: Lang) -> Dataset:
    from ..output import datasets

    election = state.election
    if name == "candidates":
        return datasets.candidates(election, lang)
    if name == "results":
        return datasets.results(election, lang)
    if name == "events":
        return datasets.events(election, lang, state.now)
    if name == "districts":
        return _districts(state, lang)
    return datasets.sources(election)


def export_cmd(
    ctx: typer.Context,
    dataset: Annotated[
        Literal["candidates", "results", "events", "sources", "districts", "all"],
        typer.Argument(
            metavar="DATASET",
            help="candidates, results, events, sources, districts (imported district results of "
            "the latest round that has them), or all.",
        ),
    ],
    fmt: Annotated[
        Literal["csv", "json", "ics"],
        typer.Option("--format", "-f", help="csv (default), json, or ics (events only)."),
    ] = "csv",
    output: Annotated[
        str,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="File to write, - for stdout (default). With `all` and csv: a directory.",
        ),
    ] = "-",
    dialect: Annotated[
        Dialect,
        typer.Option(
            "--dialect",
            help="CSV flavour: unix (',' and LF, default), rfc4180 (',' and CRLF) or excel-de "
            "(';', decimal comma, UTF-8 BOM, CRLF, German headers, booleans 1/0) for German "
            "spreadsheets.",
        ),
    ] = "unix",
    raw: Annotated[
        bool,
        typer.Option(
            "--raw", help="Do not neutralise cells that a spreadsheet would run as formulas."
        ),
    ] = False,
    force: Annotated[bool, typer.Option("--force", help="Overwrite existing files.")] = False,
) -> None:
    """Export data for scripts, spreadsheets and calendars; files are written atomically and
    never overwritten without --force.

    Examples:

    \b
      kl-wahl export results --dialect excel-de -o ergebnisse.csv
      kl-wahl export events --format ics -o ob.ics
      kl-wahl export all --format json -o ob-2023.json
      kl-wahl export all -o exports/
    """
    from ..output.formats import encode_csv, to_csv, to_json

    state = state_of(ctx)
    election = state.election
    if fmt == "ics" and dataset != "events":
        raise UserError("ics_events_only", exit_code=USAGE)
    if fmt != "csv" and (dialect != "unix" or raw):
        raise UserError("csv_only_options", exit_code=USAGE)
    if fmt == "ics":
        from ..output.ics import calendar_bytes

        payload, skipped = calendar_bytes(election, state.lang)
        _write(output, payload, force, state.lang)
        if skipped:
            from ..i18n.catalog import t

            names = ", ".join(ev.id for ev in skipped)
            print(t(state.lang, "ics_skipped", n=len(skipped), names=names), file=sys.stderr)
        return
    if fmt == "json":
        from ..output.jsondoc import document

        data = document(election) if dataset == "all" else _dataset(state, dataset)
        _write(output, to_json(data).encode("utf-8"), force, state.lang)
        return
    if dataset == "all":
        _write_all_csv(state, output, dialect, not raw, force)
        return
    text = to_csv(_dataset(state, dataset), dialect, safe=not raw)
    _write(output, encode_csv(text, dialect), force, state.lang)


def _write(output: str, payload: bytes, force: bool, lang: Lang) -> None:
    from ..store.fileio import write_atomic

    if output == "-":
        sys.stdout.flush()
        sys.stdout.buffer.write(payload)
        sys.stdout.buffer.flush()
        return
    path = Path(output)
    if output.endswith(("/", os.sep)):
        raise UserError("output_is_dir", path=output, exit_code=USAGE)
    write_atomic(path, payload, force=force)
    _wrote(path, lang)


def _write_all_csv(state: State, output: str, dialect: Dialect, safe: bool, force: bool) -> None:
    """One file per dataset in `output`, a directory that is created when it does not exist."""
    from ..output.formats import encode_csv, to_csv
    from ..store.fileio import make_dir, write_atomic

    if output == "-":
        raise UserError("all_csv_needs_dir", exit_code=USAGE)
    directory = Path(output)
    if directory.exists() and not directory.is_dir():
        raise UserError("not_a_directory", path=directory)
    from ..output.districts import latest_count

    names = DATASETS + (("districts",) if latest_count(state.election) else ())
    targets = [directory / f"{name}.csv" for name in names]
    existing = [p for p in targets if p.exists()]
    if existing and not force:
        raise UserError("file_exists", path=existing[0])
    payloads = [encode_csv(to_csv(_dataset(state, n), dialect, safe=safe), dialect) for n in names]
    make_dir(directory)
    written: list[Path] = []
    try:
        for path, payload in zip(targets, payloads, strict=True):
            fresh = not path.exists()
            write_atomic(path, payload, force=force)
            if fresh:
                written.append(path)
    except UserError:
        for path in written:  # all or nothing: no half export is left behind
            with contextlib.suppress(OSError):
                path.unlink()
        raise
    for path in targets:
        _wrote(path, state.lang)


def _districts(state: State, lang: Lang) -> Dataset:
    """The imported district results of the latest round that has some."""
    from ..output.districts import districts_dataset, latest_count

    election = state.election
    count = latest_count(election)
    if count is None:
        raise UserError("no_districts", n=election.rounds[-1].number if election.rounds else 1)
    return districts_dataset(election, count, lang)[0]


def _wrote(path: Path, lang: Lang) -> None:
    from ..i18n.catalog import t

    print(t(lang, "wrote", path=path), file=sys.stderr)
