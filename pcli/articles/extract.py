"""`pcli extract`: an article turned into rows, one for each number, each with what a curator needs to make it a
cited figure: its value in base units, the unit the words near it name, its qualifier and period as the reader in
`articles/reader.py` reads them, its status against the base, and the sentence and shortest clause it stands in.

The file is read as a stream of paragraphs, so that a large file costs little memory.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Iterator

from pcli.articles.around import CLAUSE_END, bare_units, counts_people, published
from pcli.articles.coverage import NEW, Accountant, Accounted, cited
from pcli.articles.dating import latest_months
from pcli.articles.headline import HEAD, headed, restate
from pcli.articles.phrases import GOAL_WORDS, converted_from, periods_in, range_first, restated_from, states_any
from pcli.articles.reader import Passage, Reader, Reading, article_period
from pcli.articles.scan import FIGURE, Number, scan
from pcli.articles.sentences import sentences
from pcli.articles.units import UnitWords
from pcli.base.model import FactBase
from pcli.errors import UsageError
from pcli.text import fold_keep

MAX_LINE = 1 << 20  # bytes: a longer line is refused, with one line, before anything is written
MAX_PARAGRAPH = 1 << 20  # characters: a paragraph longer than this is cut at a line's end
CONTEXT_REACH = 800  # characters: as far from its quote as `validate` lets a context stand
REACH = CONTEXT_REACH - 200  # from the number: its quote starts before it
_RANGE_END = re.compile(r"\s*(?:[-–—]|to\s|đến\s|hingga\s|sampai\s)\s*\d[\d.,]*(?=\s*(?:%|persen|per ?cent|percent|phần trăm))")


class Row:
    """One number of the article: the columns of a row, and what a draft needs (its clause, period, context)."""

    __slots__ = ("line", "column", "written", "value", "unit", "unit_words", "unit_kind", "qualifier", "period",
                 "change", "target", "kind", "status", "figures", "same", "reason", "sentence", "clause", "context",
                 "dated", "offset")  # fmt: skip
    line: int
    column: int
    value: float
    written: str
    unit: str
    unit_words: str
    unit_kind: str
    qualifier: str
    period: str
    change: bool
    target: bool
    kind: str
    status: str
    figures: str
    same: str
    reason: str
    sentence: str
    clause: str
    context: str
    dated: bool  # the draft's quote and context state the period, so validate proves it
    offset: int

    def __init__(self, **values: object) -> None:
        for key in self.__slots__:
            setattr(self, key, values.get(key, ""))

    def record(self) -> dict[str, object]:
        return {key: getattr(self, key) for key in self.__slots__ if key not in _DRAFT_ONLY}


_DRAFT_ONLY = ("unit_kind", "clause", "context", "dated", "offset")


def check_file(path: str) -> None:
    """Refuse before a row is written what is not an article's UTF-8 text: a binary file, another encoding, a line
    longer than MAX_LINE bytes (a paragraph is read whole; one of a million characters is not an article's)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    line, run = 1, 0  # run: the bytes of the current line seen so far
    try:
        with open(path, "rb") as handle:
            while chunk := handle.read(1 << 20):
                if b"\0" in chunk:
                    raise UsageError("article_binary", path=path)
                decoder.decode(chunk)
                first = chunk.find(b"\n")
                if (run + len(chunk) if first < 0 else run + first) > MAX_LINE:
                    raise UsageError("article_line_too_long", path=path, line=line, limit=MAX_LINE)
                run = run + len(chunk) if first < 0 else len(chunk) - chunk.rfind(b"\n") - 1
                line += chunk.count(b"\n")
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        raise UsageError("article_encoding", path=path, line=line) from None
    except OSError as exc:
        raise UsageError("article_unreadable", path=path, reason=exc.strerror or str(exc)) from None


def paragraphs(path: str) -> Iterator[tuple[int, int, str]]:
    """(first line, first character, text) of each paragraph: lines up to a blank line, and never many more than
    MAX_PARAGRAPH characters (a longer paragraph is cut at a line's end; check_file has bounded its lines)."""
    lines: list[str] = []
    first = size = at = start = 0
    number = 1
    with open(path, encoding="utf-8") as handle:
        while line := handle.readline(MAX_LINE + 1):  # a bound even if the file grew a longer line since its check
            if not lines:
                first, start = number, at
            at += len(line)
            if line.strip():
                lines.append(line)
                size += len(line)
            if (not line.strip() or size > MAX_PARAGRAPH) and lines:
                yield first, start, "".join(lines)
                lines, size = [], 0
            number += line.endswith("\n")
    if lines:
        yield first, start, "".join(lines)


def base_units(base: FactBase) -> tuple[tuple[str, str, str], ...]:
    """(folded label, unit id, kind) of every unit of the base, each part of a label too ("xã, phường": "xã")."""
    out = []
    for u in base.units.values():
        for label in u.label.values():
            folded = fold_keep(label)
            out += [(part, u.id, u.kind) for part in {folded, *re.split(r",\s*|\s+(?:and|va|dan)\s+", folded)} if part]
    return tuple(out)


def extract(path: str, base: FactBase, lang: str) -> Iterator[Row]:
    """Every number of the article at path, in reading order. The rows of the article's head are held until it is
    read, so that a headline is dated by the body that states its figures again (articles/headline.py)."""
    accountant = Accountant(lang, cited(base), base.skips)
    by_value: dict[float, list[str]] = {}
    for f in base.figures:
        by_value.setdefault(float(f.value), []).append(f.id)
    with open(path, encoding="utf-8") as handle:
        head = handle.read(HEAD)
    year, months = published(head), latest_months(head)
    reader = Reader(lang, base_units(base), article_period(head, lang, year, months), year, months)
    people = counts_people(head)  # "angka kemiskinan": a bare count in thousands counts people
    counted: dict[str, UnitWords] = {}  # what the article counts with a classifier: "298 unit rumah"
    recent: list[Passage] = []  # the sentences of the last paragraphs that state a period, for a context near
    held: list[tuple[int, int, str, list[Number], dict[int, Reading]]] = []
    for first, start, text in paragraphs(path):
        text = unicodedata.normalize("NFC", text)
        numbers = scan(text, lang)
        readings = {r.number.start - start: r for r in reader.paragraph(text, start, numbers)}
        bare_units(readings.values(), people, counted)
        held.append((first, start, text, numbers, readings))
        if start + len(text) < HEAD:
            continue
        yield from _release(held, accountant, base, by_value, recent)
    yield from _release(held, accountant, base, by_value, recent)


def _release(
    held: list[tuple[int, int, str, list[Number], dict[int, Reading]]],
    accountant: Accountant,
    base: FactBase,
    by_value: dict[float, list[str]],
    recent: list[Passage],
) -> Iterator[Row]:
    """The rows of the paragraphs held, their headlines dated by the paragraphs after them; then none are held."""
    if len(held) > 1:
        tops = [r for _, start, text, _, rs in held for r in headed(text, start, rs.values())]
        top = {id(r) for r in tops}
        restate(tops, [r for _, _, _, _, rs in held for r in rs.values() if id(r) not in top])
    for first, start, text, numbers, readings in held:
        recent[:] = [p for p in recent if start - p.start < CONTEXT_REACH]
        recent += [Passage("", text[a:b].strip(), start + a) for a, b in sentences(text) if periods_in(text[a:b])]
        yield from _rows(first, start, text, accountant.account(text, numbers), readings, base, by_value, recent)
    held.clear()


def _rows(
    first: int,
    start: int,
    text: str,
    accounted: list[Accounted],
    readings: dict[int, Reading],
    base: FactBase,
    by_value: dict[float, list[str]],
    recent: list[Passage],
) -> Iterator[Row]:
    """The rows of one paragraph's numbers, with their lines and columns counted on as the numbers come."""
    line, line_start, seen = first, 0, 0  # a long paragraph costs no more
    for a in accounted:
        n = a.number
        line += text.count("\n", seen, n.start)
        line_start, seen = max(line_start, text.rfind("\n", seen, n.start) + 1), n.start
        column = n.start - line_start + 1
        reading = readings.get(n.start)
        s0, s1 = (reading.sentence[0] - start, reading.sentence[1] - start) if reading else (n.start, n.end)
        status = a.status if n.kind == FIGURE else ""
        row = Row(line=line, column=column, written=n.written, value=n.value, kind=n.kind, status=status,
                  figures=",".join(a.figures), reason=a.skip.reason if a.skip else "",
                  sentence=text[s0:s1].strip(), offset=start + n.start)  # fmt: skip
        if n.kind == FIGURE and reading is not None:
            _describe(row, reading, text, start, base, recent)
            if a.status == NEW:  # the base may hold this figure from another source: cite it there instead
                row.same = ",".join(by_value.get(float(n.value), []))
        yield row


def _describe(row: Row, r: Reading, text: str, start: int, base: FactBase, recent: list[Passage]) -> None:
    """Unit, qualifier and period as read, and the clause a draft quotes, with a context that dates it."""
    n0, n1 = r.number.start - start, r.number.end - start
    row.unit, row.unit_words, row.unit_kind = (r.unit.id, r.unit.words, r.unit.kind) if r.unit else ("", "", "")
    if row.unit in base.units:
        row.unit_kind = base.units[row.unit].kind
    row.qualifier, row.period, row.change, row.target = r.qualifier, r.period, r.change, r.target
    s0, s1 = r.sentence[0] - start, r.sentence[1] - start
    sentence = text[s0:s1]
    origin = converted_from(text, n0)  # "up to 250 billion VND (11.9 million USD)": quoted with what it converts
    origin = origin if origin >= 0 else range_first(text, n0)  # "about 3 – 4%": the range's end, with its first
    origin = origin if origin >= 0 else restated_from(text, n0)  # "around 4,473 families, or 17.4 million people"
    clause = _around(sentence, (origin if origin >= s0 else n0) - s0, n1 - s0, CLAUSE_END)
    other = _RANGE_END.match(text, n1, n1 + 40)  # "khoảng 3 – 4%": quoted with the range's other end and its unit
    n1 = other.end() if other else n1
    # the word that says what it counts: "%", "per cent", "poin persen", "hộ"
    word = re.match(r"\s*(%|(?i:per cent|percentage points?)|[^\s,;.()]+(?:\s+poin|\s+persen)?)", text[n1 : n1 + 40])
    if word and word[1] not in clause or other:
        clause = sentence[sentence.find(clause) : n1 - s0 + (word.end() if word else 0)]
    row.clause = clause.strip().rstrip(".,;:")
    row.context, row.dated = _context(row, r, text, start, recent)
    if row.target and not states_any(f"{row.clause} {row.context}", GOAL_WORDS):  # the goal is said elsewhere
        whole = sentence.strip().rstrip(".")
        if not row.period or row.period in {p for p, _ in periods_in(f"{row.clause} … {whole}")}:
            row.context = whole


def _context(row: Row, r: Reading, text: str, start: int, recent: list[Passage]) -> tuple[str, bool]:
    """A verbatim passage near the quote that, with it, states the period: the passages that date it (the clause
    of its sentence, the paragraph's lead), joined when they are one stretch, else its sentence, else the nearest
    sentence that states the same period (the article's first sentences may be too far to cite); and whether
    quote and context together state the period as validate reads them."""
    if not row.period:
        return "", True
    years = re.findall(r"\d{4}", row.period)  # what states the period writes one of its years at least
    if _states(row.clause, row.period, years):
        return "", True
    at = r.number.start
    near = [p for p in r.dated_by if abs(p.start - at) <= REACH]
    others = sorted((p for p in recent if abs(p.start - at) <= REACH), key=lambda p: abs(p.start - at))
    for context in [*_candidates(near, text, start, r), *(p.text for p in others)]:
        if context and _states(f"{row.clause} … {context}", row.period, years):
            return context, True
    return "", False


def _states(text: str, period: str, years: list[str]) -> bool:
    """Whether a passage states the period as validate reads it (never when it writes none of its years)."""
    return any(y in text for y in years) and period in {p for p, _ in periods_in(text)}


def _candidates(near: list[Passage], text: str, start: int, r: Reading) -> Iterator[str]:
    """Passages to try as context, shortest first."""
    inside = [p for p in near if start <= p.start < start + len(text)]
    if inside:
        a = min(p.start for p in inside) - start
        b = max(p.start + len(p.text) for p in inside) - start
        yield text[a:b].strip()
    s0, s1 = r.sentence[0] - start, r.sentence[1] - start
    yield text[s0:s1].strip().rstrip(".")
    for p in near:
        yield p.text
    if inside:
        a = min([p.start - start for p in inside] + [s0])
        b = max([p.start + len(p.text) - start for p in inside] + [s1])
        yield text[a:b].strip()


def _around(text: str, start: int, end: int, boundary: re.Pattern[str]) -> str:
    """The stretch of text between the boundaries on either side of start..end."""
    before = [m.end() for m in boundary.finditer(text, 0, start)]
    after = boundary.search(text, end)
    return text[before[-1] if before else 0 : after.start() if after else len(text)].strip()


def guess_language(path: str) -> tuple[str, bool]:
    """The article's language, guessed from its first 20,000 characters, and whether the guess is sure."""
    from pcli.articles.scan import guess_lang_surely

    with open(path, encoding="utf-8") as handle:
        return guess_lang_surely(handle.read(20000))
