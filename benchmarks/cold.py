"""Cold load: the first `pcli query` on a generated base of N figures (no cache yet: TOML read, checked, indexed and
cached) against Python's tomllib only parsing the same file, interleaved. Goal: at most 0.8x.

Example: python benchmarks/cold.py --figures 100000 --runs 5
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _timing import PYTHON, generated, options, pcli_command, ratio, summary, time_once  # noqa: E402

PARSE = "import sys, tomllib; tomllib.load(open(sys.argv[1], 'rb'))"


def main() -> int:
    args = options(runs=5)
    with tempfile.TemporaryDirectory() as tmp:
        big, env = generated(tmp, args.figures)
        cache = env["XDG_CACHE_HOME"]
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
