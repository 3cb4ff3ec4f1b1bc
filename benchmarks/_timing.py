"""Shared timing helpers: interleaved runs, medians, min-max."""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence

PYTHON = sys.executable

# The framework's floor: a one-command Typer app that takes a query and prints it.
BARE = """import typer

app = typer.Typer()


@app.command()
def main(text: str, format: str = "tsv") -> None:
    print(text)


if __name__ == "__main__":
    app()
"""


def pcli_command() -> list[str]:
    script = os.path.join(os.path.dirname(PYTHON), "pcli")
    return [script] if os.path.exists(script) else [PYTHON, "-m", "pcli"]


def time_once(cmd: Sequence[str], env: dict[str, str] | None = None) -> float:
    return run_once(cmd, env)[0]


def run_once(cmd: Sequence[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Seconds of wall-clock time and of CPU time (user and system) one run of the command takes. On a shared
    machine the CPU time is the steadier of the two: waiting for a core is not counted."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, env=env)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}): {proc.stderr.decode()[-300:]}")
    return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def interleaved(
    commands: Mapping[str, Sequence[str]],
    runs: int,
    env: dict[str, str] | None = None,
    cpu: dict[str, list[float]] | None = None,
) -> dict[str, list[float]]:
    """Each command run in turn, `runs` times after one warm-up: wall-clock seconds by name (and CPU seconds
    into `cpu`, when given)."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for cmd in commands.values():  # one warm-up each
        time_once(cmd, env)
    for _ in range(runs):
        for name, cmd in commands.items():
            wall, used = run_once(cmd, env)
            times[name].append(wall)
            if cpu is not None:
                cpu.setdefault(name, []).append(used)
    return times


def instructions(cmd: Sequence[str], env: dict[str, str] | None = None) -> int:
    """The instructions one run of the command executes, counted by valgrind's callgrind: the same from run to
    run whatever else the machine is doing (a wall-clock ratio on a shared machine moves by a tenth)."""
    import re
    import shutil

    if shutil.which("valgrind") is None:
        raise SystemExit("--instructions needs valgrind (apt-get install valgrind)")
    proc = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *cmd], capture_output=True, env=env)
    found = re.search(rb"Collected : (\d+)", proc.stderr)
    if proc.returncode not in (0, 1) or found is None:
        raise SystemExit(f"{' '.join(cmd)} failed under valgrind ({proc.returncode}): {proc.stderr.decode()[-300:]}")
    return int(found[1])


def compiled(env: Mapping[str, str]) -> dict[str, str]:
    """An environment in which pcli runs from its bytecode, as an installed pcli does: with
    PYTHONDONTWRITEBYTECODE set (as on some shared machines), a checkout installed in editable mode would
    compile every one of its modules on every run and measure the compiler."""
    import compileall

    import pcli

    compileall.compile_dir(os.path.dirname(pcli.__file__), quiet=1)
    return {name: value for name, value in env.items() if name != "PYTHONDONTWRITEBYTECODE"}


def load() -> str:
    """How busy the machine was: its load averages over 1, 5 and 15 minutes, and its cores."""
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f}, {five:.2f}, {fifteen:.2f} on {os.cpu_count()} cores"


def summary(name: str, samples: list[float]) -> str:
    return (
        f"{name:<28} median {statistics.median(samples) * 1000:8.1f} ms  (min {min(samples) * 1000:.1f}, "
        f"max {max(samples) * 1000:.1f}, n={len(samples)})"
    )


def ratio(a: list[float], b: list[float]) -> float:
    return statistics.median(a) / statistics.median(b)


def options(runs: int, **more: int) -> argparse.Namespace:
    """The options every benchmark takes: --figures, --runs, and its own."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--figures", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=runs)
    for name, default in more.items():
        parser.add_argument(f"--{name.replace('_', '-')}", type=int, default=default)
    return parser.parse_args()


def generated(folder: str, figures: int) -> tuple[str, dict[str, str]]:
    """A generated base of that many figures in folder, and an environment whose cache lives there too."""
    from make_facts import generate

    big = os.path.join(folder, "big.toml")
    with open(big, "w", encoding="utf-8") as handle:
        handle.write(generate(figures, 1))
    return big, {**os.environ, "XDG_CACHE_HOME": os.path.join(folder, "cache")}
