"""What a number counts, read from the words near it: "hộ" and "rumah tangga" are households, "persen" and "%"
a percentage, "persen poin" and "percentage points" percentage points, "Rp" before a number rupiah. A thing no
word list names ("15 cây cầu") is named by the word after the number, so that a curator sees it, not a blank.

Words are matched on folded text (`pcli.text.fold_keep`). Each unit has an id, the kind the schema gives
units (count, percent, currency) and the words that name it in the three languages, singular and plural.
"""

from __future__ import annotations

import itertools
import re
from functools import cache

from pcli.articles.scan import CURRENCY_PREFIXES, SCALES
from pcli.base.words import MONTHS
from pcli.text import fold_keep

# id: (kind, words). Longer phrases win over shorter ones ("persen poin" over "persen", "rumah tangga" over "rumah").
UNIT_WORDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "percentage_points": (
        "percent",
        (
            "percentage points",
            "percentage point",
            "percent points",
            "per cent points",
            "persen poin",
            "poin persen",
            "% poin",
            "% points",
            "% point",
            "poin persentase",
            "diem phan tram",
            "diem %",
        ),
    ),  # fmt: skip
    "percent": ("percent", ("%", "percent", "per cent", "persen", "phan tram", "pct")),
    "households": (
        "count",
        ("ho gia dinh", "ho", "households", "household", "families", "family", "rumah tangga", "keluarga", "kk"),
    ),  # fmt: skip
    "people": (
        "count",
        (
            "nguoi",
            "nhan khau",
            "doi tuong",  # beneficiaries counted: "hỗ trợ 126.000 đối tượng"
            "cu",  # elderly people: "chúc thọ 1.502 cụ"
            "people",
            "persons",
            "person",
            "residents",
            "orang",
            "penduduk",
            "jiwa",
            "warga",
            "korban",  # victims counted: "1 korban tewas"
            "victims",
            "angkatan kerja",
            "labour force",
            "labor force",
            "luc luong lao dong",
        ),
    ),  # fmt: skip
    "members": ("count", ("thanh vien", "members", "member", "anggota")),
    # a length of time, written just after the number: "đào tạo dưới 3 tháng", "under 3 months", "pelatihan 3 bulan"
    "months": ("count", ("thang", "months", "month", "bulan")),
    # "người lao động" (working people) are workers, not people: the longer phrase wins over "người"
    "workers": ("count", ("nguoi lao dong", "lao dong", "workers", "worker", "labourers", "laborers", "pekerja", "tenaga kerja")),
    "communes": ("count", ("xa, phuong", "xa", "phuong", "communes", "commune", "wards", "ward", "kelurahan")),
    "villages": ("count", ("thon", "ban", "villages", "village", "hamlets", "hamlet", "desa", "dusun", "kampung")),
    "districts": ("count", ("huyen", "quan", "districts", "district", "kabupaten", "regencies", "regency")),
    "provinces": ("count", ("tinh", "provinces", "province", "provinsi")),
    "schools": ("count", ("truong hoc", "truong", "schools", "school", "sekolah")),
    "targets": ("count", ("chi tieu", "targets", "target", "indicators")),
    # Indonesian counts houses with the classifier "unit": "298 unit rumah", "36 unit RTLH"
    "houses": ("count", ("can nha", "ngoi nha", "nha", "can", "houses", "homes", "unit rumah", "unit rtlh", "rumah")),
    "days": ("count", ("days", "day", "hari")),  # a length of time: "sudah 2 hari", "within 3 days"
    "meters": ("count", ("meters", "metres", "meter")),
    "localities": ("count", ("dia phuong", "localities", "locality")),
    "customers": ("count", ("luot khach hang", "khach hang", "customers", "customer", "nasabah", "pelanggan")),
    "jobs": ("count", ("viec lam", "jobs", "lapangan kerja")),
    "models": ("count", ("mo hinh", "models", "model")),
    "times": ("count", ("lan", "times", "kali")),
    "VND": ("currency", ("dong", "vnd", "vnd")),
    "IDR": ("currency", ("rupiah", "rp", "idr")),
    "USD": ("currency", ("usd", "us$", "dollars", "dollar", "do la", "dolar")),
}
# Labels a draft gives the units it names (en, vi, id).
UNIT_LABELS = {
    "percentage_points": ("percentage points", "điểm phần trăm", "poin persentase"),
    "percent": ("%", "%", "%"),
    "households": ("households", "hộ", "rumah tangga"),
    "people": ("people", "người", "orang"),
    "members": ("members", "thành viên", "anggota"),
    "months": ("months", "tháng", "bulan"),
    "workers": ("workers", "lao động", "pekerja"),
    "communes": ("communes", "xã", "desa"),
    "villages": ("villages", "thôn", "dusun"),
    "districts": ("districts", "huyện", "kabupaten"),
    "provinces": ("provinces", "tỉnh", "provinsi"),
    "schools": ("schools", "trường học", "sekolah"),
    "targets": ("targets", "chỉ tiêu", "target"),
    "houses": ("houses", "nhà", "rumah"),
    "days": ("days", "ngày", "hari"),
    "meters": ("meters", "mét", "meter"),
    "localities": ("localities", "địa phương", "daerah"),
    "customers": ("customers", "khách hàng", "nasabah"),
    "jobs": ("jobs", "việc làm", "lapangan kerja"),
    "models": ("models", "mô hình", "model"),
    "times": ("times", "lần", "kali"),
    "VND": ("VND", "đồng", "VND"),
    "IDR": ("rupiah", "rupiah", "rupiah"),
    "USD": ("US dollars", "đô la Mỹ", "dolar AS"),
}
# Words after a number that never name what it counts: the fallback skips them.
_NOT_UNITS = frozenset(
    """va la cua trong so voi o tai den tu nam thang ngay cho theo dat con tren duoi hon
    dan atau yang di pada ke dari dengan untuk sebesar sebanyak tahun bulan menjadi hingga sampai serta
    and or of in on at to the a an from by per with for than year years month under against including over above
    below into as since after before during within among compared versus vs which that who was were is are be been
    has have had recorded decreased increased declined fell rose reached dropped grew stood compared""".split()
) | frozenset(MONTHS)  # "26,3 juta September 2022": a month's name dates the number, it counts nothing
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)?|%")


