"""Per-invocation state shared by all commands: options, clock, language, data, consoles.

Everything a command needs from the outside world (environment, files, clock, streams) comes from
here, so tests can drive any command with `--at`, temporary XDG directories and CliRunner streams.
"""

from __future__ import annotations

import os
import sys
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from ..base.environ import COLUMNS, ENV_NOW, FORCE_COLOR
from ..base.exitcodes import USAGE
from ..base.language import Lang, resolve_language
from ..base.promptline import parse_now
from ..core.problems import Msg, msg
from ..output.doc import Doc
from ..store import paths
from ..store.config import Config, load_config

if TYPE_CHECKING:
    from rich.console import Console

    from ..base.snapfile import Snapshot
    from ..core.model import Election
    from ..core.problems import Problem
    from ..output.formats import Dataset
    from ..store.registry import Catalog


UNLIMITED = 1_000_000
"""the width of a pipe: lines are never wrapped, tables never squeezed"""


def plain_width() -> int | None:
    """$COLUMNS when the user set it (a positive number), else None: no limit."""
    value = os.environ.get(COLUMNS, "")
    return int(value) if value.isdigit() and int(value) > 0 else None


class State:
    def __init__(
        self,
        election_id: str | None = None,
        data_files: list[Path] | None = None,
        lang_flag: str | None = None,
        at: datetime | None = None,
        argv: list[str] | None = None,
        no_color: bool = False,
    ) -> None:
        self.election_id = election_id
        self.data_files = data_files or []
        self.lang_flag = lang_flag
        self.at = at
        self.argv = argv or []
        self.no_color = no_color
        """--no-color (Rich also honours $NO_COLOR by itself)"""
        """the command line as typed (the shell-init cache is keyed by it)"""
        self.quiet = False
        """suppress warnings on stderr (prompt mode must not add noise)"""
        self._config: Config | None = None
        self._catalog: Catalog | None = None
        self.snapshot: Snapshot | None = None
        """the prompt snapshot as refreshed with the catalog (None while no election is known)"""
        self._now: datetime | None = None
        self._election: Election | None = None

    @cached_property
    def rich(self) -> bool:
        """Rich on a terminal (or when colour is forced); plain text for pipes and files."""
        return sys.stdout.isatty() or bool(os.environ.get(FORCE_COLOR))

    @cached_property
    def console(self) -> Console:
        """The Rich console for stdout (made on first use, after CliRunner or the shell set up
        stdout); only used when `rich` is true."""
        from ..output.console import make_console

        return make_console(no_color=self.no_color)

    def doc(self) -> Doc:
        """An empty view sized for stdout: the terminal's width, else $COLUMNS, else unlimited."""
        return Doc(self.console.width if self.rich else plain_width() or UNLIMITED)

    def show(self, doc: Doc) -> None:
        """Print a view on stdout: Rich on a terminal, plain text otherwise."""
        if self.rich:
            from ..output.richout import render

            render(doc, self.console)
        else:
            from ..output.plain import render as plain_render

            plain_render(doc, sys.stdout, plain_width())

    def say(self, message: Msg) -> None:
        """A line about what a command did, on stderr in the user's language (silent in
        prompt mode); stdout stays for the data."""
        if not self.quiet:
            print(message.text(self.lang), file=sys.stderr)

    def warn(self, message: str | Msg) -> None:
        """A warning on stderr (silent in prompt mode): a catalog message, said with the
        warning prefix in the user's language, or a line already in it."""
        if not self.quiet:
            if isinstance(message, Msg):
                from ..i18n.catalog import t

                message = t(self.lang, "warning_prefix") + message.text(self.lang)
            print(message, file=sys.stderr)

    def warn_problem(self, problem: Problem, more: int) -> None:
        """A user election file that is skipped: its first problem (the file name as it is)."""
        if not self.quiet:
            from ..i18n.catalog import t

            key = "ignoring_more" if more else "ignoring"
            print(
                t(self.lang, key, problem=problem.text(self.lang), n=more, path=problem.file),
                file=sys.stderr,
            )

    @property
    def config(self) -> Config:
        if self._config is None:
            self._config, warnings = load_config(paths.config_path())
            for warning in warnings:
                self.warn(warning)
        return self._config

    @cached_property
    def lang(self) -> Lang:
        """--lang, else $KL_WAHL_LANG, config, locale; a $KL_WAHL_LANG that is neither en nor de
        is said once (as --lang fr would be refused) and then ignored."""
        from ..base.environ import ENV_LANG
        from ..base.language import as_lang

        value = os.environ.get(ENV_LANG, "")
        lang = resolve_language(self.lang_flag, os.environ, self.config.lang)
        if value and as_lang(value) is None and not self.quiet:
            from ..i18n.catalog import t

            print(t(lang, "bad_env_lang", value=value), file=sys.stderr)
        return lang

    @property
    def now(self) -> datetime:
        if self._now is None:
            from ..base.clock import wall_clock

            self._now = self.at or wall_clock()
        return self._now

    def use_env_now(self) -> None:
        """Prompt mode: $KL_WAHL_NOW (epoch seconds) is "now" unless --at says otherwise, as in
        the shell snippets; a value that is not whole seconds is refused, never misread."""
        value = os.environ.get(ENV_NOW)
        if self.at is not None or not value:
            return
        seconds = parse_now(value)
        if seconds is None:
            from ..core.problems import UserError

            raise UserError("bad_env_now", name=ENV_NOW, value=value, exit_code=USAGE)
        from datetime import timezone

        self._now = datetime.fromtimestamp(seconds, timezone.utc)

    @property
    def catalog(self) -> Catalog:
        if self._catalog is None:
            from ..store import snapshot
            from ..store.registry import cached_discover

            self._catalog = cached_discover(self.data_files, os.environ)
            for problem, more in self._catalog.warnings:
                self.warn_problem(problem, more)
            for election in self._catalog.elections:
                if election.overrides_bundled:
                    from ..i18n.catalog import t

                    self.warn(
                        t(
                            self.lang,
                            "overrides_bundled_warning",
                            path=election.path,
                            id=election.id,
                        )
                    )
            if self._catalog.elections:
                from ..base.clock import wall_clock

                # the snapshot serves real prompts: its span follows the wall clock, not --at
                self.snapshot = snapshot.refresh(
                    self._catalog, self.config, os.environ, wall_clock().date(), prompt_count
                )
                _share_offsets(self._catalog, self.snapshot)
        return self._catalog

    @property
    def election(self) -> Election:
        if self._election is None:
            from ..core.timeline import as_of
            from ..results import imported

            election = as_of(self._select(), self.now)
            if imported(election.id):  # a stat; the join is imported only where it has work
                from ..results.join import join

                # imported counts join the model here, once, for every view
                election = join(election, self.at)
            self._election = election
        return self._election

    def _select(self) -> Election:
        wanted = self.election_id
        if wanted is None and self.config.election:
            if self.catalog.get(self.config.election) is None:
                self.warn(msg("config_unknown_election", id=self.config.election))
            else:
                wanted = self.config.election
        from ..store.registry import select

        return select(self.catalog, wanted, self.now)

    def emit(self, data: Dataset, fmt: str, highlight: int | None = None) -> None:
        """Print a dataset as a human table or as JSON/CSV/TSV for scripts."""
        if fmt == "table":
            from ..i18n.catalog import t
            from ..output.render import table

            doc = self.doc()
            if data.rows:
                table(doc, data, self.lang, highlight)
            else:
                doc.line(t(self.lang, "no_rows"))
            self.show(doc)
        elif fmt == "json":
            write_json(data)
        else:  # csv or tsv (Typer restricts the choices)
            from ..output.formats import to_csv

            sys.stdout.write(to_csv(data, "tsv" if fmt == "tsv" else "unix"))


def write_json(payload: Dataset | dict[str, object]) -> None:
    """JSON on stdout; with \\u escapes where the stream cannot encode a character (lossless)."""
    from ..base.translit import can_encode
    from ..output.formats import to_json

    text = to_json(payload)
    sys.stdout.write(text if can_encode(sys.stdout, text) else to_json(payload, ascii_only=True))


def state_of(ctx: typer.Context) -> State:
    """The State that the main callback put on the context."""
    state = ctx.obj
    assert isinstance(state, State)
    return state


def prompt_count(election: Election) -> tuple[str, str, str]:
    """The prompt's count values for the snapshot: the election with its current imports."""
    from ..results import imported

    if not imported(election.id):
        return "", "", ""
    from ..core.standings import count_summary
    from ..results.join import join

    return count_summary(join(election))


def _share_offsets(catalog: Catalog, snap: Snapshot) -> None:
    """Local calendar days from the snapshot's offset table (no time zone database to load)."""
    from ..base.clock import know_offsets

    zones = {e.id: e.timezone for e in catalog.elections}
    for entry in snap.elections:
        if entry.id in zones:
            know_offsets(zones[entry.id], entry.offsets, snap.valid_from, snap.valid_until)
