"""Periods a text names only relative to another: a comparison with "six months earlier" or "the same period last
year" (a change from that far before the figure's own period), "the previous term" (the range of years just before
the one the paragraph reports on), "previously", which names no period at all, and the year an undated article was
written, from an event it names both ways. ("A year later" is the reader's lead; `pcli check` moves it on, in
answer/clauses.py.)
"""

from __future__ import annotations

import re

from pcli.text import fold_keep

# Words that say a number is of an earlier time: the paragraph's lead does not date it.
_EARLIER = ("previously", "formerly", "earlier", "previous term", "previous period", "truoc day", "truoc do", "ky truoc",
            "giai doan truoc", "sebelumnya", "periode sebelumnya", "dahulu")  # fmt: skip
# …of them, those that name the term before the current one: "VND900,000 in the previous term".
_TERMS = ("previous term", "previous period", "ky truoc", "giai doan truoc", "periode sebelumnya")
# A comparison with the same period a year before.
_YEAR_AGO = ("periode yang sama tahun lalu", "periode yang sama tahun sebelumnya", "cung ky nam truoc",
             "same period last year", "a year earlier", "year on year", "setahun sebelumnya", "setahun lalu")  # fmt: skip
_COUNTS = {
    w: n
    for names in (
        "one two three four five six seven eight nine ten eleven twelve",
        "satu dua tiga empat lima enam tujuh delapan sembilan sepuluh sebelas duabelas",
        "mot hai ba bon - sau bay tam chin muoi",
    )  # fmt: skip
    for n, w in enumerate(names.split(), start=1)
    if w != "-"
}
# "dibanding periode enam bulan sebelumnya", "compared with six months earlier", "so với 6 tháng trước"
_BACK = re.compile(
    r"\b(?:(\d{1,2})|(" + "|".join(_COUNTS) + r"))\s+(bulan|months?|thang|tahun|years?|nam)\s+"
    r"(?:sebelumnya|earlier|before|ago|previously|lalu|truoc(?:\s+do)?)\b"
)
_SEMESTER = ("semester sebelumnya", "the previous half year", "the previous semester", "sau thang truoc")


# A comparison with the year before the figure's own: "dibanding tahun sebelumnya", "compared with the previous year".
_COMPARED_BACK = re.compile(
    r"\b(?:dibanding(?:kan)?(?:\s+dengan)?|terhadap|so\s+voi|compared\s+(?:with|to)|than)\s+(?:(?:periode|the|same|period"
    r"|cung|ky|yang|sama|of)\s+)*(?:tahun\s+sebelumnya|the\s+previous\s+year|the\s+year\s+before|nam\s+truoc)\b"
)
# "So với cùng kỳ", "so cùng kỳ" with no year after it: the same period a year before ("giảm 28% so cùng kỳ").
_SAME_SPELL = re.compile(r" so (?:voi )?cung ky (?!nam \d)(?!\d)")
# What may stand between a comparison and the value it had: "…, yang mencapai 7,74 persen", "…, which was 7.7%".
_VALUE_OF = re.compile(r"\s*,?\s*(?:(?:yang|which|that|was|were|is|stood|at|mencapai|sebesar|sebanyak|tercatat|hanya|adalah"
                       r"|of|with|la|dat|o muc|recorded)\s+)*(?:rp|idr|vnd|usd|\$)?\s*")  # fmt: skip


# A quarter of a year: "quý I/2023", "kuartal II 2024", "triwulan 3 tahun 2022", "Q1 2023", "the first quarter of 2023".
# pcli's periods have no quarter: a quarter dates no figure, but its year is the base a comparison with the same period
# a year before counts back from ("quý I/2023 … giảm 19% so với cùng kỳ năm trước": 2022-2023).
_QUARTER = re.compile(
    r"\b(?:(?:quy|kuartal|triwulan|quarter)\s+(?:iv|i{1,3}|[1-4])|q[1-4]|(?:first|second|third|fourth)\s+quarter)"
    r"\s*[/,-]?\s*(?:nam\s+|tahun\s+|of\s+)?((?:19|20)\d\d)\b"
)

_QUARTER_WORD = re.compile(r"(?i)qu[yý]|quarter|kuartal|triwulan|\bq[1-4]")  # before folding: most sentences have none


def quarter_year(sentence: str) -> str:
    """The year of the last quarter the sentence names ("quý I/2023": "2023"), or ""."""
    if not _QUARTER_WORD.search(sentence):
        return ""
    years = _QUARTER.findall(fold_keep(sentence))
    return years[-1] if years else ""


def without_comparisons(sentence: str) -> str:
    """The folded sentence without its comparisons with the year before the figure's own, which name no period
    relative to the article's date ("turun 0,6 persen dibanding tahun sebelumnya")."""
    return _COMPARED_BACK.sub(" ", fold_keep(sentence))


