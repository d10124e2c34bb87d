"""The prompt countdown, standard library only: `kl-wahl countdown --prompt` runs from here.

A shell prompt runs before every command line, so this path imports neither Typer, Rich, a TOML
parser nor even `json`, `re` or `datetime` (unless `--at` is given). It reads a small text snapshot
that every normal run writes to the cache directory: the voting days of each election as epoch
seconds, their labels, the config values that matter here, and the time zone's UTC offsets. The
snapshot is trusted only while its fingerprint (package version, the paths, sizes and mtimes of all
data and config files, and the environment that locates them) matches; otherwise the caller falls
back to the full CLI, which rewrites it.

The same pure functions (`prompt_line`, `choose_default`) serve the full CLI, so the fast path and
the normal path cannot disagree; the shell snippets are tested against them.
"""

from __future__ import annotations

import os
import sys

from . import __version__
from .language import resolve_language

TYPE_CHECKING = False  # `typing` alone costs more than this whole module
if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from .language import Lang

CACHE_FILE = "prompt-snapshot-v1.txt"
MAGIC = "kl-wahl prompt snapshot 1"
PLACEHOLDERS = ("label", "days", "hours", "minutes", "date")
DEFAULT_FORMAT = "{label} {days}d"
DEFAULT_TODAY = {"en": "{label} today", "de": "{label} heute"}
LOCATING_ENV = ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "APPDATA", "LOCALAPPDATA")


if TYPE_CHECKING:
    from typing import NamedTuple

    class Target(NamedTuple):
        """A voting day as the prompt sees it; `day` is the local calendar day number (epoch days)."""

        label_en: str
        label_de: str
        opens: int
        closes: int
        day: int
        iso_date: str

    class Templates(NamedTuple):
        upcoming: str
        today: str
        past: str

    class ElectionSnapshot(NamedTuple):
        id: str
        targets: tuple[Target, ...]
        offsets: tuple[tuple[int, int], ...]
        """(start epoch, UTC offset seconds) of the election's time zone over the snapshot's span"""

    class Snapshot(NamedTuple):
        dirs: tuple[str, ...]
        files: tuple[str, ...]
        data_files: tuple[str, ...]
        fingerprint: str
        config: tuple[str, str, str, str]
        """election, lang, prompt_format, prompt_past_format ('' when unset)"""
        elections: tuple[ElectionSnapshot, ...]
        valid_until: int


else:

    def _record(name, fields):
        """A minimal named tuple: importing `collections` would cost the prompt ~2 ms."""
        names = tuple(fields.split())

        def new(cls, *values, **named):
            return tuple.__new__(cls, values + tuple(named[f] for f in names[len(values) :]))

        namespace = {"__slots__": (), "_fields": names, "__new__": new}
        for index, field in enumerate(names):
            namespace[field] = property(lambda self, i=index: self[i])
        return type(name, (tuple,), namespace)

    Target = _record("Target", "label_en label_de opens closes day iso_date")
    Templates = _record("Templates", "upcoming today past")
    ElectionSnapshot = _record("ElectionSnapshot", "id targets offsets")
    Snapshot = _record("Snapshot", "dirs files data_files fingerprint config elections valid_until")


def unknown_placeholders(template: str) -> list[str]:
    """Names in braces that are not placeholders, so a typo is refused instead of printed."""
    found = []
    rest = template
    while "{" in rest:
        rest = rest.split("{", 1)[1]
        if "}" not in rest:
            break
        name, rest = rest.split("}", 1)
        if name not in PLACEHOLDERS:
            found.append(name)
    return found


def templates_for(lang: Lang, fmt: str | None, past_fmt: str | None) -> Templates:
    """A user template serves upcoming and today alike; the default says 'today' on the day."""
    if fmt is not None:
        return Templates(fmt, fmt, past_fmt or "")
    return Templates(DEFAULT_FORMAT, DEFAULT_TODAY[lang], past_fmt or "")


def fill(template: str, values: Mapping[str, str]) -> str:
    """Replace placeholders literally (no str.format: data can never reach a format spec)."""
    out = template
    for name in PLACEHOLDERS:
        out = out.replace("{" + name + "}", values[name])
    return out


