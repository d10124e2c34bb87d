"""Parse the few command lines the fast path answers, with the CLI's own option table."""

from __future__ import annotations

from ..base.optspec import FORMAT, GLOBAL, PAST_FORMAT, PROMPT, match

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence

SHELLS = ("bash", "zsh", "fish")
COMMANDS = {
    "countdown": (PROMPT, FORMAT, PAST_FORMAT, *GLOBAL),
    "shell-init": (FORMAT, PAST_FORMAT, *GLOBAL),
}


def parse(argv: Sequence[str]) -> tuple[str, dict[str, list[str]]] | None:
    """(command, {long option name: values}) for `countdown --prompt …` or `shell-init SHELL …`.

    Values are collected per long name; a positional (the shell) is stored under "". None for
    anything else: the full CLI answers it (and reports what is wrong with it).
    """
    command = next((a for a in argv if a in COMMANDS), None)
    if command is None:
        return None
    table = COMMANDS[command]
    opts: dict[str, list[str]] = {}
    seen_command = False
    i = 0
    while i < len(argv):
        arg = argv[i]
        found = match(arg, table)
        if arg == command and not seen_command:
            seen_command = True
        elif found is not None:
            opt, value = found
            if opt.value and value is None:
                if i + 1 >= len(argv):
                    return None
                i += 1
                value = argv[i]
            if not opt.value and value is not None:
                return None
            opts.setdefault(opt.names[0], []).append(value or "")
            if opt.names[0] in ("--prompt", "--format", "--past-format") and not seen_command:
                return None  # a command option before the command: a usage error in the CLI
        elif command == "shell-init" and seen_command and arg in SHELLS and "" not in opts:
            opts[""] = [arg]
        else:
            return None
        i += 1
    if any(len(v) > 1 for k, v in opts.items() if k != "--data"):
        return None
    if command == "countdown" and not opts.keys() & {"--prompt", "--format", "--past-format"}:
        return None
    if command == "shell-init" and "" not in opts:
        return None
    return command, opts
