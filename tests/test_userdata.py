"""User-supplied elections: `data init`, editing, validation, appearing everywhere."""

from __future__ import annotations

import json
from pathlib import Path

from .conftest import run


def test_init_writes_a_valid_template(isolated: Path) -> None:
    result = run("data", "init", "ob-2031")
    assert result.code == 0, result.err
    path = isolated / "data" / "kl-wahl" / "elections" / "ob-2031.toml"
    assert result.out.strip() == str(path)
    assert "data validate" in result.err
    assert run("data", "validate", str(path)).code == 0
    listed = json.loads(run("elections", "--format", "json").out)
    assert {e["id"] for e in listed} == {"ob-2023", "ob-2031"}
    mine = next(e for e in listed if e["id"] == "ob-2031")
    assert mine["title"] == "Mayoral election Kaiserslautern 2031"
    assert mine["voting_days"] == []  # no date invented
    assert mine["origin"] == str(path)


def test_init_refuses_to_overwrite(isolated: Path) -> None:
    assert run("data", "init", "ob-2031").code == 0
    path = isolated / "data" / "kl-wahl" / "elections" / "ob-2031.toml"
    path.write_text(path.read_text(encoding="utf-8") + "# my edits\n", encoding="utf-8")
    again = run("data", "init", "ob-2031")
    assert again.code == 1
    assert "--force" in again.err
    assert path.read_text(encoding="utf-8").endswith("# my edits\n")


def test_init_rejects_bad_ids() -> None:
    assert run("data", "init", "../evil").code == 2


def test_edited_election_counts_down(isolated: Path) -> None:
    run("data", "init", "ob-2031")
    path = isolated / "data" / "kl-wahl" / "elections" / "ob-2031.toml"
    text = path.read_text(encoding="utf-8")
    text += '\n[[rounds]]\nnumber = 1\ndate = 2031-03-09\nsources = ["S1"]\n'
    path.write_text(text, encoding="utf-8")
    assert run("--at", "2031-03-07", "countdown", "--prompt").out == "OB-Wahl 2d\n"
    assert "ob-2031" in run("--at", "2031-03-07", "elections").out


def test_mistake_in_user_file_is_reported_by_file_line_and_key(isolated: Path) -> None:
    run("data", "init", "ob-2031")
    path = isolated / "data" / "kl-wahl" / "elections" / "ob-2031.toml"
    path.write_text(
        path.read_text(encoding="utf-8")
        + '\n[[rounds]]\nnumber = "one"\ndate = 2031-03-09\nsources = ["S1"]\n',
        encoding="utf-8",
    )
    listing = run("elections")
    assert listing.code == 0
    assert "ob-2023" in listing.out and "ob-2031" not in listing.out
    assert f"{path}: rounds[1].number: expected a non-negative integer" in listing.err
    path.write_text('id = "ob-2031"\ntitle = "x\n', encoding="utf-8")
    syntax = run("data", "validate", str(path))
    assert syntax.code == 1
    assert f"{path}:2:" in syntax.err
