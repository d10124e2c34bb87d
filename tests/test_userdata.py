"""User-supplied elections: `data init`, editing, validation, appearing everywhere."""

from __future__ import annotations

import json
import re
from pathlib import Path

from .conftest import FIXTURES, run


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
    assert (mine["origin"], mine["path"]) == ("user", str(path))


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


def test_init_refuses_to_shadow_a_bundled_election(user_elections: Path) -> None:
    result = run("data", "init", "ob-2023")
    assert result.code == 1 and "bundled election" in result.err and "--force" in result.err
    assert not (user_elections / "ob-2023.toml").exists()
    assert run("data", "init", "ob-2023", "--force").code == 0
    assert "replaces the bundled election 'ob-2023'" in run("elections").err


def test_template_blocks_uncommented_in_place_are_valid(user_elections: Path) -> None:
    """Every commented block of the template, uncommented where it stands, reads as intended:
    the results land in the round, not under a candidate."""
    assert run("data", "init", "ob-2031").code == 0
    path = user_elections / "ob-2031.toml"
    lines = path.read_text(encoding="utf-8").splitlines()
    toml_line = re.compile(r"^# (\[\[?[a-z.]+\]\]?|[a-z_]+ = )")
    body = [line[2:] if toml_line.match(line) else line for line in lines]
    path.write_text("\n".join(body) + "\n", encoding="utf-8")
    result = run("data", "validate", str(path))
    assert result.code == 0, result.err
    data = json.loads(run("-e", "ob-2031", "--at", "2031-03-10", "results", "--format", "json").out)
    assert [(row["candidate_id"], row["votes"]) for row in data] == [("doe", 12345)]


def test_validate_reports_everything_in_one_pass(tmp_path: Path) -> None:
    broken = tmp_path / "multi.toml"
    broken.write_text(
        (FIXTURES / "minimal.toml").read_text(encoding="utf-8")
        + '\n[[candidates]]\nid = "alpha"\nname = "Again"\nparty = { en = "only English" }\n'
        'sources = ["S1"]\n',
        encoding="utf-8",
    )
    text = broken.read_text(encoding="utf-8").replace(
        "[rounds.results.alpha]", "[rounds.results.ghost]", 1
    )
    text = text.replace("votes = ", "votes = -", 1)
    broken.write_text(text, encoding="utf-8")
    err = run("data", "validate", str(broken)).err
    assert "id 'alpha' is used 2 times" in err
    assert "results.ghost: unknown candidate id" in err  # although its votes are invalid too
    assert "expected a non-negative integer" in err
    assert "no 'de' text" in err


def test_validate_doubts_and_german_dates(tmp_path: Path) -> None:
    text = (FIXTURES / "minimal.toml").read_text(encoding="utf-8")
    saturday = tmp_path / "saturday.toml"
    saturday.write_text(text.replace("date = 2030-03-10", "date = 2030-03-09"), encoding="utf-8")
    result = run("data", "validate", str(saturday))
    assert "2030-03-09 is a Saturday; German elections are held on Sundays" in result.err
    german = tmp_path / "german.toml"
    german.write_text(text.replace("date = 2030-03-10", "date = 10.03.2030"), encoding="utf-8")
    result = run("data", "validate", str(german))
    assert result.code == 1 and "write dates as YYYY-MM-DD: 2030-03-10" in result.err
