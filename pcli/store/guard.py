"""The one boundary for a cache found damaged while it is read: past the checks made on opening it (its stat, its
checksum, its tables), an SQLite error on a read (a page damaged without a write to the file) discards the cache
and ends the run with one line and exit 2. The next run rebuilds the cache from the TOML. Nothing is run a second
time, so no output is ever written twice or cut and then restarted."""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Callable, Iterator
from types import GeneratorType
from typing import TYPE_CHECKING, Any, NoReturn, cast

from pcli.errors import FactBaseError

if TYPE_CHECKING:
    from pcli.store.sqlite import Store


class _Guarded:
    """A store read from the cache, every method of which is guarded, streams included."""

    def __init__(self, store: Store, cached: str, path: str) -> None:
        self._store, self._cached, self._path = store, cached, path

    @property  # type: ignore[misc]
    def __class__(self) -> type:  # isinstance(store, Store) holds, as for the store itself
        return type(self._store)

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._store, name)
        return self._guard(value) if callable(value) else value

    def _guard(self, method: Callable[..., Any]) -> Callable[..., Any]:
        def guarded(*args: Any, **kwargs: Any) -> Any:
            try:
                result = method(*args, **kwargs)
            except sqlite3.DatabaseError:
                self._damaged()
            return self._each(result) if isinstance(result, GeneratorType) else result

        return guarded

    def _each(self, stream: Iterator[Any]) -> Iterator[Any]:
        try:
            yield from stream
        except sqlite3.DatabaseError:
            self._damaged()

    def _damaged(self) -> NoReturn:
        discard(self._cached)
        raise FactBaseError(self._path, "cache_damaged") from None


def guarded(store: Store, cached: str, path: str) -> Store:
    """The store, with a damaged read turned into one line and exit 2 (and the cache discarded): its catalogue's
    later reads (programmes to skips) too."""
    proxy = _Guarded(store, cached, path)
    store.catalogue.rest_read_by(proxy._guard(store.read_rest))
    return cast("Store", proxy)


def discard(cached: str) -> None:
    """Remove a cache that cannot be trusted, its checksum and the publications kept beside it (never anything
    but a regular file)."""
    kept = [f"{cached}.{lang}.pub{end}" for lang in ("en", "vi", "id") for end in ("", ".key")]  # store/published.py
    for path in (cached, cached + ".sum", *kept):
        try:
            if stat.S_ISREG(os.lstat(path).st_mode):
                os.remove(path)
        except OSError:
            pass
