"""The one way pcli reads a file the data names (only inside its folder, only a regular file, of bounded size),
and the one way it writes a file (exports, CSV folders, the cache, drafts), as git writes its index: into a
temporary file beside the target, flushed to disk, then renamed over it. A failed or interrupted write leaves
the old file or the new one, never half of either; a target that is not a regular file (a device, a FIFO, a
folder, a symbolic link) is refused rather than replaced or written through.
"""

from __future__ import annotations

import os
import stat
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import IO

from pcli.errors import PcliError
from pcli.messages import Msg

STALE_SECONDS = 3600  # a temporary file older than this is left over from a run that was killed


class WriteError(PcliError):
    """A file pcli was asked to write and could not, said in plain words."""


class ReadError(PcliError):
    """A file pcli was asked to read and would not or could not, said in plain words."""


def check_target(path: str) -> None:
    """Refuse a target that is not a regular file or absent, and a folder that does not exist."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise WriteError("write_failed", path=path, reason=exc.strerror or str(exc)) from None
    if mode is not None and not stat.S_ISREG(mode):
        raise WriteError("write_not_regular", path=path, what=kind_of(mode))
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise WriteError("write_no_folder", path=path, folder=folder)


def kind_of(mode: int) -> Msg:
    """What a file that is not a regular one is, in words: a link, a folder, a FIFO, a device."""
    return (Msg("a_link") if stat.S_ISLNK(mode) else Msg("a_folder") if stat.S_ISDIR(mode) else
            Msg("a_fifo") if stat.S_ISFIFO(mode) else Msg("a_device"))  # fmt: skip


def read_within(folder: str, name: str, limit: int) -> str:
    """The UTF-8 text of the file `name` inside `folder`, or a ReadError. Only a regular file of at most `limit`
    bytes whose real path lies in the folder is read: `..`, an absolute path or a symbolic link out of it, a
    device, a FIFO (opened without waiting) and a file larger than the limit are refused before a byte is read."""
    path = os.path.join(folder, name)
    root = os.path.realpath(folder)
    if os.path.commonpath([root, os.path.realpath(path)]) != root:
        raise ReadError("read_outside", path=path, folder=folder)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as exc:
        raise ReadError("read_failed", path=path, reason=exc.strerror or str(exc)) from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ReadError("read_not_regular", path=path, what=kind_of(info.st_mode))
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise ReadError("read_too_large", path=path, limit=limit // 2**20)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise ReadError("read_not_utf8", path=path) from None


@contextmanager
def replacing(path: str) -> Iterator[str]:
    """A temporary path beside `path` to build the new file at; renamed over `path` when the block ends well,
    removed when it does not."""
    check_target(path)
    folder, name = os.path.split(os.path.abspath(path))
    remove_stale(folder, name)
    tmp = os.path.join(folder, f".{name}.{os.getpid()}.{time.monotonic_ns()}.tmp")
    try:
        yield tmp
        _fsync(tmp)
        os.replace(tmp, path)
        _fsync(folder)
    except OSError as exc:
        raise WriteError("write_failed", path=path, reason=exc.strerror or str(exc)) from None
    finally:
        if os.path.lexists(tmp):
            os.remove(tmp)


def write_text(path: str, write: Callable[[IO[str]], object]) -> None:
    """Write a text file through `write(handle)`, atomically."""
    with replacing(path) as tmp:
        with open(tmp, "x", encoding="utf-8", newline="") as handle:
            write(handle)


def put_text(path: str, text: str) -> None:
    """Write a text already made, atomically."""
    write_text(path, lambda handle: handle.write(text))


def put_bytes(path: str, data: bytes) -> None:
    """Write bytes already made (an image), atomically."""
    with replacing(path) as tmp:
        with open(tmp, "xb") as handle:
            handle.write(data)


def remove_stale(folder: str, name: str = "") -> None:
    """Remove the temporary files of runs that were killed before they could clean up."""
    now = time.time()
    try:
        entries = os.scandir(folder)
    except OSError:
        return
    with entries:
        for entry in entries:
            if entry.name.endswith(".tmp") and entry.name.startswith(f".{name}"):
                try:
                    if now - entry.stat(follow_symlinks=False).st_mtime > STALE_SECONDS:
                        os.remove(entry.path)
                except OSError:
                    pass


def _fsync(path: str) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems cannot sync a folder
    finally:
        os.close(fd)
