"""Consoles that print data as data: no markup, no emoji codes, no highlighting, safe encoding.

Names and titles come from data files that anyone can write. With `markup=False` a candidate named
`[bold]X[/bold]` prints with its brackets; control characters were already stripped at load time.
Styles are applied with `style=` only, never by building markup strings.
"""

from __future__ import annotations

import io
import sys
from typing import TextIO

from rich.console import Console


class TrimmedLines(io.TextIOBase):
    """Piped output without the trailing spaces that Rich pads table cells with."""

    def __init__(self, target: TextIO) -> None:
        super().__init__()
        self._target = target
        self._pending = ""

    def write(self, text: str) -> int:
        *lines, self._pending = (self._pending + text).split("\n")
        for done in lines:
            self._target.write(done.rstrip(" ") + "\n")
        return len(text)

    def flush(self) -> None:
        if self._pending:
            self._target.write(self._pending)
            self._pending = ""
        self._target.flush()

    def isatty(self) -> bool:
        return False

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self._target, "encoding", None) or "utf-8"


def make_console(
    width: int | None = None, record: bool = False, file: TextIO | None = None
) -> Console:
    """A markup-free console; a recording one (for SVG) keeps its styles whatever the stream is."""
    stream = file or sys.stdout
    if not record and not stream.isatty():
        stream = TrimmedLines(stream)
    return Console(
        file=stream,
        markup=False,
        emoji=False,
        highlight=False,
        width=width,
        soft_wrap=False,
        record=record,
        force_terminal=True if record else None,
        color_system="truecolor" if record else "auto",
    )
