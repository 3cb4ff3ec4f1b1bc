"""What search needs from a fact base, served from memory or from the SQLite cache alike."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Protocol

from pcli.base.model import Entity, FactBase, Figure, Indicator
from pcli.base.order import figure_order, stands_for
from pcli.base.periods import Period
from pcli.base.places import places_named, places_of

if TYPE_CHECKING:
    from pcli.base.words import Phrases


class Store(Protocol):
    base: FactBase  # sources, topics, units and indicators at least

    def indicators(self) -> list[Indicator]: ...

    def places_named(self, word: str) -> list[tuple[str, str]]:
        """(name, folded name) of the places with figures whose folded name begins with the word or, written as
        one word, is it; by name."""
        ...

    def places(self, limit: int) -> list[str]:
        """The names of the places with figures, by name, at most `limit` of them (what a miss says it covers)."""
        ...

    def phrases(self) -> Phrases:
        """Every record described by its text as weighted, folded phrases, keyed "kind:id" (base/words.py)."""
        ...

    def modifiers(self) -> frozenset[str] | None:
        """The words that tell records apart (answer/index.py), if the store keeps them ready."""
        ...

    def entity(self, table: str, ident: str) -> Entity | None:
        """A programme, document, agency or place by its table and id."""
        ...

    def documents(self) -> list[tuple[str, str, str]]:
        """(id, kind, number) of every document."""
        ...

    def each_figure(self) -> Iterator[Figure]:
        """Every figure in file order, with its citations, without holding them all at once where it can."""
        ...

    def rest_of_base(self) -> FactBase:
        """The base with everything but (perhaps) its figures: sources to skips."""
        ...

    def figures(self, indicator: str | None, periods: list[Period], place: str | None, limit: int) -> list[Figure]:
        """Figures of one indicator (None: any), best first; with periods, all that overlap them.

        Their citations may be left out until cite() is called for the ones that are kept.
        """
        ...

    def cite(self, figures: list[Figure]) -> None: ...

    def figures_valued(self, values: frozenset[float], limit: int) -> list[Figure]:
        """Figures whose value is one of the values (a number a question states), in file order."""
        ...

    def figure(self, ident: str) -> Figure | None:
        """One figure by its id, with its citations."""
        ...

    def known_periods(self) -> list[str]:
        """The years the figures fall in, then the ranges they cover, as compare's miss lists them."""
        ...

    def figure_ids_near(self, ident: str) -> list[str]:
        """Figure ids to compare with a mistyped one: all of them in a base of up to NEAR figures; in a larger
        one, at most NEAR of those that share the longest beginning with it."""
        ...

    def periods_of_indicators(self) -> dict[str, tuple[int, list[tuple[Period, bool]]]]:
        """For each indicator with figures: how many, and its distinct (period, as_of) in time order (file order
        among equals), as `list indicators` shows them."""
        ...

    def standing_for(self, periods: list[Period]) -> list[Figure]:
        """Every figure that can stand for one of these periods in a comparison (stands_for), in file order; their
        citations may be left out."""
        ...


class MemoryStore:
    def __init__(self, base: FactBase) -> None:
        self.base = base
        self._by_indicator: dict[str, list[Figure]] = {}  # in file order; each sorted when first asked for
        self._sorted: set[str] = set()
        self._places: list[tuple[str, str]] | None = None
        for figure in base.figures:
            self._by_indicator.setdefault(figure.indicator, []).append(figure)

    def _figures_of(self, indicator: str) -> list[Figure]:
        """An indicator's figures in figure_order (a first run answers one question: sorting all costs 0.1 s a
        100,000 figures)."""
        figures = self._by_indicator.get(indicator, [])
        if indicator not in self._sorted:
            figures.sort(key=figure_order)
            self._sorted.add(indicator)
        return figures

    def indicators(self) -> list[Indicator]:
        return list(self.base.indicators.values())

    def places_named(self, word: str) -> list[tuple[str, str]]:
        if self._places is None:
            self._places = places_of(self.base.figures)
        return places_named(self._places, word)

    def places(self, limit: int) -> list[str]:
        if self._places is None:
            self._places = places_of(self.base.figures)
        return [name for name, _ in self._places[:limit]]

    def phrases(self) -> Phrases:
        from pcli.base.words import record_phrases

        return record_phrases(self.base)

    def modifiers(self) -> frozenset[str] | None:
        return None

    def each_figure(self) -> Iterator[Figure]:
        return iter(self.base.figures)

    def rest_of_base(self) -> FactBase:
        return self.base

    def entity(self, table: str, ident: str) -> Entity | None:
        return next((e for e in self.base.entities.get(table, []) if e.id == ident), None)

    def documents(self) -> list[tuple[str, str, str]]:
        return [(e.id, str(e.fields.get("kind", "")), str(e.fields.get("number", ""))) for e in self.base.entities["documents"]]

    def figures_valued(self, values: frozenset[float], limit: int) -> list[Figure]:
        return [f for f in self.base.figures if f.value in values][:limit]

    def cite(self, figures: list[Figure]) -> None:
        pass  # figures in memory carry their citations

    def figure(self, ident: str) -> Figure | None:
        return next((f for f in self.base.figures if f.id == ident), None)

    def known_periods(self) -> list[str]:
        return known_periods(self.base.figures)

    def figure_ids_near(self, ident: str) -> list[str]:
        return [f.id for f in self.base.figures]  # in memory already: a base read whole is a small one

    def periods_of_indicators(self) -> dict[str, tuple[int, list[tuple[Period, bool]]]]:
        by: dict[str, list[Figure]] = {}
        for f in self.base.figures:
            by.setdefault(f.indicator, []).append(f)
        return {
            indicator: (
                len(figures),
                list(dict.fromkeys((f.period, f.as_of) for f in sorted(figures, key=lambda f: f.period.sort_key))),
            )
            for indicator, figures in by.items()
        }

    def standing_for(self, periods: list[Period]) -> list[Figure]:
        return [f for f in self.base.figures if any(stands_for(f.period, asked) for asked in periods)]

    def figures(self, indicator: str | None, periods: list[Period], place: str | None, limit: int) -> list[Figure]:
        pool = self._figures_of(indicator) if indicator else sorted(self.base.figures, key=figure_order)
        out = []
        for figure in pool:
            if place is not None and figure.place != place:
                continue
            if periods and not any(overlaps(figure.period, asked) for asked in periods):
                continue
            out.append(figure)
            if not periods and len(out) >= limit:
                break
        return out


def known_periods(figures: list[Figure]) -> list[str]:
    years = {str(f.period.year) for f in figures if f.period.year is not None}
    ranges = {f.period.text for f in figures if f.period.kind == "range"}
    return sorted(years) + sorted(ranges)


def overlaps(period: Period, asked: Period) -> bool:
    """The cheap superset test both stores use before ranking: do the years covered meet?"""
    return period.start <= asked.end and period.end >= asked.start
