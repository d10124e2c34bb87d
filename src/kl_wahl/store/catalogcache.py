"""The catalog cache's file format: plain data that cannot run code, with a checksum.

The loaded elections are kept between runs (reading and checking the TOML costs more than the
rest of a command). 0.2.0 pickled them, and whoever could write the cache directory could then
run code as the user. Now the catalog is written as nested tuples of plain values (strings,
numbers, None, booleans) with `marshal`, which has no import cost; records are rebuilt only as
the classes named in `CLASSES`, dates and times from ISO text. A CRC-32 of the body, the format
version and the fingerprint of everything the catalog was read from head the file; anything
that does not match, does not decode, or is not a regular file (`read_regular`) means: read the
TOML again.
"""

from __future__ import annotations

import marshal
import zlib
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ..base.snapfile import read_regular
from ..core import model
from ..core.problems import Problem

VERSION = b"kl-wahl catalog 5"
MAX_BYTES = 50_000_000
"""far above any real catalog (the bundled one is ~60 kB); a larger file is not read"""
_RECORD, _DATETIME, _DATE, _PATH, _TUPLE = range(5)


def _classes() -> dict[str, type]:
    from .registry import Catalog

    names = [
        "Localized",
        "Source",
        "Figure",
        "Fact",
        "Dated",
        "Window",
        "PastResult",
        "PastElection",
        "Candidate",
        "Result",
        "Preliminary",
        "Round",
        "When",
        "Event",
        "Person",
        "Term",
        "Election",
        "District",
        "Count",
    ]
    return {
        "Catalog": Catalog,
        "Problem": Problem,
        **{name: getattr(model, name) for name in names},
    }


def _encode(value: Any) -> Any:
    if isinstance(value, tuple) and hasattr(value, "_fields"):
        return (_RECORD, type(value).__name__, tuple(_encode(v) for v in value))
    if isinstance(value, datetime):
        return (_DATETIME, value.isoformat())
    if isinstance(value, date):
        return (_DATE, value.isoformat())
    if isinstance(value, Path):
        return (_PATH, str(value))
    if isinstance(value, tuple):
        return (_TUPLE, tuple(_encode(v) for v in value))
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise TypeError(f"cannot cache a {type(value).__name__}")


def _decode(value: Any, classes: dict[str, type]) -> Any:
    if not isinstance(value, tuple):
        if value is None or isinstance(value, (str, int, float, bool)):
            return value
        raise ValueError("unexpected value in the catalog cache")
    tag = value[0]
    if tag == _RECORD:
        cls = classes[value[1]]  # KeyError for a class that is not a model record
        return cls(*(_decode(v, classes) for v in value[2]))
    if tag == _DATETIME:
        return datetime.fromisoformat(value[1])
    if tag == _DATE:
        return date.fromisoformat(value[1])
    if tag == _PATH:
        return Path(value[1])
    if tag == _TUPLE:
        return tuple(_decode(v, classes) for v in value[1])
    raise ValueError("unexpected tag in the catalog cache")


def dump(catalog: object, key: bytes) -> bytes:
    """The file's bytes: a header line (version, key, checksum), then the marshalled data."""
    body = marshal.dumps(_encode(catalog))
    return b"%s %08x %s\n" % (VERSION, zlib.crc32(body), key.replace(b"\n", b" ")) + body


def load(path: Path, key: bytes) -> Any | None:
    """The catalog stored at `path` for `key`, or None (missing, stale, damaged, not a regular
    file, or holding anything but model records)."""
    data = read_regular(str(path), MAX_BYTES)
    if data is None:
        return None
    header, _, body = data.partition(b"\n")
    if not header.startswith(VERSION + b" "):
        return None
    checksum, _, stored_key = header[len(VERSION) + 1 :].partition(b" ")
    if stored_key != key.replace(b"\n", b" ") or checksum != b"%08x" % zlib.crc32(body):
        return None
    try:
        return _decode(marshal.loads(body), _classes())
    except (ValueError, TypeError, KeyError, EOFError, IndexError):
        return None
