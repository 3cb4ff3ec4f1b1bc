"""Where a text's sentences end: after ".", "!", "?" or ";" and a space, and at a line's end, except where a line
only wraps a sentence (a statistics release's text, a PDF's: the line ends with no punctuation and the next starts
with a small letter, "… penduduk miskin" / "di daerah perdesaan …")."""

from __future__ import annotations

import re
from collections.abc import Iterator

SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|\n+")
MAX_SENTENCE = 2000  # characters: a longer run without a sentence's end is read in pieces cut at a space
_WRAPPED = re.compile(r"[^\W\d_]")  # the last character of a wrapped line: a letter (no ":", no list's number)


def wraps(text: str, m: re.Match[str]) -> bool:
    """Whether the newline m only wraps a sentence onto the next line."""
    after = text[m.end() : m.end() + 1]
    return bool(m[0].startswith("\n") and after.islower() and m.start() and _WRAPPED.match(text, m.start() - 1))


def sentences(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence of text; ";" ends one, as a newline does unless it wraps the sentence. A
    sentence is never longer than MAX_SENTENCE, so that what is read around each number costs the same in a
    paragraph of any length."""
    at = 0
    for m in [*(m for m in SENTENCE_END.finditer(text) if not wraps(text, m)), None]:
        end = m.start() if m else len(text.rstrip())
        while end - at > MAX_SENTENCE:
            cut = text.rfind(" ", at + 1, at + MAX_SENTENCE)
            cut = cut if cut > at else at + MAX_SENTENCE
            if text[at:cut].strip():
                yield at, cut
            at = cut
        if text[at:end].strip():
            yield at, end
        at = m.end() if m else len(text)
