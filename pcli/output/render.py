"""The one renderer: a command's result in the format and language asked. Data to stdout, messages to stderr."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from typing import IO, Any, TypeVar

from pcli.errors import UsageError
from pcli.messages import Msg, say
from pcli.output import Format
from pcli.output import machine as m
from pcli.output.views import BatchView, CiteView, ExtractView, ProblemsView, Result, View
from pcli.text import safe

T = TypeVar("T")


def tell(message: Msg | str, lang: str = "en", stream: IO[str] | None = None) -> None:
    """One line for a person on stderr, in their language, with nothing in it that could drive the terminal."""
    text = message.say(lang) if isinstance(message, Msg) else message
    print(safe(text.replace("\n", " ").strip()), file=stream or sys.stderr)


def render(result: Result, fmt: Format, lang: str, output: str | None = None) -> None:
    if result.miss is not None:
        if fmt is Format.json:
            print("[]")
        tell(result.miss, lang)
    if result.view is not None:
        form(result.view, fmt)(result.view, lang, output)


def form(view: View, fmt: Format) -> Writer:
    """The writer of a view in a format (FORMS), before anything is written: a view with no form in the format
    is bad usage, said in one line, never an empty table."""
    name = type(view).__name__
    writer = FORMS.get((name, fmt))
    if writer is None or (fmt is Format.markdown and name == "AnswersView" and not _has_figures(view)):
        has = [f.value for (n, f) in FORMS if n == name and f is not fmt]
        raise UsageError("no_form", fmt=fmt.value, choices=", ".join(has))
    return writer


def _has_figures(view: View) -> bool:
    """Whether a query's answers hold a figure, the only answer Markdown writes (a document has no such form)."""
    return any(a.figure is not None for a in getattr(view, "answers", ()))


Writer = Callable[[Any, str, str | None], None]
"""A view written in one format: (view, language, the output file of a chart)."""


def _drawn(name: str, paged: bool = False) -> Writer:
    """Drawn on a terminal by `terminal.<name>`: Rich is imported only when a table is drawn."""

    def write(view: View, lang: str, output: str | None) -> None:
        from pcli.output import terminal

        terminal.draw(getattr(terminal, name), view, lang, paged)

    return write


def _tsv(view: View, lang: str, output: str | None) -> None:
    m.write_tsv(view.columns, view.rows(lang))


def _csv(view: View, lang: str, output: str | None) -> None:
    m.write_csv(view.columns, view.rows(lang))


def _json(view: View, lang: str, output: str | None) -> None:
    m.write_json(view.records(lang))


def _jsonl(view: View, lang: str, output: str | None) -> None:
    m.write_jsonl(view.records(lang))


def _people(view: Any, lang: str, output: str | None) -> None:
    """Markdown to paste: numbers and periods written for people (the view's for_people)."""
    m.write_markdown(*view.for_people(lang))


def _markdown(view: View, lang: str, output: str | None) -> None:
    """Markdown of the rows as they are (a section, a list: ids, names and words, no numbers to write)."""
    m.write_markdown(view.columns, view.rows(lang))


_ROWS: dict[Format, Writer] = {Format.tsv: _tsv, Format.csv: _csv, Format.json: _json, Format.jsonl: _jsonl}


def _machine(name: str, drawing: str, markdown: Writer | None, paged: bool = False) -> dict[tuple[str, Format], Writer]:
    """The forms of a view of rows: drawn on a terminal, TSV, CSV, JSON, JSON Lines and (where it has one)
    Markdown."""
    forms: dict[tuple[str, Format], Writer] = {(name, fmt): writer for fmt, writer in _ROWS.items()}
    forms[(name, Format.table)] = _drawn(drawing, paged)
    if markdown is not None:
        forms[(name, Format.markdown)] = markdown
    return forms


def _chart(fmt: Format) -> Writer:
    def write(view: Any, lang: str, output: str | None) -> None:
        _draw_chart(view, fmt, lang, output or "-")

    return write


def _draw_chart(view: Any, fmt: Format, lang: str, output: str) -> None:
    """trend's or compare's chart, drawn whole, then written to stdout or through the one atomic writer."""
    from pcli.files import put_bytes
    from pcli.output import charts

    if type(view).__name__ == "ChangesView":
        spec = charts.compare_spec(view.base, view.changes, view.before, view.after, lang)
    else:
        spec = charts.trend_spec(view.base, view.figures, lang)
    data = charts.draw(spec, fmt.value, lang)
    if output == "-":
        sys.stdout.buffer.write(data)
    else:
        put_bytes(output, data)


