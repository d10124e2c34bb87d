"""The `kl-wahl` console script.

`countdown --prompt` is answered before anything heavy is imported (see prompt.py); every other
invocation, and a prompt whose snapshot is stale, goes through the Typer application.
"""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if "--prompt" in args and "countdown" in args:
        from .prompt import run_fast

        text = run_fast(args, os.environ)
        if text is not None:
            if text:
                sys.stdout.write(text + "\n")
            return 0
    return _full(args)


def _full(args: list[str]) -> int:
    from .cli.app import app
    from .console import install_safe_encoding

    install_safe_encoding()
    try:
        app(args=args, prog_name="kl-wahl")
    except SystemExit as exc:
        code = exc.code
        return code if isinstance(code, int) else (0 if code is None else 1)
    except KeyboardInterrupt:
        print("kl-wahl: interrupted", file=sys.stderr)
        return 130
    return 0
