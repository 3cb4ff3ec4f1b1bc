"""Figures and changes as text to paste (Markdown): numbers and periods written for people, a place column only
when the rows are of more than one place."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from pcli.answer.changes import several_places
from pcli.base.model import Catalogue, Figure, pick, said
from pcli.base.numbers import group, humanize
from pcli.messages import word
from pcli.output.records import Record, display_value, period_label, tidy

if TYPE_CHECKING:
    from pcli.answer.changes import Change


def _place(cell: str, shown: bool) -> tuple[str, ...]:
    return (cell,) if shown else ()


def people_rows(base: Catalogue, figures: Sequence[Figure], lang: str) -> tuple[tuple[str, ...], list[Record]]:
    """Figures as text to paste (Markdown): one row each, numbers and periods written for people, with the
    citation: its source, date and quote."""
    place = several_places(figures)  # a place column only when the figures are of more than one
    columns = tuple(word(k, lang) for k in ("h_figure", "h_value", "h_period", *_place("h_place", place), "h_source"))
    columns += ("id",)
    rows = []
    for f in figures:
        first = f.citations[0] if f.citations else None
        source = base.sources.get(first.source) if first else None
        cited = f"{source.outlet}{', ' + source.date if source.date else ''}: “{first.quote}”" if first and source else ""
        values = (pick(base.indicators[f.indicator].label, lang), display_value(base, f, lang),
                  period_label(base, f, lang), *_place(said(base, f.place, lang), place), cited, f.id)  # fmt: skip
        rows.append(dict(zip(columns, values, strict=True)))
    return columns, rows


def change_rows(
    base: Catalogue, changes: Sequence[Change], before: str, after: str, lang: str
) -> tuple[tuple[str, ...], list[Record]]:
    """compare's changes as rows: the indicator (and its place, when several), both figures and the change."""
    place = several_places(c.before for c in changes)
    columns = (word("h_indicator", lang), *_place(word("h_place", lang), place), before, after, word("h_change", lang))
    rows = []
    for c in changes:
        sides = (display_value(base, c.before, lang), display_value(base, c.after, lang))
        values = (pick(base.indicators[c.indicator].label, lang), *_place(said(base, c.place, lang), place), *sides,
                  change_words(base, c, lang))  # fmt: skip
        rows.append(dict(zip(columns, values, strict=True)))
    return columns, rows


def change_parts(base: Catalogue, c: Change, lang: str) -> tuple[str, str]:
    """A change written for people, one way wherever it is shown (compare's table and Markdown, a change
    answer's card and Markdown): its amount as the unit's figures are written ("+718 billion VND", "-2,134
    households", "-0.065 pp" for a rate) and its per cent ("+9 %", "" when it has none: Change.percent)."""
    sign = "+" if c.change > 0 else ""
    unit = base.figure_unit(c.before)
    if c.rate:
        amount = f"{group(tidy(c.change), lang)} {word('points', lang)}"
    else:
        amount = humanize(tidy(c.change), unit.kind, pick(unit.label, lang), lang)
    percent = "" if c.percent is None else f"{sign}{group(round(c.percent, 1), lang)} %"
    return sign + amount, percent


def change_words(base: Catalogue, c: Change, lang: str) -> str:
    """The change in one phrase: "-2,134 households (-100 %)", "+718 billion VND (+9 %)", "-0.065 pp"."""
    amount, percent = change_parts(base, c, lang)
    return f"{amount} ({percent})" if percent else amount
