"""The one renderer: a command's result in the format and language asked. Data to stdout, messages to stderr."""

from __future__ import annotations

import sys
from typing import IO

from pcli.messages import Msg, say
from pcli.output import Format
from pcli.output import machine as m
from pcli.output.views import BatchView, ProblemsView, Result, View
from pcli.text import safe

WRITERS = {Format.tsv: m.write_tsv, Format.csv: m.write_csv, Format.markdown: m.write_markdown}


def tell(message: Msg | str, lang: str = "en", stream: IO[str] | None = None) -> None:
    """One line for a person on stderr, in their language, with nothing in it that could drive the terminal."""
    text = message.say(lang) if isinstance(message, Msg) else message
    print(safe(text.replace("\n", " ").strip()), file=stream or sys.stderr)


def render(result: Result, fmt: Format, lang: str) -> None:
    if result.miss is not None:
        if fmt is Format.json:
            print("[]")
        tell(result.miss, lang)
    if result.view is not None:
        emit(result.view, fmt, lang)


def emit(view: View, fmt: Format, lang: str) -> None:
    if isinstance(view, BatchView):
        _batch(view, fmt, lang)
    elif isinstance(view, ProblemsView):
        _problems(view, fmt, lang)
    elif fmt is Format.table:
        from pcli.output import terminal

        terminal.draw(view, lang)
    elif fmt is Format.json:
        m.write_json(view.records(lang))
    elif fmt is Format.jsonl:
        m.write_jsonl(view.records(lang))
    else:
        WRITERS.get(fmt, m.write_tsv)(view.columns, view.rows(lang))


def _batch(view: BatchView, fmt: Format, lang: str) -> None:
    """One line out per line in, flushed as it goes: TSV (the query and its best answer), JSON Lines, or, with
    --format json, one array at the end."""
    if fmt is Format.json:
        m.write_json([{"query": text, "match": record} for text, record, _ in view.stream(lang)])
        return
    if fmt is not Format.jsonl:
        m.write_tsv(view.columns, [], header=True)
    for text, record, row in view.stream(lang):
        if fmt is Format.jsonl:
            m.write_jsonl([{"query": text, "match": record}])
        else:
            m.write_tsv(view.columns, [row], header=False)
        sys.stdout.flush()


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
