"""The `kl-wahl` console script.

`countdown --prompt` and `shell-init` are answered by the fast path (`kl_wahl.fast`) before
anything heavy is imported, when the cache allows an answer identical to the full CLI's; every
other invocation goes through the Typer application. The console script then ends the process
without interpreter teardown (`_leave`).
"""

from __future__ import annotations

import os
import sys

from .base import exitcodes
from .base.stdio import output_failed
from .base.translit import install_safe_encoding

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import NoReturn


def main(argv: Sequence[str] | None = None) -> int:
    """Answer `argv` (the process's own arguments when None) and return the exit code.

    Run as the console script (`argv` is None), the process ends right here through `_leave`.
    """
    code = _answer(list(sys.argv[1:] if argv is None else argv))
    if argv is None:
        _leave(code)
    return code


def _answer(args: list[str]) -> int:
    install_safe_encoding()
    if args == ["--version"]:  # the same line the full CLI prints, without loading it
        from . import __version__

        return _write(f"kl-wahl {__version__}\n")
    if "countdown" in args or "shell-init" in args or args in (["--help"], ["-h"]):
        from .fast.answer import run_fast

        text = run_fast(args, os.environ)
        if text is not None:
            return _write(text)
    return _full(args)


def _leave(code: int) -> NoReturn:
    """End the process once everything written has reached its file descriptors.

    Interpreter shutdown, tearing down the modules Typer and Rich loaded, costs a full command
    10-20 ms on the README's benchmark machine, for nothing the user sees: this program has no
    exit handlers, its files are written and closed atomically before a command returns, and
    Rich's live display is stopped by then. So after flushing stdout and stderr the process
    exits directly.
    """
    import contextlib

    try:
        sys.stdout.flush()
    except OSError as exc:
        code = output_failed(exc)
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.flush()
    os._exit(code)


def _write(text: str) -> int:
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except OSError as exc:
        return output_failed(exc)
    return exitcodes.OK


def _full(args: list[str]) -> int:
    from .cli.app import run

    return run(args)