def months_back(sentence: str) -> int:
    """How many months before its own period a change's comparison names ("… six months earlier": 6; "the same
    period last year", "dibanding tahun sebelumnya": 12), or 0."""
    folded = fold_keep(sentence)
    words = " " + " ".join(re.sub(r"[^0-9a-z]+", " ", folded).split()) + " "
    if any(f" {w} " in words for w in _YEAR_AGO) or _COMPARED_BACK.search(folded) or _SAME_SPELL.search(words):
        return 12
    if any(f" {w} " in words for w in _SEMESTER):
        return 6
    m = _BACK.search(words)
    if m is None:
        return 0
    count = int(m[1]) if m[1] else _COUNTS[m[2]]
    return count * (1 if m[3] in ("bulan", "month", "months", "thang") else 12)


def shifted(period: str, months: int) -> str:
    """The period that many months before a period ("2024-09" less 6: "2024-03"; "2024" less 12: "2023"), or ""
    when the period is not precise enough to say ("2024" less 6)."""
    if re.fullmatch(r"\d{4}", period):
        return str(int(period) - months // 12) if months % 12 == 0 else ""
    m = re.fullmatch(r"(\d{4})-(\d\d)(-\d\d)?", period)
    if m is None:
        return ""
    at = int(m[1]) * 12 + int(m[2]) - 1 - months
    return f"{at // 12}-{at % 12 + 1:02d}{m[3] or ''}" if not m[3] or months % 12 == 0 else ""


def earlier(sentence: str, start: int, end: int) -> str:
    """Whether the words around a number say it is of an earlier time the text does not name ("previously
    VND400,000", "VNĐ900,000 in the previous term"): "" when they do not, else "term" when they name the term
    before the current one, else "earlier"."""
    before = re.split(r"\d", sentence[max(0, start - 50) : start])[-1]  # the words since the number before it
    after = re.split(r"[\d(,;]", re.sub(r"^\s*\([^()]*\)", "", sentence[end : end + 60]))[0]  # past "($38)"
    words = " " + " ".join(re.sub(r"[^a-z]+", " ", fold_keep(f"{before} {after}")).split()) + " "
    if any(f" {w} " in words for w in _TERMS):
        return "term"
    return "earlier" if any(f" {w} " in words for w in _EARLIER) else ""


def previous_term(period: str) -> str:
    """The range of years just before a range, as long as it ("2021-2025": "2016-2020"), or "" for a period that
    is no range of years."""
    m = re.fullmatch(r"(\d{4})-(\d{4})", period)
    if m is None or int(m[2]) <= int(m[1]):
        return ""
    first, last = int(m[1]), int(m[2])
    return f"{2 * first - last - 1}-{first - 1}"


_NOW = r"(last year|this year|the previous year|nam ngoai|nam nay|tahun lalu|tahun ini)"
# Things that happen once, so that the year one of them is named with is the year the other names relative to now
# (a measure, "poor households last year" and "poor households in 2024", is of many years).
_EVENTS = ("survey", "census", "review", "report", "conference", "meeting", "congress", "election", "khao sat",
           "dieu tra", "ra soat", "tong dieu tra", "bao cao", "hoi nghi", "dai hoi", "survei", "sensus", "pendataan",
           "laporan", "rapat", "konferensi", "musyawarah")  # fmt: skip
_EVENT = "|".join(_EVENTS)
# "last year's survey", "the survey of last year", "cuộc khảo sát năm ngoái", "survei tahun lalu"
_NOW_NOUN = re.compile(_NOW + r"(?:\s*['’]s)?\s+(" + _EVENT + r")\b")
_NOUN_NOW = re.compile(r"\b(" + _EVENT + r")\s+(?:of\s+|cua\s+)?" + _NOW + r"\b")


def year_written(head: str) -> int:
    """The year an undated article was written, from an event it names both with its year and relative to the year
    it was written ("the survey conducted in 2013" … "last year's survey": 2014), or 0."""
    folded = fold_keep(head)
    for m in [*_NOW_NOUN.finditer(folded), *_NOUN_NOW.finditer(folded)]:
        now, noun = (m[1], m[2]) if m.re is _NOW_NOUN else (m[2], m[1])
        dated = re.search(rf"\b{noun}\b(?:\s+[a-z]+){{0,3}}?\s+((?:19|20)\d\d)\b(?!\s*[-–]\s*\d)", folded)
        if dated:
            return int(dated[1]) + (0 if now in ("this year", "nam nay", "tahun ini") else 1)
    return 0


_YEAR_AGO_WORDS = re.compile(r"\b(?:" + "|".join(_YEAR_AGO) + r")\b")


def compared_value(sentence: str, start: int) -> int:
    """How many months before its sentence's own period a level is of, when it is the value the comparison just
    before it had ("turun dibandingkan periode yang sama tahun sebelumnya, yang mencapai 7,74 persen": 12), or 0."""
    folded = fold_keep(sentence[:start])
    ends = [m.end() for m in _COMPARED_BACK.finditer(folded)]
    ends += [m.end() for m in _YEAR_AGO_WORDS.finditer(folded)]
    last = max(ends, default=-1)
    return 12 if last >= 0 and _VALUE_OF.fullmatch(folded[last:]) else 0
