"""A draft as check.py judges its numbers one after another: its text, its whole sentences, the spans of its
figures, and what the numbers before were found to speak of and when."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from pcli.answer.clauses import YEAR, shifted, spanned, unqualified, whole_sentence
from pcli.answer.query import Query, parse_query
from pcli.answer.search import Searcher
from pcli.articles.reader import Reading
from pcli.base.model import Figure
from pcli.errors import UsageError

About = tuple[str, str | None]  # the indicator a number was found to speak of, and the place its words name
Last = dict[str, tuple[tuple[int, int], About]]  # by kind of number: the sentence of the last one, its measure


class Draft:
    """The draft as its numbers are judged: its text, where its whole sentences start (a ";" does not end one), the
    spans of its figures, and what the last number of each kind in a sentence was found to speak of."""

    __slots__ = ("text", "starts", "figures", "qualifiers", "last", "counted", "amount", "_all", "_asked", "_rest")

    def __init__(self, text: str, starts: list[int], figures: list[tuple[int, int, str]]) -> None:
        self.text, self.starts = text, starts
        self.figures = [(a, b) for a, b, _ in figures]
        self.qualifiers = [q for _, _, q in figures]  # the reader's qualifier of each ("more_than" for "hơn")
        self._rest: dict[tuple[int, int], str] = {}
        self.last: Last = {}
        self.counted: tuple[tuple[int, int], str] = ((0, 0), "")  # the sentence of the last count, its period
        self.amount: tuple[tuple[int, int], int] = ((0, 0), 0)  # the sentence of the last amount, its scale
        self._all: dict[tuple[str, str | None], list[Figure]] = {}  # each measure's figures, asked once a draft
        self._asked: dict[str, Query | None] = {}

    def rest(self, span: tuple[int, int]) -> str:
        """The words of a whole sentence around its numbers, without them and the words that qualify them: what the
        sentence speaks of, the same for each of its numbers."""
        if span not in self._rest:
            s0, s1 = span
            i = bisect.bisect_left(self.figures, (s0, s0))
            pieces, at = [], s0
            while i < len(self.figures) and self.figures[i][0] < s1:
                (start, end), qualifier = self.figures[i], self.qualifiers[i]
                pieces.append(unqualified(self.text[at:start], qualifier))
                at, i = end, i + 1
            self._rest[span] = " ".join([*pieces, self.text[at:s1]])
        return self._rest[span]

    def asked(self, text: str, searcher: Searcher) -> Query | None:
        """A stretch of the draft as a question of its words (the reader has read its numbers and periods), or None
        when it cannot be one; the numbers of a sentence ask nearly the same, worked out once."""
        key = " ".join(re.sub(r"\d+", " ", text[:900]).split())
        if key not in self._asked:
            try:
                self._asked[key] = parse_query(key, searcher.places, searcher.numbers)
            except UsageError:
                self._asked[key] = None
        return self._asked[key]

    def all_of(self, searcher: Searcher, indicator: str, place: str | None) -> list[Figure]:
        """Every figure of a measure (of a place): the numbers of a draft ask for the same few again and again."""
        key = (indicator, place)
        if key not in self._all:
            self._all[key] = searcher.store.figures(indicator, [], place, 200)
        return self._all[key]

    def sentence(self, reading: Reading) -> tuple[int, int]:
        return whole_sentence(self.starts, *reading.sentence)

    def period(self, reading: Reading, clause: str, span: tuple[int, int], kind: str, lent: bool) -> str:
        """The number's period: the one its sentence gives, as said relative to another year ("a year later", after
        the last count's when the sentence gives none); of the span its clause says ("trong ba năm"); a
        share of the count before it (`lent` its measure) whose clause names no year has that count's period
        ("2.134 rumah tangga miskin pada 2022 (0,095%)")."""
        if lent and self.counted[0] == span and not YEAR.search(clause):
            return self.counted[1]
        given = reading.period or self.counted[1]  # "Một năm sau, … 960 hộ": a year after the count before
        period = shifted(clause, given, self.text[span[0] : reading.number.start])
        period = spanned(clause, period if period != given else reading.period)
        if kind == "count":
            self.counted = (span, period)
        return period


def carried(reading: Reading, span: tuple[int, int] | None = None) -> bool:
    """Whether the number's period comes from outside its sentence (the paragraph's lead, the article's start)."""
    s0, s1 = span or reading.sentence
    return bool(reading.dated_by) and all(not s0 <= p.start < s1 for p in reading.dated_by)


