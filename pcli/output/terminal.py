"""Everything drawn for a person at a terminal, with Rich. The only module that imports Rich.

Data text never reaches Rich as markup: the console parses none, and every string passes through
`safe()` so that escape sequences, bidi overrides and zero-width characters show instead of acting.
Headings are the catalogue's, in the reader's language.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from rich import box
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from pcli.base.model import FactBase, Figure, pick
from pcli.base.numbers import group
from pcli.messages import say, word
from pcli.output.records import Record, display_value, displayed, independent_reports, period_label
from pcli.output.views import (
    AnswersView,
    ChangeAnswerView,
    ChangesView,
    ExtractView,
    FiguresView,
    ListView,
    SectionView,
    ShowView,
    View,
)
from pcli.text import safe

MIN_WIDTH = 40


def console(stderr: bool = False) -> Console:
    return Console(stderr=stderr, markup=False, emoji=False, highlight=False, width=_width(stderr))


def _width(stderr: bool) -> int | None:
    """COLUMNS as given, but never below MIN_WIDTH (COLUMNS=3 drew empty boxes); a COLUMNS of 0 or of no
    number is ignored (COLUMNS=0 drew nothing at all), and the terminal's own width is used."""
    import os
    import sys

    raw = os.environ.get("COLUMNS", "")
    if raw.strip().isdigit() and int(raw) > 0:
        return max(int(raw), MIN_WIDTH)
    if raw:
        try:
            return max(os.get_terminal_size((sys.stderr if stderr else sys.stdout).fileno()).columns, MIN_WIDTH)
        except (OSError, ValueError):
            return 80
    return None


def draw(view: View, lang: str) -> None:
    """Draw any view: each kind of view has its drawing (listed at the end of this module). The whole base is
    paged on a terminal, as git and gh page long output ($PAGER, else less; PAGER= turns it off)."""
    out = console()
    if isinstance(view, ShowView) and out.is_terminal and _pager():
        with out.pager(styles=not out.no_color):
            _show(out, view, lang)
    elif isinstance(view, FiguresView):
        {"answer": _answer, "trend": _trend}.get(view.style, _figure_list)(out, view, lang)
    elif type(view) in _DRAWERS:
        _DRAWERS[type(view)](out, view, lang)


def _pager() -> bool:
    """Whether to page: PAGER is not set empty, and less -FRX (quit if one screen) is the default."""
    import os
    import shutil

    if os.environ.get("PAGER", None) == "":
        return False
    if "PAGER" not in os.environ and not shutil.which("less"):
        return False
    os.environ.setdefault("LESS", "FRX")
    return True


def _figure_list(out: Console, view: FiguresView, lang: str) -> None:
    out.print(figures_table(view.base, view.figures, lang, wholes=view.wholes))


def _list(out: Console, view: ListView, lang: str) -> None:
    out.print(record_table(word(view.what, lang), view.columns, list(view.rows(lang)), lang))


def _section(out: Console, view: SectionView, lang: str) -> None:
    out.print(record_table(word(view.name, lang), view.columns, view.rows(lang), lang))


def _kind(kind: str, lang: str) -> str:
    """The name of a kind of record ("document", "văn bản") from the catalogue's k_ entries."""
    return word(f"k_{kind}", lang)


def _t(value: Any, style: str = "") -> Text:
    return Text(safe("" if value is None else str(value)), style=style)


def _target(status: str, lang: str) -> str:
    """ " (target)" after a target's label, in the table's language; nothing after an achieved figure."""
    return f" ({word('target', lang)})" if status == "target" else ""


def _of_which(base: FactBase, figure: Figure, wholes: Mapping[str, Figure], lang: str) -> str:
    """ " (of which, of 19,000 workers)" after a part's label, when its whole is at hand."""
    whole = wholes.get(figure.part_of) if figure.part_of else None
    if whole is None:
        return ""
    return f" ({say('of_which', lang, whole=display_value(base, whole, lang))})"


def figures_table(
    base: FactBase, figures: Sequence[Figure], lang: str, title: str = "", wholes: Mapping[str, Figure] | None = None
) -> Table:
    table = Table(title=_t(title) if title else None, box=box.SIMPLE_HEAD, title_justify="left", expand=False)
    table.add_column(word("h_figure", lang), ratio=3)
    table.add_column(word("h_value", lang), justify="right", ratio=2)
    table.add_column(word("h_period", lang), ratio=1)
    table.add_column(word("h_source", lang), ratio=2)
    table.add_column("id", no_wrap=True, overflow="ellipsis", style="dim", min_width=min(24, max(len(f.id) for f in figures)))
    wholes = wholes if wholes is not None else {f.id: f for f in base.figures}
    for f in figures:
        label = pick(base.indicators[f.indicator].label, lang) + _target(f.status, lang) + _of_which(base, f, wholes, lang)
        table.add_row(
            _t(label),
            _t(display_value(base, f, lang), "bold"),
            _t(period_label(base, f, lang)),
            _t(", ".join(c.source for c in f.citations), "dim"),
            _t(f.id),
        )
    return table


