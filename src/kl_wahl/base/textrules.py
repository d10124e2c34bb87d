"""Rules for text that comes from files anyone can write: what an id looks like, and no control
characters (so a name can never move the cursor, ring the bell or open a hyperlink)."""

from __future__ import annotations

import re

ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean_text(value: str) -> str:
    """Remove C0/C1 control characters (ESC included), keeping newline and tab."""
    return _CONTROL.sub("", value)
