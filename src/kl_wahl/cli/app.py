"""The Typer application: global options, error handling, and the command table.

Global options (--election, --data, --lang, --at) are accepted before or after the command name:
`KlWahlGroup.parse_args` moves them to the front before Typer parses. Every `UserError` raised by a
command becomes one line on stderr and its exit code, never a traceback.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator, MutableMapping
from pathlib import Path
from typing import Annotated, Any

import typer

from .. import __version__
from ..base import exitcodes
from ..base.optspec import AT, DATA, ELECTION, GLOBAL, LANG, LANGS, NO_COLOR, lang_ok, match
from ..core.problems import Msg, UserError
from . import complete
from .localize import LocalizedCommand, LocalizedGroup, lang_of
from .state import State

COMMANDS: dict[str, tuple[str, str]] = {
    "elections": ("listing", "elections_cmd"),
    "candidates": ("listing", "candidates_cmd"),
    "candidate": ("candidate_cmd", "candidate_cmd"),
    "results": ("listing", "results_cmd"),
    "events": ("timecmds", "events_cmd"),
    "countdown": ("timecmds", "countdown_cmd"),
    "shell-init": ("shell_cmd", "shell_init_cmd"),
    "export": ("export_cmd", "export_cmd"),
    "import": ("import_cmd", "import_cmd"),
    "watch": ("watch_cmd", "watch_cmd"),
    "data": ("data_cmd", "data_app"),
}
"""Command name -> (module in kl_wahl.cli, function or Typer app), in the order --help lists them."""


def load_command(name: str) -> Any:
    """Build one command's click object from its module, only when that command is used."""
    module, attr = COMMANDS[name]
    target = getattr(importlib.import_module(f"{__package__}.{module}"), attr)
    if not isinstance(target, typer.Typer):
        single = typer.Typer(add_completion=False, rich_markup_mode=None)
        single.command(name, cls=LocalizedCommand)(target)
        target = single
    command = typer.main.get_command(target)
    command.name = name
    return command


ALIASES = {
    "wahlen": "elections",
    "kandidaten": "candidates",
    "kandidat": "candidate",
    "kandidatin": "candidate",
    "ergebnisse": "results",
    "termine": "events",
    "exportieren": "export",
    "daten": "data",
}
"""German names that work too; not listed in --help, so they stay out of English users' way."""


class LazyCommands(MutableMapping[str, Any]):
    """The group's command table: every name is known at once, but a command's module is
    imported and its options built only when it is looked up. Typer builds every command of an
    app on each run; with this, `kl-wahl candidates` pays for one command, `--help` for all."""

    def __init__(self) -> None:
        self._loaded: dict[str, Any] = {}

    def __getitem__(self, name: str) -> Any:
        name = ALIASES.get(name, name)
        if name not in self._loaded:
            if name not in COMMANDS:
                raise KeyError(name)
            self._loaded[name] = load_command(name)
        return self._loaded[name]

    def __setitem__(self, name: str, command: Any) -> None:
        self._loaded[name] = command

    def __delitem__(self, name: str) -> None:
        raise KeyError(name)

    def __iter__(self) -> Iterator[str]:
        return iter([*COMMANDS, *(n for n in self._loaded if n not in COMMANDS)])

    def __len__(self) -> int:
        return len(set(COMMANDS) | set(self._loaded))


def hoist_globals(args: list[str]) -> list[str]:
    """Move global options (and their values) in front of the command name.

    Spellings come from the shared option table, so `-eob-2023`, `-e ob-2023`, `--election=…`
    work anywhere on the line, exactly as the fast path reads them.
    """
    front: list[str] = []
    rest: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            rest.extend(args[i:])
            break
        found = match(arg, GLOBAL)
        if found is None:
            rest.append(arg)
        elif not found[0].value:  # a flag
            front.append(arg)
        elif found[1] is not None:
            front.append(f"{found[0].names[0]}={found[1]}")
        elif i + 1 < len(args):
            front.extend((found[0].names[0], args[i + 1]))
            i += 1
        else:
            rest.append(arg)
        i += 1
    return front + rest


