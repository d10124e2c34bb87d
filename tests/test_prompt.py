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

from kl_wahl.base import snapfile
from kl_wahl.fast.answer import run_fast

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
    "kl_wahl.core.model",
    "kl_wahl.store.registry",
)
FULL_CLI = (
    "import sys\n"
    "from kl_wahl.base.translit import install_safe_encoding\n"
    "install_safe_encoding()\n"
    "from kl_wahl.cli.app import run\n"
    "sys.exit(run(sys.argv[1:]))\n"
)


def _fresh_modules(args: list[str], env: dict[str, str] | None = None) -> tuple[str, list[str]]:
    """Run the entry point in a fresh interpreter; return its stdout and the heavy modules it loaded."""
    code = (
        "import sys, io\n"
        "from kl_wahl.entry import main\n"
        f"rc = main({args!r})\n"
        f"heavy = [m for m in {HEAVY!r} if m in sys.modules]\n"
        "sys.stderr.write(repr(heavy))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        check=True,
    )
    return done.stdout, ast.literal_eval(done.stderr)


def _both(args: list[str], env: dict[str, str]) -> tuple[tuple[int, str], tuple[int, str]]:
    """(exit code, stdout) of the installed command (fast path allowed) and of the full CLI."""
    full_env = {**os.environ, **env}
    fast = run_installed(*args, env=env)
    full = subprocess.run(
        [sys.executable, "-c", FULL_CLI, *args],
        capture_output=True,
        text=True,
        env=full_env,
        timeout=60,
        check=False,
    )
    return (fast.returncode, fast.stdout), (full.returncode, full.stdout)


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
    assert run_fast(["countdown", "--prompt"], os.environ) is None
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
        ["--format", "{label}:{days}:{hours}:{minutes}:{total_minutes}:{date}"],
        ["--past-format", "{label} {days}"],
    ],
)
def test_fast_path_agrees_with_full_cli(at: str, extra: list[str]) -> None:
    args = ["countdown", "--prompt", "--at", at, *extra]
    full = run(*args)  # also writes the snapshot
    assert full.code == 0
    fast = run_fast(args, os.environ)
    assert fast is not None
    assert fast == full.out


def test_fast_path_honours_config(config_file: Path) -> None:
    config_file.write_text(
        'prompt_format = "Wahl in {days} Tagen"\nlang = "de"\n', encoding="utf-8"
    )
    args = ["countdown", "--prompt", "--at", "2023-02-10"]
    assert run(*args).out == "Wahl in 2 Tagen\n"
    assert run_fast(args, os.environ) == "Wahl in 2 Tagen\n"


def test_fast_path_declines_what_it_cannot_answer() -> None:
    run("candidates")
    assert run_fast(["countdown"], os.environ) is None  # not prompt mode
    assert run_fast(["countdown", "--prompt", "podium"], os.environ) is None
    assert run_fast(["countdown", "--prompt", "--election", "nope"], os.environ) is None
    assert run_fast(["countdown", "--prompt", "--format", "{x}"], os.environ) is None


def test_cache_path_matches_platformdirs() -> None:
    if sys.platform.startswith(("win", "darwin")):
        pytest.skip("the fast path reads the XDG cache location only on Linux/BSD")
    expected = os.path.join(
        platformdirs.user_cache_dir("kl-wahl", appauthor=False), snapfile.CACHE_FILE
    )
    assert snapfile.fast_cache_path(os.environ) == expected


def test_snapshot_round_trip() -> None:
    run("candidates")
    path = snapfile.fast_cache_path(os.environ)
    assert path is not None
    snap = snapfile.read_snapshot(path)
    assert snap is not None
    assert snapfile.parse_snapshot(snapfile.dump_snapshot(snap)) == snap
    (election,) = snap.elections
    assert election.id == "ob-2023"
    assert [t.iso_date for t in election.targets] == ["2023-02-12", "2023-02-26"]


def test_corrupt_snapshot_is_ignored() -> None:
    run("candidates")
    path = snapfile.fast_cache_path(os.environ)
    assert path is not None
    Path(path).write_text(snapfile.MAGIC + "\ngarbage\tx\n", encoding="utf-8")
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
    assert run_fast(args, os.environ) == "OB-Wahl 2d\n"


def test_config_template_with_unknown_placeholder_is_ignored(config_file: Path) -> None:
    config_file.write_text('prompt_format = "{label} {dayz}"\n', encoding="utf-8")
    result = run("countdown", "--prompt", "--at", "2023-02-10")
    assert result.out == "OB-Wahl 2d\n"
    result = run("candidates")
    assert "prompt_format: unknown placeholder {dayz}; ignored" in result.err


