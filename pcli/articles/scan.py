"""The one number reader: every number of a text with its span, as written, what kind of number it is, and its
value in base units read as the text's language writes numbers. `validate --sources` proves values with it and
`extract` turns an article into rows with it.

Vietnamese and Indonesian write "9.604" for 9604 and "3,14" for 3.14; English the other way round. A scale word
multiplies ("312,5 tỷ đồng" is 312.5 × 10⁹, "1,2 juta" 1.2 × 10⁶, "2,3 triliun" 2.3 × 10¹²). Years, dates,
document numbers, ages, ordinals, names ("Covid-19"), clock times ("09:25:27"), list numbers at a line's start
("1. Jawa Timur"), levels ("mức độ 1") and the digits of a web address are numbers too, but not figures: their
kind says so. A number glued to letters is read too: "VND1.5 million" and "Rp582.932,-" are amounts,
"Decision123" a document number, "QH15" a name.
"""

from __future__ import annotations

import bisect
import math
import re
from functools import cache

from pcli.base.words import MONTHS

FIGURE = "figure"
NOT_FIGURES = ("year", "period", "date", "time", "document", "age", "ordinal", "list", "level", "name", "url")

_CONVENTION = {"vi": "comma_decimal", "id": "comma_decimal", "en": "dot_decimal"}
_GROUPED = {
    # "4.71 orang" in a text that writes "4,71": a dot before one or two digits is no thousands' separator
    # a sign only after a space, a bracket or the start: "30%-35%" is a range, not 30% and minus 35%
    "comma_decimal": r"(?<![\d.,])((?:(?<![^\s(\[:=])[-−])?)(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+)|\.(\d{1,2})(?![\d.]))?(?![\d])",
    "dot_decimal": r"(?<![\d.,])((?:(?<![^\s(\[:=])[-−])?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?![\d])",
}
SCALES = {
    "vi": {
        "nghìn": 10**3,
        "ngàn": 10**3,
        "triệu": 10**6,
        "tỷ": 10**9,
        "tỉ": 10**9,
        "nghìn tỷ": 10**12,
        # as typed without diacritics ("8.718 ty dong")
        "nghin": 10**3,
        "ngan": 10**3,
        "trieu": 10**6,
        "ty": 10**9,
        "ti": 10**9,
        "nghin ty": 10**12,
    },
    "id": {"ribu": 10**3, "juta": 10**6, "miliar": 10**9, "triliun": 10**12},
    # and as English news abbreviates them: "$3.3 bln", "VND48 trln", "5 mln people"
    "en": {
        "thousand": 10**3,
        "million": 10**6,
        "billion": 10**9,
        "trillion": 10**12,
        "mln": 10**6,
        "bln": 10**9,
        "bn": 10**9,
        "trln": 10**12,
        "trn": 10**12,
    },
}
# A scale one letter says, glued to an amount of money only: "VND10b", "$2.5m", "US$1.2b", "VND700k" ("10m" alone
# may be metres)
_LETTER_SCALES = {"k": 10**3, "m": 10**6, "b": 10**9, "t": 10**12}
# Phrases that state a zero: "không còn hộ nghèo", "tidak lagi memiliki rumah tangga miskin".
ZERO_PHRASES = {
    "vi": ("không còn",),
    "id": ("tidak lagi memiliki", "tidak akan memiliki", "tidak memiliki", "tanpa"),
    "en": ("no longer", "zero", "no "),
}
_YEAR = r"(?:19\d\d|20\d\d|2100)"
_MONTH_NAMES = "|".join(MONTHS)
MONTH_SHORT = "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|des|agu|okt"  # "13, Dec. 2018"
# Letters a currency amount may be glued to: "VND1.5 million", "VNĐ700,000", "Rp582.932,-", "US$29.5", "$38".
CURRENCY_PREFIXES = {"vnd": "VND", "vnđ": "VND", "rp": "IDR", "idr": "IDR", "usd": "USD", "us$": "USD", "$": "USD"}
_GLUED = re.compile(r"(?:[^\W\d_]+\$?|\$)\Z")  # \Z: "$" would match before a line's end ("up to\n250")
# Spans that hold numbers that are not figures, found before the figures; first match wins.
_NOT_FIGURES = (
    # a web address, also without its scheme ("s.bps.go.id/1607sicakar"), an e-mail address
    ("url", r"https?://\S+|(?<![\w.@])(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}/\S*|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),
    ("name", r"(?<![\d.,])0\d{2,3}[- ]\d{3,4}[- ]\d{3,4}(?![\d.,]\d)"),  # a telephone number: "081-810-5100"
    ("time", r"(?<![\d.,:])\d{1,2}:\d{2}(?::\d{2})?(?![\d:])"),
    # "jam 08.00 - 15.30 WIB", "pukul 9.30": a clock time written with a dot
    (
        "time",
        r"(?i:\b(?:jam|pukul|pk)\.?\s+)\d{1,2}[.:]\d{2}\b|\b\d{1,2}[.:]\d{2}(?=\s*(?:WIB|WITA|WIT|a\.?m\.?|p\.?m\.?)(?!\w))",
    ),
    # an address to its postal code, "Jl. Tambun Bungai No. 15 Kuala Kapuas 73514"; a street number alone
    ("name", r"(?i:\b(?:jl|jln|jalan)\.?\s)[^,;\n()]{0,60}?\b\d{5}\b|(?i:\bno\.\s*)\d{1,5}\b(?!\s*/)"),
    ("date", rf"\b\d{{4}}-\d{{2}}-\d{{2}}\b|\b\d{{1,2}}/\d{{1,2}}/{_YEAR}\b"),
    ("date", rf"\b\d{{1,2}}\.\d{{1,2}}\.{_YEAR}\b"),  # "ngày 30.3.2022"
    ("date", rf"(?i:\bdate:?\s+){_YEAR}-\d{{2}}\b"),  # a page's "date 2019-01"
    ("date", rf"(?i:ngày|ngay)\s+\d{{1,2}}\s+(?i:tháng|thang)\s+\d{{1,2}}(?:\s+(?i:năm|nam)\s+{_YEAR})?"),
    ("date", rf"(?i:\btháng|\bthang)\s+\d{{1,2}}(?:\s*[-/]\s*{_YEAR}\b|(?![\d.,]\d|\s*[-/]\s*\d))"),
    (
        "date",  # a day and month without a year: "ngày 7/1", "(7/1)", "7/1 vừa qua"; "2/7 huyện" is a fraction
        r"(?i:\b(?:ngày|ngay|hôm|sáng|chiều|tối|tanggal|on|since)\s+)\d{1,2}/\d{1,2}(?![\d/])"
        r"|(?<=\()\d{1,2}/\d{1,2}(?=\))|\b\d{1,2}/\d{1,2}(?=\s+(?i:vừa qua|tới|này)\b)",
    ),
    (  # "13, Dec. 2018", "January 15, 2025": a day, its month and its year
        "date",
        rf"\b\d{{1,2}},?\s+(?i:(?:{_MONTH_NAMES}|{MONTH_SHORT})\b)\.?,?\s+{_YEAR}\b"
        rf"|(?i:\b(?:{_MONTH_NAMES}|{MONTH_SHORT})\b)\.?\s+\d{{1,2}},\s+{_YEAR}\b",
    ),
    (
        "date",  # "Juli 3", "1 Juli 2024": a day's date, its year with it
        rf"(?i:\b(?:{_MONTH_NAMES})\.?\s+)\d{{1,2}}(?![\d.,]\d)|\b\d{{1,2}}\s+(?i:(?:{_MONTH_NAMES})\b)(?:\s+{_YEAR}\b)?",
    ),
    # a short month's name before a day, no year: "late Mar 24", "(cpv.org.vn Mar 12)"; written capitalised
    ("date", r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Des|Agu|Okt)\.?\s+(?:[12]\d|3[01]|0?[1-9])(?![\d.,]\d)"),
    # a statistics release's number, "No. 39/07/74/Th. XIV": the document, however many parts it has
    ("document", r"\b\d{1,4}(?:/\d{1,4}){1,3}/Th\b"),
    # page furniture: "halaman 1 dari 8", "page 2 of 10", "trang 1/4"; a release's page number before its heading
    ("name", r"(?i:\b(?:halaman|hal\.|page|trang)\s*)\d{1,4}\s*(?i:dari|of|trên|/)\s*\d{1,4}\b"),
    ("name", r"(?m)^[ \t]*\d{1,3}(?=[ \t]+(?i:berita resmi statistik)\b)"),
    # "02/2022/TT", "217/QĐ-BLĐTBXH", a Party document's "09-ĐA/TU"
    ("document", r"\b\d{1,5}/\d{4}(?:/[\w-]+)?|\b\d{1,5}/[A-ZĐ]{2,}(?:-[A-ZĐ]+)+|\b\d{1,5}-[A-ZĐ]{2,}/[A-ZĐ]{2,}\b"),
    (
        "document",
        r"(?i:(?:nghị quyết|quyết định|nghị định|thông tư|chỉ thị|đề án|kế hoạch số|resolusi|keputusan|resolution"
        r"|decision|decree)\s*(?:số|no\.?|nomor)?\s*)\d{1,5}",
    ),
    ("period", rf"\b{_YEAR}\s*[-–]\s*{_YEAR}\b"),
    ("period", r"\b(?:19|20)\d\d\s*[-–]\s*\d\d\b(?![-/.,]\d)"),  # "2009-11", "2019-20" (or a month "2024-03")
    ("age", r"(?i:\b(?:dưới|duoi|trên|tren|từ|tu|under|over|aged|usia|di bawah usia)\s+)\d{1,3}\s*(?i:tuổi|tuoi|tahun|years?)"),
    ("age", r"\b\d{1,3}\s*(?i:tuổi|tuoi)\b"),
    ("age", r"(?i:\baged\s+)\d{1,3}(?:\s*[-–]\s*\d{1,3})?\b"),  # "ethnic minorities aged 20-24"
    # "berumur 16 tahun", "aged 16 years", "16 years old": an age word, or "old" after the years
    ("age", r"(?i:\b(?:berumur|berusia|aged)\s+)\d{1,3}(?=\s*(?i:tahun|years?)\b)|\b\d{1,3}(?=[\s-]+(?i:years?)[\s-]+old\b)"),
    # "children under 16", "trẻ em dưới 16", "anak di bawah 16": an age, whatever follows
    (
        "age",
        r"(?i:\b(?:children|child|trẻ em|tre em|anak(?:-anak)?)\s+(?:under|below|aged|dưới|duoi|di bawah(?: usia)?)\s+)\d{1,2}\b",
    ),
    # "those under 16", "people over 60", "mereka di bawah 16": people by their age, no share or amount after it
    (
        "age",
        r"(?i:\b(?:those|people|persons|anyone|everyone|kids|minors|pupils|students|youths?|adults|residents|mereka|orang"
        r"|người|nguoi)\s+(?:under|below|over|above|aged|dưới|duoi|trên|tren|di bawah(?: usia)?|di atas(?: usia)?)\s+)"
        r"\d{1,2}\b(?![.,]\d|\s*(?:%|(?i:per\s?cent|percent|persen|phần trăm|thousand|million|billion|nghìn|triệu|tỷ"
        r"|ribu|juta|miliar)\b))",
    ),
    # the count a rank is out of: "thứ ba trong 6 vùng", "peringkat kedua dari 38 provinsi", "ranked 31 among 105"
    (
        "ordinal",
        r"(?i:\b(?:thứ|peringkat|urutan|ranked|ranks|ranking)\s+(?:[^\W\d_]+\s+){0,2}?\d*\s*"
        r"(?:trong|trong số|dari|among|of|out of)\s+)\d{1,3}\b",
    ),
    ("ordinal", r"(?i:\bthứ\s+|\bke-)\d+|\b\d+(?:st|nd|rd|th)\b"),
    ("list", r"(?m)^[ \t]*\(?\d{1,3}[.)/](?=[ \t]+[^\W\d]|[^\W\d_a-z])"),  # "1.", "2)", "3/", "1.Penduduk"
    ("list", r"(?m)^[ \t]*\d{1,3}(?=[ \t][^\d\n]*:[ \t]*$)"),  # a list's heading: "15 Provinsi dengan …:"
    ("ordinal", r"(?i:\btop\s+)\d{1,3}\b|\b\d{1,3}(?=\s+(?i:besar|teratas)\b)"),  # a rank: "top 10", "15 besar"
    # steps of a rank: "vươn lên 2 bậc xếp hạng", "naik 3 peringkat", "up 2 places"
    ("ordinal", r"\b\d{1,3}(?=\s+(?i:bậc|bac|hạng|peringkat|places|place|spots|notches)\b)"),
    # an anniversary, which is an ordinal: "kỷ niệm 70 năm", "memperingati 70 tahun", "anniversary of 70 years"
    ("ordinal", r"(?i:\b(?:kỷ niệm|ky niem|memperingati|peringatan|anniversary of)\s+)\d{1,3}(?=\s+(?i:năm|nam|tahun|years?)\b)"),
    ("level", r"(?i:\b(?:mức độ|muc do|cấp độ|cap do|level|tingkat|tier)\s+)\d{1,2}(?![\d.,]\d)"),
    ("name", r"\b[A-Za-z]+-\d+\b"),
    # a road's number: "Quốc lộ 9", "tỉnh lộ 12B", "Highway 1A", "Jalan Tol 2"
    ("name", r"(?i:\b(?:quốc lộ|quoc lo|tỉnh lộ|tinh lo|đường tỉnh|highway|national road|route|jalan tol)\s+)\d{1,3}[A-Z]?\b"),
    ("time", r"(?<![\w+])(?:GMT|UTC)\s*[+-]\s*\d{1,2}(?::?\d{2})?\b"),  # a time zone: "(GMT+7)"
    # a page's visitor counters, the number alone at its line's end: "Tổng lượt truy cập: 15930085", "Khách 325"
    (
        "name",
        r"(?im)(?:truy cập|truy cap|trực tuyến|khách|thành viên|tổng|hôm nay|hôm qua|tuần này|tháng này|views?|dilihat"
        r"|pengunjung|visitors?|online)[ \t]*:?[ \t]*\d[\d.,]*[ \t]*$|^[ \t]*\d+(?=[ \t]+(?i:go top|back to top)\b)",
    ),
)
# A decimal comma a space parts from its decimals, before a scale word: "sebanyak 352, 51 ribu orang" (a list would
# give its first number a unit of its own).
_SPACED = re.compile(r", (\d{1,2})(?=\s+(?:ribu|juta|miliar|triliun|nghìn|ngàn|triệu|tỷ|tỉ)\b)")
_RATE = re.compile(r"(?:tỷ|tỉ|ty|ti)\s+(?:lệ|le)\b")
# A number written as a word of percent: "9,03 persen", "7.52 per cent", "90 percent", "4 phần trăm".
_RANGE_PERCENT = re.compile(  # "1-1.5 percent", "48 and 8 per cent", "3 to 4 per cent": both are percentages
    r"\s*(?:[-–]|and\s|và\s|dan\s|(to|đến|hingga|sampai)\s)\s*\d[\d.,]*\s*(?i:%|persen\b|per\s?cent\b)"
)  # "… in 2012 to 1.6 percent": a year before "to" is no percentage
_PERCENT_WORDS = re.compile(
    r"\s*(?i:%|persen\b|per\s?cent\b|percentage\s+points?\b|poin\s+persen(?:tase)?\b|(?:điểm\s+)?phần trăm|pct\b)"
)


class Number:
    """One number of a text: where it is, as written, its kind, and its value in base units."""

    __slots__ = ("start", "end", "written", "kind", "value", "percent", "scale")

    def __init__(self, start: int, end: int, written: str, kind: str, value: float, percent: bool, scale: int) -> None:
        self.start, self.end, self.written, self.kind = start, end, written, kind
        self.value, self.percent, self.scale = value, percent, scale

    def __repr__(self) -> str:
        return f"Number({self.written!r}, {self.kind}, {self.value})"


@cache
def _compiled(lang: str) -> tuple[re.Pattern[str], tuple[tuple[str, re.Pattern[str]], ...]]:
    return re.compile(_GROUPED[_CONVENTION.get(lang, "dot_decimal")]), tuple((k, re.compile(p)) for k, p in _NOT_FIGURES)


def scan(text: str, lang: str) -> list[Number]:
    """Every number of the text in reading order, each with its kind."""
    grouped, others = _compiled(lang)
    taken: list[tuple[int, int, str]] = []  # sorted spans of numbers that are not figures; the first pattern wins
    for kind, pattern in others:
        fresh, j = [], 0
        for m in pattern.finditer(text):  # one pattern's matches never overlap each other
            while j < len(taken) and taken[j][1] <= m.start():
                j += 1
            if j == len(taken) or taken[j][0] >= m.end():
                fresh.append((m.start(), m.end(), kind))
        taken = sorted(taken + fresh)  # two sorted runs: a linear merge
    listed = [span for span in _numbered(text) if not any(a < span[1] and span[0] < b for a, b, _ in taken)]
    taken = sorted(taken + listed) if listed else taken
    thousands = "." if _CONVENTION.get(lang) == "comma_decimal" else ","
    scales = sorted(SCALES.get(lang, {}).items(), key=lambda item: -len(item[0]))
    starts = [a for a, _, _ in taken]
    found: list[Number] = []
    for m in grouped.finditer(text):
        if found and m.start() < found[-1].end:
            continue  # the decimals of "352, 51 ribu", read with 352
        i = bisect.bisect_right(starts, m.start(2)) - 1
        kind = taken[i][2] if i >= 0 and taken[i][0] <= m.start(2) < taken[i][1] else FIGURE
        glued = _GLUED.search(text, max(0, m.start() - 12), m.start()) if m.start() and not m[1] else None
        if glued and kind == FIGURE and glued[0].lower() not in CURRENCY_PREFIXES:
            kind = "name"  # "QH15", "H2O": letters and digits make a name, not an amount
        whole = m[2].replace(thousands, "")
        fraction = next((g for g in m.groups()[2:] if g), None)
        spaced = None if fraction or kind != FIGURE or thousands == "," or "." in m[2] else _SPACED.match(text, m.end())
        fraction, end = (spaced[1], spaced.end(1)) if spaced else (fraction, m.end())
        value = float(f"{whole}.{fraction}") if fraction else float(whole)
        if m[1]:
            value = -value
        rest = text[end : end + 16].lstrip().lower()
        scale = next(
            (factor for word, factor in scales if rest.startswith(word) and not rest[len(word) : len(word) + 1].isalpha()), 1
        )
        scale = 1 if _RATE.match(rest) else scale  # "2020 tỷ lệ hộ nghèo": a rate, not billions
        if scale == 1 and glued and _rupiah_grouped(glued[0], m[2], fraction, thousands):
            value, fraction = float(f"{whole}{fraction}"), None  # "Rp790,186": no rupiah has three decimals
        if scale == 1 and glued and glued[0].lower() in CURRENCY_PREFIXES and _LETTER_SCALE.match(text, end):
            scale, end = _LETTER_SCALES[text[end].lower()], end + 1
        ranged = _RANGE_PERCENT.match(text, end)
        ranged = None if ranged and ranged[1] and re.fullmatch(_YEAR, m[2]) else ranged
        percent = bool(_PERCENT_WORDS.match(text, end) or ranged) or _points_of_rate(text, m.start(), end)
        if kind == FIGURE and scale == 1 and not fraction and re.fullmatch(_YEAR, m[2]) and not percent and not glued:
            kind = "year"
        written = text[m.start() : end] if not m[1] else text[m.start(1) : end]
        scaled = value * scale if scale == 1 else round(value * scale, 6)  # "2,07 juta" is 2070000, not 2069999.99…
        found.append(Number(m.start(), end, written, kind, scaled, percent, scale))
    return _with_zeros(text, lang, found, taken)


def _rupiah_grouped(prefix: str, whole: str, fraction: str | None, thousands: str) -> bool:
    """Whether a comma in a rupiah amount glued to its "Rp" groups thousands in a text that groups them with dots:
    three digits after it and no scale word ("Rp790,186/kapita"; "Rp6,7 miliar" keeps its decimal)."""
    return thousands == "." and prefix.lower() in ("rp", "idr") and "." not in whole and len(fraction or "") == 3


_LETTER_SCALE = re.compile(r"[kmbtKMBT](?![^\W\d_])")
_POINTS = re.compile(r"\s*(?i:points?|poin)\b")
_RATE_BEFORE = re.compile(r"(?i:%|persen|per\s?cent|percentage|phần trăm)")


def _points_of_rate(text: str, start: int, end: int) -> bool:
    """Whether "points" after a number are points of a rate its line names just before ("11.78 percent, down 0.12
    percentage points …, and down 0.17 points"): a percentage's points."""
    if not _POINTS.match(text, end):
        return False
    line = max(text.rfind("\n", 0, start), start - 200)
    return bool(_RATE_BEFORE.search(text, line + 1, start))


# A zero written as a word: "approximately zero per cent", "nol persen".
# Only as a percentage: "reached zero", "Hanoi's zero" say no number a figure holds.
_ZERO_WORDS = {
    "en": re.compile(r"(?i)\bzero\b(?=\s*(?:per\s?cent\b|percent\b|%))"),
    "id": re.compile(r"(?i)\bnol\b(?=\s*(?:persen\b|%))"),
}


def _with_zeros(text: str, lang: str, found: list[Number], taken: list[tuple[int, int, str]]) -> list[Number]:
    pattern = _ZERO_WORDS.get(lang)
    zeros = [
        Number(m.start(), m.end(), m[0], FIGURE, 0.0, bool(_PERCENT_WORDS.match(text, m.end())), 1)
        for m in (pattern.finditer(text) if pattern else ())
        if not any(a < m.end() and m.start() < b for a, b, _ in taken)
    ]
    return sorted(found + zeros, key=lambda n: n.start) if zeros else found


_ITEM = re.compile(r"(?m)^[ \t]*\(?(\d{1,3})[.)](?=[ \t]+\d)")
_INLINE = re.compile(r"(?<![^\s:;,])\((\d{1,2})\)(?=[ \t]+[^\W\d_])")  # "(1) … (2) …" inside a line


def _numbered(text: str) -> list[tuple[int, int, str]]:
    """List numbers a number follows ("7. 100% of poor children"): at a line's start, after a line that ends its
    sentence or after the list's item before it ("6. …"), and items counted from one inside a line ("(1) …; (2)
    …"); a line that goes on from an unfinished sentence ("fell to\n3. …") keeps its number."""
    out = []
    for m in _ITEM.finditer(text):
        before = text[text.rfind("\n", 0, max(m.start() - 1, 0)) + 1 : max(m.start() - 1, 0)] if m.start() else ""
        previous = re.match(r"[ \t]*\(?(\d{1,3})[.)]\s", before)
        if not before.strip() or before.rstrip()[-1] in ".!?:;" or (previous and int(previous[1]) + 1 == int(m[1])):
            out.append((m.start(), m.end(), "list"))
    for line in re.finditer(r"[^\n]+", text):  # items counted within a line from one: "(1) …; (2) …"
        items = list(_INLINE.finditer(line[0]))
        if len(items) > 1 and [int(m[1]) for m in items] == list(range(1, len(items) + 1)):
            out.extend((line.start() + m.start(), line.start() + m.end(), "list") for m in items)
    return sorted(out)


def read_numbers(quote: str, lang: str) -> list[tuple[float, bool, int, int]]:
    """Every number in a quote as (value as written, followed by %, scale word multiplier or 1, where it starts)."""
    return [(n.value / n.scale, n.percent, n.scale, n.start) for n in scan(quote, lang)]


def value_positions(value: float, quote: str, lang: str, unit_kind: str) -> list[int]:
    """Where the quote states the value: a percentage only with its % sign (or as points of one), a scaled number
    only with its scale word ("49,4 tỷ" is 49.4 × 10⁹ and never 49.4), a zero from the words that say none is left."""
    found = []
    if value == 0:
        lowered = quote.lower()
        found = [i for phrase in ZERO_PHRASES.get(lang, ()) if (i := lowered.find(phrase)) >= 0]
    for n in scan(quote, lang):
        if unit_kind == "percent" and not n.percent and not _POINTS.match(quote, n.end):  # "down 0.17 points"
            continue
        if math.isclose(n.value, value, rel_tol=1e-9, abs_tol=1e-12):
            found.append(n.start)
    return found


def guess_lang(text: str) -> str:
    """vi when the text has Vietnamese letters, id when it reads like Indonesian, else en."""
    return guess_lang_surely(text)[0]


def guess_lang_surely(text: str) -> tuple[str, bool]:
    """The text's language as guess_lang reads it, and whether the guess is sure: many Vietnamese letters, or
    at least eight common words with twice as many of one language's as of the other's."""
    sample = text[:20000].lower()
    letters = sum(ch.isalpha() for ch in sample) or 1
    marked = len(re.findall(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", sample))
    if marked / letters > 0.02:  # a Vietnamese text has many; an Indonesian one may cite "HĐND"
        return "vi", marked >= 20
    words = re.findall(r"[a-z]+", sample)
    counts = {lang: sum(w in common for w in words) for lang, common in _COMMON.items()}
    lang = max(counts, key=lambda k: counts[k])
    others = max(n for k, n in counts.items() if k != lang)
    return lang, sum(counts.values()) >= 8 and counts[lang] >= 2 * others


# Common words of each language, Vietnamese as typed without diacritics ("ho ngheo", "nam 2023").
_COMMON = {
    "id": frozenset(("yang", "dan", "dengan", "untuk", "dari", "pada", "tahun", "ini", "adalah")),
    "en": frozenset(("the", "and", "with", "for", "from", "of", "in", "is", "was")),
    "vi": frozenset(("cua", "va", "cac", "duoc", "nhung", "trong", "la", "mot", "nam", "ho", "voi", "cho", "khong")),
}
