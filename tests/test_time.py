"""Time semantics: calendar days in Europe/Berlin, --at, countdown, events (never today's date)."""

from __future__ import annotations

import json
from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

import pytest

from kl_wahl.base.clock import parse_at
from kl_wahl.core.timeline import calendar_days, countdown, next_round
from kl_wahl.store.load import load_file
from kl_wahl.store.paths import bundled_dir

from .conftest import run, run_installed

BERLIN = ZoneInfo("Europe/Berlin")
ELECTION = load_file(bundled_dir() / "ob-2023.toml").election
assert ELECTION is not None


def test_at_date_alone_means_noon_in_berlin() -> None:
    assert parse_at("2023-02-10") == datetime(2023, 2, 10, 12, 0, tzinfo=BERLIN)
    assert parse_at("2023-02-10T07:30") == datetime(2023, 2, 10, 7, 30, tzinfo=BERLIN)
    assert parse_at("2023-02-10T07:30Z") == datetime(2023, 2, 10, 8, 30, tzinfo=BERLIN)
    assert parse_at("2023-02-30") is None
    assert parse_at("soon") is None


def test_calendar_days_use_berlin_dates_not_utc() -> None:
    late_utc = datetime(2023, 2, 11, 23, 30, tzinfo=timezone.utc)  # already 12 Feb in Berlin
    assert calendar_days(ELECTION, late_utc, date(2023, 2, 12)) == 0


def test_calendar_days_across_dst_change() -> None:
    before_switch = datetime(2023, 3, 25, 23, 30, tzinfo=BERLIN)  # night of the switch to CEST
    assert calendar_days(ELECTION, before_switch, date(2023, 3, 27)) == 2
    after_switch = datetime(2023, 3, 26, 3, 30, tzinfo=BERLIN)
    assert calendar_days(ELECTION, after_switch, date(2023, 3, 27)) == 1


def test_next_round_moves_on_when_polls_close() -> None:
    open_day = datetime(2023, 2, 12, 17, 59, tzinfo=BERLIN)
    assert next_round(ELECTION, open_day) == (ELECTION.rounds[0], False)
    closed = datetime(2023, 2, 12, 18, 0, tzinfo=BERLIN)
    assert next_round(ELECTION, closed) == (ELECTION.rounds[1], False)
    after = datetime(2023, 2, 26, 18, 0, tzinfo=BERLIN)
    assert next_round(ELECTION, after) == (ELECTION.rounds[1], True)
    cd = countdown(ELECTION, ELECTION.rounds[1], datetime(2026, 11, 28, 12, 0, tzinfo=BERLIN))
    assert (cd.state, cd.days) == ("past", -1371)


@pytest.mark.parametrize(
    ("at", "expected"),
    [
        ("2023-02-10", "OB-Wahl 2d"),
        ("2023-02-11T23:59", "OB-Wahl 1d"),
        ("2023-02-12T00:00", "OB-Wahl today"),
        ("2023-02-12T17:59", "OB-Wahl today"),
        ("2023-02-12T18:00", "OB-Stichwahl 14d"),
        ("2023-02-26T09:00", "OB-Stichwahl today"),
        ("2023-02-26T18:00", ""),
        ("2026-11-28", ""),
    ],
)
def test_prompt_line(at: str, expected: str) -> None:
    result = run("countdown", "--prompt", "--at", at)
    assert result.code == 0
    assert result.out == (expected + "\n" if expected else "")
    assert result.err == ""


def test_prompt_in_german() -> None:
    assert (
        run("--lang", "de", "countdown", "--prompt", "--at", "2023-02-12T09:00").out
        == "OB-Wahl heute\n"
    )


def test_prompt_placeholders() -> None:
    out = run(
        "countdown", "--at", "2023-02-10", "--format", "{label}|{days}|{hours}|{minutes}|{date}"
    ).out
    assert out == "OB-Wahl|2|44|0|2023-02-12\n"  # {minutes} is the remainder after {hours}


def test_past_format() -> None:
    out = run(
        "countdown", "--prompt", "--at", "2026-11-28", "--past-format", "{label} {days}d ({date})"
    ).out
    assert out == "OB-Stichwahl 1371d (2023-02-26)\n"  # past templates count forward


def test_unknown_placeholder_is_refused() -> None:
    result = run("countdown", "--prompt", "--format", "{label} {dayz}")
    assert result.code == 2
    assert result.out == ""
    assert "{dayz}" in result.err


def test_prompt_failure_keeps_stdout_empty() -> None:
    result = run("--election", "nope", "countdown", "--prompt")
    assert result.code == 1
    assert result.out == ""
    assert len(result.err.strip().splitlines()) == 1


def test_countdown_before_the_election() -> None:
    out = run("--at", "2023-02-10", "countdown").out
    assert "OB-Wahl: Sunday, 12 February 2023, in 2 days" in out
    assert "they open in 1 day and 20 hours" in out


def test_countdown_on_the_day() -> None:
    assert (
        "OB-Wahl: today, polls close at 18:00" in run("--at", "2023-02-12T12:00", "countdown").out
    )
    assert "polls open at 08:00" in run("--at", "2023-02-12T07:00", "countdown").out


def test_countdown_after_everything_explains() -> None:
    out = run("--at", "2026-11-28", "countdown").out
    assert "OB-Stichwahl: Sunday, 26 February 2023, took place 1,371 days ago" in out
    assert "Beate Kimmel won with 62.26 % of the valid votes" in out


