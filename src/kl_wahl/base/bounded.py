"""Reading a file that anyone could have put in our way: regular files only, and bounded.

Caches, config and election files are read through here, so that a FIFO at a cache path cannot
block a prompt and a link to /dev/zero cannot grow memory without end. Standard library only
(the prompt's fast path reads its snapshot with it).
"""

from __future__ import annotations

import os


def read_regular(path: str, limit: int) -> bytes | None:
    """A file's bytes, or None: missing, unreadable, not a regular file (a FIFO would block, a
    link to /dev/zero never end), or larger than `limit`."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if info.st_mode & 0o170000 != 0o100000 or info.st_size > limit:
            return None
        chunks = []
        while chunk := os.read(fd, limit + 1):
            chunks.append(chunk)
        data = b"".join(chunks)
        return data if len(data) <= limit else None
    except OSError:
        return None
    finally:
        os.close(fd)
