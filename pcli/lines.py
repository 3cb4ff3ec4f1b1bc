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


def line_groups(stream: TextIO) -> Iterator[list[str]]:
    """Each group of whole lines that could be read without waiting, without their ends ("\\n", "\\r\\n"). A
    stream with no file descriptor (a test's) gives its lines one at a time."""
    try:
        fd = stream.fileno()
    except (AttributeError, OSError, ValueError):  # io.UnsupportedOperation is both
        for line in stream:
            yield [_bare(line)]
        return
    decoder = codecs.getincrementaldecoder(stream.encoding or "utf-8")(errors=stream.errors or "strict")
    tail = ""
    while True:
        data = os.read(fd, CHUNK)  # whatever is there; waits only when nothing is
        lines = (tail + decoder.decode(data, final=not data)).split("\n")
        tail = lines.pop()
        if not data and tail:
            lines.append(tail)
        if lines:
            yield [_bare(line) for line in lines]
        if not data:
            return


def _bare(line: str) -> str:
    """A line without its end: "\\n" or "\\r\\n" (a file written on Windows)."""
    line = line[:-1] if line.endswith("\n") else line
    return line[:-1] if line.endswith("\r") else line
