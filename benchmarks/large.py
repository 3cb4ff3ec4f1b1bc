"""Every command on a generated base of N figures (a million by default): the time and peak memory of each, as a
whole process, the first run (no cache) and then the rest with the cache warm. Goals: a warm query at most 1.2x
the same query on the bundled base, validate's peak at most 1 GiB; the rest recorded (benchmarks/README.md,
"A million figures").

Example: python benchmarks/large.py --figures 1000000
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _timing import PYTHON, generated, options, pcli_command  # noqa: E402

# Runs a command in a child and prints its wall time and the child's peak resident memory (KiB on Linux).
MEASURE = (
    "import resource, subprocess, sys, time; t = time.perf_counter(); "
    "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode; "
    "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code)"
)
QUERY = "poor households 2023"


def measure(cmd: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """(seconds, peak MiB, exit code) of one run of a command."""
    out = subprocess.run([PYTHON, "-c", MEASURE, *cmd], capture_output=True, text=True, env=env, check=True).stdout
    seconds, kib, code = out.split()
    return float(seconds), int(kib) / 1024, int(code)


def main() -> int:
    args = options(runs=5)
    pcli = pcli_command()
    with tempfile.TemporaryDirectory() as tmp:
        big, env = generated(tmp, args.figures)
        on = ["--facts", big]
        out = os.path.join(tmp, "out")
        commands = {
            "first run (cold: read, check, cache)": [*pcli, "query", QUERY, *on],
            "get one figure": [*pcli, "get", "poor-households-2023", *on],
            "query 1900-2099 (a range over everything)": [*pcli, "query", "1900-2099", *on],
            "compare 2022 2024": [*pcli, "compare", "2022", "2024", *on],
            "compare 1990 1995 (a miss)": [*pcli, "compare", "1990", "1995", *on],
            "list indicators": [*pcli, "list", "indicators", *on],
            "get gen-12345x (a miss: did you mean)": [*pcli, "get", "gen-12345x", *on],
            "trend poor_households": [*pcli, "trend", "poor_households", *on],
            "validate": [*pcli, "validate", *on],
            "export --format json": [*pcli, "export", "-f", "json", "-o", f"{out}.json", *on],
            "export --format sqlite": [*pcli, "export", "-f", "sqlite", "-o", f"{out}.db", *on],
            "export --format csv -o folder/": [*pcli, "export", "-f", "csv", "-o", f"{out}-csv", *on],
            "show into a pipe": [*pcli, "show", *on],
        }
        results = {name: measure(cmd, env) for name, cmd in commands.items()}
        warm = {"bundled base": [*pcli, "query", QUERY], f"{args.figures} figures": [*pcli, "query", QUERY, *on]}
        samples: dict[str, list[tuple[float, float, int]]] = {name: [] for name in warm}
        for cmd in warm.values():  # the bundled base's cache is made here, not timed
            measure(cmd, env)
        for _ in range(args.runs):
            for name, cmd in warm.items():
                samples[name].append(measure(cmd, env))
    for name, (seconds, peak, code) in results.items():
        print(f"{name:<44} {seconds:8.2f} s  {peak:7.0f} MiB  exit {code}")
    for name, runs in samples.items():
        times = [s for s, _, _ in runs]
        print(f"warm query, {name:<32} {statistics.median(times):8.3f} s  (min {min(times):.3f}, max {max(times):.3f}, "
              f"n={len(times)})  {max(p for _, p, _ in runs):.0f} MiB")  # fmt: skip
    small, large = (statistics.median(s for s, _, _ in runs) for runs in samples.values())
    print(f"warm {args.figures} / warm bundled: {large / small:.2f}x  (goal <= 1.2x)")
    print(f"validate's peak memory: {results['validate'][1]:.0f} MiB  (goal <= 1024 MiB)")
    failed = [name for name, (_, _, code) in results.items() if code not in (0, 1)]
    if failed:
        print(f"failed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
