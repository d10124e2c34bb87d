"""The race for the runoff while a first round is counted (pure rules and the round view)."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from kl_wahl.core.model import Count, District
from kl_wahl.core.race import outstanding

from .conftest import run
from .test_import_guard import _first_round


def _district(number: str, kind: str, counted: bool, eligible: int | None, valid: int) -> District:
    return District(
        number, f"B {number}", kind, 1, 1 if counted else 0, eligible,
        valid if counted else None, 0 if counted else None, valid if counted else None,
        ((1, valid),) if counted else (),
    )  # fmt: skip


def _count(*districts: District) -> Count:
    return Count(districts, ((1, "a"),), "IMPORT-1", datetime(2026, 3, 8, tzinfo=timezone.utc))


def test_outstanding_votes_from_the_count_itself() -> None:
    # counted polling stations: 400 valid of 1,000 eligible; one of 500 eligible missing -> 200
    # counted postal: 300 valid on average; two missing -> 600
    count = _count(
        _district("1", "polling", True, 1000, 400),
        _district("2", "polling", False, 500, 0),
        _district("8", "postal", True, None, 300),
        _district("9", "postal", False, None, 0),
        _district("10", "postal", False, None, 0),
    )
    assert outstanding(count) == 800
    # no postal district counted yet: the postal votes cannot be estimated
    assert (
        outstanding(
            _count(
                _district("1", "polling", True, 1000, 400), _district("9", "postal", False, None, 0)
            )
        )
        is None
    )


def test_the_round_view_shows_the_race(tmp_path: Path) -> None:
    lines = _first_round(tmp_path).read_text(encoding="utf-8").splitlines(keepends=True)
    partial = [lines[0]]
    for i, line in enumerate(lines[1:]):
        cells = line.rstrip("\n").split(";")
        if i >= 3:  # districts 4..8 not yet counted
            cells[6] = "0"
            cells[7:] = [""] * (len(cells) - 7)
        partial.append(";".join(cells) + "\n")
    path = tmp_path / "partial.csv"
    path.write_text("".join(partial), encoding="utf-8")
    names = ["--map", "D1=Anna Alt", "--map", "D2=Bert Bunt", "--map", "D3=Cora Cyan"]
    assert run("import", str(path), "-e", "ob", *names).code == 0
    view = run("-e", "ob", "results").out
    race = next(line for line in view.splitlines() if "Race for the runoff" in line)
    assert "2nd place: Cora Cyan" in race and "ahead of Bert Bunt" in race
    assert race.endswith(": open") or race.endswith(": decided")
    assert "Majority:" in view
    german = run("--lang", "de", "-e", "ob", "results").out
    assert "Rennen um die Stichwahl: Platz 2: Cora Cyan" in german


def test_runoff_against_first_round_per_district(tmp_path: Path) -> None:
    import csv
    import io

    from .test_import_guard import COMPLETE

    names = ["--map", "D1=Anna Alt", "--map", "D2=Bert Bunt", "--map", "D3=Cora Cyan"]
    assert run("import", str(_first_round(tmp_path)), "-e", "ob", *names).code == 0
    runoff = ["--round", "2", "--map", "D1=anna-alt", "--map", "D2=cora-cyan"]
    assert run("import", str(COMPLETE), "-e", "ob", *runoff).code == 0
    out = run(
        "-e", "ob", "results", "--districts", "--round", "2", "--compare", "1", "-f", "csv"
    ).out
    rows = {r["number"]: r for r in csv.DictReader(io.StringIO(out))}
    first = rows["111"]  # round 1: 193 / 150 / 139 of 482 valid; runoff: 193 / 139 of 332
    assert first["share_anna-alt_r1"] == str(round(100 * 193 / 482, 2))
    assert first["share_anna-alt"] == str(round(100 * 193 / 332, 2))
    assert first["change_anna-alt"] == str(
        round(round(100 * 193 / 332, 2) - round(100 * 193 / 482, 2), 2)
    )
    assert "share_bert-bunt_r1" not in first  # not in the runoff
    table = run("-e", "ob", "results", "--districts", "--round", "2", "--compare", "1").out
    assert "% (1)" in table
    refused = run("-e", "ob", "results", "--compare", "1")
    assert refused.code == 2 and "--compare goes with --districts" in refused.err
