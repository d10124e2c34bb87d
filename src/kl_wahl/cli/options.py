"""Options that several commands share, and their checks."""

from __future__ import annotations

from typing import Annotated, Literal

import typer

from ..problems import UserError
from ..prompt import PLACEHOLDERS, unknown_placeholders

ListFormat = Annotated[
    Literal["table", "json", "csv", "tsv"],
    typer.Option(
        "--format",
        "-f",
        help="Output: table for people; json, csv or tsv for scripts (documented keys).",
    ),
]
"""The --format option shared by every listing command."""

FormatTemplate = Annotated[
    str | None,
    typer.Option(
        "--format",
        metavar="TEMPLATE",
        help=(
            "Prompt template with {label} (short name), {days} (calendar days until the voting "
            "day; 0 on the day, negative after), {hours} and {minutes} (whole hours/minutes until "
            "the polls open, 0 once open), {date} (ISO date). For countdown it implies --prompt."
        ),
    ),
]
PastTemplate = Annotated[
    str | None,
    typer.Option(
        "--past-format",
        metavar="TEMPLATE",
        help="Template once every voting day is past (default: print nothing).",
    ),
]


def check_template(option: str, value: str | None) -> None:
    """Refuse unknown placeholders (a typo) instead of printing them into a prompt."""
    if value is None:
        return
    unknown = unknown_placeholders(value)
    if unknown:
        known = ", ".join("{" + p + "}" for p in PLACEHOLDERS)
        raise UserError(
            "unknown_placeholder",
            option=option,
            name="{" + unknown[0] + "}",
            known=known,
            exit_code=2,
        )
