"""One truth per round: an imported district file is the round's result in every view, format and
export, in both languages; `--at` replays the snapshots of a night; sourced figures stand.

The real file is Vaterstetten's 2020 runoff (OK.VOTE, 8 postal districts, columns D1 and D5); the
municipality's own Gemeinde file gives the totals every output must show.
"""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from .conftest import FIXTURES, Script, Serve, run

RESULTS = FIXTURES / "results"
DISTRICTS = RESULTS / "vaterstetten-2020-stichwahl-stimmbezirke.csv"
NAMES = ["--map", "D1=Bewerbung D1", "--map", "D5=Bewerbung D5"]  # the file has no names
# the municipality's own totals (vaterstetten-2020-stichwahl-gemeinde.csv)
D1, D5, VOTERS, VALID, TURNOUT = 6481, 6313, 12852, 12794, 68.19
RAW_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}|\+00:00|UTC")


@pytest.fixture
def vaterstetten(isolated: Path) -> str:
    result = run("import", str(DISTRICTS), "-e", "vst-2020", *NAMES)
    assert result.code == 0, result.err
    return "vst-2020"


def _json(*args: str) -> object:
    result = run("-e", "vst-2020", *args)
    assert result.code == 0, result.err
    return json.loads(result.out)


def test_results_json_and_csv_carry_the_municipalitys_totals(vaterstetten: str) -> None:
    rows = _json("results", "--format", "json")
    assert isinstance(rows, list)
    assert [(r["name"], r["votes"]) for r in rows] == [("Bewerbung D1", D1), ("Bewerbung D5", D5)]
    for row in rows:
        assert (row["voters"], row["valid"], row["turnout"]) == (VOTERS, VALID, TURNOUT)
        assert (row["districts_counted"], row["districts_expected"]) == (8, 8)
        assert row["status"] == "preliminary" and row["share_derived"] is True
        assert row["party"] is None  # the file names no party: unknown, not a made-up text
    table = list(csv.DictReader(io.StringIO(run("-e", "vst-2020", "results", "-f", "csv").out)))
    assert [int(r["votes"]) for r in table] == [D1, D5]
    assert {r["turnout"] for r in table} == {str(TURNOUT)}


@pytest.mark.parametrize(
    ("lang", "counted", "d1", "turnout"),
    [
        ("en", "8 of 8 districts counted", "6,481", "68.19 %"),
        ("de", "8 von 8 Stimmbezirken ausgezählt", "6.481", "68,19 %"),
    ],
)
def test_human_views_show_the_same_figures(
    vaterstetten: str, lang: str, counted: str, d1: str, turnout: str
) -> None:
    view = run("--lang", lang, "-e", "vst-2020", "results").out
    assert counted in view and d1 in view and turnout in view
    assert "No results yet" not in view and "Noch keine Ergebnisse" not in view
    overview = run("--lang", lang, "-e", "vst-2020").out
    assert d1 in overview
    candidates = run("--lang", lang, "-e", "vst-2020", "candidates").out
    assert d1 in candidates and "not in the result file" not in candidates
    profile = run("--lang", lang, "-e", "vst-2020", "candidate", "bewerbung d1").out
    assert d1 in profile
    for text in (view, overview, candidates, profile):
        assert not RAW_TIME.search(text), text  # times in words, in the election's zone


def test_candidates_and_profile_json(vaterstetten: str) -> None:
    rows = _json("candidates", "--format", "json")
    assert isinstance(rows, list)
    assert [(r["name"], r["runoff_votes"]) for r in rows] == [
        ("Bewerbung D1", D1),
        ("Bewerbung D5", D5),
    ]
    profile = _json("candidate", "bewerbung d1", "--format", "json")
    assert isinstance(profile, dict)
    (result,) = profile["results"]
    assert (result["votes"], result["share"]) == (D1, round(100 * D1 / VALID, 2))
    assert profile["strongholds"]


