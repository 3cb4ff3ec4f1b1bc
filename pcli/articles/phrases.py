"""Reading what a passage of a source states besides its numbers: periods, qualifier words and goal words.

Used to prove the attributes of a figure against its quotes. Words are matched on folded text (`text.fold_keep`:
lower case, no diacritics, đ as d), so "cuối năm 2024" and "cuoi nam 2024" read the same. Patterns are compiled on first
use: only `validate --sources` and `extract` read passages.
"""

from __future__ import annotations

import re
from functools import cache

from pcli.base.words import MONTHS
from pcli.text import fold_keep

_YEAR = r"(1[89]\d\d|20\d\d|2100)"

_MONTHS = "|".join(MONTHS)
# Each pattern names what it reads; its groups are years (and a month number or name where it has one).
_PATTERNS = (
    (
        "range",
        rf"(?:tu|dari|from|between)\s+(?:nam\s+|tahun\s+|the\s+year\s+)?{_YEAR}\s+"
        rf"(?:den|hingga|sampai|to|and|until)\s+(?:nam\s+|tahun\s+)?{_YEAR}(?!\d)",
    ),
    ("range", rf"(?:(?:{_MONTHS})\s+)?{_YEAR}\s*(?:-|\s(?:ke|to|den)\s)\s*(?:{_MONTHS})\s+{_YEAR}(?!\d)"),
    ("range", rf"(?<![\d/.,]){_YEAR}\s*-\s*{_YEAR}(?!\d)"),
    # "in four years through 2016": 2012-2016; "selama lima tahun hingga 2024"
    (
        "years",
        r"(?:in|over|during|dalam|selama)\s+(?:the\s+)?(?:past\s+|last\s+)?(two|three|four|five|six|seven|eight|nine|ten|"
        rf"dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|\d{{1,2}})\s+(?:years|tahun)\s+"
        rf"(?:through|to|until|up to|ending in|hingga|sampai)\s+(?:tahun\s+)?{_YEAR}(?!\d)",
    ),
    ("short", r"(?<![\d/.,])((?:19|20)(\d)(\d))\s*-\s*(\d\d)(?![\d-])"),  # "2009-11": 2009-2011
    ("end", rf"(?:cuoi\s+nam|het\s+nam|cuoi|akhir\s+tahun|akhir|(?:the\s+)?end\s+of)\s+{_YEAR}(?!\d)"),
    ("start", rf"(?:dau\s+nam|dau|awal\s+tahun|awal|(?:the\s+)?(?:start|beginning)\s+of|early)\s+{_YEAR}(?!\d)"),
    (
        "since",  # a comparison: "so với (cùng kỳ) năm 2023", "terhadap Maret 2023", "compared with 2020"
        r"(?:so\s+voi(?:\s+cung\s+ky)?|dibanding(?:kan)?(?:\s+dengan)?|ketimbang|terhadap|compared\s+(?:with|to)|since)\s+"
        rf"(?:nam\s+|tahun\s+|bulan\s+|the\s+year\s+)?(?:thang\s+(\d{{1,2}})\s*[-/]\s*|({_MONTHS})\s+)?{_YEAR}(?!\d)",
    ),
    ("month", rf"thang\s+(\d{{1,2}})\s*[-/]\s*{_YEAR}(?!\d)"),
    ("month", rf"({_MONTHS})\s+(?:tahun\s+)?{_YEAR}(?!\d)"),  # "Maret 2023", "Maret tahun 2023"
    ("year", rf"(?<![\d/.,]){_YEAR}(?![\d/])"),
)
# A change from one period to another: "dari 11,74 juta pada Maret 2023 menjadi 11,64 juta pada Maret 2024".
_FROM_TO = rf"\b(?:tu|dari|from)\s[^;]{{0,80}}?{_YEAR}[^;]{{0,80}}?\b(?:xuong con|xuong|len|menjadi|to)\s[^;]{{0,80}}?{_YEAR}"
# Words just before a period that make it a point the value holds by: "đến tháng 9/2025", "by September 2025".
_BY = ("den", "tinh den", "hingga", "sampai", "by", "as of")

QUALIFIER_WORDS = {
    "more_than": ("hon", "tren", "lebih dari", "more than", "over", "exceeding", "in excess of", "upwards of"),
    "nearly": ("gan", "hampir", "nyaris", "nearly", "almost"),
    "about": ("khoang", "sekitar", "about", "around", "approximately", "roughly", "some"),
    "up_to": ("len toi", "toi", "hingga", "up to"),
    "under": ("duoi", "chua den", "under", "below", "less than", "fewer than", "di bawah", "kurang dari"),
    "at_least": (
        "it nhat",
        "toi thieu",
        "at least",
        "no less than",
        "sekurang kurangnya",
        "paling sedikit",
        "setidaknya",
        "minimal",
    ),  # fmt: skip
}
# Words after a number that make it a lower bound: "từ 6% trở lên", "6% or more", "6 persen atau lebih".
AT_LEAST_AFTER = ("tro len", "or more", "or above", "and above", "atau lebih", "ke atas")
BASICALLY_WORDS = ("co ban", "pada dasarnya", "basically")
GOAL_WORDS = ("muc tieu", "phan dau", "ke hoach", "chi tieu", "target", "sasaran", "tujuan", "goal", "aim", "targets",
              "aims", "ditargetkan", "menargetkan")  # fmt: skip


