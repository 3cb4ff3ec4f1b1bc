"""Standard streams the shell closed (`pcli show >&-`, `pcli query - <&-`), which Python gives as None: writing
to stdout fails as a write to a closed file does (the CLI says it on stderr, exit 2), and reading stdin is bad
usage said in one line, rather than output lost in silence or a traceback."""

from __future__ import annotations

import errno
import io
from typing import Any, NoReturn

from pcli.errors import UsageError


class ClosedOutput(io.TextIOBase):
    """stdout when it is closed: every write fails with EBADF; there is nothing to flush."""

    encoding = "utf-8"

    def write(self, text: str) -> int:
        if not text:
            return 0
        raise OSError(errno.EBADF, "stdout is closed")

    def fileno(self) -> int:
        return 1

    def isatty(self) -> bool:
        return False


class ClosedInput(io.TextIOBase):
    """stdin when it is closed: reading it is refused in the reader's words."""

    encoding = "utf-8"

    def _closed(self, *args: Any) -> NoReturn:
        raise UsageError("stdin_closed")

    read = readline = _closed

    def __iter__(self) -> NoReturn:
        self._closed()

    def fileno(self) -> NoReturn:
        self._closed()

    def isatty(self) -> bool:
        return False
