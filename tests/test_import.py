"""Official result files: the Open Data reader, `import`, and per-district results."""

from __future__ import annotations

import contextlib
import csv
import io
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kl_wahl.results import opendata

from .conftest import FIXTURES, run

RESULTS = FIXTURES / "results"
PRECOUNT = RESULTS / "wiesbaden-2025-stichwahl-precount.csv"
PARTIAL = RESULTS / "synthetic-3-of-8.csv"
COMPLETE = RESULTS / "synthetic-8-of-8.csv"
NAMES = ["--map", "D1=Gert-Uwe Mende", "--map", "D2=Thomas Hoppe"]


def _import(path: Path, *extra: str) -> tuple[int, str]:
    result = run("import", str(path), "-e", "wi-2025", *NAMES, *extra)
    return result.code, result.err


def test_real_precount_file_reads_as_nothing_counted() -> None:
    snap = opendata.read(PRECOUNT.read_text(encoding="utf-8"))
    assert (snap.election_day, snap.ags, snap.positions) == ("2025-03-30", "06414000", (1, 2))
    assert (snap.counted, len(snap.districts), snap.complete) == (0, 8, False)
    assert [d.kind for d in snap.districts].count("postal") == 2
    assert all(d.valid is None for d in snap.districts)  # empty is "not reported", not 0


def test_precount_import_says_zero_of_n(isolated: Path) -> None:
    code, err = _import(PRECOUNT)
    assert code == 0, err
    assert "0 of 8 districts counted (partial, preliminary)" in err
    out = run("-e", "wi-2025", "results").out
    assert "0 of 8 districts counted" in out


def test_totals_and_turnout_from_districts() -> None:
    assert _import(COMPLETE)[0] == 0
    rows = list(
        csv.DictReader(
            io.StringIO(run("-e", "wi-2025", "results", "--districts", "--format", "csv").out)
        )
    )
    assert len(rows) == 8
    assert [r["kind"] for r in rows].count("postal") == 2
    assert all(r["turnout"] == "" for r in rows if r["kind"] == "postal")
    mende = sum(int(r["votes_gert-uwe-mende"]) for r in rows)
    hoppe = sum(int(r["votes_thomas-hoppe"]) for r in rows)
    assert (mende, hoppe) == (1723, 1407)  # the fixture's totals (see tests/fixtures/README.md)
    # turnout as municipalities compute it: all voters / eligible of polling stations only
    assert "Turnout: 49.52 % (derived)" in run("-e", "wi-2025", "results").out


def test_reimport_archives_the_previous_one(isolated: Path) -> None:
    assert _import(PARTIAL)[0] == 0
    assert _import(COMPLETE)[0] == 0
    folder = isolated / "data" / "kl-wahl" / "results" / "wi-2025"
    stored = json.loads((folder / "round-1.json").read_text(encoding="utf-8"))
    assert (stored["status"], stored["districts_counted"]) == ("complete", 8)
    archived = sorted((folder / "archive").glob("*.json"))
    assert len(list((folder / "archive").glob("*.csv"))) == 2  # both raw files as fetched
    counts = [json.loads(p.read_text(encoding="utf-8"))["districts_counted"] for p in archived]
    assert sorted(counts) == [3, 8]  # every stored snapshot, the current one included


def test_unmapped_columns_are_an_error_listing_them(isolated: Path) -> None:
    result = run("import", str(COMPLETE), "-e", "ob-2023", "--round", "2")
    assert result.code == 2
    assert "D1, D2" in result.err and "--map" in result.err
    assert not (isolated / "data" / "kl-wahl" / "results").exists()


def test_hand_written_file_is_never_modified(isolated: Path) -> None:
    assert _import(PARTIAL)[0] == 0
    election = isolated / "data" / "kl-wahl" / "elections" / "wi-2025.toml"
    before = election.read_bytes()
    assert _import(COMPLETE)[0] == 0
    assert election.read_bytes() == before


