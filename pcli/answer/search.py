"""Answering a question with the records that fit it best, of any kind (figures, documents, programmes, agencies,
places, sources), or with the change of one indicator between two periods; or saying, in words a reader can use,
why there is no answer.

Only the records that fit best answer: one that fits less well differs from the question by a word, so it is not
an answer even when the best has no figure for the period asked (that is a miss naming the periods it has).
"""

from __future__ import annotations

import copy
from collections.abc import Sequence

from pcli.answer.asked import actor_first
from pcli.answer.cited import DocumentNumbers
from pcli.answer.confidence import NAMED_RECORD, RECORD_THRESHOLD, confident, figure_asked
from pcli.answer.index import Fit, RecordIndex, says_share
from pcli.answer.misses import Nearest, periods_known, shown
from pcli.answer.parts import Wholes, whole_first
from pcli.answer.places import Settlements, elsewhere, of_kind_asked, place_alone, place_record_named, unknown_name
from pcli.answer.query import Query, parse_query, written
from pcli.answer.question_places import Places
from pcli.answer.stated import Stated, refuse_odd_numbers
from pcli.base.model import Entity, Figure, Source
from pcli.base.order import rank_figures
from pcli.base.periods import Period
from pcli.base.words import KIND_OF_WORD
from pcli.messages import Msg
from pcli.store.sqlite import Store
from pcli.text import fold, marked_vietnamese

_ASKED = {"figure": frozenset(("indicator",)), "record": frozenset(("programme", "document", "agency", "place", "source"))}
_SUBJECTS = frozenset(("programme", "document", "agency", "place"))  # what a figure may be of (a source is not)
KINDS = ("figure", "indicator", "document", "programme", "agency", "place", "source")
_TABLES = {"programme": "programmes", "document": "documents", "agency": "agencies", "place": "places"}


class Answer:
    """One entry of the ranked list: a figure, another record, or the change of an indicator between periods."""

    __slots__ = ("kind", "score", "figure", "record", "before", "after")

    def __init__(self, kind: str, score: float, figure: Figure | None = None, record: object = None) -> None:
        self.kind, self.score, self.figure, self.record = kind, score, figure, record
        self.before: Figure | None = None  # a change's two figures
        self.after: Figure | None = None


class Found:
    """What a search found: the answers, best first, or what to say instead."""

    __slots__ = ("answers", "miss")

    def __init__(self, answers: list[Answer], miss: Msg | None = None) -> None:
        self.answers, self.miss = answers, miss