def test_exports_carry_the_figures_and_the_districts(vaterstetten: str, tmp_path: Path) -> None:
    document = _json("export", "all", "--format", "json")
    assert isinstance(document, dict)
    (rnd,) = document["rounds"]
    assert [r["votes"] for r in rnd["results"]] == [D1, D5]
    assert rnd["valid"]["value"] == VALID and rnd["valid"]["derived"] is True
    assert rnd["count"]["counted"] == rnd["count"]["expected"] == 8
    assert len(rnd["count"]["districts"]) == 8
    exported = run("-e", "vst-2020", "export", "results").out
    assert [int(r["votes"]) for r in csv.DictReader(io.StringIO(exported))] == [D1, D5]
    out = tmp_path / "exports"
    assert run("-e", "vst-2020", "export", "all", "-o", str(out)).code == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "candidates.csv",
        "districts.csv",
        "events.csv",
        "results.csv",
        "sources.csv",
    ]
    districts = list(csv.DictReader((out / "districts.csv").open(encoding="utf-8")))
    assert sum(int(r["votes_bewerbung-d1"]) for r in districts) == D1


def test_chart_draws_the_imported_round(vaterstetten: str, tmp_path: Path) -> None:
    svg = tmp_path / "chart.svg"
    assert run("-e", "vst-2020", "results", "--svg", str(svg)).code == 0
    texts = [el.text or "" for el in ET.parse(svg).iter("{http://www.w3.org/2000/svg}text")]
    assert any("8 of 8 districts counted" in t and "preliminary" in t for t in texts)
    assert any("6,481" in t for t in texts)
    bars = [
        el for el in ET.parse(svg).iter("{http://www.w3.org/2000/svg}rect") if el.get("data-share")
    ]
    assert [float(b.get("data-share", "")) for b in bars] == [
        round(100 * D1 / VALID, 2),
        round(100 * D5 / VALID, 2),
    ]


def test_a_partial_count_names_what_is_missing_and_decides_nothing(isolated: Path) -> None:
    names = ["--map", "D1=Gert-Uwe Mende", "--map", "D2=Thomas Hoppe"]
    assert run("import", str(RESULTS / "synthetic-3-of-8.csv"), "-e", "wi", *names).code == 0
    view = run("-e", "wi", "results").out
    assert "3 of 8 districts counted" in view
    assert "Outstanding: 3 polling-station and 2 postal districts" in view
    assert "Turnout" not in view  # not a turnout without the postal districts
    assert "elected" not in view and "counting" in view
    rows = _json_of("wi", "results", "--format", "json")
    assert {r["status"] for r in rows} == {"partial"} and {r["turnout"] for r in rows} == {None}
    assert {r["outcome"] for r in rows} == {"open"}
    districts = list(
        csv.DictReader(io.StringIO(run("-e", "wi", "results", "--districts", "-f", "csv").out))
    )
    postal = [r for r in districts if r["kind"] == "postal"]
    assert postal and all(r["counted"] == "false" and r["valid"] == "" for r in postal)


def _json_of(election: str, *args: str) -> list[dict[str, object]]:
    rows = json.loads(run("-e", election, *args).out)
    assert isinstance(rows, list)
    return rows


def test_sourced_figures_stand_and_the_district_sums_are_compared(isolated: Path) -> None:
    """ob-2023's runoff has sourced figures: an import beside them changes none of them."""
    maps = ["--map", "D1=kimmel", "--map", "D2=pfeiffer"]
    complete = RESULTS / "synthetic-8-of-8.csv"
    assert run("import", str(complete), "-e", "ob-2023", "--round", "2", *maps).code == 0
    rows = _json_of("ob-2023", "results", "--round", "2", "--format", "json")
    assert [r["votes"] for r in rows] == [12289, 7450]  # the sourced runoff, not the file's
    assert {r["turnout"] for r in rows} == {27.49}
    view = run("-e", "ob-2023", "results", "--round", "2").out
    assert (
        "District sums: 3,130 valid votes – 16,609 fewer than the round's total of 19,739" in view
    )
    assert view.count("Turnout") == 1  # never two unlabelled turnouts


