"""Everything drawn for a person at a terminal, with Rich (terminal_tables.py lays out its tables; they and
progress.py are the only modules that import Rich).

Data text never reaches Rich as markup: the console parses none, and every string passes through
`safe()` so that escape sequences, bidi overrides and zero-width characters show instead of acting.
Headings are the catalogue's, in the reader's language.
"""

from __future__ import annotations

import os
import shlex
import shutil
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from rich import box
from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from pcli.answer.changes import by_place, several_places
from pcli.base.bases import bases_of
from pcli.base.model import Catalogue, Figure, pick, said
from pcli.base.numbers import group
from pcli.messages import catalogue, say, word
from pcli.output.changes import ChangeAnswerView, ChangesView
from pcli.output.pasted import change_parts, change_words
from pcli.output.records import Record, agency_name, display_value, displayed, independent_reports, period_label
from pcli.output.terminal_tables import Col, fitted
from pcli.output.views import AnswersView, ExtractView, FiguresView, ListView, SectionView, ShowView, View
from pcli.text import safe

MIN_WIDTH = 40


def console(stderr: bool = False) -> Console:
    return Console(stderr=stderr, markup=False, emoji=False, highlight=False, width=_width(stderr))


def _width(stderr: bool) -> int | None:
    """COLUMNS as given, but never below MIN_WIDTH (COLUMNS=3 drew empty boxes); a COLUMNS of 0 or of no
    number is ignored (COLUMNS=0 drew nothing at all), and the terminal's own width is used."""
    raw = os.environ.get("COLUMNS", "")
    if raw.strip().isdigit() and int(raw) > 0:
        return max(int(raw), MIN_WIDTH)
    if raw:
        try:
            return max(os.get_terminal_size((sys.stderr if stderr else sys.stdout).fileno()).columns, MIN_WIDTH)
        except (OSError, ValueError):
            return 80
    return None


Drawing = Callable[[Console, Any, str], None]


def draw(drawing: Drawing, view: View, lang: str, paged: bool = False) -> None:
    """Draw a view with its drawing (render.FORMS says which). Long output (the base, its lists) is paged on a
    terminal, as git and gh page it ($PAGER, else less -FRX, which quits when the output fits one screen; PAGER=
    turns it off, and a PAGER that is not installed prints as if it were off); the base's figures stream into the
    pager as they are read."""
    out = console()
    if not (paged and out.is_terminal and _pager()):
        drawing(out, view, lang)
    elif isinstance(view, ShowView) and "figures" in view.sections and view.lookup:
        from pcli.output.terminal_pager import stream_show

        stream_show(out, view, lang)
    else:
        with out.pager(styles=not out.no_color):
            drawing(out, view, lang)


def _pager() -> bool:
    """Whether to page: PAGER names a program that is installed (less when PAGER is not set at all)."""
    command = os.environ.get("PAGER", "less")
    try:
        program = shlex.split(command)[0] if command.strip() else ""
    except ValueError:
        return False
    if not program or not shutil.which(program):
        return False
    os.environ.setdefault("LESS", "FRX")
    return True


def figure_list(out: Console, view: FiguresView, lang: str) -> None:
    out.print(figures_table(view.base, view.figures, lang, out.width, wholes=view.wholes), crop=False)


def lists(out: Console, view: ListView, lang: str) -> None:
    out.print(record_table(view.base, word(view.what, lang), view.columns, list(view.rows(lang)), out.width, lang), crop=False)


def section(out: Console, view: SectionView, lang: str) -> None:
    out.print(record_table(view.base, word(view.name, lang), view.columns, view.rows(lang), out.width, lang), crop=False)


def _kind(kind: str, lang: str) -> str:
    """The name of a kind of record ("document", "văn bản") from the catalogue's k_ entries."""
    return word(f"k_{kind}", lang)


def _type(record: Record, lang: str = "en") -> str:
    """A record's own kind ("resolution", "commune") in words, where it has one."""
    return _in_words(str(record.get("type") or ""), lang)


def _in_words(value: str, lang: str) -> str:
    """A kind or status in the reader's words where the catalogue has them (its v_ entries), else as it is."""
    return word(f"v_{value}", lang) if value and f"v_{value}" in catalogue() else value


def _t(value: Any, style: str = "") -> Text:
    return Text(safe("" if value is None else str(value)), style=style)


