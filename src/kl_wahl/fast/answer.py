"""Answer `countdown --prompt` and `shell-init` from the cache, or hand over (None)."""

from __future__ import annotations

import os

from ..base.environ import ENV_NOW
from ..base.language import resolve_language
from ..base.optspec import lang_ok, template_problem
from ..base.promptline import (
    COUNT_PLACEHOLDERS,
    choose_default,
    parse_now,
    prompt_line,
    templates_for,
)
from ..base.snapfile import (
    HELP_ARGS,
    answer_key,
    config_fingerprint,
    fast_cache_path,
    fingerprint,
    help_file,
    parse_answer,
    read_snapshot,
    read_text,
    shell_init_file,
)
from .argv import parse

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from ..base.snapfile import Snapshot


def run_fast(argv: Sequence[str], env: Mapping[str, str]) -> str | None:
    """The exact stdout of the full CLI for `argv`, or None when only the full CLI can answer."""
    if list(argv) in HELP_ARGS:
        return _cached(help_file(env), argv, env, config_fingerprint(env))
    parsed = parse(argv)
    if parsed is None:
        return None
    command, opts = parsed
    if "--lang" in opts and not lang_ok(opts["--lang"][0]):
        return None
    if any(
        template_problem(opts[name][0]) for name in ("--format", "--past-format") if name in opts
    ):
        return None
    if command == "shell-init":
        return _shell_init(argv, opts, env)
    return _prompt(opts, env)


def _now(opts: Mapping[str, list[str]], env: Mapping[str, str]) -> int | None:
    if "--at" in opts:
        from ..base.clock import parse_at  # only for what-if runs, never in a real prompt

        moment = parse_at(opts["--at"][0])
        return None if moment is None else int(moment.timestamp())
    if env.get(ENV_NOW):
        return parse_now(env[ENV_NOW])
    import time

    return int(time.time())


def _snapshot(opts: Mapping[str, list[str]], env: Mapping[str, str]) -> Snapshot | None:
    """The cached snapshot, if it was built from exactly the files the CLI would read now."""
    path = fast_cache_path(env)
    snap = read_snapshot(path) if path else None
    if snap is None:
        return None
    data_files = tuple(os.path.abspath(p) for p in opts.get("--data", []))
    if data_files != snap.data_files:
        return None
    if fingerprint(snap.dirs, snap.files, env) != snap.fingerprint:
        return None
    return snap


def _prompt(opts: Mapping[str, list[str]], env: Mapping[str, str]) -> str | None:
    now = _now(opts, env)
    snap = _snapshot(opts, env)
    if now is None or snap is None or not snap.valid_from <= now <= snap.valid_until:
        return None
    cfg_election, cfg_lang, cfg_format, cfg_past = snap.config
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
    if "--at" in opts and any(
        "{" + name + "}" in template for template in templates for name in COUNT_PLACEHOLDERS
    ):
        return None  # the count as it stood then is in the archive: the full CLI replays it
    text = prompt_line(chosen.targets, now, chosen.offsets, templates, lang, chosen.extra())
    return text + "\n" if text else ""


def _shell_init(
    argv: Sequence[str], opts: Mapping[str, list[str]], env: Mapping[str, str]
) -> str | None:
    if "--at" in opts:
        return None
    snap = _snapshot(opts, env)
    if snap is None:
        return None
    return _cached(shell_init_file(opts[""][0]), argv, env, snap.fingerprint)


def _cached(name: str, argv: Sequence[str], env: Mapping[str, str], current: str) -> str | None:
    """A cached answer, if it was made for exactly this request from exactly this data."""
    path = fast_cache_path(env, name)
    if path is None:
        return None
    raw = read_text(path)
    cached = parse_answer(raw) if raw is not None else None
    if cached is None:
        return None
    key, made_from, valid_until, text = cached
    import time

    if key != answer_key(argv, env) or made_from != current:
        return None
    return text if time.time() < valid_until else None
