"""Which period a number of a text belongs to, as a careful reader dates it.

A sentence's periods are its mentions: each a period the text states ("năm 2024", "Maret 2023", "cuối năm
2023"), with a role: `own` (the period of what the sentence reports) or `compare` (the other side of a comparison:
"so với (cùng kỳ) năm 2023", "terhadap Maret 2023", "dari yang bulan Maret 2023", "compared with 2020") or
`document` (a document's year: "issued in 2008"), which dates no figure. A level
takes the period written just after it ("11,74 juta orang pada Maret 2023"), the comparison it is the value of
("dibandingkan Maret 2023 yang sebesar 7,29 persen"), its clause's or its sentence's own period; a change
("giảm 1,65% so với năm 2023", "menurun 0,33 persen poin terhadap Maret 2023") spans from the compared period to
its own: 2023-2024. A sentence that states no period is dated by the lead of the paragraph ("Năm 2024, …" two
sentences earlier; "Cùng năm", "Pada tahun yang sama" say so), else by the article's first sentences.
"""

from __future__ import annotations

import re

from pcli.articles.phrases import as_of_spans, period_spans
from pcli.base.words import MONTHS
from pcli.text import fold_keep

# Words just before a period that make it the compared side ("so với" is read by the period patterns; "up VND 6,401
# billion on 2020").
_COMPARE = ("so voi", "so voi cung ky", "compared with", "compared to", "dibandingkan", "dibandingkan dengan",
            "dibanding", "ketimbang", "terhadap", "than", "dari", "from", "since", "ke", "on")  # fmt: skip
# Words between a comparison's word and its period: "than that of 2012", "dari posisi Maret 2019".
_FILL = ("nam", "tahun", "bulan", "thang", "the", "year", "yang", "pada", "periode", "cung ky", "of", "in", "ket qua",
         "that", "those", "posisi", "kondisi", "keadaan", "level", "levels", "muc", "periode yang sama", "the same period",
         "same period")  # fmt: skip
# Words just before a number that make it a change; words between them and the number that do not count (a
# currency written before it: "up VND 6,401 billion").
_CHANGE = ("giam", "tang", "turun", "menurun", "naik", "meningkat", "berkurang", "bertambah", "penurunan", "kenaikan",
           "peningkatan", "pengurangan", "reduction", "thap hon", "cao hon", "decrease",
           "decreased", "decline", "declined", "fell", "drop", "dropped", "rose", "increase", "increased", "grew",
           "reduce", "reduced", "down", "up", "by", "tang truong", "growth")  # fmt: skip
_BETWEEN = ("sebesar", "sebanyak", "khoang", "binh quan", "them", "over", "more than", "hon", "tren", "gan", "about", "of",
            "around", "nearly", "lebih dari", "sekitar", "hampir", "almost", "sekitar", "a", "an",
            "vnd", "rp", "usd")  # fmt: skip
_CLAUSE = re.compile(r"[,;:()]")
_CLAUSE_END = re.compile(r"[;:]|,\s|\.\s")
# Words that open a clause about the time the clause before it names: "…690 in 2023, when the rate was 0.03%".
_WHEN = ("when", "whereupon", "khi", "luc", "ketika", "saat", "sewaktu", "tatkala", "manakala")
# A document's or an event's date, which dates no figure: "issued in 2008", "a decision, dated 2011", "a programme it
# launched last year".
_ISSUED = (
    r" (?:issued|adopted|signed|promulgated|dated|launched|started|began|introduced|ban hanh|ky|diterbitkan"
    r"|dikeluarkan|ditetapkan|diluncurkan|dimulai)(?: (?:in|on|nam|pada|tahun))*$"  # fmt: skip
    # the poverty standard a count is made by: "theo chuẩn nghèo đa chiều giai đoạn 2022 - 2025"
    r"| chuan (?:ngheo|can ngheo)(?: da chieu)?(?: (?:giai doan|ap dung cho giai doan|cho giai doan))?$"
)
_TO = ("menjadi", "xuong con", "xuong", "len", "to", "den", "hingga")
_WHICH = re.compile(
    r",?\s*(?:(?:which|that)\s+(?:was|were|is|stood|had been)\s+(?:recorded\s+)?(?:at\s+)?|yang\s+(?:(?:hanya|mencapai"
    r"|sebesar|sebanyak|tercatat|adalah)\s+)+)(?:rp|idr|\$)?\s*"
)  # "compared to March 2024, which was 3.55", "dibandingkan dengan Agustus 2022, yang mencapai 8,42 juta"
_TO_AFTER = re.compile(r"\s(?:to|menjadi|xuong con|xuong|len)\s+(?:vnd|rp|usd|us\$|\$)?\s*\d")
_THAN_AFTER = re.compile(
    r"\s*(?:%|persen|per ?cent|percent|percentage points?|poin|points?|\s)*\s(?:(?:lower|higher|less|more|fewer|greater"
    r"|thap hon|cao hon|it hon|nhieu hon|lebih rendah|lebih tinggi|lebih sedikit|lebih banyak)\s+"
    r"(?:than|so voi|dibanding(?:kan)?|daripada|dari)\b|(?:reduction|decrease|increase|drop|rise|decline|fall)\b)"
)  # "1.8 per cent lower than that of 2012", "a 1.3 per cent reduction compared to the end of 2018"
_FROM_AFTER = re.compile(r"\s*(?:%|persen|per ?cent|percent|poin|points?|\s)*\s(?:dari|tu|from)\s+[\d]")


