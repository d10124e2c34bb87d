"""The option table that the full CLI (Typer) and the prompt fast path share.

One list of names, metavars, help texts and value checks: `cli/` builds its Typer options from it,
and `fast/` parses the same spellings with the same checks, so the two can never accept different
command lines. Standard library only, no `typing` at run time (the fast path imports this).
"""

from __future__ import annotations

from .promptline import PLACEHOLDERS, unknown_placeholders
from .record import Record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence


class Opt(Record):
    names: tuple[str, ...]
    """long name first, then short aliases"""
    metavar: str
    help: str
    value: bool
    """takes a value (else it is a flag)"""


LANGS = ("en", "de")

ELECTION = Opt(
    ("--election", "-e"),
    "ID",
    "Election id (see `kl-wahl elections`); default: config, else the next or latest election.",
    True,
)
DATA = Opt(
    ("--data",),
    "FILE",
    "Extra election file (TOML); repeatable; wins over bundled and user files.",
    True,
)
LANG = Opt(
    ("--lang",),
    "en|de",
    "Language. Default: $KL_WAHL_LANG, else the config file, else the locale (LANG=de… → "
    "German), else English.  [env var: KL_WAHL_LANG]",
    True,
)
AT = Opt(
    ("--at",),
    "DATETIME",
    "Evaluate 'now' as this moment (ISO 8601 or 12.02.2023; a date alone means 12:00 "
    "Europe/Berlin). Everything shows what was known at that moment.",
    True,
)
NO_COLOR = Opt(
    ("--no-color",),
    "",
    "No colour on a terminal (bold and links stay); the same as setting $NO_COLOR. Piped "
    "output never has colour.  [env var: NO_COLOR]",
    False,
)
GLOBAL = (ELECTION, DATA, LANG, AT, NO_COLOR)
"""Options accepted before or after any command."""

PROMPT = Opt(
    ("--prompt",),
    "",
    "One short plain line for shell prompts; nothing once all voting days are past. "
    "Honours $KL_WAHL_NOW (epoch seconds) like the shell snippets.",
    False,
)
FORMAT = Opt(
    ("--format",),
    "TEMPLATE",
    "Prompt template with {label} (short name), {days} (calendar days until the voting day; "
    "0 on the day), {hours} (whole hours until the polls open), {minutes} (the minutes after "
    "those hours, 0-59), {total_minutes} (all minutes until the polls open), {date} (ISO date), "
    "{next_year} (the year by which the next election must be held, derived; empty when "
    "unknown), {counted}/{expected} and {leader} (surname) of the latest imported count "
    "(countdown only). For countdown it implies --prompt.",
    True,
)
PAST_FORMAT = Opt(
    ("--past-format",),
    "TEMPLATE",
    "Template once every voting day is past (default: print nothing); {days} counts the days "
    "since the last voting day; e.g. 'OB-Wahl ~{next_year}'.",
    True,
)


def match(arg: str, table: Sequence[Opt]) -> tuple[Opt, str | None] | None:
    """The option that `arg` spells, and its attached value.

    '--lang=de' -> (LANG, 'de'); '--lang' -> (LANG, None); '-eob-2023' -> (ELECTION, 'ob-2023');
    anything the table does not name -> None.
    """
    name, eq, value = arg.partition("=")
    for opt in table:
        if name in opt.names and name.startswith("--"):
            return opt, (value if eq else None)
        if arg in opt.names:
            return opt, None
        for short in opt.names[1:]:
            if opt.value and len(short) == 2 and arg.startswith(short) and len(arg) > 2:
                return opt, arg[2:]
    return None


def lang_ok(value: str) -> bool:
    return value in LANGS


def template_problem(value: str) -> str | None:
    """The first unknown placeholder in a template, with braces; None when all are known."""
    unknown = unknown_placeholders(value)
    return "{" + unknown[0] + "}" if unknown else None


def known_placeholders() -> str:
    return ", ".join("{" + p + "}" for p in PLACEHOLDERS)
