"""Hardening: random and mutated data never crash the loader; misuse gives clear errors."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kl_wahl.store.load import load_text
from kl_wahl.store.paths import bundled_dir

from .conftest import FIXTURES, entry_point, run, run_installed

BUNDLED = (bundled_dir() / "ob-2023.toml").read_text(encoding="utf-8")
MINIMAL = (FIXTURES / "minimal.toml").read_text(encoding="utf-8")

odd_values = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.sampled_from(
        ["", "2023-02-30", "2023-13-01", "\x1b[31m", "=1+1", "ü" * 5, "\u202e", "25:61"]
    ),
    st.booleans(),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
)


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return (
            "nan"
            if value != value
            else ("inf" if value > 0 else "-inf")
            if abs(value) == float("inf")
            else repr(value)
        )
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        escaped = value.replace("\\", "\\\\").replace('"', '\\"')
        escaped = "".join(
            ch if ch.isprintable() or ch == " " else f"\\u{ord(ch):04x}" for ch in escaped
        )
        return f'"{escaped}"'
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    assert isinstance(value, dict)
    return "{" + ", ".join(f'"{k}" = {_toml_value(v)}' for k, v in value.items()) + "}"


def _check(text: str) -> None:
    result = load_text(text, "fuzz.toml", origin="user")
    if result.election is None:
        assert result.errors, "rejected without saying why"
        for problem in result.errors:
            assert str(problem).startswith("fuzz.toml")
            assert problem.message


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_mutated_lines_never_crash(data: st.DataObject) -> None:
    """Replace the value of one `key = value` line of a real file by something odd."""
    source = data.draw(st.sampled_from([BUNDLED, MINIMAL]))
    lines = source.splitlines()
    candidates = [i for i, line in enumerate(lines) if " = " in line and not line.startswith("#")]
    index = data.draw(st.sampled_from(candidates))
    key = lines[index].split(" = ", 1)[0]
    lines[index] = f"{key} = {_toml_value(data.draw(odd_values))}"
    _check("\n".join(lines))


@settings(max_examples=100, deadline=None)
@given(data=st.data())
def test_deleted_lines_never_crash(data: st.DataObject) -> None:
    lines = MINIMAL.splitlines()
    drop = data.draw(st.sets(st.integers(min_value=0, max_value=len(lines) - 1), max_size=6))
    _check("\n".join(line for i, line in enumerate(lines) if i not in drop))


@settings(max_examples=200, deadline=None)
@given(
    doc=st.dictionaries(
        st.sampled_from(
            [
                "id",
                "title",
                "sources",
                "candidates",
                "rounds",
                "events",
                "timezone",
                "term",
                "outgoing",
                "x",
            ]
        ),
        odd_values,
        max_size=6,
    )
)
def test_random_documents_never_crash(doc: dict[str, object]) -> None:
    _check("\n".join(f"{k} = {_toml_value(v)}" for k, v in doc.items()))


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_text_never_crashes(text: str) -> None:
    _check(text)


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["frobnicate"], 2),
        (["candidates", "--nope"], 2),
        (["candidate"], 2),
        (["candidate", ""], 2),
        (["--election", "x", "results"], 1),
        (["results", "--round", "3"], 2),
        (["events", "--past", "--upcoming"], 2),
        (["export", "results", "--format", "ics"], 2),
        (["export", "events", "--format", "json", "--dialect", "excel-de"], 2),
        (["export", "nothing"], 2),
        (["countdown", "podium", "--prompt"], 2),
        (["data", "validate"], 2),
        (["data", "validate", "/nonexistent.toml"], 1),
        (["--at", "2023-02-30", "countdown"], 2),
    ],
)
def test_misuse_gives_the_right_exit_code(args: list[str], code: int) -> None:
    result = run(*args)
    assert result.code == code, (args, result.out, result.err)
    assert result.err.strip()
    assert "Traceback" not in result.err


ENVIRONMENTS = [
    {"LANG": "C", "LC_ALL": "C"},
    {"PYTHONIOENCODING": "ascii"},
    {"TERM": "dumb"},
    {"NO_COLOR": "1"},
    {"FORCE_COLOR": "1"},
    {"COLUMNS": "20"},
    {"COLUMNS": "300"},
]


@pytest.mark.parametrize("env", ENVIRONMENTS)
def test_environment_matrix(env: dict[str, str], tmp_path: Path) -> None:
    for args in (
        ["--at", "2026-11-28"],
        ["candidates"],
        ["candidate", "kürwitz"],
        ["results"],
        ["events"],
        ["countdown"],
        ["elections"],
    ):
        result = run_installed(*args, env=env, cwd=tmp_path)
        assert result.returncode == 0, (env, args, result.stderr)
        assert "Traceback" not in result.stderr
        if "FORCE_COLOR" not in env:
            assert "\x1b" not in result.stdout, (env, args)


def test_unreadable_and_non_utf8_user_files(user_elections: Path) -> None:
    (user_elections / "latin1.toml").write_bytes((FIXTURES / "not-utf8.toml").read_bytes())
    (user_elections / "dir.toml").mkdir()  # not a file: skipped
    result = run_installed("candidates")
    assert result.returncode == 0
    assert "latin1.toml:3: file is not valid UTF-8" in result.stderr
    assert "Beate Kimmel" in result.stdout


def test_hostile_file_through_every_command() -> None:
    hostile = ("--data", str(FIXTURES / "hostile.toml"), "--election", "hostile")
    for args in (
        [],
        ["candidates"],
        ["candidate", "mallory"],
        ["results"],
        ["events"],
        ["countdown"],
        ["elections"],
        ["countdown", "--prompt", "--at", "2020-03-08"],
    ):
        result = run_installed(*hostile, *args, env={"FORCE_COLOR": "1"})
        assert result.returncode == 0, (args, result.stderr)
        assert "\x1b]8;;https://evil" not in result.stdout
        assert (
            "\x1b[31m" not in result.stdout
            and "\x07" not in result.stdout
            and "\x1b[2J" not in result.stdout
        )
    prompt = run_installed(*hostile, "countdown", "--prompt", "--at", "2020-03-08")
    assert prompt.stdout == "[blink]X[/blink] 2d\n"


@pytest.mark.parametrize("args", [["results"], ["export", "results"], ["candidates"]])
def test_full_disk_is_one_line_not_a_traceback(args: list[str]) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system to simulate a full disk")
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [entry_point(), *args], stdout=full, stderr=subprocess.PIPE, text=True, timeout=60
        )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stderr.count("\n") == 1 and "cannot write output" in done.stderr


def test_closed_pipe_is_not_a_traceback() -> None:
    proc = subprocess.Popen(
        [entry_point(), "export", "events", "--format", "json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()  # the reader goes away, like `| head -1`
    err = proc.stderr.read()
    assert proc.wait(timeout=60) != 0 or err == ""
    assert "Traceback" not in err and "Exception ignored" not in err


def test_deeply_nested_toml_is_a_clear_error(tmp_path: Path) -> None:
    deep = tmp_path / "deep.toml"
    deep.write_text("a = " + "[" * 3000 + "]" * 3000 + "\n", encoding="utf-8")
    for args in (["data", "validate", str(deep)], ["--data", str(deep), "candidates"]):
        result = run(*args)
        assert result.code == 1
        assert "nested too deeply" in result.err


def test_explicit_data_file_that_is_not_an_election_is_an_error() -> None:
    result = run("--data", "/etc/passwd", "candidates")
    assert result.code == 1
    assert result.err.startswith("kl-wahl: --data: /etc/passwd")
    assert result.out == ""


def test_export_output_checks_come_in_the_right_order(tmp_path: Path) -> None:
    result = run("export", "candidates", "-o", str(tmp_path))
    assert result.code == 1 and "is a directory" in result.err  # not "use --force"
    fresh = tmp_path / "new" / "exports"
    assert run("export", "all", "-o", f"{fresh}/").code == 0
    assert sorted(p.name for p in fresh.iterdir()) == [
        "candidates.csv",
        "events.csv",
        "results.csv",
        "sources.csv",
    ]
    result = run("export", "all", "--format", "json", "-o", f"{tmp_path / 'x'}/")
    assert result.code == 2 and "give a file name" in result.err
    assert not (tmp_path / "x").exists()


def test_attached_short_global_option_after_the_command() -> None:
    result = run("elections", "-eob-2023")
    assert result.code == 0 and "ob-2023" in result.out
