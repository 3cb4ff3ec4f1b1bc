"""Accounting for every number of a text: a figure's value in one of its quotes (known), a number the base skips
with a reason (skipped), a number that is not a figure (a year, a date, a document number…), or new.

`validate --sources` requires every number of a source to be known or skipped; `extract` shows the status of
each number of an article.
"""

from __future__ import annotations

import bisect
import math
import re
import unicodedata
from collections.abc import Iterable

from pcli.articles.scan import FIGURE, Number, scan
from pcli.base.model import Citation, FactBase, Figure, Skip

KNOWN, SKIPPED, NEW = "known", "skipped", "new"
_DIGITS = re.compile(r"\d+")


class Spaced:
    """A text with its runs of white space made single spaces, and the way back to the text's own offsets: a
    quote is found by plain search, however long (a pattern of a 100,000-word quote takes seconds to compile)."""

    def __init__(self, text: str) -> None:
        self.offsets: list[int] = []
        pieces: list[str] = []
        for m in re.finditer(r"\S+", text):
            if pieces:
                pieces.append(" ")
                self.offsets.append(m.start() - 1)
            pieces.append(m[0])
            self.offsets.extend(range(m.start(), m.end()))
        self.text = "".join(pieces)

    def find_all(self, quote: str) -> list[tuple[int, int]]:
        """The (start, end) in the original text of every occurrence of the quote."""
        wanted = " ".join(unicodedata.normalize("NFC", quote).split())
        found, at = [], self.text.find(wanted)
        while wanted and at >= 0:
            found.append((self.offsets[at], self.offsets[at + len(wanted) - 1] + 1))
            at = self.text.find(wanted, at + 1)
        return found


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
        self.by_run: dict[str, list[int]] | None = None

    def _holding(self, written: str) -> tuple[list[tuple[Figure, Citation, str]], list[Skip]]:
        """The citations that may hold the number, and the skips whose quotes hold it as written. A number that
        stands inside a quote's passage has its first run of digits among the quote's own runs (`holds` then
        checks the passage): a long quote is read once for its runs, not once for each number of the text."""
        if written not in self.holding:
            first = _DIGITS.search(written)
            maybe = self._runs().get(first[0], []) if first else range(len(self.citations))
            self.holding[written] = ([self.citations[i] for i in maybe],
                                     [k for k in self.skips if k.number == written and written in k.quote])  # fmt: skip
        return self.holding[written]

    def _runs(self) -> dict[str, list[int]]:
        """Each run of digits of the quotes, with the citations whose quote has it (in their order)."""
        if self.by_run is None:
            self.by_run = {}
            for i, (_, citation, _) in enumerate(self.citations):
                for run in set(_DIGITS.findall(citation.quote)):
                    self.by_run.setdefault(run, []).append(i)
        return self.by_run

    def account(self, text: str, numbers: list[Number] | None = None) -> list[Accounted]:
        """Every number of the text with its status, in reading order (numbers: scan's of the NFC text, if read)."""
        text = unicodedata.normalize("NFC", text)
        spans: dict[str, list[tuple[int, int]]] = {}  # each quote's occurrences in this text, found once
        normal: list[Spaced] = []

        def holds(quote: str, n: Number) -> bool:
            if quote not in spans:
                normal[:] = normal or [Spaced(text)]
                spans[quote] = normal[0].find_all(quote)
            found = spans[quote]
            i = bisect.bisect_right(found, (n.start, len(text)))
            return any(a <= n.start and n.end <= b for a, b in found[max(0, i - 4) : i])

        out = []
        for n in scan(text, self.lang) if numbers is None else numbers:
            if n.kind != FIGURE:
                out.append(Accounted(n, n.kind))
                continue
            citations, skips = self._holding(n.written)
            known = [f.id for f, c, unit_kind in citations if holds(c.quote, n)
                     and math.isclose(n.value, f.value, rel_tol=1e-9) and (unit_kind != "percent" or n.percent)]  # fmt: skip
            skip = next((k for k in skips if holds(k.quote, n)), None)
            if known:
                out.append(Accounted(n, KNOWN, tuple(dict.fromkeys(known))))
            elif skip is not None:
                out.append(Accounted(n, SKIPPED, skip=skip))
            else:
                out.append(Accounted(n, NEW))
        return out


def account(text: str, lang: str, citations: Iterable[tuple[Figure, Citation, str]], skips: Iterable[Skip]) -> list[Accounted]:
    """Every number of one text with its status, in reading order."""
    return Accountant(lang, citations, skips).account(text)


class Lines:
    """Line and column (from 1) of character offsets of one text, found by bisection."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def where(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1
