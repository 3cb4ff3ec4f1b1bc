"""`show` on a terminal, streamed into the pager: the first screen is drawn from the first figures read, while
the rest are still being read, and a large base is never held whole. Figures are shown by topic, each topic a
series of tables of a few figures; a reader who quits the pager early stops the reading."""

from __future__ import annotations

import os
import shlex
import subprocess
from collections.abc import Iterator

from rich.console import Console

from pcli.base.model import Figure, pick, said
from pcli.messages import word
from pcli.output.terminal import figures_table, record_table
from pcli.output.views import SectionView, ShowView

FIRST, NEXT = 30, 200  # figures in a topic's first table (one screen, drawn at once), then in each further table


def stream_show(out: Console, view: ShowView, lang: str) -> None:
    """Write the base into $PAGER (less -FRX by default) as it is read."""
    pager = subprocess.Popen(shlex.split(os.environ.get("PAGER") or "less"), stdin=subprocess.PIPE, encoding="utf-8",
                             errors="replace")  # fmt: skip
    assert pager.stdin is not None
    into = Console(file=pager.stdin, width=out.width, force_terminal=True, no_color=out.no_color, markup=False,
                   emoji=False, highlight=False, color_system="auto" if out.color_system else None)  # fmt: skip
    try:
        for part in _parts(into, view, lang):
            into.print(part, crop=False)
            pager.stdin.flush()
    except (BrokenPipeError, OSError):  # the reader quit the pager: nothing more to read
        pass
    finally:
        try:
            pager.stdin.close()
        except OSError:
            pass
        pager.wait()


def _parts(out: Console, view: ShowView, lang: str) -> Iterator[object]:
    rest = view.base
    if rest.title:
        yield said(rest, rest.title, lang)
    for name in view.sections:
        if name != "figures":
            section = SectionView(rest, name)
            yield record_table(rest, word(name, lang), section.columns, section.rows(lang), out.width, lang)
            continue
        for topic in rest.topics.values():
            title = pick(topic.label, lang)
            for chunk in _chunks(f for f in view.each_figure() if rest.indicators[f.indicator].topic == topic.id):
                yield figures_table(rest, chunk, lang, out.width, title, _wholes(view, chunk))
                title = ""


def _chunks(figures: Iterator[Figure]) -> Iterator[list[Figure]]:
    chunk: list[Figure] = []
    size = FIRST
    for f in figures:
        chunk.append(f)
        if len(chunk) == size:
            yield chunk
            chunk, size = [], NEXT
    if chunk:
        yield chunk


def _wholes(view: ShowView, figures: list[Figure]) -> dict[str, Figure]:
    """The whole of each part among the figures ("of which"), looked up in the store."""
    assert view.lookup is not None
    return {w.id: w for ident in {f.part_of for f in figures if f.part_of} if (w := view.lookup(ident))}
