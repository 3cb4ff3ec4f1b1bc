"""A spinner on stderr for loads that take more than half a second, and only on a terminal; it never touches
stdout, whatever stdout is."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from pcli.text import safe


@contextmanager
def slow(message: str, delay: float = 0.5) -> Iterator[None]:
    if not sys.stderr.isatty():
        yield
        return
    lock = threading.Lock()
    state: dict[str, Any] = {"done": False}

    def start() -> None:
        from rich.console import Console
        from rich.live import Live
        from rich.spinner import Spinner
        from rich.text import Text

        with lock:
            if not state["done"]:
                # Rich's Status would take over stdout (redirect_stdout) and draw the data written meanwhile on
                # the terminal instead of into the file stdout is: the spinner only ever draws on stderr.
                console = Console(stderr=True, markup=False, highlight=False)
                state["status"] = Live(Spinner("dots", Text(safe(message))), console=console, transient=True,
                                       redirect_stdout=False, redirect_stderr=False, refresh_per_second=12.5)  # fmt: skip
                state["status"].start()

    timer = threading.Timer(delay, start)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
        with lock:
            state["done"] = True
            if "status" in state:
                state["status"].stop()
