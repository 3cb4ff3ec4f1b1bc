"""Tables for people at a terminal, designed for 80 columns first: no word, number, date or Vietnamese syllable
is ever broken and no id is cut or wrapped. Each column is as wide as its longest word at least; the room left
goes to the columns with the most to say. When the columns do not fit, the optional ones go (the least needed
first); when even the rest do not fit, each row becomes a short block of "heading: value" lines, as gh lays out
a narrow terminal.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from rich import box
from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from pcli.text import safe

PADDING = 2  # a cell's padding, one space each side
EDGES = 2  # SIMPLE_HEAD's left and right edge


class Col(NamedTuple):
    """A column: its heading, how its cells align and look, whether a cell stays on one line whatever its length
    (ids, which copy whole), and when it goes if the table is too wide (0: never; higher goes first)."""

    heading: str
    justify: str = "left"
    style: str = ""
    whole: bool = False
    drop: int = 0


def _longest_word(text: str) -> int:
    return max((cell_len(w) for w in text.split()), default=0)


def _longest_line(text: str) -> int:
    return max((cell_len(line) for line in text.splitlines()), default=0)


def _bounds(col: Col, cells: Sequence[str]) -> tuple[int, int]:
    """The narrowest a column can be without breaking a word (or a whole cell), and the widest it needs."""
    texts = [col.heading, *cells]
    widest = max(_longest_line(t) for t in texts)
    narrowest = widest if col.whole else max(_longest_word(t) for t in texts)
    return narrowest, widest


def widths(bounds: Sequence[tuple[int, int]], room: int) -> list[int] | None:
    """Each column's width within `room` (padding and separators left out): every column its widest when all fit,
    else its narrowest plus a fair share of what is left, the columns that need least served whole first (so
    that "end of 2024" stays on one line and a long label wraps); None when even the narrowest do not fit."""
    out = [lo for lo, _ in bounds]
    left = room - sum(out)
    if left < 0:
        return None
    order = sorted(range(len(bounds)), key=lambda i: bounds[i][1] - bounds[i][0])
    for k, i in enumerate(order):
        give = min(bounds[i][1] - bounds[i][0], left // (len(order) - k))
        out[i] += give
        left -= give
    return out


def fitted(
    title: str, cols: Sequence[Col], rows: Sequence[Sequence[str]], width: int, marks: Sequence[str] = ()
) -> RenderableType:
    """The rows as a table that fits `width`, dropping optional columns if it must, else as blocks; `marks` is a
    style for each row that must stand out (the new numbers of an article)."""
    keep = list(range(len(cols)))
    while True:
        bounds = [_bounds(cols[i], [r[i] for r in rows]) for i in keep]
        room = width - EDGES - (PADDING + 1) * len(keep) + 1
        sizes = widths(bounds, room)
        if sizes is not None:
            return _table(title, [cols[i] for i in keep], [[r[i] for i in keep] for r in rows], sizes, marks)
        optional = [i for i in keep if cols[i].drop]
        if not optional:
            return blocks(title, cols, rows, width)
        keep.remove(max(optional, key=lambda i: cols[i].drop))


def _table(title: str, cols: Sequence[Col], rows: Sequence[Sequence[str]], sizes: Sequence[int], marks: Sequence[str]) -> Table:
    table = Table(title=Text(safe(title)) if title else None, box=box.SIMPLE_HEAD, title_justify="left")
    for col, size in zip(cols, sizes, strict=True):
        table.add_column(safe(col.heading), justify=col.justify, width=size, no_wrap=col.whole, overflow="fold")  # type: ignore[arg-type]
    for n, row in enumerate(rows):
        mark = marks[n] if n < len(marks) else ""
        table.add_row(*(Text(safe(cell), style=mark or col.style) for col, cell in zip(cols, row, strict=True)))
    return table


def blocks(title: str, cols: Sequence[Col], rows: Sequence[Sequence[str]], width: int) -> Group:
    """The narrow layout: each row's first cell as a line of its own, then "heading: value" for the others that
    have a value, indented, with a blank line between rows. A word too long for any line (an address) is given
    a line of its own, whole, for the terminal to wrap and a reader to copy."""
    parts: list[RenderableType] = [Text(safe(title), style="bold")] if title else []
    room = width - 4 - max((cell_len(c.heading) for c in cols[1:]), default=0)
    for row in rows:
        grid = Table.grid(padding=(0, 1))
        grid.add_column(style="dim", no_wrap=True)
        grid.add_column(overflow="fold")
        long: list[Text] = []
        for col, cell in zip(cols[1:], row[1:], strict=True):
            if cell and _longest_word(cell) > room:
                heading = Text(f"  {safe(col.heading)}:", style="dim")
                long += [heading, Text(f"  {safe(cell)}", no_wrap=True, overflow="ignore")]
            elif cell:
                grid.add_row(Text(safe(col.heading) + ":"), Text(safe(cell), style=col.style))
        parts += [Text(safe(row[0]), style="bold"), Padding(grid, (0, 0, 0, 2)), *long, Text("")]
    return Group(*parts)
