"""`kl-wahl shell-init SHELL`: the prompt snippet with the countdown data baked in."""

from __future__ import annotations

import sys
from typing import Annotated, Literal

import typer

from ..prompt import templates_for
from ..shell import SHELLS, snippet
from ..snapshot import election_offsets, targets
from .options import FormatTemplate, PastTemplate, check_template
from .state import state_of

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
    up to date before each prompt. See the README for zsh, fish and starship.

    Example (~/.bashrc):

    \b
      eval "$(kl-wahl shell-init bash)"
      PS1='${KL_WAHL_PROMPT:+[$KL_WAHL_PROMPT] }\\w \\$ '
    """
    assert shell in SHELLS
    state = state_of(ctx)
    check_template("--format", fmt)
    check_template("--past-format", past_fmt)
    election = state.election
    lang = state.lang
    fmt = fmt if fmt is not None else state.config.prompt_format
    past_fmt = past_fmt if past_fmt is not None else state.config.prompt_past_format
    offsets = election_offsets(election, state.now.year, years_ahead=SNIPPET_YEARS)
    sys.stdout.write(
        snippet(
            shell, targets(election), offsets, templates_for(lang, fmt, past_fmt), lang, election.id
        )
    )
