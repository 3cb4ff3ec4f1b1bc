"""Scale: a warm query on a generated base of N figures against the same query on the bundled base; the cold
(first) run; peak memory of a warm query. Goals: warm <= 1.1x for 100,000 figures
(1.2x for 1,000,000), peak <= 100 MiB, cold run recorded (8 s for 100,000 was the first goal).

Example: python benchmarks/scale.py --figures 100000 --runs 15
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _timing import PYTHON, generated, interleaved, options, pcli_command, ratio, summary, time_once  # noqa: E402

QUERY = "poor households 2023"
PEAK = (
    "import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def main() -> int:
    args = options(runs=15, cold_runs=3)
    with tempfile.TemporaryDirectory() as tmp:
        big, env = generated(tmp, args.figures)
        cache = env["XDG_CACHE_HOME"]
        pcli = pcli_command()
        small_cmd = [*pcli, "query", QUERY, "--format", "tsv"]
        big_cmd = [*pcli, "query", QUERY, "--format", "tsv", "--facts", big]

        cold = []
        for _ in range(args.cold_runs):
            shutil.rmtree(cache, ignore_errors=True)
            cold.append(time_once(big_cmd, env))
        times = interleaved({"bundled base (warm)": small_cmd, f"{args.figures} figures (warm)": big_cmd}, args.runs, env)
        first = subprocess.run(
            [*pcli, "query", QUERY, "--format", "json", "--facts", big, "--limit", "1"], capture_output=True, text=True, env=env
        )
        answer = json.loads(first.stdout)[0]
        peaks = [
            int(subprocess.run([PYTHON, "-c", PEAK, *big_cmd], capture_output=True, text=True, env=env).stdout.strip()) / 1024
            for _ in range(3)
        ]
    for name, samples in times.items():
        print(summary(name, samples))
    print(summary(f"{args.figures} figures (cold)", cold))
    small, large = times["bundled base (warm)"], times[f"{args.figures} figures (warm)"]
    print(f"warm {args.figures} / warm bundled: {ratio(large, small):.2f}x  (goal <= {1.1 if args.figures <= 100_000 else 1.2}x)")
    print(f"cold run: median {statistics.median(cold):.2f} s, max {max(cold):.2f} s  (recorded)")
    print(f"peak memory of a warm query: {max(peaks):.0f} MiB  (goal <= 100 MiB)")
    print(f"first answer on the big base: {answer['id']} = {answer['value']} ({answer['place']})")
    return 0 if answer["id"] == "poor-households-2023" else 1


if __name__ == "__main__":
    sys.exit(main())