def _batch(view: BatchView, fmt: Format, lang: str) -> None:
    """One line out per line in, flushed whenever the input has no more lines at hand: TSV (the query and its
    best answer), JSON Lines, or, with --format json, one array at the end. Why a line has no answer goes to
    stderr as its group is written."""
    if fmt is Format.json:
        m.write_json([{"query": text, "match": record} for group in _telling(view, view.stream(lang), lang)
                      for text, record in group])  # fmt: skip
    elif fmt is Format.jsonl:
        for group in _telling(view, view.stream(lang), lang):
            m.write_jsonl({"query": text, "match": record} for text, record in group)
            sys.stdout.flush()
    else:
        writer = m.write_csv if fmt is Format.csv else m.write_tsv
        writer(view.columns, [], header=True)
        sys.stdout.flush()
        for rows in _telling(view, view.rows_as_they_come(lang), lang):
            writer(view.columns, rows, header=False)
            sys.stdout.flush()


def _telling(view: BatchView, groups: Iterator[T], lang: str) -> Iterator[T]:
    for group in groups:
        yield group
        for miss in view.missed:
            tell(miss, lang)


def _extract(view: ExtractView, fmt: Format, lang: str) -> None:
    """Rows as they are read, in a pipe; all at once in a table (new numbers stand out) or a JSON array."""
    if view.warning is not None:
        tell(view.warning, lang)
    if fmt is Format.toml:
        from pcli.output import draft

        draft.write(view.each(), view.base, view.path, view.source, sys.stdout, view.text_lang)
    elif fmt is Format.table:
        from pcli.output import terminal

        terminal.draw(terminal.extract, view, lang)
    elif fmt is Format.json:
        m.write_json([row.record() for row in view.each()])
    elif fmt is Format.jsonl:
        for row in view.each():
            m.write_jsonl([row.record()])
    else:
        writer = m.write_csv if fmt is Format.csv else m.write_tsv
        writer(view.columns, [], header=True)
        for row in view.each():
            writer(view.columns, [row.record()], header=False)
    if not view.count:
        tell(Msg("no_numbers", path=view.path), lang)


def _cite(view: CiteView, fmt: Format, lang: str) -> None:
    from pcli.output import cite

    found = cite.entries(view.base, view.records_cited, lang)
    if fmt in (Format.json, Format.jsonl):
        (m.write_json if fmt is Format.json else m.write_jsonl)(cite.records(found, view.style, lang))
    else:
        cite.write(found, view.style, lang, sys.stdout)


def _problems(view: ProblemsView, fmt: Format, lang: str) -> None:
    """Problems go to stderr as `file:line: message` for people, or to stdout as objects with --format json."""
    if fmt in (Format.json, Format.jsonl):
        (m.write_json if fmt is Format.json else m.write_jsonl)(view.records(lang))
    else:
        for p in view.problems:
            where = getattr(p, "path", "") or view.path  # the file of each problem, where several are checked
            tell(f"{where}:{p.line}: {p.msg.say(lang)}" if p.line else f"{where}: {p.msg.say(lang)}", lang)
    for w in view.warnings:
        tell(f"{w.path}:{w.line}: {w.msg.say(lang)}" if w.line else f"{w.path}: {w.msg.say(lang)}", lang)
    if view.problems:
        tell(say("problems_in", lang, count=len(view.problems), path=view.path), lang)
    elif view.summary is not None:
        tell(view.summary, lang)


def _checked(view: Any, fmt: Format, lang: str) -> None:
    from pcli.output import checked  # pcli check's view: imported by that command only (start-up)

    checked.write(view, fmt, lang)


def _each(name: str, write: Callable[[Any, Format, str], None], *formats: Format) -> dict[tuple[str, Format], Writer]:
    """The forms of a view written by one function that takes the format."""

    def bound(fmt: Format) -> Writer:
        return lambda view, lang, output: write(view, fmt, lang)

    return {(name, fmt): bound(fmt) for fmt in formats}


F = Format
FORMS: dict[tuple[str, Format], Writer] = {
    **_machine("FiguresView", "figure_list", _people),
    **_machine("TrendView", "trend", _people),
    **_machine("FigureView", "figure_card", _people),
    **_machine("AnswersView", "answers", _people),
    **_machine("ChangeAnswerView", "change_card", _people),
    **_machine("ChangesView", "changes", _people),
    **_machine("ShowView", "show", _people, paged=True),
    **_machine("SectionView", "section", _people, paged=True),
    **_machine("ListView", "lists", _markdown, paged=True),
    **{(name, fmt): _chart(fmt) for name in ("TrendView", "ChangesView") for fmt in (F.svg, F.png)},
    **_each("BatchView", _batch, F.table, F.tsv, F.csv, F.json, F.jsonl),
    **_each("ExtractView", _extract, F.table, F.tsv, F.csv, F.json, F.jsonl, F.toml),
    **_each("CheckView", _checked, F.table, F.tsv, F.csv, F.json, F.jsonl, F.markdown),
    **_each("CiteView", _cite, F.table, F.tsv, F.json, F.jsonl),
    **_each("ProblemsView", _problems, F.table, F.tsv, F.json, F.jsonl),
}
"""Every view's forms: (the view's class, a format) to the function that writes it. The one table of outputs:
a view not listed in a format has no form in it (`form` says so)."""
