"""Which fact base files to open: --facts (given once or more), then $PCLI_FACTS, then the bundled one. Either may
be a path list (os.pathsep between paths, as PATH is), and a folder stands for the .toml files in it."""

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


def facts_paths(path: str | None) -> list[str]:
    """Every base file asked, in order, each once: --facts wins, then $PCLI_FACTS, then the bundled base; a folder
    is its .toml files by name (a folder with none is bad data)."""
    chosen = path or os.environ.get(ENV_FACTS) or bundled_path()
    found: list[str] = []
    for part in chosen.split(os.pathsep) if os.pathsep in chosen else [chosen]:
        if part and os.path.isdir(part):
            files = sorted(e.path for e in os.scandir(part) if e.name.endswith(".toml") and e.is_file())
            if not files:
                from pcli.errors import FactBaseError

                raise FactBaseError(part, "no_bases_in_folder")
            found += [facts_path(f) for f in files]
        elif part:
            found.append(facts_path(part))
    return list(dict.fromkeys(found)) or [chosen]


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
