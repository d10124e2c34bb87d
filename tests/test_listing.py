"""`candidates`, `candidate NAME`, `results`: formats, lookups, output behaviour, hostile data."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from kl_wahl.output.render import bar

from .conftest import FIXTURES, run, run_installed

HOSTILE = ("--data", str(FIXTURES / "hostile.toml"), "--election", "hostile")


def test_candidates_json_is_stable_and_typed() -> None:
    result = run("candidates", "--format", "json")
    assert result.code == 0 and result.err == ""
    rows = json.loads(result.out)
    assert [r["name"] for r in rows][:3] == ["Beate Kimmel", "Anja Pfeiffer", "Thomas Kürwitz"]
    assert set(rows[0]) == {
        "id",
        "name",
        "party",
        "first_round_votes",
        "first_round_share",
        "runoff_votes",
        "runoff_share",
        "first_round_share_derived",
        "runoff_share_derived",
        "outcome",
        "outcome_status",
    }
    kimmel, _, kuerwitz = rows[0], rows[1], rows[2]
    assert kimmel["first_round_share_derived"] is True  # computed from the official votes
    assert kimmel["runoff_share_derived"] is False  # published as 62.26 %
    assert kimmel["outcome_status"] == "preliminary"  # no official confirmation of the runoff
    assert kimmel["first_round_votes"] == 9299 and kimmel["first_round_share"] == 36.53
    assert kimmel["runoff_votes"] == 12289 and kimmel["runoff_share"] == 62.26
    assert kimmel["outcome"] == "elected"
    assert kuerwitz["runoff_votes"] is None and kuerwitz["outcome"] == "eliminated"


@pytest.mark.parametrize(("fmt", "delimiter"), [("csv", ","), ("tsv", "\t")])
def test_candidates_csv_and_tsv_parse(fmt: str, delimiter: str) -> None:
    out = run("candidates", "--format", fmt).out
    rows = list(csv.DictReader(io.StringIO(out), delimiter=delimiter))
    assert len(rows) == 7
    assert rows[0]["name"] == "Beate Kimmel"
    assert rows[0]["first_round_votes"] == "9299"
    assert rows[6]["name"] == "Evangelos Karanikas"
    assert rows[6]["runoff_votes"] == ""


def test_sort_by_name_and_party() -> None:
    by_name = [
        r["name"] for r in json.loads(run("candidates", "--sort", "name", "--format", "json").out)
    ]
    assert by_name[0] == "Evangelos Karanikas" and by_name[-1] == "Tobias Wiesemann"
    by_party = [
        r["party"] for r in json.loads(run("candidates", "--sort", "party", "--format", "json").out)
    ]
    assert by_party == sorted(by_party, key=str.casefold)


def test_ballot_sort_where_the_data_has_a_ballot_order() -> None:
    args = ("--data", str(FIXTURES / "minimal.toml"), "--election", "test-2030")
    rows = json.loads(run(*args, "candidates", "--sort", "ballot", "--format", "json").out)
    assert [(r["ballot_position"], r["name"]) for r in rows] == [
        (1, "Bernd Beta"),
        (2, "Anna Alpha"),
    ]
    assert "Ballot" in run(*args, "candidates").out


def test_ballot_sort_is_refused_without_sourced_order() -> None:
    result = run("candidates", "--sort", "ballot")
    assert result.code == 2
    assert "no sourced ballot order" in result.err


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kurwitz", "Thomas Kürwitz"),
        ("KÜRWITZ", "Thomas Kürwitz"),
        ("kuerwitz", "Thomas Kürwitz"),
        ("Kimmel", "Beate Kimmel"),
        ("beate", "Beate Kimmel"),
        ("welsch-schied", "Katharina Welsh-Schied"),
        ("Welsh-Shied", "Katharina Welsh-Schied"),
        ("gruenen", None),  # party names are not names
        ("wiesemann", "Tobias Wiesemann"),
    ],
)
def test_candidate_lookup(query: str, expected: str | None) -> None:
    result = run("candidate", query, "--format", "json")
    if expected is None:
        assert result.code == 1
        return
    assert result.code == 0, result.err
    assert json.loads(result.out)["name"] == expected


def test_candidate_ambiguous_lists_matches() -> None:
    result = run("candidate", "ka")  # Karanikas, Katharina
    assert result.code == 1
    assert result.out == ""
    assert "'ka' matches 2 candidates" in result.err
    assert "Evangelos Karanikas" in result.err and "Katharina Welsh-Schied" in result.err


def test_candidate_unknown_suggests_closest() -> None:
    result = run("candidate", "Kimel")
    assert result.code == 1
    assert "no candidate matches 'Kimel'" in result.err
    assert "did you mean: Beate Kimmel?" in result.err


def test_candidate_empty_name_is_a_usage_error() -> None:
    assert run("candidate", " ").code == 2


def test_candidate_profile_text() -> None:
    result = run("--at", "2026-11-28", "candidate", "kurwitz")
    out = result.out
    assert "Thomas Kürwitz" in out
    assert "Primary-school head in Konz" in out
    assert "Age: 57" in out
    assert "5,008 votes · 19.67 % (derived) · rank 3 · eliminated" in out
    assert "30 votes behind Anja Pfeiffer; 194 votes ahead of Tobias Wiesemann (derived)" in out
    assert "Wed, 18 Jan 2023, 18:30  RHEINPFALZ podium discussion – Fruchthalle" in out
    assert "https://www.volksfreund.de/" in out  # plain URLs when piped


def test_candidate_profile_json() -> None:
    profile = json.loads(run("candidate", "kimmel", "--format", "json").out)
    assert profile["age"]["value"] == 54
    assert [r["votes"] for r in profile["results"]] == [9299, 12289]
    assert profile["results"][1]["outcome"] == "elected"
    assert profile["results"][0]["margin_to_next"] == 9299 - 5038
    assert {s["id"] for s in profile["sources"]} >= {"S19", "S12", "S11"}
    assert all(s["url"].startswith("http") for s in profile["sources"])


def test_results_round_one_json() -> None:
    rows = json.loads(run("results", "--round", "1", "--format", "json").out)
    assert len(rows) == 7
    assert {r["round"] for r in rows} == {1}
    first = rows[0]
    assert (first["name"], first["votes"], first["share"], first["share_derived"]) == (
        "Beate Kimmel",
        9299,
        36.53,
        True,
    )
    assert (
        first["eligible"],
        first["voters"],
        first["turnout"],
        first["valid"],
        first["invalid"],
    ) == (72924, 25649, 35.17, 25455, 194)
    assert first["status"] == "official"


def test_results_text_has_turnout_bars_and_notes() -> None:
    out = run("results").out
    assert "Turnout: 35.17 %" in out and "Turnout: 27.49 %" in out
    assert "Valid votes: 25,455 (derived; sum of the official votes)" in out
    assert "█" in out
    assert "Anja Pfeiffer reached the runoff 30 votes ahead of Thomas Kürwitz (derived)." in out
    assert "Status: preliminary" in out
    assert "Election night (preliminary)" in out


def test_results_round_two_only() -> None:
    out = run("results", "--round", "2").out
    assert "Runoff" in out and "First round" not in out


def test_results_svg_is_written_and_not_overwritten(tmp_path: Path) -> None:
    target = tmp_path / "results.svg"
    assert run("results", "--svg", str(target)).code == 0
    svg = target.read_text(encoding="utf-8")
    assert svg.startswith("<svg") and "Kimmel" in svg
    again = run("results", "--svg", str(target))
    assert again.code == 1
    assert again.out == ""  # refused before printing anything
    assert "--force" in again.err
    assert target.read_text(encoding="utf-8") == svg
    assert run("results", "--svg", str(target), "--force").code == 0


def test_german_terms() -> None:
    out = run("--lang", "de", "results", "--round", "1").out
    for term in (
        "Wahlbeteiligung",
        "Wahlberechtigte",
        "Wählende",
        "Gültige Stimmen",
        "Ungültige Stimmen",
        "Hauptwahl",
        "amtlich",
        "Stimmen",
        "Anteil",
        "Stichwahl",
        "abgeleitet",
    ):
        assert term in out, term
    assert "36,53 %" in out and "9.299" in out
    assert "vorläufig" in run("--lang", "de", "results", "--round", "2").out


SNAPSHOT = """\
Candidate                             1st round  % (derived)  Runoff        %  Outcome
────────────────────────────────────────────────────────────────────────────────────────────────────
Beate Kimmel                              9,299      36.53 %  12,289  62.26 %  elected (preliminary)
SPD
Anja Pfeiffer                             5,038      19.79 %   7,450  37.74 %  lost (preliminary)
CDU
Thomas Kürwitz                            5,008      19.67 %       –        –  eliminated
independent (parteilos), backed by
FDP and Freie Wähler
"""


def test_candidates_table_snapshot_at_pinned_width() -> None:
    out = run("candidates", env={"COLUMNS": "100"}).out
    lines = [line.rstrip() for line in out.splitlines()]
    assert "\n".join(lines[:9]) + "\n" == SNAPSHOT


@pytest.mark.parametrize("width", ["20", "40", "300"])
def test_any_width_is_readable(width: str) -> None:
    for args in (["candidates"], ["results"], ["events"], [], ["candidate", "kimmel"]):
        result = run(*args, env={"COLUMNS": width})
        assert result.code == 0, (args, result.err)
        assert "Kimmel" in result.out or "Termin" in result.out or "Event" in result.out
    narrow = run("candidates", env={"COLUMNS": "40"}).out
    assert "Candidate: Beate Kimmel" in narrow  # records instead of a squeezed table


def test_piped_output_is_plain_text() -> None:
    for args in (["candidates"], ["results"], ["candidate", "kimmel"], ["events"], []):
        out = run(*args).out
        assert "\x1b" not in out
        assert not any(line.endswith(" ") for line in out.splitlines()), args


def test_force_color_adds_colour_and_no_color_removes_it() -> None:
    colour = re.compile(r"\x1b\[[0-9;]*(?:3[0-8]|9[0-7])[0-9;]*m")
    assert colour.search(run("results", env={"FORCE_COLOR": "1"}).out)
    assert not colour.search(run("results", env={"FORCE_COLOR": "1", "NO_COLOR": "1"}).out)
    assert "\x1b[" not in run("results", env={"FORCE_COLOR": "1", "TERM": "dumb"}).out


def test_markup_in_data_is_printed_literally() -> None:
    for args in (["candidates"], ["results"], ["candidate", "mallory"], ["events"], []):
        result = run(*HOSTILE, *args, env={"FORCE_COLOR": "1"})
        assert result.code == 0, (args, result.err)
        text = result.out
        if args != ["events"]:
            assert "[bold]Mallory[/bold]" in text
        assert "\x1b]8;;https://evil.example" not in text  # no injected hyperlink
        assert "\x1b[31m" not in text and "\x1b[2J" not in text


def test_control_characters_never_reach_the_terminal() -> None:
    for args in (["candidates"], ["candidate", "mallory"], ["events"], ["results"]):
        out = run(*HOSTILE, *args).out
        assert not any(ord(c) < 32 and c not in "\n\t" for c in out), args
        assert "\x07" not in out and "\x9b" not in out


@pytest.mark.parametrize(
    "env", [{"PYTHONIOENCODING": "ascii"}, {"LANG": "C", "LC_ALL": "C", "PYTHONIOENCODING": ""}]
)
def test_unencodable_output_degrades(env: dict[str, str]) -> None:
    result = run_installed("candidate", "kurwitz", env=env)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    json_out = run_installed("candidates", "--format", "json", env=env)
    assert json_out.returncode == 0
    assert json.loads(json_out.stdout)[2]["name"] == "Thomas Kürwitz"  # lossless \\u escapes


def test_bars_are_drawn_to_an_eighth_of_a_cell() -> None:
    assert bar(100, 10) == "█" * 10
    assert bar(0, 10) == ""
    assert bar(2.42, 20) == "▌"  # small shares stay visible
    assert bar(36.53, 20) == "███████▎"


def test_chart_is_a_real_self_contained_svg_with_the_right_numbers(tmp_path: Path) -> None:
    import xml.etree.ElementTree as ET

    target = tmp_path / "ergebnisse.svg"
    assert run("--lang", "de", "results", "--svg", str(target)).code == 0
    text = target.read_text(encoding="utf-8")
    root = ET.fromstring(text)
    ns = "{http://www.w3.org/2000/svg}"
    labels = [t.text or "" for t in root.iter(f"{ns}text")]
    assert "Oberbürgermeisterwahl Kaiserslautern 2023" in labels
    assert "36,53 % (abgeleitet) · 9.299 Stimmen" in labels  # German, derived share marked
    assert "62,26 % · 12.289 Stimmen" in labels
    assert "Status: vorläufig" in labels  # the runoff result is preliminary
    bars = [float(r.get("data-share", "0")) for r in root.iter(f"{ns}rect") if r.get("data-share")]
    assert bars[:3] == [36.53, 19.79, 19.67]
    widths = [float(r.get("width", "0")) for r in root.iter(f"{ns}rect") if r.get("data-share")]
    assert widths[0] > widths[1] > widths[2]  # 19.79 and 19.67 do not look equal
    # self-contained: nothing to fetch, nothing to run
    for marker in ("@import", "<script", "href=", "<image", "<link", "font-face", "url("):
        assert marker not in text


def test_chart_must_be_an_svg_file(tmp_path: Path) -> None:
    result = run("results", "--svg", str(tmp_path / "chart.png"))
    assert result.code == 2 and ".svg" in result.err
    assert not (tmp_path / "chart.png").exists()


ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]|\x1b\]8;[^\x1b]*\x1b\\")
WORDS = ("Kandidierende", "ausgeschieden", "Welsh-Schied", "Kürwitz", "Stichwahl", "vorläufig")


@pytest.mark.parametrize("width", ["60", "75", "100"])
@pytest.mark.parametrize("args", [["candidates"], ["results"], ["events"], []])
def test_terminal_output_never_breaks_a_word(width: str, args: list[str]) -> None:
    """Rich on a terminal (forced here), German, at several widths: every word stays whole."""
    env = {"FORCE_COLOR": "1", "COLUMNS": width, "LANG": "de_DE.UTF-8"}
    out = ANSI.sub("", run("--at", "2026-11-28", *args, env=env).out)
    assert max(len(line) for line in out.splitlines()) <= int(width)
    for word in WORDS:
        if word in out.replace("\n", ""):  # when it is shown, it is shown whole
            assert word in out, (word, width, args)
    for broken in ("Kandi\n", "ausgeschi\n", "Kimme\n", "Welsh-Schie\n", "Kürwi\n"):
        assert broken not in out


def test_ascii_output_stays_aligned() -> None:
    result = run_installed("candidates", env={"COLUMNS": "100", "PYTHONIOENCODING": "ascii"})
    lines = result.stdout.splitlines()
    assert "Thomas Kuerwitz" in result.stdout and "?" not in result.stdout
    votes_column = {line.index(" 5,0") for line in lines if " 5,0" in line}
    assert len(votes_column) == 1, lines  # Kuerwitz's row is not pushed out of line


@pytest.mark.parametrize("width", ["55", "70", "100"])
def test_terminal_and_pipe_choose_the_same_layout(width: str) -> None:
    """The table-or-records decision is made once (output/doc.py) for both printers."""
    ansi = re.compile(r"\x1b\[[0-9;]*m|\x1b\]8;[^\x1b]*\x1b\\")
    piped = run("--at", "2026-11-28", "candidates", env={"COLUMNS": width}).out
    rich = run("--at", "2026-11-28", "candidates", env={"COLUMNS": width, "FORCE_COLOR": "1"}).out
    assert ansi.search(rich)  # Rich did draw it
    plain_rich = ansi.sub("", rich)
    assert ("Candidate: Beate Kimmel" in piped) == ("Candidate: Beate Kimmel" in plain_rich)
    if width == "55":
        assert "Candidate: Beate Kimmel" in piped
    if "Candidate: " in piped:  # records: the same words (a terminal wraps long lines)
        assert plain_rich.split() == piped.split()


def test_candidates_of_earlier_elections_are_found() -> None:
    """`candidate welsch` is Welsh-Schied (2023) or Nico Welsch (2014): both are named."""
    both = run("candidate", "welsch")
    assert both.code == 1 and "Katharina Welsh-Schied" in both.err and "Nico Welsch" in both.err
    nico = run("candidate", "nico welsch").out
    assert "Nico Welsch (CDU)" in nico and "41.00 %, 8,803 votes" in nico
    bertram = json.loads(run("candidate", "bertram", "--format", "json").out)
    (row,) = bertram["earlier_elections"]
    assert (row["name"], row["party"], row["share"], row["votes"]) == (
        "Achim Bertram",
        "FDP",
        5.42,
        1164,
    )
    assert "Previous mayor (SPD)" in run("--at", "2026-11-28", "candidate", "weichel").out
