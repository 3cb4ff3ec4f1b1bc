"""Checking every number of a writer's draft against the base: supported, contradicted or unknown, with the figure
and its quote. One reader of numbers (base/reader.py, as `extract` reads an article) and one search (the answers'
index): a number's clause is its question.

A number is *supported* when a figure of the indicator its clause speaks of, for the period the sentence or its
paragraph gives, has its value, allowing the rounding writers use ("about 2,100" for 2,134; "0.4 %" for 0.43 %);
*contradicted* when the base holds another value for that indicator and period, or holds the value only as a
target the draft writes as achieved; *unknown* when the base holds nothing for it. Numbers that are not figures
(years, dates, document numbers, ages, ordinals, list numbers) get no verdict.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from pcli.answer.index import Fit
from pcli.answer.query import parse_query
from pcli.answer.search import Searcher, rank_figures
from pcli.base.model import Figure
from pcli.base.periods import Period, parse_period
from pcli.base.reader import Reading, read
from pcli.base.scan import FIGURE
from pcli.errors import UsageError

SUPPORTED, CONTRADICTED, UNKNOWN = "supported", "contradicted", "unknown"
SPEAKS = 0.5  # the share of a clause's words an indicator must explain for the number to be about it
_APPROXIMATE = ("about", "nearly")  # the reader's qualifiers for "about", "around", "khoảng", "gần", "sekitar"…
About = tuple[Fit, str | None]  # the indicator a clause speaks of, and the place it names
Last = tuple[tuple[int, int], About] | None  # the sentence of the number before, and what it spoke of
_KIND_OF_UNIT = {"percent": "percent", "percentage_points": "percent", "currency": "currency"}


class Verdict:
    """What the base says of one number of the draft."""

    __slots__ = ("line", "column", "start", "end", "written", "value", "verdict", "figure", "expected", "period",
                 "indicator", "note", "sentence")  # fmt: skip

    def __init__(self, reading: Reading, line: int, column: int, sentence: str) -> None:
        n = reading.number
        self.line, self.column, self.start, self.end = line, column, n.start, n.end
        self.written, self.value, self.sentence = n.written, n.value, sentence
        self.verdict = UNKNOWN
        self.figure: Figure | None = None  # the figure that supports the number, or the one that holds what it should be
        self.expected: float | None = None  # the base's value, when the number is contradicted
        self.period = reading.period
        self.indicator = ""
        self.note = ""  # a message key: why the verdict is what it is


def check(text: str, lang: str, searcher: Searcher) -> Iterator[Verdict]:
    """Every figure of the draft, judged, in reading order."""
    starts = [0, *(i + 1 for i, ch in enumerate(text) if ch == "\n")]
    import bisect

    last: Last = None
    for reading in read(_unwrapped(text), lang):
        if reading.kind != FIGURE:
            continue
        n = reading.number
        line = bisect.bisect_right(starts, n.start) - 1
        s0, s1 = reading.sentence
        verdict = Verdict(reading, line + 1, n.start - starts[line] + 1, text[s0:s1].strip())
        about = _judge(verdict, reading, text, searcher, last)
        if verdict.figure is not None:
            searcher.store.cite([verdict.figure])  # its quote, read only for the figures a verdict names
        last = (reading.sentence, about) if about is not None else None
        yield verdict


def _unwrapped(text: str) -> str:
    """The text with the line breaks of hard-wrapped paragraphs as spaces (offsets unchanged): a sentence goes on
    across them. A blank line, a heading and a list item still begin anew."""
    import re

    return re.sub(r"(?<=\S)\n(?=[^\n\s#>*+-]|[-+*]\S)", " ", text)


def _judge(
    v: Verdict, reading: Reading, text: str, searcher: Searcher, last: tuple[tuple[int, int], About] | None
) -> About | None:
    """Judge one number; what it was found to speak of, for the next number of the sentence."""
    s0, s1 = reading.sentence
    n = reading.number
    clause = _clause(text, s0, s1, n.start, n.end)
    kind = "percent" if n.percent else _KIND_OF_UNIT.get(reading.unit.kind if reading.unit else "", "")
    found = _about(clause, searcher, kind)
    if found is None and last is not None and last[0] == (s0, s1):  # "…, down from about 2,100": the same measure
        found = last[1]
    found = found or _about(text[s0 : n.start] + " " + text[n.end : s1], searcher, kind)
    if found is None:
        v.note = "check_nothing"
        return None
    fit, place = found
    indicator = fit.key.split(":", 1)[1]
    v.indicator = indicator
    v.period = _year_before(clause, reading.period)
    period = _period(v.period)
    if period is not None and _carried(reading) and not searcher.store.figures(indicator, [period], place, 1):
        v.period, period = "", None  # a period carried from another sentence that the measure does not have
    figures = searcher.store.figures(indicator, [period] if period else [], place, 200)
    if period is not None:
        figures = [f for r, f in rank_figures(figures, (period,)) if r < 2 or f.period.start == period.start]
    goals = [f for f in figures if f.status == "target"]
    achieved = [f for f in figures if f.status != "target"]
    standing = goals if reading.target else achieved
    match = next((f for f in standing if agrees(n.value, n.written, reading.qualifier, f)), None)
    if match is not None:
        v.verdict, v.figure, v.note = SUPPORTED, match, ""
        return found
    if not reading.target and any(agrees(n.value, n.written, reading.qualifier, f) for f in goals):
        v.verdict, v.note = CONTRADICTED, "check_target"
        v.figure = next(f for f in goals if agrees(n.value, n.written, reading.qualifier, f))
        v.expected = achieved[0].value if achieved else None
        return found
    if standing and (period is not None or len(standing) == 1):
        v.verdict, v.figure, v.expected = CONTRADICTED, standing[0], standing[0].value
        v.note = "check_other_figure" if _held_elsewhere(n.value, searcher, standing[0]) else "check_other_value"
        return found
    v.note = "check_no_period" if standing else "check_not_held"
    return found


def _about(text: str, searcher: Searcher, kind: str) -> tuple[Fit, str | None] | None:
    """The indicator a clause speaks of, of a unit of the number's kind, and the place it names; or nothing."""
    try:
        query = parse_query(text[:900], searcher.places, searcher.numbers)
    except UsageError:
        return None
    fits = searcher.index.score(query.words, frozenset(("indicator",)), query.head)
    for fit in fits[:8]:
        if fit.share < SPEAKS:
            break
        unit = searcher.store.base.units.get(searcher.store.base.indicators[fit.key.split(":", 1)[1]].unit)
        unit_kind = unit.kind if unit else ""
        if not kind or _KIND_OF_UNIT.get(unit_kind, "") == kind:
            return fit, query.place
    return None


