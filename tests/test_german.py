"""German all the way: help, usage errors, validation, warnings, in a German session."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer

from kl_wahl.cli.app import COMMANDS, app, load_command
from kl_wahl.i18n.catalog import MESSAGES
from kl_wahl.i18n.help_de import HELP_DE

from .conftest import FIXTURES, run, run_installed

DE = {"LANG": "de_DE.UTF-8"}
ENGLISH = re.compile(
    r"Usage:|Options|Arguments|Commands:|Error:|No such|Show this message|\bexpected\b|"
    r"\bwarning\b|\bunknown\b|(?<![.\w])invalid\b|\[required\]|\bwrote\b|Try '|\bignoring\b|"
    r"\bnot valid\b|\bcannot\b|\bmissing\b|no such file|\bdefault:"
)
SAME_IN_BOTH = {"%", "CSV/JSON/ICS", "Cache", "Kind"}


def _commands() -> list[object]:
    group = typer.main.get_command(app)
    found: list[object] = [group]
    for name in COMMANDS:
        command = load_command(name)
        found.append(command)
        found.extend(getattr(command, "commands", {}).values())
    return found


def test_every_help_text_has_a_german_version() -> None:
    missing = []
    for command in _commands():
        for target in [command, *getattr(command, "params", [])]:
            for field in ("help", "epilog"):
                text = getattr(target, field, None)
                if text and text not in HELP_DE:
                    missing.append(text[:60])
    assert missing == []


def test_every_message_is_translated() -> None:
    same = [key for key, (en, de) in MESSAGES.items() if en == de and en not in SAME_IN_BOTH]
    assert [k for k in same if not re.fullmatch(r"[-–\s{}\w:(),/.%]*", MESSAGES[k][0])] == []
    assert all(de.strip() for _, de in MESSAGES.values())


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        *([name, "--help"] for name in COMMANDS),
        ["data", "path", "--help"],
        ["data", "validate", "--help"],
        ["data", "init", "--help"],
        ["kandidatn"],
        ["results", "--round", "3"],
        ["candidate"],
        ["--at", "morgen", "countdown"],
        ["--lang", "fr", "candidates"],
        ["elections", "--bogus"],
        ["export", "candidates", "--dialect"],
    ],
    ids=lambda a: " ".join(a),
)
def test_help_and_usage_errors_have_no_english(args: list[str]) -> None:
    result = run(*args, env=DE)
    text = result.out + result.err
    assert text.strip()
    text = re.sub(r"\{[a-z_]+\}", "{…}", text)  # placeholder names ({expected}) are syntax
    assert not ENGLISH.search(text), ENGLISH.search(text)


@pytest.mark.parametrize(
    "fixture",
    sorted(
        p.name for p in FIXTURES.glob("*.toml") if p.name not in ("minimal.toml", "hostile.toml")
    ),
)
def test_validation_messages_are_german(fixture: str) -> None:
    result = run("data", "validate", str(FIXTURES / fixture), env=DE)
    text = result.err.replace(str(FIXTURES / fixture), "FILE")
    assert text.strip()
    assert not ENGLISH.search(text), (fixture, text)


def test_warnings_about_broken_user_files_are_german(user_elections: Path) -> None:
    (user_elections / "kaputt.toml").write_text("id = [\n", encoding="utf-8")
    result = run("candidates", env=DE)
    assert result.code == 0
    assert "Warnung: ignoriert:" in result.err
    assert not ENGLISH.search(result.err), result.err


def test_import_refusals_are_german(tmp_path: Path) -> None:
    page = tmp_path / "page.csv"
    page.write_text("<html>Wartung</html>", encoding="utf-8")
    result = run("import", str(page), "-e", "x-2031", env=DE)
    assert result.code == 1 and "HTML/XML-Seite" in result.err
    assert not ENGLISH.search(result.err)


def test_installed_german_session_counts_zero_english_lines() -> None:
    """What the before-stop check measures, through the installed command."""
    text = run_installed("--help", env=DE).stdout + run_installed("kandidatn", env=DE).stderr
    assert not re.search(r"Usage:|Options|Error:|No such|Show this message", text)


def test_german_dates_for_at() -> None:
    a = run("--at", "12.02.2023 19:00", "countdown", "--prompt", "--format", "{days}").out
    b = run("--at", "2023-02-12T19:00", "countdown", "--prompt", "--format", "{days}").out
    assert a == b == "14\n"
    assert run("--at", "12.02.2023", "countdown").out == run("--at", "2023-02-12", "countdown").out


def test_german_command_names_work_but_stay_out_of_the_help() -> None:
    assert run("kandidaten", "--format", "json").out == run("candidates", "--format", "json").out
    assert run("ergebnisse", "--round", "1").code == 0 and run("termine").code == 0
    assert "kandidaten" not in run("--help").out


def test_unknown_language_variable_is_said_not_swallowed() -> None:
    result = run("candidates", env={"KL_WAHL_LANG": "fr"})
    assert result.code == 0 and "KL_WAHL_LANG='fr' is neither en nor de" in result.err
    assert run("--lang", "fr", "candidates").code == 2  # the option is refused outright
    prompt = run("countdown", "--prompt", "--at", "2023-02-10", env={"KL_WAHL_LANG": "fr"})
    assert (prompt.out, prompt.err) == ("OB-Wahl 2d\n", "")  # a prompt stays silent


def test_a_german_session_never_rewrites_a_file_name(tmp_path: Path) -> None:
    """File names are data: 'no such file/not UTF-8 text.toml' stays as it is."""
    folder = tmp_path / "no such file"
    folder.mkdir()
    broken = folder / "not UTF-8 text.toml"
    broken.write_bytes(b"id = \xff\n")
    for args in (["--data", str(broken), "candidates"], ["data", "validate", str(broken)]):
        result = run("--lang", "de", *args)
        assert result.code == 1
        assert str(broken) in result.err and "kein gültiges UTF-8" in result.err


def test_every_message_key_the_code_names_is_in_the_catalog() -> None:
    """Pure modules name catalog keys (msg("key"), fail(path, "key"), FormatError("key")…): a
    key missing from the catalog would fail only when the message is shown, so find them all."""
    import ast

    src = Path(__file__).parent.parent / "src" / "kl_wahl"
    calls = {
        "msg": 0,
        "FormatError": 0,
        "GeometryError": 0,
        "UserError": 0,
        "fail": 1,
        "error": 1,
        "warn": 1,
    }
    missing = []
    for path in src.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            at = calls.get(name or "")
            if at is None or len(node.args) <= at:
                continue
            arg = node.args[at]
            key = arg.value if isinstance(arg, ast.Constant) else None
            if (
                isinstance(key, str)
                and key not in MESSAGES
                and re.fullmatch(r"[a-z][a-z0-9_]*", key)
            ):
                missing.append(f"{path.name}: {key}")
    assert missing == []


def test_import_warnings_and_store_checks_speak_german(tmp_path: Path) -> None:
    bad = (FIXTURES / "results" / "synthetic-8-of-8.csv").read_text(encoding="utf-8")
    lines = bad.splitlines(keepends=True)
    cells = lines[1].split(";")
    cells[13] = str(int(cells[13]) + 1)  # C one more: C + D no longer B
    lines[1] = ";".join(cells)
    path = tmp_path / "bad.csv"
    path.write_text("".join(lines), encoding="utf-8")
    names = ["--map", "D1=Anna Alt", "--map", "D2=Bert Bunt"]
    result = run("--lang", "de", "import", str(path), "-e", "w", *names)
    assert result.code == 0
    assert "Warnung: Stimmbezirk" in result.err and ", aber B = " in result.err
    shown = run("--lang", "de", "-e", "w", "results").out
    assert "Prüfung fehlgeschlagen" in shown and ", aber B = " in shown and "but B" not in shown
    stray = tmp_path / "round-9.json"
    stray.write_text('{"format": 1}', encoding="utf-8")
    checked = run("--lang", "de", "data", "validate", str(stray))
    assert checked.code == 1 and "kein kl-wahl-Import" in checked.err


def test_german_help_says_what_the_english_says() -> None:
    """The two help texts cannot drift apart: the same options and the same example commands
    (their options and values; file names may be translated), the same date forms."""
    import re as regex

    def options(text: str) -> list[str]:
        return sorted(set(regex.findall(r"(?<![\w-])--?[a-z](?:[a-z-]*[a-z])?", text)))

    def examples(text: str) -> list[list[str]]:
        lines = [ln.strip() for ln in text.splitlines() if ln.strip().startswith("kl-wahl ")]
        return [[w for w in ln.split() if w.startswith("-")] for ln in lines]

    def dates(text: str) -> list[str]:
        return sorted(set(regex.findall(r"\d{1,4}[-.]\d\d[-.]\d{2,4}", text)))

    drift = []
    for english, german in HELP_DE.items():
        for what in (options, examples, dates):
            if what(english) != what(german):
                drift.append(f"{what.__name__}: {english[:50]!r}")
    assert drift == []
