"""Which fact base to open, and opening it."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from pcli.base.model import FactBase

if TYPE_CHECKING:
    from pcli.store.memory import Store

ENV_FACTS = "PCLI_FACTS"


def bundled_path() -> str:
    """facts.toml inside the installed package, or at the root of a source checkout."""
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # the pcli package
    packaged = os.path.join(here, "facts.toml")
    if os.path.exists(packaged):
        return packaged
    return os.path.join(os.path.dirname(here), "facts.toml")


def facts_path(path: str | None) -> str:
    """--facts wins, then $PCLI_FACTS, then the bundled base."""
    return path or os.environ.get(ENV_FACTS) or bundled_path()


def open_base(path: str | None) -> FactBase:
    """The whole base, from the cache when it is current."""
    store = open_store(path)
    full = getattr(store, "full_base", None)
    return full() if full else store.base


def open_store(path: str | None) -> Store:
    from pcli.store.sqlite import open_cached

    return open_cached(facts_path(path))
