"""The command line: `app` (the commands, pcli/cli/app.py) and `main` (the entry point)."""

import os
import sys

import typer

from pcli.cli.app import app
from pcli.cli.options import _GLOBAL_OPTIONS

__all__ = ["app", "main"]


def main() -> None:
    # A closed stdout or stderr (`pcli show >&-`) is None in Python: write into the void rather than crash.
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w")  # noqa: SIM115
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", "") or "").lower().replace("-", "")
        if encoding and encoding != "utf8" and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    try:
        _app_for(sys.argv[1:])()
    finally:
        # Python's last garbage collection at exit walks every object Typer and Click created (7-10 ms,
        # benchmarks/README.md) to free memory the process is about to give back anyway. Freezing them first
        # skips that walk; files are flushed and databases closed explicitly, not by the collector.
        import gc

        gc.freeze()


def _app_for(args: list[str]) -> typer.Typer:
    """The app with only the command being run, when one is named: Typer builds a Click command for every
    command it has, on every run, and pcli's start-up is measured. Help and errors for the whole app are
    unchanged: without a known command name, the whole app runs."""
    import copy

    values = {i + 1 for i, arg in enumerate(args) if arg in _GLOBAL_OPTIONS}  # `pcli --lang vi query …`
    name = next((arg for i, arg in enumerate(args) if not arg.startswith("-") and i not in values), None)
    chosen = [
        info for info in app.registered_commands if info.callback is not None and (info.name or info.callback.__name__) == name
    ]
    if not chosen or os.environ.get("_PCLI_COMPLETE"):
        return app
    single = copy.copy(app)
    single.registered_commands = chosen
    return single
