"""The number reader a curator's draft and a checker share: each number of a text with its kind, value in base
units, unit, qualifier, period, whether it is a change or a goal, and the passages that state its period.

`read(text, lang)` reads a whole text; `Reader` reads an article a paragraph at a time (so that a large file
streams), keeping what dates the sentences that state no period: the paragraph's lead, the article's first
sentences. It knows nothing of a fact base: `units` may add a base's own unit labels.
"""

from __future__ import annotations

import re
from collections import Counter

from pcli.articles.around import (
    CLAUSE_END,
    after_from,
    bare,
    bare_units,
    counts_people,
    dates,
    difference,
    from_year_before,
    heading,
    link_heading,
    linking,
    parted,
    published,
    side_of,
    unit_of_from,
)
from pcli.articles.dating import (
    Mention,
    counts_changed,
    date_change,
    date_level,
    is_change,
    latest_months,
    mentions,
    range_ends,
    sentence_lead,
    span,
)
from pcli.articles.headline import HEAD, headed, one_line, restate
from pcli.articles.phrases import converted_from, qualifier_before
from pcli.articles.relative import (
    compared_value,
    earlier,
    months_back,
    previous_term,
    quarter_year,
    shifted,
    without_comparisons,
)
from pcli.articles.says import (
    ABOVE,
    CHANGE_NOUNS,
    DEFINES,
    GAP,
    RELATIVE,
    SAME,
    START_OF_YEAR,
    UNRESOLVED,
    document_goal,
    goal,
    named_programme,
    programme,
    says,
    undated,
)
from pcli.articles.scan import FIGURE, Number, scan
from pcli.articles.sentences import sentences
from pcli.articles.units import UnitWords, of_rate, unit_near
from pcli.text import fold_keep

_OR = re.compile(r"\s*(?:%|persen|per ?cent|percent|poin|points?|\s)*\s*(?:atau|or|hay|hoac|tuc la|tuong duong(?: voi)?)\s+$")
_RANGE = re.compile(r"\s*%?\s*[-–—]\s*")  # "3 – 4%", "3.5-5%"
_YEAR_END = re.compile(r"\d{4}-12-31")
_RANGE_WORDS = re.compile(r"\s*(?:hingga|sampai|den|toi|to)\s*")
_PARAGRAPH = re.compile(r"\n[ \t]*\n\s*")


class Passage:
    """A stretch of the article that states a period: its text and where it starts in the article."""

    __slots__ = ("period", "text", "start", "whole", "ends")

    def __init__(self, period: str, text: str, start: int, whole: bool = False, ends: tuple[str, str] = ("", "")) -> None:
        self.period, self.text, self.start = period, text, start
        self.whole = whole  # it dates the whole article, the sentences before it too
        self.ends = ends  # a change's: the periods it is from and to ("2023-03", "2024-03")