class Mention:
    """A period a sentence states: where (offsets in the sentence), which period, and its role."""

    __slots__ = ("start", "end", "period", "role", "level", "to_now")

    def __init__(self, start: int, end: int, period: str, role: str, level: str = "", to_now: bool = False) -> None:
        self.start, self.end, self.period, self.role = start, end, period, role
        self.level = level or period  # the period of a level it dates: "in four years through 2016" dates one of 2016
        self.to_now = to_now  # "từ năm 2016 đến nay": the years the article reports on, no programme's life

    def __repr__(self) -> str:
        return f"Mention({self.period!r}, {self.role}, {self.start})"


def _words(text: str) -> str:
    return " " + " ".join(re.sub(r"[^0-9a-z%]+", " ", text).split())


# Periods named relative to the article's date: "this year" is the year it was published, "last year" the one before.
# "Một năm sau", "2 năm trước", "dua tahun lalu" count years from another time: no period relative to the article's.
_COUNTED = r"(?<!\d )(?<!mot )(?<!hai )(?<!ba )(?<!bon )(?<!vai )(?<!may )(?<!dua )(?<!satu )"
_RELATIVE_YEARS = re.compile(
    rf"\b(?:(this year|{_COUNTED}nam nay|{_COUNTED}tahun ini)|(last year|the previous year|{_COUNTED}nam ngoai"
    rf"|{_COUNTED}nam truoc|{_COUNTED}tahun lalu|{_COUNTED}tahun sebelumnya)|(next year|{_COUNTED}nam toi|{_COUNTED}nam sau"
    rf"|{_COUNTED}tahun depan))\b"
)


# "Now" in the words of a text: the year it was published ("hiện nay", "currently", "saat ini"), and a stretch from a
# year to now ("từ năm 2016 đến nay", "since 2016 to date", "sejak 2016 hingga saat ini"): that year to the article's.
_NOW_WORDS = r"(?:hien nay|hien tai|currently|at present|saat ini|dewasa ini)"
_NOW_YEAR = re.compile(rf"\b(?<!den )(?<!toi )(?<!hingga )(?<!sampai )(?<!until )(?<!to ){_NOW_WORDS}\b")
_TO_NOW = re.compile(
    r"\b(?:tu|since|from|sejak|dari)\s+(?:nam\s+|tahun\s+|the\s+year\s+)?((?:19|20)\d\d)\s+(?:den|toi|to|until|hingga"
    r"|sampai)\s+(?:nay|now|date|kini|sekarang|" + _NOW_WORDS[3:-1] + r")\b"
)


# "So far", with no year it runs from: "tính đến nay", "từ đầu năm đến nay" (since the start of the year), "trong
# năm" (in the year, no year named), "so far this year": the year the article was published.
_SO_FAR = re.compile(r"\b(?:tu dau nam (?:den|toi) nay|tinh (?:den|toi) nay|(?<!tu )(?<!nam )(?:den|toi) nay|so far"
                     r"|trong nam(?! \d)(?! qua)(?! truoc)(?! toi)(?! sau)(?! nay))\b")  # fmt: skip