def _show(out: Console, view: ShowView, lang: str) -> None:
    base = view.base
    if base.title:
        out.print(_t(base.title, "bold"))
    for name in view.sections:
        if name != "figures":
            section = SectionView(base, name)
            out.print(record_table(word(name, lang), section.columns, section.rows(lang), lang))
            continue
        for topic in base.topics.values():
            figures = [f for f in base.figures if base.indicators[f.indicator].topic == topic.id]
            if figures:
                out.print(figures_table(base, figures, lang, pick(topic.label, lang)))


def heading(column: str, lang: str) -> str:
    """A column's heading in the reader's language (the catalogue's col_ entries), else its name."""
    from pcli.messages import catalogue

    return word(f"col_{column}", lang) if f"col_{column}" in catalogue() else column


def record_table(title: str, columns: Sequence[str], records: Sequence[Record], lang: str = "en") -> Table:
    """A table of records; ids are never wrapped (cut with a marker only when the table cannot fit)."""
    table = Table(title=_t(title), box=box.SIMPLE_HEAD, title_justify="left")
    for column in columns:
        if column == "id":
            table.add_column(
                column,
                no_wrap=True,
                overflow="ellipsis",
                min_width=min(24, max((len(str(r.get("id", ""))) for r in records), default=2)),
            )
        else:
            table.add_column(heading(column, lang), overflow="fold")
    for record in records:
        table.add_row(*(_t(record.get(c, "")) for c in columns))
    return table


def _answer(out: Console, view: FiguresView, lang: str) -> None:
    out.print(_figure_panel(view.base, view.figures[0], view.wholes, lang))
    if len(view.figures) > 1:
        out.print(figures_table(view.base, view.figures[1:], lang, word("h_also", lang), view.wholes))


def _figure_panel(base: FactBase, best: Figure, wholes: Mapping[str, Figure], lang: str) -> Panel:
    value, period = _t(display_value(base, best, lang), "bold green"), _t(period_label(base, best, lang), "bold")
    lines: list[Text | Table] = [Text.assemble(value, "  ", period, _t(_of_which(base, best, wholes, lang)))]
    facts = [f"id {best.id}", best.place, _target(best.status, lang).strip(" ()")]
    lines.append(_t("  ".join(x for x in facts if x), "dim"))
    if best.note:
        lines.append(_t(best.note, "italic"))
    lines.extend(_quotes(base, best, lang))
    title = _t(pick(base.indicators[best.indicator].label, lang))
    return Panel(Group(*lines), title=title, title_align="left", expand=False)


def _quotes(base: FactBase, best: Figure, lang: str, prefix: str = "") -> list[Text | Table]:
    """Each citation's quote with its source, and that source's own reading where it differs."""
    lines: list[Text | Table] = []
    for c in best.citations:
        source = base.sources.get(c.source)
        who = f"{source.outlet}" + (f", {source.date}" if source and source.date else "") if source else c.source
        reading = c.reading(best.qualifier)
        if reading != best.qualifier:
            who += "; " + say("reads", lang, source=c.source, value=displayed(base, best, reading, lang))
        lines.append(Text.assemble(_t(prefix, "bold"), _t(f"“{c.quote}”"), _t(f" — {who}", "dim")))
    if len(best.citations) > 1 and independent_reports(base, best.citations) == 1:
        lines.append(_t(say("one_report", lang, count=len(best.citations)), "dim"))
    return lines


def _answers(out: Console, view: AnswersView, lang: str) -> None:
    """The best answer in a panel, then the rest in a table, whatever their kinds."""
    first = view.answers[0]
    if first.figure is not None:
        out.print(_figure_panel(view.base, first.figure, view.wholes, lang))
    else:
        out.print(_record_panel(view.records(lang)[0], lang))
    rest = view.rows(lang)[1:]
    if rest:
        table = Table(title=_t(word("h_also", lang)), box=box.SIMPLE_HEAD, title_justify="left")
        for heading in ("h_figure", "h_value", "h_period", "h_source"):
            table.add_column(word(heading, lang), justify="right" if heading == "h_value" else "left")
        table.add_column("id", no_wrap=True, overflow="ellipsis", style="dim")
        for answer, row in zip(view.answers[1:], rest, strict=True):
            f = answer.figure
            value = display_value(view.base, f, lang) if f else _kind(answer.kind, lang)
            period = period_label(view.base, f, lang) if f else ""
            table.add_row(_t(row.get("label", "")), _t(value, "bold"), _t(period), _t(row.get("sources", ""), "dim"),
                          _t(row.get("id", "")))  # fmt: skip
        out.print(table)


