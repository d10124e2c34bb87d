"""`kl-wahl data …`: where user files live, validating a file, starting a new election file."""

from __future__ import annotations

import re
import sys
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer

from ..base.exitcodes import FAILURE, USAGE
from ..base.language import Lang
from ..store import paths
from .localize import LocalizedCommand, LocalizedGroup, lang_of

data_app = typer.Typer(
    cls=LocalizedGroup,
    add_completion=False,
    help="Election data files: where they go, validate one, start a new one.",
    no_args_is_help=True,
    rich_markup_mode=None,
)


@data_app.command("path", cls=LocalizedCommand)
def path_cmd(ctx: typer.Context) -> None:
    """Show where kl-wahl reads user election files and its config, and where bundled data is.

    Put extra elections (*.toml) into the elections directory; they appear in `kl-wahl elections`.
    """
    from ..i18n.catalog import t

    lang = lang_of(ctx)
    elections = paths.user_elections_dir()
    state = "" if elections.is_dir() else "  " + t(lang, "path_not_created")
    rows = (
        (t(lang, "path_elections"), f"{elections}{state}"),
        (t(lang, "path_config"), paths.config_path()),
        (t(lang, "path_results"), paths.results_dir()),
        (t(lang, "path_cache"), paths.cache_dir()),
        (t(lang, "path_bundled"), paths.bundled_dir()),
    )
    width = max(len(label) for label, _ in rows) + 2
    for label, value in rows:
        print(f"{label + ':':<{width}}{value}")


@data_app.command("validate", cls=LocalizedCommand)
def validate_cmd(
    ctx: typer.Context,
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
    from ..i18n.catalog import t
    from ..store.load import load_file

    lang = lang_of(ctx)
    failed = False
    for path in files:
        if not path.exists():
            print(t(lang, "validate_missing", path=path), file=sys.stderr)
            failed = True
            continue
        if path.suffix == ".json":
            failed = _validate_import(path, lang) or failed
            continue
        result = load_file(path, origin="user")
        for problem in result.problems:
            print(problem.text(lang), file=sys.stderr)
        election = result.election
        if election is None:
            failed = True
            print(t(lang, "validate_invalid", path=path, n=len(result.errors)), file=sys.stderr)
            continue
        warn = t(lang, "validate_warnings", n=len(result.warnings)) if result.warnings else ""
        print(
            t(
                lang,
                "validate_ok",
                path=path,
                id=election.id,
                candidates=len(election.candidates),
                rounds=len(election.rounds),
                events=len(election.events),
                sources=len(election.sources),
                warnings=warn,
            )
        )
    if failed:
        raise typer.Exit(FAILURE)


@data_app.command("init", cls=LocalizedCommand)
def init_cmd(
    ctx: typer.Context,
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
    from ..base.textrules import ID_PATTERN
    from ..core.problems import UserError
    from ..store.fileio import make_dir, write_atomic

    eid = election_id or "ob-next"
    if not ID_PATTERN.match(eid):
        raise UserError("bad_id", id=eid, exit_code=USAGE)
    from ..store.registry import election_files

    bundled = {p.stem for p in election_files(paths.bundled_dir())}
    if eid in bundled and not force:
        raise UserError("shadows_bundled", id=eid)
    directory = paths.user_elections_dir()
    make_dir(directory)
    target = directory / f"{eid}.toml"
    template = (
        resources.files("kl_wahl.store").joinpath("template.toml").read_text(encoding="utf-8")
    )
    text = template.replace("ob-next", eid)
    year = re.search(r"(19|20)\d\d$", eid)
    if year:  # "ob-2031" -> "… Kaiserslautern 2031"
        text = text.replace('Kaiserslautern", de', f'Kaiserslautern {year[0]}", de')
        text = text.replace('Kaiserslautern" }', f'Kaiserslautern {year[0]}" }}')
    write_atomic(target, text.encode("utf-8"), force=force)
    from ..i18n.catalog import t

    print(target)
    print(t(lang_of(ctx), "init_next", path=target), file=sys.stderr)


def _validate_import(path: Path, lang: Lang) -> bool:
    """Check a stored import (`<user data>/results/…/round-N.json`); True when it failed."""
    from ..i18n.catalog import t
    from ..results.store import check

    problems = check(path)
    for problem in problems:
        print(problem.text(lang), file=sys.stderr)
    if not problems:
        print(t(lang, "validate_import_ok", path=path))
    return bool(problems)
