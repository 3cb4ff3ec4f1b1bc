"""Which fact base file to open: --facts, then $PCLI_FACTS, then the bundled one."""

from __future__ import annotations

import os

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
