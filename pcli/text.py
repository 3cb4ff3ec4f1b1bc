"""Folding text for matching, and making data text safe to print."""

from __future__ import annotations

import re

# đ/Đ have no Unicode decomposition, so NFKD alone leaves them in place.
_EXTRA_FOLDS = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "ø": "o", "ł": "l", "æ": "ae", "œ": "oe", "ß": "ss"})
LETTER_FOLDS = _EXTRA_FOLDS  # letters no Unicode decomposition takes apart: đ is not d with a mark
_NON_WORD = re.compile(r"[^0-9a-z]+")


class _Bare(dict[int, int | None]):
    """Each code point to itself, or to nothing for a combining mark; filled in as characters are met (a table of
    all of Unicode would cost start-up). Translating by it is faster than testing each character in Python."""

    def __missing__(self, code: int) -> int | None:
        import unicodedata

        value = self[code] = None if unicodedata.combining(chr(code)) else code
        return value


_BARE = _Bare()


def fold(text: str) -> str:
    """Lower-case, strip diacritics (đ → d), turn punctuation into single spaces."""
    if text.isascii():
        return _NON_WORD.sub(" ", text.lower()).strip()
    import unicodedata  # only for text that is not ASCII: an English question never needs it

    decomposed = unicodedata.normalize("NFKD", text.translate(_EXTRA_FOLDS))
    bare = decomposed.translate(_BARE).lower()
    return _NON_WORD.sub(" ", bare.translate(_EXTRA_FOLDS)).strip()


def _visible(code: int) -> str:
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ESC shows as ␛
    if code == 0x7F:
        return "\u2421"
    return f"<U+{code:04X}>"


# C0 and C1 controls (ESC, BEL, CSI …), bidirectional overrides and isolates, zero-width characters;
# tab and newline stay. A translation table rather than a regex: it costs nothing to build at start-up.
UNSAFE_RANGES = (
    (0x00, 0x08),
    (0x0B, 0x1F),
    (0x7F, 0x9F),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x2069),
    (0xFEFF, 0xFEFF),
    (0xFFF9, 0xFFFB),
)
_SAFE = {code: _visible(code) for low, high in UNSAFE_RANGES for code in range(low, high + 1)}


def safe(text: str) -> str:
    """Make control, bidi and zero-width characters visible so data cannot drive a terminal."""
    # Every character made visible is in Unicode's "Other" category, which isprintable() refuses: the check
    # runs in C, about 25 times as fast as the translation it spares on the common, clean text.
    return text if text.isprintable() else text.translate(_SAFE)


def plain(text: str) -> bool:
    """Whether one_line would leave the text as it is: tab, newline and return are not printable."""
    return text.isprintable() and "\\" not in text


def one_line(text: str) -> str:
    """Escape tabs, newlines and backslashes for one-line-per-record output, then make it safe."""
    if plain(text):
        return text
    escaped = text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    return safe(escaped)
