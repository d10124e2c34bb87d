"""Typer options that several commands share, built from the shared option table (optspec)."""

from __future__ import annotations

from typing import Annotated, Literal

import typer

from ..exitcodes import USAGE
from ..optspec import FORMAT, PAST_FORMAT, PROMPT, known_placeholders, template_problem

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
    str | None, typer.Option(*FORMAT.names, metavar=FORMAT.metavar, help=FORMAT.help)
]
PastTemplate = Annotated[
    str | None,
    typer.Option(*PAST_FORMAT.names, metavar=PAST_FORMAT.metavar, help=PAST_FORMAT.help),
]
PromptFlag = Annotated[bool, typer.Option(*PROMPT.names, help=PROMPT.help)]


def check_template(option: str, value: str | None) -> None:
    """Refuse unknown placeholders (a typo) instead of printing them into a prompt."""
    from ..problems import UserError

    name = template_problem(value) if value is not None else None
    if name:
        raise UserError(
            "unknown_placeholder",
            option=option,
            name=name,
            known=known_placeholders(),
            exit_code=USAGE,
        )