def _of_which(base: Catalogue, figure: Figure, wholes: Mapping[str, Figure], lang: str) -> str:
    """ " (of which, of 19,000 workers)" after a part's label, when its whole is at hand."""
    whole = wholes.get(figure.part_of) if figure.part_of else None
    if whole is None:
        return ""
    return f" ({say('of_which', lang, whole=display_value(base, whole, lang))})"


def _figure_cells(base: Catalogue, f: Figure, wholes: Mapping[str, Figure], lang: str, place: bool = False) -> list[str]:
    """A figure's row: label, value, period (and its place, when the rows are of several), sources, id."""
    label = pick(base.indicators[f.indicator].label, lang) + _of_which(base, f, wholes, lang)
    sources = ", ".join(c.source for c in f.citations)
    where = [said(base, f.place, lang)] if place else []
    return [label, display_value(base, f, lang), period_label(base, f, lang), *where, sources, f.id]


def _figure_columns(lang: str, place: bool = False) -> list[Col]:
    where = [Col(word("h_place", lang))] if place else []
    return [Col(word("h_figure", lang)), Col(word("h_value", lang), "right", "bold"), Col(word("h_period", lang)),
            *where, Col(word("h_source", lang), style="dim", drop=1), Col("id", style="dim", whole=True)]  # fmt: skip


def figure_rows_table(title: str, rows: list[list[str]], width: int, lang: str, place: bool = False) -> RenderableType:
    """Rows of figures (label, value, period, the place if `place`, sources, id) as a table for `width`; a label
    every row shares is said once, in the title, rather than in a column of its own."""
    cols = _figure_columns(lang, place)
    labels = {r[0] for r in rows}
    if len(labels) == 1 and len(rows) > 1:
        title = f"{title} · {rows[0][0]}" if title else rows[0][0]
        cols, rows = cols[1:], [r[1:] for r in rows]
    return fitted(title, cols, rows, width)


def figures_table(
    base: Catalogue,
    figures: Sequence[Figure],
    lang: str,
    width: int,
    title: str = "",
    wholes: Mapping[str, Figure] | None = None,
) -> RenderableType:
    wholes = wholes if wholes is not None else {}
    place = several_places(figures)
    return figure_rows_table(title, [_figure_cells(base, f, wholes, lang, place) for f in figures], width, lang, place)


def show(out: Console, view: ShowView, lang: str) -> None:
    base = view.base
    every = view.figures() if "figures" in view.sections else []
    wholes = {f.id: f for f in every}
    if base.title:
        out.print(_t(said(base, base.title, lang), "bold"))
    for name in view.sections:
        if name != "figures":
            section = SectionView(base, name)
            out.print(record_table(base, word(name, lang), section.columns, section.rows(lang), out.width, lang), crop=False)
            continue
        for topic in base.topics.values():
            figures = [f for f in every if base.indicators[f.indicator].topic == topic.id]
            if figures:
                out.print(figures_table(base, figures, lang, out.width, pick(topic.label, lang), wholes), crop=False)


def heading(column: str, lang: str) -> str:
    """A column's heading in the reader's language (the catalogue's col_ entries), else its name."""
    return word(f"col_{column}", lang) if f"col_{column}" in catalogue() else column


OPTIONAL = {"note": 5, "sources": 4, "aliases": 3, "topic": 2, "unit": 1}  # which columns of a record go first when narrow
ID_LISTS = ("sources", "documents", "indicators")


def _cell(column: str, value: Any) -> str:
    """A record's value as a person reads it: a list as "a, b" (never a Python list), ids after commas spaced."""
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    text = "" if value is None else str(value)
    return text.replace(",", ", ") if column in ID_LISTS else text


def for_people(base: Catalogue, column: str, value: Any, lang: str) -> str:
    """A record's value in the reader's language where the base or the catalogue has it: a unit's or topic's
    label for its id, a kind or status in words, a note or place name as the base gives it in three languages."""
    text = _cell(column, value)
    if column == "unit" and text in base.units:
        return pick(base.units[text].label, lang)
    if column == "topic" and text in base.topics:
        return pick(base.topics[text].label, lang)
    if column in ("kind", "status"):
        return _in_words(text, lang)
    if column == "issuer":  # a document's issuer by its name, not its id
        return agency_name(base, text, lang)
    return said(base, text, lang) if column in ("note", "place") else text