class UnitWords:
    """A unit read near a number: its id, its kind, and the words as the text writes them."""

    __slots__ = ("id", "kind", "words")

    def __init__(self, ident: str, kind: str, words: str) -> None:
        self.id, self.kind, self.words = ident, kind, words

    def __repr__(self) -> str:
        return f"UnitWords({self.id!r}, {self.kind}, {self.words!r})"


@cache
def _phrases() -> tuple[tuple[str, str, str], ...]:
    """(folded phrase, unit id, kind), longest first."""
    rows = [(fold_keep(w), ident, kind) for ident, (kind, words) in UNIT_WORDS.items() for w in words]
    return tuple(sorted(set(rows), key=lambda row: -len(row[0])))


@cache
def _with(
    extra: tuple[tuple[str, str, str], ...],
) -> tuple[dict[str, list[tuple[str, str, str]]], tuple[tuple[str, str, str], ...]]:
    """A base's own labels among the built-in words, longest first (stable: the base's own first), by their first
    letter; and those of five letters or more, that a glued word may end with."""
    rows = sorted(extra + _phrases(), key=lambda row: -len(row[0]))
    by_first: dict[str, list[tuple[str, str, str]]] = {}
    for row in rows:
        by_first.setdefault(row[0][:1], []).append(row)
    return by_first, tuple(row for row in rows if len(row[0]) >= 5)


def slug(words: str) -> str:
    """An id for a unit named only by the text's words: "cây cầu" is "cay_cau"."""
    return re.sub(r"[^a-z0-9]+", "_", fold_keep(words)).strip("_")[:40] or "unit"