def test_at_replays_a_watched_night_snapshot_by_snapshot(serve: Serve, isolated: Path) -> None:
    """Last-Modified times from the server name the snapshots; --at picks the one current then.
    30 March 2025 is the first day of summer time: 17:30 UTC is 19:30 in Wiesbaden."""
    script = Script(
        [
            (
                "ok",
                (RESULTS / "synthetic-3-of-8.csv").read_bytes(),
                {"Last-Modified": "Sun, 30 Mar 2025 17:30:00 GMT"},
            ),
            (
                "ok",
                (RESULTS / "synthetic-8-of-8.csv").read_bytes(),
                {"Last-Modified": "Sun, 30 Mar 2025 18:30:00 GMT"},
            ),
        ]
    )
    url = serve(script)
    names = ["--map", "D1=Gert-Uwe Mende", "--map", "D2=Thomas Hoppe"]
    done = run("watch", url, "-e", "wi", *names, "--interval", "0.05", "--format", "json")
    assert done.code == 0, done.err

    def at(moment: str) -> str:
        return run("-e", "wi", "--at", moment, "results").out

    assert "districts counted" not in at("2025-03-30T19:00")  # before the first snapshot
    assert "3 of 8 districts counted" in at("2025-03-30T20:00")
    assert "(imported Sunday, 30 March 2025, 19:30 from IMPORT-1, Open Data" in at(
        "2025-03-30T20:00"
    )
    assert "if no candidate wins" not in at("2025-03-30T20:00")  # no first round known here
    assert "8 of 8 districts counted" in at("2025-03-30T21:00")
    assert "8 of 8 districts counted" in run("-e", "wi", "results").out
    assert "Sonntag, 30. März 2025, 20:30 Uhr" in run("--lang", "de", "-e", "wi", "results").out
    assert _json_of("wi", "--at", "2025-03-30T20:00", "results", "-f", "json")[0]["votes"] == 586


def test_the_prompt_follows_the_count(isolated: Path) -> None:
    """{counted}/{expected} and {leader} in the prompt, on the fast path too, and updated by the
    next import; with --at the full CLI replays the archive."""
    import os

    from kl_wahl.fast.answer import run_fast

    from .conftest import run_installed

    names = ["--map", "D1=Gert-Uwe Mende", "--map", "D2=Thomas Hoppe"]
    assert run("import", str(RESULTS / "synthetic-3-of-8.csv"), "-e", "wi", *names).code == 0
    prompt = ["countdown", "--prompt", "-e", "wi", "--past-format", "{counted}/{expected} {leader}"]
    assert run_installed(*prompt).stdout == "3/8 Mende\n"  # the full CLI, writing the snapshot
    assert run_fast(prompt, os.environ) == "3/8 Mende\n"  # then the fast path
    assert run("import", str(RESULTS / "synthetic-8-of-8.csv"), "-e", "wi", *names).code == 0
    assert run_fast(prompt, os.environ) is None  # the import made the snapshot stale
    assert run_installed(*prompt).stdout == "8/8 Mende\n"
    assert run_fast(prompt, os.environ) == "8/8 Mende\n"
    assert run_fast([*prompt, "--at", "2026-01-01"], os.environ) is None  # replay: the full CLI
    refused = run("shell-init", "bash", "-e", "wi", "--past-format", "{counted}/{expected}")
    assert refused.code == 2 and "countdown --prompt" in refused.err


def test_where_a_figure_came_from(vaterstetten: str) -> None:
    rows = json.loads(run("elections", "--format", "json").out)
    (entry,) = [r for r in rows if r["id"] == "vst-2020"]
    (line,) = entry["imports"]
    assert line.startswith("1: 8/8, Open Data (votemanager / OK.VOTE), ") and line.endswith(
        DISTRICTS.name
    )
    assert (
        "Open Data (votemanager / OK.VOTE), AGS 09175132: file://"
        in run("-e", "vst-2020", "results").out
    )
    assert "results" in run("data", "path").out.split("imports:")[1].split("\n")[0]
