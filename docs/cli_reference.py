"""Write docs/cli.md from the commands' own --help texts, so the reference cannot drift.

python docs/cli_reference.py      # after `pip install .`; tests/test_docs.py checks it is current
"""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from kl_wahl.cli.app import app

COMMANDS = [
    [],
    ["elections"],
    ["candidates"],
    ["candidate"],
    ["results"],
    ["events"],
    ["countdown"],
    ["shell-init"],
    ["export"],
    ["import"],
    ["watch"],
    ["data"],
    ["data", "path"],
    ["data", "validate"],
    ["data", "init"],
]
TARGET = Path(__file__).with_name("cli.md")


def render() -> str:
    parts = [
        "# Command reference\n",
        "Generated from `--help` by `python docs/cli_reference.py`; do not edit by hand.\n",
    ]
    runner = CliRunner()
    for command in COMMANDS:
        result = runner.invoke(app, [*command, "--help"], env={"COLUMNS": "100"})
        title = " ".join(["kl-wahl", *command])
        parts.append(f"## `{title}`\n\n```text\n{result.stdout.rstrip()}\n```\n")
    return "\n".join(parts)


if __name__ == "__main__":
    TARGET.write_text(render(), encoding="utf-8")
    print(f"wrote {TARGET}")
