"""The periods a question names: years, ranges ("2022-2024" folds to "2022 2024"), and points in them ("end of
2024", "cuối năm 2024", "tháng 9 2025", "the start of the 2022-2025 period")."""

from __future__ import annotations

from pcli.base.periods import Period, parse_period
from pcli.base.words import MONTHS

# "end of 2024", "cuối năm 2024", "akhir tahun 2024": a point in time, not the whole year.
_POINT_WORDS = {("end", "of"): "12-31", ("cuoi", "nam"): "12-31", ("cuoi",): "12-31", ("akhir", "tahun"): "12-31",
                ("akhir",): "12-31", ("start", "of"): "01-01", ("beginning", "of"): "01-01", ("dau", "nam"): "01-01",
                ("dau",): "01-01", ("awal", "tahun"): "01-01", ("awal",): "01-01", ("early",): "01-01",
                ("late",): "12-31", ("end",): "12-31", ("start",): "01-01"}  # fmt: skip
_RANGE_JOINERS = frozenset(("to", "den", "hingga", "sampai"))


def is_year(word: str) -> bool:
    return len(word) == 4 and word.isascii() and word.isdigit() and 1900 <= int(word) <= 2100


def read_periods(words: list[str]) -> tuple[list[str], list[Period]]:
    """Take the years, ranges ("2022-2024" folds to "2022 2024") and points ("end of 2024") out of the words."""
    rest: list[str] = []
    periods: list[Period] = []
    i = 0
    while i < len(words):
        word = words[i]
        if not is_year(word):
            rest.append(word)
            i += 1
            continue
        j = i + 1 + (i + 1 < len(words) and words[i + 1] in _RANGE_JOINERS)
        if j < len(words) and is_year(words[j]) and words[j] > word:
            text, i = _range_point(rest, word, words[j]) or f"{word}-{words[j]}", j + 1
        else:
            text, i = _point(rest, word), i + 1
        if (period := parse_period(text)) not in periods:
            periods.append(period)
    return rest, periods


_OF_RANGE = frozenset(("the", "giaidoan", "period", "periode", "ky"))  # "the start of the 2022-2025 period"


def _range_point(rest: list[str], first: str, last: str) -> str:
    """The start or the end of a range the words before it name ("at the start of the 2022-2025 period", "đầu
    giai đoạn 2022-2025", "akhir periode 2021-2025"), taking those words out of rest; "" for the whole range."""
    kept = len(rest)
    while kept and rest[kept - 1] in _OF_RANGE:
        kept -= 1
    for n in (2, 1):
        point = _POINT_WORDS.get(tuple(rest[kept - n : kept])) if kept >= n else None
        if point:
            del rest[kept - n :]
            return f"{first}-01-01" if point == "01-01" else f"{last}-12-31"
    return ""


def _point(rest: list[str], year: str) -> str:
    """The year, or the point in it the words before it name ("end of 2024", "tháng 9 2025", "September 2025"),
    taking those words out of rest."""
    for n in (2, 1):
        point = _POINT_WORDS.get(tuple(rest[-n:])) if len(rest) >= n else None
        if point:
            del rest[-n:]
            return f"{year}-{point}"
    if len(rest) >= 2 and rest[-2] == "thang" and rest[-1].isdigit() and 1 <= int(rest[-1]) <= 12:
        month = int(rest[-1])
        del rest[-2:]
        return f"{year}-{month:02d}"
    if rest and rest[-1] in MONTHS:
        return f"{year}-{MONTHS[rest.pop()]:02d}"
    return year