@pytest.mark.parametrize(
    ("text", "says"),
    [
        (
            "datum;wahl;ags;gebiet-nr;gebiet-name;max-schnellmeldungen;anz-schnellmeldungen;A;B;C;D;E;F;D1;F1\n",
            "two-vote",
        ),
        (
            "datum;wahl;ags;gebiet-nr;gebiet-name;max-schnellmeldungen;anz-schnellmeldungen;A;B;C01;C02\n",
            "referendum",
        ),
        (
            "datum;wahl;ags;gebiet-nr;gebiet-name;max-schnellmeldungen;anz-schnellmeldungen;A;B;C;D;D1;D1_1;D1_liste\n",
            "council",
        ),
        (
            "datum;wahl;ags;gebiet-nr;gebiet-name;max-schnellmeldungen;anz-schnellmeldungen;A;B;C;D;E1;E2\n",
            "yes/no vote on a single candidate",
        ),
        ("<!DOCTYPE html><html><body>Wartung</body></html>", "HTML"),
        ("name;votes\nx;1\n", "missing column"),
        ("", "empty"),
    ],
)
def test_other_files_are_refused_and_nothing_is_written(
    text: str, says: str, tmp_path: Path, isolated: Path
) -> None:
    with pytest.raises(opendata.FormatError, match=says):
        opendata.read(text)
    bad = tmp_path / "bad.csv"
    bad.write_text(text, encoding="utf-8")
    result = run("import", str(bad), "-e", "new-2030")
    assert result.code == 1 and result.err.count("\n") == 1 and says in result.err
    assert not (isolated / "data" / "kl-wahl").exists()


def test_spreadsheet_damage_is_read_or_named() -> None:
    damaged = (
        COMPLETE.read_text(encoding="utf-8").replace(";", ",").replace("30.03.2025", "30.03.25")
    )
    damaged = damaged.replace(",06414000,", ",6414000,").replace("\n", "\r\n")
    snap = opendata.read("\ufeff" + damaged)
    assert (snap.election_day, snap.ags, snap.counted) == ("2025-03-30", "06414000", 8)
    with pytest.raises(opendata.FormatError, match="not a whole number"):
        opendata.read(COMPLETE.read_text(encoding="utf-8").replace(";338;", ";-338;"))


def test_failed_checks_are_reported_and_strict_refuses(isolated: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.csv"
    broken.write_text(
        COMPLETE.read_text(encoding="utf-8").replace(";193;139", ";193;140"), encoding="utf-8"
    )
    code, err = _import(broken)
    assert code == 0 and "district 111 (0111 Rathaus): D1…Dn add up to 333, but D = 332" in err
    result = run("import", str(broken), "-e", "wi-2025", "--strict")
    assert result.code == 1 and "--strict" in result.err


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=400))
def test_arbitrary_text_never_raises_anything_but_format_error(text: str) -> None:
    header = PRECOUNT.read_text(encoding="utf-8").splitlines()[0]
    for candidate in (text, header + "\n" + text):
        with contextlib.suppress(opendata.FormatError):
            opendata.read(candidate)


def test_round_view_splits_polling_and_postal_votes() -> None:
    assert _import(COMPLETE)[0] == 0
    out = run("-e", "wi-2025", "results").out
    lines = [row.split() for row in out.splitlines() if row.startswith("Gert-Uwe Mende")]
    assert lines[0][:5] == ["Gert-Uwe", "Mende", "1,723", "55.05", "%"]  # the round's table
    assert lines[1] == ["Gert-Uwe", "Mende", "1,180", "543"]  # polling stations, postal


def test_candidate_strongholds_from_districts() -> None:
    assert _import(COMPLETE)[0] == 0
    result = run("-e", "wi-2025", "candidate", "mende", "--format", "json")
    (entry,) = json.loads(result.out)["strongholds"]
    assert [d["number"] for d in entry["strongest"]] == ["99011", "121", "131"]
    assert [d["share"] for d in entry["weakest"]] == [36.45, 37.1, 50.97]
    assert (
        "Strongest and weakest districts (derived)"
        in run("-e", "wi-2025", "candidate", "mende").out
    )


