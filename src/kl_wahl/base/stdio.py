"""What happens when stdout cannot take the output: one line on stderr and an exit code.

Shared by the console script (`entry`) and the Typer application (`cli.app`); kept in `base/` so
that neither has to import the other (that import closed the package's only circle).
"""

from __future__ import annotations

import contextlib
import os
import sys

from . import exitcodes


def output_failed(exc: OSError) -> int:
    """stdout could not take the output (a closed pipe, a full disk): one line, no traceback.

    stdout is pointed at /dev/null afterwards, so that the interpreter's final flush of what is
    still buffered cannot fail a second time.
    """
    reason = "the reader closed the pipe" if isinstance(exc, BrokenPipeError) else exc.strerror
    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    with contextlib.suppress(OSError):
        print(f"kl-wahl: cannot write output ({reason or exc})", file=sys.stderr)
    return exitcodes.FAILURE
