"""`pcli extract`: an article turned into rows, one for each number, each with what a curator needs to make it a
cited figure: its place, its value in base units, the unit the words after it name, the qualifier and period
words around it, its status against the base, and the sentence and shortest clause it stands in.

The file is read as a stream of paragraphs, so that a large file costs little memory.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator

from pcli.base.coverage import NEW, Accountant, cited
from pcli.base.model import FactBase
from pcli.base.reading import fold_keep, periods_in, qualifier_before
from pcli.base.scan import FIGURE, SCALES
from pcli.errors import UsageError

MAX_PARAGRAPH = 1 << 20  # characters: a paragraph longer than this is cut at a space
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|\n+")
_CLAUSE_END = re.compile(r"[,;:]\s+|\s+[–—-]\s+|\(|\)")


class Row:
    """One number of the article: the columns of a row, and what a draft needs (its clause, period, context)."""

    __slots__ = ("line", "column", "written", "value", "unit", "qualifier", "periods", "kind", "status", "figures",
                 "same", "reason", "sentence", "clause", "context", "period")  # fmt: skip
    line: int
    column: int
    value: float
    written: str
    unit: str
    qualifier: str
    periods: str
    kind: str
    status: str
    figures: str
    same: str
    reason: str
    sentence: str
    clause: str
    context: str
    period: str

    def __init__(self, **values: object) -> None:
        for key in self.__slots__:
            setattr(self, key, values.get(key, ""))

    def record(self) -> dict[str, object]:
        return {key: getattr(self, key) for key in self.__slots__ if key not in ("clause", "context", "period")}


def check_file(path: str) -> None:
    """Refuse what is not UTF-8 text before a row is written: a binary file, another encoding."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    line = 1
    try:
        with open(path, "rb") as handle:
            while chunk := handle.read(1 << 20):
                if b"\0" in chunk:
                    raise UsageError("article_binary", path=path)
                decoder.decode(chunk)
                line += chunk.count(b"\n")
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        raise UsageError("article_encoding", path=path, line=line) from None
    except OSError as exc:
        raise UsageError("article_unreadable", path=path, reason=exc.strerror or str(exc)) from None


def paragraphs(path: str) -> Iterator[tuple[int, str]]:
    """(first line, text) of each paragraph: lines up to a blank line, cut at a space past MAX_PARAGRAPH."""
    lines: list[str] = []
    first = size = 0
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not lines:
                first = number
            if line.strip():
                lines.append(line)
                size += len(line)
            if (not line.strip() or size > MAX_PARAGRAPH) and lines:
                yield first, "".join(lines)
                lines, size = [], 0
    if lines:
        yield first, "".join(lines)


def extract(path: str, base: FactBase, lang: str) -> Iterator[Row]:
    """Every number of the article at path, in reading order."""
    accountant = Accountant(lang, cited(base), base.skips)
    by_value: dict[float, list[str]] = {}
    for f in base.figures:
        by_value.setdefault(float(f.value), []).append(f.id)
    for first, text in paragraphs(path):
        for a in accountant.account(text):
            n = a.number
            line = first + text.count("\n", 0, n.start)
            column = n.start - (text.rfind("\n", 0, n.start) + 1) + 1
            sentence = _around(text, n.start, n.end, _SENTENCE_END)
            status = a.status if n.kind == FIGURE else ""
            row = Row(line=line, column=column, written=n.written, value=n.value, kind=n.kind, status=status,
                      figures=",".join(a.figures), reason=a.skip.reason if a.skip else "", sentence=sentence)  # fmt: skip
            if n.kind == FIGURE:
                _describe(row, text, n.start, n.end, base, lang)
                if a.status == NEW:  # the base may hold this figure from another source: cite it there instead
                    row.same = ",".join(by_value.get(float(n.value), []))
            yield row


def _around(text: str, start: int, end: int, boundary: re.Pattern[str]) -> str:
    """The stretch of text between the boundaries on either side of start..end."""
    before = [m.end() for m in boundary.finditer(text, 0, start)]
    after = boundary.search(text, end)
    return text[before[-1] if before else 0 : after.start() if after else len(text)].strip()


def _describe(row: Row, text: str, start: int, end: int, base: FactBase, lang: str) -> None:
    """Unit, qualifier, periods, and the clause a draft quotes (with a context that dates it if need be)."""
    row.unit = unit_after(text[end : end + 60], base, lang)
    row.qualifier = qualifier_before(text, start)
    sentence_start = max([m.end() for m in _SENTENCE_END.finditer(text, 0, start)], default=0)
    sentence = row.sentence
    offset = text.find(sentence, sentence_start)
    clause = _around(sentence, start - offset, end - offset, _CLAUSE_END) if offset >= 0 else sentence
    word = re.match(r"\s*(%|[^\s,;.()]+)", text[end : end + 40])  # the word that says what the number counts
    if word and word[1] not in clause:
        clause = sentence[sentence.find(clause) : end - offset + word.end()]
    row.clause = clause.strip().rstrip(".,;:")
    stated = sorted(periods_in(sentence), key=lambda p: (p[1], p[0]))
    row.periods = ", ".join(dict.fromkeys(p for p, _ in stated))
    own = [p for p, _ in periods_in(row.clause)]
    if own:
        row.period = own[0]
    elif stated:
        row.period = stated[0][0]
        dated = [c for c in _clauses(sentence) if stated[0][0] in [p for p, _ in periods_in(c)]]
        row.context = (dated[0] if dated else sentence).rstrip(".,;:")


def _clauses(sentence: str) -> list[str]:
    return [c.strip() for c in _CLAUSE_END.split(sentence) if c.strip()]


def unit_after(tail: str, base: FactBase, lang: str) -> str:
    """The unit of the base the words after a number name ("hộ", "rumah tangga", "tỷ đồng", "%"), or "": the
    first of the next three words that begins a unit's label ("2,134 poor households" counts households)."""
    words = fold_keep(tail).strip()
    if words.startswith("%"):
        return next((u.id for u in base.units.values() if u.kind == "percent"), "%")
    for scale in sorted(SCALES.get(lang, {}), key=len, reverse=True):
        if words.startswith(fold_keep(scale)):
            words = words[len(scale) :].strip()
            break
    labels = _unit_labels(base)
    tokens = re.split(r"[\s,;.()]+", words)
    for i in range(min(3, len(tokens))):
        rest = " ".join(tokens[i:])
        unit = next((unit for label, unit in labels if label and re.match(re.escape(label) + r"\b", rest)), "")
        if unit:
            return unit
    return ""


_LABELS: dict[int, list[tuple[str, str]]] = {}


def _unit_labels(base: FactBase) -> list[tuple[str, str]]:
    """(folded label, unit id) of every unit of the base, longest first; worked out once per base."""
    if id(base) not in _LABELS:
        labels = [(fold_keep(label), u.id) for u in base.units.values() for label in u.label.values()]
        _LABELS[id(base)] = sorted(labels, key=lambda pair: -len(pair[0]))
    return _LABELS[id(base)]


def guess_language(path: str) -> str:
    from pcli.base.scan import guess_lang

    with open(path, encoding="utf-8") as handle:
        return guess_lang(handle.read(20000))
