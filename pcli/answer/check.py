"""Checking every number of a writer's draft against the base: supported, contradicted or unknown, with the figure
and its quote. One reader of numbers (articles/reader.py, as `extract` reads an article) and one search (the answers'
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

from pcli.answer.query import parse_query
from pcli.answer.search import Searcher
from pcli.articles.reader import Reading, read
from pcli.articles.scan import FIGURE
from pcli.base.model import Figure
from pcli.base.periods import Period, parse_period
from pcli.errors import UsageError

SUPPORTED, CONTRADICTED, UNKNOWN = "supported", "contradicted", "unknown"
HELD = 0.7  # a figure holding the number answers for it if its words score this share of the best-spoken's
SPEAKS = 0.5  # the share of a clause's words an indicator must explain for the number to be about it
_APPROXIMATE = ("about", "nearly")  # the reader's qualifiers for "about", "around", "khoảng", "gần", "sekitar"…
About = tuple[str, str | None]  # the indicator a number was found to speak of, and the place its words name
Last = dict[str, tuple[tuple[int, int], About]]  # by kind of number: the sentence of the last one, what it spoke of
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

    last: Last = {}
    for reading in read(_unwrapped(text), lang):
        if reading.kind != FIGURE:
            continue
        n = reading.number
        line = bisect.bisect_right(starts, n.start) - 1
        s0, s1 = reading.sentence
        verdict = Verdict(reading, line + 1, n.start - starts[line] + 1, text[s0:s1].strip())
        _judge(verdict, reading, text, searcher, last)
        if verdict.figure is not None:
            searcher.store.cite([verdict.figure])  # its quote, read only for the figures a verdict names
        yield verdict


def _unwrapped(text: str) -> str:
    """The text with the line breaks of hard-wrapped paragraphs as spaces (offsets unchanged): a sentence goes on
    across them. A blank line, a heading and a list item (bulleted or numbered) still begin anew."""
    import re

    return re.sub(r"(?<=\S)\n(?!\s*(?:[#>*+-]|\(?\d{1,3}[.)/]\s))(?=\S)", " ", text)


def _judge(v: Verdict, reading: Reading, text: str, searcher: Searcher, last: Last) -> None:
    """Judge one number, and note what it was found to speak of, for the next number of its kind in the sentence
    ("… 2,134 poor households in 2022 and 690 in 2023").

    The indicators its clause, its sentence and the number before it in the sentence speak of are the
    candidates. A figure of theirs that holds the number's value (as the writer rounds it) answers for it, unless
    the words speak of another indicator more; else the indicator the words speak of most is held to the number.
    """
    s0, s1 = reading.sentence
    n = reading.number
    clause = _clause(text, s0, s1, n.start, n.end)
    v.period = _year_before(clause, reading.period)
    period = _period(v.period)
    kind = "percent" if n.percent else _KIND_OF_UNIT.get(reading.unit.kind if reading.unit else "", "count")
    scores: dict[str, float] = {}
    places: dict[str, str | None] = {}
    for weight, words in ((1.0, clause), (0.5, text[s0 : n.start] + " " + text[n.end : s1])):  # its clause counts most
        for indicator, share, place in _fits(words, searcher, kind):
            scores[indicator] = scores.get(indicator, 0.0) + weight * share
            places.setdefault(indicator, place)
    before = last.get(kind)
    clear = any(share >= SPEAKS for share in scores.values())
    own_noun = _noun_after(text, n.end, s1)
    if before is not None and before[0] == (s0, s1) and not clear and _may_share(own_noun, before[1][0], searcher):
        indicator = before[1][0]
        scores[indicator] = scores.get(indicator, 0.0) + 0.5
        places.setdefault(indicator, before[1][1])
    ranked = sorted(scores, key=lambda i: -scores[i])
    spoken = ranked[0] if ranked and scores[ranked[0]] >= SPEAKS else None
    held = _holding(reading, ranked[:8], scores, places, period, searcher, kind)
    if held is not None and (spoken is None or scores.get(held.indicator, 0.0) >= HELD * scores[spoken]):
        v.indicator = held.indicator
        _by_value(v, reading, held, period, places.get(held.indicator), searcher)
        last[kind] = ((s0, s1), (held.indicator, places.get(held.indicator)))
        return
    if spoken is None:
        v.note = "check_nothing"
        return
    v.indicator = spoken
    _by_words(v, reading, spoken, period, places.get(spoken), searcher)
    last[kind] = ((s0, s1), (spoken, places.get(spoken)))


_SCALES = frozenset("thousand million billion trillion nghin ngan trieu ty ti ribu juta miliar triliun".split())


def _noun_after(text: str, end: int, stop: int) -> str:
    """The word that names what a number counts, just after it and its scale word ("8.5 million *inhabitants*"),
    or "" when a word of no meaning follows ("about 2,100 *a* year earlier")."""
    from pcli.base.words import FILLER
    from pcli.text import fold

    for word in fold(text[end : min(stop, end + 60)]).split()[:2]:
        if word not in _SCALES:
            return "" if word in FILLER or word.isdigit() else word
    return ""


def _may_share(noun: str, indicator: str, searcher: Searcher) -> bool:
    """Whether a number may be of the measure of the number before it: it names no thing of its own, or the
    thing that measure's unit counts."""
    if not noun:
        return True
    from pcli.text import fold

    base = searcher.store.base
    unit = base.units.get(base.indicators[indicator].unit)
    return unit is not None and any(noun in fold(label).split() for label in unit.label.values())


