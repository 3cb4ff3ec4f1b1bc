"""Everything drawn for a person at a terminal, with Rich. The only module that imports Rich.

Data text never reaches Rich as markup: the console parses none, and every string passes through
`safe()` so that escape sequences, bidi overrides and zero-width characters show instead of acting.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from rich import box
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from pcli.answer.changes import Change
from pcli.base.model import TARGET_TEXT, FactBase, Figure, pick
from pcli.base.numbers import group
from pcli.output.records import Record, display_value, displayed, independent_reports, period_label
from pcli.answer.search import Match
from pcli.text import safe


def console(stderr: bool = False) -> Console:
    return Console(stderr=stderr, markup=False, emoji=False, highlight=False)


def _t(value: Any, style: str = "") -> Text:
    return Text(safe("" if value is None else str(value)), style=style)


def _target(status: str, lang: str) -> str:
    """" (target)" after a target's label, in the table's language; nothing after an achieved figure."""
    return f" ({TARGET_TEXT.get(lang, TARGET_TEXT['en'])})" if status == "target" else ""


_OF_WHICH = {"en": "of which, of {}", "vi": "trong đó, trên tổng {}", "id": "di antaranya, dari {}"}
_ONE_REPORT = {"en": "{} renderings of one report, not independent confirmation",
               "vi": "{} bản của cùng một bài, không phải xác nhận độc lập",
               "id": "{} versi dari satu laporan, bukan konfirmasi independen"}
_READS = {"en": "reads", "vi": "ghi", "id": "tertulis"}


def _of_which(base: FactBase, figure: Figure, wholes: Mapping[str, Figure], lang: str) -> str:
    """" (of which, of 19,000 workers)" after a part's label, when its whole is at hand."""
    whole = wholes.get(figure.part_of) if figure.part_of else None
    if whole is None:
        return ""
    return f" ({_OF_WHICH.get(lang, _OF_WHICH['en']).format(display_value(base, whole, lang))})"


def figures_table(base: FactBase, figures: Sequence[Figure], lang: str, title: str = "",
                  wholes: Mapping[str, Figure] | None = None) -> Table:
    table = Table(title=_t(title) if title else None, box=box.SIMPLE_HEAD, title_justify="left", expand=False)
    table.add_column("Figure", ratio=3)
    table.add_column("Value", justify="right", ratio=2)
    table.add_column("Period", ratio=1)
    table.add_column("Source", ratio=2)
    wholes = wholes if wholes is not None else {f.id: f for f in base.figures}
    for f in figures:
        label = pick(base.indicators[f.indicator].label, lang) + _target(f.status, lang) + _of_which(base, f, wholes, lang)
        table.add_row(_t(label), _t(display_value(base, f, lang), "bold"), _t(period_label(base, f, lang)),
                      _t(", ".join(c.source for c in f.citations), "dim"))
    return table


def show(base: FactBase, sections: Sequence[str], lang: str,
         rows: Mapping[str, tuple[Sequence[str], list[Record]]]) -> None:
    out = console()
    if base.title:
        out.print(_t(base.title, "bold"))
    for name in sections:
        if name == "figures":
            for topic in base.topics.values():
                figures = [f for f in base.figures if base.indicators[f.indicator].topic == topic.id]
                if figures:
                    out.print(figures_table(base, figures, lang, pick(topic.label, lang)))
            continue
        columns, records = rows[name]
        out.print(record_table(name.capitalize(), columns, records))


def record_table(title: str, columns: Sequence[str], records: Sequence[Record]) -> Table:
    table = Table(title=_t(title), box=box.SIMPLE_HEAD, title_justify="left")
    for column in columns:
        table.add_column(column, overflow="fold")
    for record in records:
        table.add_row(*(_t(record.get(c, "")) for c in columns))
    return table


def answer(base: FactBase, matches: Sequence[Match], lang: str, wholes: Mapping[str, Figure] | None = None) -> None:
    out = console()
    best = matches[0].figure
    wholes = wholes or {}
    indicator = base.indicators[best.indicator]
    lines: list[Text | Table] = [
        Text.assemble(_t(display_value(base, best, lang), "bold green"), "  ", _t(period_label(base, best, lang), "bold"),
                      _t(_of_which(base, best, wholes, lang))),
    ]
    facts = [f"id {best.id}", f"place {best.place}" if best.place else "", _target(best.status, lang).strip(" ()"),
             f"part of {best.part_of}" if best.part_of else ""]
    lines.append(_t("  ".join(x for x in facts if x), "dim"))
    if best.note:
        lines.append(_t(best.note, "italic"))
    for c in best.citations:
        source = base.sources.get(c.source)
        who = f"{source.outlet}" + (f", {source.date}" if source and source.date else "") if source else c.source
        reading = c.reading(best.qualifier)
        if reading != best.qualifier:
            who += f"; {_READS.get(lang, _READS['en'])}: {displayed(base, best, reading, lang)}"
        lines.append(Text.assemble(_t(f"“{c.quote}”"), _t(f" — {who}", "dim")))
    if len(best.citations) > 1 and independent_reports(base, best.citations) == 1:
        lines.append(_t(_ONE_REPORT.get(lang, _ONE_REPORT["en"]).format(len(best.citations)), "dim"))
    out.print(Panel(Group(*lines), title=_t(pick(indicator.label, lang)), title_align="left", expand=False))
    if len(matches) > 1:
        out.print(figures_table(base, [m.figure for m in matches[1:]], lang, "Also", wholes))


def changes(base: FactBase, rows: Sequence[Change], before: str, after: str, lang: str) -> None:
    table = Table(box=box.SIMPLE_HEAD, title=_t(f"{before} → {after}"), title_justify="left")
    table.add_column("Indicator", ratio=3)
    table.add_column(before, justify="right")
    table.add_column(after, justify="right")
    table.add_column("Change", justify="right")
    table.add_column("%", justify="right")
    for c in rows:
        label = pick(base.indicators[c.indicator].label, lang) + _target(c.status, lang)
        sign = "+" if c.change > 0 else ""
        pct = "" if c.percent is None else f"{sign}{group(round(c.percent, 1), lang)} %"
        unit = base.figure_unit(c.before)
        delta = f"{sign}{group(c.change if unit.kind != 'currency' else round(c.change / 1e9, 3), lang)}"
        if unit.kind == "currency":
            delta += " bn" if lang == "en" else (" tỷ" if lang == "vi" else " miliar")
        table.add_row(_t(label), _t(display_value(base, c.before, lang)), _t(display_value(base, c.after, lang)),
                      _t(delta, "green" if c.change < 0 else "yellow" if c.change > 0 else ""), _t(pct))
    console().print(table)


def trend(base: FactBase, figures: Sequence[Figure], lang: str) -> None:
    out = console()
    indicator = base.indicators[figures[0].indicator]
    top = max((abs(f.value) for f in figures), default=0) or 1
    width = max(10, min(40, out.width - 50))
    table = Table(box=box.SIMPLE_HEAD, title=_t(pick(indicator.label, lang)), title_justify="left")
    table.add_column("Period")
    table.add_column("Value", justify="right")
    table.add_column("", no_wrap=True)
    for f in figures:
        bar = "█" * max(0, round(abs(f.value) / top * width))
        period = period_label(base, f, lang) + _target(f.status, lang)
        table.add_row(_t(period), _t(display_value(base, f, lang), "bold"), _t(bar or "·", "cyan"))
    out.print(table)


def status_line(message: str) -> None:
    console(stderr=True).print(_t(message, "dim"))
