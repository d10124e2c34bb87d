"""Consoles that print data as data: no markup, no emoji codes, no highlighting, safe encoding.

Names and titles come from data files that anyone can write. With `markup=False` a candidate named
`[bold]X[/bold]` prints with its brackets; control characters were already stripped at load time.
Styles are applied with `style=` only, never by building markup strings.
"""

from __future__ import annotations

import codecs
import contextlib
import io
import sys
from typing import TextIO

from rich.console import Console

TRANSLIT = {
    "ä": "ae",
    "ö": "oe",
    "ü": "ue",
    "Ä": "Ae",
    "Ö": "Oe",
    "Ü": "Ue",
    "ß": "ss",
    "–": "-",
    "—": "-",
    "“": '"',
    "”": '"',
    "„": '"',
    "‘": "'",
    "’": "'",
    "…": "...",
    "€": "EUR",
    "§": "S.",
    "é": "e",
    "è": "e",
    "á": "a",
    "à": "a",
    "ó": "o",
    "ô": "o",
    "█": "#",
    "▏": "+",
    "▎": "+",
    "▍": "+",
    "▌": "+",
    "▋": "+",
    "▊": "+",
    "▉": "+",
    "•": "*",
    "→": "->",
    "−": "-",
    "\u00a0": " ",
    "\u202f": " ",
}
ERROR_HANDLER = "kl-wahl-transliterate"


def _transliterate(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: German letters become ae/oe/ue/ss, anything else '?'."""
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    text = exc.object[exc.start : exc.end]
    return "".join(TRANSLIT.get(ch, "?") for ch in text), exc.end


def install_safe_encoding() -> None:
    """Let stdout/stderr degrade instead of crashing on LANG=C or PYTHONIOENCODING=ascii."""
    codecs.register_error(ERROR_HANDLER, _transliterate)
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):  # cannot be reconfigured: keep it
                reconfigure(errors=ERROR_HANDLER)


def can_encode(stream: TextIO, text: str) -> bool:
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


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
