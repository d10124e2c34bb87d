"""Help and usage errors in the user's language, including the texts Typer itself prints.

Typer 0.26–0.28 vendors Click without gettext, so its fixed English phrases ("Usage:",
"Options", "Error: No such command …") cannot be translated through a catalog. Instead our
command classes swap in the German help texts of `i18n/help_de.py` while the help is formatted, and
the few fixed phrases of the formatter and of usage errors are translated here, by exact phrase
or by pattern. Everything else on the command line is our own text and comes from `i18n/catalog.py`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from typer.core import TyperCommand, TyperGroup

from ..base.exitcodes import FAILURE, USAGE
from ..base.language import Lang, resolve_language
from ..base.optspec import LANG, lang_ok, match

PHRASES_DE = (
    ("Usage: ", "Aufruf: "),
    ("Options:", "Optionen:"),
    ("Arguments:", "Argumente:"),
    ("Commands:", "Befehle:"),
    ("Show this message and exit.", "Diese Hilfe zeigen und beenden."),
    ("[required]", "[erforderlich]"),
    ("[default:", "[Standard:"),
    ("[env var: ", "[Umgebungsvariable: "),
    ("COMMAND [ARGS]...", "BEFEHL [ARGUMENTE]..."),
    ("[OPTIONS]", "[OPTIONEN]"),
)
"""fixed phrases of the help formatter (the help texts themselves come from HELP_DE)"""

METAVARS_DE = {
    "FILE": "DATEI",
    "FILE...": "DATEI...",
    "DATETIME": "ZEITPUNKT",
    "TEMPLATE": "VORLAGE",
    "EVENT": "TERMIN",
    "DATASET": "DATENSATZ",
    "SOURCE": "QUELLE",
    "COLUMN=NAME": "SPALTE=NAME",
    "SECONDS": "SEKUNDEN",
}
"""placeholders in German help (ID, NAME, URL, N, TEXT and en|de read the same in both)"""

ERRORS_DE = (
    (r"No such command '(.+?)'\.(?: Did you mean (.+)\?)?$", "Unbekannter Befehl '{0}'.{1}"),
    (r"No such option: (\S+)(?: Did you mean (.+)\?)?$", "Unbekannte Option: {0}.{1}"),
    (r"Missing argument '(.+)'\.$", "Fehlendes Argument '{0}'."),
    (r"Missing option '(.+)'\.$", "Fehlende Option '{0}'."),
    (r"Option '(.+)' requires an argument\.$", "Die Option '{0}' braucht einen Wert."),
    (r"Option '(.+)' does not take a value\.$", "Die Option '{0}' nimmt keinen Wert."),
    (r"Got unexpected extra arguments? \((.+)\)$", "Unerwartetes zusätzliches Argument ({0})."),
    (r"Invalid value for '(.+?)': (.+)$", "Ungültiger Wert für '{0}': {1}"),
    (r"'(.+)' is not one of (.+)\.$", "'{0}' ist keiner der Werte {1}."),
    (r"'(.+)' is not a valid integer\.$", "'{0}' ist keine ganze Zahl."),
    (r"'(.+)' is not a valid float\.$", "'{0}' ist keine Zahl."),
    (r"File '(.+)' is a directory\.$", "'{0}' ist ein Verzeichnis, keine Datei."),
    (r"(?:File|Path) '(.+)' does not exist\.$", "'{0}' gibt es nicht."),
)


def argv_lang(args: list[str]) -> Lang:
    """The language a command line asks for: --lang, else $KL_WAHL_LANG, config, locale."""
    flag = None
    for i, arg in enumerate(args):
        found = match(arg, (LANG,))
        if found is not None:
            value = found[1] if found[1] is not None else (args[i + 1] if i + 1 < len(args) else "")
            flag = value if lang_ok(value) else None
    from ..store import paths
    from ..store.config import load_config

    config, _ = load_config(paths.config_path())
    return resolve_language(flag, os.environ, config.lang)


def lang_of(ctx: Any) -> Lang:
    from .state import State

    obj = ctx.find_root().obj
    if isinstance(obj, State):
        return obj.lang
    return argv_lang(obj if isinstance(obj, list) else [])


def phrases(text: str) -> str:
    for english, german in PHRASES_DE:
        text = text.replace(english, german)
    return text


def error_text(message: str, lang: Lang) -> str:
    """A usage error's message in `lang`; inner messages are translated too ('… is not one of')."""
    if lang != "de":
        return message
    for pattern, german in ERRORS_DE:
        found = re.match(pattern, message)
        if found:
            parts = [g or "" for g in found.groups()]
            if german.startswith(("Unbekannter Befehl", "Unbekannte Option")):
                parts[1] = f" Meinten Sie {parts[1]}?" if parts[1] else ""
            if pattern.startswith("Invalid value"):
                parts[1] = error_text(parts[1], lang)
            return german.format(*parts)
    return message


