"""An import that cannot be fooled, a store that loses nothing: shrunken, older, cut, header-only
and foreign files are held (and said in one line), corrections are named, an unchanged file
costs nothing on disk, readers never see a gap, and a second writer is told."""

from __future__ import annotations

import json
import threading
from datetime import datetime, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kl_wahl.core.model import District
from kl_wahl.results import guard, opendata, store

from .conftest import FIXTURES, Script, Serve, run, run_installed

RESULTS = FIXTURES / "results"
PARTIAL = RESULTS / "synthetic-3-of-8.csv"
COMPLETE = RESULTS / "synthetic-8-of-8.csv"
NAMES = ["--map", "D1=Gert-Uwe Mende", "--map", "D2=Thomas Hoppe"]
LINES = COMPLETE.read_text(encoding="utf-8").splitlines(keepends=True)


def _import(path: Path, *extra: str) -> tuple[int, str]:
    result = run("import", str(path), "-e", "wi", *NAMES, *extra)
    return result.code, result.err


def _stored(isolated: Path) -> dict[str, object]:
    path = isolated / "data" / "kl-wahl" / "results" / "wi" / "round-1.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(doc, dict)
    return doc


def _file(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


@pytest.mark.parametrize(
    ("variant", "says"),
    [
        ("".join(LINES[:5]), "the file has 4 of the 8 districts of the last import"),
        (LINES[0], "the file has no districts; the last import had 8"),
        (
            PARTIAL.read_text(encoding="utf-8"),
            "the file has 3 counted districts, the last import 8",
        ),
    ],
    ids=["shrunken", "header-only", "older"],
)
def test_less_complete_files_are_held(
    variant: str, says: str, tmp_path: Path, isolated: Path
) -> None:
    assert _import(COMPLETE)[0] == 0
    before = _stored(isolated)
    code, err = _import(_file(tmp_path, "next.csv", variant))
    assert code == 1 and err.count("\n") == 1
    assert says in err and "kept the last good state (8 of 8 districts counted" in err
    assert _stored(isolated) == before
    assert "8 of 8 districts counted" in run("-e", "wi", "results").out


def test_replace_replaces_on_purpose(tmp_path: Path, isolated: Path) -> None:
    assert _import(COMPLETE)[0] == 0
    assert _import(PARTIAL, "--replace")[0] == 0
    assert _stored(isolated)["districts_counted"] == 3


def test_a_cut_file_is_refused(tmp_path: Path, isolated: Path) -> None:
    """A body that ends inside the last number would store 1 instead of 13x."""
    assert _import(PARTIAL)[0] == 0
    cut = COMPLETE.read_bytes()[:-3]
    path = tmp_path / "cut.csv"
    path.write_bytes(cut)
    code, err = _import(path)
    assert code == 1 and "the last line has no line end: the file is cut off" in err
    assert _stored(isolated)["districts_counted"] == 3


def test_corrections_are_accepted_and_named(tmp_path: Path, isolated: Path) -> None:
    assert _import(COMPLETE)[0] == 0
    fixed = COMPLETE.read_text(encoding="utf-8").replace(
        ";338;0;6;332;193;139", ";338;0;6;332;192;140"
    )
    code, err = _import(_file(tmp_path, "fixed.csv", fixed))
    assert code == 0 and "corrected figures in districts 111" in err
    assert "1,722" in run("-e", "wi", "results").out


def test_an_unchanged_file_is_not_stored_again(isolated: Path) -> None:
    assert _import(COMPLETE)[0] == 0
    archive = isolated / "data" / "kl-wahl" / "results" / "wi" / "archive"
    before = sorted(p.name for p in archive.iterdir())
    code, err = _import(COMPLETE)
    assert code == 0 and "unchanged since the last import; nothing written" in err
    assert sorted(p.name for p in archive.iterdir()) == before


def test_a_refused_import_writes_nothing(isolated: Path) -> None:
    result = run("import", str(COMPLETE), "-e", "new-one", *NAMES, "--round", "3")
    assert result.code == 1 and "has no round 3" in result.err
    assert not (isolated / "data" / "kl-wahl").exists()


def test_new_election_names_are_taken_exactly(isolated: Path) -> None:
    """--map names for a new election are its candidates: no similarity matching (K1 vs K11)."""
    result = run("import", str(COMPLETE), "-e", "k", "--map", "D1=K1", "--map", "D2=K11")
    assert result.code == 0, result.err
    rows = json.loads(run("-e", "k", "results", "-f", "json").out)
    assert [(r["name"], r["votes"]) for r in rows] == [("K1", 1723), ("K11", 1407)]


def test_watch_holds_bad_files_and_ends_on_the_full_count(serve: Serve, isolated: Path) -> None:
    other_day = COMPLETE.read_text(encoding="utf-8").replace("30.03.2025", "13.04.2025")
    script = Script(
        [
            ("ok", PARTIAL.read_bytes()),
            ("ok", "".join(LINES[:5]).encode()),  # shrunken: 4 of 8 rows, counted
            ("ok", LINES[0].encode()),  # header only
            ("ok", COMPLETE.read_bytes()[:-3]),  # cut inside the last number
            ("ok", other_day.encode()),  # another election's file
            ("ok", COMPLETE.read_bytes()),
        ]
    )
    url = serve(script)
    done = run_installed("watch", url, "-e", "wi", *NAMES, "--interval", "0.05", "--format", "json")
    assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert [line["counted"] for line in lines] == [3, 8]
    assert lines[0]["candidates"][0]["postal"] is None  # postal districts outstanding: not 0
    assert lines[0]["runoff_pair"] is None and lines[0]["elected"] is None
    assert lines[-1]["elected"] == "gert-uwe-mende"
    for says in (
        "the file has 4 of the 8 districts of the last import",
        "the file has no districts",
        "the file is cut off",
        "the file is for 2025-04-13, the last import for 2025-03-30",
    ):
        assert says in done.stderr
    assert "Traceback" not in done.stderr


def _district(number: str, counted: bool, votes: int) -> District:
    return District(
        number,
        f"B {number}",
        "polling",
        1,
        1 if counted else 0,
        100,
        50,
        0,
        50 if counted else None,
        ((1, votes),) if counted else (),
    )


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sets(st.sampled_from(["1", "2", "3", "4"])),
            st.lists(st.booleans(), min_size=4, max_size=4),
            st.integers(0, 50),
        ),
        max_size=12,
    )
)
def test_no_sequence_of_snapshots_makes_the_state_less_complete(
    sequence: list[tuple[set[str], list[bool], int]],
) -> None:
    stored: tuple[District, ...] | None = None
    for numbers, counted, votes in sequence:
        new = tuple(_district(n, c, votes) for n, c in zip(sorted(numbers), counted, strict=False))
        if stored is None:
            stored = new
            continue
        verdict = guard.judge(stored, new, "2025-03-30", "2025-03-30")
        if verdict.held is None:
            assert {d.number for d in new} == {d.number for d in stored}
            assert {d.number for d in stored if d.counted} <= {d.number for d in new if d.counted}
            stored = new


