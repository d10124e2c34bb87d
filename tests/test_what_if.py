"""`--at` is a coherent what-if: ten moments from 2022 to 2026, and what every command reveals.

Facts come from the bundled data (sources in data/ob-2023.toml); the moments are chosen around
the dates that change what was known: admission of the candidates (2 Jan 2023), the first round
(12 Feb 18:00), the official first-round result (16 Feb), the runoff (26 Feb 18:00), the start of
office (1 Sep 2023).
"""

from __future__ import annotations

import json

import pytest

from .conftest import SEVEN_CANDIDATES, run


def at(moment: str, *args: str) -> str:
    result = run("--at", moment, *args)
    assert result.code == 0, (moment, args, result.err)
    return result.out


def upcoming_titles(moment: str) -> list[str]:
    rows = json.loads(at(moment, "events", "--upcoming", "--format", "json"))
    return [row["title"] for row in rows]


@pytest.mark.parametrize("moment", ["2022-01-15", "2022-06-01", "2022-12-01"])
def test_before_admission_no_candidate_is_known(moment: str) -> None:
    assert json.loads(at(moment, "candidates", "--format", "json")) == []
    assert "No candidates have been admitted yet" in at(moment)
    result = run("--at", moment, "candidate", "kimmel")
    assert result.code == 1 and "2 January 2023" in result.err
    assert not any("Kimmel" in title or "Pfeiffer" in title for title in upcoming_titles(moment))


def test_nominations_appear_when_they_happen() -> None:
    assert "dieBasis files its nomination" not in upcoming_titles("2022-12-01")
    assert "dieBasis files its nomination" in at("2022-12-23", "events")


def test_after_admission_seven_candidates_and_no_outcome() -> None:
    rows = json.loads(at("2023-01-05", "candidates", "--format", "json"))
    assert sorted(r["name"] for r in rows) == sorted(SEVEN_CANDIDATES)
    assert all(r["outcome"] is None for r in rows)
    profile = at("2023-01-05", "candidate", "kimmel")
    assert "Won the runoff" not in profile and "first woman" not in profile


def test_polling_day_before_the_polls_close_has_no_figures() -> None:
    out = at("2023-02-12T12:00", "results", "--round", "1")
    assert "No results yet." in out and "36." not in out


def test_election_night_counts_before_it_shows_a_result() -> None:
    """At 19:00 about half of the districts were in (S1): no result, no runoff pair yet."""
    out = at("2023-02-12T19:00", "results", "--round", "1")
    assert "Status: counting" in out and "36.50 %" not in out and "Pfeiffer" not in out
    assert json.loads(at("2023-02-12T19:00", "results", "--round", "1", "--format", "json")) == []
    titles = upcoming_titles("2023-02-12T19:00")
    assert any("Runoff (Stichwahl), if no candidate wins more than half" in t for t in titles)


def test_election_night_shows_what_was_published_that_night() -> None:
    out = at("2023-02-13T10:00", "results", "--round", "1")
    assert "Status: preliminary" in out and "Status: official" not in out
    assert "36.50 %" in out and "9,299" not in out  # shares only, no official votes yet
    assert "Official result set by the election committee" not in out
    rows = json.loads(at("2023-02-13T10:00", "results", "--round", "1", "--format", "json"))
    assert rows[0]["votes"] is None and rows[0]["share"] == 36.5
    titles = upcoming_titles("2023-02-12T19:00")
    assert "The new mayor takes office" in titles  # neutral: the runoff is still ahead
    assert not any("Kimmel" in t for t in titles)
    assert "Greens endorse Pfeiffer for the runoff" not in at("2023-02-12T19:00", "events")


def test_official_first_round_from_16_february() -> None:
    out = at("2023-02-17", "results", "--round", "1")
    assert "Status: official" in out and "9,299" in out
    assert "Official result set by the election committee" in out


def test_before_the_runoff_nothing_reveals_its_winner() -> None:
    titles = upcoming_titles("2023-02-20")
    assert "Weichel appoints Kimmel in the council meeting" not in titles
    assert "Kimmel takes office" not in titles and "The new mayor takes office" in titles
    assert "Won the runoff" not in at("2023-02-20", "candidate", "kimmel")
    assert "elected" not in at("2023-02-20", "candidates")


def test_after_the_runoff_the_preliminary_winner() -> None:
    overview = at("2023-03-01")
    assert "Beate Kimmel won the runoff" in overview and "preliminary result" in overview
    profile = at("2023-03-01", "candidate", "kimmel")
    assert "Won the runoff (preliminary final result" in profile
    assert "first woman to hold the office" not in profile  # she takes office on 1 Sep
    assert "Kimmel takes office" in at("2023-03-01", "events")


def test_years_later_the_next_election_window() -> None:
    out = at("2026-11-29", "countdown")
    assert "by law it must be held roughly between December 2030 and May 2031 (derived)" in out
    assert "Add the next election" not in out
    assert "first woman to hold the office" in at("2026-11-29", "candidate", "kimmel")
    (window,) = [
        row
        for row in json.loads(at("2026-11-29", "events", "--format", "json"))
        if row["id"] == "next-election"
    ]
    assert window["title"].startswith("Next mayoral election: no date set (window December 2030")
    assert (window["date"], window["precision"], window["date_derived"]) == (
        "2030-12",
        "month",
        True,
    )
    assert "Earlier elections" in at("2026-11-29", "results")


def test_next_election_in_the_data_replaces_the_hint() -> None:
    assert run("data", "init", "ob-2031").code == 0
    out = at("2026-11-29", "-e", "ob-2023", "countdown")
    assert "Next election in the data:" in out and "ob-2031" in out
    assert "data init" not in out


