"""Reading what a passage of a source states besides its numbers: periods, qualifier words and goal words.

Used to prove the attributes of a figure against its quotes. Words are matched on folded text (lower case,
no diacritics, "đ" as "d"), so "cuối năm 2024" and "cuoi nam 2024" read the same. Patterns are compiled on first
use: only `validate --sources` and `extract` read passages.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from pcli.base.words import MONTHS

_YEAR = r"(1[89]\d\d|20\d\d|2100)"
_EXTRA = str.maketrans({"đ": "d", "Đ": "d", "–": "-", "—": "-"})

# Each pattern names what it reads; its groups are years (and a month number or name where it has one).
_PATTERNS = (
    (
        "range",
        rf"(?:tu|dari|from|between)\s+(?:nam\s+|tahun\s+|the\s+year\s+)?{_YEAR}\s+"
        rf"(?:den|hingga|sampai|to|and|until)\s+(?:nam\s+|tahun\s+)?{_YEAR}(?!\d)",
    ),
    ("range", rf"(?<![\d/.,]){_YEAR}\s*-\s*{_YEAR}(?!\d)"),
    ("end", rf"(?:cuoi\s+nam|cuoi|akhir\s+tahun|akhir|(?:the\s+)?end\s+of)\s+{_YEAR}(?!\d)"),
    ("start", rf"(?:dau\s+nam|dau|awal\s+tahun|awal|(?:the\s+)?(?:start|beginning)\s+of|early)\s+{_YEAR}(?!\d)"),
    ("month", rf"thang\s+(\d{{1,2}})\s*[-/]\s*{_YEAR}(?!\d)"),
    ("month", r"(" + "|".join(MONTHS) + rf")\s+{_YEAR}(?!\d)"),
    (
        "since",
        rf"(?:so\s+voi|dibandingkan(?:\s+dengan)?|compared\s+(?:with|to)|since)\s+(?:nam\s+|tahun\s+)?"
        rf"{_YEAR}(?!\d)",
    ),
    ("year", rf"(?<![\d/.,]){_YEAR}(?![\d/])"),
)
# Words just before a period that make it a point the value holds by: "đến tháng 9/2025", "by September 2025".
_BY = ("den", "tinh den", "hingga", "sampai", "by", "as of")

QUALIFIER_WORDS = {
    "more_than": ("hon", "tren", "lebih dari", "more than", "over"),
    "nearly": ("gan", "hampir", "nyaris", "nearly", "almost"),
    "about": ("khoang", "sekitar", "about", "around", "approximately"),
    "up_to": ("len toi", "toi", "hingga", "up to"),
}
BASICALLY_WORDS = ("co ban", "pada dasarnya", "basically")
GOAL_WORDS = ("muc tieu", "phan dau", "ke hoach", "chi tieu", "target", "sasaran", "tujuan", "goal", "aim")


class _FoldTable(dict[int, str]):
    """A translation table that works out each character's folded form the first time it is met."""

    def __missing__(self, code: int) -> str:
        ch = chr(code).translate(_EXTRA)
        base = unicodedata.normalize("NFKD", ch)[:1] if not ch.isascii() else ch
        folded = (base or ch).lower()[:1] or ch
        self[code] = folded
        return folded


_FOLD = _FoldTable()


def fold_keep(text: str) -> str:
    """Lower case without diacritics, punctuation kept, one character for each of the text's characters."""
    return text.translate(_FOLD)


@cache
def _compiled() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((kind, re.compile(pattern)) for kind, pattern in _PATTERNS)


def periods_in(text: str) -> set[tuple[str, bool]]:
    """Every period the text states, as (canonical period text, stated as a "by" point)."""
    folded = fold_keep(text)
    taken = [False] * len(folded)
    found: set[tuple[str, bool]] = set()
    since: list[int] = []
    for kind, pattern in _compiled():
        for m in pattern.finditer(folded):
            if any(taken[m.start() : m.end()]):
                continue
            taken[m.start() : m.end()] = [True] * (m.end() - m.start())
            if kind == "since":
                since.append(int(m[1]))
                continue
            by = folded[: m.start()].rstrip().endswith(_BY)
            found.add((_canonical(kind, m), by))
    ends = {int(p[:4]) for p, _ in found if p}
    for start in since:  # "6.401 miliar VND dibandingkan tahun 2020" beside "akhir tahun 2024": 2020-2024
        found.update((f"{start}-{end}", False) for end in ends if end > start)
    return found


def _canonical(kind: str, m: re.Match[str]) -> str:
    if kind == "range":
        return f"{m[1]}-{m[2]}"
    if kind == "end":
        return f"{m[1]}-12-31"
    if kind == "start":
        return f"{m[1]}-01-01"
    if kind == "month":
        month = int(m[1]) if m[1].isdigit() else MONTHS[m[1]]
        return f"{m[2]}-{month:02d}"
    return m[1]


def qualifier_before(text: str, start: int) -> str:
    """The qualifier stated by the words just before position `start` of text ("" for none)."""
    before = fold_keep(text[max(0, start - 30) : start]).rstrip()
    words = re.sub(r"[^0-9a-z ]+", " ", before).split()
    tail = " ".join(words[-2:])
    for qualifier, phrases in QUALIFIER_WORDS.items():
        for phrase in phrases:
            if tail == phrase or tail.endswith(" " + phrase):
                return qualifier
    return ""


def states_any(text: str, phrases: tuple[str, ...]) -> bool:
    """Whether the text states one of the (folded) phrases as whole words."""
    words = f" {' '.join(re.sub(r'[^0-9a-z ]+', ' ', fold_keep(text)).split())} "
    return any(f" {phrase} " in words for phrase in phrases)
