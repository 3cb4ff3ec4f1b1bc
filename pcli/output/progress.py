"""A spinner on stderr for loads that take more than half a second, and only on a terminal."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


@contextmanager
def slow(message: str, delay: float = 0.5) -> Iterator[None]:
    if not sys.stderr.isatty():
        yield
        return
    lock = threading.Lock()
    state: dict[str, Any] = {"done": False}

    def start() -> None:
        from rich.console import Console

        with lock:
            if not state["done"]:
                state["status"] = Console(stderr=True, markup=False, highlight=False).status(message)
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
