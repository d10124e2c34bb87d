"""A damaged cache gives the right answer or none, never a wrong one, and never runs code or
blocks: the prompt snapshot and cached answers carry a checksum, only regular files are read,
and the catalog cache is plain data (no pickle)."""

from __future__ import annotations

import os
import pickle
import random
from pathlib import Path

import pytest

from kl_wahl.base import snapfile
from kl_wahl.fast.answer import run_fast
from kl_wahl.store import registry

from .conftest import run, run_installed

AT = ["countdown", "--prompt", "--at", "2023-02-10"]


def _snapshot_path() -> Path:
    assert run("candidates").code == 0
    path = snapfile.fast_cache_path(os.environ)
    assert path is not None
    return Path(path)


def test_every_damaged_snapshot_gives_the_right_answer_or_none() -> None:
    path = _snapshot_path()
    good = path.read_text(encoding="utf-8")
    assert run_fast(AT, os.environ) == "OB-Wahl 2d\n"
    rng = random.Random(7)
    changes = 0
    for position in rng.sample(range(len(good)), 120):
        for damaged in (
            good[:position] + good[position + 1 :],  # a byte lost
            good[:position] + ("1" if good[position] != "1" else "2") + good[position + 1 :],
        ):
            path.write_text(damaged, encoding="utf-8")
            assert run_fast(AT, os.environ) in (None, "OB-Wahl 2d\n")
            changes += 1
    lines = good.splitlines(keepends=True)
    for i in range(1, len(lines)):  # a removed line
        path.write_text("".join(lines[:i] + lines[i + 1 :]), encoding="utf-8")
        assert run_fast(AT, os.environ) is None
    assert changes == 240


def test_a_control_character_in_a_cached_label_is_never_printed() -> None:
    path = _snapshot_path()
    text = snapfile.unseal(path.read_text(encoding="utf-8"))
    assert text is not None
    path.write_text(snapfile.seal(text.replace("OB-Wahl", "OB-\x1b[2JWahl")), encoding="utf-8")
    assert run_fast(AT, os.environ) is None
    result = run_installed(*AT)
    assert result.stdout == "OB-Wahl 2d\n"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_a_fifo_or_a_device_at_the_cache_path_does_not_block() -> None:
    path = _snapshot_path()
    path.unlink()
    os.mkfifo(path)
    result = run_installed(*AT)  # bounded by run_installed's timeout: a blocked read fails it
    assert (result.returncode, result.stdout) == (0, "OB-Wahl 2d\n")
    path.unlink()
    path.symlink_to("/dev/zero")
    assert run_fast(AT, os.environ) is None


def test_the_catalog_cache_never_runs_code(tmp_path: Path, isolated: Path) -> None:
    """0.2.0 unpickled the cache: whoever could write it could run code as the user."""
    assert run("candidates").code == 0
    cache = isolated / "cache" / "kl-wahl" / registry.CATALOG_CACHE
    header = cache.read_bytes().partition(b"\n")[0]
    marker = tmp_path / "ran"

    class Evil:
        def __reduce__(self) -> tuple[object, tuple[str]]:
            return (os.system, (f"touch {marker}",))

    cache.write_bytes(header + b"\n" + pickle.dumps(Evil()))
    result = run("candidates", "--format", "csv")
    assert result.code == 0 and "kimmel,Beate Kimmel" in result.out
    assert not marker.exists()
