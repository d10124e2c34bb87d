"""Hostile input gives one line and the right exit code, never a traceback, a hang or raw
control characters: result-file cells, config files, --data paths, export targets."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kl_wahl.results import opendata

from .conftest import FIXTURES, entry_point, run, run_installed

COMPLETE = (FIXTURES / "results" / "synthetic-8-of-8.csv").read_text(encoding="utf-8")
NAMES = ["--map", "D1=Gert-Uwe Mende", "--map", "D2=Thomas Hoppe"]
CONTROL = "\x1b[2J\x1b]8;;http://x\x1b\\\x1b]52;c;aGk=\x07\x9b31m\x00"


def _file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "f.csv"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("cell", "says"),
    [
        ("²", "is not a whole number"),
        ("9" * 5000, "a number of 5000 digits"),
        ("1" * 200_000, "not readable as CSV (field larger than field limit"),
    ],
)
def test_bad_numbers_are_one_line(cell: str, says: str, tmp_path: Path) -> None:
    text = COMPLETE.replace(";338;0;6;332;193;139", f";338;0;6;332;{cell};139")
    result = run("import", str(_file(tmp_path, text)), "-e", "x", *NAMES)
    assert result.code == 1 and says in result.err and result.err.count("\n") == 1


def test_a_huge_text_field_is_one_line(tmp_path: Path) -> None:
    text = COMPLETE.replace("0111 Rathaus", '"' + "x" * 200_000 + '"')
    result = run("import", str(_file(tmp_path, text)), "-e", "x", *NAMES)
    assert result.code == 1 and "not readable as CSV" in result.err


def test_control_characters_from_a_result_file_reach_nothing(tmp_path: Path) -> None:
    text = COMPLETE.replace("0111 Rathaus", f'"0111 Rat{CONTROL}haus"')
    text = text.replace(";193;139", ";193;140")  # and a failed check that quotes the name
    result = run("import", str(_file(tmp_path, text)), "-e", "wi", *NAMES)
    assert result.code == 0, result.err
    outputs = [
        result.err,
        run("-e", "wi", "results", "--districts").out,
        run("-e", "wi", "results", "--districts", "-f", "csv").out,
        run("-e", "wi", "export", "districts").out,
        run("-e", "wi", "results").out,
        run("-e", "wi", "candidate", "mende").out,
        run("-e", "wi", "results", "--districts", env={"FORCE_COLOR": "1"}).out,
    ]
    for out in outputs[:-1]:
        assert [c for c in out if unicodedata.category(c) == "Cc" and c not in "\n"] == []
    for out in outputs:  # Rich's own escapes aside: nothing of the file's
        for sequence in ("\x00", "\x07", "\x9b", "\x1b[2J", "\x1b]52", "\x1b]8;;http"):
            assert sequence not in out
    rows = list(csv.DictReader(io.StringIO(outputs[2])))
    assert rows[0]["name"].startswith("0111 Rat[2J]8")  # the printable rest stays, as text


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(), max_size=60))
def test_any_name_cell_is_read_clean(name: str) -> None:
    text = COMPLETE.replace(
        "0111 Rathaus", name.replace(";", "").replace("\n", "").replace("\r", "").replace('"', "")
    )
    try:
        snap = opendata.read(text)
    except opendata.FormatError:
        return
    for district in snap.districts:
        assert [c for c in district.name if unicodedata.category(c) == "Cc" and c != "\t"] == []


def test_import_from_a_closed_stdin_is_one_line() -> None:
    done = subprocess.run(
        [entry_point(), "import", "-", "-e", "x"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1 and "Traceback" not in done.stderr
    closed = subprocess.run(
        f"{entry_point()} import - -e x <&-",
        shell=True,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert closed.returncode != 0 and "Traceback" not in closed.stderr
    assert closed.stderr.count("\n") == 1


@pytest.mark.parametrize(
    "content",
    ["a = " + "[" * 100_000 + "]" * 100_000, "lang = " + "9" * 5000, "x" * 2_000_000],
    ids=["nested", "long-integer", "huge"],
)
def test_a_hostile_config_never_stops_a_command(content: str, config_file: Path) -> None:
    config_file.write_text(content, encoding="utf-8")
    for args in (["candidates"], ["countdown", "--prompt", "--at", "2023-02-10"]):
        result = run_installed(*args)
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr
    assert run_installed("countdown", "--prompt", "--at", "2023-02-10").stdout == "OB-Wahl 2d\n"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_data_files_and_export_targets_must_be_regular_files(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    for data in (str(fifo), "/dev/zero"):
        result = run_installed("--data", data, "candidates")
        assert result.returncode == 1 and "not a regular file" in result.stderr
    result = run_installed("export", "candidates", "-o", str(fifo), "--force")
    assert result.returncode == 1 and "is not a regular file" in result.stderr
    assert fifo.exists() and not fifo.is_file()
