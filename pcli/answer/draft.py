"""A draft as check.py judges its numbers one after another: its text, its whole sentences, the spans of its
figures, and what the numbers before were found to speak of and when."""

from __future__ import annotations

from pcli.answer.clauses import YEAR, shifted, whole_sentence
from pcli.answer.search import Searcher
from pcli.articles.reader import Reading
from pcli.base.model import Figure

About = tuple[str, str | None]  # the indicator a number was found to speak of, and the place its words name
Last = dict[str, tuple[tuple[int, int], About]]  # by kind of number: the sentence of the last one, its measure


class Draft:
    """The draft as its numbers are judged: its text, where its whole sentences start (a ";" does not end one), the
    spans of its figures, and what the last number of each kind in a sentence was found to speak of."""

    __slots__ = ("text", "starts", "figures", "last", "counted", "_all")

    def __init__(self, text: str, starts: list[int], figures: list[tuple[int, int]]) -> None:
        self.text, self.starts, self.figures = text, starts, figures
        self.last: Last = {}
        self.counted: tuple[tuple[int, int], str] = ((0, 0), "")  # the sentence of the last count, its period
        self._all: dict[tuple[str, str | None], list[Figure]] = {}  # each measure's figures, asked once a draft

    def all_of(self, searcher: Searcher, indicator: str, place: str | None) -> list[Figure]:
        """Every figure of a measure (of a place): the numbers of a draft ask for the same few again and again."""
        key = (indicator, place)
        if key not in self._all:
            self._all[key] = searcher.store.figures(indicator, [], place, 200)
        return self._all[key]

    def sentence(self, reading: Reading) -> tuple[int, int]:
        return whole_sentence(self.starts, *reading.sentence)

    def period(self, reading: Reading, clause: str, span: tuple[int, int], kind: str, lent: bool) -> str:
        """The number's period: the one its sentence gives, as said relative to another year ("a year later"); a
        share of the count before it (`lent` its measure) whose clause names no year has that count's period
        ("2.134 rumah tangga miskin pada 2022 (0,095%)")."""
        if lent and self.counted[0] == span and not YEAR.search(clause):
            return self.counted[1]
        period = shifted(clause, reading.period, self.text[span[0] : reading.number.start])
        if kind == "count":
            self.counted = (span, period)
        return period


def carried(reading: Reading, span: tuple[int, int] | None = None) -> bool:
    """Whether the number's period comes from outside its sentence (the paragraph's lead, the article's start)."""
    s0, s1 = span or reading.sentence
    return bool(reading.dated_by) and all(not s0 <= p.start < s1 for p in reading.dated_by)
