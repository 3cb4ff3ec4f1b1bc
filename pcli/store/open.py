"""Opening a fact base for a command: from the cache when it can be trusted, else from its TOML."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager

from pcli.base.locate import facts_paths
from pcli.store.sqlite import Store

Slow = Callable[[str], AbstractContextManager[None]]


def open_store(path: str | None, slow: Slow | None = None) -> Store:
    """A store for the base; `slow(message)` wraps a load from TOML (a progress indicator, say)."""
    from pcli.store.cache import open_cached

    return open_cached(facts_paths(path), slow)  # one or several bases, read as one
