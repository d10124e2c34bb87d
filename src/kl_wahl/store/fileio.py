"""Writing files so that nothing is lost: atomic replacement, and no overwrite without --force."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from ..core.problems import UserError


def write_atomic(path: Path, data: bytes, force: bool = False) -> None:
    """Write `data` to `path` via a temporary file in the same directory and a rename.

    Readers see the old file or the new one, never half of one; on any error the temporary file is
    removed and the target is untouched.
    """
    if path.is_dir():
        raise UserError("is_directory", path=path)
    if path.exists() and not force:
        raise UserError("file_exists", path=path)
    if path.exists() and not path.is_symlink() and not path.is_file():
        # --force replaces files, never a FIFO or a device (as root, /dev/null itself)
        raise UserError("not_a_file", path=path)
    parent = path.parent
    if not parent.is_dir():
        raise UserError("no_directory", path=path, parent=parent)
    import tempfile

    try:
        fd, tmp = tempfile.mkstemp(dir=parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise UserError("cannot_write", path=path, reason=exc.strerror or exc) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise UserError("cannot_write", path=path, reason=exc.strerror or exc) from None


def make_dir(directory: Path) -> None:
    """Create `directory` (and its parents) if needed, or say in one line why it cannot be."""
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError("cannot_create", path=directory, reason=exc.strerror or exc) from None