@cache
def _compiled() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((kind, re.compile(pattern)) for kind, pattern in _PATTERNS)


def period_spans(text: str) -> list[tuple[int, int, str, str, bool]]:
    """Every period the text states, where: (start, end, canonical period, pattern kind, stated as a "by" point),
    in reading order. A comparison ("so với năm 2023") has kind "since" and its year as the period."""
    folded = fold_keep(text)
    taken = [False] * len(folded)
    found: list[tuple[int, int, str, str, bool]] = []
    for kind, pattern in _compiled():
        for m in pattern.finditer(folded):
            if any(taken[m.start() : m.end()]):
                continue
            taken[m.start() : m.end()] = [True] * (m.end() - m.start())
            by = folded[: m.start()].rstrip().endswith(_BY)
            period = _compared(m) if kind == "since" else _canonical(kind, m)
            found.append((m.start(), m.end(), period, kind, by))
    return sorted(found)


def periods_in(text: str) -> set[tuple[str, bool]]:
    """Every period the text states, as (canonical period text, stated as a "by" point)."""
    spans = period_spans(text)
    found = {(period, by) for _, _, period, kind, by in spans if kind != "since"}
    ends = {int(p[:4]) for p, _ in found if p}
    for start in (int(period[:4]) for _, _, period, kind, _ in spans if kind == "since"):
        # "6.401 miliar VND dibandingkan tahun 2020" beside "akhir tahun 2024": 2020-2024
        found.update((f"{start}-{end}", False) for end in ends if end > start)
    for m in _compiled_from_to().finditer(fold_keep(text)):
        first, last = int(m[1]), int(m[2])
        if first < last:
            found.add((f"{first}-{last}", False))
    return found


@cache
def _compiled_from_to() -> re.Pattern[str]:
    return re.compile(_FROM_TO)


def _compared(m: re.Match[str]) -> str:
    """The period a comparison names: "terhadap Maret 2023" is 2023-03, "so với năm 2023" 2023."""
    month = int(m[1]) if m[1] else MONTHS[m[2]] if m[2] else 0
    return f"{m[3]}-{month:02d}" if month else m[3]


def _canonical(kind: str, m: re.Match[str]) -> str:
    if kind == "range":
        return f"{m[1]}-{m[2]}"
    if kind == "years":
        count = int(m[1]) if m[1].isdigit() else _COUNTS.index(m[1]) % 9 + 2
        return f"{int(m[2]) - count}-{m[2]}"
    if kind == "short":  # "2009-11" is 2009-2011; "2019-01", which cannot be a range, a month
        first, end = int(m[1]), int(m[1][:2] + m[4])
        return f"{first}-{end}" if end > first else f"{m[1]}-{m[4]}" if 1 <= int(m[4]) <= 12 else m[1]
    if kind == "end":
        return f"{m[1]}-12-31"
    if kind == "start":
        return f"{m[1]}-01-01"
    if kind == "month":
        month = int(m[1]) if m[1].isdigit() else MONTHS[m[1]]
        return f"{m[2]}-{month:02d}"
    return m[1]


_COUNTS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
           "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh")  # fmt: skip
_CURRENCY = r"(?:vnd|rp|usd|us\$|\$|dong|rupiah)"
# An amount in brackets just after another, in another currency: "VND700,000 ($31.40)", "VNĐ2 million ($84.5)";
_SCALE = r"(?:\s*(?:million|billion|trillion|trieu|ty|nghin ty|juta|miliar|triliun))?"
# …or after "or": "below VND500,000 or $23", "less than VND650,000, or $31".
_CONVERTED = re.compile(
    rf"(?:{_CURRENCY}\s?(\d[\d.,]*){_SCALE}|(\d[\d.,]*){_SCALE}\s*{_CURRENCY})"
    rf"\s*(?:\(|,?\s+(?:or|atau|hoac|hay)\s+)\s*{_CURRENCY}?\s*$"
)


def converted_from(text: str, start: int) -> int:
    """Where the amount starts that the amount at `start` converts ("VND700,000 ($31.40)"), or -1."""
    converted = _CONVERTED.search(fold_keep(text[max(0, start - 40) : start]))
    return max(0, start - 40) + (converted.start(1) if converted[1] else converted.start(2)) if converted else -1


# A range's first end just before a number: "sekitar 32 hingga 33 orang", "about 3 to 4 per cent", "khoảng 3 – 4%".
_RANGE_BEFORE = re.compile(r"(?<![\d.,])(\d[\d.,]*)\s*(?:%|persen|per ?cent|percent)?\s*(?:hingga|sampai|to|den|toi|-|–|—)\s*$")


