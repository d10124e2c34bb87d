"""The prompt snapshot file: what a normal run leaves in the cache for the prompt fast path.

A small text file (no JSON, no TOML: the fast path may not import their parsers) holding the voting
days of each election as epoch seconds, their labels, the config values that matter for the
prompt, the time zone's UTC offsets over the span the snapshot covers, and a fingerprint of
everything it was built from. Standard library only; `store/snapshot.py` writes it, `kl_wahl.fast`
reads it.

Also `read_regular`, the one way kl-wahl reads a file that anyone could have put in its way
(caches, the config, election files): regular files only, and bounded, so that a FIFO at a cache
path cannot block a prompt and a link to /dev/zero cannot grow memory. It lives here, not in a
module of its own, because the prompt reads its snapshot with it and every module costs a prompt.
"""

from __future__ import annotations

import os
import sys

from .. import __version__
from .environ import COLUMNS, LANGUAGE_ENV, LOCATING_ENV
from .promptline import Target
from .record import Record
from .xdg import app_dir

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

CACHE_FILE = "prompt-snapshot-v4.txt"
MAGIC = "kl-wahl prompt snapshot 4"
MAX_CACHE_BYTES = 1_000_000
"""a cache file larger than this is damage (a snapshot is about 1 kB, the help 5 kB)"""
_PRIME = (1 << 61) - 1


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


def checksum(text: str) -> str:
    """A check of the whole text: the text as one big number modulo a Mersenne prime. Any
    changed, removed or swapped byte changes it (but for a chance of 1 in 2**61), and it costs a
    few microseconds without importing zlib or hashlib, which would cost a prompt more."""
    return format(int.from_bytes(text.encode("utf-8", "surrogateescape"), "big") % _PRIME, "x")


def seal(text: str) -> str:
    """`text` under a first line holding its checksum."""
    return f"sum\t{checksum(text)}\n{text}"


def unseal(text: str) -> str | None:
    """The text a sealed file holds, or None when its checksum does not match (damage)."""
    first, sep, body = text.partition("\n")
    if not sep or not first.startswith("sum\t"):
        return None
    return body if first[4:] == checksum(body) else None


class ElectionSnapshot(Record):
    id: str
    targets: tuple[Target, ...]
    offsets: tuple[tuple[int, int], ...]
    """(start epoch, UTC offset seconds) of the election's time zone over the snapshot's span"""
    next_year: str
    """{next_year}: the year the next election's window ends, or ''"""
    tally: tuple[str, str, str] = ("", "", "")
    """{counted}, {expected}, {leader} of the latest imported count, or ''"""

    def extra(self) -> dict[str, str]:
        """The placeholder values beyond the voting day's own."""
        counted, expected, leader = self.tally
        return {
            "next_year": self.next_year,
            "counted": counted,
            "expected": expected,
            "leader": leader,
        }


class Snapshot(Record):
    dirs: tuple[str, ...]
    files: tuple[str, ...]
    data_files: tuple[str, ...]
    fingerprint: str
    config: tuple[str, str, str, str]
    """election, lang, prompt_format, prompt_past_format ('' when unset)"""
    elections: tuple[ElectionSnapshot, ...]
    valid_from: int
    valid_until: int
    """the span whose UTC offsets the snapshot knows; outside it only the full CLI answers"""


def fast_cache_path(env: Mapping[str, str], name: str = CACHE_FILE) -> str | None:
    """A file in the user cache dir, found without platformdirs (Linux and BSD only)."""
    directory = app_dir("cache", env)
    return None if directory is None else os.path.join(directory, name)


def fingerprint(dirs: Sequence[str], files: Sequence[str], env: Mapping[str, str]) -> str:
    """Changes whenever a data/config file appears, disappears or changes, or kl-wahl updates."""
    parts = [__version__]
    parts.extend(f"{name}={env.get(name, '')}" for name in LOCATING_ENV)
    listed: list[str] = []
    for directory in dirs:
        try:  # election files, and imported rounds (results/<election>/round-N.json)
            names = sorted(n for n in os.listdir(directory) if n.endswith((".toml", ".json")))
        except OSError:
            names = []
        listed.extend(os.path.join(directory, n) for n in names)
    for path in [*listed, *files]:
        try:
            st = os.stat(path)
            parts.append(f"{path}:{st.st_size}:{st.st_mtime_ns}")
        except OSError:
            parts.append(f"{path}:-")
    return "|".join(parts)


def _field(text: str) -> str:
    return text.replace("\t", " ").replace("\n", " ").replace("\r", " ")


def dump_snapshot(snap: Snapshot) -> str:
    lines = [MAGIC, "fingerprint\t" + _field(snap.fingerprint)]
    lines += ["dir\t" + _field(d) for d in snap.dirs]
    lines += ["file\t" + _field(f) for f in snap.files]
    lines += ["data\t" + _field(f) for f in snap.data_files]
    lines.append("config\t" + "\t".join(_field(v) for v in snap.config))
    lines.append(f"valid\t{snap.valid_from}\t{snap.valid_until}")
    for election in snap.elections:
        lines.append("election\t" + election.id)
        lines.append("next\t" + election.next_year)
        lines.append("count\t" + "\t".join(_field(v) for v in election.tally))
        lines += [f"offset\t{start}\t{offset}" for start, offset in election.offsets]
        for t in election.targets:
            lines.append(
                f"target\t{_field(t.label_en)}\t{_field(t.label_de)}\t{t.opens}\t{t.closes}\t{t.day}\t{t.iso_date}"
            )
    return seal("\n".join(lines) + "\n")