def test_readers_never_see_a_gap_while_a_writer_stores(isolated: Path) -> None:
    snaps = [opendata.read(p.read_text(encoding="utf-8")) for p in (PARTIAL, COMPLETE)]
    mapping = {1: "a", 2: "b"}
    store.save("race", 1, snaps[0], mapping, "x", datetime.now(timezone.utc), b"0\n")
    stop = threading.Event()
    gaps: list[int] = []

    def read() -> None:
        while not stop.is_set():
            if store.load("race", 1) is None:
                gaps.append(1)

    reader = threading.Thread(target=read)
    reader.start()
    try:
        for i in range(1, 60):
            store.save(
                "race", 1, snaps[i % 2], mapping, "x", datetime.now(timezone.utc), b"%d\n" % i
            )
    finally:
        stop.set()
        reader.join()
    assert gaps == []
    archive = isolated / "data" / "kl-wahl" / "results" / "race" / "archive"
    assert len(list(archive.glob("*.csv"))) == 60  # no writer replaced another's archive file


def test_a_second_writer_is_told(isolated: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store, "LOCK_WAIT", 0.2)
    assert _import(PARTIAL)[0] == 0
    with store.lock("wi"):
        code, err = _import(COMPLETE)
    assert (
        code == 1 and "another kl-wahl (process" in err and "is writing the results of 'wi'" in err
    )
    assert _import(COMPLETE)[0] == 0  # once the first has finished


def _first_round(tmp_path: Path) -> Path:
    """A first round of three from the runoff fixture's rows (fictional figures, like it):
    D1 and D3 keep the runoff's votes, D2 gets 150 per counted district (third place)."""
    rows = [line.rstrip("\n").split(";") for line in LINES]
    header = [*rows[0][:-2], "D1", "D2", "D3"]
    out = [";".join(header)]
    for row in rows[1:]:
        d1, d3 = row[-2], row[-1]
        counted = d1 != ""
        d2 = "150" if counted else ""
        row[1], row[0] = "Oberbürgermeisterwahl", "16.03.2025"
        if counted:
            row[header.index("D")] = str(int(d1) + 150 + int(d3))
            row[header.index("B")] = str(int(row[header.index("C")]) + int(d1) + 150 + int(d3))
        out.append(";".join([*row[:-2], d1, d2, d3]))
    return _file(tmp_path, "round-1.csv", "\n".join(out) + "\n")