def _clause(text: str, s0: int, s1: int, start: int, end: int) -> str:
    """The words that speak of the number: its clause, between the numbers before and after it."""
    import re

    from pcli.base.reader import CLAUSE_END

    left = re.split(r"\d[\d.,]*\s*%?", text[s0:start])[-1]
    left = CLAUSE_END.split(left)[-1]
    left = re.split(r"\b(?:and|và|dan|but|nhưng|namun|while)\b", left)[-1]
    right = CLAUSE_END.split(re.split(r"\d", text[end:s1])[0])[0]
    return left + " " + right


# "a year earlier": the period before the one the sentence gives.
_YEAR_BEFORE = ("a year earlier", "the year before", "the previous year", "a year before", "nam truoc", "truoc do mot nam",
                "tahun sebelumnya", "setahun sebelumnya")  # fmt: skip


def _year_before(clause: str, period: str) -> str:
    from pcli.base.reading import fold_keep

    folded = " ".join(fold_keep(clause).split())
    if period[:4].isdigit() and any(p in folded for p in _YEAR_BEFORE):
        return str(int(period[:4]) - 1)
    return period


def _carried(reading: Reading) -> bool:
    """Whether the number's period comes from outside its sentence (the paragraph's lead, the article's start)."""
    s0, s1 = reading.sentence
    return bool(reading.dated_by) and all(not s0 <= p.start < s1 for p in reading.dated_by)


def _period(text: str) -> Period | None:
    if not text:
        return None
    try:
        return parse_period(text)
    except ValueError:
        return None


def _held_elsewhere(value: float, searcher: Searcher, expected: Figure) -> bool:
    """Whether the number is another figure of the base: the near-poor count written as the poor one."""
    return any(f.id != expected.id for f in searcher.store.figures_valued(frozenset((value,)), 5))


def agrees(value: float, written: str, qualifier: str, figure: Figure) -> bool:
    """Whether a number as a writer wrote it states the figure: the same value, or the figure rounded to the
    precision the writer wrote ("2,100" or "about 2,100" for 2,134; "0.4 %" for 0.43 %), nearly less than it
    ("nearly 10,000" for 9,928), or more than what the base says is more than it."""
    target = figure.value
    if math.isclose(value, target, rel_tol=1e-9, abs_tol=1e-12):
        return True
    if qualifier == "more_than":
        return target >= value and (figure.qualifier == "more_than" or target <= value * 1.1)
    if qualifier in ("up_to", "under"):
        return target <= value and target >= value * 0.9
    step = _precision(written, value)
    if step <= 0:
        return False
    rounded = abs(target - value) <= step / 2 + 1e-9 * abs(value)
    if qualifier in _APPROXIMATE:
        close = abs(target - value) <= max(step / 2, 0) and abs(target - value) <= 0.05 * abs(value)
        return close and (qualifier != "nearly" or target <= value)
    return rounded and _looks_rounded(written, target, step)


def _precision(written: str, value: float) -> float:
    """The step of the last digit the writer wrote, in base units: 100 for "2,100", 0.1 for "0,4", 10⁹ × 100 for
    "8.700 tỷ"."""
    digits = "".join(ch for ch in written if ch.isdigit())
    if not digits or value == 0:
        return 0.0
    decimals = 0
    for sep in ".,":
        tail = written.rsplit(sep, 1)[-1] if sep in written else ""
        if tail.isdigit() and len(tail) != 3:
            decimals = len(tail)
    shown = int(digits) / 10**decimals  # the number as written, without its scale
    if shown == 0:
        return 0.0
    scale = abs(value) / shown
    if decimals:
        return float(scale * 10.0**-decimals)
    zeros = len(digits) - len(digits.rstrip("0"))
    return float(scale * 10.0**zeros)


def _looks_rounded(written: str, target: float, step: float) -> bool:
    """A number with no qualifier rounds the figure only when it is written rounder than the figure: two or more
    trailing zeros ("2,100"), or fewer decimals than the figure has ("0.4" for 0.43)."""
    digits = "".join(ch for ch in written if ch.isdigit())
    zeros = len(digits) - len(digits.rstrip("0"))
    return zeros >= 2 or (step < 1 and not float(target).is_integer())