def record_table(
    base: Catalogue, title: str, columns: Sequence[str], records: Sequence[Record], width: int, lang: str = "en"
) -> RenderableType:
    """A table of records that fits `width`, in the reader's language; ids are never wrapped nor cut."""
    cols = [Col("id", whole=True) if c == "id" else Col(heading(c, lang), drop=OPTIONAL.get(c, 0)) for c in columns]
    return fitted(title, cols, [[for_people(base, c, r.get(c, ""), lang) for c in columns] for r in records], width)


def figure_card(out: Console, view: FiguresView, lang: str) -> None:
    out.print(_figure_panel(view.base, view.figures[0], view.wholes, lang))
    if len(view.figures) > 1:
        out.print(figures_table(view.base, view.figures[1:], lang, out.width, word("h_also", lang), view.wholes), crop=False)


def _figure_panel(base: Catalogue, best: Figure, wholes: Mapping[str, Figure], lang: str) -> Panel:
    colour = "bold yellow" if best.status == "target" else "bold green"
    value, period = _t(display_value(base, best, lang), colour), _t(period_label(base, best, lang), "bold")
    lines: list[Text | Table] = [Text.assemble(value, "  ", period, _t(_of_which(base, best, wholes, lang)))]
    lines.append(_t("  ".join(x for x in (f"id {best.id}", said(base, best.place, lang), _from(base, [best], lang)) if x), "dim"))
    if best.note:
        lines.append(_t(said(base, best.note, lang), "italic"))
    lines.extend(_quotes(base, best, lang))
    title = _t(pick(base.indicators[best.indicator].label, lang))
    return Panel(Group(*lines), title=title, title_align="left", expand=False)


def _from(base: Catalogue, figures: Iterable[Figure], lang: str) -> str:
    """ "from lakeside.toml": the bases these figures come from, when several are read as one; else nothing."""
    if len(base.bases) < 2:
        return ""
    return say("from_bases", lang, bases=bases_of(base, (c.source for f in figures for c in f.citations)).replace(",", ", "))


def _quotes(base: Catalogue, best: Figure, lang: str, prefix: str = "") -> list[Text | Table]:
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


def answers(out: Console, view: AnswersView, lang: str) -> None:
    """The best answer in a panel, then the rest in a table, whatever their kinds."""
    first = view.answers[0]
    if first.figure is not None:
        out.print(_figure_panel(view.base, first.figure, view.wholes, lang))
    else:
        out.print(_record_panel(view.base, view.records(lang)[0], lang))
    rest = view.rows(lang)[1:]
    if rest:
        place = several_places(a.figure for a in view.answers if a.figure is not None)
        rows = [
            _figure_cells(view.base, a.figure, view.wholes, lang, place)
            if a.figure is not None
            else _record_cells(a.kind, row, lang, place)
            for a, row in zip(view.answers[1:], rest, strict=True)
        ]
        out.print(figure_rows_table(word("h_also", lang), rows, out.width, lang, place), crop=False)


def _record_cells(kind: str, row: Record, lang: str, place: bool = False) -> list[str]:
    """An answer that is not a figure as a row of the figures' columns: its name, its kind, its sources, its id."""
    where = [""] if place else []
    what = _type(row, lang) or _kind(kind, lang)  # its own kind: "resolution", not "document"
    return [str(row.get("label", "")), what, "", *where, _cell("sources", row.get("sources", "")), str(row.get("id", ""))]


def _record_panel(base: Catalogue, record: Record, lang: str) -> Panel:
    """A programme, document, agency, place, indicator or source: what it is, its details and its quotes."""
    what = _type(record, lang) or _kind(record["kind"], lang)  # its own kind: "resolution", not "document"
    lines: list[Text | Table] = [_t(f"{what}  id {record['id']}", "dim")]
    for key in ("number", "issuer", "year", "period", "kind", "subject", "role", "unit", "topic", "outlet", "url",
                "note"):  # fmt: skip
        value = record.get(key)
        if value and not (key == "kind" and value == record["kind"]) and key != "label":
            lines.append(_t(f"{heading(key, lang)}: {for_people(base, key, value, lang)}"))
    for c in record.get("citations", []):
        lines.append(Text.assemble(_t(f"“{c['quote']}”"), _t(f" — {c['outlet']}", "dim")))
    return Panel(Group(*lines), title=_t(record.get("label", record["id"])), title_align="left", expand=False)


