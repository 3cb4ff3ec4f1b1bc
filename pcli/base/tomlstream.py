"""Reading a large fact base one batch of `[[figures]]` at a time, so that its parsed form is never whole in memory.

A TOML parser builds the whole document before anything can be checked: 1,000,000 figures take 2.5 GiB that way.
Here the file is cut at its `[[figures]]` header lines; every other line is parsed as one document, in order,
and the figures are parsed in batches as they are wanted. Cutting at a line is safe when no value can span
lines with a header-like line inside it: a file with a multi-line string is never cut, and a cut inside a
multi-line array leaves that array unclosed, which the parser refuses. Whenever anything is not plain (a
parse error, a stray byte, a `figures` key outside the headers), `NotStreamable` says to read the file
whole, which also finds the problem's words and line as it always has.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from typing import IO, Any

from pcli.base import tomlfile
from pcli.base.tomlfile import parse_toml
from pcli.errors import FactBaseError

BLOCK = 8 * 2**20
BATCH = 2000  # figures parsed at once: large enough that the parser's own start costs nothing

# A line that may be a table header: `[name]` or `[[name]]`, the name in group 2 (spaces inside kept). Lines
# are found by their newline (searched 3x faster than `^` in multi-line mode), so a block is searched after one.
_HEADER = re.compile(rb"\n[ \t]*\[(\[?)([^\]\r\n]*)\]")


class NotStreamable(Exception):
    """Read this file whole."""


class Pieces:
    """Where the `[[figures]]` batches of an open file are, and the rest of the file as one text. The file is
    read through one handle from the scan to the last batch: a file replaced meanwhile is not mixed in."""

    def __init__(self, handle: IO[bytes], table: str, path: str = "") -> None:
        self.handle, self.table, self.path = handle, table.encode(), path
        self.batches: list[tuple[int, int]] = []  # (start, end) byte offsets of whole records
        self.rest: list[bytes] = []
        self._start = -1  # where the batch being gathered starts; -1 outside the figures
        self._count = 0

    def scan(self) -> None:
        size = os.fstat(self.handle.fileno()).st_size
        if not 0 < size <= tomlfile.MAX_BYTES:
            raise NotStreamable
        offset, carry = 0, b""
        while True:
            block = self.handle.read(BLOCK)
            data = carry + block
            end = data.rfind(b"\n") + 1 if block else len(data)
            self._lines(data[:end], offset)
            offset, carry = offset + end, data[end:]
            if not block:
                break
        self._close(offset)

    def _lines(self, data: bytes, offset: int) -> None:
        """Cut whole lines at header lines: figures headers open or extend a run; any other header ends it."""
        if b'"""' in data or b"'''" in data or b"\0" in data:
            raise NotStreamable
        kept = 0  # how far this block's text has been given to a batch or to the rest
        for m in _HEADER.finditer(b"\n" + data):  # m.start() is the newline before the line: the line's start in data
            name = m[2].replace(b" ", b"").replace(b"\t", b"")
            figures = bool(m[1]) and name == self.table
            if figures or name.startswith(self.table + b"."):
                if self._start < 0:
                    self.rest.append(data[kept : m.start()])
                    self._start, self._count = offset + m.start(), 0
                elif figures and self._count >= BATCH:
                    self.batches.append((self._start, offset + m.start()))
                    self._start, self._count = offset + m.start(), 0
                self._count += figures
                kept = m.start()
            elif self._start >= 0:
                self._close(offset + m.start())
                kept = m.start()
        if self._start < 0:
            self.rest.append(data[kept:])

    def _close(self, end: int) -> None:
        if self._start >= 0:
            self.batches.append((self._start, end))
            self._start = -1

    def records(self) -> Iterator[list[Any]]:
        """Each batch of records, parsed when it is wanted; the file is closed after the last."""
        table = self.table.decode()
        with self.handle:
            for start, end in self.batches:
                self.handle.seek(start)
                try:
                    parsed = parse_toml(self.handle.read(end - start).decode("utf-8"), self.path)
                except (UnicodeDecodeError, FactBaseError):
                    raise NotStreamable from None
                records = parsed.get(table)
                if len(parsed) != 1 or not isinstance(records, list):
                    raise NotStreamable
                yield records


def stream_toml(path: str, table: str) -> tuple[dict[str, Any], Iterator[list[Any]]]:
    """The document without `table`, and the records of `table` in batches, or NotStreamable."""
    try:
        handle = open(path, "rb")  # noqa: SIM115 (closed by the batches' reader, or below)
    except OSError:
        raise NotStreamable from None
    pieces = Pieces(handle, table, path)
    try:
        pieces.scan()
        rest = parse_toml(b"".join(pieces.rest).decode("utf-8"), path)
        if table in rest or not pieces.batches:
            raise NotStreamable
    except (OSError, UnicodeDecodeError, FactBaseError, NotStreamable):
        handle.close()
        raise NotStreamable from None
    return rest, pieces.records()
