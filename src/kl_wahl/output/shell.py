"""Prompt snippets for bash, zsh and fish, with the countdown data baked in.

The snippet computes exactly what `promptline.prompt_line` computes, with shell builtins only: no
process is forked per prompt in bash (`$EPOCHSECONDS`, or `printf '%(%s)T'` before bash 5) and zsh
(`zsh/datetime`); fish has no builtin clock, so it makes one `date` call (its loops and arithmetic are builtins). Voting days, labels,
templates and the time zone's UTC offset changes are literals in the snippet, quoted for the shell,
so text from a data file can never run as code. `KL_WAHL_NOW` (epoch seconds) overrides the clock,
for what-if runs and tests; any other value shows nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .. import __version__
from ..base.promptline import Target, Templates, split_template

SHELLS = ("bash", "zsh", "fish")
RC_LINE = {
    "bash": 'eval "$(kl-wahl shell-init bash)" in ~/.bashrc',
    "zsh": 'eval "$(kl-wahl shell-init zsh)" in ~/.zshrc',
    "fish": "kl-wahl shell-init fish | source in ~/.config/fish/config.fish",
}


def posix_quote(text: str) -> str:
    return "'" + text.replace("'", "'\\''") + "'"


def fish_quote(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _expand(template: str, quote: Callable[[str], str], var: Callable[[str], str]) -> str:
    parts = [var(text) if is_var else quote(text) for is_var, text in split_template(template)]
    return "".join(parts) or "''"


def _words(values: Sequence[object], quote: Callable[[str], str] | None = None) -> str:
    return " ".join(quote(str(v)) if quote else str(v) for v in values)


def snippet(
    shell: str,
    targets: Sequence[Target],
    offsets: Sequence[tuple[int, int]],
    templates: Templates,
    lang: str,
    election_id: str,
) -> str:
    labels = [t.label_de if lang == "de" else t.label_en for t in targets]
    build = {"bash": _bash, "zsh": _zsh, "fish": _fish}[shell]
    header = (
        f"# kl-wahl {__version__}: prompt countdown for {shell}, election {election_id}.\n"
        "# Generated data (voting days, labels, UTC offsets) is baked in; it is regenerated\n"
        f"# at each shell start by: {RC_LINE[shell]}\n"
        "# KL_WAHL_NOW (epoch seconds) replaces the clock; any other value shows nothing.\n"
    )
    return header + build(targets, labels, offsets, templates)


def _placeholders(tpl: Templates) -> set[str]:
    return {name for t in tpl for is_var, name in split_template(t) if is_var}


def _posix_var(name: str) -> str:
    arrays = {"label": '"${_kl_wahl_l[n]}"', "date": '"${_kl_wahl_dt[n]}"'}
    return arrays.get(name, f'"${{{name}}}"')


def _posix_update(
    zsh: bool,
    targets: Sequence[Target],
    labels: list[str],
    offsets: Sequence[tuple[int, int]],
    tpl: Templates,
) -> str:
    """The update function for bash and zsh; they differ only in array base and a few builtins."""
    first = 1 if zsh else 0  # zsh arrays count from 1
    n = len(targets)
    used = _placeholders(tpl)
    clock = (
        "  local -i now=${KL_WAHL_NOW:-$EPOCHSECONDS}\n"
        if zsh
        else "  local now=${KL_WAHL_NOW:-${EPOCHSECONDS:-}}\n"
        "  if [[ -z $now ]]; then printf -v now '%(%s)T' -1; fi\n"
    )
    # a KL_WAHL_NOW that is not whole epoch seconds shows nothing rather than a wrong number
    guard = "  case ${KL_WAHL_NOW:-} in *[!0-9]*) return 0 ;; esac\n"
    derived = ""
    if "days" in used:
        derived += "  local days=$((_kl_wahl_dy[n] - today))\n"
        derived += "  if [[ $which == past ]]; then days=$((-days)); fi\n"
    if used & {"hours", "minutes", "total_minutes"}:
        derived += "  local ahead=$((_kl_wahl_op[n] - now))\n  if ((ahead < 0)); then ahead=0; fi\n"
    if "hours" in used:
        derived += "  local hours=$((ahead / 3600))\n"
    if "minutes" in used:
        derived += "  local minutes=$((ahead % 3600 / 60))\n"
    if "total_minutes" in used:
        derived += "  local total_minutes=$((ahead / 60))\n"
    declare = "typeset -ga" if zsh else "declare -ga"
    return f"""{declare} _kl_wahl_ts=({_words([o[0] for o in offsets])})
{declare} _kl_wahl_of=({_words([o[1] for o in offsets])})
{declare} _kl_wahl_op=({_words([t.opens for t in targets])})
{declare} _kl_wahl_cl=({_words([t.closes for t in targets])})
{declare} _kl_wahl_dy=({_words([t.day for t in targets])})
{declare} _kl_wahl_dt=({_words([t.iso_date for t in targets], posix_quote)})
{declare} _kl_wahl_l=({_words(labels, posix_quote)})
_kl_wahl_update() {{
{"  emulate -L zsh" + chr(10) if zsh else ""}  {"typeset -g " if zsh else ""}KL_WAHL_PROMPT=''
{guard}{clock}  local off=${{_kl_wahl_of[{first}]:-0}} i n={first - 1} today which=upcoming
  for ((i = {first}; i < {first} + ${{#_kl_wahl_ts[@]}}; i++)); do
    if ((now < _kl_wahl_ts[i])); then break; fi
    off=${{_kl_wahl_of[i]}}
  done
  today=$(((now + off) / 86400))
  if (({n} == 0)); then return 0; fi
  for ((i = {first}; i < {first + n}; i++)); do
    if ((_kl_wahl_cl[i] > now)); then n=$i; break; fi
  done
  if ((n < {first})); then n={first + n - 1}; which=past; elif ((_kl_wahl_dy[n] == today)); then which=today; fi
{derived}  case $which in
    past) KL_WAHL_PROMPT={_expand(tpl.past, posix_quote, _posix_var)} ;;
    today) KL_WAHL_PROMPT={_expand(tpl.today, posix_quote, _posix_var)} ;;
    *) KL_WAHL_PROMPT={_expand(tpl.upcoming, posix_quote, _posix_var)} ;;
  esac
  return 0
}}
"""


def _bash(
    targets: Sequence[Target], labels: list[str], offsets: Sequence[tuple[int, int]], tpl: Templates
) -> str:
    return (
        _posix_update(False, targets, labels, offsets, tpl)
        + """_kl_wahl_hook() {
  local status=$?
  _kl_wahl_update
  return $status
}
kl_wahl_prompt() {
  _kl_wahl_update
  [[ -z $KL_WAHL_PROMPT ]] || printf '%s\\n' "$KL_WAHL_PROMPT"
}
if [[ ${PROMPT_COMMAND[*]:-} != *_kl_wahl_hook* ]]; then
  if ((BASH_VERSINFO[0] > 5 || (BASH_VERSINFO[0] == 5 && BASH_VERSINFO[1] >= 1))); then
    PROMPT_COMMAND+=(_kl_wahl_hook)
  else
    # shellcheck disable=SC2128,SC2178 # bash 5.0: PROMPT_COMMAND is a string
    PROMPT_COMMAND="${PROMPT_COMMAND:+$PROMPT_COMMAND;}_kl_wahl_hook"
  fi
fi
_kl_wahl_update
"""
    )


def _zsh(
    targets: Sequence[Target], labels: list[str], offsets: Sequence[tuple[int, int]], tpl: Templates
) -> str:
    return (
        "zmodload zsh/datetime\n"
        + _posix_update(True, targets, labels, offsets, tpl)
        + """_kl_wahl_hook() {
  local -i exit_status=$?
  _kl_wahl_update
  return $exit_status
}
kl_wahl_prompt() {
  _kl_wahl_update
  [[ -z $KL_WAHL_PROMPT ]] || print -r -- "$KL_WAHL_PROMPT"
}
typeset -ga precmd_functions
if (( ! ${precmd_functions[(Ie)_kl_wahl_hook]} )); then
  precmd_functions+=(_kl_wahl_hook)
fi
_kl_wahl_update
"""
    )


def _fish(
    targets: Sequence[Target], labels: list[str], offsets: Sequence[tuple[int, int]], tpl: Templates
) -> str:
    def var(name: str) -> str:
        return '"$_l[$n]"' if name == "label" else '"$_dt[$n]"' if name == "date" else f'"${name}"'

    n = len(targets)
    return f"""function _kl_wahl_update
    set -g KL_WAHL_PROMPT ''
    set -l now $KL_WAHL_NOW
    if test -z "$now"
        set now (date +%s)
    else if not string match -qr '^[0-9]+$' -- $now
        return 0
    end
    set -l _ts {_words([o[0] for o in offsets])}
    set -l _of {_words([o[1] for o in offsets])}
    set -l _op {_words([t.opens for t in targets])}
    set -l _cl {_words([t.closes for t in targets])}
    set -l _dy {_words([t.day for t in targets])}
    set -l _dt {_words([t.iso_date for t in targets], fish_quote)}
    set -l _l {_words(labels, fish_quote)}
    set -l off $_of[1]
    set -l i 0
    for ts in $_ts
        set i (math $i + 1)
        if test $now -lt $ts
            break
        end
        set off $_of[$i]
    end
    set -l today (math "floor(($now + $off) / 86400)")
    if test {n} -eq 0
        return 0
    end
    set -l n 0
    set i 0
    for cl in $_cl
        set i (math $i + 1)
        if test $cl -gt $now
            set n $i
            break
        end
    end
    set -l which upcoming
    if test $n -eq 0
        set n {n}
        set which past
    else if test $_dy[$n] -eq $today
        set which today
    end
    set -l days (math "$_dy[$n] - $today")
    if test $which = past
        set days (math "$today - $_dy[$n]")
    end
    set -l ahead (math "max(0, $_op[$n] - $now)")
    set -l hours (math "floor($ahead / 3600)")
    set -l minutes (math "floor(($ahead % 3600) / 60)")
    set -l total_minutes (math "floor($ahead / 60)")
    switch $which
        case past
            set -g KL_WAHL_PROMPT {_expand(tpl.past, fish_quote, var)}
        case today
            set -g KL_WAHL_PROMPT {_expand(tpl.today, fish_quote, var)}
        case '*'
            set -g KL_WAHL_PROMPT {_expand(tpl.upcoming, fish_quote, var)}
    end
end
function _kl_wahl_hook --on-event fish_prompt
    set -l last_status $status
    _kl_wahl_update
    return $last_status
end
function kl_wahl_prompt
    _kl_wahl_update
    if test -n "$KL_WAHL_PROMPT"
        printf '%s\\n' "$KL_WAHL_PROMPT"
    end
end
_kl_wahl_update
"""
