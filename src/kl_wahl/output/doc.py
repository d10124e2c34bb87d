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

import re
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


NARROW = 60
"""below this many columns every table prints as records, on a terminal and piped alike"""
_MONTHS = (
    "Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|"
    "Jan\\.|Feb\\.|Apr\\.|Aug\\.|Sept\\.|Okt\\.|Nov\\.|Dez\\.|"
    "January|March|June|July|October|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
)
_TOGETHER = (
    (re.compile(r"(\d) (%)"), "\\1\u00a0\\2"),
    (re.compile(rf"(\d{{1,2}}\.?) ({_MONTHS})\b"), "\\1\u00a0\\2"),
    (re.compile(r"(\d) (Uhr|votes|Stimmen)\b"), "\\1\u00a0\\2"),
)


def keep_together(text: str) -> str:
    """Non-breaking spaces where a line break would tear apart what belongs together."""
    for pattern, replacement in _TOGETHER:
        text = pattern.sub(replacement, text)
    return re.sub(r"`[^`\n]+`", lambda m: m[0].replace(" ", "\u00a0"), text)


def as_records(table: Table, width: int) -> bool:
    """Whether `table` prints as "Header: value" records at `width`: below `NARROW`, or where
    its longest words side by side do not fit. The one decision, for both printers."""
    if width < NARROW:
        return True
    floors = []
    for i, col in enumerate(table.cols):
        lines = ["".join(t for t, _ in line) for row in table.rows for line in cell_lines(row[i])]
        words = (
            [col.header, *lines]
            if col.no_wrap
            else [col.header] + [w for line in lines for w in keep_together(line).split()]
        )
        floors.append(max([col.min_width, *(len(w) for w in words)]))
    return sum(floors) + 2 * (len(floors) - 1) > width
