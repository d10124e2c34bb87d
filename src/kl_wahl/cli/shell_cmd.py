"""`kl-wahl shell-init SHELL`: the prompt snippet with the countdown data baked in."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from ..base.exitcodes import USAGE
from .options import FormatTemplate, PastTemplate, check_template
from .state import state_of

if TYPE_CHECKING:
    from datetime import datetime

    from ..base.snapfile import Snapshot
    from ..store.registry import Catalog

SNIPPET_YEARS = 10
"""how far past today (and the voting days) a generated snippet knows the UTC offsets"""


def shell_init_cmd(
    ctx: typer.Context,
    shell: Annotated[
        Literal["bash", "zsh", "fish"], typer.Argument(metavar="SHELL", help="bash, zsh or fish.")
    ],
    fmt: FormatTemplate = None,
    past_fmt: PastTemplate = None,
) -> None:
    """Print a snippet that shows the countdown in your prompt, with no process per prompt.

    It defines kl_wahl_prompt (prints what `countdown --prompt` prints) and keeps $KL_WAHL_PROMPT
    up to date before each prompt. The snippet is cached, so a new shell pays only for a quick
    check. See the README for zsh, fish and starship.

    Examples:

    \b
      eval "$(kl-wahl shell-init bash)"      # ~/.bashrc
      eval "$(kl-wahl shell-init zsh)"       # ~/.zshrc
      kl-wahl shell-init fish | source       # ~/.config/fish/config.fish
      PS1='${KL_WAHL_PROMPT:+[$KL_WAHL_PROMPT] }\\w \\$ '
    """
    from ..base.promptline import COUNT_PLACEHOLDERS, Templates, bake, templates_for
    from ..output.shell import SHELLS, snippet
    from ..store.snapshot import election_offsets, next_year, targets

    assert shell in SHELLS
    state = state_of(ctx)
    check_template("--format", fmt)
    check_template("--past-format", past_fmt)
    election = state.election
    lang = state.lang
    fmt = fmt if fmt is not None else state.config.prompt_format
    past_fmt = past_fmt if past_fmt is not None else state.config.prompt_past_format
    chosen = templates_for(lang, fmt, past_fmt)
    if any("{" + name + "}" in t for t in chosen for name in COUNT_PLACEHOLDERS):
        from ..core.problems import UserError

        raise UserError("shell_count_placeholders", exit_code=USAGE)
    offsets = election_offsets(election, state.now.year, years_ahead=SNIPPET_YEARS)
    templates = Templates(
        *(bake(t, "next_year", next_year(election)) for t in templates_for(lang, fmt, past_fmt))
    )
    text = snippet(shell, targets(election), offsets, templates, lang, election.id)
    sys.stdout.write(text)
    if state.at is None and state.snapshot is not None:
        _remember(state.argv, shell, text, state.catalog, state.snapshot, state.now)


def _remember(
    argv: list[str], shell: str, text: str, catalog: Catalog, snap: Snapshot, now: datetime
) -> None:
    """Cache the snippet for the fast path, valid until a voting day closes (the default
    election may change then) or the year ends (the offsets reach SNIPPET_YEARS from now)."""
    import contextlib
    from datetime import datetime, timezone

    from ..base.snapfile import answer_key, dump_answer, shell_init_file
    from ..core.problems import UserError
    from ..store import paths
    from ..store.fileio import write_atomic

    closes = [int(r.polls_close.timestamp()) for e in catalog.elections for r in e.rounds]
    year_end = int(datetime(now.year + 1, 1, 1, tzinfo=timezone.utc).timestamp())
    until = min([c for c in closes if c > now.timestamp()] + [year_end])
    entry = dump_answer(answer_key(argv, os.environ), snap.fingerprint, until, text)
    with contextlib.suppress(OSError, UserError):
        write_atomic(paths.cache_dir() / shell_init_file(shell), entry.encode(), force=True)
