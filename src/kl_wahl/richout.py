"""Print a `Doc` on a terminal with Rich: colour, hyperlinks, and wrapping that keeps indents.

Only imported when stdout is a terminal (or for a recording, such as the SVG picture); piped
output goes through `plain`. Text is built from `Text` objects and styles, never from markup.
"""

from __future__ import annotations

from rich import box
from rich.console import Console
from rich.padding import Padding
from rich.style import Style
from rich.table import Table as RichTable
from rich.text import Text

from .doc import Doc, Line, Span, Table, cell_lines

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


def _text(spans: list[Span], console: Console) -> Text:
    text = Text()
    for part, style in spans:
        text.append(part, style=_style(style, console))
    return text


def render(doc: Doc, console: Console) -> None:
    for block in doc.blocks:
        if block is None:
            console.print()
        elif isinstance(block, Line):
            body = _text(block.spans, console)
            renderable = Padding(body, (0, 0, 0, block.indent)) if block.indent else body
            console.print(renderable, overflow="fold")
        elif console.width < NARROW:
            _records(block, console)
        else:
            _table(block, console)


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