def _now_spans(folded: str, published: int) -> list[tuple[int, int, str, str]]:
    """The periods a sentence names relative to the time it was written: now, from a year to now, and so far."""
    out = [(m.start(), m.end(), f"{m[1]}-{published}", "now") for m in _TO_NOW.finditer(folded) if int(m[1]) < published]
    out += [(m.start(), m.end(), str(published), "relative") for m in _NOW_YEAR.finditer(folded)]
    far = [(m.start(), m.end(), str(published), "relative") for m in _SO_FAR.finditer(folded)]
    return out + [f for f in far if not any(a < f[1] and f[0] < b for a, b, _, _ in out)]


# A month's name written without a year ("pada Maret , mencapai …", where a page lost the year): read as the month of
# the latest year the article names it with, when it does ("… Maret 2023 … Maret 2024": 2024-03).
_BARE_MONTH = re.compile(r"(?<![\w\d])(" + "|".join(m.capitalize() for m in MONTHS) + r")\b(?![ \t]*[-/.,]?[ \t]*\d)")


def latest_months(head: str) -> dict[int, int]:
    """The latest year the text names each month with ("Maret 2024" and "Maret 2023": {3: 2024})."""
    out: dict[int, int] = {}
    for _, _, period, kind, _ in period_spans(head):
        if kind == "month" and len(period) == 7:
            month, year = int(period[5:]), int(period[:4])
            out[month] = max(out.get(month, 0), year)
    return out


def _month_spans(sentence: str, months: dict[int, int]) -> list[tuple[int, int, str, str]]:
    out = []
    for m in _BARE_MONTH.finditer(sentence):
        month = MONTHS[m[1].lower()]
        if month in months and not re.search(r"\d[ \t]*$", sentence[max(0, m.start() - 4) : m.start()]):
            out.append((m.start(), m.end(), f"{months[month]}-{month:02d}", "month"))
    return out


def mentions(
    sentence: str, blocked: tuple[tuple[int, int], ...] = (), published: int = 0, months: dict[int, int] | None = None
) -> list[Mention]:
    """The periods a sentence states, in reading order; none inside a blocked span (a date: "ngày 23 tháng 08 năm
    2019" dates a page, not a figure). When the article's year of publication is known, "this year", "last year"
    and "next year" are periods too, as are "now" ("hiện nay": that year) and "from 2016 to now" (2016 to that
    year)."""
    folded = fold_keep(sentence)
    spans = [(start, end, period, kind) for start, end, period, kind, _ in period_spans(sentence)]
    if months:
        spans += [m for m in _month_spans(sentence, months) if not any(a < m[1] and m[0] < b for a, b, _, _ in spans)]
    if published:
        for m in _RELATIVE_YEARS.finditer(folded):
            year = published + (0 if m[1] else -1 if m[2] else 1)
            spans.append((m.start(), m.end(), str(year), "relative"))
        now = _now_spans(folded, published)
        spans = [s for s in spans if not any(a <= s[0] and s[1] <= b for a, b, _, _ in now)] + now
    asof = as_of_spans(folded)  # "as of March 31, 2023": a date that is the figure's period, not the page's
    spans = [s for s in spans if not any(a < s[1] and s[0] < b for a, b, _, _ in asof)] + asof
    out = []
    for start, end, period, kind in sorted(spans):
        if kind == "asof" or not any(a < end and start < b for a, b in blocked):
            role = "compare" if kind == "since" else _role(folded, start, period)
            out.append(Mention(start, end, period, role, period[5:] if kind == "years" else "", kind == "now"))
    return out


def _role(folded: str, start: int, period: str) -> str:
    """The role of a period the words before it give: "own", "compare" ("than that of 2012") or "document"."""
    before = _words(folded[max(0, start - 40) : start])
    if len(period) == 4 and re.search(r" (?:over|above) the$", before):  # "120 percent over the 2010 levels"
        return "compare"
    if re.search(_ISSUED, before):  # "Resolution 30a issued in 2008": a document's year, no figure's
        return "document"
    while before.strip():
        if any(before.endswith(" " + w) for w in _COMPARE) and not before.endswith(" thong ke"):  # "thống kê": statistics
            return "compare"
        stripped = next((before[: -len(w) - 1] for w in _FILL if before.endswith(" " + w)), None)
        if stripped is None:
            break
        before = stripped
    return "own"


