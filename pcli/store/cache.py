"""When the SQLite cache of a fact base may be trusted, and where it lives.

The cache lives in $XDG_CACHE_HOME/pcli (an absolute path, as the XDG spec asks; else ~/.cache/pcli), one database
per fact base file, so an edited base replaces its cache instead of leaving the old one behind. The rule for
trusting it is git's for its index:

- the key stored inside must match the file's real path, size, modification and change times (ctime, which no
  user tool can set back) and inode, and the cache format;
- when the file was modified within the second before the cache was built, or later (git's "racy" window), its
  stat cannot prove it unchanged: its content is compared with the checksum stored inside;
- the cache's tables and columns are checked on open; anything that is not a regular file at the cache path (a
  FIFO, a device) is never opened; any SQLite error discards the cache and the answer comes from the TOML;
- a cache folder or file that is not the user's own, or that others may write, is never read nor written (as ssh
  and git treat files they trust): in a shared cache folder another user could plant a cache with its checksum,
  and its numbers would be answered; the CLI says so once, and the answer comes from the TOML;
- beside the cache (`.sum`) pcli writes its checksum and its own stat (size, modification and change times,
  inode) right after writing it. A cache whose stat is still that one has not been written since (its change
  time no tool can set back), so reading it whole is spared; any other is checked whole against the checksum,
  whatever its size: one changed digit would otherwise be a wrong number;
- an SQLite error on a read past those checks (a page damaged without a write) discards the cache and ends the
  run with one line and exit 2 (pcli.store.guard), never running the command a second time after output.

Caches beyond MAX_ENTRIES, least recently used first, and temporaries of killed runs are removed.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import time
from collections.abc import Callable
from contextlib import AbstractContextManager

from pcli.base.model import FactBase
from pcli.messages import Msg
from pcli.store.guard import discard, guarded
from pcli.store.sqlite import Store
from pcli.store.sqlite_schema import FORMAT_VERSION, verify, write_database, write_into

ENV_CACHE = "PCLI_CACHE"  # "off" to read the TOML every time
MAX_ENTRIES = 32
RACY_NS = 2 * 10**9  # a modification this close to the cache's own writing is not proven by stat
NOTICES: dict[str, Msg] = {}  # caches not trusted for who owns them, each said once by the CLI


def cache_dir() -> str:
    root = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(root):  # the XDG spec: a relative path is invalid and is ignored
        root = os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(root, "pcli")


def cache_key(path: str, st: os.stat_result) -> str:
    return f"{os.path.realpath(path)}|{st.st_size}|{st.st_mtime_ns}|{st.st_ctime_ns}|{st.st_ino}|{st.st_dev}|{FORMAT_VERSION}"


def _keys(paths: list[str], stats: list[os.stat_result]) -> str:
    """The key of several bases read as one: each file's, in order (any file changed, added or left out is
    another key)."""
    return "\n".join(cache_key(p, st) for p, st in zip(paths, stats, strict=True))


def cache_path(path: str | list[str]) -> str:
    """The cache file of a fact base (or of several read as one): one per real path (or list of them). crc32
    rather than a cryptographic hash (hashlib costs start-up time): the full key is stored inside and checked on
    every open."""
    import zlib

    paths = [path] if isinstance(path, str) else path
    real = "\0".join(os.path.realpath(p) for p in paths).encode("utf-8", "surrogatepass")
    return os.path.join(cache_dir(), f"{zlib.crc32(real):08x}.sqlite")


def checksum(path: str) -> str:
    import zlib

    crc = 0
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            crc = zlib.crc32(chunk, crc)
    return f"{crc:08x}"


def open_cached(path: str | list[str], slow: Callable[[str], AbstractContextManager[None]] | None = None) -> Store:
    """The store of the fact base at path (or the bases at a list of paths, read as one): its cache when it can be
    trusted, else the TOML read into a new cache, or into a database in memory when there is no usable cache
    (PCLI_CACHE=off, a folder pcli may not use). The cache of several bases is keyed by every file.

    Only the cold path imports the TOML loader; `slow(message)` wraps it (the caller's progress indicator).
    """
    paths = [path] if isinstance(path, str) else path
    if os.environ.get(ENV_CACHE, "").lower() in ("off", "0", "no"):
        return _uncached(paths, slow)
    try:
        stats = [os.stat(p) for p in paths]
    except OSError:
        return _uncached(paths, slow)  # the loader says why in its own words
    key, cached = _keys(paths, stats), cache_path(paths)
    if not _own(os.path.dirname(cached), folder=True) or not _own(cached) or not _own(cached + ".sum"):
        return _uncached(paths, slow)
    store = _trusted(cached, key, paths, stats)
    if store is not None:
        return store
    try:
        before = _checksums(paths)
    except OSError:
        before = ""
    with (slow or _quiet)(f"Reading {', '.join(os.path.basename(p) for p in paths)}…"):
        base = _load(paths, None)
        written = _write(base, cached, key, paths, before) if before else None
    return written or in_memory(base)


def _uncached(paths: list[str], slow: Callable[[str], AbstractContextManager[None]] | None) -> Store:
    with (slow or _quiet)(f"Reading {', '.join(os.path.basename(p) for p in paths)}…"):
        return in_memory(_load(paths, None))


def in_memory(base: FactBase) -> Store:
    """The store of a base in a database in memory (no cache file: nothing to trust, nothing to damage)."""
    db = sqlite3.connect(":memory:", isolation_level=None)
    with _no_gc():
        write_into(db, base)
    return Store(db, base.path)


def _checksums(paths: list[str]) -> str:
    return " ".join(checksum(p) for p in paths)


def _own(path: str, folder: bool = False) -> bool:
    """Whether pcli may use a cache folder or file: absent, or the user's own and writable by no one else. What is
    refused is noted in NOTICES, for the CLI to say once."""
    try:
        st = os.lstat(path)
    except OSError:
        return True  # absent: made by pcli, the user's own
    why = ("cache_foreign" if st.st_uid != os.geteuid() else "cache_writable" if st.st_mode & 0o022 else
           "cache_not_folder" if folder and not stat.S_ISDIR(st.st_mode) else "")  # fmt: skip
    if why:
        NOTICES.setdefault(path, Msg("cache_refused", path=path, why=Msg(why)))
    return not why


def _trusted(cached: str, key: str, paths: list[str], stats: list[os.stat_result]) -> Store | None:
    """The cache at `cached`, if it is a regular file whose key, tables and (in the racy window) checksum hold."""
    try:
        found = os.lstat(cached)
        if not stat.S_ISREG(found.st_mode):
            return None  # never opened, never replaced: pcli works without it
    except OSError:
        return None
    db = None
    try:
        if not _as_written(cached, found):
            raise ValueError("the cache is not as it was written")
        db = sqlite3.connect(f"file:{cached}?mode=ro", uri=True)
        path = os.pathsep.join(paths)
        store = Store(db, path, cached)
        if store.meta.get("key") == key:
            written = int(store.meta.get("written_ns", "0"))
            if all(st.st_mtime_ns < written - RACY_NS for st in stats) or store.meta.get("checksum") == _checksums(paths):
                verify(db, store.meta.get("schema", ""))
                _touch(cached + ".sum")  # not the cache itself: its change time would no longer be the one recorded
                return guarded(store, cached, path)
    except (sqlite3.Error, OSError, ValueError, KeyError, TypeError, IndexError):
        pass  # damaged, truncated or of another shape: rebuilt
    if db is not None:
        db.close()
    discard(cached)
    return None


def _load(paths: list[str], slow: Callable[[str], AbstractContextManager[None]] | None) -> FactBase:
    from pcli.base.bases import load_all

    with (slow or _quiet)(f"Reading {', '.join(os.path.basename(p) for p in paths)}…"), _no_gc():
        return load_all(paths)


def _write(base: FactBase, cached: str, key: str, paths: list[str], before: str) -> Store | None:
    """Keep the base in the cache, with the checksum of the files as they were before they were read, and return
    the store read from it; a cache that cannot be written only costs speed (None: the caller keeps the base in
    memory)."""
    from pcli.files import WriteError, put_text, replacing

    meta = {"key": key, "written_ns": str(time.time_ns()), "checksum": before}
    try:
        if _keys(paths, [os.stat(p) for p in paths]) != key:
            return None  # the file changed while it was read: cache nothing rather than a mix
        os.makedirs(os.path.dirname(cached), mode=0o700, exist_ok=True)
        if not _own(os.path.dirname(cached), folder=True):
            return None
        with _no_gc(), replacing(cached) as tmp:
            write_database(base, tmp, meta)
            os.chmod(tmp, 0o600)  # the user's alone, whatever the umask: a cache others may write is refused
            written = checksum(tmp)
        put_text(cached + ".sum", " ".join([written, *_stat_record(os.stat(cached))]))
        os.chmod(cached + ".sum", 0o600)
        prune(os.path.dirname(cached))
        path = os.pathsep.join(paths)
        return guarded(Store(sqlite3.connect(f"file:{cached}?mode=ro", uri=True), path, cached), cached, path)
    except (OSError, sqlite3.Error, WriteError):
        return None


def _written_sum(cached: str) -> list[str]:
    """The checksum and stat written beside a cache (none when there is none)."""
    try:
        with open(cached + ".sum", "rb") as handle:  # bytes: no codec to import
            return handle.read(200).decode().split()
    except (OSError, ValueError):
        return []


def _stat_record(st: os.stat_result) -> list[str]:
    return [str(st.st_size), str(st.st_mtime_ns), str(st.st_ctime_ns), str(st.st_ino)]


def _as_written(cached: str, found: os.stat_result) -> bool:
    """Whether the cache is as pcli wrote it: its stat is the one recorded after writing it, or else its
    content has the checksum recorded then."""
    record = _written_sum(cached)
    return bool(record) and (record[1:] == _stat_record(found) or record[0] == checksum(cached))


def _touch(cached: str) -> None:
    """Mark a cache as used, for prune (best effort: a read-only cache folder is fine)."""
    try:
        os.utime(cached)
    except OSError:
        pass


def prune(folder: str) -> None:
    """Keep the MAX_ENTRIES most recently used caches; remove the temporaries of killed runs (the folder is pcli's
    own, so any of them)."""
    from pcli.files import remove_stale

    remove_stale(folder)
    try:
        entries = [e for e in os.scandir(folder) if e.name.endswith((".sqlite", ".sum")) and e.is_file(follow_symlinks=False)]
    except OSError:
        return
    names = {e.name for e in entries}
    for entry in entries:  # a checksum whose cache is gone
        if entry.name.endswith(".sum") and entry.name[:-4] not in names:
            discard(entry.path[:-4])
    used = {e.name[:-4]: e.stat(follow_symlinks=False).st_mtime for e in entries if e.name.endswith(".sum")}
    entries = [e for e in entries if e.name.endswith(".sqlite")]
    entries.sort(key=lambda e: used.get(e.name, e.stat(follow_symlinks=False).st_mtime), reverse=True)
    for entry in entries[MAX_ENTRIES:]:
        discard(entry.path)


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
