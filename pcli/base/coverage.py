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


class Accountant:
    """Accounts for the numbers of texts against a set of figure citations and skips, one text after another:
    for each number only the quotes that hold it as written are tried, so a long article costs little."""

    def __init__(self, lang: str, citations: Iterable[tuple[Figure, Citation, str]], skips: Iterable[Skip]) -> None:
        self.lang, self.citations, self.skips = lang, list(citations), list(skips)
        self.holding: dict[str, tuple[list[tuple[Figure, Citation, str]], list[Skip]]] = {}

    def _holding(self, written: str) -> tuple[list[tuple[Figure, Citation, str]], list[Skip]]:
        if written not in self.holding:
            self.holding[written] = ([c for c in self.citations if written in c[1].quote],
                                     [k for k in self.skips if k.number == written and written in k.quote])  # fmt: skip
        return self.holding[written]

    def account(self, text: str) -> list[Accounted]:
        """Every number of the text with its status, in reading order."""
        text = unicodedata.normalize("NFC", text)
        out = []
        for n in scan(text, self.lang):
            if n.kind != FIGURE:
                out.append(Accounted(n, n.kind))
                continue
            citations, skips = self._holding(n.written)
            known = [f.id for f, c, unit_kind in citations if _holds(text, c.quote, n)
                     and math.isclose(n.value, f.value, rel_tol=1e-9) and (unit_kind != "percent" or n.percent)]  # fmt: skip
            skip = next((k for k in skips if _holds(text, k.quote, n)), None)
            if known:
                out.append(Accounted(n, KNOWN, tuple(dict.fromkeys(known))))
            elif skip is not None:
                out.append(Accounted(n, SKIPPED, skip=skip))
            else:
                out.append(Accounted(n, NEW))
        return out


def _holds(text: str, quote: str, n: Number) -> bool:
    """Whether an occurrence of the quote in the text spans the number."""
    return any(m.start() <= n.start and n.end <= m.end() for m in passage(quote).finditer(text))


def account(text: str, lang: str, citations: Iterable[tuple[Figure, Citation, str]], skips: Iterable[Skip]) -> list[Accounted]:
    """Every number of one text with its status, in reading order."""
    return Accountant(lang, citations, skips).account(text)


def where(text: str, offset: int) -> tuple[int, int]:
    """Line and column (from 1) of a character offset."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1
