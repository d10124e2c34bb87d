"""Benchmark: ratios against baselines measured in the same run (not a timed test).

    python bench/bench.py            # after `pip install .`; prints a Markdown table

Measures the median wall time of whole processes, each preceded by warm-up runs:
- every full command (overview, candidates, results, candidate NAME, events, countdown, a CSV
  export, --help, --version) vs `python -c "import typer"` in the same environment: the floor of
  any Typer CLI (target: at most 1.3x);
- `kl-wahl countdown --prompt` and `kl-wahl shell-init bash` (fast path, warm cache) vs
  `python -c "import re"`, the floor of any pip-generated console script (the wrapper pip writes
  imports `re` before it calls kl-wahl; targets 1.10x and 1.2x);
- kl-wahl's own part of a prompt, and the per-call cost of `_kl_wahl_update` (the bash hook);
- an imported count of 250 and of 1,000 districts × 10 candidates (a synthetic file written
  here): `results --districts` drawn by Rich (FORCE_COLOR, as on a terminal) vs the same view
  piped (target: at most 1.5x at any size), and the round view `results` vs `kl-wahl
  candidates` (target: at most 1.3x).
Output is piped, as in scripts, except where a row says Rich.
"""

from __future__ import annotations

import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = int(os.environ.get("BENCH_RUNS", "40"))
WARMUP = 5


def medians_ms(
    commands: dict[str, list[str]],
    env: dict[str, str],
    envs: dict[str, dict[str, str]] | None = None,
) -> dict[str, float]:
    """Median wall time per command (`envs` adds variables per command); runs are interleaved so
    that drift hits all commands alike."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for round_no in range(WARMUP + RUNS):
        for name, cmd in commands.items():
            start = time.perf_counter()
            subprocess.run(
                cmd,
                env={**env, **(envs or {}).get(name, {})},
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                check=True,
            )
            if round_no >= WARMUP:
                times[name].append((time.perf_counter() - start) * 1000)
    return {name: statistics.median(values) for name, values in times.items()}


OWN_PART = """\
import os, re, time  # re (and what it loads): imported by the console-script wrapper first
start = time.perf_counter()
from kl_wahl.fast.answer import run_fast
run_fast(["countdown", "--prompt"], os.environ)
print((time.perf_counter() - start) * 1000)
"""


def own_part_ms(env: dict[str, str]) -> float:
    """kl-wahl's own share of a prompt (import and answer), timed inside a fresh interpreter."""
    cmd = [sys.executable, "-c", OWN_PART]
    runs = [
        float(subprocess.run(cmd, env=env, capture_output=True, text=True, check=True).stdout)
        for _ in range(RUNS)
    ]
    return statistics.median(runs)