MOMENTS = (
    "2022-01-15",
    "2022-06-01",
    "2022-12-01",
    "2022-12-23",
    "2023-01-05",
    "2023-02-12T12:00",
    "2023-02-12T19:00",
    "2023-02-13",
    "2023-02-15T23:59",
    "2023-02-17",
    "2023-02-20",
    "2023-02-26T19:00",
    "2023-03-01",
    "2023-09-02",
    "2026-11-29",
)
CANDIDATE_IDS = (
    "kimmel",
    "pfeiffer",
    "kuerwitz",
    "wiesemann",
    "welsh-schied",
    "rocholl",
    "karanikas",
)
EVERY_COMMAND = (
    [],
    ["elections"],
    ["candidates"],
    ["candidates", "--format", "json"],
    ["results"],
    ["results", "--round", "1", "--format", "csv"],
    ["results", "--format", "json"],
    ["events"],
    ["events", "--long", "--upcoming"],
    ["countdown"],
    ["countdown", "--prompt"],
    ["export", "all", "--format", "json"],
    ["export", "events", "--format", "ics"],
    ["candidate", "weichel"],
    *(["candidate", cid] for cid in CANDIDATE_IDS),
    *(["candidate", cid, "--format", "json"] for cid in CANDIDATE_IDS),
)


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("moment", MOMENTS)
def test_every_command_runs_at_every_moment(moment: str, lang: str) -> None:
    """No command fails at any stage of the timeline (election night included, when only
    shares were known), in either language."""
    for args in EVERY_COMMAND:
        result = run("--lang", lang, "--at", moment, *args)
        admitted = moment >= "2023-01-02"
        if args[:1] == ["candidate"] and args[1] != "weichel" and not admitted:
            assert result.code == 1 and "2023" in result.err, (args, result.err)
            assert "Traceback" not in result.err
        else:
            assert result.code == 0, (moment, lang, args, result.err)


def test_what_an_event_says_waits_for_the_event() -> None:
    """Notes and participants that tell the outcome stay hidden while a neutral title stands."""
    before = json.loads(at("2022-12-20", "events", "--format", "json"))
    committee = next(e for e in before if e["id"] == "committee-admission")
    assert committee["title"] == "Election committee decides on the admission of the candidates"
    assert committee["note"] is None  # the late applicant's papers arrived on 27 Dec
    podium = json.loads(at("2023-01-10", "events", "--format", "json"))
    rheinpfalz = next(e for e in podium if e["id"] == "podium-rheinpfalz")
    assert rheinpfalz["note"] is None and rheinpfalz["participants"] == []
    after = json.loads(at("2023-01-19", "events", "--format", "json"))
    rheinpfalz = next(e for e in after if e["id"] == "podium-rheinpfalz")
    assert "Welsh-Schied cancelled" in rheinpfalz["note"] and len(rheinpfalz["participants"]) == 6
    assert "herzlich-digital-interviews" not in at("2022-12-27", "events", "--format", "json")
    assert "The new mayor takes office" not in at("2023-01-05", "candidate", "kimmel")


def test_the_office_is_named_as_it_stood() -> None:
    before = at("2023-03-01")
    assert "Outgoing mayor: Dr. Klaus Weichel (SPD)" in before and "In office since" not in before
    after = at("2026-11-29")
    assert "In office since 1 September 2023: Beate Kimmel (SPD)" in after
    assert "Previous mayor: Dr. Klaus Weichel (SPD)" in after and "Outgoing" not in after
    assert "New term of office: 1 September 2023 – 31 August 2031 (derived)" in after
    window = json.loads(at("2026-11-29", "events", "--format", "json"))[-1]
    assert window["id"] == "next-election" and window["date"] == "2030-12"


def test_the_next_election_is_a_window_not_a_date() -> None:
    assert "Dec 2030 – May 2031 (window, derived)" in at("2026-11-29", "events")
    assert "Dez. 2030 – Mai 2031 (Zeitfenster, abgeleitet)" in at(
        "2026-11-29", "--lang", "de", "events"
    )


def test_earlier_elections_as_their_sources_give_them() -> None:
    out = at("2026-11-29", "results")
    assert "Nico Welsch (CDU): 41.00 % (8,803 votes)" in out
    assert "Achim Bertram (FDP): 5.42 % (1,164 votes)" in out
    assert "Turnout 41.8 %, Eligible voters 74,666, preliminary result [S59]" in out
    assert "Bernhard J. Deubig (CDU): 40.2 %" in out and "Peter Hahn (Republikaner): 4.2 %" in out


def test_before_results_the_order_is_said() -> None:
    out = at("2023-01-05", "candidates")
    assert "Sorted by surname: no result yet, and no ballot order is sourced." in out
    names = [r["name"] for r in json.loads(at("2023-01-05", "candidates", "--format", "json"))]
    assert names[0] == "Evangelos Karanikas" and names[-1] == "Tobias Wiesemann"


def test_postal_vote_counts_appear_as_they_were_reported() -> None:
    """About 11,000 applications by the end of January (S24), about 13,000 before election day
    (S26), 13,400 for the runoff (S30): each from when it was known, none before."""
    before = run("--at", "2023-01-20").out
    assert "postal vote applications" not in before
    february = run("--at", "2023-02-01").out
    assert "About 11,000 postal vote applications" in february and "13,000" not in february
    night = run("--at", "2023-02-13").out
    assert "About 13,000 postal vote applications" in night and "13,400" not in night
    assert "13,400 postal vote applications for the runoff" in run("--at", "2023-03-01").out
