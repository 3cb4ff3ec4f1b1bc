"""The command line: the commands are in pcli/cli/app.py; `main` is the entry point. Importing this package
imports nothing else, so that `main` decides how start-up runs."""

import gc
import os
import sys

__all__ = ["main"]


def _ended_by(signum: int, frame: object) -> None:
    """SIGTERM or SIGHUP: leave as Python leaves on Ctrl-C, through every `finally` (a temporary file of a write
    under way is removed), with the status a shell reports for the signal."""
    raise SystemExit(128 + signum)


def main() -> None:
    import signal

    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, _ended_by)
    # A closed stdin, stdout or stderr (`pcli show >&-`) is None in Python. Output that cannot be written is an
    # error said on stderr (exit 2), input that cannot be read too; a closed stderr is written into the void.
    if sys.stdout is None:
        from pcli.cli.closed import ClosedOutput

        sys.stdout = ClosedOutput()
    if sys.stdin is None:
        from pcli.cli.closed import ClosedInput

        sys.stdin = ClosedInput()
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w")  # noqa: SIM115
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", "") or "").lower().replace("-", "")
        if encoding and encoding != "utf8" and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    # Importing Typer, Click and pcli's command line makes objects that all live until the process ends; the
    # garbage collector would walk them again and again while they are made. It is off while they are imported,
    # and they are frozen out of its sight before the command runs with it on (what it is worth: benchmarks/
    # README.md, "Start-up tricks").
    gc.disable()
    try:
        from pcli.cli.app import app
        from pcli.cli.options import app_for
    finally:
        gc.freeze()
        gc.enable()
    try:
        app_for(app, sys.argv[1:])()
    finally:
        # Python's last garbage collection at exit walks every object Typer and Click created to free memory the
        # process is about to give back anyway. Freezing them first skips that walk; files are flushed and
        # databases closed explicitly, not by the collector.
        gc.freeze()