def test_countdown_to_another_event() -> None:
    out = run("--at", "2023-01-20", "countdown", "swr").out
    assert out.startswith("SWR podium discussion: Thursday, 26 January 2023, 18:00, in 6 days")
    ambiguous = run("countdown", "podium")
    assert ambiguous.code == 1
    assert "podium-swr" in ambiguous.err
    assert run("countdown", "no-such-event").code == 1


def test_events_upcoming_past_and_formats() -> None:
    upcoming = json.loads(run("--at", "2023-02-20", "events", "--upcoming", "--format", "json").out)
    ids = [e["id"] for e in upcoming]
    assert ids[0] == "postal-mailout-runoff" and "round-2" in ids and "start-of-office" in ids
    assert "round-1" not in ids
    past = json.loads(run("--at", "2023-02-20", "events", "--past", "--format", "json").out)
    assert "round-1" in [e["id"] for e in past]
    assert run("events", "--upcoming", "--past").code == 2
    rows = {
        e["id"]: e for e in json.loads(run("--at", "2023-02-20", "events", "--format", "json").out)
    }
    assert rows["round-2"]["relative"] == "in 6 days"
    assert rows["round-2"]["time"] == "08:00"
    assert rows["council-decision"]["date"] == "2022-02"
    assert rows["herzlich-digital-interviews"]["date"] is None
    assert rows["herzlich-digital-interviews"]["before"] == "2023-02-12"


def test_events_highlight_next_on_terminal() -> None:
    out = run("--at", "2023-02-20", "events", env={"FORCE_COLOR": "1"}).out
    line = next(line for line in out.splitlines() if "Runoff postal documents" in line)
    assert "\x1b[1;36m" in line  # the next event is highlighted


def test_machine_time_zone_does_not_matter() -> None:
    for tz in ("UTC", "Pacific/Auckland", "America/Los_Angeles"):
        result = run_installed("countdown", "--prompt", "--at", "2023-02-11T23:30", env={"TZ": tz})
        assert result.stdout == "OB-Wahl 1d\n", tz


def test_results_appear_once_polls_close() -> None:
    """--at is a coherent what-if: before a voting day its results are not known yet."""
    between = json.loads(run("--at", "2023-02-20", "candidates", "--format", "json").out)
    kimmel = between[0]
    assert (kimmel["first_round_votes"], kimmel["runoff_votes"], kimmel["outcome"]) == (
        9299,
        None,
        "runoff",
    )
    before = run("--at", "2023-02-12T17:59", "results")
    assert before.out.count("No results yet.") == 2
    counting = run("--at", "2023-02-26T18:00", "results", "--round", "2").out
    assert "Status: counting" in counting and "12,289" not in counting
    after = json.loads(run("--at", "2023-02-27", "results", "--round", "2", "--format", "json").out)
    assert after[0]["votes"] == 12289


@pytest.mark.parametrize(
    ("days", "en", "de"),
    [
        (0, "today", "heute"),
        (1, "tomorrow", "morgen"),
        (-1, "yesterday", "gestern"),
        (2, "in 2 days", "in 2 Tagen"),
        (45, "in 45 days", "in 45 Tagen"),
        (46, "in 2 months", "in 2 Monaten"),
        (60, "in 2 months", "in 2 Monaten"),
        (-75, "2 months ago", "vor 2 Monaten"),
        (400, "in 13 months", "in 13 Monaten"),
        (730, "in 2 years", "in 2 Jahren"),
        (-1371, "4 years ago", "vor 4 Jahren"),
    ],
)
def test_relative_times_round_as_people_do(days: int, en: str, de: str) -> None:
    from kl_wahl.i18n.catalog import relative_days

    assert (relative_days(days, "en"), relative_days(days, "de")) == (en, de)


def test_countdown_on_the_day_and_hours_only() -> None:
    assert "took place today" in run("--at", "2023-02-26T19:00", "countdown").out
    out = run("--at", "2023-02-11T12:00", "countdown").out
    assert "they open in 20 hours." in out and "0 days" not in out


@pytest.mark.parametrize(
    "moment",
    [
        "2023-03-25T23:30:00+00:00",  # 00:30 Berlin on the 26th, the night clocks go forward
        "2023-03-26T22:30:00+00:00",  # 00:30 CEST on the 27th
        "2023-10-28T21:59:59+00:00",
        "2023-10-28T22:00:00+00:00",  # midnight CEST: the 29th begins
        "2023-10-29T23:00:00+00:00",  # midnight CET: the 30th begins
        "2025-12-31T23:00:00+00:00",
    ],
)
def test_local_day_from_the_offset_table_equals_the_time_zone_database(moment: str) -> None:
    from zoneinfo import ZoneInfo

    from kl_wahl.base import clock
    from kl_wahl.store.snapshot import utc_offsets

    offsets = utc_offsets("Europe/Berlin", 2022, 2026)
    first = int(datetime(2022, 1, 1, tzinfo=timezone.utc).timestamp())
    last = int(datetime(2027, 1, 1, tzinfo=timezone.utc).timestamp()) - 1
    clock.know_offsets("Europe/Berlin", offsets, first, last)
    instant = datetime.fromisoformat(moment)
    assert (
        clock.local_date(instant, "Europe/Berlin")
        == instant.astimezone(ZoneInfo("Europe/Berlin")).date()
    )