def test_a_renumbered_runoff_is_mapped_right_or_refused(tmp_path: Path, isolated: Path) -> None:
    names = ["--map", "D1=Anna Alt", "--map", "D2=Bert Bunt", "--map", "D3=Cora Cyan"]
    first = run("import", str(_first_round(tmp_path)), "-e", "ob", *names)
    assert first.code == 0, first.err
    # the runoff file numbers the finalists D1 and D2: D2 is Bert Bunt's first-round number
    refused = run("import", str(COMPLETE), "-e", "ob", "--round", "2")
    assert refused.code == 2
    assert "Anna Alt – Cora Cyan" in refused.err and "--map D1=NAME --map D2=NAME" in refused.err
    assert "round 2" not in run("-e", "ob", "results").out.lower()  # nothing was written
    mapped = run(
        "import",
        str(COMPLETE),
        "-e",
        "ob",
        "--round",
        "2",
        "--map",
        "D1=anna-alt",
        "--map",
        "D2=cora-cyan",
    )
    assert mapped.code == 0, mapped.err
    rows = json.loads(run("-e", "ob", "results", "--round", "2", "-f", "json").out)
    assert [(r["name"], r["votes"], r["round_kind"]) for r in rows] == [
        ("Anna Alt", 1723, "runoff"),
        ("Cora Cyan", 1407, "runoff"),
    ]


def test_a_runoff_file_with_more_than_two_candidates_is_refused(
    tmp_path: Path, isolated: Path
) -> None:
    names = ["--map", "D1=Anna Alt", "--map", "D2=Bert Bunt", "--map", "D3=Cora Cyan"]
    assert run("import", str(_first_round(tmp_path)), "-e", "ob", *names).code == 0
    placeholder = (
        _first_round(tmp_path)
        .read_text(encoding="utf-8")
        .replace("Oberbürgermeisterwahl", "Oberbürgermeister-Stichwahl")
    )
    result = run("import", str(_file(tmp_path, "ph.csv", placeholder)), "-e", "ob", "--round", "2")
    assert result.code == 1 and "it has 3 candidate columns, a runoff has two" in result.err


def test_aggregate_and_county_files_are_named(tmp_path: Path, isolated: Path) -> None:
    ortsteile = RESULTS / "frankfurt-2023-ob-ortsteile-no-figures.csv"
    snap = opendata.read(ortsteile.read_bytes().decode("utf-8"))
    assert any("an Ortsteil or Gemeinde level file" in str(w) for w in snap.warnings)
    county = COMPLETE.read_text(encoding="utf-8").replace(";06414000;112;", ";06414001;112;")
    with pytest.raises(
        opendata.FormatError, match=r"several municipalities .* mixed with district"
    ):
        opendata.read(county)
    doubled = COMPLETE.read_text(encoding="utf-8").replace(";D1;D2", ";D1;D1", 1)
    with pytest.raises(opendata.FormatError, match="column D1 appears more than once"):
        opendata.read(doubled)


def test_no_kill_loses_the_current_round(isolated: Path) -> None:
    """kill -9 at random moments of real imports: the round file is always whole, the archive
    keeps only whole files, and no temporary file survives the next import."""
    import os
    import random
    import signal
    import subprocess
    import time

    from .conftest import entry_point

    assert _import(PARTIAL)[0] == 0
    folder = isolated / "data" / "kl-wahl" / "results" / "wi"
    rng = random.Random(3)
    env = {**os.environ}
    for i in range(30):
        source = COMPLETE if i % 2 else PARTIAL
        proc = subprocess.Popen(
            [entry_point(), "import", str(source), "-e", "wi", *NAMES, "--replace"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.0, 0.25))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        current = store.load("wi", 1)
        assert current is not None and current.counted in (3, 8)
    assert _import(COMPLETE, "--replace")[0] == 0
    assert list(folder.rglob(".*.tmp")) == []
    for archived in (folder / "archive").glob("*.json"):
        assert store.check(archived) == []


def test_total_file_check_reports_agreement(isolated: Path) -> None:
    districts = RESULTS / "vaterstetten-2020-stichwahl-stimmbezirke.csv"
    total = RESULTS / "vaterstetten-2020-stichwahl-gemeinde.csv"
    names = ["--map", "D1=A", "--map", "D5=B"]
    result = run("import", str(districts), "-e", "vst", *names, "--total", str(total))
    assert result.code == 0, result.err
    assert "Valid votes: districts 12,794 = total file 12,794" in result.err
    assert "D1: districts 6,481 = total file 6,481" in result.err
    assert "6 of 6 figures agree with the municipality's total file" in result.err
    short = districts.read_text(encoding="utf-8").splitlines(keepends=True)
    partial = isolated / "partial.csv"
    partial.write_text("".join(short[:-1]), encoding="utf-8")  # the last district missing
    result = run("import", str(partial), "-e", "vst2", *names, "--total", str(total))
    assert result.code == 0
    assert "Voters: districts 11,254, total file 12,852 (difference 1,598)" in result.err
    assert "1 of 6 figures agree" in result.err  # only the register's eligible voters