class Reading:
    """One number of a text, read. Offsets are the article's when the reader was given them."""

    __slots__ = ("number", "unit", "qualifier", "period", "change", "target", "sentence", "dated_by")

    def __init__(self, number: Number, sentence: tuple[int, int]) -> None:
        self.number, self.sentence = number, sentence
        self.unit: UnitWords | None = None
        self.qualifier = self.period = ""
        self.change = self.target = False
        self.dated_by: list[Passage] = []  # the passages that state the period, when it is not in the sentence

    @property
    def kind(self) -> str:
        return self.number.kind

    def __repr__(self) -> str:
        unit = self.unit.id if self.unit else ""
        return f"Reading({self.number.written!r}, {self.kind}, {self.number.value}, {unit!r}, {self.period!r})"


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause of text around start..end (offsets)."""
    before = [m.end() for m in CLAUSE_END.finditer(text, 0, start)]
    after = CLAUSE_END.search(text, end)
    return (before[-1] if before else 0), (after.start() if after else len(text))


class Reader:
    """Reads the paragraphs of one article in order."""

    def __init__(
        self,
        lang: str,
        units: tuple[tuple[str, str, str], ...] = (),
        article: Passage | None = None,
        published: int = 0,
        months: dict[int, int] | None = None,
    ) -> None:
        self.lang, self.units, self.article, self.published = lang, units, article, published
        self.months = months  # the latest year the article names each month with, for a month named without one
        self.lead: Passage | None = None  # the period the paragraph so far reports on
        self.last: Passage | None = None  # the last lead of any paragraph, for "Cùng năm"
        self.moved: Passage | None = None  # the last change's range in this paragraph
        self.first_moved: Passage | None = None  # the article's first change's range, for changes no paragraph dates
        self.same = self.relative = self.link = False  # the sentence says "Cùng năm"; "recently"; links elsewhere
        self.prior: Reading | None = None  # the last figure read
        self.pair: Passage | None = None  # the paragraph's last from→to of levels that states its periods
        self.from_level = ""  # the period of the from side just read
        self.quarter = ""  # the year of the last quarter the article named ("quý I/2023"), which dates no figure

    def paragraph(self, text: str, offset: int = 0, numbers: list[Number] | None = None) -> list[Reading]:
        """Every number of one paragraph, read; offset is where the paragraph starts in the article; numbers, if
        given, are scan's of this text (left as they are: the readings hold copies at the article's offsets)."""
        self.lead = self.moved = self.prior = self.pair = None
        links = False  # after a heading of links ("Other News"), every line is another article's headline
        self.from_level = ""
        numbers = scan(text, self.lang) if numbers is None else numbers
        blocked = dates(text, numbers)
        out: list[Reading] = []
        at = 0
        for s0, s1 in sentences(text):
            sentence = text[s0:s1]
            found = mentions(sentence, tuple((a - s0, b - s0) for a, b in blocked), self.published, self.months)
            self.quarter = quarter_year(sentence) or self.quarter
            self.same = says(sentence, SAME)
            relative = UNRESOLVED if self.published else RELATIVE  # not "dibanding tahun sebelumnya": of the figure's
            self.relative = says(sentence, relative) and says(without_comparisons(sentence), relative)
            links = links or link_heading(sentence)
            self.link = links or linking(sentence)
            self.lead = None if self.relative else self.lead  # "tahun lalu": a period the text does not name ends it
            if s0 and heading(text, s0):  # a heading or caption inside a paragraph starts another section
                self.lead = self.moved = self.pair = None
                self.from_level = ""
            first = len(out)
            while at < len(numbers) and numbers[at].start < s1:
                n = numbers[at]
                at += 1
                reading = Reading(n, (s0 + offset, s1 + offset))
                if n.kind == FIGURE:
                    self._figure(reading, text, sentence, s0, found, offset)
                out.append(reading)
            difference([r for r in out[first:] if r.kind == FIGURE], sentence, s0)
            lead = sentence_lead([m for m in found if not programme(m)], sentence) or sentence_lead(
                [m for m in found if not named_programme(m, sentence)], sentence
            )
            if lead is not None and not self.link:
                c0, c1 = _clause(sentence, lead.start, lead.end)
                self.lead = self.last = Passage(lead.period, sentence[c0:c1].strip(), s0 + c0 + offset)
        for n in numbers[at:]:
            out.append(Reading(n, (offset + n.start, offset + n.end)))
        for r in out:  # a copy at the article's offsets: the numbers given stay the paragraph's
            n = r.number
            r.number = Number(n.start + offset, n.end + offset, n.written, n.kind, n.value, n.percent, n.scale)
        return out

    def _figure(self, r: Reading, text: str, sentence: str, s0: int, found: list[Mention], offset: int) -> None:
        n = r.number
        rel = n.start - s0
        r.unit = unit_near(text, n.start, n.end, self.lang, self.units)
        r.qualifier = qualifier_before(text, n.start)
        prior, self.prior = self.prior, r
        near = prior if prior is not None and prior.number.start >= s0 else None  # the figure before, in the sentence
        if near is not None and (
            near.number.start == converted_from(text, n.start)
            or _RANGE.fullmatch(text, near.number.end, n.start)
            or (near.change and _OR.match(fold_keep(text[near.number.end : n.start])))
            or (_RANGE_WORDS.fullmatch(fold_keep(text[near.number.end : n.start])) and not after_from(text, near.number.start))
        ):  # "VND700,000 ($31.40)", "giảm khoảng 3 – 4%", "turun 0,14% atau 360 ribu orang": one amount, one period
            r.change, r.target, r.period, r.dated_by = near.change, near.target, near.period, list(near.dated_by)
            return
        r.unit = of_rate(r.unit, n.percent)  # "… percentage points, and down 0.17 points"
        if r.unit is None and near is not None and near.unit is not None and near.unit.kind == "count":
            r.unit = near.unit  # "1,250 poor households … against a target of 1,000": what is counted is said once
        r.unit = r.unit or unit_of_from(text, n.end, self.lang, self.units)
        r.change = (r.unit is not None and r.unit.id == "percentage_points") or is_change(
            sentence, rel, r.qualifier == "at_least", n.end - s0
        )
        r.target = goal(sentence[:rel])
        if undated(text[n.end : n.end + 40], r.unit.id if r.unit else "") or self._of_a_document(sentence, rel, found):
            return  # "2 kali setiap tahun", "3.64 MB", "mục tiêu Nghị quyết … giảm 3-4%/năm": of no period the text says
        lead = None if self.link else self._lead(s0 + offset, one_line(text) or self._opens(text, s0, offset))
        back = months_back(sentence) if r.change else compared_value(sentence, rel)  # "dibanding … enam bulan sebelumnya"
        if back and self._back(r, sentence, s0 + offset, found, lead, back):
            return
        if time := earlier(sentence, rel, n.end - s0):  # what dates the sentence does not date it
            terms = [m.period for m in found if m.role == "own" and programme(m)] + [lead.period if lead else ""]
            r.period = previous_term(terms[0]) if time == "term" else ""  # "in the previous term"
            return
        if r.change and says(sentence, START_OF_YEAR) and self._of_its_year(r, sentence, s0 + offset, found, lead):
            return  # "giảm 0,68% so với đầu năm": a change within the year
        self._date(r, sentence, s0, found, offset, None if self.relative else lead)
        r.period = from_year_before(text, near, r) or r.period  # "năm 2022 là 4,03%, giảm 1,17%": since 2021

    def _of_a_document(self, sentence: str, rel: int, found: list[Mention]) -> bool:
        """Whether the number is a document's goal that no period after the goal's words dates."""
        at = document_goal(sentence[:rel])
        return at >= 0 and not any(m.role == "own" and m.start >= at for m in found)

    def _date(self, r: Reading, sentence: str, s0: int, found: list[Mention], offset: int, lead: Passage | None) -> None:
        """A figure's period from its sentence's mentions, else carried from what dates the sentence."""
        rel, end = r.number.start - s0, r.number.end - s0
        # a gap between two places is of one period; "selisih penurunan" is a change's amount
        over_time = r.change and not (says(sentence[:rel], GAP) and not says(sentence[:rel], CHANGE_NOUNS))
        over_time = over_time or (r.unit is not None and r.unit.kind == "count" and counts_changed(sentence, end))
        side = -1 if over_time else side_of(sentence, rel, end)
        ends = self.pair or self.moved or (self.first_moved if self.lead is None else None)
        if side >= 0 and ends is not None and ends.ends[side] and bare(sentence, rel, end, side, found):
            r.period, r.dated_by = ends.ends[side], [ends]  # "… while in rural parts it fell from 22.1 to 13.6 percent"
            return
        if over_time:
            r.period, used = date_change(sentence, rel, found, lead.period if lead else "")
            if r.period and lead and not any(m.role == "own" for m in used):
                r.dated_by.append(lead)
        else:
            r.period, used = date_level(sentence, rel, end, found)
            if len(used) == 1 and used[0].level != r.period and parted(sentence, used[0], rel):
                r.period = used[0].level  # "in two years through 2016 declined …, though their rate at 44.6%": of 2016
            self._pairs(side, r.period, sentence, s0 + offset)
        for m in used:
            c0, c1 = _clause(sentence, m.start, m.end)
            r.dated_by.append(Passage(m.period, sentence[c0:c1].strip(), s0 + c0 + offset))
        if r.period:
            if over_time and _YEAR_END.fullmatch(r.period):
                r.period = r.period[:4]  # "đến cuối năm 2022 … giảm thêm 1%": the change over that year
            if over_time:
                self._moved_by(r.period, used, lead, sentence, s0 + offset)
            return
        if self.link or (any(m.role == "document" and m.start < rel for m in found) and not any(m.role == "own" for m in found)):
            return  # "according to a decision dated 2011": the document dates it, not the paragraph's lead
        moved = self.moved or (self.first_moved if self.lead is None else None)
        if lead is not None and lead is self.article and says(sentence, DEFINES):
            return  # "poor households are those with income below VND400,000": a standard, not the article's statistic
        yearly = lead is not None and len(lead.period) == 4  # a change in a year its lead names is that year's
        carried = (moved if over_time and not yearly else None) or lead
        if carried is not None:
            r.period, r.dated_by = carried.period, [carried]
            if over_time and _YEAR_END.fullmatch(r.period):
                r.period = r.period[:4]

    def _back(self, r: Reading, sentence: str, at: int, found: list[Mention], lead: Passage | None, months: int) -> bool:
        """A change compared with a time that many months before its own period ("the same period last year", "six
        months earlier"): from then to its sentence's own period, else its lead's; a level, the value compared
        with: of then."""
        own = next((m for m in found if m.role == "own"), None)
        base = own.period if own else lead.period if lead else self.quarter if r.change else ""  # of a quarter's year
        start = shifted(base, months)
        if not start:
            return False
        r.period = span(start, base) if r.change else start  # a level is the value compared with: of then
        r.dated_by = [Passage(own.period, sentence.strip(), at)] if own else [lead] if lead else []
        if r.change:
            self._moved(Passage(r.period, sentence.strip(), at, ends=(start, base)))
        return True

    def _pairs(self, side: int, period: str, sentence: str, at: int) -> None:
        """Keep the periods of a from→to of levels ("from 5.4 percent in 2012 to 1.6 percent in 2016")."""
        if side == 0:
            self.from_level = period
        elif side == 1 and period and self.from_level and self.from_level != period:
            self.pair = Passage(period, sentence.strip(), at, ends=(self.from_level, period))

    def _of_its_year(self, r: Reading, sentence: str, at: int, found: list[Mention], lead: Passage | None) -> bool:
        """A change since the start of the year: of the year its sentence (else its lead) names."""
        own = next((m for m in found if m.role == "own"), None)
        year = own.period[:4] if own else lead.period[:4] if lead else ""
        if not year.isdigit():
            return False
        r.period = year
        r.dated_by = [Passage(own.period, sentence.strip(), at)] if own else [lead] if lead else []
        return True

    def _moved_by(self, period: str, used: list[Mention], lead: Passage | None, sentence: str, at: int) -> None:
        """Keep a change's range, and the periods it is from and to, for the changes and from→to after it."""
        compare = next((m.period for m in used if m.role == "compare"), "")
        own = [m.period for m in used if m.role == "own"]
        ends = (compare, own[0] if own else lead.period if lead else "") if compare else tuple(own) if len(own) == 2 else ()
        ends = ends or range_ends(sentence, used)  # "pada periode Maret 2023–Maret 2024, … turun"
        if len(ends) == 2 and all(ends):
            self._moved(Passage(period, sentence.strip(), at, ends=(ends[0], ends[1])))
        elif "-" in period and len(period) == 9:
            self._moved(Passage(period, sentence.strip(), at))

    def _moved(self, passage: Passage) -> None:
        self.moved = passage
        self.first_moved = self.first_moved or passage

    def _opens(self, text: str, s0: int, offset: int) -> bool:
        """Whether the article's opening period is stated later on the line of the sentence at s0, at most 300
        characters on (a sentence or two): a long paragraph's late "In 2011, …" does not date its first sentence."""
        end = text.find("\n", s0)
        return self.article is not None and text.rfind("\n", 0, s0) + 1 + offset <= self.article.start < (
            min(end if end >= 0 else len(text), s0 + 300) + offset
        )

    def _lead(self, at: int, headline: bool) -> Passage | None:
        """What dates a sentence that states no period: the paragraph's lead, the last paragraph's for "Cùng năm",
        else the article's first sentences (for the sentences after them, and a headline or the sentences of
        their own line before them)."""
        article = self.article if self.article and (at >= self.article.start or headline or self.article.whole) else None
        if self.same:
            return self.lead or self.last or article
        return self.lead or article


def article_period(head: str, lang: str, year: int = 0, months: dict[int, int] | None = None) -> Passage | None:
    """The period the article reports on: the first own period of its first three sentences that hold a figure,
    else of the sentences before its first figure ("… công bố kết quả rà soát hộ nghèo năm 2023 …"), else the one
    most of its sentences report on (twice at least: "Maret 2024" in every paragraph but the first). `year` is the
    year it was published, for "this year"."""
    figures = titled = 0
    leads: list[Passage] = []
    opening: Passage | None = None
    for s0, s1 in sentences(head):
        sentence = head[s0:s1]
        numbers = scan(sentence, lang)
        found = mentions(sentence, dates(sentence, numbers), year, months)
        lead = sentence_lead([m for m in found if not programme(m)], sentence)
        passage = None
        above = figures > 0 and not leads and says(sentence, ABOVE)  # "Berdasarkan data tersebut, … Maret 2023"
        if lead is not None and not linking(sentence):
            c0, c1 = _clause(sentence, lead.start, lead.end)
            passage = Passage(lead.period, sentence[c0:c1].strip(), s0 + c0, whole=above)
        if not any(n.kind == FIGURE for n in numbers):
            opening = opening or (passage if figures == titled or above else None)
            continue
        leads += [passage] if passage else []
        figures, titled = figures + 1, titled + (s1 <= head.find("\n"))  # a headline's: the lead after it opens
        if figures <= 3 and leads:
            return leads[0]
        if figures == 3 and opening:
            return opening
    if opening:
        return opening
    counts = Counter(p.period for p in leads)
    common = max(counts, key=lambda period: counts[period], default="")
    first = next((p for p in leads if p.period == common), None)
    return Passage(first.period, first.text, first.start, whole=True) if first and counts[common] >= 2 else None


def read(text: str, lang: str, units: tuple[tuple[str, str, str], ...] = ()) -> list[Reading]:
    """Every number of a whole text, read, in reading order."""
    year, months = published(text), latest_months(text[:HEAD])
    reader = Reader(lang, units, article_period(text[:HEAD], lang, year, months), year, months)
    out: list[Reading] = []
    tops: list[Reading] = []  # the figures of the head's headlines, dated by the body that states them again
    at = 0
    for m in [*_PARAGRAPH.finditer(text), None]:
        end = m.start() if m else len(text)
        readings = reader.paragraph(text[at:end], at)
        tops += headed(text[at:end], at, readings) if at < HEAD else []
        out += readings
        at = m.end() if m else len(text)
    top = {id(r) for r in tops}
    restate(tops, [r for r in out if r.number.start < HEAD and id(r) not in top])
    bare_units(out, counts_people(text[:HEAD]))
    return out