def unit_near(text: str, start: int, end: int, lang: str, extra: tuple[tuple[str, str, str], ...] = ()) -> UnitWords | None:
    """The unit the words near the number at text[start:end] name: a currency glued or just before it ("Rp 582.932",
    "VND1.5"), else a unit's words just after it (after a scale word: "1,2 triệu hộ"; in English within five
    words: "1.97 million poor and near-poor households"), else the word just after it. `extra` holds a base's own
    (folded label, unit id, kind), preferred to the built-in words of the same length."""
    window = text[max(0, start - 5) : start]
    prefix = re.search(r"(?:us\$|\$|[a-z]+)$", fold_keep(window).rstrip())
    if prefix and prefix[0] in CURRENCY_PREFIXES:
        return UnitWords(CURRENCY_PREFIXES[prefix[0]], "currency", window[prefix.start() : prefix.end()])
    tail = text[end : end + 80]
    folded = fold_keep(tail)
    at = _scaled(folded, 0, lang)  # "1,97 juta menjadi 1,87 juta orang": the unit after the to side
    fraction = _TO_NEXT.match(folded, at)  # "2/7 huyện", "48 and 8 %", "dari 1,97 juta menjadi 1,87 juta orang"
    at = _scaled(folded, fraction.end(), lang) if fraction else _scaled(folded, 0, lang)
    by_first, glued = _with(extra)
    for m in itertools.islice((m for m in _WORD.finditer(folded, at) if not _cut(folded, at, m.start())),
                              5 if lang == "en" else 1):  # fmt: skip
        for phrase, ident, kind in by_first.get(folded[m.start()], ()):
            if folded.startswith(phrase, m.start()) and _ends_word(folded, m.start() + len(phrase)):
                if ident == "months" and m.start() != at:  # "0.4 points compared with six months earlier"
                    continue
                return UnitWords(ident, kind, tail[m.start() : m.start() + len(phrase)])
        if len(m[0]) > 5:
            found = next(((i, k) for phrase, i, k in glued if m[0].endswith(phrase) and i != "months"), None)  # "poorhouseholds"
            if found:
                return UnitWords(found[0], found[1], tail[m.start() : m.end()])
    return _named(tail, folded, at, lang)


def of_rate(unit: UnitWords | None, percent: bool) -> UnitWords | None:
    """Points of a number read as a rate's ("down 0.12 percentage points …, and down 0.17 points") are percentage
    points; any other unit as it is."""
    if unit is None or not percent or fold_keep(unit.words) not in _POINTS:
        return unit
    return UnitWords("percentage_points", "percent", unit.words)


_POINTS = ("points", "point", "poin", "diem")
_TO_NEXT = re.compile(r"\s*(?:/|-|to\s|den\s|and\s|va\s|dan\s|menjadi\s|xuong con\s|xuong\s|len\s)\s*[\d.,]*\d")


def _scaled(folded: str, at: int, lang: str) -> int:
    """Where the words after a number start, past the spaces and a scale word ("1,2 triệu hộ": at "hộ")."""
    at += len(folded) - at - len(folded[at:].lstrip())
    for scale in sorted(SCALES.get(lang, {}), key=len, reverse=True):
        if folded.startswith(fold_keep(scale), at) and _ends_word(folded, at + len(scale)):
            return at + len(scale)
    return at


def _named(tail: str, folded: str, at: int, lang: str) -> UnitWords | None:
    """A unit no list names, from the word just after the number (two in Vietnamese: "cây cầu", "cơ quan")."""
    words = [m for m in _WORD.finditer(folded, at) if not _cut(folded, at, m.start())][:2]
    if not words or words[0].start() - at > 1 or words[0][0] in _NOT_UNITS or len(words[0][0]) < 2:
        return None
    second = len(words) > 1 and words[1][0] not in _NOT_UNITS and words[1].start() - words[0].end() == 1
    # two words in Vietnamese ("cây cầu"); in English a plural after a singular ("ethnic minorities")
    plural = lang == "en" and second and words[1][0].endswith("s") and not words[0][0].endswith("s")
    last = words[1] if (lang == "vi" and second) or plural else words[0]
    named = tail[words[0].start() : last.end()]
    return UnitWords(slug(named), "count", named)


def _cut(folded: str, at: int, where: int) -> bool:
    """Whether a clause ends or another number starts between the number and a word."""
    return bool(re.search(r"[;:()\d]|[.,](?:\s|$)", folded[at:where]))


def _ends_word(folded: str, end: int) -> bool:
    return end >= len(folded) or not (folded[end].isalnum() or folded[end] == "_")
