"""The prompt fast path: light imports, same answers as the full CLI, honest cache invalidation."""

from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import platformdirs
import pytest

from kl_wahl import prompt

from .conftest import FIXTURES, run, run_installed

HEAVY = (
    "typer",
    "rich",
    "click",
    "tomllib",
    "tomli",
    "json",
    "platformdirs",
    "re",
    "datetime",
    "zoneinfo",
)


def _fresh_modules(args: list[str]) -> tuple[str, list[str]]:
    """Run the entry point in a fresh interpreter; return its stdout and the heavy modules it loaded."""
    code = (
        "import sys, io\n"
        "from kl_wahl.entry import main\n"
        f"rc = main({args!r})\n"
        f"heavy = [m for m in {HEAVY!r} if m in sys.modules]\n"
        "sys.stderr.write(repr(heavy))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=os.environ, check=True
    )
    return done.stdout, ast.literal_eval(done.stderr)


def test_fast_path_imports_nothing_heavy() -> None:
    assert run("candidates").code == 0  # a normal run writes the snapshot
    _, heavy = _fresh_modules(["countdown", "--prompt"])  # what a real prompt runs
    assert heavy == []


def test_fast_path_with_at_answers_without_the_cli() -> None:
    assert run("candidates").code == 0
    out, heavy = _fresh_modules(["countdown", "--prompt", "--at", "2023-02-10"])
    assert out == "OB-Wahl 2d\n"
    assert [m for m in heavy if m not in ("datetime", "zoneinfo", "re")] == []


def test_stale_snapshot_falls_back_to_the_full_cli(user_elections: Path) -> None:
    assert run("candidates").code == 0
    shutil.copy(FIXTURES / "minimal.toml", user_elections / "t.toml")  # changes the fingerprint
    assert prompt.run_fast(["countdown", "--prompt"], os.environ) is None
    _, heavy = _fresh_modules(
        ["countdown", "--prompt", "--election", "test-2030", "--at", "2030-03-01"]
    )
    assert "typer" in heavy  # had to load the data again...
    _, heavy = _fresh_modules(["countdown", "--prompt"])
    assert "typer" not in heavy  # ...and refreshed the snapshot for the next prompt


@pytest.mark.parametrize(
    "at", ["2023-02-10", "2023-02-12T07:59", "2023-02-12T18:00", "2023-02-26T17:00", "2026-11-28"]
)
@pytest.mark.parametrize(
    "extra",
    [
        [],
        ["--lang", "de"],
        ["--format", "{label}:{days}:{hours}:{minutes}:{date}"],
        ["--past-format", "{label} {days}"],
    ],
)
def test_fast_path_agrees_with_full_cli(at: str, extra: list[str]) -> None:
    args = ["countdown", "--prompt", "--at", at, *extra]
    full = run(*args)  # also writes the snapshot
    assert full.code == 0
    fast = prompt.run_fast(args, os.environ)
    assert fast is not None
    assert (fast + "\n" if fast else "") == full.out


def test_fast_path_honours_config(config_file: Path) -> None:
    config_file.write_text(
        'prompt_format = "Wahl in {days} Tagen"\nlang = "de"\n', encoding="utf-8"
    )
    args = ["countdown", "--prompt", "--at", "2023-02-10"]
    assert run(*args).out == "Wahl in 2 Tagen\n"
    assert prompt.run_fast(args, os.environ) == "Wahl in 2 Tagen"


def test_fast_path_declines_what_it_cannot_answer() -> None:
    run("candidates")
    assert prompt.run_fast(["countdown"], os.environ) is None  # not prompt mode
    assert prompt.run_fast(["countdown", "--prompt", "podium"], os.environ) is None
    assert prompt.run_fast(["countdown", "--prompt", "--election", "nope"], os.environ) is None
    assert prompt.run_fast(["countdown", "--prompt", "--format", "{x}"], os.environ) is None


def test_cache_path_matches_platformdirs() -> None:
    if sys.platform.startswith(("win", "darwin")):
        pytest.skip("the fast path reads the XDG cache location only on Linux/BSD")
    expected = os.path.join(
        platformdirs.user_cache_dir("kl-wahl", appauthor=False), prompt.CACHE_FILE
    )
    assert prompt.fast_cache_path(os.environ) == expected


def test_snapshot_round_trip() -> None:
    run("candidates")
    path = prompt.fast_cache_path(os.environ)
    assert path is not None
    snap = prompt.read_snapshot(path)
    assert snap is not None
    assert prompt.parse_snapshot(prompt.dump_snapshot(snap)) == snap
    (election,) = snap.elections
    assert election.id == "ob-2023"
    assert [t.iso_date for t in election.targets] == ["2023-02-12", "2023-02-26"]


def test_corrupt_snapshot_is_ignored() -> None:
    run("candidates")
    path = prompt.fast_cache_path(os.environ)
    assert path is not None
    Path(path).write_text("kl-wahl prompt snapshot 1\ngarbage\tx\n", encoding="utf-8")
    result = run_installed("countdown", "--prompt", "--at", "2023-02-10")
    assert (result.returncode, result.stdout, result.stderr) == (0, "OB-Wahl 2d\n", "")


def test_installed_prompt_in_subprocess() -> None:
    run_installed("candidates")
    result = run_installed("countdown", "--prompt", "--at", "2023-02-10")
    assert (result.returncode, result.stdout, result.stderr) == (0, "OB-Wahl 2d\n", "")
    assert (
        json.loads(run_installed("candidates", "--format", "json").stdout)[0]["name"]
        == "Beate Kimmel"
    )


def test_unknown_config_election_keeps_the_fast_path(config_file: Path) -> None:
    config_file.write_text('election = "ob-2099"\n', encoding="utf-8")
    args = ["countdown", "--prompt", "--at", "2023-02-10"]
    assert run(*args).out == "OB-Wahl 2d\n"  # default election, like the full CLI
    assert prompt.run_fast(args, os.environ) == "OB-Wahl 2d"


def test_config_template_with_unknown_placeholder_is_ignored(config_file: Path) -> None:
    config_file.write_text('prompt_format = "{label} {dayz}"\n', encoding="utf-8")
    result = run("countdown", "--prompt", "--at", "2023-02-10")
    assert result.out == "OB-Wahl 2d\n"
    result = run("candidates")
    assert "prompt_format: unknown placeholder {dayz}; ignored" in result.err
