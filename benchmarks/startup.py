"""Start-up: `pcli query ... --format tsv` on the bundled base, piped, against a bare one-command Typer app
and `python -c pass`, interleaved, medians. Goal: at most 1.10x the bare app and 6.5x python -c pass.

--instructions also counts the instructions of one run of each under valgrind (callgrind), which load does not
move: the ratio of counts is the repeatable figure on a shared machine (it runs slower than the wall-clock one
falls, as a process's fixed costs, its start and its pages, are not instructions).

Example: python benchmarks/startup.py --runs 30 --instructions
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _timing import BARE, PYTHON, compiled, instructions, interleaved, pcli_command, ratio, summary  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--instructions", action="store_true", help="also count instructions under valgrind")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        bare = os.path.join(tmp, "bare.py")
        with open(bare, "w") as handle:
            handle.write(BARE)
        env = compiled({**os.environ, "XDG_CACHE_HOME": os.path.join(tmp, "cache")})  # from bytecode, as installed
        commands = {
            "python -c pass": [PYTHON, "-c", "pass"],
            "bare typer app": [PYTHON, bare, "poor households 2023", "--format", "tsv"],
            "pcli query (warm cache)": [*pcli_command(), "query", "poor households 2023", "--format", "tsv"],
        }
        times = interleaved(commands, args.runs, env)
        counts = {name: instructions(cmd, env) for name, cmd in commands.items()} if args.instructions else {}
    for name, samples in times.items():
        print(summary(name, samples))
    pcli, bare_app, python = times["pcli query (warm cache)"], times["bare typer app"], times["python -c pass"]
    print(f"pcli / bare typer app:  {ratio(pcli, bare_app):.2f}x  (goal <= 1.10x)")
    print(f"pcli / python -c pass:  {ratio(pcli, python):.2f}x  (goal <= 6.5x)")
    print(f"bare typer app / python -c pass: {ratio(bare_app, python):.2f}x")
    if counts:
        for name, count in counts.items():
            print(f"{name:<28} {count / 1e6:8.1f} million instructions")
        pcli_count, bare_count = counts["pcli query (warm cache)"], counts["bare typer app"]
        print(f"instructions, pcli / bare typer app:  {pcli_count / bare_count:.3f}x")
        print(f"instructions, pcli / python -c pass:  {pcli_count / counts['python -c pass']:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
