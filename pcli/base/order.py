"""The order of figures and which of them answer a period asked: the rules every store read and every answer
follow, written once."""

from __future__ import annotations

from pcli.base.model import Figure
from pcli.base.periods import Period


def figure_order(figure: Figure) -> tuple[bool, int, int, int, int, int]:
    """The order of figures when no period is asked: achieved before targets, latest first, then file order."""
    k = figure.period.sort_key
    return (figure.status == "target", -k[0], -k[1], -k[2], -k[3], figure.order)


def stands_for(period: Period, asked: Period) -> bool:
    """Whether a figure's period can stand for the period asked (answer/changes.best_for): it is that period, or,
    unless a range is asked, a year or a point in the same year ("end of 2024" for 2024)."""
    return period.text == asked.text or (asked.kind != "range" and period.kind != "range" and period.start == asked.start)


def period_rank(period: Period, asked: tuple[Period, ...]) -> int | None:
    """How well a figure's period answers the best of the periods asked (Period.matches), None: it does not."""
    ranks = [r for p in asked if (r := period.matches(p)) is not None]
    return min(ranks) if ranks else None


def rank_figures(figures: list[Figure], asked: tuple[Period, ...]) -> list[tuple[int, Figure]]:
    """The figures that answer the periods asked, each with its rank, best first (all of them, when none is)."""
    ranked = [(r, f) for f in figures if (r := period_rank(f.period, asked)) is not None] if asked else [(0, f) for f in figures]
    ranked.sort(key=lambda pair: (pair[0], figure_order(pair[1])))
    return ranked
