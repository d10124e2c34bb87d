"""The package as users get it: the wheel carries the data; the installed command works anywhere."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from kl_wahl import __version__
from kl_wahl.store.paths import bundled_dir

from .conftest import REPO, run, run_installed


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(out),
            str(REPO),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (built,) = out.glob("kl_wahl-*.whl")
    return built


def test_wheel_contains_data_template_and_entry_point(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        data = {n for n in names if n.startswith("kl_wahl/data/")}
        assert data == {f"kl_wahl/data/{p.name}" for p in (REPO / "data").glob("*.toml")}
        assert "kl_wahl/store/template.toml" in names
        assert "kl_wahl/py.typed" in names
        entry_points = next(n for n in names if n.endswith("entry_points.txt"))
        assert "kl-wahl = kl_wahl.entry:main" in archive.read(entry_points).decode()
        metadata = archive.read(next(n for n in names if n.endswith("METADATA"))).decode()
        assert f"Version: {__version__}" in metadata
        assert "Requires-Dist: tomli" in metadata and "python_version < '3.11'" in metadata


def test_installed_command_runs_from_another_directory(tmp_path: Path) -> None:
    result = run_installed("--at", "2026-11-28", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Beate Kimmel" in result.stdout and "Evangelos Karanikas" in result.stdout
    assert result.stderr == ""


def test_python_dash_m(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "kl_wahl", "--version"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert (result.returncode, result.stdout) == (0, f"kl-wahl {__version__}\n")


def test_editable_checkout_uses_the_repository_data(tmp_path: Path) -> None:
    package = tmp_path / "src" / "kl_wahl"
    package.mkdir(parents=True)
    (tmp_path / "data").mkdir()
    assert bundled_dir(package) == tmp_path / "data"
    (package / "data").mkdir()  # an installed wheel: the copy inside the package wins
    assert bundled_dir(package) == package / "data"


def test_installed_command_delivers_everything_before_it_exits(tmp_path: Path) -> None:
    """The console script ends the process without interpreter teardown (entry._leave): what
    it printed, wrote to files and its exit code must still arrive whole."""
    big = run_installed("export", "all", "--format", "json", "--at", "2026-11-28", cwd=tmp_path)
    assert big.returncode == 0, big.stderr
    assert big.stdout == run("export", "all", "--format", "json", "--at", "2026-11-28").out
    assert len(big.stdout) > 50_000

    written = run_installed("export", "all", "-o", "out", "--at", "2026-11-28", cwd=tmp_path)
    assert written.returncode == 0, written.stderr
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names and all(
        (tmp_path / "out" / name).read_text(encoding="utf-8")
        == run("export", name.removesuffix(".csv"), "--at", "2026-11-28").out
        for name in names
    )

    wrong = run_installed("candidate", "nobody", cwd=tmp_path)
    assert wrong.returncode != 0 and wrong.stdout == ""
    assert "nobody" in wrong.stderr