def _holding(reading: Reading, candidates: list[str], scores: dict[str, float], places: dict[str, str | None],
             period: Period | None, searcher: Searcher, kind: str) -> Figure | None:  # fmt: skip
    """The figure that holds the number's value as the writer wrote it: of the best-spoken candidate that has
    one (the one of the period given, if it has several), else a figure of exactly that value the words do not
    speak against."""
    n = reading.number
    for indicator in candidates:
        if scores[indicator] < 0.2:
            break
        held = [f for f in searcher.store.figures(indicator, [], places.get(indicator), 200)
                if agrees(n.value, n.written, reading.qualifier, f)]  # fmt: skip
        if held:
            return next((f for f in held if period is not None and _stands(f, period)), held[0])
    exact = [f for f in searcher.store.figures_valued(frozenset((n.value,)), 20) if searcher.unit_kind(f.indicator) == kind]
    exact = [f for f in exact if f.indicator in scores]  # one the words do not rule out ("near-poor" for "poor")
    return exact[0] if len({f.indicator for f in exact}) == 1 else None


def _by_value(v: Verdict, reading: Reading, f: Figure, period: Period | None, place: str | None, searcher: Searcher) -> None:
    """The number is the value of figure f: supported if the periods agree and f is what the draft says it is."""
    v.figure = f
    if f.status == "target" and not reading.target:
        others = [g for g in searcher.store.figures(f.indicator, [f.period], place, 20) if g.status != "target"]
        v.verdict, v.note, v.expected = CONTRADICTED, "check_target", others[0].value if others else None
        return
    if period is None or _stands(f, period):
        v.verdict = SUPPORTED
        return
    others = [g for g in searcher.store.figures(f.indicator, [period], place, 20) if _stands(g, period)]
    others = [g for g in others if g.status == f.status]
    if others:  # 2022's figure written for 2023
        v.verdict, v.figure, v.expected, v.note = CONTRADICTED, others[0], others[0].value, "check_other_period"
    elif _carried(reading):  # the period comes from another sentence: the number's own figure stands
        v.verdict, v.period = SUPPORTED, ""
    else:
        v.note = "check_not_held"


def _by_words(v: Verdict, reading: Reading, indicator: str, period: Period | None, place: str | None,
              searcher: Searcher) -> None:  # fmt: skip
    """The number is said of an indicator no figure of which holds its value: contradicted by the figure of the
    period it gives, unknown when the base has none."""
    if period is not None and _carried(reading) and not searcher.store.figures(indicator, [period], place, 1):
        v.period, period = "", None  # a period carried from another sentence that the measure does not have
    figures = searcher.store.figures(indicator, [period] if period else [], place, 200)
    if period is not None:
        figures = [f for f in figures if _stands(f, period)]
    standing = [f for f in figures if (f.status == "target") == reading.target]
    if standing and (period is not None or len(standing) == 1):
        v.verdict, v.figure, v.expected = CONTRADICTED, standing[0], standing[0].value
        v.note = "check_other_figure" if _held_elsewhere(reading.number.value, searcher, standing[0]) else "check_other_value"
        return
    v.note = "check_no_period" if standing else "check_not_held"