@contextmanager
def german_help(command: Any) -> Iterator[None]:
    """Swap in the German help of a command, its options and (for a group) its commands."""
    from ..i18n.help_de import HELP_DE  # only when German help is shown

    targets = [command, *getattr(command, "params", ())]
    subcommands = getattr(command, "commands", None)
    if subcommands is not None:
        targets += list(subcommands.values())
    saved = [
        (target, field, getattr(target, field))
        for target in targets
        for field in ("help", "epilog", "metavar")
        if getattr(target, field, None)
    ]
    for target, field, english in saved:
        table = METAVARS_DE if field == "metavar" else HELP_DE
        setattr(target, field, table.get(english, english))
    try:
        yield
    finally:
        for target, field, english in saved:
            setattr(target, field, english)


class Localized:
    """Mixed into a Typer command or group: --help and the usage line in the user's language."""

    # The two ignores below: a mixin's super() is the Typer class it is mixed into, which mypy
    # cannot know here.
    def get_help(self, ctx: Any) -> str:
        english = super().get_help  # type: ignore[misc]
        if lang_of(ctx) != "de":
            return plain_usage(str(english(ctx)))
        with german_help(self):
            return plain_usage(phrases(str(english(ctx))))

    def get_usage(self, ctx: Any) -> str:
        text = plain_usage(str(super().get_usage(ctx)))  # type: ignore[misc]
        return phrases(text) if lang_of(ctx) == "de" else text


_BRACED = re.compile(r"\{([A-Z][A-Z.|_-]*)\}")


def plain_usage(text: str) -> str:
    """The usage line without the braces Typer puts around required arguments ('{NAME}'), which
    read like placeholders of a template; `NAME` is how the rest of the help writes them."""
    first, sep, rest = text.partition("\n")
    return _BRACED.sub(r"\1", first) + sep + rest


class LocalizedCommand(Localized, TyperCommand):
    """A command whose --help and usage line follow the user's language."""


class LocalizedGroup(Localized, TyperGroup):
    """A group whose --help, command list, usage line and usage errors follow the user's
    language. `main` prints usage errors itself (Typer would print them in English)."""

    def main(
        self,
        args: Any = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        import sys

        import typer

        argv = list(args if args is not None else sys.argv[1:])
        try:
            result = super().main(
                argv,
                prog_name,
                complete_var,
                standalone_mode=False,
                windows_expand_args=windows_expand_args,
                **extra,
            )
        except typer.TyperException as exc:
            code = show_usage_error(exc, argv)
            if not standalone_mode:
                raise
            sys.exit(code)
        except typer.Abort:
            if not standalone_mode:
                raise
            from ..i18n.catalog import t

            print(f"kl-wahl: {t(argv_lang(argv), 'aborted')}", file=sys.stderr)
            sys.exit(FAILURE)
        if not standalone_mode:
            return result
        sys.exit(result if isinstance(result, int) else 0)


def show_usage_error(exc: Exception, args: list[str]) -> int:
    """Print a usage error as Click would, in the user's language; return its exit code."""
    import sys

    ctx = getattr(exc, "ctx", None)
    lang = lang_of(ctx) if ctx is not None else argv_lang(args)
    format_message = getattr(exc, "format_message", None)
    message = format_message() if callable(format_message) else str(exc)
    if ctx is not None:
        option = ctx.help_option_names[0]
        hint = (
            f"Hilfe: '{ctx.command_path} {option}'."
            if lang == "de"
            else f"Try '{ctx.command_path} {option}' for help."
        )
        print(f"{ctx.get_usage()}\n{hint}\n", file=sys.stderr)
    error = "Fehler" if lang == "de" else "Error"
    print(f"{error}: {error_text(str(message), lang)}", file=sys.stderr)
    code = getattr(exc, "exit_code", USAGE)
    return code if isinstance(code, int) else USAGE
