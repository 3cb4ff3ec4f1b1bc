"""`show` on a terminal with a large base: how long before the pager receives its first screen, how long until
it has everything, and pcli's peak memory. pcli runs on a pseudo-terminal with the cache warm; the pager is a
small script that notes when its first bytes and its last arrive. Goal: the first screen within a second.

Example: python benchmarks/pager.py --figures 100000
"""

from __future__ import annotations

import os
import pty
import resource
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _timing import PYTHON, generated, options, pcli_command  # noqa: E402

PAGER = """import sys, time
first = sys.stdin.buffer.read(2000)
mark = time.time()
size = len(first) + sum(len(chunk) for chunk in iter(lambda: sys.stdin.buffer.read(1 << 16), b""))
print(mark, time.time(), size, file=open(sys.argv[1], "w"))
"""


def once(big: str, env: dict[str, str], folder: str) -> tuple[float, float, float]:
    """(seconds to the first screen, seconds to the end, pcli's peak MiB) of one `pcli show` on a terminal."""
    pager, marks = os.path.join(folder, "pager.py"), os.path.join(folder, "marks")
    with open(pager, "w", encoding="utf-8") as handle:
        handle.write(PAGER)
    master, slave = pty.openpty()
    run_env = {**env, "PAGER": f"{PYTHON} {pager} {marks}", "COLUMNS": "100", "TERM": "xterm-256color"}
    start = time.time()
    proc = subprocess.Popen([*pcli_command(), "show", "--facts", big], stdin=slave, stdout=slave, stderr=slave, env=run_env)
    os.close(slave)
    while True:
        try:
            if not os.read(master, 65536):
                break
        except OSError:
            break
    proc.wait()
    os.close(master)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    with open(marks, encoding="utf-8") as handle:
        first, last, _ = (float(x) for x in handle.read().split())
    return first - start, last - start, peak


def main() -> int:
    args = options(runs=1)
    with tempfile.TemporaryDirectory() as folder:
        big, env = generated(folder, args.figures)
        subprocess.run([*pcli_command(), "list", "units", "--facts", big], env=env, capture_output=True, check=True)
        for _ in range(args.runs):
            first, last, peak = once(big, env, folder)
            print(f"show on a terminal, {args.figures:,} figures: first screen {first:.2f} s, all {last:.1f} s, "
                  f"peak {peak:.0f} MiB (the largest child so far)")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