def _stands(f: Figure, period: Period) -> bool:
    """Whether a figure's period is the one asked, a point in it, or a range that starts in it."""
    rank = f.period.matches(period)
    return rank is not None and (rank < 2 or f.period.start == period.start)


def _fits(text: str, searcher: Searcher, kind: str) -> list[tuple[str, float, str | None]]:
    """The indicators a stretch of text speaks of, with how much of it they explain, of a unit of the number's
    kind; and the place the text names."""
    import re

    try:  # the reader has read the numbers and periods: only the words are asked
        query = parse_query(re.sub(r"\d+", " ", text[:900]), searcher.places, searcher.numbers)
    except UsageError:
        return []
    out = []
    for fit in searcher.index.score(query.words, frozenset(("indicator",)), query.head)[:12]:
        indicator = fit.key.split(":", 1)[1]
        if searcher.unit_kind(indicator) == kind and fit.share > 0:
            out.append((indicator, fit.share, query.place))
    return out


def _clause(text: str, s0: int, s1: int, start: int, end: int) -> str:
    """The words that speak of the number: its clause, between the numbers before and after it."""
    import re

    from pcli.articles.reader import CLAUSE_END

    left = re.split(r"\d[\d.,]*\s*%?", text[s0:start])[-1]
    left = CLAUSE_END.split(left)[-1]
    left = re.split(r"\b(?:and|và|dan|but|nhưng|namun|while)\b", left)[-1]
    right = CLAUSE_END.split(re.split(r"\d", text[end:s1])[0])[0]
    return left + " " + right


# "a year earlier": the period before the one the sentence gives.
_YEAR_BEFORE = ("a year earlier", "the year before", "the previous year", "a year before", "nam truoc", "truoc do mot nam",
                "tahun sebelumnya", "setahun sebelumnya")  # fmt: skip


def _year_before(clause: str, period: str) -> str:
    from pcli.text import fold_keep

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
    if qualifier == "more_than" and figure.qualifier != "more_than":  # "more than 3,500" for 3,520
        return value < target <= value * 1.1
    if qualifier in ("up_to", "under"):
        return target <= value and target >= value * 0.9
    step = _precision(written, value)
    if step <= 0:
        return False
    rounded = abs(target - value) <= step / 2 + 1e-9 * abs(value)
    zeros = _zeros(written)
    if qualifier in _APPROXIMATE:  # "nearly 10,000" is near 10,000 (5 %), not anything from 5,000 to 15,000
        close = rounded and (zeros < 2 or abs(target - value) <= 0.05 * abs(value))
        return close and (qualifier != "nearly" or target <= value)
    scale = step * 10.0**-zeros if zeros else step * 10.0 ** _decimals(written)  # base units of the written 1
    return rounded and (zeros >= 2 or _decimals(written) < _float_decimals(target / scale))


def _precision(written: str, value: float) -> float:
    """The step of the last digit the writer wrote, in base units: 100 for "2,100", 0.1 for "0,4", 10⁹ × 100 for
    "8.700 tỷ"."""
    digits = "".join(ch for ch in written if ch.isdigit())
    if not digits or value == 0:
        return 0.0
    decimals = _decimals(written)
    shown = int(digits) / 10**decimals  # the number as written, without its scale
    if shown == 0:
        return 0.0
    scale = abs(value) / shown
    if decimals:
        return float(scale * 10.0**-decimals)
    zeros = len(digits) - len(digits.rstrip("0"))
    return float(scale * 10.0**zeros)


def _zeros(written: str) -> int:
    digits = "".join(ch for ch in written if ch.isdigit())
    return len(digits) - len(digits.rstrip("0"))


def _decimals(written: str) -> int:
    """How many decimals a number is written with: "0,43" 2, "8.7" 1, "2,134" and "9.928" none (thousands)."""
    for sep in ".,":
        tail = written.rsplit(sep, 1)[-1] if sep in written else ""
        if tail.isdigit() and len(tail) != 3:
            return len(tail)
    return 0


def _float_decimals(value: float) -> int:
    """How many decimals a value has: 8.718 three, 0.43 two, 2134.0 none."""
    text = f"{value:.9f}".rstrip("0")
    return len(text.split(".")[1]) if "." in text else 0
