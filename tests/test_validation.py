"""One test per class of validation problem, each with a bad fixture file in tests/fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

from kl_wahl.store.load import load_file

from .conftest import FIXTURES, run


def messages(name: str) -> list[str]:
    result = load_file(FIXTURES / name)
    return [str(p) for p in result.problems]


def test_minimal_fixture_is_valid() -> None:
    result = load_file(FIXTURES / "minimal.toml")
    assert result.problems == ()
    assert result.election is not None and result.election.id == "test-2030"


def test_syntax_error_names_line_and_column() -> None:
    (msg,) = messages("syntax-error.toml")
    assert msg.startswith(f"{FIXTURES / 'syntax-error.toml'}:3:")
    assert "TOML syntax error" in msg


def test_wrong_type_names_the_key_path() -> None:
    assert any(
        m.endswith('rounds[2].results.kimmel.votes: expected a non-negative integer, got "abc"')
        for m in messages("wrong-type.toml")
    )


def test_missing_required_keys() -> None:
    found = messages("missing-required.toml")
    assert any("title: required key is missing" in m for m in found)
    assert any("candidates[1].name: required key is missing" in m for m in found)
    assert any("candidates[1].sources: every fact needs at least one source id" in m for m in found)


def test_impossible_date() -> None:
    assert any(
        'rounds[1].date: expected a date (YYYY-MM-DD), got "2023-02-30"' in m
        for m in messages("bad-date.toml")
    )


def test_unknown_keys_warn_with_closest_key() -> None:
    result = load_file(FIXTURES / "unknown-key.toml")
    assert result.election is not None  # warnings do not reject the file
    warnings = [str(p) for p in result.warnings]
    assert any(
        "titel: unknown key 'titel' is ignored (did you mean 'title'?)" in w for w in warnings
    )
    assert any(
        "candidates[1].partei: unknown key 'partei' is ignored (did you mean 'party'?)" in w
        for w in warnings
    )


def test_references_must_resolve() -> None:
    found = messages("bad-references.toml")
    assert any("candidates[1].sources: unknown source id 'S9'" in m for m in found)
    assert any("rounds[1].results.nobody: unknown candidate id" in m for m in found)
    assert any("events[1].participants: unknown candidate id 'ghost'" in m for m in found)


def test_arithmetic_must_add_up() -> None:
    found = " | ".join(messages("bad-arithmetic.toml"))
    assert "rounds[1].voters: 120 voters exceed 100 eligible voters" in found
    assert "rounds[1].invalid: valid 110 + invalid 5 != voters 120" in found
    assert "rounds[1].turnout: 50.0 % does not match 120 voters / 100 eligible" in found
    assert "rounds[1].results: the votes add up to 120, more than the 110 valid votes" in found
    assert "rounds[1].results.a.share: 80.0 % does not match 100 / 110 votes" in found
    assert "rounds[1].results: shares add up to 110.00 %, not 100 %" in found


def test_not_utf8() -> None:
    (msg,) = messages("not-utf8.toml")
    assert msg.endswith(":3: file is not valid UTF-8")


def test_unreadable_file(tmp_path: Path) -> None:
    result = load_file(tmp_path)  # a directory cannot be read as a file (works as root too)
    assert result.election is None
    assert "cannot read file" in str(result.problems[0])


def test_control_characters_are_stripped_at_load() -> None:
    result = load_file(FIXTURES / "hostile.toml")
    assert result.election is not None
    texts = [result.election.title.en, result.election.events[0].title.en]
    texts += [c.name for c in result.election.candidates] + [
        c.party.en for c in result.election.candidates
    ]
    for text in texts:
        assert not any(ord(ch) < 32 or 0x7F <= ord(ch) <= 0x9F for ch in text), text
    assert result.election.candidates[0].name.startswith("[bold]Mallory[/bold]")


@pytest.mark.parametrize(
    "name", ["syntax-error.toml", "wrong-type.toml", "bad-date.toml", "bad-arithmetic.toml"]
)
def test_data_validate_fails_listing_problems(name: str) -> None:
    result = run("data", "validate", str(FIXTURES / name))
    assert result.code == 1
    assert result.out == ""
    assert str(FIXTURES / name) in result.err
    assert "invalid" in result.err


def test_data_validate_success_summary() -> None:
    result = run("data", "validate", str(FIXTURES / "minimal.toml"))
    assert result.code == 0, result.err
    assert "OK – test-2030: 2 candidates, 1 rounds, 1 events, 1 sources" in result.out


def test_data_validate_reports_warnings_but_passes() -> None:
    result = run("data", "validate", str(FIXTURES / "unknown-key.toml"))
    assert result.code == 0
    assert "did you mean 'title'?" in result.err
    assert "2 warning(s)" in result.out


def test_neutral_title_needs_its_moment(tmp_path: Path) -> None:
    text = (FIXTURES / "minimal.toml").read_text(encoding="utf-8")
    text += '\n[[events]]\nid = "x"\ntitle = "Alpha takes office"\nneutral_title = "Someone takes office"\ndate = 2030-09-01\nsources = ["S1"]\n'
    path = tmp_path / "neutral.toml"
    path.write_text(text, encoding="utf-8")
    result = run("data", "validate", str(path))
    assert result.code == 1 and "neutral_title and neutral_until go together" in result.err


def test_every_problem_in_one_pass() -> None:
    """A record that misses a required key still has its id and references checked."""
    result = run("data", "validate", str(FIXTURES / "one-pass.toml"))
    assert result.code == 1
    for says in (
        "candidates[1].name: required key is missing",
        "candidates: id 'a' is used 2 times",
        "candidates[2].sources: unknown source id 'S9' (not in [[sources]])",
        "rounds[1].results.zz: unknown candidate id",
        "rounds[1].date: 2030-03-02 is a Saturday",
    ):
        assert says in result.err
