"""What a question writes in figures before its words are read (pcli/answer/query.py): the documents it cites by
number, the months it writes as numbers, a place it names by its kind, and whether it states a number that is not
a year. Each is found without compiling a pattern when the text cannot hold it (the common case): compiling one
costs a run about as much as importing a module."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from functools import cache

from pcli.answer.question_periods import is_year
from pcli.base.words import DOCUMENT_KINDS, MONTHS
from pcli.text import digit_runs, fold, fold_keep, pattern

Numbers = Iterable[tuple[str, str, tuple[str, str, str]]]  # (document id, kind, split number), read more than once
_NUMBER = r"(\d{1,5})(?:\s*/\s*(\d{4}))?(?:\s*/\s*([a-z][a-z0-9-]*))?"
_DIGITS = pattern(r"\d+")
_YEARS = pattern(r"(?<![\d.,])(?:19\d\d|20\d\d|2100)(?![\d.,]\d|\d|\s*%)")
# "tháng 9/2025", "10/12/2025", "bulan 9/2025": a month of a year, not a document number.
_DATE = pattern(r"(?i:\b(?:ngày|ngay|tháng|thang|tanggal|bulan|month)\s+)*\b(?:(\d{1,2})/)?(\d{1,2})/(\d{4})\b(?!\s*/)")
_MONTH_NAMES = {n: name for name, n in MONTHS.items()}
# A place named by its kind and a capitalised name: "komune Ba Vi", "xã Mê Linh", "the district of Dong Anh"; the
# same in English order: "Ba Dinh district", "Lakeside province" (the first five kinds).
_PLACE_KINDS = ("commune", "district", "province", "ward", "village", "xã", "huyện", "tỉnh", "phường", "thôn", "quận",
                "komune", "kecamatan", "kabupaten", "provinsi", "kelurahan", "desa")  # fmt: skip
_NAMED_PLACE = pattern(r"(?i:\b(?:" + "|".join(_PLACE_KINDS) + r")(?:\s+of)?)\s+((?:[A-ZĐ][^\W\d_]*)(?:\s+[A-ZĐ][^\W\d_]*){0,3})")
_PLACE_NAMED = pattern(r"\b((?:[A-ZĐ][^\W\d_]*)(?:\s+[A-ZĐ][^\W\d_]*){0,3})\s+(?i:" + "|".join(_PLACE_KINDS[:5]) + r")\b")
# Besides a letter's lower case, (?i) matches i to ı and İ, s to ſ, k to the Kelvin sign.
_CASELESS = str.maketrans({"İ": "i", "ı": "i", "ſ": "s", "K": "k"})


def states_number(text: str) -> bool:
    """Whether the text has a digit outside the plain years _YEARS takes out. Without ".", "," or "%" every run
    of digits stands alone, so a run that is a year (1900-2100) is one _YEARS takes out: no pattern is needed."""
    plain = "." not in text and "," not in text and "%" not in text
    if plain and all(len(run) == 4 and (run[:2] in ("19", "20") or run == "2100") for run in digit_runs(text)):
        return False
    return bool(_DIGITS().search(_YEARS().sub("", text)))


def named_place(text: str) -> str:
    """The name of a place the text names by its kind, folded ("ba dinh"), or "". A text that says no kind of
    place in any case (as (?i) reads it) holds none."""
    lowered = text.translate(_CASELESS).lower()
    if not any(kind in lowered for kind in _PLACE_KINDS):
        return ""
    named = _NAMED_PLACE().search(text) or _PLACE_NAMED().search(text)
    return fold(named[1]) if named else ""


def dates(text: str, numbers: Numbers) -> str:
    """Write each month or day the question gives as a number ("9/2025", "10/12/2025") as the month's name and
    its year ("september 2025"), which the periods read; a document's number is left as it is."""
    held = {(n, y) for _, _, (n, y, _) in numbers}

    def month(m: re.Match[str]) -> str:
        number, year = m[2].lstrip("0") or "0", m[3]
        if not 1 <= int(number) <= 12 or not is_year(year) or (not m[1] and (number, year) in held):
            return m[0]
        return f" {_MONTH_NAMES[int(number)]} {year}"

    return _DATE().sub(month, text)


def documents(text: str, numbers: Numbers) -> tuple[str, list[str], str]:
    """Find the document numbers the question cites ("24/2021/QH15", "24/2021", "nghị quyết 24", "decision 1362")
    and take them out of the text (a document number is neither a period nor an odd year): the text left, the ids
    of the documents cited, and the last number cited that no document has."""
    found: list[str] = []
    cited = ""
    if "/" not in text and all(is_year(run) for run in digit_runs(text)):
        return text, found, cited  # no number but years and no "/": no document number (the common case)
    folded = fold_keep(text)
    named = {kind for kind, kind_words in _kind_patterns() if kind_words.search(folded)}
    kept = []
    last = 0
    for m in re.finditer(_NUMBER, folded):
        num, year, suffix = m[1].lstrip("0") or "0", m[2] or "", m[3] or ""
        if not (year or suffix or named) or (not year and not suffix and is_year(m[1])):
            continue
        hits = [ident for ident, kind, (n, y, s) in numbers if n == num and (not year or year == y)
                and (not suffix or suffix == s) and (not named or kind in named)]  # fmt: skip
        found.extend(h for h in hits if h not in found)
        if not hits:
            cited = m[0]
        kept.append(text[last : m.start()])
        last = m.end()
    return "".join(kept) + text[last:], found, cited


@cache
def _kind_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """One pattern a kind of document, of its words in three languages ("resolution", "nghị quyết", "NQ")."""
    return tuple(
        (kind, re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b")) for kind, words in DOCUMENT_KINDS.items()
    )


def _split_number(number: str) -> tuple[str, str, str]:
    """ "24/2021/QH15" as ("24", "2021", "qh15"); "1362/QĐ-UBND" as ("1362", "", "qd-ubnd")."""
    plain = fold_keep(number).replace(" ", "")  # numbers are ASCII but for Đ
    m = re.fullmatch(_NUMBER, plain)
    return (m[1].lstrip("0") or "0", m[2] or "", m[3] or "") if m else ("", "", "")


def document_numbers(documents: list[tuple[str, str, str]]) -> list[tuple[str, str, tuple[str, str, str]]]:
    """(id, kind, split number) of each (id, kind, number) document, for parse_query."""
    return [(ident, kind, _split_number(number)) for ident, kind, number in documents]


class DocumentNumbers:
    """document_numbers of a base's documents, read and split when a question first may cite one: most questions
    have no "/" and no number but years, and never do."""

    def __init__(self, documents: Callable[[], list[tuple[str, str, str]]]) -> None:
        self._documents = documents
        self._split: list[tuple[str, str, tuple[str, str, str]]] | None = None

    def __iter__(self) -> Iterator[tuple[str, str, tuple[str, str, str]]]:
        if self._split is None:
            self._split = document_numbers(self._documents())
        return iter(self._split)