EQUIVALENCE = [
    (["countdown", "--prompt", "--at", "2023-02-10"], {}),
    (["countdown", "--prompt", "--lang", "deutsch", "--at", "2023-02-12T09:00"], {}),
    (["countdown", "--prompt", "--lang", "fr", "--at", "2023-02-12T09:00"], {}),
    (["countdown", "--prompt", "--lang", "de", "--at", "2023-02-12T09:00"], {}),
    (["countdown", "--prompt", "--bogus"], {}),
    (["countdown", "--prompt", "--format", "{nope}"], {}),
    (["--format", "x", "countdown", "--prompt"], {}),
    (
        ["countdown", "--prompt", "--at", "2023-02-10", "--format", "Wahl in {days} Tägen"],
        {"PYTHONIOENCODING": "ascii"},
    ),
    (["countdown", "--prompt", "--at", "2021-07-01T00:30", "--format", "{days}"], {}),
    (["countdown", "--prompt", "--at", "2041-07-01T00:30", "--format", "{days}"], {}),
    (["countdown", "--prompt", "--at", "2023-02-10T07:00", "--format", "{hours}h {minutes}m"], {}),
    (["countdown", "--prompt", "--at", "2026-11-29", "--past-format", "vor {days} Tagen"], {}),
    (["countdown", "--prompt", "--at", "2026-11-29", "--past-format", "OB-Wahl ~{next_year}"], {}),
    (["countdown", "--prompt"], {"KL_WAHL_NOW": "1675987200"}),
    (["countdown", "--prompt"], {"KL_WAHL_NOW": "2023-02-10"}),
    (["countdown", "--prompt"], {"KL_WAHL_NOW": "abc"}),
    (["-eob-2023", "countdown", "--prompt", "--at", "2023-02-10"], {}),
    (["countdown", "--prompt", "-e", "ob-2023", "--at", "2023-02-10"], {}),
]


@pytest.mark.parametrize(("args", "env"), EQUIVALENCE)
def test_installed_command_equals_full_cli(args: list[str], env: dict[str, str]) -> None:
    """Whatever the fast path answers, it answers exactly as the full CLI; the rest it hands on."""
    run_installed("candidates")  # a warm snapshot, as on any machine after one normal run
    fast, full = _both(args, env)
    assert fast == full


def test_equivalence_cases_really_use_the_fast_path() -> None:
    """The valid cases above are answered by the fast path (else the test above proves little)."""
    run_installed("candidates")
    assert run_fast(["countdown", "--prompt", "--at", "2023-02-10"], os.environ) == "OB-Wahl 2d\n"
    assert run_fast(["-eob-2023", "countdown", "--prompt", "--at", "2023-02-10"], os.environ)
    env = {**os.environ, "KL_WAHL_NOW": "1675987200"}
    assert run_fast(["countdown", "--prompt"], env) == "OB-Wahl 2d\n"
    for bad in (["--lang", "deutsch"], ["--at", "2021-07-01T00:30"], ["--bogus"]):
        assert run_fast(["countdown", "--prompt", *bad], os.environ) is None
    assert run_fast(["countdown", "--prompt"], {**os.environ, "KL_WAHL_NOW": "abc"}) is None


def test_brace_label_is_filled_once_everywhere(user_elections: Path) -> None:
    text = (FIXTURES / "minimal.toml").read_text(encoding="utf-8")
    text = text.replace('id = "test-2030"', 'id = "brace-2030"')
    text = text.replace('short_label = "Testwahl"', 'short_label = "Wahl {date}"')
    (user_elections / "brace.toml").write_text(text, encoding="utf-8")
    args = ["-e", "brace-2030", "countdown", "--prompt", "--at", "2030-03-08"]
    fast, full = _both(args, {})
    assert full == (0, "Wahl {date} 2d\n")
    assert fast == full


def test_remainders_and_totals() -> None:
    result = run("countdown", "--at", "2023-02-10T07:00", "--format", "{hours}h {minutes}m")
    assert result.out == "49h 0m\n"
    result = run(
        "countdown", "--at", "2023-02-10T07:30", "--format", "{hours}:{minutes} {total_minutes}"
    )
    assert result.out == "48:30 2910\n"


def test_past_template_counts_forward() -> None:
    result = run("countdown", "--at", "2023-03-01", "--past-format", "vor {days} Tagen")
    assert result.out == "vor 3 Tagen\n"


def test_bad_env_now_is_refused_not_misread() -> None:
    result = run("countdown", "--prompt", env={"KL_WAHL_NOW": "2023-02-10"})
    assert result.code == 2
    assert result.out == ""
    assert "epoch seconds" in result.err


def test_shell_init_is_answered_from_the_cache() -> None:
    first = run_installed("shell-init", "bash")
    assert first.returncode == 0
    out, heavy = _fresh_modules(["shell-init", "bash"])
    assert out == first.stdout
    assert heavy == []
    _, heavy = _fresh_modules(["shell-init", "zsh"])  # not cached yet: the full CLI answers
    assert "typer" in heavy


def test_next_year_placeholder_is_opt_in() -> None:
    assert run("countdown", "--prompt", "--at", "2026-11-29").out == ""  # silent by default
    result = run("countdown", "--at", "2026-11-29", "--past-format", "OB-Wahl ~{next_year}")
    assert result.out == "OB-Wahl ~2031\n"


@pytest.mark.parametrize("env", [{}, {"LANG": "de_DE.UTF-8"}, {"COLUMNS": "60"}])
def test_top_level_help_is_answered_from_the_cache_exactly(env: dict[str, str]) -> None:
    first = run_installed("--help", env=env)  # the full CLI writes the cache
    again = run_installed("--help", env=env)
    assert again.stdout == first.stdout and again.returncode == 0
    _, heavy = _fresh_modules(["--help"], env)
    assert "typer" not in heavy
    other = {"LANG": "de_DE.UTF-8"} if not env else {}
    assert run_installed("--help", env=other).stdout != first.stdout  # another key, not reused


def test_version_is_the_same_on_both_paths() -> None:
    from kl_wahl import __version__

    assert run("--version").out == run_installed("--version").stdout == f"kl-wahl {__version__}\n"
    _, heavy = _fresh_modules(["--version"])
    assert heavy == []