def is_change(sentence: str, start: int, lower_bound: bool = False, end: int = -1) -> bool:
    """Whether the number at `start` of the sentence is a change: "giảm 1,65%", "turun sebesar 0,57", one a
    from→to follows ("sebesar 0,42 persen dari 20,1 persen … menjadi 19,68 persen"), and, when it is a lower bound
    ("từ 6% trở lên"), "giảm từ 6%"."""
    if end >= 0 and (
        _FROM_AFTER.match(fold_keep(sentence[end : end + 40])) or _THAN_AFTER.match(fold_keep(sentence[end : end + 60]))
    ):
        return True  # "sebesar 0,42 persen dari 20,1 persen …", "1.8 per cent lower than that of 2012"
    if _listed_change(sentence, start):
        return True
    before = _words(fold_keep(sentence[max(0, start - 40) : start]))
    ranged = end >= 0 and re.match(r"\s*[-–]\s*\d", sentence[end : end + 6])  # "giảm thêm từ 1-1,5%"
    between = (*_BETWEEN, "tu") if lower_bound or ranged else _BETWEEN
    for _ in range(3):
        if any(before.endswith(" " + w) for w in _CHANGE):
            return True
        stripped = next((before[: -len(w) - 1] for w in between if before.endswith(" " + w)), None)
        if stripped is None:
            return False
        before = stripped
    return False


# Nouns that name a change ("the largest decrease", "penurunan tertinggi", "mức giảm"), and the words that open the
# list of what a subject is ("… adalah Papua 0,98%, NTB 0,68%", "… are A 2%, B 1%", "… là huyện A 3%").
CHANGE_NOUNS = ("penurunan", "kenaikan", "peningkatan", "pengurangan", "decrease", "decreases", "increase", "increases",
                "reduction", "reductions", "decline", "declines", "drop", "drops", "rise", "rises", "fall", "falls",
                "muc giam", "muc tang", "ty le giam", "toc do giam", "toc do tang")  # fmt: skip
_LIST_OPEN = re.compile(r"\b(?:adalah|ialah|yaitu|yakni|antara lain|la|gom|bao gom|are|were|is|was|namely|include|includes)"
                        r"\b")  # fmt: skip
_LEVEL_WORDS = re.compile(r"\b(?:menjadi|dari|to|from|tu|xuong|con|len|tinggal)\b")


def _listed_change(sentence: str, start: int) -> bool:
    """Whether the number is in what a subject that names a change is said to be ("the provinces with the largest
    decrease are Papua 0.98%, NTB 0.68%", "penurunan tertinggi adalah Papua 0,98%"): a change, though no change
    word stands just before it; not when the list is a from→to or says what the change led to ("turun menjadi 9%"),
    nor when a clause comes between the list's opening word and its first item ("… are sustainable, with 98%")."""
    folded = fold_keep(sentence[:start])
    opened = list(_LIST_OPEN.finditer(folded))
    if not opened:
        return False
    listed = folded[opened[-1].end() :]
    first = re.split(r"\d", listed)[0]
    if _LEVEL_WORDS.search(listed) or re.search(r"[,;:()]", first):
        return False
    near = " ".join(_words(folded[: opened[-1].start()]).split()[-6:])
    return any(f" {w} " in f" {near} " for w in CHANGE_NOUNS)


_CHANGED = re.compile(
    r"^\s*(?:[a-z]+\s+){0,5}?(?:yang|that|which|whose|where|with|co|da|saw|recorded|mengalami)\s+(?:[a-z]+\s+){0,4}?"
    r"(?:turun|naik|menurun|meningkat|berkurang|bertambah|giam|decreased|increased|fell|rose|declined|dropped|"
    + "|".join(CHANGE_NOUNS)
    + r")\b"
)


def counts_changed(sentence: str, end: int) -> bool:
    """Whether a count is of things that changed ("33 provinces that saw a decrease", "33 provinsi yang mengalami
    penurunan", "12 xã có tỷ lệ nghèo giảm"): a level, but of the time the change spans."""
    clause = re.split(r"[;:()]|[,.](?:\s|$)", fold_keep(sentence[end : end + 120]))[0]
    return bool(_CHANGED.match(" ".join(re.sub(r"[^a-z]+", " ", clause).split()) + " "))