def offset_at(epoch: int, offsets: Sequence[tuple[int, int]]) -> int:
    """UTC offset in seconds at `epoch`, from (start epoch, offset) pairs sorted by start."""
    current = offsets[0][1]
    for start, offset in offsets:
        if start > epoch:
            break
        current = offset
    return current


def local_day(epoch: int, offsets: Sequence[tuple[int, int]]) -> int:
    return (epoch + offset_at(epoch, offsets)) // 86400


def prompt_line(
    targets: Sequence[Target],
    now: int,
    offsets: Sequence[tuple[int, int]],
    templates: Templates,
    lang: Lang,
) -> str:
    """What the prompt shows at `now`: the next voting day whose polls have not closed, or else
    the past template (empty by default) for the last one."""
    if not targets:
        return ""
    upcoming = next((t for t in targets if t.closes > now), None)
    target = upcoming or targets[-1]
    days = target.day - local_day(now, offsets)
    if upcoming is None:
        template = templates.past
    elif days == 0:
        template = templates.today
    else:
        template = templates.upcoming
    ahead = max(0, target.opens - now)
    values = {
        "label": target.label_de if lang == "de" else target.label_en,
        "days": str(days),
        "hours": str(ahead // 3600),
        "minutes": str(ahead // 60),
        "date": target.iso_date,
    }
    return fill(template, values)


def choose_default(entries: Sequence[tuple[str, Sequence[tuple[int, int]]]], now: int) -> str:
    """The election whose next voting day closes first; if none is ahead, the most recent one.

    `entries` are (election id, [(opens, closes), ...]) in catalog order.
    """
    ahead = [
        (min(c for _, c in days if c > now), eid)
        for eid, days in entries
        if any(c > now for _, c in days)
    ]
    if ahead:
        return min(ahead)[1]
    dated = [(max(c for _, c in days), eid) for eid, days in entries if days]
    if dated:
        return max(dated)[1]
    return entries[0][0]


# -- snapshot file ---------------------------------------------------------------------------


def fast_cache_path(env: Mapping[str, str]) -> str | None:
    """platformdirs' user cache dir, computed without importing it (Linux and BSD only)."""
    if sys.platform == "darwin" or sys.platform.startswith("win"):
        return None
    base = env.get("XDG_CACHE_HOME", "").strip() or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "kl-wahl", CACHE_FILE)


def fingerprint(dirs: Sequence[str], files: Sequence[str], env: Mapping[str, str]) -> str:
    """Changes whenever a data/config file appears, disappears or changes, or kl-wahl updates."""
    parts = [__version__]
    parts.extend(f"{name}={env.get(name, '')}" for name in LOCATING_ENV)
    listed: list[str] = []
    for directory in dirs:
        try:
            names = sorted(n for n in os.listdir(directory) if n.endswith(".toml"))
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
    lines.append(f"valid_until\t{snap.valid_until}")
    for election in snap.elections:
        lines.append("election\t" + election.id)
        lines += [f"offset\t{start}\t{offset}" for start, offset in election.offsets]
        for t in election.targets:
            lines.append(
                f"target\t{_field(t.label_en)}\t{_field(t.label_de)}\t{t.opens}\t{t.closes}\t{t.day}\t{t.iso_date}"
            )
    return "\n".join(lines) + "\n"


def parse_snapshot(text: str) -> Snapshot | None:
    lines = text.split("\n")
    if not lines or lines[0] != MAGIC:
        return None
    found: dict[str, list[list[str]]] = {}
    elections: list[tuple[str, list[Target], list[tuple[int, int]]]] = []
    try:
        for line in lines[1:]:
            if not line:
                continue
            kind, _, rest = line.partition("\t")
            cols = rest.split("\t")
            if kind == "election":
                elections.append((rest, [], []))
            elif kind == "target":
                en, de, opens, closes, day, iso = cols
                elections[-1][1].append(Target(en, de, int(opens), int(closes), int(day), iso))
            elif kind == "offset":
                elections[-1][2].append((int(cols[0]), int(cols[1])))
            else:
                found.setdefault(kind, []).append(cols)
        config = found["config"][0]
        return Snapshot(
            dirs=tuple(c[0] for c in found.get("dir", [])),
            files=tuple(c[0] for c in found.get("file", [])),
            data_files=tuple(c[0] for c in found.get("data", [])),
            fingerprint=found["fingerprint"][0][0],
            config=(config[0], config[1], config[2], config[3]),
            elections=tuple(
                ElectionSnapshot(eid, tuple(ts), tuple(offs)) for eid, ts, offs in elections
            ),
            valid_until=int(found["valid_until"][0][0]),
        )
    except (KeyError, IndexError, ValueError):
        return None


def read_snapshot(path: str) -> Snapshot | None:
    try:
        with open(path, encoding="utf-8") as handle:
            return parse_snapshot(handle.read())
    except (OSError, UnicodeDecodeError):
        return None


# -- the fast path ---------------------------------------------------------------------------

_VALUE_OPTIONS = {"--format", "--past-format", "--election", "-e", "--lang", "--at", "--data"}


def _parse_args(argv: Sequence[str]) -> dict[str, list[str]] | None:
    """Accept only `countdown --prompt` with options this path understands; else None."""
    opts: dict[str, list[str]] = {}
    seen_command = prompt = False
    i = 0
    while i < len(argv):
        arg = argv[i]
        name, eq, value = arg.partition("=")
        if arg == "countdown" and not seen_command:
            seen_command = True
        elif arg == "--prompt" and seen_command:
            prompt = True
        elif eq and name in _VALUE_OPTIONS:
            opts.setdefault(name, []).append(value)
        elif arg in _VALUE_OPTIONS and i + 1 < len(argv):
            opts.setdefault(arg, []).append(argv[i + 1])
            i += 1
        else:
            return None
        i += 1
    if not (seen_command and prompt):
        return None
    if "-e" in opts:
        opts.setdefault("--election", []).extend(opts.pop("-e"))
    return opts


def run_fast(argv: Sequence[str], env: Mapping[str, str]) -> str | None:
    """The prompt line for `argv`, or None when only the full CLI can answer."""
    opts = _parse_args(argv)
    if opts is None or any(len(v) > 1 for k, v in opts.items() if k != "--data"):
        return None
    path = fast_cache_path(env)
    snap = read_snapshot(path) if path else None
    if snap is None:
        return None
    data_files = tuple(os.path.abspath(p) for p in opts.get("--data", []))
    if data_files != snap.data_files:
        return None
    if fingerprint(snap.dirs, snap.files, env) != snap.fingerprint:
        return None
    if "--at" in opts:
        from .clock import parse_at  # only for what-if runs, never in a real prompt

        moment = parse_at(opts["--at"][0])
        if moment is None:
            return None
        now = int(moment.timestamp())
    else:
        import time

        now = int(time.time())
    if now > snap.valid_until:
        return None
    cfg_election, cfg_lang, cfg_format, cfg_past = snap.config
    for name in ("--format", "--past-format"):
        if name in opts and unknown_placeholders(opts[name][0]):
            return None
    lang = resolve_language(opts.get("--lang", [None])[0], env, cfg_lang or None)
    elections = {e.id: e for e in snap.elections}
    if "--election" in opts:
        wanted = opts["--election"][0]
        if wanted not in elections:
            return None  # the full CLI reports the unknown id
    else:
        wanted = cfg_election if cfg_election in elections else ""  # as the CLI: unknown -> default
    if not wanted:
        if not snap.elections:
            return None
        entries = [(e.id, [(t.opens, t.closes) for t in e.targets]) for e in snap.elections]
        wanted = choose_default(entries, now)
    chosen = elections[wanted]
    fmt = opts.get("--format", [cfg_format or None])[0]
    past = opts.get("--past-format", [cfg_past or None])[0]
    templates = templates_for(lang, fmt, past)
    return prompt_line(chosen.targets, now, chosen.offsets, templates, lang)
