"""The publication kept beside the cache (`export --format sqlite`): the database an export writes for a base in
one language is the same until the base or the publication's form changes, so it is built once and copied after.

It lives beside the cache file it was made from (`<cache>.sqlite.<lang>.pub`), under the cache's rules: only for a
store read from a trusted cache, only a regular file that is the user's own and that no one else may write; its
`.key` beside it holds its checksum and the key it was made for (the cache's key: each base file's path, size,
times and inode and the cache format; the language; PUBLICATION_FORMAT). A copy is checked whole against the
checksum before a byte is published; anything in doubt (another key, another checksum, an error) and the
publication is built again. A cache discarded takes its publications with it (pcli/store/guard.py).
"""

from __future__ import annotations

import os
import stat
import zlib

from pcli.store.sqlite import Store

PUBLICATION_FORMAT = 1  # raise when what pcli/output/publish.py writes changes: kept copies are then rebuilt
MAX_BYTES = 1 << 28  # a larger publication is built each time rather than held in memory to be copied


class Kept:
    """The kept publication of a store's base in one language, if the store was read from the cache."""

    def __init__(self, store: Store, lang: str) -> None:
        self.path = f"{store.cached}.{lang}.pub" if store.cached else ""
        self.key = f"{PUBLICATION_FORMAT}|{lang}|{store.meta.get('key', '')}"

    def copy_to(self, target: str) -> bool:
        """Write the kept publication to `target` (a new file) when it is this base's and whole; False when there
        is none to trust, and then nothing is written."""
        if not self.path or not _ours(self.path) or not _ours(self.path + ".key"):
            return False
        try:
            with open(self.path + ".key", "rb") as handle:
                crc, _, key = handle.read(1 << 16).decode("utf-8").partition("\n")
            if key != self.key:
                return False
            with open(self.path, "rb") as handle:
                data = handle.read(MAX_BYTES + 1)
            if len(data) > MAX_BYTES or f"{zlib.crc32(data):08x}" != crc:
                return False
            with open(target, "xb") as out:
                out.write(data)
        except (OSError, ValueError):
            return False
        return True

    def keep(self, built: str) -> None:
        """Keep a copy of the publication just built at `built`; one that cannot be kept only costs the next export
        its time (written to a temporary file and renamed, its key last: a half-kept copy is never trusted)."""
        if not self.path or not _ours(os.path.dirname(self.path), folder=True):
            return
        tmp = f"{self.path}.{os.getpid()}.tmp"
        try:
            with open(built, "rb") as handle:
                data = handle.read(MAX_BYTES + 1)
            if len(data) > MAX_BYTES:
                return
            for path, content in ((self.path, data), (self.path + ".key", f"{zlib.crc32(data):08x}\n{self.key}".encode())):
                with open(tmp, "xb") as out:
                    out.write(content)
                os.chmod(tmp, 0o600)
                os.replace(tmp, path)
        except OSError:
            pass
        finally:
            if os.path.lexists(tmp):
                os.remove(tmp)


def _ours(path: str, folder: bool = False) -> bool:
    """A regular file (or a folder) of the user's own that no one else may write."""
    try:
        st = os.lstat(path)
    except OSError:
        return False
    kind = stat.S_ISDIR(st.st_mode) if folder else stat.S_ISREG(st.st_mode)
    return kind and st.st_uid == os.geteuid() and not st.st_mode & 0o022