class Searcher:
    """A store with its index, made once and asked many questions (`pcli query -`)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.index = RecordIndex(store.phrases(), store.modifiers(), store.postings())
        self.places = Places(store.places_named)
        self.numbers = DocumentNumbers(store.documents)
        self.names: dict[str, str] | None = None
        self.answered: dict[tuple[str, int, frozenset[str] | None, str | None], Found] = {}
        self.stated = Stated(store, self.index)
        self.settlements = Settlements(self.index, self._record)
        self.counted: frozenset[str] | None = None  # the words of the units of counts, read when first asked
        self.wholes = Wholes(lambda indicator: store.figures(indicator, [], None, 1000), store.figure)

    def search(self, text: str, limit: int = 10, kinds: frozenset[str] | None = None, place: str | None = None) -> Found:
        """The answers to a question; `place` (a place the figures name, `query --place`) wins over one it names."""
        key = (text, limit, kinds, place)
        found = self.answered.get(key)
        if found is None:  # each question answered once: a batch asks the same ones again and again
            if len(self.answered) >= 4096:
                self.answered.clear()
            query = parse_query(text, self.places, self.numbers)
            query.place = place if place is not None else query.place
            found = self.answered[key] = self._find(query, limit, kinds)
        cited = [f for a in found.answers for f in (a.figure, a.before, a.after) if f is not None]
        if cited:
            self.store.cite(cited)
        return found

    def _find(self, query: Query, limit: int, kinds: frozenset[str] | None) -> Found:
        if query.elsewhere:
            return Found([], elsewhere(self.store, query.elsewhere.title()))
        if query.documents:
            return self._documents(query, limit, kinds)
        if query.cited:
            return Found([], Msg("no_document", number=query.cited, known=", ".join(n for _, _, n in self.store.documents())))
        wanted = None if kinds is None else frozenset(("indicator",) if "figure" in kinds else ()) | kinds
        if wanted is None and query.asks:  # "how many" asks for a figure, "who" for a record, "which bank" an agency
            wanted = _ASKED.get(query.asks, frozenset((query.asks,)))
        held = self.stated.held(query, self.unit_kind)
        refuse_odd_numbers(query, held)
        if query.asks == "source" and held and (told := self._told_by(held)):
            return Found(told[:limit])  # "which outlet reported more than 3,600 poor households": the ones citing it
        if query.asks == "source" and query.periods and (dated := self._published(query.periods)):
            return Found(dated[:limit])  # "which outlet published the 10 December 2025 piece"
        words = query.words + tuple(w for stated, _ in query.values if stated not in held for w in fold(stated).split())
        words = tuple(w for w in words if w not in KIND_OF_WORD or self.index.known(w))  # "which body": the kind asked
        if not words and not held and query.place is not None and not query.periods:
            return self._place_alone(query.place, limit, kinds)
        if not words and not held:
            return self._period_only(query, limit) if kinds is None or "figure" in kinds else Found([], Msg("try_show"))
        fits = self._fits(words, wanted, query, held)
        sure = bool(fits) and fits[0].kind == "indicator" and confident(fits[0], held, query.periods)
        if query.asks in ("", "figure") and not sure and (of_record := self._of_record(words, query, held)):
            fits = of_record  # "dư nợ cho vay của Ngân hàng Chính sách xã hội": a figure of the bank, not the bank
        if fits and (place := self._not_covered(fits[0], query, words)):
            return Found([], elsewhere(self.store, place))
        change = query.change
        if change and (not fits or fits[0].kind != "indicator"):  # "giảm nghèo" names a programme
            change, words = False, query.asked + words[len(query.words) :]
            fits = self._fits(words, wanted, query, held)
        if query.attributed and not (fits and confident(fits[0], held, query.periods, query.asks)):
            words, fits = self._unattributed(words, wanted, query, held, fits)
        if not fits or not confident(fits[0], held, query.periods, query.asks) or figure_asked(fits, query):
            unknown = self.index.unknown(words)
            if unknown:
                return Found([], self._nearest("unknown_words", query, words=", ".join(repr(w) for w in unknown)))
            return Found([], self._nearest("no_match", query))
        if not held:  # "việc làm năm 2024": the whole of which a part fits as well, unless the question tells them apart
            fits = whole_first(fits, words, self.index, self.wholes, lambda f: confident(f, held, query.periods))
        best = _tied(fits)
        valued = [f for figures in held.values() for f in figures]
        if change:
            changed = self._change(query, best, valued)
            if changed.answers:
                return changed
            # no two figures of the best indicators to compare: a figure that is itself the change ("growth since
            # 2020"), asked with the words of change, or the miss that names the periods known
            level = copy.copy(query)
            level.change, level.words = False, query.asked
            found = self._find(level, limit, kinds)
            return found if found.answers and found.answers[0].kind == "figure" else changed
        answered = self._answers(query, best, fits[0].rank, limit, kinds, valued)
        if not answered.answers and sure and query.periods and (of := self._of_record(words, query, held)):
            # the figure whose name says the bank's has no figure of the period: "hộ được vay vốn" of the bank has
            alternative = self._answers(query, _tied(of), of[0].rank, limit, kinds, valued)
            return alternative if alternative.answers else answered
        return answered

    def _documents(self, query: Query, limit: int, kinds: frozenset[str] | None) -> Found:
        """The documents a question cites by number; "who issued Resolution 24/2021": its issuer first."""
        if (kinds is not None and kinds.isdisjoint(("document", "agency"))) or query.asks == "figure":
            return Found([], self._nearest("no_match", query))  # "resolution 24/2021 --kind figure", "… bao nhiêu đồng"
        docs = [d for d in (self.store.entity("documents", d) for d in query.documents) if d is not None]
        answers = [Answer("document", 3.0, record=d) for d in docs]
        if query.asks in ("record", "agency"):
            issuers = dict.fromkeys(str(d.fields.get("issuer", "")) for d in docs)
            agencies = [a for a in (self.store.entity("agencies", i) for i in issuers if i) if a is not None]
            answers = [Answer("agency", 3.0, record=a) for a in agencies] + answers
        return Found(answers[:limit])

    def _not_covered(self, best: Fit, query: Query, words: tuple[str, ...]) -> str:
        """A place the question names that the base does not cover, as it names it: "komune Ba Vi" (unless its
        record answers), "Vietnam's poverty rate" (unless the country is in a name the question says)."""
        if best.kind not in ("place", "source") and query.named and not self.places.covers(query.named):
            return query.named.title()
        if best.kind == "indicator" and query.scope and not self.index.names_place(best.key, query.scope, words):
            return written(query.text, query.scope)
        if best.kind == "indicator" and (other := unknown_name(query.text, self.index.unknown)):
            return other  # "Nam Giang" asked of a base about another place
        if best.kind == "indicator" and query.place is None:
            return place_record_named(self.settlements, query, words)  # "poor households in Ba Vi"
        return ""

    def _of_record(self, words: tuple[str, ...], query: Query, held: dict[str, list[Figure]]) -> list[Fit]:
        """When the question names a record (most of an agency's, programme's or document's name) and the rest of
        its words name an indicator, the fits of that rest: the question asks a figure of the record."""
        if not any(self.index.in_names_of(_SUBJECTS, w) for w in words):  # the common case, and the cheap one
            return []
        named = self.index.score(words, _SUBJECTS, "")
        if not named or named[0].named < NAMED_RECORD or named[0].names < 2:
            return []
        tried: tuple[str, ...] | None = None
        for most in (False, True):
            rest = self.index.outside_names(named[0].key, words, most)
            if rest == tried:
                break
            tried = rest
            meant = [w for w in rest if w not in KIND_OF_WORD]  # "anggaran program …": "program" names no figure
            if len(meant) < (1 if held else 2) or len(rest) == len(words):  # "anggaran" alone names no figure either
                continue
            fits = self._fits(rest, _ASKED["figure"], query, held)
            if fits and confident(fits[0], held, query.periods):
                fits = [f for f in fits if confident(f, held, query.periods)]
                of = [f for f in fits if self.stated.quoted_with(f.key.split(":", 1)[1], named[0].key)]
                if of:  # the figures quoted with the record first: "rumah tangga didukung pinjaman oleh Bank"
                    return of
                # else a measure the rest names mostly, that no other record of its kind is quoted with ("dư nợ cho
                # vay" of the bank); "kinh phí" alone, or another project's, is not the programme's asked
                return [
                    f
                    for f in fits
                    if f.named >= NAMED_RECORD and not self.stated.of_another(f.key.split(":", 1)[1], named[0].key)
                ]
        return []

    def unit_kind(self, indicator: str) -> str:
        """What an indicator's unit counts: percent, currency or count (the search's filter and check's)."""
        base = self.store.catalogue
        unit = base.units.get(base.indicators[indicator].unit) if indicator in base.indicators else None
        return unit.kind if unit is not None and unit.kind in ("percent", "currency") else "count"

    def _fits(
        self, words: tuple[str, ...], wanted: frozenset[str] | None, query: Query, held: dict[str, list[Figure]]
    ) -> list[Fit]:
        """The records that fit the question's words and the numbers it states, best first: a number weighs as
        the rarest word, and counts for the indicators whose figures hold it. A question that asks a kind of number
        ("what percentage", "lãi suất", "kinh phí") is fitted by the indicators of that kind only."""
        fits = self.index.score(words, wanted, query.head, marked=marked_vietnamese(query.text)) if words else []
        if query.asks == "place":
            fits = of_kind_asked(fits, query.head, self.index, self._record)
        elif query.asks == "record":  # "who": an agency, not what it acts on
            fits = actor_first(fits)
        if held:
            fits = self.stated.with_numbers(fits, words, wanted, query, held)
        if query.unit:  # "what percentage": a share, not the count the question states
            fits = [f for f in fits if f.kind != "indicator" or self.unit_kind(f.key.split(":", 1)[1]) == query.unit]
        elif query.counted and not says_share(words):  # "bao nhiêu trẻ em": how many, not "100 %" of them
            out = ("percent", "currency") if query.counted in self._counts() else ("percent",)  # "bao nhiêu hộ"
            fits = [f for f in fits if f.kind != "indicator" or self.unit_kind(f.key.split(":", 1)[1]) not in out]
        elif query.much and not query.change:  # "how much did Hanoi spend on …": not the people it helped
            fits = [f for f in fits if f.kind != "indicator" or self.unit_kind(f.key.split(":", 1)[1]) != "count"]
        return fits

    def _unattributed(
        self, words: tuple[str, ...], wanted: frozenset[str] | None, query: Query, held: dict[str, list[Figure]], fits: list[Fit]
    ) -> tuple[tuple[str, ...], list[Fit]]:
        """The words and fits without the words that say where the figure comes from ("menurut hasil tinjauan"),
        when only then a figure fits: the source a question names does not decide what it measures."""
        rest = tuple(w for w in words if w not in query.attributed)
        refit = self._fits(rest, wanted, query, held) if rest and rest != words else []
        if refit and confident(refit[0], held, query.periods, query.asks):
            return rest, refit
        return words, fits

    def _told_by(self, held: dict[str, list[Figure]]) -> list[Answer]:
        """The sources that cite the figures holding the numbers a question states."""
        return [Answer("source", 3.0, record=self._record("source", s)) for s in self.stated.sources(held)]

    def _counts(self) -> frozenset[str]:
        """The words of the names of the units that count things (households, people, communes), folded."""
        if self.counted is None:
            units = self.store.catalogue.units.values()
            self.counted = frozenset(w for u in units if u.kind not in ("percent", "currency") for t in u.label.values()
                                     for w in fold(t).split())  # fmt: skip
        return self.counted

    def _published(self, periods: tuple[Period, ...]) -> list[Answer]:
        """The sources dated in a period asked ("published in December 2025")."""
        sources = self.store.catalogue.sources.values()
        return [Answer("source", 3.0, record=s) for s in sources if s.date and any(s.date.startswith(str(p)) for p in periods)]

    def _place_alone(self, place: str, limit: int, kinds: frozenset[str] | None) -> Found:
        """A place asked by its name alone ("Lakeside", "Hà Nội"): its record, or what to ask of it."""
        fits = self.index.score(tuple(fold(place).split()), frozenset(("place",))) if kinds is None or "place" in kinds else []
        answers = [Answer("place", f.rank, record=self._record("place", f.key.split(":", 1)[1])) for f in fits
                   if f.share >= RECORD_THRESHOLD]  # fmt: skip
        return Found(answers[:limit], None if answers else place_alone(self.store, place))

    def _period_only(self, query: Query, limit: int) -> Found:
        """A year with no words: that period's figures."""
        if not query.periods:
            return Found([], Msg("no_match", query=shown(query.text), hint=Msg("try_show")))
        figures = self.store.figures(None, list(query.periods), query.place, limit)
        answers = [Answer("figure", 0.0, f) for _, f in rank_figures(figures, query.periods)[:limit]]
        return Found(answers, None if answers else self._periods_known(query, None))

    def _answers(
        self, query: Query, best: list[str], score: float, limit: int, kinds: frozenset[str] | None, valued: list[Figure]
    ) -> Found:
        answers: list[Answer] = []
        ranked: list[tuple[int, Figure]] = []
        for key in best:
            kind, ident = key.split(":", 1)
            if kind == "indicator" and (kinds is None or "figure" in kinds):
                stated = [f for f in valued if f.indicator == ident]
                if query.before and query.periods and not stated:  # the latest figure from before the period asked
                    ranked.extend((0, f) for f in self._before(ident, query))
                    continue
                figures = stated or self.store.figures(ident, list(query.periods), query.place, limit)
                # a range that merely holds the year asked (2022-2024 for 2022, 2023 or 2024) is not that year's
                # figure; one that runs from it ("since 2020") or between the two asked ("between 2021 and 2024") is
                standing = rank_figures(self._standing(figures, query), query.periods)
                starts = {p.start for p in query.periods}
                ends = {p.end for p in query.periods}
                ranked.extend((r, f) for r, f in standing
                              if r < 2 or (f.period.start in starts and (query.since or f.period.end in ends)))  # fmt: skip
            elif kind == "indicator" or kind in _TABLES or kind == "source":
                answers.append(Answer(kind, score, record=self._record(kind, ident)))
        ranked.sort(key=lambda pair: pair[0])  # stable: within a rank, the indicator order and figure order stay
        found = [Answer("figure", score, f) for _, f in ranked]
        if found and len(found) < limit:  # after the answer, the same indicator's other figures
            first = found[0].figure
            assert first is not None
            others = self.store.figures(first.indicator, [], query.place, limit)
            listed = {a.figure.id for a in found if a.figure is not None}
            found += [Answer("figure", score * 0.5, f) for f in others if f.id not in listed]
        answers = found + answers
        if not answers:
            indicator = next((k.split(":", 1)[1] for k in best if k.startswith("indicator:")), None)
            return Found([], self._periods_known(query, indicator))
        return Found(answers[:limit])

    def _before(self, indicator: str, query: Query) -> list[Figure]:
        """The latest achieved figure of an indicator that ends before the first period asked begins."""
        earlier = [f for f in self.store.figures(indicator, [], query.place, 1000) if f.status == "achieved"
                   and f.period.kind != "undated" and f.period.end < query.periods[0].start]  # fmt: skip
        return sorted(earlier, key=lambda f: f.period.sort_key)[-1:]

    @staticmethod
    def _standing(figures: list[Figure], query: Query) -> list[Figure]:
        """The figures that can answer: a goal only when the question asks for one (a target is never given as
        achieved)."""
        return [f for f in figures if (f.status == "target") == query.target]

    def _record(self, kind: str, ident: str) -> object:
        if kind == "indicator":
            return self.store.catalogue.indicators[ident]
        if kind == "source":
            return self.store.catalogue.sources[ident]
        return self.store.entity(_TABLES[kind], ident)

    def _change(self, query: Query, best: list[str], valued: list[Figure]) -> Found:
        """The change of the best-fitting indicator between the first and the last period asked, or from the
        figure holding the number the question states to the one period it asks."""
        from pcli.answer.changes import from_stated

        indicators = [k.split(":", 1)[1] for k in best if k.startswith("indicator:")]
        if not indicators:
            return Found([], self._nearest("no_match", query))
        tried = [self._change_of(from_stated(query, indicator, valued), indicator) for indicator in indicators]
        return next((found for found in tried if found.answers), tried[0])  # the first of the best with both periods

    def _change_of(self, query: Query, indicator: str) -> Found:
        """The change of one indicator between the periods asked, or the miss that names the periods it has."""
        from pcli.answer.changes import ends_asked

        before, after, periods = ends_asked(self.store.figures, indicator, query.periods, query.since, query.place)
        if before is None or after is None or before is after:
            return Found([], self._periods_known(query, indicator, periods))
        answer = Answer("change", 2.0)
        answer.before, answer.after = before, after
        return Found([answer])

    def _periods_known(self, query: Query, indicator: str | None, asked: Sequence[Period] = ()) -> Msg:
        return periods_known(self.store, query, indicator, asked)

    def _nearest(self, key: str, query: Query, **values: str) -> Msg:
        """A miss that names the nearest things the base holds: whole labels, names and document numbers (found
        only when the message is said: a batch says none)."""
        return Msg(key, query=shown(query.text), hint=Nearest(self._names, self.index, query.words), **values)

    def _names(self) -> dict[str, str]:
        """Folded name → name as written, of every indicator, programme, agency, place and document number
        (worked out once)."""
        from pcli.text import fold

        if self.names is not None:
            return self.names
        base = self.store.catalogue
        names = [text for ind in base.indicators.values() for text in (*ind.label.values(), *ind.aliases)]
        names += [number for _, _, number in self.store.documents()]
        names += [s.outlet for s in base.sources.values()]
        self.names = {fold(n): n for n in names}
        return self.names


def _tied(fits: list[Fit]) -> list[str]:
    """The records that fit best, tied at the top (fits are ranked best first)."""
    from itertools import takewhile

    top = round(fits[0].rank, 6)
    return [f.key for f in takewhile(lambda f: round(f.rank, 6) == top, fits)]


def search(store: Store, text: str, limit: int = 10, kinds: frozenset[str] | None = None) -> Found:
    return Searcher(store).search(text, limit, kinds)


__all__ = ["KINDS", "Answer", "Entity", "Found", "Searcher", "Source", "search"]
