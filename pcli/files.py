"""The one way pcli reads a file the data names (only inside its folder, only a regular file, of bounded size),
and the one way it writes a file (exports, CSV folders, the cache, drafts), as git writes its index: into a
temporary file beside the target, flushed to disk, then renamed over it. A failed or interrupted write leaves
the old file or the new one, never half of either; a target that is not a regular file (a device, a FIFO, a
folder, a symbolic link) is refused rather than replaced or written through.
"""

from __future__ import annotations

import os
import shutil
import stat
import time
from collections.abc import Callable, Iterator, Sequence
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


@contextmanager
def replacing_together(targets: Sequence[str]) -> Iterator[dict[str, str]]:
    """Temporary paths, in one temporary folder beside the targets (all in one folder), to build files that belong
    together (a database and its metadata.json, a folder's tables and its data package). Every target is checked
    before a byte is written; when the block ends well they are renamed into place together, and if one rename
    fails the ones made before it are put back: the old set or the new one, never a mix."""
    for path in targets:
        check_target(path)
    folder = os.path.dirname(os.path.abspath(targets[0]))
    with _temporary_folder(folder, os.path.basename(targets[0])) as tmp:
        built = {path: os.path.join(tmp, os.path.basename(path)) for path in targets}
        yield built
        _swap(built, tmp, folder)


@contextmanager
def new_folder(path: str) -> Iterator[str]:
    """A temporary folder beside `path`, which must not exist, to fill and then rename into place whole."""
    check_target(path)
    parent, name = os.path.split(os.path.abspath(path))
    with _temporary_folder(parent, name, 0o777) as tmp:  # the folder kept: the umask's mode
        yield tmp
        for made in os.listdir(tmp):
            _fsync(os.path.join(tmp, made))
        try:
            os.rename(tmp, path)
        except OSError as exc:
            raise WriteError("write_failed", path=path, reason=exc.strerror or str(exc)) from None
        _fsync(parent)


@contextmanager
def _temporary_folder(folder: str, name: str, mode: int = 0o700) -> Iterator[str]:
    remove_stale(folder, name)
    tmp = os.path.join(folder, f".{name}.{os.getpid()}.{time.monotonic_ns()}.tmp")
    try:
        os.mkdir(tmp, mode)
    except OSError as exc:
        raise WriteError("write_failed", path=tmp, reason=exc.strerror or str(exc)) from None
    try:
        yield tmp
    except OSError as exc:
        raise WriteError("write_failed", path=folder, reason=exc.strerror or str(exc)) from None
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _swap(built: dict[str, str], tmp: str, folder: str) -> None:
    """Rename each built file over its target, keeping a hard link to the old one until all are in place."""
    for made in built.values():
        _fsync(made)
    done: list[tuple[str, str | None]] = []
    try:
        for path, made in built.items():
            old = _keep(path, os.path.join(tmp, f".old.{os.path.basename(path)}"))
            os.replace(made, path)
            done.append((path, old))
    except BaseException as exc:  # a failed rename, or a signal between two: the old set is put back
        for made_path, old in reversed(done):
            _put_back(made_path, old)
        if isinstance(exc, OSError):
            raise WriteError("write_failed", path=path, reason=exc.strerror or str(exc)) from None
        raise
    _fsync(folder)


def _keep(path: str, old: str) -> str | None:
    """A hard link to the file at `path` (a copy where the file system has none), or None when there is none."""
    try:
        os.link(path, old, follow_symlinks=False)
    except FileNotFoundError:
        return None
    except OSError:
        shutil.copyfile(path, old)
    return old


def _put_back(path: str, old: str | None) -> None:
    try:
        if old is None:
            os.remove(path)
        else:
            os.replace(old, path)
    except OSError:
        pass  # the old file cannot be put back: the error said is still the write's


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
                        if entry.is_dir(follow_symlinks=False):
                            shutil.rmtree(entry.path)
                        else:
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
