"""Folding text for matching, and making data text safe to print."""

from __future__ import annotations

import re
import unicodedata

# đ/Đ have no Unicode decomposition, so NFKD alone leaves them in place.
_EXTRA_FOLDS = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "ø": "o", "ł": "l", "æ": "ae", "œ": "oe", "ß": "ss"})
_NON_WORD = re.compile(r"[^0-9a-z]+")


def fold(text: str) -> str:
    """Lower-case, strip diacritics (đ → d), turn punctuation into single spaces."""
    if text.isascii():
        return _NON_WORD.sub(" ", text.lower()).strip()
    decomposed = unicodedata.normalize("NFKD", text.translate(_EXTRA_FOLDS))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    return _NON_WORD.sub(" ", bare.translate(_EXTRA_FOLDS)).strip()


def tokens(text: str) -> list[str]:
    return fold(text).split()


# C0 and C1 controls (ESC, BEL, CSI …), bidirectional overrides and isolates, zero-width characters.
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]"
)


def _visible(match: re.Match[str]) -> str:
    ch = match.group()
    code = ord(ch)
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ESC shows as ␛
    if code == 0x7F:
        return "\u2421"
    return f"<U+{code:04X}>"


def safe(text: str) -> str:
    """Make control, bidi and zero-width characters visible so data cannot drive a terminal."""
    return _UNSAFE.sub(_visible, text)


def one_line(text: str) -> str:
    """Escape tabs, newlines and backslashes for one-line-per-record output, then make it safe."""
    escaped = text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    return safe(escaped)
