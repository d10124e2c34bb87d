"""AKDB's 2026 portal format (Bavaria): a real Vaterstetten file imports with totals equal to
its own GEMEINDE row, groups from the Stimmen file beside it, date and kind from the address."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kl_wahl.results import akdb, opendata

from .conftest import FIXTURES, Script, Serve, run

RESULTS = FIXTURES / "results"
TOTAL = RESULTS / "vaterstetten-2026-buergermeister-gesamtergebnis.csv"
GROUPS = RESULTS / "vaterstetten-2026-buergermeister-stimmen.csv"
# the GEMEINDE row of the file: the municipality's own total
ELIGIBLE, VOTERS, INVALID, VALID = 19304, 12884, 102, 12782
VOTES = {1: 5583, 2: 1379, 4: 1285, 5: 4535}


def test_the_reader_keeps_the_total_apart() -> None:
    text = TOTAL.read_text(encoding="utf-8")
    assert akdb.detect(text) and not akdb.detect((RESULTS / "synthetic-8-of-8.csv").read_text())
    snap = akdb.read(text, "2026-03-08", "Bürgermeisterwahl")
    assert snap.positions == (1, 2, 4, 5) and snap.ags == "09175132"
    assert [d.kind for d in snap.districts].count("polling") == 25
    assert [d.kind for d in snap.districts].count("postal") == 20
    assert snap.counted == 45 and snap.warnings == ()
    assert snap.total is not None and snap.total.valid == VALID
    assert sum(d.valid or 0 for d in snap.districts) == VALID
    for position, votes in VOTES.items():
        assert sum(dict(d.votes).get(position, 0) for d in snap.districts) == votes
    assert akdb.groups(GROUPS.read_text(encoding="utf-8")) == [
        "CSU/FDP",
        "FREIE WÄHLER",
        "GRÜNE",
        "SPD",
    ]


def test_damage_is_one_line() -> None:
    text = TOTAL.read_text(encoding="utf-8").replace(";5583;", ";55²3;", 1)
    with pytest.raises(opendata.FormatError, match="is not a whole number"):
        akdb.read(text)


def test_a_presentation_address_imports_with_names_of_groups(serve: Serve, isolated: Path) -> None:
    script = Script([("ok", TOTAL.read_bytes()), ("ok", GROUPS.read_bytes())])
    base = serve(script).rsplit("/", 1)[0]
    url = f"{base}/ob-p/175132/2/20260308/buergermeister_gemeinde/gesamtergebnis.csv"
    result = run("import", url, "-e", "vst-2026")
    assert result.code == 0, result.err
    assert "8 of 8 figures agree with the municipality's total file" in result.err
    assert "Valid votes: districts 12,782 = total file 12,782" in result.err
    assert script.served == ["ok", "ok"]  # the Stimmen file, from the same host
    rows = json.loads(run("-e", "vst-2026", "results", "--format", "json").out)
    assert [(r["party"], r["votes"]) for r in rows] == [
        ("CSU/FDP", 5583),
        ("SPD", 4535),
        ("FREIE WÄHLER", 1379),
        ("GRÜNE", 1285),
    ]
    assert {(r["valid"], r["voters"], r["eligible"], r["date"]) for r in rows} == {
        (VALID, VOTERS, ELIGIBLE, "2026-03-08")
    }
    assert rows[0]["turnout"] == round(100 * VOTERS / ELIGIBLE, 2)
    election = (isolated / "data" / "kl-wahl" / "elections" / "vst-2026.toml").read_text(
        encoding="utf-8"
    )
    assert 'title = "Bürgermeisterwahl 2026"' in election and "Bürgermeister/in" in election


def test_a_local_file_without_a_date_says_what_to_do(isolated: Path) -> None:
    result = run("import", str(TOTAL), "-e", "vst-2026")
    assert result.code == 2 and "has no date" in result.err and "--round" in result.err
    assert not (isolated / "data" / "kl-wahl").exists()
