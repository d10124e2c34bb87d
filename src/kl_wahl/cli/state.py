"""Per-invocation state shared by all commands: options, clock, language, data, consoles.

Everything a command needs from the outside world (environment, files, clock, streams) comes from
here, so tests can drive any command with `--at`, temporary XDG directories and CliRunner streams.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from pathlib import Path

import typer
from rich.console import Console

from .. import paths, snapshot
from ..config import Config, load_config
from ..console import can_encode, make_console
from ..formats import Dataset, to_csv, to_json
from ..i18n import t
from ..language import Lang, resolve_language
from ..model import Election
from ..registry import Catalog, discover, select
from ..render import line, table
from ..timeline import as_of


@dataclass
class State:
    election_id: str | None = None
    data_files: list[Path] = field(default_factory=list)
    lang_flag: str | None = None
    at: datetime | None = None
    quiet: bool = False
    """suppress warnings on stderr (prompt mode must not add noise)"""
    _config: Config | None = None
    _catalog: Catalog | None = None
    _now: datetime | None = None
    _election: Election | None = None

    @cached_property
    def out(self) -> Console:
        """The stdout console (made on first use, after CliRunner or the shell set up stdout)."""
        return make_console()

    def warn(self, message: str) -> None:
        if not self.quiet:
            print(message, file=sys.stderr)

    @property
    def config(self) -> Config:
        if self._config is None:
            self._config, warnings = load_config(paths.config_path())
            for warning in warnings:
                self.warn(f"warning: {warning}")
        return self._config

    @property
    def lang(self) -> Lang:
        return resolve_language(self.lang_flag, os.environ, self.config.lang)

    @property
    def now(self) -> datetime:
        if self._now is None:
            from ..clock import wall_clock

            self._now = self.at or wall_clock()
        return self._now

    @property
    def catalog(self) -> Catalog:
        if self._catalog is None:
            self._catalog = discover(self.data_files)
            for warning in self._catalog.warnings:
                self.warn(warning)
            if self._catalog.elections:
                from ..clock import wall_clock

                # the snapshot serves real prompts: its span follows the wall clock, not --at
                snapshot.refresh(self._catalog, self.config, os.environ, wall_clock().date())
        return self._catalog

    @property
    def election(self) -> Election:
        if self._election is None:
            self._election = as_of(self._select(), self.now)
        return self._election

    def _select(self) -> Election:
        wanted = self.election_id
        if wanted is None and self.config.election:
            if self.catalog.get(self.config.election) is None:
                self.warn(
                    f"warning: config election '{self.config.election}' is unknown; "
                    "using the default"
                )
            else:
                wanted = self.config.election
        return select(self.catalog, wanted, self.now)

    def emit(self, data: Dataset, fmt: str, highlight: int | None = None) -> None:
        """Print a dataset as a human table or as JSON/CSV/TSV for scripts."""
        if fmt == "table":
            if data.rows:
                table(self.out, data, self.lang, highlight)
            else:
                line(self.out, t(self.lang, "no_rows"))
        elif fmt == "json":
            write_json(data)
        else:  # csv or tsv (Typer restricts the choices)
            sys.stdout.write(to_csv(data, "tsv" if fmt == "tsv" else "rfc4180"))


def write_json(payload: Dataset | dict[str, object]) -> None:
    """JSON on stdout; with \\u escapes where the stream cannot encode a character (lossless)."""
    text = to_json(payload)
    sys.stdout.write(text if can_encode(sys.stdout, text) else to_json(payload, ascii_only=True))


def state_of(ctx: typer.Context) -> State:
    """The State that the main callback put on the context."""
    state = ctx.obj
    assert isinstance(state, State)
    return state
