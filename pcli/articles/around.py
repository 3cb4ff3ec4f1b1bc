"""The words around a number that its reader looks at besides its sentence's periods: which side of a from→to it
is and whether that from→to states a period of its own, a change's unit said in the from→to after it, the year the
article was published (for "this year"), and lines that link to another article."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from pcli.articles.dating import Mention, span
from pcli.articles.relative import year_written
from pcli.articles.scan import MONTH_SHORT
from pcli.articles.units import UnitWords, unit_near
from pcli.base.words import MONTHS
from pcli.text import fold_keep

if TYPE_CHECKING:
    from pcli.articles.reader import Reading
    from pcli.articles.scan import Number

CLAUSE_END = re.compile(r"[,;:]\s+|\s+[–—-]\s+|\(|\)")  # where a clause ends
# A line that links to another article: its headline is dated by that article, not by this one's lead.
_LINK_HEADINGS = ("other news", "related news", "related articles", "more news", "trending", "most read", "tin lien quan",
                  "tin khac", "tin cung chuyen muc", "berita terkait", "berita lainnya")  # fmt: skip
_LINKS = ("baca juga", "read also", "read more", "see also", "lihat juga", "xem them", "doc them", "tin lien quan")


def side_of(sentence: str, start: int, end: int) -> int:
    """0 when the number is the from side of a from→to that states no period ("dari 1,97 juta menjadi 1,87 juta"),
    1 when it is the to side, else -1."""
    folded = fold_keep(sentence)
    words = re.sub(r"[^a-z]+", " ", folded[max(0, start - 24) : start]).split()
    words = words[:-1] if words and words[-1] in _CURRENCIES else words
    if words and words[-1] in _FROM and _TO_NUMBER.search(folded, end, end + 60):
        return 0
    if words and words[-1] in _TO_WORDS and _FROM_NUMBER.search(folded[max(0, start - 100) : start]):
        return 1
    return -1


def parted(sentence: str, m: Mention, at: int) -> bool:
    """Whether a clause break parts a number from a period ("6 million moved out of poverty in four years through
    2016" is of the four years; a rate in the clause after them is of their last year)."""
    a, b = sorted((m.start, at))
    return bool(CLAUSE_END.search(sentence, a, b))


def bare(sentence: str, start: int, end: int, side: int, found: list[Mention]) -> bool:
    """Whether the from→to a number is a side of states no period of its own."""
    folded = fold_keep(sentence)
    if side == 0:
        to = _TO_NUMBER.search(folded, end, end + 60)
        span = (start, (to.end() + 12) if to else end)
    else:
        before = list(_FROM_NUMBER.finditer(folded, max(0, start - 100), start))
        span = (before[-1].start() if before else start, end + 12)
    return not any(span[0] <= m.start < span[1] for m in found)


def after_from(text: str, start: int) -> bool:
    """Whether a number is the from side of a from→to ("from 9.9 to 4.5"), not a range's first end."""
    words = re.sub(r"[^a-z]+", " ", fold_keep(text[max(0, start - 24) : start])).split()
    return bool(words) and words[-1] in _FROM


def unit_of_from(text: str, end: int, lang: str, units: tuple[tuple[str, str, str], ...]) -> UnitWords | None:
    """The unit of a change said once, in the from→to after it: "decreased by 1.83 thousand (from 65.12 thousand
    people …"."""
    m = _THEN_FROM.match(fold_keep(text[end : end + 60]))
    if m is None:
        return None
    return unit_near(text, end + m.end(1), end + m.end(), lang, units)


_THEN_FROM = re.compile(
    r"\s*(?:thousand|million|billion|ribu|juta|miliar|nghin|trieu|ty)?(?:[^()\n]{0,40}?\(|\s*\(?)\s*(?:from|dari|tu)\s+"
    r"((?:rp|vnd|\$)?\s*)[\d][\d.,]*"
)
_CURRENCIES = ("rp", "vnd", "usd", "us")
_FROM = ("dari", "tu", "from")
_TO_WORDS = ("menjadi", "xuong", "con", "len", "to")
_TO_NUMBER = re.compile(r"\b(?:menjadi|xuong con|xuong|len|to)\s+(?:rp|vnd|usd|us\$|\$)?\s*\d")
_FROM_NUMBER = re.compile(r"\b(?:dari|tu|from)\s+(?:rp|vnd|usd|us\$|\$)?\s*\d")
# The date an article was published, in its first lines: "2020-11-05", "11/02/2025", "1 Juli 2024", "13, Dec. 2018",
# "January 15, 2025", "date 2019-01".
_PUBLISHED = re.compile(
    r"\bdate:?\s+((?:19|20)\d\d)-(?:0[1-9]|1[0-2])\b|\b((?:19|20)\d\d)-\d\d-\d\d\b|\b\d{1,2}[/.]\d{1,2}[/.]((?:19|20)\d\d)\b"
    r"|\b\d{1,2},?\s+(?:" + "|".join(MONTHS) + "|" + MONTH_SHORT + r")\.?,?\s+((?:19|20)\d\d)\b"
    r"|\b(?:" + "|".join(MONTHS) + "|" + MONTH_SHORT + r")\.?\s+\d{1,2},\s+((?:19|20)\d\d)\b"
    r"|\bngay\s+\d{1,2}\s+thang\s+\d{1,2}\s+nam\s+(\d{4})\b"
)


def published(head: str) -> int:
    """The year the article was published: the latest date its first lines give (a site's stale date beside the
    article's own), else the year a thing it names both by its year and relative to now fixes, or 0."""
    years = [int(next(g for g in m.groups() if g)) for m in _PUBLISHED.finditer(fold_keep(head[:400]))]
    return max(years, default=0) or year_written(head)


def linking(sentence: str) -> bool:
    """Whether a sentence is a link to another article ("Baca juga: …"), whose headline this article does not date."""
    return fold_keep(sentence).lstrip(" \t-–•*").startswith(_LINKS)


def link_heading(sentence: str) -> bool:
    """Whether a line is the heading of a list of links to other articles ("Other News", "Berita Terkait")."""
    return " ".join(re.sub(r"[^a-z]+", " ", fold_keep(sentence)).split()) in _LINK_HEADINGS


HEADING_LENGTH = 120  # characters: a longer line is a paragraph's text, not its heading


def heading(text: str, start: int) -> bool:
    """Whether the sentence at `start` opens a line that is a heading or a caption: short, and ending without a
    sentence's final mark ("1. Poverty in Papua fell by almost 1%", "Dr. A (left) presents the report")."""
    first, after = text.rfind("\n", 0, start) + 1, text.find("\n", start)
    line = text[first : after if after >= 0 else len(text)].strip()
    return not text[first:start].strip() and 0 < len(line) <= HEADING_LENGTH and not re.search(r"[.!?:;\"”'’)]$", line)


def difference(figures: list[Reading], sentence: str, s0: int) -> None:
    """A figure that is the difference of a from→to after it in its sentence ("1.8 million escaped poverty, down
    from 8.4 million in 2010 to 6.6 million in 2016") is the change between them, of the time between them.
    Offsets of the figures are the paragraph's, s0 where the sentence starts in it."""
    for i, r in enumerate(figures):
        unit = r.unit.id if r.unit else ""
        for a, b in zip(figures[i + 1 :], figures[i + 2 :], strict=False):
            if (
                a.period
                and b.period
                and a.period != b.period
                and unit in ("", a.unit.id if a.unit else "")
                and side_of(sentence, a.number.start - s0, a.number.end - s0) == 0
                and math.isclose(abs(a.number.value - b.number.value), r.number.value, rel_tol=0.01)
            ):
                r.period, r.change, r.dated_by = _over(a.period, b.period), True, [*a.dated_by, *b.dated_by]
                break


def _over(first: str, last: str) -> str:
    """The period of a change between two periods: from the end of one year to the end of the next is the later
    year's ("cuối năm 2023" to "cuối năm 2024": 2024), else the span of their years."""
    years = sorted((first[:4], last[:4]))
    ends = first.endswith("-12-31") and last.endswith("-12-31") and int(years[1]) - int(years[0]) == 1
    return years[1] if ends else span(first, last)


# A change said just after a level of the same kind: "là 4,03%, giảm 1,17%", "38,62% (giảm 6,35%)", "9 persen, turun
# 0,3 persen", "4.1%, down 0.5 percent".
_LEVEL_THEN_CHANGE = re.compile(
    r"\s*(?:%|persen|percent|per cent)?\s*[,;(]?\s*(?:giam|tang|turun|naik|down|up|fell|rose|falling|rising)"
    r"(?:\s+(?:hon|khoang|sebesar|by))?\s*$"
)


_STATED_LEVEL = re.compile(r"\b(?:la|was|is|stood at|sebesar|adalah|tercatat|con)\s*$")


def from_year_before(text: str, level: Reading | None, change: Reading) -> str:
    """The period of a change said just after a level of one year, that it is the change of: from the year before to
    that year ("tỷ lệ năm 2022 là 4,03%, giảm 1,17%": 2021-2022), else ""."""
    if level is None or level.change or not change.change or not re.fullmatch(r"\d{4}", change.period):
        return ""
    units = level.unit.id if level.unit else "", change.unit.id if change.unit else ""
    between = fold_keep(text[level.number.end : change.number.start])
    if level.period != change.period or units[0] != units[1] or not _LEVEL_THEN_CHANGE.fullmatch(between):
        return ""
    if not _STATED_LEVEL.search(fold_keep(text[max(0, level.number.start - 16) : level.number.start])):
        return ""  # "đạt 167% (giảm 3% …)": a plan's share achieved, not the level the change is of
    return f"{int(change.period) - 1}-{change.period}"


# A day's date written out ("ngày 23 tháng 08 năm 2019"): it dates a page, not a figure.
_DAY_DATE = re.compile(r"(?i:ngày|ngay)\s+\d{1,2}\s+(?i:tháng|thang)\s+\d{1,2}(?:\s+(?i:năm|nam)\s+\d{4})?")


def dates(text: str, numbers: list[Number]) -> tuple[tuple[int, int], ...]:
    """The spans of the text's dates and times, which date a page, not a figure: no period is read inside them."""
    spans = [(m.start(), m.end()) for m in _DAY_DATE.finditer(text)]
    return tuple(spans + [(n.start, n.end) for n in numbers if n.kind in ("date", "time")])


# What an article counts when it names the number of the poor as its measure: "angka kemiskinan", "jumlah penduduk
# miskin", "số người nghèo", "the number of poor people".
_PEOPLE_MEASURE = re.compile(r"\b(?:angka kemiskinan|jumlah penduduk miskin|penduduk miskin|orang miskin|so nguoi ngheo"
                             r"|nguoi ngheo|poor people|people in poverty|number of poor)\b")  # fmt: skip


def counts_people(head: str) -> bool:
    """Whether the article's measure is the number of the poor ("angka kemiskinan", "số người nghèo")."""
    return bool(_PEOPLE_MEASURE.search(fold_keep(head)))


_CLASSIFIERS = ("unit",)  # Indonesian counts things with a classifier before the noun: "298 unit rumah"


def bare_units(readings: Iterable[Reading], people: bool, counted: dict[str, UnitWords] | None = None) -> None:
    """Units a careful reader gives numbers written without one: a count in thousands or millions ("183,71 Ribu",
    "26,3 juta September 2022") in an article whose measure is the number of the poor counts people; a classifier
    alone ("217 unit di bidang perumahan") counts what the article last counted with it ("298 unit rumah"): counted
    holds that, from one paragraph to the next."""
    counted = {} if counted is None else counted
    for r in readings:
        words = fold_keep(r.unit.words).split() if r.unit is not None and r.kind == "figure" else []
        if len(words) > 1 and words[0] in _CLASSIFIERS and r.unit is not None:
            counted[words[0]] = r.unit
        elif words and words[0] in _CLASSIFIERS and words[0] in counted:
            r.unit = counted[words[0]]
        if r.kind != "figure" or r.unit is not None:
            continue
        if people and r.number.scale > 1 and not r.number.percent:
            r.unit = UnitWords("people", "count", "")