def bash_hook_us(env: dict[str, str], calls: int = 2000) -> float:
    snippet = subprocess.run(
        [KL, "shell-init", "bash"], env=env, capture_output=True, text=True, check=True
    ).stdout
    loop = f"for ((i = 0; i < {calls}; i++)); do _kl_wahl_update; done"
    empty = f"for ((i = 0; i < {calls}; i++)); do :; done"

    def timed(body: str) -> float:
        script = f'eval "$1"\nstart=$EPOCHREALTIME\n{body}\nend=$EPOCHREALTIME\necho "$start $end"'
        out = subprocess.run(
            ["bash", "--noprofile", "--norc", "-c", script, "bench", snippet],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        start, end = (float(x.replace(",", ".")) for x in out.split())
        return end - start

    return (min(timed(loop) for _ in range(5)) - min(timed(empty) for _ in range(5))) / calls * 1e6


FULL_COMMANDS = [
    (f"`kl-wahl {' '.join(args)}`".replace("`kl-wahl `", "`kl-wahl`"), args)
    for args in (
        [],
        ["candidates"],
        ["results"],
        ["candidate", "kimmel"],
        ["events"],
        ["countdown"],
        ["candidates", "--format", "csv"],
        ["--help"],
        ["--version"],
    )
]
KL = shutil.which("kl-wahl") or str(Path(sys.executable).parent / "kl-wahl")
CANDIDATES = 10


def district_file(districts: int) -> str:
    """A synthetic, internally consistent Open Data file (fictional figures)."""
    header = "datum;wahl;ags;gebiet-nr;gebiet-name;max-schnellmeldungen;anz-schnellmeldungen;"
    header += "A;B;C;D;" + ";".join(f"D{i}" for i in range(1, CANDIDATES + 1))
    rows = [header]
    for n in range(1, districts + 1):
        votes = [(n * 7 + i * 13) % 90 + 10 for i in range(CANDIDATES)]
        valid = sum(votes)
        rows.append(
            f"12.02.2023;Oberbürgermeisterwahl;07312000;{n};Stimmbezirk {n};1;1;"
            f"{valid * 3};{valid + 5};5;{valid};" + ";".join(map(str, votes))
        )
    return "\n".join(rows) + "\n"


def imported(env: dict[str, str], home: str, districts: int) -> str:
    """Import a synthetic file as a new election; its id."""
    path = Path(home) / f"districts-{districts}.csv"
    path.write_text(district_file(districts), encoding="utf-8")
    election = f"bench-{districts}"
    maps = [a for i in range(1, CANDIDATES + 1) for a in ("--map", f"D{i}=Candidate {i}")]
    subprocess.run(
        [KL, "import", str(path), "-e", election, *maps],
        env=env,
        capture_output=True,
        check=True,
    )
    return election


def main() -> None:
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ)
        for sub in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
            env[sub] = str(Path(home) / sub)
        subprocess.run(
            [KL, "candidates"], env=env, stdout=subprocess.DEVNULL, check=True
        )  # writes the snapshot
        py = sys.executable
        subprocess.run([KL, "shell-init", "bash"], env=env, stdout=subprocess.DEVNULL, check=True)
        counts: dict[str, list[str]] = {}
        rich: dict[str, dict[str, str]] = {}
        for size in (250, 1000):
            election = imported(env, home, size)
            view = [KL, "-e", election, "results", "--districts"]
            counts[f"piped {size}"] = view
            counts[f"rich {size}"] = view
            rich[f"rich {size}"] = {"FORCE_COLOR": "1", "COLUMNS": "100"}
        counts["round 250"] = [KL, "-e", "bench-250", "results"]
        m = medians_ms(
            {
                "typer": [py, "-c", "import typer"],
                "re": [py, "-c", "import re"],
                **{label: [KL, *args] for label, args in FULL_COMMANDS},
                "`kl-wahl countdown --prompt`": [KL, "countdown", "--prompt"],
                "`kl-wahl shell-init bash`": [KL, "shell-init", "bash"],
                **counts,
            },
            env,
            rich,
        )
        own = own_part_ms(env)
        hook = bash_hook_us(env)
    rows = [(label, label, "`python -c 'import typer'`", "typer") for label, _ in FULL_COMMANDS]
    rows += [
        (label, label, "`python -c 'import re'`", "re")
        for label in ("`kl-wahl countdown --prompt`", "`kl-wahl shell-init bash`")
    ]
    for size in (250, 1000):
        rows.append(
            (
                f"`results --districts`, {size:,} districts × {CANDIDATES}, Rich (terminal)",
                f"rich {size}",
                "the same view piped",
                f"piped {size}",
            )
        )
    rows.append(
        (
            "`results` of the 250-district import (round view)",
            "round 250",
            "`kl-wahl candidates`",
            "`kl-wahl candidates`",
        )
    )
    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, Python {platform.python_version()}; median of {RUNS} interleaved runs\n"
    )
    print("| measurement | median | baseline | ratio |")
    print("|---|---:|---|---:|")
    for label, key, base_label, base in rows:
        print(
            f"| {label} | {m[key]:.1f} ms | {base_label} {m[base]:.1f} ms | {m[key] / m[base]:.2f}× |"
        )
    print(
        f"| kl-wahl's own part of a prompt (import + answer, in process) | {own:.1f} ms | – | – |"
    )
    print(f"| bash prompt hook `_kl_wahl_update` | {hook:.0f} µs per prompt | no process | – |")


if __name__ == "__main__":
    main()
