"""What a human view says, before anyone decides how to print it.

Views (overview, profile, results, countdown …) build a `Doc`: headings, lines of styled spans,
tables that know their own record layout, blank lines. Two printers turn it into output: on a
terminal `richout` (colour, links, wrapping), piped `plain` (no escapes, no wrapping, no Rich
import, so scripts and the benchmark never pay for Rich). Keeping the view free of either means
both always say the same thing.

Styles are names, not markup: "bold", "dim", "highlight", "accent", or "link:URL". Text from data
is never interpreted by either printer.
"""

from __future__ import annotations

from typing import Literal

from ..base.record import Record

Span = tuple[str, str]
"""(text, style name); '' is unstyled"""
Align = Literal["left", "right"]


class Col(Record):
    header: str
    align: Align = "left"
    no_wrap: bool = False
    min_width: int = 0


class Table(Record):
    cols: list[Col]
    rows: list[list[list[Span]]]
    """cells as spans; a '\\n' inside a span starts another line in that cell"""
    records: list[list[tuple[str, str]]]
    """the same rows as ("Header", "value") pairs, for widths where the table does not fit"""
    highlight: int | None = None


class Line(Record):
    spans: list[Span]
    indent: int = 0


Block = Table | Line | None
"""None is a blank line"""


class Doc:
    def __init__(self, width: int) -> None:
        self.width = width
        """the width the view may plan for (bars, narrow layouts)"""
        self.blocks: list[Block] = []

    def heading(self, text: str) -> None:
        self.blocks.append(Line([(text, "bold")]))

    def line(self, text: str, style: str = "", indent: int = 0) -> None:
        self.blocks.append(Line([(text, style)], indent))

    def spans(self, spans: list[Span], indent: int = 0) -> None:
        self.blocks.append(Line(spans, indent))

    def blank(self) -> None:
        self.blocks.append(None)

    def table(self, table: Table) -> None:
        self.blocks.append(table)


def cell_lines(cell: list[Span]) -> list[list[Span]]:
    """A cell's spans split into its lines."""
    lines: list[list[Span]] = [[]]
    for text, style in cell:
        first, *more = text.split("\n")
        if first:
            lines[-1].append((first, style))
        for part in more:
            lines.append([(part, style)] if part else [])
    return lines
