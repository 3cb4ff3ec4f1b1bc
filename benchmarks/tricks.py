"""What each start-up trick is worth: `pcli query ... --format tsv` on the bundled base, its cache warm, run as
shipped and with one trick undone at a time, interleaved, medians. Then, in fresh processes, what interning a
base's repeated words saves in memory on a generated base, and what the loader's `__class__ is str` test saves
against `isinstance` per value checked.

Example: python benchmarks/tricks.py --runs 20 --figures 20000
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import timeit

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _timing import PYTHON, compiled, generated, interleaved, options, summary  # noqa: E402

# pcli's entry point (pcli.cli.main) with one trick undone, named by the first argument.
WRAP = """
import gc, sys
undo = sys.argv.pop(1)
if undo == "collector":  # the collector on while Typer and the command line are imported
    gc.disable = lambda: None
elif undo == "freeze":  # and nothing frozen either: Python's last collection walks every object at exit
    gc.disable = gc.freeze = lambda: None
gc.disable()
import pcli.cli.options as options
if undo == "app_for":  # Typer builds a Click command for every command, not only the one run
    options.app_for = lambda app, args: app
elif undo == "lazy":  # every module of pcli imported at start, as if no import were made inside a function
    import importlib, pkgutil, pcli
    for module in pkgutil.walk_packages(pcli.__path__, "pcli."):
        try:
            importlib.import_module(module.name)
        except ImportError:  # an optional extra (charts) that is not installed
            pass
sys.argv[0] = "pcli"
from pcli.cli import main
main()
"""
UNDONE = {
    "as shipped": "none",
    "collector on during imports": "collector",
    "no gc trick at all": "freeze",
    "every command built (no app_for)": "app_for",
    "every module imported (no lazy imports)": "lazy",
}

# The memory a loaded base holds, with the loader's interning of repeated words or without it.
HELD = """
import sys, tracemalloc
from pcli.base import loader
if sys.argv[2] == "off":
    loader.intern = lambda text: text
tracemalloc.start()
base = loader.load(sys.argv[1])
print(tracemalloc.get_traced_memory()[0], len(base.figures))
"""


def startup(runs: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        env = compiled({**os.environ, "XDG_CACHE_HOME": os.path.join(tmp, "cache")})  # from bytecode, as installed
        query = ["query", "poor households 2023", "--format", "tsv"]
        commands = {name: [PYTHON, "-c", WRAP, undo, *query] for name, undo in UNDONE.items()}
        times = interleaved(commands, runs, env)
    shipped = sorted(times["as shipped"])[len(times["as shipped"]) // 2]
    for name, samples in times.items():
        median = sorted(samples)[len(samples) // 2]
        print(f"{name:<40} {summary('', samples).strip()}  {(median - shipped) * 1000:+.1f} ms")


def interning(figures: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        big, env = generated(tmp, figures)
        for mode in ("on", "off"):
            out = subprocess.run([PYTHON, "-c", HELD, big, mode], capture_output=True, text=True, env=env, check=True)
            held, count = (int(x) for x in out.stdout.split())
            print(f"interning {mode:3}: {count:,} figures hold {held / 2**20:.1f} MiB ({held / count:.0f} bytes a figure)")


# Typer's Click objects for the whole app against the one command app_for keeps, in process, best of 30.
BUILD = """
import time, typer.main
from pcli.cli.app import app
from pcli.cli.options import app_for
for name, make in (("every command", lambda: app), ("the one run (app_for)", lambda: app_for(app, ["query", "x"]))):
    best = float("inf")
    for _ in range(30):
        start = time.perf_counter()
        typer.main.get_command(make())
        best = min(best, time.perf_counter() - start)
    print(f"Click objects built for {name:22} {best * 1000:5.2f} ms")
"""


def click_build() -> None:
    print(subprocess.run([PYTHON, "-c", BUILD], capture_output=True, text=True, check=True).stdout, end="")


def class_test() -> None:
    setup = "value = 'poor_households'"
    number = 2_000_000
    for stmt in ("value.__class__ is str", "isinstance(value, str)"):
        best = min(timeit.repeat(stmt, setup, number=number, repeat=5)) / number
        print(f"{stmt:24} {best * 1e9:5.1f} ns a value")


def main() -> int:
    args = options(runs=20)  # --figures: the generated base of the interning measure (100,000 by default)
    startup(args.runs)
    click_build()
    interning(args.figures)
    class_test()
    return 0


if __name__ == "__main__":
    sys.exit(main())
