"""A headline says in short what the article's body says in full: a figure of a headline that its own words do not
date ("Kemiskinan Turun 0,30%") is the figure the body states again (the same value, unit and kind: "turun 0,30
persen … dari Maret 2023 … Maret 2024"), of the body's period.

Only the article's head is searched (HEAD characters): `extract` holds the rows of its first paragraphs until the
head is read, so that a headline is dated before it is written.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import TYPE_CHECKING

from pcli.articles.scan import FIGURE

if TYPE_CHECKING:
    from pcli.articles.reader import Reading

HEAD = 20000  # characters: the part of the article whose headlines are dated by its body


def is_headline(text: str) -> bool:
    """Whether a paragraph is a headline: one short line that does not end as a sentence does."""
    line = text.strip()
    return one_line(line) and not line.endswith((".", "!", "?", ";", ":"))


def headed(text: str, offset: int, readings: Iterable[Reading]) -> list[Reading]:
    """The readings of a paragraph's headlines: all of them when the paragraph is one, else those of each of its
    lines that is one, above or between the lines of its body ("29/06/2022\nKemiskinan Turun 0,30%\nBPS …")."""
    if is_headline(text):
        return list(readings)
    lines, at = [], 0
    for line in text.split("\n"):
        if is_headline(line):
            lines.append((offset + at, offset + at + len(line)))
        at += len(line) + 1
    return [r for r in readings if any(a <= r.number.start < b for a, b in lines)] if lines else []


def one_line(text: str) -> bool:
    """Whether a paragraph is one short line (a headline, or a caption)."""
    return len(text) < 200 and "\n" not in text.strip()


def restate(headlines: Iterable[Reading], body: list[Reading]) -> None:
    """Date each figure of a headline that its sentence does not date as the first figure of the body that
    states it again, when that one is dated."""
    figures = [b for b in body if b.kind == FIGURE and b.period]
    for r in headlines:
        if r.kind != FIGURE or any(r.sentence[0] <= p.start < r.sentence[1] for p in r.dated_by):
            continue
        same = next((b for b in figures if _same(r, b)), None)
        if same is not None:
            r.period, r.dated_by = same.period, list(same.dated_by)


def _same(r: Reading, b: Reading) -> bool:
    unit = r.unit.id if r.unit else ""
    return (
        math.isclose(r.number.value, b.number.value, rel_tol=1e-9)
        and unit == (b.unit.id if b.unit else "")
        and r.change == b.change
    )
