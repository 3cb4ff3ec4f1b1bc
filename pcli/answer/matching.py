"""How a word of a question matches a word of the base: the same, a prefix, one typo, another form of the word,
the root an Indonesian word is built on; and names found among words."""

from __future__ import annotations


def _close(a: str, b: str) -> bool:
    """Within one edit (insert, delete, substitute or swap two neighbours)."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        diff = [i for i in range(la) if a[i] != b[i]]
        swapped = len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
        return len(diff) == 1 or swapped
    if la > lb:
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1 :]


def similarity(word: str, token: str) -> float:
    """1 for the same word, 0.85 for a prefix, 0.8 for one typo, 0.7 for another form of the word, else 0."""
    if word == token:
        return 1.0
    if len(word) >= 3 and token.startswith(word) and (len(word) >= 4 or 2 * len(word) >= len(token)):
        return 0.85  # a syllable of three letters is no prefix of a long word: "cap" (cấp) is not "capital"
    if len(word) >= 4 and len(token) >= 4 and abs(len(word) - len(token)) <= 1 and _close(word, token):
        return 0.8
    return FORM if is_form(word, token) else 0.0


FORM = 0.7
TYPO = 0.8


def is_form(word: str, token: str) -> bool:
    """Another form of the same word: "reduced" and "reduction", "enrolment" and "enrolled"; but not "houses" and
    "households", whose tails are longer than an ending."""
    if word[:5] != token[:5]:
        return False
    common = 0
    for a, b in zip(word, token, strict=False):
        if a != b:
            break
        common += 1
    ending = max(len(word), len(token)) - common <= 4
    return common >= 5 and common >= 0.7 * min(len(word), len(token)) and ending


# Indonesian builds words from a root with prefixes and suffixes ("ber-kurang", "peng-urang-an", "di-dukung",
# "dukung-an"), whose first letters differ: a prefix may replace the root's first letter (meny-salur → salur).
_PREFIXES = (("memper", ""), ("diper", ""), ("meng", "k"), ("peng", "k"), ("meny", "s"), ("peny", "s"), ("mem", "p"),
             ("pem", "p"), ("men", "t"), ("pen", "t"), ("ber", ""), ("ter", ""), ("per", ""), ("me", ""), ("pe", ""),
             ("di", ""), ("ke", ""), ("se", ""))  # fmt: skip
_SUFFIXES = ("nya", "kan", "an", "i", "")
_VOWELS = frozenset("aeiou")


def roots(word: str) -> frozenset[str]:
    """The roots a word may be built on (five letters or more), itself among them: "pengurangan" → "kurang"."""
    found = {word}
    for suffix in _SUFFIXES:
        stem = word[: len(word) - len(suffix)] if suffix and word.endswith(suffix) else word if not suffix else ""
        if not stem:
            continue
        found.add(stem)
        for prefix, first in _PREFIXES:
            if stem.startswith(prefix) and len(stem) > len(prefix) + 2:
                rest = stem[len(prefix) :]
                found.add(rest)
                if first and rest[0] in _VOWELS:
                    found.add(first + rest)
                break  # the longest prefix only: "meny-salur", not "me-nyalur"
    return frozenset(r for r in found if len(r) >= 5 and r.isalpha())


def in_row(part: tuple[str, ...], whole: tuple[str, ...]) -> bool:
    """Whether the words of part come in a row among those of whole."""
    n = len(part)
    return any(whole[i : i + n] == part for i in range(len(whole) - n + 1))


def within(name: tuple[str, ...], words: tuple[str, ...]) -> bool:
    """Whether a name's words come in a row among the words (a name of two words at least), or, for a name of three
    words or more, all of them in another order: "Cabang Hanoi dari Bank Kebijakan Sosial" names the bank's branch."""
    return len(name) >= 2 and in_row(name, words) or len(name) >= 3 and set(name) <= set(words)
