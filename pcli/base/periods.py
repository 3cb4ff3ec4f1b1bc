"""Periods: a year ("2023"), a range of years ("2022-2024"), a month ("2025-07"), a day ("2024-12-31"), or none
(undated: the text gives no period, and the figure belongs to no year)."""

from __future__ import annotations

from pcli.messages import say, word
from pcli.text import digit_runs

_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


class Period:
    """A plain class, not a dataclass or named tuple: pcli's start-up time is measured."""

    __slots__ = ("text", "kind", "start", "end", "month", "day")

    def __init__(self, text: str, kind: str, start: int, end: int, month: int = 0, day: int = 0) -> None:
        self.text = text  # canonical form, as written in the fact base
        self.kind = kind  # "year" | "range" | "month" | "day" | "undated"
        self.start = start  # first year covered
        self.end = end  # last year covered
        self.month = month
        self.day = day

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Period) and self.text == other.text

    def __hash__(self) -> int:
        return hash(self.text)

    def __repr__(self) -> str:
        return f"Period({self.text!r})"

    @property
    def year(self) -> int | None:
        """The one year this period falls in: "end of 2024" counts as 2024. None for a range or no period."""
        return None if self.kind in ("range", "undated") else self.start

    @property
    def sort_key(self) -> tuple[int, int, int, int]:
        """Chronological: by when the period ends, a whole year after its own points in time; undated first."""
        if self.kind == "undated":
            return (0, 0, 0, 0)
        if self.kind == "range":
            return (self.end, 13, 0, self.start)
        if self.kind == "year":
            return (self.start, 12, 32, self.start)
        return (self.start, self.month, self.day or 32, self.start)

    def matches(self, asked: Period) -> int | None:
        """How well this figure period answers the period asked for, or None if it does not.

        0: exactly the period asked; 1: within it (a point in the year asked, a year inside the range asked,
        the same year as the point asked); 2: a range that merely contains the year asked.
        """
        if self.kind == "undated" or asked.kind == "undated":
            return None
        if self.text == asked.text:
            return 0
        if asked.kind == "range":
            return 1 if self.kind != "range" and asked.start <= self.start <= asked.end else None
        if self.kind == "range":
            return 2 if self.start <= asked.start <= self.end else None
        if self.start != asked.start:
            return None
        return 0 if self.kind == asked.kind == "year" else 1

    def display(self, lang: str = "en", as_of: bool = False) -> str:
        """The period for people; `as_of` writes "by September 2025" for a value that holds by then."""
        if as_of and self.kind != "undated":
            return say("by", lang, period=self._display(lang))
        return self._display(lang)

    def _display(self, lang: str) -> str:
        if self.kind == "undated":
            return word("undated", lang)
        if self.kind == "year":
            return say("year", lang, year=self.start)
        if self.kind == "range":
            return f"{self.start}–{self.end}"
        if self.kind == "month":
            return say("month_year", lang, month=word("months", lang).split()[self.month - 1], year=self.start)
        if (self.month, self.day) == (12, 31):
            return say("end_of", lang, year=self.start)
        if (self.month, self.day) == (1, 1):
            return say("start_of", lang, year=self.start)
        return say("day_month_year", lang, day=self.day, month=word("months", lang).split()[self.month - 1], year=self.start)

    def __str__(self) -> str:
        return self.text


def _number(text: str, digits: int) -> int | None:
    return int(text) if len(text) == digits and text.isascii() and text.isdigit() else None


UNDATED = Period("", "undated", 0, 0)


_PARSED: dict[str, Period] = {}


def parse_period(text: str) -> Period:
    """Parse a period; raise ValueError with a message that says what is wrong. Years run from 1900 to 2100.
    A base names few periods many times: each is parsed once (periods are never changed once made)."""
    period = _PARSED.get(text)
    if period is None:
        period = _PARSED[text] = _parse_period(text)
    return period


def _parse_period(text: str) -> Period:
    raw = text.strip()
    if raw != text:
        raise ValueError(f"{text!r} has spaces around it: write {raw!r}")
    for four in (run[i : i + 4] for run in digit_runs(raw) for i in range(0, len(run) - 3, 4)):  # re's \d{4}
        if not 1900 <= int(four) <= 2100:
            raise ValueError(f"{raw!r}: the year {four} is outside 1900-2100")
    parts = raw.split("-")
    if (year := _number(raw, 4)) is not None:
        return Period(raw, "year", year, year)
    if len(parts) == 2 and (year := _number(parts[0], 4)) is not None and (month := _number(parts[1], 2)) is not None:
        if not 1 <= month <= 12:
            raise ValueError(f"month {month} in {raw!r} is not 01-12")
        return Period(raw, "month", year, year, month)
    if (
        len(parts) == 3
        and (year := _number(parts[0], 4)) is not None
        and (month := _number(parts[1], 2)) is not None
        and (day := _number(parts[2], 2)) is not None
    ):
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        if not 1 <= month <= 12 or not 1 <= day <= _DAYS_IN_MONTH[month - 1] - (month == 2 and not leap):
            raise ValueError(f"{raw!r} is not a valid date")
        return Period(raw, "day", year, year, month, day)
    ends = raw.replace("–", "-").replace("/", "-").replace(" ", "").split("-")
    if len(ends) == 2 and (start := _number(ends[0], 4)) is not None and (end := _number(ends[1], 4)) is not None:
        if start >= end:
            raise ValueError(f"range {raw!r} must run from an earlier year to a later one")
        return Period(f"{start}-{end}", "range", start, end)
    raise ValueError(f"{raw!r} is not a period: use a year (2023), a range (2022-2024), a month (2025-07) or a day (2024-12-31)")