def parse_snapshot(text: str) -> Snapshot | None:
    """The snapshot in `text`, or None for anything damaged: a wrong checksum, a missing part,
    a control character in a label (it would reach the prompt)."""
    body = unseal(text)
    if body is None:
        return None
    lines = body.split("\n")
    if not lines or lines[0] != MAGIC:
        return None
    found: dict[str, list[list[str]]] = {}
    elections: list[tuple[str, list[Target], list[tuple[int, int]], list[str]]] = []
    counts: dict[int, tuple[str, str, str]] = {}
    try:
        for line in lines[1:]:
            if not line:
                continue
            kind, _, rest = line.partition("\t")
            cols = rest.split("\t")
            if kind == "election":
                elections.append((rest, [], [], [""]))
            elif kind == "next":
                elections[-1][3][0] = rest
            elif kind == "count":
                counted, expected, leader = cols
                if any(v and not v.isdigit() for v in (counted, expected)):
                    return None
                if not leader.isprintable():
                    return None
                counts[len(elections) - 1] = (counted, expected, leader)
            elif kind == "target":
                en, de, opens, closes, day, iso = cols
                if not (en + de).isprintable():
                    return None
                elections[-1][1].append(Target(en, de, int(opens), int(closes), int(day), iso))
            elif kind == "offset":
                elections[-1][2].append((int(cols[0]), int(cols[1])))
            else:
                found.setdefault(kind, []).append(cols)
        if any(not offs for _, _, offs, _ in elections):
            return None  # every election needs its UTC offsets
        config = found["config"][0]
        return Snapshot(
            dirs=tuple(c[0] for c in found.get("dir", [])),
            files=tuple(c[0] for c in found.get("file", [])),
            data_files=tuple(c[0] for c in found.get("data", [])),
            fingerprint=found["fingerprint"][0][0],
            config=(config[0], config[1], config[2], config[3]),
            elections=tuple(
                ElectionSnapshot(eid, tuple(ts), tuple(offs), nxt[0], counts.get(i, ("", "", "")))
                for i, (eid, ts, offs, nxt) in enumerate(elections)
            ),
            valid_from=int(found["valid"][0][0]),
            valid_until=int(found["valid"][0][1]),
        )
    except (KeyError, IndexError, ValueError):
        return None


def read_text(path: str) -> str | None:
    """A cache file as text (see `read_cache`); None when it is not UTF-8 either."""
    data = read_regular(path, MAX_CACHE_BYTES)
    try:
        return None if data is None else data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def read_snapshot(path: str) -> Snapshot | None:
    text = read_text(path)
    return None if text is None else parse_snapshot(text)


# -- cached answers (shell-init snippets, the top-level help) ---------------------------------

ANSWER_MAGIC = "kl-wahl cached answer 2"


def answer_key(argv: Sequence[str], env: Mapping[str, str]) -> str:
    """What a cached answer was made for: the exact arguments and the language environment."""
    return "\x1f".join([*argv, *(f"{name}={env.get(name, '')}" for name in LANGUAGE_ENV)])


HELP_ARGS = (["--help"], ["-h"])
"""the command lines whose output (the top-level help) is cached for the fast path"""


def help_width(env: Mapping[str, str]) -> int:
    """The width the help formatter uses, as Typer computes it (shutil.get_terminal_size with
    its fallback, capped at 80, minus 2, at least 50) — without importing shutil."""
    value = env.get(COLUMNS, "")
    columns = int(value) if value.isdigit() else 0
    if columns <= 0:
        try:
            stdout = sys.__stdout__
            columns = os.get_terminal_size(stdout.fileno()).columns if stdout else 80
        except (AttributeError, ValueError, OSError):
            columns = 80
        columns = columns or 80
    return max(min(columns, 80) - 2, 50)


def help_file(env: Mapping[str, str]) -> str:
    return f"help-{help_width(env)}.txt"


def config_fingerprint(env: Mapping[str, str]) -> str:
    """Version, language environment and the config file (its `lang` decides the help's)."""
    directory = app_dir("config", env)
    files = () if directory is None else (os.path.join(directory, "config.toml"),)
    return fingerprint((), files, env)


def shell_init_file(shell: str) -> str:
    return f"shell-init-{shell}.txt"


def dump_answer(key: str, fingerprint: str, valid_until: int, text: str) -> str:
    """A cached answer with what it depends on: the exact request, the data it came from, and
    until when the same request gives the same answer (a snippet's default election can change
    when a voting day closes; the help never expires)."""
    return seal(f"{ANSWER_MAGIC}\n{_field(key)}\n{_field(fingerprint)}\n{valid_until}\n{text}")


def parse_answer(text: str) -> tuple[str, str, int, str] | None:
    """(key, fingerprint, valid until, answer) of a cached answer; None when damaged."""
    body = unseal(text)
    if body is None:
        return None
    parts = body.split("\n", 4)
    if len(parts) != 5 or parts[0] != ANSWER_MAGIC or not parts[3].isdigit():
        return None
    return parts[1], parts[2], int(parts[3]), parts[4]