def range_ends(sentence: str, used: list[Mention]) -> tuple[str, ...]:
    """The periods the first own range of two months or dates opens and closes ("Maret 2023–Maret 2024": 2023-03
    and 2024-03), or () when the sentence's own periods are not one such range."""
    own = [m for m in used if m.role == "own"]
    if len(own) != 1:
        return ()
    sides = re.split(r"\s*(?:[-–—]|\b(?:hingga|sampai|to|until|den|đến)\b)\s*", sentence[own[0].start : own[0].end])
    ends = [next((p for _, _, p, _, _ in period_spans(side)), "") for side in sides]
    return (ends[0], ends[1]) if len(ends) == 2 and all(len(e) >= 7 for e in ends) and ends[0] < ends[1] else ()


def span(first: str, last: str) -> str:
    """The range between two periods' years ("2023-03" and "2024-03": "2023-2024"); two points of one year span
    that year ("Maret 2019" and "September 2019": 2019); "" for one period."""
    a, b = sorted((int(first[:4]), int(last[:4])))
    return f"{a}-{b}" if a < b else "" if first == last else str(a)


def date_change(sentence: str, start: int, found: list[Mention], lead: str) -> tuple[str, list[Mention]]:
    """A change's period, with the mentions that state it: from the period it is compared with to its own (the
    nearest own period before it in its clause, else the sentence's, else the paragraph's lead); a from→to of two
    periods spans both, also when it follows a change its own period opens ("pada Maret 2024 turun 0,2 ribu, dari …
    Maret 2023 menjadi … Maret 2024"); a change written after its own period ("năm 2024 giảm 6,26%") is that period's."""
    own = [m for m in found if m.role == "own"]
    compare = [m for m in found if m.role == "compare"]
    clause = _clause_start(sentence, start)
    near = next((m for m in reversed(own) if clause <= m.start < start), None)
    other = next((m for m in compare if m.start > start), None) or (compare[-1] if compare else None)
    if other is not None:
        base = near or (own[0] if own else None)
        stretch = span(other.period, base.period if base else lead) if (base or lead) else ""
        return (stretch, [other, *([base] if base else [])]) if stretch else ("", [])
    later = [m for m in own if m.start > start]  # "turun 0,2 ribu orang, dari 92,11 … Maret 2023 menjadi … Maret 2024"
    if near is not None and len({m.period for m in later}) > 1 and _to_word(sentence[later[0].end : later[-1].start]):
        first, last = min(later, key=lambda m: m.period), max(later, key=lambda m: m.period)
        return span(first.period, last.period), [first, last]
    if near is not None:
        return near.period, [near]
    if len({m.period for m in own}) > 1:  # "dari 15,81 juta pada Maret 2018 menjadi 15,54 juta pada September 2018"
        first, last = min(own, key=lambda m: m.period), max(own, key=lambda m: m.period)
        return span(first.period, last.period), [first, last]
    return (own[0].period, [own[0]]) if own else ("", [])


def date_level(sentence: str, start: int, end: int, found: list[Mention]) -> tuple[str, list[Mention]]:
    """A level's period, with the mention that states it: written just after it, the comparison it is the value
    of, else its clause's own period, else, in a clause that opens with "when" ("khi", "ketika"), the period just
    before it, else its sentence's first or only own period."""
    after = next((m for m in found if m.start >= end), None)
    if after is not None and after.role == "own" and _adjacent(sentence[end : after.start]):
        return after.period, [after]
    to = _TO_AFTER.search(fold_keep(sentence), end) if _from_before(sentence, start) else None
    if to is not None and after is not None and after.role == "own" and after.end <= to.start():
        return after.period, [after]  # "from VNĐ700,000 … in rural areas, applicable in the 2016-2020 period, to …"
    before = next((m for m in reversed(found) if m.end <= start), None)
    if (
        before is not None
        and before.role == "compare"
        and (_adjacent(sentence[before.end : start], 30) or _WHICH.fullmatch(fold_keep(sentence[before.end : start])))
    ):  # "dibandingkan Maret 2023 yang sebesar 7,29 persen", "compared to March 2024, which was recorded at 3.55"
        return before.period, [before]
    own = [m for m in found if m.role == "own" and not (m.end <= start and deadline(sentence, m))]
    clause = _clause_start(sentence, start)
    mine = next((m for m in reversed(own) if clause <= m.start < start), None)
    if mine is not None and _to_word(sentence[mine.end : start]) and _from_before(sentence, mine.start):
        # "dari 10,06 persen pada September 2022 menjadi 10,08 persen": that period is the from side
        mine = next((m for m in own if m.start < start and m.period != mine.period), None)
        return (mine.period, [mine]) if mine else ("", [])
    if mine is None:  # "…, lalu turun menjadi 690 rumah tangga (0,03%) pada tahun 2023": later in its own clause
        cut = _CLAUSE_END.search(sentence, end)  # a parenthesis after the number does not end its clause
        stop = cut.start() if cut else len(sentence)  # nor inside a parenthesis opened after it ("(giảm từ … 2023")
        mine = next((m for m in own if end <= m.start < stop and not _opened(sentence[end : m.start])), None)
    if mine is None and _when(sentence[clause:start]):  # "690 in 2023, when the rate stood at 0.03%": 2023's
        mine = next((m for m in reversed(own) if m.end <= clause), None)
    mine = mine or next((m for m in own if m.start < start), None)
    if mine is None and len({m.period for m in own}) == 1 and clause <= own[0].start < _clause_end(sentence, start):
        mine = own[0]
    return (mine.period, [mine]) if mine else ("", [])


