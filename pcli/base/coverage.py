"""Accounting for every number of a text: a figure's value in one of its quotes (known), a number the base skips
with a reason (skipped), a number that is not a figure (a year, a date, a document number…), or new.

`validate --sources` requires every number of a source to be known or skipped; `extract` shows the status of
each number of an article.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from pcli.base.model import Citation, FactBase, Figure, Skip
from pcli.base.scan import FIGURE, Number, scan

KNOWN, SKIPPED, NEW = "known", "skipped", "new"


@lru_cache(maxsize=4096)
def passage(quote: str) -> re.Pattern[str]:
    """A verbatim passage as a pattern that lets runs of white space differ, as quotes may."""
    return re.compile(r"\s+".join(re.escape(word) for word in unicodedata.normalize("NFC", quote).split()))


class Accounted:
    """One number of a text and how the base accounts for it."""

    __slots__ = ("number", "status", "figures", "skip")

    def __init__(self, number: Number, status: str, figures: tuple[str, ...] = (), skip: Skip | None = None) -> None:
        self.number, self.status, self.figures, self.skip = number, status, figures, skip


def cited(base: FactBase, source: str | None = None) -> list[tuple[Figure, Citation, str]]:
    """(figure, citation, unit kind) of every figure citation, of one source or of all."""
    out: list[tuple[Figure, Citation, str]] = []
    for f in base.figures:
        unit = base.units.get(base.indicators[f.indicator].unit) if f.indicator in base.indicators else None
        out.extend((f, c, unit.kind if unit else "") for c in f.citations if source in (None, c.source))
    return out


def account(text: str, lang: str, citations: Iterable[tuple[Figure, Citation, str]], skips: Iterable[Skip]) -> list[Accounted]:
    """Every number of the text with its status, in reading order."""
    numbers = scan(unicodedata.normalize("NFC", text), lang)
    text = unicodedata.normalize("NFC", text)
    known: dict[int, list[str]] = {}
    for figure, citation, unit_kind in citations:
        for m in passage(citation.quote).finditer(text):
            for n in numbers:
                inside = m.start() <= n.start and n.end <= m.end()
                if inside and math.isclose(n.value, figure.value, rel_tol=1e-9) and (unit_kind != "percent" or n.percent):
                    known.setdefault(n.start, []).append(figure.id)
    skipped: dict[int, Skip] = {}
    for skip in skips:
        for m in passage(skip.quote).finditer(text):
            skipped.update((n.start, skip) for n in numbers if m.start() <= n.start < m.end() and n.written == skip.number)
    out: list[Accounted] = []
    for n in numbers:
        if n.kind != FIGURE:
            out.append(Accounted(n, n.kind))
        elif n.start in known:
            out.append(Accounted(n, KNOWN, tuple(dict.fromkeys(known[n.start]))))
        elif n.start in skipped:
            out.append(Accounted(n, SKIPPED, skip=skipped[n.start]))
        else:
            out.append(Accounted(n, NEW))
    return out


def where(text: str, offset: int) -> tuple[int, int]:
    """Line and column (from 1) of a character offset."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1
