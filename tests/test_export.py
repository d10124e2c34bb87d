"""`kl-wahl export`: CSV through the csv module, JSON, ICS through icalendar, safe file writing."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime, timezone
from pathlib import Path

import icalendar
import pytest

from .conftest import FIXTURES, run

HOSTILE = ("--data", str(FIXTURES / "hostile.toml"), "--election", "hostile")


def test_results_csv_default_is_unix_and_rfc4180_has_crlf(tmp_path: Path) -> None:
    target = tmp_path / "results.csv"
    result = run("export", "results", "-o", str(target))
    assert result.code == 0, result.err
    raw = target.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    assert b"\r" not in raw  # awk -F, sees "elected", not "elected\r"
    strict = tmp_path / "strict.csv"
    assert run("export", "results", "--dialect", "rfc4180", "-o", str(strict)).code == 0
    assert strict.read_bytes() == raw.replace(b"\n", b"\r\n")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8"), newline="")))
    assert len(rows) == 9  # 7 first-round rows + 2 runoff rows
    kimmel = rows[0]
    assert (kimmel["round"], kimmel["name"], kimmel["votes"], kimmel["share"]) == (
        "1",
        "Beate Kimmel",
        "9299",
        "36.53",
    )
    assert rows[7]["votes"] == "12289" and rows[7]["share"] == "62.26"


def test_results_csv_excel_de(tmp_path: Path) -> None:
    target = tmp_path / "ergebnisse.csv"
    assert run("export", "results", "--dialect", "excel-de", "-o", str(target)).code == 0
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    assert text.endswith("\r\n")
    rows = list(csv.DictReader(io.StringIO(text, newline=""), delimiter=";"))
    assert rows[0]["Anteil"] == "36,53"  # German headers for German spreadsheets
    assert rows[0]["Wahlbeteiligung"] == "35,17"
    assert rows[0]["Stimmen"] == "9299"  # no thousands separator
    assert rows[0]["Kandidierende"] == "Beate Kimmel"
    assert rows[0]["abgeleitet"] == "1"  # booleans arrive as numbers


def test_export_to_stdout_is_the_default() -> None:
    result = run("export", "candidates")
    rows = list(csv.DictReader(io.StringIO(result.out)))
    assert [r["name"] for r in rows][:2] == ["Beate Kimmel", "Anja Pfeiffer"]


def test_existing_file_is_not_overwritten_without_force(tmp_path: Path) -> None:
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    target = tmp_path / "out.csv"
    target.write_text("precious", encoding="utf-8")
    result = run("export", "candidates", "-o", str(target))
    assert result.code == 1
    assert "already exists; use --force to overwrite" in result.err
    assert target.read_text(encoding="utf-8") == "precious"
    assert run("export", "candidates", "-o", str(target), "--force").code == 0
    assert target.read_text(encoding="utf-8").startswith("id,name,party")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]  # no temporary files left


def test_missing_directory_and_unwritable_target(tmp_path: Path) -> None:
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    result = run("export", "events", "-o", str(tmp_path / "nope" / "x.csv"))
    assert result.code == 1
    assert len(result.err.strip().splitlines()) == 1 and "does not exist" in result.err
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    result = run(
        "export", "events", "-o", str(blocker / "x.csv")
    )  # parent is a file: works as root too
    assert result.code == 1
    assert "Traceback" not in result.err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]


def test_formula_cells_are_neutralised_and_raw_turns_it_off() -> None:
    safe = list(csv.DictReader(io.StringIO(run(*HOSTILE, "export", "candidates").out)))
    parties = {r["id"]: r["party_en"] for r in safe}
    names = {r["id"]: r["name"] for r in safe}
    assert parties["mallory"].startswith("'=HYPERLINK(")
    assert parties["plus"].startswith("'@cmd")
    assert names["plus"] == "'+SUM(1,2)"
    assert parties["long"].startswith("'-minus")
    votes = {r["id"]: r["first_round_votes"] for r in safe}
    assert votes["mallory"] == "10"  # numbers stay numbers
    raw = list(csv.DictReader(io.StringIO(run(*HOSTILE, "export", "candidates", "--raw").out)))
    assert {r["id"]: r["party_en"] for r in raw}["mallory"].startswith("=HYPERLINK(")


def test_events_csv_neutralises_places() -> None:
    rows = list(csv.DictReader(io.StringIO(run(*HOSTILE, "export", "events").out)))
    assert rows[0]["place"] == "'=1+1"


def test_json_document(tmp_path: Path) -> None:
    target = tmp_path / "ob.json"
    assert run("export", "all", "--format", "json", "-o", str(target)).code == 0
    doc = json.loads(target.read_text(encoding="utf-8"))
    assert doc["schema_version"] == 1
    assert doc["election"]["id"] == "ob-2023"
    assert len(doc["candidates"]) == 7
    first, runoff = doc["rounds"]
    assert first["eligible"] == {
        "value": 72924,
        "derived": False,
        "sources": ["S10", "S1"],
        "note": None,
    }
    assert first["valid"]["derived"] is True
    assert [r["votes"] for r in runoff["results"]] == [12289, 7450]
    assert doc["outgoing"]["name"] == "Dr. Klaus Weichel"
    assert {s["id"] for s in doc["sources"]} >= {"S7", "S12", "S11"}
    assert any(e["id"] == "round-2" for e in doc["events"])


def test_json_dataset_export_is_the_listing_in_both_languages() -> None:
    exported = json.loads(run("export", "candidates", "--format", "json").out)
    listed = json.loads(run("candidates", "--format", "json").out)
    german = json.loads(run("--lang", "de", "candidates", "--format", "json").out)
    for row, en, de in zip(exported, listed, german, strict=True):
        assert row.pop("party_en") == en.pop("party") and row.pop("party_de") == de["party"]
        assert row == en


@pytest.mark.parametrize("dataset", ["candidates", "results", "events", "sources"])
@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_exports_are_the_same_in_any_locale_and_on_any_day(dataset: str, fmt: str) -> None:
    """Byte-identical under LANG=C.UTF-8 and de_DE.UTF-8 and a year apart (after the election)."""
    outputs = {
        run("--at", at, "export", dataset, "--format", fmt, env={"LANG": lang}).out
        for lang in ("C.UTF-8", "de_DE.UTF-8")
        for at in ("2025-11-29", "2026-11-29")
    }
    assert len(outputs) == 1


def _calendar(tmp_path: Path, name: str = "ob.ics") -> tuple[bytes, icalendar.Calendar]:
    target = tmp_path / name
    result = run("export", "events", "--format", "ics", "-o", str(target))
    assert result.code == 0, result.err
    raw = target.read_bytes()
    return raw, icalendar.Calendar.from_ical(raw)


def test_ics_round_trip_instants(tmp_path: Path) -> None:
    _, cal = _calendar(tmp_path)
    events = {str(e["UID"]): e for e in cal.walk("VEVENT")}
    vote = events["round-1@ob-2023.kl-wahl"]
    start = vote.decoded("DTSTART")
    end = vote.decoded("DTEND")
    assert start.astimezone(timezone.utc) == datetime(2023, 2, 12, 7, 0, tzinfo=timezone.utc)
    assert end.astimezone(timezone.utc) == datetime(2023, 2, 12, 17, 0, tzinfo=timezone.utc)
    assert vote["DTSTART"].params["TZID"] == "Europe/Berlin"
    podium = events["podium-rheinpfalz@ob-2023.kl-wahl"]
    assert podium.decoded("DTSTART").astimezone(timezone.utc) == datetime(
        2023, 1, 18, 17, 30, tzinfo=timezone.utc
    )
    assert str(podium["LOCATION"]) == "Fruchthalle"
    assert str(podium["URL"]).startswith("https://www.rheinpfalz.de/")
    office = events["start-of-office@ob-2023.kl-wahl"]
    assert office.decoded("DTSTART") == date(2023, 9, 1)  # all-day
    assert len(cal.walk("VTIMEZONE")) == 1
    assert "herzlich-digital-interviews@ob-2023.kl-wahl" not in events  # no exact day: left out


def test_ics_is_reproducible(tmp_path: Path) -> None:
    first, _ = _calendar(tmp_path, "a.ics")
    second, _ = _calendar(tmp_path, "b.ics")
    assert first == second
    assert b"DTSTAMP:20230901T000000Z" in first  # from the data, not the wall clock


def test_ics_only_for_events() -> None:
    result = run("export", "results", "--format", "ics")
    assert result.code == 2
    assert "only available for events" in result.err


def test_all_csv_needs_a_directory(tmp_path: Path) -> None:
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    assert run("export", "all").code == 2
    result = run("export", "all", "-o", str(tmp_path))
    assert result.code == 0, result.err
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "candidates.csv",
        "events.csv",
        "results.csv",
        "sources.csv",
    ]
    again = run("export", "all", "-o", str(tmp_path))
    assert again.code == 1 and "--force" in again.err


@pytest.mark.parametrize("fmt", ["csv", "json", "ics"])
def test_hostile_data_through_every_format(fmt: str) -> None:
    dataset = "events" if fmt == "ics" else "all" if fmt == "json" else "candidates"
    result = run(*HOSTILE, "export", dataset, "--format", fmt)
    assert result.code == 0, result.err
    assert "\x1b" not in result.out and "\x07" not in result.out
