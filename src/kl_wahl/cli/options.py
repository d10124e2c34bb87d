"""Typer options that several commands share, built from the shared option table (optspec)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import typer

from ..base.exitcodes import USAGE
from ..base.optspec import FORMAT, PAST_FORMAT, PROMPT, known_placeholders, template_problem

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
    from ..core.problems import UserError

    name = template_problem(value) if value is not None else None
    if name:
        raise UserError(
            "unknown_placeholder",
            option=option,
            name=name,
            known=known_placeholders(),
            exit_code=USAGE,
        )


MapOption = Annotated[
    list[str] | None,
    typer.Option(
        "--map",
        metavar="COLUMN=NAME",
        help="Map a vote column to a candidate (id or name, found as `candidate NAME` finds "
        "them), e.g. --map D3=kuerwitz; for a new election the candidate's name. Repeatable.",
    ),
]
TitleOption = Annotated[
    str | None, typer.Option("--title", metavar="TEXT", help="Title of a new election.")
]
StrictOption = Annotated[
    bool, typer.Option("--strict", help="Refuse a file whose plausibility checks fail.")
]
GeometryOption = Annotated[
    Path | None,
    typer.Option(
        "--geometry",
        metavar="AREAS.geojson",
        help="With --svg: draw a map of the districts instead of the chart, from the "
        "district areas in this GeoJSON file (matched by name or number).",
        dir_okay=False,
    ),
]
ShadeOption = Annotated[
    str | None,
    typer.Option(
        "--candidate",
        metavar="NAME",
        help="With --geometry: shade each district by this candidate's share instead of "
        "colouring it by its leader.",
    ),
]
PickOption = Annotated[
    str | None,
    typer.Option(
        "--pick",
        metavar="TEXT",
        help="With a presentation's address: the election whose name contains TEXT, where the "
        "date has several person elections (e.g. --pick Landrat).",
    ),
]
RoundOption = Annotated[
    int | None,
    typer.Option("--round", "-r", metavar="N", help="Round (default: the one on the file's date)."),
]
