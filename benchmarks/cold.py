"""Cold load: the first `pcli query` on a generated base of N figures (no cache yet: TOML read, checked, indexed and
cached) against Python's tomllib only parsing the same file, interleaved. Goal: at most 0.8x.

Example: python benchmarks/cold.py --figures 100000 --runs 5
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _timing import PYTHON, pcli_command, ratio, summary, time_once  # noqa: E402
from make_facts import generate  # noqa: E402

PARSE = "import sys, tomllib; tomllib.load(open(sys.argv[1], 'rb'))"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--figures", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        big = os.path.join(tmp, "big.toml")
        with open(big, "w", encoding="utf-8") as handle:
            handle.write(generate(args.figures, 1))
        cache = os.path.join(tmp, "cache")
        env = {**os.environ, "XDG_CACHE_HOME": cache}
        cold, parse = [], []
        for _ in range(args.runs):
            shutil.rmtree(cache, ignore_errors=True)
            cold.append(time_once([*pcli_command(), "query", "poor households 2023", "--facts", big], env))
            parse.append(time_once([PYTHON, "-c", PARSE, big], env))
    print(summary(f"pcli cold, {args.figures} figures", cold))
    print(summary("tomllib parse only", parse))
    print(f"pcli cold / tomllib parse: {ratio(cold, parse):.2f}x  (goal <= 0.8x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
