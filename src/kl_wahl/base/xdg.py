"""kl-wahl's own directories under the XDG base directories, as platformdirs computes them on
Linux and BSD.

`os` and `sys` only: the prompt fast path finds the cache and the config file with this, without
importing platformdirs or pathlib, and `paths` uses the same rule, so both always agree.
"""

from __future__ import annotations

import os
import sys

from .environ import XDG_ENV

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping

APP = "kl-wahl"
BASES = {
    "data": (XDG_ENV["data"], ".local/share"),
    "config": (XDG_ENV["config"], ".config"),
    "cache": (XDG_ENV["cache"], ".cache"),
}


def app_dir(kind: str, env: Mapping[str, str]) -> str | None:
    """`<base>/kl-wahl` for "data", "config" or "cache"; None on macOS and Windows, where
    platformdirs has other rules."""
    if sys.platform == "darwin" or sys.platform.startswith("win"):
        return None
    variable, default = BASES[kind]
    base = env.get(variable, "").strip() or os.path.join(os.path.expanduser("~"), default)
    return os.path.join(base, APP)