def test_warnings_stay_with_the_data(tmp_path: Path, isolated: Path) -> None:
    broken = COMPLETE.read_text(encoding="utf-8").replace(";193;139", ";193;140")
    assert _import(_file(tmp_path, "broken.csv", broken))[0] == 0
    says = "district 111 (0111 Rathaus): D1…Dn add up to 333, but D = 332"
    assert f"Check failed: {says}" in run("-e", "wi", "results").out
    assert says in run("-e", "wi").out
    document = json.loads(run("-e", "wi", "export", "all", "--format", "json").out)
    assert document["rounds"][0]["count"]["warnings"] == [says]


def test_watch_says_what_changed(serve: Serve) -> None:
    url = serve(Script([("ok", PARTIAL.read_bytes()), ("ok", COMPLETE.read_bytes())]))
    done = run_installed("watch", url, "-e", "wi", *NAMES, "--interval", "0.05")
    assert done.returncode == 0, done.stderr
    first, second = done.stdout.splitlines()
    assert "Districts 3/8" in first
    assert "Outstanding: 3 polling-station and 2 postal districts" in first
    assert "+5 districts, Gert-Uwe Mende +1.3 points" in second
    assert "runoff" not in first and "elected: Gert-Uwe Mende (preliminary)" in second


def test_a_full_disk_loses_nothing(tmp_path: Path) -> None:
    """On a real full file system (a small tmpfs; needs root, as CI has): the import fails in
    one line, and the current round and every archived file stay whole."""
    import os
    import subprocess

    from .conftest import entry_point

    disk = tmp_path / "disk"
    disk.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root (CI runs as root)")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(disk)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        env = {**os.environ, "XDG_DATA_HOME": str(disk)}

        def imported(source: Path) -> subprocess.CompletedProcess[str]:
            return subprocess.run(
                [entry_point(), "import", str(source), "-e", "wi", *NAMES, "--replace"],
                env=env,
                capture_output=True,
                text=True,
                timeout=60,
                check=False,
            )

        assert imported(COMPLETE).returncode == 0
        filler = disk / "filler"
        fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
        try:  # fill the disk to the last block
            while os.write(fd, b"x" * 4096):
                pass
        except OSError:
            pass
        finally:
            os.close(fd)
        failed = imported(PARTIAL)
        assert failed.returncode == 1 and "No space left" in failed.stderr
        assert failed.stderr.count("\n") == 1 and "Traceback" not in failed.stderr
        folder = disk / "kl-wahl" / "results" / "wi"
        current = json.loads((folder / "round-1.json").read_text(encoding="utf-8"))
        assert current["districts_counted"] == 8
        for archived in (folder / "archive").glob("*.json"):
            assert store.check(archived) == []
        filler.unlink()
        assert imported(PARTIAL).returncode == 0
        assert list(folder.rglob(".*.tmp")) == []
    finally:
        subprocess.run(["umount", str(disk)], check=False)


def test_a_runoff_only_election_reimports_without_map(isolated: Path) -> None:
    """An election made from a runoff file has no first round to be renumbered from: its own
    ballot positions map the next file of the night, no --map needed."""
    assert run("import", str(PARTIAL), "-e", "wi").code == 0  # 'Wahlvorschlag N'
    again = run("import", str(COMPLETE), "-e", "wi")
    assert again.code == 0, again.err
    assert "8 of 8 districts counted" in run("-e", "wi", "results").out


def test_a_district_file_given_as_total_is_named(isolated: Path) -> None:
    result = run("import", str(COMPLETE), "-e", "wi", *NAMES, "--total", str(COMPLETE))
    assert result.code == 1 and "is not a total file: it has 8 rows" in result.err
    german = run(
        "--lang", "de", "import", str(COMPLETE), "-e", "wi", *NAMES, "--total", str(COMPLETE)
    )
    assert "ist keine Gesamtdatei" in german.err


def test_the_same_file_with_a_new_map_is_stored(isolated: Path) -> None:
    assert run("import", str(COMPLETE), "-e", "wi", "--map", "D1=A", "--map", "D2=B").code == 0
    swapped = run("import", str(COMPLETE), "-e", "wi", "--map", "D1=b", "--map", "D2=a")
    assert swapped.code == 0 and "unchanged" not in swapped.err
    rows = json.loads(run("-e", "wi", "results", "-f", "json").out)
    assert [(r["name"], r["votes"]) for r in rows] == [("B", 1723), ("A", 1407)]
