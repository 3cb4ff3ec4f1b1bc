"""Comparing periods and following one indicator through time."""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from pcli.base.model import Catalogue, Figure
from pcli.base.order import figure_order, stands_for
from pcli.base.periods import Period, parse_period
from pcli.errors import UsageError

if TYPE_CHECKING:  # every command imports this module; only a query reads a question
    from pcli.answer.query import Query


class Change:
    """One indicator from one figure to another: the change in its unit, and its per cent, worked out here only."""

    __slots__ = ("indicator", "place", "status", "before", "after", "rate")

    def __init__(self, indicator: str, place: str, status: str, before: Figure, after: Figure, rate: bool = False) -> None:
        self.indicator, self.place, self.status, self.before, self.after = indicator, place, status, before, after
        self.rate = rate  # the unit is a percentage: its change is in points, and has no per cent

    @classmethod
    def of(cls, base: Catalogue, before: Figure, after: Figure) -> Change:
        rate = base.figure_unit(before).kind == "percent"
        return cls(before.indicator, before.place, before.status, before, after, rate)

    @property
    def change(self) -> float:
        return self.after.value - self.before.value

    @property
    def percent(self) -> float | None:
        """The change in per cent of the first figure; none for a rate (a fall from 0.095 % to 0.03 % is 0.065
        points, and "-68 %" would read as another figure) or from zero."""
        return None if self.rate or self.before.value == 0 else self.change / abs(self.before.value) * 100


def asked_period(text: str) -> Period:
    """A period as `compare` takes it: as the base writes it (2023, 2021-2024, 2024-12-31) or as a query writes
    it ("end of 2024", "cuối năm 2024", "akhir 2024", "September 2025"); anything else is a usage error."""
    try:
        period: Period | None = parse_period(text)
    except ValueError:  # words, as a query writes a period; a malformed date ("2024-13") stays refused
        from pcli.articles.phrases import periods_in

        stated = {p for p, _ in periods_in(text)} if any(c.isalpha() for c in text) else set()
        period = parse_period(stated.pop()) if len(stated) == 1 else None
    if period is None or period.kind == "undated":
        raise UsageError("not_a_year", text=text)
    return period


def best_for(figures: list[Figure], asked: Period) -> Figure | None:
    """The figure that stands for a period: the year itself, else the latest point within it ("end of 2024")."""
    exact = [f for f in figures if f.period.text == asked.text]
    if exact:
        return min(exact, key=lambda f: f.order)
    within = [f for f in figures if stands_for(f.period, asked)]  # none for a range: only its own text stands
    return min(within, key=figure_order) if within else None


def ends_asked(
    figures_of: Callable[[str, list[Period], str | None, int], list[Figure]],
    indicator: str,
    asked: tuple[Period, ...],
    since: bool,
    place: str | None,
) -> tuple[Figure | None, Figure | None, tuple[Period, ...]]:
    """The achieved figures a change asked runs between, and the two periods it runs between: "since 2022" from
    the period asked to the latest the indicator has; else from the first to the last period asked, or between
    the two ends of one range asked."""
    if since:
        figures = [f for f in figures_of(indicator, [], place, 1000) if f.status == "achieved"]
        dated = [f for f in figures if f.period.kind not in ("undated", "range")]
        return best_for(figures, asked[0]), max(dated, key=lambda f: f.period.sort_key, default=None), asked
    ends = (parse_period(str(asked[0].start)), parse_period(str(asked[0].end))) if len(asked) == 1 else (asked[0], asked[-1])
    figures = [f for f in figures_of(indicator, list(ends), place, 1000) if f.status == "achieved"]
    return best_for(figures, ends[0]), best_for(figures, ends[1]), ends


def changes_between(
    base: Catalogue, figures: Iterable[Figure], before: Period, after: Period, topic: str | None = None
) -> list[Change]:
    """Every indicator known in both periods, from figures that include every one that can stand for either
    (Store.standing_for; more do no harm: best_for picks). Targets compare only with targets, units never mix."""
    groups: dict[tuple[str, str, str], list[Figure]] = {}
    for figure in figures:
        if topic and base.indicators[figure.indicator].topic != topic:
            continue
        groups.setdefault((figure.indicator, figure.place, figure.status), []).append(figure)
    changes = []
    for group in groups.values():
        a, b = best_for(group, before), best_for(group, after)
        if a is not None and b is not None and a is not b:
            changes.append(Change.of(base, a, b))
    changes.sort(key=lambda c: (c.status == "target", c.before.order))
    return changes


def by_place(figures: Iterable[Figure]) -> list[list[Figure]]:
    """The figures of each place apart, in their order, the places in the order of their first figure in the base
    (its own place first): a trend of two places is two series, never one that mixes them."""
    groups: dict[str, list[Figure]] = {}
    for f in figures:
        groups.setdefault(f.place, []).append(f)
    return sorted(groups.values(), key=lambda group: min(f.order for f in group))


def several_places(figures: Iterable[Figure]) -> bool:
    """Whether the figures are of more than one place (a table then has a place column)."""
    return len({f.place for f in figures}) > 1


def from_stated(query: Query, indicator: str, valued: list[Figure]) -> Query:
    """A change asked from a number the question states to one period: between that figure's period and it."""
    stated = [f for f in valued if f.indicator == indicator and f.period != query.periods[0]]
    if query.since or len(query.periods) != 1 or query.periods[0].kind == "range" or not stated:
        return query
    asked = copy.copy(query)
    asked.periods = tuple(sorted((stated[0].period, query.periods[0]), key=lambda p: p.sort_key))
    return asked
