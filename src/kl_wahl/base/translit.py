"""Output that degrades instead of crashing: German letters become ae/oe/ue/ss on ASCII streams.

Standard library only, so the prompt fast path and the full CLI write through the same rule
(`PYTHONIOENCODING=ascii` gives `Taegen` on both).
"""

from __future__ import annotations

import codecs
import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import TextIO

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
    "─": "-",
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
            try:  # noqa: SIM105 - importing contextlib would cost every prompt 0.5 ms
                reconfigure(errors=ERROR_HANDLER)
            except (ValueError, OSError):  # cannot be reconfigured: keep it
                pass


def transliterate(text: str) -> str:
    """German letters and typographic marks spelled in ASCII (before layout, so columns stay
    aligned); anything else the stream cannot take becomes '?' later, one character each."""
    return "".join(TRANSLIT.get(ch, ch) for ch in text)


def can_encode(stream: TextIO, text: str) -> bool:
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True
