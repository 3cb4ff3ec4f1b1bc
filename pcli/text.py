"""Folding text for matching, and making data text safe to print."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, partial

# Letters no Unicode decomposition takes apart (đ is not d with a mark), so NFKD alone leaves them in place.
_LETTERS = {"đ": "d", "Đ": "d", "ð": "d", "Ð": "d", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "æ": "ae", "œ": "oe", "ß": "ss"}
_EXTRA_FOLDS = str.maketrans(_LETTERS)
LETTER_FOLDS = _EXTRA_FOLDS
_NON_WORD = re.compile(r"[^0-9a-z]+")


def pattern(regex: str, flags: int = 0) -> Callable[[], re.Pattern[str]]:
    """A regular expression compiled when it is first used: compiling one costs a run about as much as importing
    a module does (benchmarks/README.md, "Start-up tricks"), and most runs use few of them."""
    return cache(partial(re.compile, regex, flags))


class _Kept(dict[int, str]):
    """Each character to itself where `keep` holds for it, else to a space, filled in as characters are met: the
    runs of a class of characters found by one translation, with no pattern to compile."""

    def __init__(self, keep: Callable[[str], bool]) -> None:
        super().__init__()
        self.keep = keep

    def __missing__(self, code: int) -> str:
        value = self[code] = chr(code) if self.keep(chr(code)) else " "
        return value


_DIGIT = _Kept(str.isdecimal)  # \d: Unicode's decimal digits
_WORD = _Kept(str.isalnum)  # [^\W_]: \w is str.isalnum() and "_"
_LETTER = _Kept(lambda ch: ch.isalnum() and not ch.isdecimal())  # [^\W\d_]: \w is str.isalnum() and "_"


def digit_runs(text: str) -> list[str]:
    r"""The runs of digits of a text, as re.findall(r"\d+", text) finds them."""
    return text.translate(_DIGIT).split()


def word_runs(text: str) -> list[str]:
    r"""The words of a text as written, letters and digits, marks and all: re.findall(r"[^\W_]+", text)."""
    return text.translate(_WORD).split()


def letter_runs(text: str) -> list[str]:
    r"""The runs of letters of a text, as re.findall(r"[^\W\d_]+", text) finds them."""
    return text.translate(_LETTER).split()


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


class _InPlace(dict[int, str]):
    """Each character to its folded form, one character for one, worked out the first time it is met: lower case,
    no diacritics, the letters above as their one-letter folds, dashes as "-"."""

    def __missing__(self, code: int) -> str:
        import unicodedata

        ch = chr(code)
        letter = _LETTERS.get(ch, "")
        if len(letter) == 1 or ch in "–—":
            folded = letter or "-"
        else:
            first = unicodedata.normalize("NFKD", ch)[:1] if not ch.isascii() else ch
            folded = (first or ch).lower()[:1] or ch
        self[code] = folded
        return folded


_IN_PLACE = _InPlace()


def fold_keep(text: str) -> str:
    """The text folded as `fold` folds it but with its punctuation kept and one character for each of the text's
    characters, so that a position in the folded text is the same position in the text."""
    return text.translate(_IN_PLACE)


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


_VIETNAMESE = frozenset("ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ")


def marked_vietnamese(text: str) -> bool:
    """Whether a text is Vietnamese written with its marks: a letter only Vietnamese writes ("ư", "ộ")."""
    return not text.isascii() and not _VIETNAMESE.isdisjoint(text.lower())
