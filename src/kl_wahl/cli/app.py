"""The Typer application: global options, error handling, and the command table.

Global options (--election, --data, --lang, --at) are accepted before or after the command name:
`KlWahlGroup.parse_args` moves them to the front before Typer parses. Every `UserError` raised by a
command becomes one line on stderr and its exit code, never a traceback.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from .. import __version__
from ..clock import parse_at
from ..problems import UserError
from . import (
    candidate_cmd,
    complete,
    data_cmd,
    export_cmd,
    listing,
    overview,
    shell_cmd,
    timecmds,
)
from .state import State

GLOBAL_VALUE_OPTIONS = {"--election", "-e", "--data", "--lang", "--at"}


def hoist_globals(args: list[str]) -> list[str]:
    """Move global options (and their values) in front of the command name."""
    front: list[str] = []
    rest: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            rest.extend(args[i:])
            break
        name = arg.split("=", 1)[0]
        if "=" in arg and name in GLOBAL_VALUE_OPTIONS:
            front.append(arg)
        elif arg in GLOBAL_VALUE_OPTIONS and i + 1 < len(args):
            front.extend(args[i : i + 2])
            i += 1
        else:
            rest.append(arg)
        i += 1
    return front + rest


class KlWahlGroup(TyperGroup):
    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        return super().parse_args(ctx, hoist_globals(list(args)))

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except UserError as exc:
            state = ctx.obj if isinstance(ctx.obj, State) else State()
            typer.echo(f"kl-wahl: {exc.text(state.lang)}", err=True)
            for detail in exc.details:
                typer.echo(detail, err=True)
            raise typer.Exit(exc.exit_code) from None


app = typer.Typer(
    cls=KlWahlGroup,
    name="kl-wahl",
    help=(
        "Election facts for Kaiserslautern's mayoral elections (Oberbürgermeisterwahl): "
        "candidates, results, timelines, countdowns and exports, in English and German.\n\n"
        "Run without a command for an overview of the current election. Global options work "
        "before or after the command.\n\n"
        "Examples:\n\n"
        "\b\n"
        "  kl-wahl\n"
        "  kl-wahl results --round 1\n"
        "  kl-wahl candidate kürwitz\n"
        "  kl-wahl --at 2023-02-10 countdown\n"
        "  kl-wahl export results --dialect excel-de -o ergebnisse.csv\n"
        '  eval "$(kl-wahl shell-init bash)"'
    ),
    epilog="Exit codes: 0 success · 1 failure (not found, invalid data, refused write) · 2 usage error.",
    invoke_without_command=True,
    no_args_is_help=False,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"kl-wahl {__version__}")
        raise typer.Exit()


def _at(value: str | None) -> str | None:
    if value is not None and parse_at(value) is None:
        raise typer.BadParameter(
            f"'{value}' is not an ISO 8601 date or date-time (e.g. 2023-02-10 or 2023-02-12T17:30)"
        )
    return value


@app.callback()
def main(
    ctx: typer.Context,
    election: Annotated[
        str | None,
        typer.Option(
            "--election",
            "-e",
            metavar="ID",
            autocompletion=complete.election_ids,
            help="Election id (see `kl-wahl elections`); default: config, else the next or latest election.",
        ),
    ] = None,
    data: Annotated[
        list[Path] | None,
        typer.Option(
            "--data",
            metavar="FILE",
            help="Extra election file (TOML); repeatable; wins over bundled and user files.",
            dir_okay=False,
        ),
    ] = None,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            metavar="en|de",
            help="Language. Default: $KL_WAHL_LANG, else the config file, else the locale (LANG=de… → German), else English.  [env var: KL_WAHL_LANG]",
        ),
    ] = None,
    at: Annotated[
        str | None,
        typer.Option(
            "--at",
            metavar="DATETIME",
            help="Evaluate 'now' as this moment (ISO 8601; a date alone means 12:00 Europe/Berlin). Results show for rounds whose polls had closed by then.",
            callback=_at,
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version", help="Print the version and exit.", callback=_version, is_eager=True
        ),
    ] = False,
) -> None:
    if lang is not None and lang not in ("en", "de"):
        raise typer.BadParameter(f"'{lang}' is not one of en, de", param_hint="--lang")
    ctx.obj = State(
        election_id=election,
        data_files=list(data or []),
        lang_flag=lang,
        at=parse_at(at) if at else None,
    )
    if ctx.invoked_subcommand is None:
        overview.show(ctx.obj)


app.command("elections")(listing.elections_cmd)
app.command("candidates")(listing.candidates_cmd)
app.command("candidate")(candidate_cmd.candidate_cmd)
app.command("results")(listing.results_cmd)
app.command("events")(timecmds.events_cmd)
app.command("countdown")(timecmds.countdown_cmd)
app.command("shell-init")(shell_cmd.shell_init_cmd)
app.command("export")(export_cmd.export_cmd)
app.add_typer(data_cmd.data_app, name="data")