def _when(clause: str) -> bool:
    """Whether a clause opens with a word that refers to the time just named ("when", "khi", "ketika")."""
    words = _words(fold_keep(clause)).split()
    return bool(words) and words[0] in _WHEN


def _to_word(between: str) -> bool:
    words = _words(fold_keep(between)) + " "
    return any(f" {w} " in words for w in _TO if w not in ("den", "hingga"))


def _opened(between: str) -> bool:
    return between.count("(") > between.count(")")


def _from_before(sentence: str, start: int) -> bool:
    words = _words(fold_keep(sentence[max(0, start - 40) : start])) + " "
    return any(f" {w} " in words for w in ("dari", "tu", "from"))


def _clause_end(sentence: str, start: int) -> int:
    m = _CLAUSE.search(sentence, start)
    return m.start() if m else len(sentence)


def _adjacent(between: str, reach: int = 40) -> bool:
    """Whether nothing parts a number from a period: no other number, clause break or comparison word."""
    words = _words(fold_keep(between))
    return (len(between) <= reach and not re.search(r"\d|[;()]|,\s", between)
            and not any(f" {w} " in words + " " for w in _COMPARE))  # fmt: skip


def _clause_start(sentence: str, start: int) -> int:
    cuts = [m.end() for m in _CLAUSE.finditer(sentence, 0, start)]
    return cuts[-1] if cuts else 0


# A sentence that gives the figure just said as it was at another time: "con số này của năm 2021", "this figure in
# 2021 was", "angka tersebut pada 2021".
_BACK_REFERENCE = re.compile(r"\b(?:con so (?:nay|do|tren)|(?:this|that|the same) (?:figure|rate|number)|angka (?:ini|itu"
                             r"|tersebut))\s+(?:cua|of|for|in|pada|tahun|nam|vao)\b")  # fmt: skip


_GOAL = re.compile(r"\b(?:targets?|aims?|goals?|plans?|strives?|muc tieu|phan dau|ditargetkan|menargetkan|target)\b")
_BY = re.compile(r"\s(?:by|before)\s*$")


def deadline(sentence: str, m: Mention) -> bool:
    """Whether a year is a goal's deadline ("The country targets to cut the rate to 4% by 2020"): it dates the goal,
    not what the sentence says after it ("…, from the current rate of 9.45%") nor the sentences after it."""
    before = fold_keep(sentence[: m.start])
    return bool(_BY.search(before) and _GOAL.search(before))


def sentence_lead(found: list[Mention], sentence: str) -> Mention | None:
    """The period a sentence reports on, that dates the sentences after it: its first own period, or the end of a
    from→to ("dari 13,29% pada Maret 2023 menjadi 12,72% pada Maret 2024"); never a goal's deadline."""
    own = [m for m in found if m.role == "own" and not deadline(sentence, m)]
    folded = fold_keep(sentence)
    if _BACK_REFERENCE.search(folded):
        return None  # "Con số này của năm 2021 là 25,91%": the figure just said, as it was then, dates nothing after
    ends = [m for i, m in enumerate(own) if i and any(f" {w} " in _words(folded[own[i - 1].end : m.start]) + " "
                                                      for w in _TO)]  # fmt: skip
    return ends[-1] if ends else (own[0] if own else None)
