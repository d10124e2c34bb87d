"""Benchmark: ratios against baselines measured in the same run (not a timed test).

    python bench/bench.py            # after `pip install .`; prints a Markdown table

Measures the median wall time of whole processes, each preceded by warm-up runs:
- `kl-wahl countdown --prompt` (fast path, warm snapshot) vs `python3 -c pass`,
  and vs `python3 -c "import re"`, which is the floor of any pip-generated console script
  (the wrapper pip writes imports `re` before it calls kl-wahl);
- `python -m kl_wahl countdown --prompt` vs `python3 -c pass` (no wrapper);
- `kl-wahl candidates` vs `python3 -c "import typer, rich.table"`;
- the per-call cost of `_kl_wahl_update` (what the bash prompt hook runs) in microseconds.
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


def median_ms(cmd: list[str], env: dict[str, str]) -> float:
    for _ in range(WARMUP):
        subprocess.run(
            cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True
        )
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(
            cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True
        )
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


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


KL = shutil.which("kl-wahl") or str(Path(sys.executable).parent / "kl-wahl")


def main() -> None:
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ)
        for sub in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
            env[sub] = str(Path(home) / sub)
        subprocess.run(
            [KL, "candidates"], env=env, stdout=subprocess.DEVNULL, check=True
        )  # snapshot
        py = sys.executable
        base = median_ms([py, "-c", "pass"], env)
        wrapper_floor = median_ms([py, "-c", "import re"], env)
        prompt = median_ms([KL, "countdown", "--prompt"], env)
        prompt_m = median_ms([py, "-m", "kl_wahl", "countdown", "--prompt"], env)
        typer_rich = median_ms([py, "-c", "import typer, rich.table"], env)
        candidates = median_ms([KL, "candidates"], env)
        hook = bash_hook_us(env)
    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, Python {platform.python_version()}; median of {RUNS} runs\n"
    )
    print("| measurement | median | baseline | ratio |")
    print("|---|---:|---|---:|")
    print(
        f"| `kl-wahl countdown --prompt` | {prompt:.1f} ms | `python3 -c pass` {base:.1f} ms | {prompt / base:.2f}× |"
    )
    print(
        f"| `kl-wahl countdown --prompt` | {prompt:.1f} ms | `python3 -c 'import re'` (console-script floor) {wrapper_floor:.1f} ms | {prompt / wrapper_floor:.2f}× |"
    )
    print(
        f"| `python3 -m kl_wahl countdown --prompt` | {prompt_m:.1f} ms | `python3 -c pass` {base:.1f} ms | {prompt_m / base:.2f}× |"
    )
    print(
        f"| `kl-wahl candidates` | {candidates:.1f} ms | `python3 -c 'import typer, rich.table'` {typer_rich:.1f} ms | {candidates / typer_rich:.2f}× |"
    )
    print(f"| bash prompt hook `_kl_wahl_update` | {hook:.0f} µs per prompt | no process | – |")


if __name__ == "__main__":
    main()