def test_export_districts_and_validate_the_stored_import(isolated: Path) -> None:
    assert _import(COMPLETE)[0] == 0
    rows = list(csv.DictReader(io.StringIO(run("-e", "wi-2025", "export", "districts").out)))
    assert len(rows) == 8 and rows[0]["votes_gert-uwe-mende"] == "193"
    stored = isolated / "data" / "kl-wahl" / "results" / "wi-2025" / "round-1.json"
    assert run("data", "validate", str(stored)).code == 0
    doc = json.loads(stored.read_text(encoding="utf-8"))
    doc["districts_counted"] = 7
    stored.write_text(json.dumps(doc), encoding="utf-8")
    result = run("data", "validate", str(stored))
    assert result.code == 1 and "districts_counted is 7, but 8 districts have figures" in result.err


def test_runoff_file_creates_a_runoff_round(isolated: Path) -> None:
    assert _import(PRECOUNT)[0] == 0
    text = (isolated / "data" / "kl-wahl" / "elections" / "wi-2025.toml").read_text(
        encoding="utf-8"
    )
    assert 'kind = "runoff"' in text and "date = 2025-03-30" in text


def test_reported_without_figures_is_not_counted_and_gaps_are_kept() -> None:
    """OK.VOTE files can say anz = max with empty numbers: "no figures", never zero votes."""
    real = RESULTS / "vaterstetten-2020-buergermeister-no-figures.csv"
    snap = opendata.read(real.read_text(encoding="utf-8"))
    assert snap.positions == (1, 2, 3, 5, 6)
    assert len(snap.districts) == 38 and snap.counted == 0 and not snap.complete
    assert snap.districts[0].number == "01"  # area numbers stay strings with leading zeros


def test_real_file_with_spreadsheet_damage_and_no_area_numbers() -> None:
    real = RESULTS / "frankfurt-2023-ob-ortsteile-no-figures.csv"
    snap = opendata.read(real.read_bytes().decode("utf-8"))
    assert snap.ags == "06412000"  # the leading zero a spreadsheet dropped is restored
    assert snap.election_day == "2023-03-05" and snap.positions == tuple(range(1, 21))
    assert len(snap.districts) == 44 and snap.counted == 0
    assert snap.districts[0].name == "Altstadt" and snap.districts[0].number == ""


def test_real_district_file_adds_up_to_the_municipalitys_own_total(isolated: Path) -> None:
    """Vaterstetten's 2020 runoff (real OK.VOTE files): importing the district file with names
    given by --map gives exactly the totals of the municipality's own Gemeinde file."""
    districts = RESULTS / "vaterstetten-2020-stichwahl-stimmbezirke.csv"
    (total,) = opendata.read(
        (RESULTS / "vaterstetten-2020-stichwahl-gemeinde.csv").read_text(encoding="utf-8")
    ).districts
    names = ["--map", "D1=Bewerbung D1", "--map", "D5=Bewerbung D5"]  # the file has no names
    result = run("import", str(districts), "-e", "vst-2020", *names)
    assert result.code == 0, result.err
    assert "8 of 8 districts counted (complete, preliminary)" in result.err
    rows = list(csv.DictReader(io.StringIO(run("-e", "vst-2020", "export", "districts").out)))
    assert [r["kind"] for r in rows] == ["postal"] * 8  # every district was a postal one
    assert sum(int(r["voters"]) for r in rows) == total.voters == 12852
    assert sum(int(r["valid"]) for r in rows) == total.valid == 12794
    votes = dict(total.votes)
    assert sum(int(r["votes_bewerbung-d1"]) for r in rows) == votes[1] == 6481
    assert sum(int(r["votes_bewerbung-d5"]) for r in rows) == votes[5] == 6313
    # turnout as the municipality computes it: voters / the register's 18,846 eligible
    expected = round(100 * 12852 / 18846, 2)
    assert f"Turnout: {expected:.2f} % (derived)" in run("-e", "vst-2020", "results").out
    table = run("-e", "vst-2020", "results", "--districts").out
    assert table.count("postal") == 8 and "Stimmbezirk 038" in table
