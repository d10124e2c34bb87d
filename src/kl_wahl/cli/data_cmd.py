"""`kl-wahl data …`: where user files live, validating a file, starting a new election file."""

from __future__ import annotations

import re
import sys
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer

from .. import paths
from ..exitcodes import FAILURE, USAGE

data_app = typer.Typer(
    help="Election data files: where they go, validate one, start a new one.",
    no_args_is_help=True,
    rich_markup_mode=None,
)


@data_app.command("path")
def path_cmd() -> None:
    """Show where kl-wahl reads user election files and its config, and where bundled data is.

    Put extra elections (*.toml) into the elections directory; they appear in `kl-wahl elections`.
    """
    elections = paths.user_elections_dir()
    state = "" if elections.is_dir() else "  (not created yet; `kl-wahl data init` creates it)"
    print(f"elections: {elections}{state}")
    print(f"config:    {paths.config_path()}")
    print(f"cache:     {paths.cache_dir()}")
    print(f"bundled:   {paths.bundled_dir()}")


@data_app.command("validate")
def validate_cmd(
    files: Annotated[
        list[Path],
        typer.Argument(
            metavar="FILE...",
            help="Election files (TOML), or imported results (round-N.json) to check.",
            dir_okay=False,
        ),
    ],
) -> None:
    """Check election files: syntax (with line and column), schema, sources, arithmetic.

    Imported district results (`round-N.json` under the user data directory's results/) are
    checked too: that they read back whole and agree with themselves.

    Exit 0 with a short summary when every file is valid (warnings are listed too), exit 1 listing
    every problem otherwise.

    Example:

    \b
      kl-wahl data validate ~/.local/share/kl-wahl/elections/ob-2031.toml
    """
    from ..load import load_file

    failed = False
    for path in files:
        if not path.exists():
            print(f"{path}: no such file", file=sys.stderr)
            failed = True
            continue
        if path.suffix == ".json":
            failed = _validate_import(path) or failed
            continue
        result = load_file(path, origin="user")
        for problem in result.problems:
            print(str(problem), file=sys.stderr)
        election = result.election
        if election is None:
            failed = True
            print(f"{path}: invalid ({len(result.errors)} problem(s))", file=sys.stderr)
            continue
        warn = f", {len(result.warnings)} warning(s)" if result.warnings else ""
        print(
            f"{path}: OK – {election.id}: {len(election.candidates)} candidates, "
            f"{len(election.rounds)} rounds, {len(election.events)} events, "
            f"{len(election.sources)} sources{warn}"
        )
    if failed:
        raise typer.Exit(FAILURE)


@data_app.command("init")
def init_cmd(
    election_id: Annotated[
        str | None, typer.Argument(metavar="ID", help="Id of the new election, e.g. ob-2031.")
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Overwrite an existing file of that name, or use the id of a bundled election "
            "(your file then replaces it).",
        ),
    ] = False,
) -> None:
    """Write a commented template election file into the user data directory.

    Examples:

    \b
      kl-wahl data init ob-2031
      kl-wahl data validate ~/.local/share/kl-wahl/elections/ob-2031.toml
    """
    from ..fileio import make_dir, write_atomic
    from ..problems import UserError
    from ..textrules import ID_PATTERN

    eid = election_id or "ob-next"
    if not ID_PATTERN.match(eid):
        raise UserError("bad_id", id=eid, exit_code=USAGE)
    from ..registry import election_files

    bundled = {p.stem for p in election_files(paths.bundled_dir())}
    if eid in bundled and not force:
        raise UserError("shadows_bundled", id=eid)
    directory = paths.user_elections_dir()
    make_dir(directory)
    target = directory / f"{eid}.toml"
    template = resources.files("kl_wahl").joinpath("template.toml").read_text(encoding="utf-8")
    text = template.replace("ob-next", eid)
    year = re.search(r"(19|20)\d\d$", eid)
    if year:  # "ob-2031" -> "… Kaiserslautern 2031"
        text = text.replace('Kaiserslautern", de', f'Kaiserslautern {year[0]}", de')
        text = text.replace('Kaiserslautern" }', f'Kaiserslautern {year[0]}" }}')
    write_atomic(target, text.encode("utf-8"), force=force)
    print(target)
    print(
        f"next: edit it, then `kl-wahl data validate {target}` and `kl-wahl elections`",
        file=sys.stderr,
    )


def _validate_import(path: Path) -> bool:
    """Check a stored import (`<user data>/results/…/round-N.json`); True when it failed."""
    from ..results.store import check

    problems = check(path)
    for problem in problems:
        print(problem, file=sys.stderr)
    if not problems:
        print(f"{path}: OK – imported district results")
    return bool(problems)