class KlWahlGroup(LocalizedGroup):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.commands = LazyCommands()

    def get_help(self, ctx: Any) -> str:
        text = super().get_help(ctx)
        if ctx.parent is None and isinstance(ctx.obj, list):
            remember_help(ctx.obj, text)
        return text

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        return super().parse_args(ctx, hoist_globals(list(args)))

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except UserError as exc:  # values stay data: exc.text translates only what it may
            lang = lang_of(ctx)
            sys.stdout.flush()
            typer.echo(f"kl-wahl: {exc.text(lang)}", err=True)
            for detail in exc.details:
                typer.echo(detail.text(lang) if isinstance(detail, Msg) else detail, err=True)
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
    epilog=(
        f"Exit codes: {exitcodes.OK} success · {exitcodes.FAILURE} failure (not found, invalid "
        f"data, refused write, output closed) · {exitcodes.USAGE} usage error · "
        f"{exitcodes.INTERRUPTED} interrupted (Ctrl-C)."
    ),
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


@app.callback()
def main(
    ctx: typer.Context,
    election: Annotated[
        str | None,
        typer.Option(
            *ELECTION.names,
            metavar=ELECTION.metavar,
            autocompletion=complete.election_ids,
            help=ELECTION.help,
        ),
    ] = None,
    data: Annotated[
        list[Path] | None,
        typer.Option(*DATA.names, metavar=DATA.metavar, help=DATA.help, dir_okay=False),
    ] = None,
    lang: Annotated[
        str | None,
        typer.Option(*LANG.names, metavar=LANG.metavar, help=LANG.help),
    ] = None,
    at: Annotated[
        str | None,
        typer.Option(*AT.names, metavar=AT.metavar, help=AT.help),
    ] = None,
    no_color: Annotated[bool, typer.Option(*NO_COLOR.names, help=NO_COLOR.help)] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version", help="Print the version and exit.", callback=_version, is_eager=True
        ),
    ] = False,
) -> None:
    from ..base.clock import parse_at
    from ..i18n.catalog import t

    if lang is not None and not lang_ok(lang):
        message = t(lang_of(ctx), "bad_lang", value=lang, known=", ".join(LANGS))
        raise typer.BadParameter(message, param_hint="'--lang'")
    moment = None if at is None else parse_at(at)
    if at is not None and moment is None:
        raise typer.BadParameter(t(lang_of(ctx), "bad_at", value=at), param_hint="'--at'")
    ctx.obj = State(
        election_id=election,
        data_files=list(data or []),
        lang_flag=lang,
        at=moment,
        argv=list(ctx.obj) if isinstance(ctx.obj, list) else [],
        no_color=no_color,
    )
    if ctx.invoked_subcommand is None:
        from . import overview

        overview.show(ctx.obj)


def remember_help(argv: list[str], text: str) -> None:
    """Cache `kl-wahl --help` for the fast path (a new shell's `kl-wahl -h` answers in ~20 ms).
    Keyed by the arguments, the language environment, the config file and the width."""
    import contextlib
    import os

    from ..base.snapfile import HELP_ARGS, answer_key, config_fingerprint, dump_answer, help_file
    from ..store import paths
    from ..store.fileio import make_dir, write_atomic

    if argv not in HELP_ARGS:
        return
    entry = dump_answer(
        answer_key(argv, os.environ), config_fingerprint(os.environ), 2**62, text + "\n"
    )
    with contextlib.suppress(OSError, UserError):
        make_dir(paths.cache_dir())
        write_atomic(paths.cache_dir() / help_file(os.environ), entry.encode("utf-8"), force=True)


def run(args: list[str]) -> int:
    """Run the CLI on `args` and return the exit code; nothing escapes as a traceback."""
    from ..base.stdio import output_failed

    try:
        app(args=args, prog_name="kl-wahl", obj=list(args))
        sys.stdout.flush()
    except SystemExit as exc:
        try:
            sys.stdout.flush()
        except OSError as err:
            return output_failed(err)
        code = exc.code
        return code if isinstance(code, int) else (exitcodes.OK if code is None else 1)
    except KeyboardInterrupt:
        _say_failure(args, "interrupted")
        return exitcodes.INTERRUPTED
    except OSError as exc:
        return output_failed(exc)
    return exitcodes.OK


def _say_failure(args: list[str], key: str) -> None:
    from ..i18n.catalog import t
    from .localize import argv_lang

    print(f"kl-wahl: {t(argv_lang(args), key)}", file=sys.stderr)
