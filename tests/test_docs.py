"""Documentation stays true: every command has help with an example; docs name every data key."""

from __future__ import annotations

import importlib.util
from types import ModuleType

import pytest

from kl_wahl.store.load import EVENT_KEYS, ROUND_KEYS, TOP_KEYS

from .conftest import REPO, run


def _reference_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "cli_reference", REPO / "docs" / "cli_reference.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


REFERENCE = _reference_module()
COMMANDS = [c for c in REFERENCE.COMMANDS if c and c != ["data"]]  # the leaf commands


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_has_help_with_an_example(command: list[str]) -> None:
    result = run(*command, "--help")
    assert result.code == 0
    assert "kl-wahl" in result.out
    assert len(result.out.strip().splitlines()) > 4
    if command[0] != "data" or command[1] != "path":
        assert "xample" in result.out  # "Example(s):"


def test_readme_mentions_every_command_and_exit_codes() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for command in COMMANDS:
        assert f"kl-wahl {' '.join(command)}" in readme, command
    assert "## Exit codes" in readme
    quick = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    commands = [line for line in quick.splitlines() if line.startswith(("pip ", "python", "git "))]
    assert len(commands) == 2, commands


def test_data_format_doc_names_every_key() -> None:
    doc = (REPO / "docs" / "data-format.md").read_text(encoding="utf-8")
    for key in (*TOP_KEYS, *ROUND_KEYS, *EVENT_KEYS):
        assert f"`{key}`" in doc, key


def test_changelog_has_this_version() -> None:
    from kl_wahl import __version__

    assert f"## [{__version__}]" in (REPO / "CHANGELOG.md").read_text(encoding="utf-8")


def test_ci_runs_the_readme_test_command() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    quick = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    test_command = [line for line in quick.splitlines() if "pytest" in line]
    assert len(test_command) == 1
    assert test_command[0] in (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()


def test_cli_reference_is_current() -> None:
    """The reference says what --help says. Compared word by word, so Typer's alignment and
    wrapping (which differ between its versions) do not matter, only the text."""
    current = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    assert current.split() == REFERENCE.render().split(), (
        "docs/cli.md is stale: run `python docs/cli_reference.py`"
    )


def test_usage_lines_name_arguments_plainly() -> None:
    """Typer writes required arguments as '{NAME}'; the help shows NAME, as its text does."""
    from kl_wahl.cli.app import COMMANDS

    for name in [n for n in COMMANDS if n != "data"] + ["data validate", "data init"]:
        usage = run(*name.split(), "--help").out.splitlines()[0]
        assert usage.startswith("Usage: kl-wahl") and "{" not in usage, usage
