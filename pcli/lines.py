"""Reading the lines of a stream in the groups they arrive in.

A batch (`pcli query -`) answers every line at hand, writes the answers, and flushes once before it could wait
for more input: a script that writes one question and waits gets its answer at once, and a file of 5,000
questions is not written out in 5,000 flushes (into a pipe, each wakes the reader: a third of the batch's time).
"""

from __future__ import annotations

import codecs
import os
from collections.abc import Iterator
from typing import TextIO

CHUNK = 64 * 1024


def line_groups(stream: TextIO, limit: int | None = None) -> Iterator[list[str]]:
    """Each group of whole lines that could be read without waiting, without their ends ("\\n", "\\r\\n"). A
    line longer than `limit` is cut to limit + 1 characters as soon as it passes the limit, and the rest of it is
    read and dropped as it comes (a 100 MB line is never held, joined or echoed). A stream with no file descriptor
    (a test's) gives its lines one at a time."""
    try:
        fd = stream.fileno()
    except (AttributeError, OSError, ValueError):  # io.UnsupportedOperation is both
        for line in stream:
            yield [_bare(line)]
        return
    decoder = codecs.getincrementaldecoder(stream.encoding or "utf-8")(errors=stream.errors or "strict")
    pending = _Pending(limit)
    while True:
        data = os.read(fd, CHUNK)  # whatever is there; waits only when nothing is
        *ended, rest = decoder.decode(data, final=not data).split("\n")
        lines = [pending.end(part) for part in ended]
        pending.add(rest)
        if not data and pending.size:
            lines.append(pending.end(""))
        if lines:
            yield [_bare(line) for line in lines]
        if not data:
            return


class _Pending:
    """The start of a line not yet ended: pieces joined once, when it ends, and never more than limit + 1
    characters of it kept."""

    def __init__(self, limit: int | None) -> None:
        self.limit, self.pieces, self.size = limit, [""], 0

    def add(self, piece: str) -> None:
        if self.limit is not None and self.size > self.limit:
            return  # already cut: the rest of the line is dropped as it comes
        self.pieces.append(piece)
        self.size += len(piece)
        if self.limit is not None and self.size > self.limit:
            self.pieces = ["".join(self.pieces)[: self.limit + 1]]

    def end(self, piece: str) -> str:
        self.add(piece)
        line = "".join(self.pieces)
        self.pieces, self.size = [""], 0
        return line


def _bare(line: str) -> str:
    """A line without its end: "\\n" or "\\r\\n" (a file written on Windows)."""
    line = line[:-1] if line.endswith("\n") else line
    return line[:-1] if line.endswith("\r") else line
