"""Print a `Doc` as plain text: for pipes, files and `TERM=dumb`, with no Rich import.

Lines are never wrapped (a URL or a name stays whole for grep and awk); tables are aligned with two
spaces between columns and a rule under the header. A table wider than the width the user set
(`COLUMNS`) first wraps its text columns between words; if even that does not fit, it prints as
"Header: value" records instead, so no word is ever broken.
"""

from __future__ import annotations

import textwrap
from typing import TextIO

from ..base.translit import can_encode, transliterate
from .doc import Doc, Line, Span, Table, as_records, cell_lines

GUTTER = "  "
RULE = "─"


def text_of(spans: list[tuple[str, str]]) -> str:
    return "".join(text for text, _ in spans)


def render(doc: Doc, stream: TextIO, width: int | None) -> None:
    """Write `doc`; `width` is the user's COLUMNS (None: no limit). On a stream that cannot
    take the text (LANG=C, PYTHONIOENCODING=ascii), ü becomes ue before columns are aligned."""
    text = "".join(line + "\n" for line in lines(doc, width))
    if not can_encode(stream, text):
        text = "".join(line + "\n" for line in lines(_ascii(doc), width))
    stream.write(text)


def _ascii(doc: Doc) -> Doc:
    def spans(items: list[Span]) -> list[Span]:
        return [(transliterate(text), style) for text, style in items]

    out = Doc(doc.width)
    for block in doc.blocks:
        if isinstance(block, Line):
            out.blocks.append(Line(spans(block.spans), block.indent))
        elif isinstance(block, Table):
            out.blocks.append(
                Table(
                    [c._replace(header=transliterate(c.header)) for c in block.cols],
                    [[spans(cell) for cell in row] for row in block.rows],
                    [[(transliterate(h), transliterate(v)) for h, v in r] for r in block.records],
                    block.highlight,
                )
            )
        else:
            out.blocks.append(block)
    return out


def lines(doc: Doc, width: int | None) -> list[str]:
    out: list[str] = []
    for block in doc.blocks:
        if block is None:
            out.append("")
        elif isinstance(block, Line):
            pad = " " * block.indent
            out.extend((pad + part).rstrip() for part in text_of(block.spans).split("\n"))
        else:
            out.extend(table_lines(block, width))
    return out


def table_lines(table: Table, width: int | None) -> list[str]:
    cells = [[[text_of(line) for line in cell_lines(cell)] for cell in row] for row in table.rows]
    widths = [max(len(c.header), c.min_width) for c in table.cols]
    for row in cells:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], *(len(line) for line in cell))
    gutters = len(GUTTER) * (len(widths) - 1)
    if width is not None and as_records(table, width):
        return record_lines(table)
    if width is not None and sum(widths) + gutters > width:
        fitted = _fit(table, cells, widths, width - gutters)
        if fitted is None:  # not reached after as_records; kept so a miss never breaks words
            return record_lines(table)
        widths = fitted
        cells = [
            [
                _wrap(cell, w) if not col.no_wrap else cell
                for cell, w, col in zip(row, widths, table.cols, strict=True)
            ]
            for row in cells
        ]
    total = sum(widths) + gutters

    def joined(parts: list[str]) -> str:
        padded = [
            part.rjust(w) if col.align == "right" else part.ljust(w)
            for part, w, col in zip(parts, widths, table.cols, strict=True)
        ]
        return GUTTER.join(padded).rstrip()

    out = [joined([c.header for c in table.cols]), RULE * total]
    for row in cells:
        height = max(len(cell) for cell in row)
        for i in range(height):
            out.append(joined([cell[i] if i < len(cell) else "" for cell in row]))
    return out


def _fit(
    table: Table, cells: list[list[list[str]]], widths: list[int], room: int
) -> list[int] | None:
    """Column widths that fit `room` by wrapping text columns between words; None if none do."""
    floors = [
        w
        if col.no_wrap or col.min_width
        else max(
            [len(col.header)]
            + [len(word) for row in cells for line in row[i] for word in line.split()]
        )
        for i, (col, w) in enumerate(zip(table.cols, widths, strict=True))
    ]
    if sum(floors) > room:
        return None
    fitted = list(widths)
    while sum(fitted) > room:
        i = max(range(len(fitted)), key=lambda k: fitted[k] - floors[k])
        fitted[i] -= min(sum(fitted) - room, fitted[i] - floors[i])
    return fitted


def _wrap(cell: list[str], width: int) -> list[str]:
    return [
        part
        for line in cell
        for part in (
            textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False) or [""]
        )
    ]


def record_lines(table: Table) -> list[str]:
    out: list[str] = []
    for i, record in enumerate(table.records):
        if i:
            out.append("")
        out.extend(f"{header}: {value}".rstrip() for header, value in record)
    return out
