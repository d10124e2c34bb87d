"""Print a `Doc` on a terminal with Rich: colour, hyperlinks, and wrapping that keeps indents.

Only imported when stdout is a terminal (or colour is forced); piped output goes through
`plain`. Text is built from `Text` objects and styles, never from markup. Wrapping never breaks
a word: a table that cannot fit its longest words prints as records; "26. Februar", "2,41 %"
and `command names` are held together with non-breaking spaces; bullets hang.
"""

from __future__ import annotations

import re

from rich import box
from rich.console import Console
from rich.padding import Padding
from rich.style import Style
from rich.table import Table as RichTable
from rich.text import Text

from .doc import Doc, Line, Span, Table, cell_lines
from .plain import text_of

NARROW = 60
"""below this many columns every table prints as records"""
STYLES = {
    "": Style(),
    "bold": Style(bold=True),
    "dim": Style(dim=True),
    "highlight": Style(bold=True, color="cyan"),
    "accent": Style(color="cyan"),
}


def _style(name: str, console: Console) -> Style:
    if name.startswith("link:"):
        return Style(link=name[5:]) if console.is_terminal else STYLES[""]
    return STYLES[name]


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


def _text(spans: list[Span], console: Console) -> Text:
    text = Text()
    for part, style in spans:
        text.append(keep_together(part), style=_style(style, console))
    return text


def render(doc: Doc, console: Console) -> None:
    for block in doc.blocks:
        if block is None:
            console.print()
        elif isinstance(block, Line):
            _line(block, console)
        elif console.width < NARROW or not fits(block, console.width):
            _records(block, console)
        else:
            _table(block, console)


def _line(block: Line, console: Console) -> None:
    """A paragraph; a bullet ("• …") hangs, so wrapped lines start under its text."""
    spans = block.spans
    if spans and spans[0][0].startswith("• "):
        first, style = spans[0]
        grid = RichTable.grid(padding=(0, 1, 0, 0))
        grid.add_column(no_wrap=True)
        grid.add_column()
        grid.add_row(Text("•"), _text([(first[2:], style), *spans[1:]], console))
        console.print(Padding(grid, (0, 0, 0, block.indent)) if block.indent else grid)
        return
    body = _text(spans, console)
    console.print(Padding(body, (0, 0, 0, block.indent)) if block.indent else body)


def fits(table: Table, width: int) -> bool:
    """Whether the table fits `width` with every word whole (its longest words side by side)."""
    floors = []
    for i, col in enumerate(table.cols):
        lines = [text_of(line) for row in table.rows for line in cell_lines(row[i])]
        words = (
            [col.header, *lines]
            if col.no_wrap
            else [col.header] + [w for line in lines for w in keep_together(line).split()]
        )
        floors.append(max([col.min_width, *(len(w) for w in words)]))
    return sum(floors) + 2 * (len(floors) - 1) <= width


def _table(table: Table, console: Console) -> None:
    grid = RichTable(
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        padding=(0, 1),
        collapse_padding=True,
        header_style=STYLES["bold"],
    )
    for col in table.cols:
        grid.add_column(
            col.header,
            justify=col.align,
            overflow="crop" if col.min_width else "fold",
            no_wrap=col.no_wrap,
            min_width=col.min_width or None,
        )
    for i, row in enumerate(table.rows):
        cells = []
        for cell in row:
            text = Text("\n").join(_text(line, console) for line in cell_lines(cell))
            cells.append(text)
        grid.add_row(*cells, style=STYLES["highlight"] if i == table.highlight else None)
    console.print(grid)


def _records(table: Table, console: Console) -> None:
    for i, record in enumerate(table.records):
        if i:
            console.print()
        style = STYLES["highlight"] if i == table.highlight else None
        for header, value in record:
            text = Text(f"{header}: ", style=STYLES["bold"])
            text.append(value, style=style)
            console.print(text, overflow="fold")
