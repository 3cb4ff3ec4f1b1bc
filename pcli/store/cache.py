"""When the SQLite cache of a fact base may be trusted, and where it lives.

The cache lives in $XDG_CACHE_HOME/pcli (else ~/.cache/pcli), one database per fact base, named by a hash
of what identifies the file's content: its real path, size, modification time and the cache format version.
A changed file gets a new name, so a stale cache is never read. A cache that cannot be read or written is
rebuilt or done without: results are the same with and without it.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from contextlib import AbstractContextManager

from pcli.store.memory import MemoryStore
from pcli.store.sqlite import FORMAT_VERSION, SqliteStore, write_database

ENV_CACHE = "PCLI_CACHE"  # "off" to read the TOML every time


def cache_dir() -> str:
    root = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(root, "pcli")


def cache_key(path: str, stat: os.stat_result) -> str:
    return f"{os.path.realpath(path)}|{stat.st_size}|{stat.st_mtime_ns}|{FORMAT_VERSION}"


def cache_path(key: str) -> str:
    """The file for a key. crc32 rather than a cryptographic hash (hashlib costs start-up time): the full key is
    stored inside and checked on every open, so two keys that share a name only ever cost a rebuild."""
    import zlib

    return os.path.join(cache_dir(), f"{zlib.crc32(key.encode('utf-8', 'surrogatepass')):08x}.sqlite")


def open_cached(path: str, slow: Callable[[str], AbstractContextManager[None]] | None = None) -> MemoryStore | SqliteStore:
    """A store for the fact base at path: from the cache when it is current, else from TOML (then cached).

    Only the cold path imports the TOML loader; `slow(message)` wraps it (the caller's progress indicator).
    """
    if os.environ.get(ENV_CACHE, "").lower() in ("off", "0", "no"):
        from pcli.base.loader import load

        return MemoryStore(load(path))
    try:
        stat = os.stat(path)
    except OSError:
        from pcli.base.loader import load

        return MemoryStore(load(path))  # the loader says why in its own words
    key = cache_key(path, stat)
    cached = cache_path(key)
    if os.path.exists(cached):
        try:
            db = sqlite3.connect(f"file:{cached}?mode=ro", uri=True)
            store = SqliteStore(db, path)
            if store.meta.get("key") == key:
                return store
            db.close()
        except (sqlite3.Error, ValueError, KeyError, TypeError, IndexError):
            pass  # corrupt or truncated: rebuilt below
        _remove(cached)
    from pcli.base.loader import load

    with (slow or _quiet)(f"Reading {os.path.basename(path)}…"), _no_gc():
        base = load(path)
        try:
            os.makedirs(os.path.dirname(cached), exist_ok=True)
            write_database(base, cached, {"key": key})
        except (OSError, sqlite3.Error):
            pass  # an unwritable cache only costs speed
    return MemoryStore(base)


class _no_gc:
    """No cyclic garbage collection while a large base is built: it makes no cycles, and the collector would
    walk every record already built, again and again, as the count of new objects grows."""

    def __enter__(self) -> None:
        import gc

        self.was_enabled = gc.isenabled()
        gc.disable()

    def __exit__(self, *exc: object) -> None:
        import gc

        if self.was_enabled:
            gc.enable()


def _quiet(message: str) -> AbstractContextManager[None]:
    from contextlib import nullcontext

    return nullcontext()


def _remove(path: str) -> None:
    try:
        os.remove(path)
    except OSError:
        pass
