"""`watch` against a real HTTP server on 127.0.0.1 that reveals a file district by district,
with an outage in the middle: 500, a dropped connection, a truncated body, 304, garbage."""

from __future__ import annotations

import json
import re
from pathlib import Path

from kl_wahl.results.poll import MAX_BACKOFF, is_loopback, next_delay

from .conftest import FIXTURES, Script, Serve, run, run_installed

RESULTS = FIXTURES / "results"
NAMES = ["--map", "D1=Gert-Uwe Mende", "--map", "D2=Thomas Hoppe"]


def _file(name: str) -> bytes:
    return (RESULTS / name).read_bytes()


def test_watch_survives_an_outage_and_ends_complete(serve: Serve, isolated: Path) -> None:
    script = Script(
        [
            ("ok", _file("wiesbaden-2025-stichwahl-precount.csv")),
            ("500", b""),
            ("drop", b""),
            ("ok", _file("synthetic-3-of-8.csv")),
            ("truncated", _file("synthetic-8-of-8.csv")),
            ("ok", b"<html>Wartungsarbeiten</html>"),
            ("304", b""),
            ("ok", _file("synthetic-8-of-8.csv")),
        ]
    )
    url = serve(script)
    done = run_installed(
        "watch", url, "-e", "wi-2025", *NAMES, "--interval", "0.05", "--format", "json"
    )
    assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert [line["counted"] for line in lines] == [0, 3, 8]
    final = lines[-1]
    assert final["complete"] is True and final["expected"] == 8
    assert [(c["name"], c["votes"]) for c in final["candidates"]] == [
        ("Gert-Uwe Mende", 1723),
        ("Thomas Hoppe", 1407),
    ]
    assert final["turnout"] == 49.52
    for failure in ("HTTP 500", "before the whole file arrived", "HTML"):
        assert failure in done.stderr
    assert "keeping the last good state: 3 of 8 districts" in done.stderr
    assert "Traceback" not in done.stderr
    assert any(script.conditional)  # the ETag went back to the server
    archive = isolated / "data" / "kl-wahl" / "results" / "wi-2025" / "archive"
    assert len(list(archive.glob("*.csv"))) == 3  # every fetched file that was imported
    assert "8 of 8 districts counted" in run("-e", "wi-2025", "results").out


def test_watch_once_says_partial_with_exit_3(serve: Serve) -> None:
    url = serve(Script([("ok", _file("synthetic-3-of-8.csv"))]))
    done = run_installed("watch", url, "-e", "wi-2025", *NAMES, "--once")
    assert done.returncode == 3, done.stderr
    assert "Districts 3/8" in done.stdout


def test_watch_once_with_nothing_importable_exits_1(serve: Serve) -> None:
    url = serve(Script([("500", b"")]))
    done = run_installed("watch", url, "-e", "wi-2025", *NAMES, "--once")
    assert done.returncode == 1
    assert "HTTP 500" in done.stderr


def test_remote_servers_are_polled_politely() -> None:
    result = run("watch", "https://wahlen.example.org/x.csv", "-e", "x", "--interval", "2")
    assert result.code == 2 and "at least 10 for a server that is not this machine" in result.err
    assert is_loopback("http://127.0.0.1:8000/x") and is_loopback("http://[::1]/x")
    assert not is_loopback("https://wahlen.kaiserslautern.de/x")


def test_schedule() -> None:
    half = lambda: 0.5  # noqa: E731 - a fixed jitter
    assert next_delay(60, 0, None, None, half) == 60
    assert next_delay(60, 0, 120, None, half) == 120  # Cache-Control max-age
    assert next_delay(60, 1, None, None, half) == 120
    assert next_delay(60, 2, None, None, half) == 240
    assert next_delay(60, 9, None, None, half) == MAX_BACKOFF
    assert next_delay(60, 1, None, 300, half) == 300  # Retry-After
    assert 108 <= next_delay(60, 1, None, None, lambda: 0.0) <= 132


def test_the_live_view_on_a_terminal(serve: Serve) -> None:
    """FORCE_COLOR makes the console a terminal: watch draws its in-place view (Rich Live)."""
    script = Script(
        [("ok", _file("synthetic-3-of-8.csv")), ("500", b""), ("ok", _file("synthetic-8-of-8.csv"))]
    )
    url = serve(script)
    done = run(
        "watch", url, "-e", "wi-2025", *NAMES, "--interval", "0.05", env={"FORCE_COLOR": "1"}
    )
    assert done.code == 0, done.err
    screen = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", done.out)
    assert "Districts 3/8" in screen and "Districts 8/8" in screen
    assert "3 polling-station and 2 postal districts" in screen  # outstanding, in the view
    assert "elected: Gert-Uwe Mende (preliminary)" in screen
    assert "HTTP 500" in screen  # a failure is said in the view, not lost
    assert "\x1b[" in done.out  # drawn in place, with cursor movements


def test_no_color_anywhere_on_the_line() -> None:
    colour = re.compile(r"\x1b\[[0-9;]*3[0-9]m|\x1b\[[0-9;]*38;")
    coloured = run("--at", "2026-11-28", "results", env={"FORCE_COLOR": "1"}).out
    assert colour.search(coloured)
    for args in (["--no-color", "results"], ["results", "--no-color"]):
        plain = run("--at", "2026-11-28", *args, env={"FORCE_COLOR": "1"}).out
        assert not colour.search(plain) and "Beate Kimmel" in plain