def _record_panel(record: Record, lang: str) -> Panel:
    """A programme, document, agency, place, indicator or source: what it is, its details and its quotes."""
    lines: list[Text | Table] = [_t(f"{_kind(record['kind'], lang)}  id {record['id']}", "dim")]
    for key in ("number", "issuer", "year", "period", "kind", "subject", "role", "unit", "topic", "outlet", "url",
                "note"):  # fmt: skip
        value = record.get(key)
        if value and not (key == "kind" and value == record["kind"]) and key != "label":
            lines.append(_t(f"{key}: {value}"))
    for c in record.get("citations", []):
        lines.append(Text.assemble(_t(f"“{c['quote']}”"), _t(f" — {c['outlet']}", "dim")))
    return Panel(Group(*lines), title=_t(record.get("label", record["id"])), title_align="left", expand=False)


def _change_answer(out: Console, view: ChangeAnswerView, lang: str) -> None:
    """From one figure to the other, the change, and the quotes of both."""
    base, before, after = view.base, view.answer.before, view.answer.after
    assert before is not None and after is not None
    record = view.records(lang)[0]
    sides = [f"{display_value(base, f, lang)} ({period_label(base, f, lang)})" for f in (before, after)]
    unit = base.figure_unit(before)
    change = record["change"]
    sign = "+" if change > 0 else ""
    amount = f"{sign}{group(change, lang)} " + (word("points", lang) if unit.kind == "percent" else pick(unit.label, lang))
    if record["change_percent"] is not None:
        amount += f" ({sign}{group(round(record['change_percent'], 1), lang)} %)"
    lines: list[Text | Table] = [_t(f"{sides[0]} → {sides[1]}", "bold"), _t(f"{word('h_change', lang)}: {amount}", "bold green")]
    lines += _quotes(base, before, lang, f"{before.period.display(lang)}: ") + _quotes(
        base, after, lang, f"{period_label(base, after, lang)}: "
    )
    out.print(Panel(Group(*lines), title=_t(record["label"]), title_align="left", expand=False))


def _changes(out: Console, view: ChangesView, lang: str) -> None:
    base = view.base
    table = Table(box=box.SIMPLE_HEAD, title=_t(f"{view.before} → {view.after}"), title_justify="left")
    table.add_column(word("h_indicator", lang), ratio=3)
    table.add_column(view.before, justify="right")
    table.add_column(view.after, justify="right")
    table.add_column(word("h_change", lang), justify="right")
    table.add_column("%", justify="right")
    for c in view.changes:
        label = pick(base.indicators[c.indicator].label, lang) + _target(c.status, lang)
        sign = "+" if c.change > 0 else ""
        unit = base.figure_unit(c.before)
        pct = "" if c.percent is None or unit.kind == "percent" else f"{sign}{group(round(c.percent, 1), lang)} %"
        delta = f"{sign}{group(c.change if unit.kind != 'currency' else round(c.change / 1e9, 3), lang)}"
        if unit.kind == "currency":
            delta += " " + word("billion_short", lang)
        elif unit.kind == "percent":
            delta += " " + word("points", lang)
        table.add_row(
            _t(label),
            _t(display_value(base, c.before, lang)),
            _t(display_value(base, c.after, lang)),
            _t(delta, "green" if c.change < 0 else "yellow" if c.change > 0 else ""),
            _t(pct),
        )
    out.print(table)


def _trend(out: Console, view: FiguresView, lang: str) -> None:
    base, figures = view.base, view.figures
    top = max((abs(f.value) for f in figures), default=0) or 1
    width = max(10, min(40, out.width - 50))
    table = Table(box=box.SIMPLE_HEAD, title=_t(pick(base.indicators[figures[0].indicator].label, lang)), title_justify="left")
    table.add_column(word("h_period", lang))
    table.add_column(word("h_value", lang), justify="right")
    table.add_column("", no_wrap=True)
    for f in figures:
        bar = "█" * max(0, round(abs(f.value) / top * width))
        period = period_label(base, f, lang) + _target(f.status, lang)
        table.add_row(_t(period), _t(display_value(base, f, lang), "bold"), _t(bar or "·", "cyan"))
    out.print(table)


def _extract(out: Console, view: ExtractView, lang: str) -> None:
    """Every number of the article; the new ones, which the base does not hold yet, stand out."""
    table = Table(title=_t(view.path), box=box.SIMPLE_HEAD, title_justify="left")
    for column in ("line", "number", "value", "unit", "kind", "status", "sentence"):
        table.add_column(heading(column, lang), overflow="fold", ratio=4 if column == "sentence" else None)
    for row in view.each():
        style = "bold yellow" if row.status == "new" else "dim" if row.kind != "figure" else ""
        status = row.status + (f" {row.figures}" if row.figures else "") + (f" ({row.reason})" if row.reason else "")
        value = group(row.value, lang) if row.kind == "figure" else ""
        table.add_row(_t(f"{row.line}:{row.column}"), _t(row.written, style), _t(value, style), _t(row.unit),
                      _t(row.kind), _t(status, style), _t(row.sentence))  # fmt: skip
    out.print(table)


_DRAWERS: dict[type, Callable[[Console, Any, str], None]] = {
    ShowView: _show, ChangesView: _changes, AnswersView: _answers, ChangeAnswerView: _change_answer,
    ExtractView: _extract, SectionView: _section, ListView: _list,
}  # fmt: skip
