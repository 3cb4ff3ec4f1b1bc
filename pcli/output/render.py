"""The one renderer: a command's result in the format and language asked. Data to stdout, messages to stderr."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import IO, TypeVar

from pcli.messages import Msg, say
from pcli.output import Format
from pcli.output import machine as m
from pcli.output.views import BatchView, CiteView, ExtractView, ProblemsView, Result, View
from pcli.text import safe

T = TypeVar("T")
WRITERS = {Format.tsv: m.write_tsv, Format.csv: m.write_csv, Format.markdown: m.write_markdown}


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
        emit(result.view, fmt, lang, output)


def emit(view: View, fmt: Format, lang: str, output: str | None = None) -> None:
    if fmt is Format.toml and not isinstance(view, ExtractView):
        from pcli.errors import UsageError

        raise UsageError("toml_for_extract")
    if fmt in (Format.svg, Format.png):
        _chart(view, fmt, lang, output or "-")
        return
    if type(view).__name__ == "CheckView":  # pcli check: its module is imported by that command only (start-up)
        from pcli.output import checked

        checked.write(view, fmt, lang)  # type: ignore[arg-type]
        return
    special = {BatchView: _batch, ExtractView: _extract, ProblemsView: _problems, CiteView: _cite}.get(type(view))
    if special is not None:
        special(view, fmt, lang)  # type: ignore[operator]
    elif fmt is Format.table:
        from pcli.output import terminal

        terminal.draw(view, lang)
    elif fmt in (Format.json, Format.jsonl):
        (m.write_json if fmt is Format.json else m.write_jsonl)(view.records(lang))
    elif fmt is Format.markdown and hasattr(view, "for_people"):
        columns, rows = view.for_people(lang)
        m.write_markdown(columns, rows)
    else:
        WRITERS.get(fmt, m.write_tsv)(view.columns, view.rows(lang))


def _chart(view: View, fmt: Format, lang: str, output: str) -> None:
    """trend's or compare's chart, drawn whole, then written to stdout or through the one atomic writer."""
    from pcli.files import put_bytes
    from pcli.output import charts
    from pcli.output.views import ChangesView, FiguresView

    if isinstance(view, ChangesView):
        spec = charts.compare_spec(view.base, view.changes, view.before, view.after, lang)
    else:
        assert isinstance(view, FiguresView)
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
        m.write_tsv(view.columns, [], header=True)
        sys.stdout.flush()
        for rows in _telling(view, view.rows_as_they_come(lang), lang):
            m.write_tsv(view.columns, rows, header=False)
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

        terminal.draw(view, lang)
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
            tell(f"{view.path}:{p.line}: {p.msg.say(lang)}" if p.line else f"{view.path}: {p.msg.say(lang)}", lang)
    if view.problems:
        tell(say("problems_in", lang, count=len(view.problems), path=view.path), lang)
    elif view.summary is not None:
        tell(view.summary, lang)
