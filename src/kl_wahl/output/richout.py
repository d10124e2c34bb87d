"""Print a `Doc` on a terminal with Rich: colour, hyperlinks, and wrapping that keeps indents.

Only imported when stdout is a terminal (or colour is forced); piped output goes through
`plain`. Text is built from `Text` objects and styles, never from markup. Wrapping never breaks
a word: a table that cannot fit its longest words prints as records; "26. Februar", "2,41 %"
and `command names` are held together with non-breaking spaces; bullets hang.
"""

from __future__ import annotations

from collections.abc import Callable

from rich import box
from rich.cells import cell_len
from rich.color import ColorSystem
from rich.console import Console
from rich.padding import Padding
from rich.style import Style
from rich.table import Table as RichTable
from rich.text import Text

from .doc import Doc, Line, Span, Table, as_records, cell_lines, keep_together

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
        text.append(keep_together(part), style=_style(style, console))
    return text


def render(doc: Doc, console: Console) -> None:
    for block in doc.blocks:
        if block is None:
            console.print()
        elif isinstance(block, Line):
            _line(block, console)
        elif as_records(block, console.width):
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
    """The records, with few Rich calls: the lines that fit the width go out as ANSI text built
    here (Rich's wrapping, per line or over one long Text, cost 0.5-0.7 s for 250 districts ×
    10 candidates); only a line too long for the width goes through Rich, folded between
    words."""
    width = console.width
    out: list[str] = []
    bold = _ansi(STYLES["bold"], console)
    for i, record in enumerate(table.records):
        if i:
            out.append("\n")
        value_style = _ansi(STYLES["highlight"], console) if i == table.highlight else None
        for header, value in record:
            if cell_len(f"{header}: {value}") > width:
                line = Text()
                line.append(f"{header}: ", style=STYLES["bold"])
                line.append(value, style=value_style and STYLES["highlight"])
                console.file.write("".join(out))
                out.clear()
                console.print(line, overflow="fold")
                continue
            out.append(bold(f"{header}: "))
            out.append(value_style(value) if value_style else value)
            out.append("\n")
    console.file.write("".join(out))


_SYSTEMS = {
    "standard": ColorSystem.STANDARD,
    "256": ColorSystem.EIGHT_BIT,
    "truecolor": ColorSystem.TRUECOLOR,
    "windows": ColorSystem.WINDOWS,
}


def _ansi(style: Style, console: Console) -> Callable[[str], str]:
    """A function giving `text` with `style` as this console writes it: the same escapes, none
    where the console writes none (a pipe, TERM=dumb), no colour under NO_COLOR."""
    system = _SYSTEMS.get(console.color_system or "")
    if system is None:
        return lambda text: text
    if console.no_color:
        style = style.without_color
    return lambda text: style.render(text, color_system=system)