# What a sentence may name that has measures of its own: a programme or fund, a document (an agency acts in many
# measures' passages without being named in them; a place is named everywhere).
_RECORDS = frozenset(("programme", "document"))


def named_record(draft: Draft, reading: Reading, searcher: Searcher) -> str | None:
    """The record (programme, document) the sentence names most of before the number (by most of its name); None
    for none, or for two named as much (which one the number is of the words do not tell). Worked out once a
    number, from the words as the search folds them."""
    from pcli.answer.confidence import NAMED_RECORD
    from pcli.answer.wording import words_of

    s0, _ = draft.sentence(reading)
    words = words_of(draft.text[s0 : reading.number.start])
    if not any(searcher.index.in_names_of(_RECORDS, w) for w in words if w.isalpha()):
        return None
    named = [f for f in searcher.index.score(words, _RECORDS, "") if f.named >= NAMED_RECORD and f.names >= 2]
    best = max((f.named for f in named), default=0.0)
    most = [f.key for f in named if f.named == best]
    return most[0] if len(most) == 1 else None


def apart(draft: Draft, reading: Reading, indicator: str, noun: str, searcher: Searcher) -> bool:
    """Whether a number may be of another thing than the measure its words speak of: it counts what another unit
    counts ("20.000 hộ" is no number of people), or its sentence names a record the measure is never quoted with
    ("… dukungan tambahan iuran asuransi sosial sukarela; sekitar 15.000 orang …" is no count of the people given
    health insurance)."""
    if counts_other(noun, indicator, searcher):
        return True
    record = named_record(draft, reading, searcher)
    return record is not None and not searcher.stated.quoted_with(indicator, record)


def record_rival(draft: Draft, reading: Reading, held: str, ranked: list[str], searcher: Searcher,
                 said_of: Callable[[str], int]) -> str | None:  # fmt: skip
    """A measure of the held figure's unit quoted with the one record the sentence names before the number (most
    of a programme's or document's name), when the held figure's measure is quoted with no such record
    and the sentence says more of the rival's name (`said_of`): "The Fund for the Poor … helped build or repair
    714 homes" speaks of the Fund's houses, not of all the houses built."""
    record = named_record(draft, reading, searcher)
    if record is None or searcher.stated.quoted_with(held, record):
        return None
    base = searcher.store.catalogue.indicators
    alike = [i for i in ranked if i != held and (base[i].unit, base[i].change) == (base[held].unit, base[held].change)]
    alike = [i for i in alike if said_of(i) > said_of(held)]
    return next((i for i in alike if searcher.stated.quoted_with(i, record)), None)


def may_share(noun: str, indicator: str, searcher: Searcher) -> bool:
    """Whether a number may be of the measure of the number before it: it names no thing of its own, or the
    thing that measure's unit counts."""
    if not noun:
        return True
    from pcli.text import fold

    base = searcher.store.catalogue
    unit = base.units.get(base.indicators[indicator].unit)
    return unit is not None and (noun == unit.id.lower() or any(noun in fold(label).split() for label in unit.label.values()))


def counts_other(noun: str, indicator: str, searcher: Searcher) -> bool:
    """Whether the thing a number counts is what another unit of the base counts, not the measure's: "20.000 hộ"
    is not a number of people."""
    from pcli.text import fold

    base = searcher.store.catalogue
    own = base.indicators[indicator].unit
    return bool(noun) and not may_share(noun, indicator, searcher) and any(
        noun == u.id.lower() or any(noun in fold(label).split() for label in u.label.values())
        for u in base.units.values() if u.id != own)  # fmt: skip


def counted(reading: Reading) -> str:
    """The thing a number counts as the reader names it ("households"), or "" for a share or an amount (the kind
    of number tells those apart)."""
    unit = reading.unit
    return unit.id.lower() if unit is not None and unit.kind not in ("percent", "currency") and not reading.number.percent else ""
