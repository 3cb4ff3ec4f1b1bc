"""Which fact base file to open: --facts, then $PCLI_FACTS, then the bundled one."""

from __future__ import annotations

import os
import stat

ENV_FACTS = "PCLI_FACTS"


def bundled_path() -> str:
    """facts.toml inside the installed package, or at the root of a source checkout."""
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # the pcli package
    packaged = os.path.join(here, "facts.toml")
    if os.path.exists(packaged):
        return packaged
    return os.path.join(os.path.dirname(here), "facts.toml")


def facts_path(path: str | None) -> str:
    """--facts wins, then $PCLI_FACTS, then the bundled base. A device or a FIFO (/dev/zero, a named pipe) is
    refused before it is opened: reading one would never end."""
    chosen = path or os.environ.get(ENV_FACTS) or bundled_path()
    try:
        mode = os.stat(chosen).st_mode
    except (OSError, ValueError):
        return chosen  # a missing or unreadable file is said when it is read
    if not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
        from pcli.errors import FactBaseError
        from pcli.files import kind_of

        raise FactBaseError(chosen, "file_not_regular", what=kind_of(mode))
    return chosen
