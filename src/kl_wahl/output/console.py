"""Consoles that print data as data: no markup, no emoji codes, no highlighting, safe encoding.

Names and titles come from data files that anyone can write. With `markup=False` a candidate named
`[bold]X[/bold]` prints with its brackets; control characters were already stripped at load time.
Styles are applied with `style=` only, never by building markup strings.
"""

from __future__ import annotations

import io
import sys
from typing import TextIO, cast

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

    # typeshed declares TextIOBase.encoding an attribute; a property gives the target's, hence
    # the one ignore
    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self._target, "encoding", None) or "utf-8"


def make_console(no_color: bool = False) -> Console:
    """The markup-free console for stdout; used on terminals (and with FORCE_COLOR);
    `no_color` for --no-color ($NO_COLOR Rich reads itself)."""
    stream: TextIO = sys.stdout if sys.stdout.isatty() else cast(TextIO, TrimmedLines(sys.stdout))
    return Console(
        file=stream,
        markup=False,
        emoji=False,
        highlight=False,
        soft_wrap=False,
        no_color=no_color or None,
    )
