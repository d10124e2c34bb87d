"""Foundation behaviour of the CLI: overview, elections, global options, languages, config."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest

from kl_wahl import __version__

from .conftest import FIXTURES, SEVEN_CANDIDATES, run, run_installed

AFTER = "2026-11-28"  # a fixed moment after the election (the day this project started)


def test_overview_shows_all_candidates_results_and_status() -> None:
    result = run("--at", AFTER)
    assert result.code == 0, result.err
    assert result.err == ""
    out = result.out
    assert "Mayoral election Kaiserslautern 2023" in out
    for name in SEVEN_CANDIDATES:
        assert name in out
    for figure in (
        "9,299",
        "36.53 %",
        "5,038",
        "5,008",
        "4,814",
        "615",
        "361",
        "320",
        "12,289",
        "62.26 %",
        "7,450",
        "37.74 %",
    ):
        assert figure in out
    assert "Beate Kimmel won the runoff on Sunday, 26 February 2023" in out
    assert "Dr. Klaus Weichel" in out
    assert "kl-wahl candidates" in out  # hints name the next commands


def test_overview_before_the_election_says_what_is_next() -> None:
    result = run("--at", "2023-02-10")
    assert "Next: OB-Wahl on Sunday, 12 February 2023 (in 2 days)." in result.out


def test_overview_on_election_day() -> None:
    result = run("--at", "2023-02-26T10:00")
    assert "OB-Stichwahl is today: polls are open 08:00–18:00." in result.out


def test_version() -> None:
    result = run("--version")
    assert result.code == 0
    assert result.out.strip() == f"kl-wahl {__version__}"


def test_elections_lists_bundled() -> None:
    result = run("elections", "--format", "json")
    assert result.code == 0
    assert '"id": "ob-2023"' in result.out
    assert '"origin": "bundled"' in result.out


def test_unknown_election_names_known_ids() -> None:
    result = run("--election", "ob-1999", "candidates")
    assert result.code == 1
    assert result.out == ""
    assert result.err.strip() == "kl-wahl: unknown election 'ob-1999'; known: ob-2023"


@pytest.mark.parametrize(
    "args",
    [
        ["--lang", "de", "candidates"],
        ["candidates", "--lang", "de"],
        ["candidates", "--lang=de"],
    ],
)
def test_global_options_before_or_after_the_command(args: list[str]) -> None:
    result = run(*args)
    assert result.code == 0, result.err
    assert "Kandidierende" in result.out


def test_at_after_the_command() -> None:
    assert "in 2 days" in run("countdown", "--at", "2023-02-10").out


def test_usage_errors_exit_2() -> None:
    assert run("no-such-command").code == 2
    assert run("candidates", "--format", "xml").code == 2
    assert run("--lang", "fr").code == 2
    bad_at = run("--at", "yesterday", "countdown")
    assert bad_at.code == 2
    assert "ISO 8601" in bad_at.err


def test_german_from_locale_and_env() -> None:
    assert "Kandidierende" in run("candidates", env={"LANG": "de_DE.UTF-8"}).out
    assert (
        "Kandidierende" in run("candidates", env={"KL_WAHL_LANG": "de", "LANG": "en_US.UTF-8"}).out
    )
    # --lang beats the environment
    assert "Candidate" in run("--lang", "en", "candidates", env={"KL_WAHL_LANG": "de"}).out


def test_german_dates() -> None:
    out = run("--lang", "de", "--at", "2023-02-10").out
    assert "Sonntag, 12. Februar 2023" in out


def test_config_sets_language_and_election(config_file: Path, user_elections: Path) -> None:
    shutil.copy(FIXTURES / "minimal.toml", user_elections / "t.toml")
    config_file.write_text('lang = "de"\nelection = "test-2030"\n', encoding="utf-8")
    result = run("--at", AFTER)
    assert result.code == 0, result.err
    assert "Testwahl 2030" in result.out
    assert "Anna Alpha" in result.out


def test_broken_config_warns_and_uses_defaults(config_file: Path) -> None:
    config_file.write_text("lang = [", encoding="utf-8")
    result = run("candidates")
    assert result.code == 0
    assert "Candidate" in result.out
    assert result.err.count("\n") == 1
    assert "config is not valid TOML" in result.err


def test_broken_user_file_warns_once_and_others_work(user_elections: Path) -> None:
    shutil.copy(FIXTURES / "wrong-type.toml", user_elections / "broken.toml")
    result = run("--at", AFTER, "candidates")
    assert result.code == 0
    assert "Beate Kimmel" in result.out
    lines = result.err.strip().splitlines()
    assert len(lines) == 1
    assert "broken.toml" in lines[0] and "rounds[2].results.kimmel.votes" in lines[0]


def test_user_file_overrides_bundled(user_elections: Path) -> None:
    text = (
        (FIXTURES / "minimal.toml").read_text(encoding="utf-8").replace('"test-2030"', '"ob-2023"')
    )
    (user_elections / "mine.toml").write_text(text, encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(run("elections", "--format", "csv").out)))
    assert len(rows) == 1
    row = rows[0]
    assert (row["id"], row["title"], row["voting_days"]) == (
        "ob-2023",
        "Test election 2030",
        "2030-03-10",
    )
    assert row["path"].endswith("mine.toml") and row["origin"] == "user"
    assert row["overrides_bundled"] == "true"
    assert "Anna Alpha" in run("candidates").out


def test_data_option_adds_an_election() -> None:
    result = run("--data", str(FIXTURES / "minimal.toml"), "--election", "test-2030", "candidates")
    assert result.code == 0
    assert "Bernd Beta" in result.out


def test_data_option_missing_file() -> None:
    result = run("--data", "/nonexistent/x.toml", "candidates")
    assert result.code in (1, 2)
    assert "x.toml" in result.err
    assert "Traceback" not in result.err


def test_default_election_is_the_next_upcoming(user_elections: Path) -> None:
    shutil.copy(FIXTURES / "minimal.toml", user_elections / "t.toml")
    assert "Test election 2030" in run("--at", "2029-01-01").out
    assert "Test election 2030" in run("--at", "2031-01-01").out  # latest past
    assert "Kaiserslautern 2023" in run("--at", "2023-01-01").out


def test_data_path(isolated: Path) -> None:
    result = run("data", "path")
    assert result.code == 0
    assert str(isolated / "data" / "kl-wahl" / "elections") in result.out
    assert str(isolated / "config" / "kl-wahl" / "config.toml") in result.out


def test_errors_speak_the_users_language() -> None:
    result = run("--lang", "de", "--election", "ob-1999")
    assert result.code == 1
    assert result.err.strip() == "kl-wahl: unbekannte Wahl 'ob-1999'; bekannt: ob-2023"


def test_shell_completion_offers_ids() -> None:
    def complete(words: str, cword: int) -> list[str]:
        env = {"_KL_WAHL_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": str(cword)}
        return run_installed(env=env).stdout.split()

    assert complete("kl-wahl candidate k", 2) == ["karanikas", "kimmel", "kuerwitz"]
    assert complete("kl-wahl --election ", 2) == ["ob-2023"]
    assert complete("kl-wahl countdown podium-s", 2) == ["podium-swr"]