def change_card(out: Console, view: ChangeAnswerView, lang: str) -> None:
    """From one figure to the other, the change, and the quotes of both."""
    base, before, after = view.base, view.answer.before, view.answer.after
    assert before is not None and after is not None
    sides = [f"{display_value(base, f, lang)} ({period_label(base, f, lang)})" for f in (before, after)]
    amount = change_words(base, view.change(), lang)
    lines: list[Text | Table] = [_t(f"{sides[0]} → {sides[1]}", "bold"), _t(f"{word('h_change', lang)}: {amount}", "bold green")]
    lines += _quotes(base, before, lang, f"{before.period.display(lang)}: ") + _quotes(
        base, after, lang, f"{period_label(base, after, lang)}: "
    )
    title = _t(pick(base.indicators[before.indicator].label, lang))
    out.print(Panel(Group(*lines), title=title, title_align="left", expand=False))


def changes(out: Console, view: ChangesView, lang: str) -> None:
    base = view.base
    place = several_places(c.before for c in view.changes)
    cols = [Col(word("h_indicator", lang)), *([Col(word("h_place", lang))] if place else []), Col(view.before, "right"),
            Col(view.after, "right"), Col(word("h_change", lang), "right", "bold"), Col("%", "right", drop=1)]  # fmt: skip
    rows = []
    for c in view.changes:
        label = pick(base.indicators[c.indicator].label, lang)
        where = [said(base, c.place, lang)] if place else []
        sides = [display_value(base, c.before, lang), display_value(base, c.after, lang)]
        rows.append([label, *where, *sides, *change_parts(base, c, lang)])
    only = view.changes[0].place if view.changes and not place else ""  # one place: the title says it
    title = f"{said(base, only, lang)}: {view.before} → {view.after}" if only else f"{view.before} → {view.after}"
    out.print(fitted(title, cols, rows, out.width), crop=False)
    if footer := _from(base, (f for c in view.changes for f in (c.before, c.after)), lang):
        out.print(_t(footer, "dim"))


def trend(out: Console, view: FiguresView, lang: str) -> None:
    """One table of bars per place (the bars of every place to one scale): a series never mixes places."""
    base, figures = view.base, view.figures
    top = max((abs(f.value) for f in figures), default=0) or 1
    width = max(10, min(40, out.width - 50))
    label = pick(base.indicators[figures[0].indicator].label, lang)
    series = by_place(figures)
    for part in series:
        title = say("chart_trend_title", lang, label=label, place=said(base, part[0].place, lang)) if part[0].place else label
        table = Table(box=box.SIMPLE_HEAD, title=_t(title), title_justify="left")
        table.add_column(word("h_period", lang))
        table.add_column(word("h_value", lang), justify="right")
        table.add_column("", no_wrap=True)
        for f in part:
            bar = "█" * max(0, round(abs(f.value) / top * width))
            table.add_row(_t(period_label(base, f, lang)), _t(display_value(base, f, lang), "bold"), _t(bar or "·", "cyan"))
        out.print(table)
        if footer := _from(base, part, lang):
            out.print(_t(footer, "dim"))


def extract(out: Console, view: ExtractView, lang: str) -> None:
    """Every number of the article; the new ones, which the base does not hold yet, stand out."""
    cols = [Col(heading(c, lang), "right" if c == "value" else "left", whole=c == "line",
                drop={"unit": 2, "period": 1}.get(c, 0))
            for c in ("line", "number", "value", "unit", "period", "kind", "status", "sentence")]  # fmt: skip
    rows, marks = [], []
    units = view.base.units
    for row in view.each():
        marks.append("bold yellow" if row.status == "new" else "dim" if row.kind != "figure" else "")
        status = (
            _in_words(row.status, lang) + (f" {row.figures}" if row.figures else "") + (f" ({row.reason})" if row.reason else "")
        )
        value = group(row.value, lang) if row.kind == "figure" else ""
        unit = pick(units[row.unit].label, lang) if row.unit in units else row.unit
        rows.append([f"{row.line}:{row.column}", row.written, value, unit, row.period, _in_words(row.kind, lang), status,
                     row.sentence])  # fmt: skip
    out.print(fitted(view.path, cols, rows, out.width, marks), crop=False)