def range_first(text: str, start: int) -> int:
    """Where the first end starts of the range whose second end is the number at `start` ("about 3 – 4%"), or -1."""
    window = text[max(0, start - 34) : start].rsplit("\n", 1)[-1]
    first = _RANGE_BEFORE.search(fold_keep(window))
    return start - len(window) + first.start(1) if first else -1


# A number said again in other terms after "or": "around 4,473 families, or 17.4 million people".
_RESTATED = re.compile(rf"(?<![\d.,])(\d[\d.,]*){_SCALE}\s*%?(?:\s+[a-z]+){{0,3}},?\s+(?:atau|or|hay|hoac|tuc la)\s+$")


_OR_WORDS = (" or", " atau", " hay", " hoac", " tuc la")


def restated_from(text: str, start: int) -> int:
    """Where the number starts that the number at `start` says again after "or" ("around 4,473 families, or 17.4
    million people"), or -1."""
    window = text[max(0, start - 60) : start].rsplit("\n", 1)[-1]
    folded = fold_keep(window)
    if not folded.rstrip().endswith(_OR_WORDS):
        return -1
    said = _RESTATED.search(folded)
    return start - len(window) + said.start(1) if said else -1


def qualifier_before(text: str, start: int) -> str:
    """The qualifier stated by the words around the number at position `start` of text ("" for none): just
    before it ("hơn 2.134", "at least 6"), or after it and its unit ("từ 6% trở lên", "6 persen atau lebih")."""
    after = fold_keep(text[start : start + 60])
    tail = re.sub(r"[^0-9a-z% ]+", " ", re.sub(r"^[-−]?[\d.,]+", "", after)).split()
    if any(" ".join(tail[i : i + 2]).startswith(phrase) for i in range(3) for phrase in AT_LEAST_AFTER):
        return "at_least"
    if (converted := converted_from(text, start)) >= 0:  # "less than VND700,000 ($31.40)": the amount converted says it
        return qualifier_before(text, converted)
    window = text[max(0, start - 34) : start].rsplit("\n", 1)[-1]  # a line's end ends a sentence, as the reader reads it
    if (first := range_first(text, start)) >= 0:  # "sekitar 32 hingga 33": the range's qualifier
        return qualifier_before(text, first)
    before = re.sub(r"(?:vnd|rp|usd|us\$|\$)\s*$", "", fold_keep(window).rstrip())  # "less than VND"
    words = " " + " ".join(re.sub(r"[^0-9a-z ]+", " ", before).split()[-3:])
    if re.search(r" (?:thap|cao) hon$", words):
        return ""  # "thấp hơn 1,89% so với năm 2021": lower by, a change, not "more than"
    phrases = sorted(((p, q) for q, ps in QUALIFIER_WORDS.items() for p in ps), key=lambda pair: -len(pair[0]))
    said = next((qualifier for phrase, qualifier in phrases if words.endswith(" " + phrase)), "")
    if not said and (first := restated_from(text, start)) >= 0:  # "around 4,473 families, or 17.4 million": around
        return qualifier_before(text, first)
    return said


def states_any(text: str, phrases: tuple[str, ...]) -> bool:
    """Whether the text states one of the (folded) phrases as whole words."""
    words = f" {' '.join(re.sub(r'[^0-9a-z ]+', ' ', fold_keep(text)).split())} "
    return any(f" {phrase} " in words for phrase in phrases)


# A day a stock is counted at: "as of March 31, 2023", "tính đến ngày 25/9/2020", "hingga 31 Desember 2023". Such a
# date is the figure's period, not the page's (a date elsewhere dates the page).
_AS_OF = re.compile(
    r"\b(?:as of|as at|(?:tinh )?(?:den|toi) (?:het )?ngay|per tanggal|hingga tanggal|sampai tanggal|sampai dengan tanggal)"
    rf"\s+(?:(\d{{1,2}})\s*[/.-]\s*(\d{{1,2}})\s*[/.-]\s*|(\d{{1,2}})\s+({_MONTHS}),?\s+|({_MONTHS})\s+(\d{{1,2}}),?\s+)"
    r"((?:19|20)\d\d)\b"
)


def as_of_spans(folded: str) -> list[tuple[int, int, str, str]]:
    """The days a (folded) sentence counts a stock at, as (start, end, "YYYY-MM-DD", "asof"), in its offsets."""
    out = []
    for m in _AS_OF.finditer(folded):
        day, month = (m[1], int(m[2])) if m[1] else (m[3], MONTHS[m[4]]) if m[3] else (m[6], MONTHS[m[5]])
        if 1 <= month <= 12 and 1 <= int(day) <= 31:
            out.append((m.start(), m.end(), f"{m[7]}-{month:02d}-{int(day):02d}", "asof"))
    return out
