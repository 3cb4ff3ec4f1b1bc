"""Checking every number of a writer's draft against the base: supported, contradicted or unknown, with the figure
and its quote. One reader of numbers (articles/reader.py, as `extract` reads an article) and one search (the answers'
index): a number's clause is its question.

A number is *supported* when a figure of the indicator its clause speaks of, for the period the sentence or its
paragraph gives, has its value, allowing the rounding writers use ("about 2,100" for 2,134; "0.4 %" for 0.43 %);
*contradicted* when the base holds another value for that indicator and period, or holds the value only as a
target the draft writes as achieved; *unknown* when the base holds nothing for it. Numbers that are not figures
(years, dates, document numbers, ages, ordinals, list numbers) get no verdict.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator

from pcli.answer.clauses import clause_of, noun_after, own_end, restates, unwrapped, whole_sentences
from pcli.answer.draft import Draft, apart, carried, counted, may_share, record_rival
from pcli.answer.query import Query
from pcli.answer.rounding import Written
from pcli.answer.search import Searcher
from pcli.answer.wording import Measures, Words, words_of
from pcli.articles.reader import Reading, read
from pcli.articles.scan import FIGURE
from pcli.base.model import Figure
from pcli.base.periods import Period, parse_period
from pcli.base.words import UNIT_KIND_WORDS

SUPPORTED, CONTRADICTED, UNKNOWN = "supported", "contradicted", "unknown"
HELD = 0.6  # a figure holding the number answers for it if its words score this share of the best-spoken's
SPEAKS = 0.5  # the share of a clause's words an indicator must explain for the number to be about it
_KIND_WORDS = {kind: frozenset(words.split()) for kind, words in UNIT_KIND_WORDS.items()}
_KIND_OF_UNIT = {"percent": "percent", "percentage_points": "percent", "currency": "currency"}


class Verdict:
    """What the base says of one number of the draft."""

    __slots__ = ("line", "column", "start", "end", "written", "value", "verdict", "figure", "expected", "period",
                 "indicator", "note", "sentence")  # fmt: skip

    def __init__(self, reading: Reading, line: int, column: int, sentence: str) -> None:
        n = reading.number
        self.line, self.column, self.start, self.end = line, column, n.start, n.end
        self.written, self.value, self.sentence = n.written, n.value, sentence
        self.verdict = UNKNOWN
        self.figure: Figure | None = None  # the figure that supports the number, or the one that holds what it should be
        self.expected: float | None = None  # the base's value, when the number is contradicted
        self.period = reading.period
        self.indicator = ""
        self.note = ""  # a message key: why the verdict is what it is


def check(text: str, lang: str, searcher: Searcher) -> Iterator[Verdict]:
    """Every figure of the draft, judged, in reading order."""
    starts = [0, *(i + 1 for i, ch in enumerate(text) if ch == "\n")]
    import bisect

    measures = _measures(searcher)
    unwrapped_text = unwrapped(text)
    readings = [r for r in read(unwrapped_text, lang) if r.kind == FIGURE]
    draft = Draft(text, whole_sentences(unwrapped_text), [(r.number.start, r.number.end, r.qualifier) for r in readings])
    for reading in readings:
        n = reading.number
        line = bisect.bisect_right(starts, n.start) - 1
        s0, s1 = reading.sentence
        verdict = Verdict(reading, line + 1, n.start - starts[line] + 1, text[s0:s1].strip())
        _judge(verdict, reading, draft, searcher, measures)
        if verdict.verdict != UNKNOWN and _elsewhere(reading, draft, searcher):
            verdict.verdict, verdict.figure, verdict.expected, verdict.note = UNKNOWN, None, None, "check_elsewhere"
        if verdict.figure is not None:
            searcher.store.cite([verdict.figure])  # its quote, read only for the figures a verdict names
        yield verdict


def _measures(searcher: Searcher) -> Measures:
    """The base's indicators by their names, with the words that tell them apart (the search's own)."""
    from pcli.base.words import MODIFIERS

    index = searcher.index
    names = {key.split(":", 1)[1]: phrases for key, phrases in index.names.items() if key.startswith("indicator:")}
    return Measures(names, index.distinguishing, MODIFIERS)


def _judge(v: Verdict, reading: Reading, draft: Draft, searcher: Searcher, measures: Measures) -> None:
    """Judge one number, and note what it was found to speak of, for the next number of its kind in the sentence
    ("… 2,134 poor households in 2022 and 690 in 2023").

    The indicators its clause, its sentence and the number before it in the sentence speak of are the
    candidates, less those the sentence's distinguishing words rule out ("hộ nghèo" is not "hộ cận nghèo"). A
    figure of theirs that holds the number's value (as the writer rounds it) answers for it, unless the words
    speak of another indicator more; else the indicator the words speak of most is held to the number. A value
    that only a measure the sentence does not speak of holds is contradicted, never supported.
    """
    text, last = draft.text, draft.last
    s0, s1 = draft.sentence(reading)
    n = reading.number
    clause = clause_of(text, s0, s1, n.start, n.end, reading.qualifier, draft.figures)
    kind = _kind(reading, draft, (s0, s1), searcher.store.catalogue.units)
    scores, places, lent = _candidates(reading, draft, clause, kind, searcher, measures)
    v.period = draft.period(reading, clause, (s0, s1), kind, lent)
    period = _period(v.period)
    said = words_of(text[s0:s1])
    says = _KIND_WORDS.get(kind, frozenset())  # "0,43%" says "share" and "persentase" itself
    ruled = {i for i in scores if measures.ruled_out(said, i, says)}
    scores = {i: share for i, share in scores.items() if i not in ruled}
    ranked = sorted(scores, key=lambda i: -scores[i])
    noun = counted(reading) if reading.unit is not None else noun_after(text, n.end, s1)  # what the number counts
    words = words_of(clause)
    spoken = _spoken(ranked, scores, words, noun, searcher, measures)
    held = _holding(reading, ranked[:8], scores, places, period, searcher, kind, draft)
    upto = words_of(text[s0 : own_end(text, n.end, s1, draft.figures)])  # the sentence, less the next number's clause
    stands, named = _decide(reading, held, ranked, scores, words, upto, measures, searcher)
    rival = None
    if held is not None and stands:
        rival = record_rival(draft, reading, held.indicator, ranked, searcher, lambda i: measures.said_of(upto, i))
    stands, named = (False, rival) if rival is not None else (stands, named)
    if held is not None and stands:
        v.indicator = held.indicator
        _by_value(v, reading, held, period, places.get(held.indicator), searcher)
        last[kind] = ((s0, s1), (held.indicator, places.get(held.indicator)))
        return
    spoken = _of_change(named or spoken, ranked, reading, searcher)
    exact = held if named is not None and held is not None and held.value == n.value else None
    other = exact or _ruled_holding(n.value, lambda i: i in ruled or measures.ruled_out(said, i, says), searcher, kind)
    if spoken is not None:
        v.indicator = spoken
        loose = carried(reading) and apart(draft, reading, spoken, noun, searcher)
        _by_words(v, reading, (spoken, loose), period, places.get(spoken), searcher)
        last[kind] = ((s0, s1), (spoken, places.get(spoken)))
    if v.verdict != CONTRADICTED and other is not None:  # another measure's figure: "9.928 hộ nghèo"
        v.verdict, v.figure, v.indicator, v.expected, v.note = CONTRADICTED, other, other.indicator, None, "check_other_measure"
    elif spoken is None:
        v.note = "check_nothing"


def _elsewhere(reading: Reading, draft: Draft, searcher: Searcher) -> bool:
    """Whether the words that lead to the number (from the figure before it, or its sentence's start) name a place
    the base does not cover: "Neighbouring Hai Phong built 900 homes", "Tại huyện Ba Vì, 1.500 hộ". (Not a
    country named whole: "the capital of Vietnam" is the city the base covers.)"""
    s0, _ = draft.sentence(reading)
    before = [b for a, b in draft.figures if s0 <= b <= reading.number.start]
    query = draft.asked(draft.text[max([s0, *before]) : reading.number.start], searcher)
    return query is not None and bool(query.elsewhere or (query.named and not searcher.places.covers(query.named)))


def _of_change(spoken: str | None, ranked: list[str], reading: Reading, searcher: Searcher) -> str | None:
    """The measure a number is held to: a change ("up 4,601 billion on 2020") to the measure of changes of the
    same unit its words speak of, if any, rather than to the level they speak of most; a level the reverse."""
    base = searcher.store.catalogue.indicators
    if spoken is None or base[spoken].change == reading.change:
        return spoken
    unit = base[spoken].unit
    return next((i for i in ranked if base[i].change == reading.change and base[i].unit == unit), spoken)


def _kind(reading: Reading, draft: Draft, span: tuple[int, int], units: Collection[str]) -> str:
    """What the number measures: a share, an amount or a count. A number with no unit of the base's after it but
    the scale of the amount before it in its sentence is of that amount's unit, which the writer did not repeat
    ("16,567 billion dong, up 4,601 billion on 2020"; "some 7,401 billion more")."""
    n = reading.number
    if n.percent:
        return "percent"
    kind = _KIND_OF_UNIT.get(reading.unit.kind if reading.unit else "", "count")
    if kind == "currency":
        draft.amount = (span, n.scale)
    elif (reading.unit is None or reading.unit.id not in units) and n.scale > 1 and draft.amount == (span, n.scale):
        return "currency"
    return kind


def _spoken(ranked: list[str], scores: dict[str, float], clause: Words, noun: str, searcher: Searcher,
            measures: Measures) -> str | None:  # fmt: skip
    """The indicator the number's words speak of: of those they score nearly as well for as the best, one the
    clause names whole and whose unit counts what the number counts ("9,928 *poor households*"), else the best
    when it is clearly spoken of."""
    best = ranked[0] if ranked else None
    if best is None:
        return None
    near = [i for i in ranked if scores[i] >= HELD * scores[best]]
    named = next((i for i in near if measures.named(clause, i, "") and may_share(noun, i, searcher)), None)
    return named or (best if scores[best] >= SPEAKS else None)


def _candidates(reading: Reading, draft: Draft, clause: str, kind: str, searcher: Searcher,
                measures: Measures) -> tuple[dict[str, float], dict[str, str | None], bool]:  # fmt: skip
    """The indicators the number's clause and sentence speak of, with how much (its clause counts most), and the
    place their words name; the number before it in the sentence, of its kind, lends its indicator when the
    words speak clearly of none and the number names no other thing; a share whose words speak clearly of none,
    or that restates the count just before it, is of that count ("2.134 rumah tangga miskin (0,095%)", "700 rumah
    tangga atau 0,03%": its measure's name lends its words)."""
    text, last = draft.text, draft.last
    s0, s1 = draft.sentence(reading)
    n = reading.number
    scores: dict[str, float] = {}
    places: dict[str, str | None] = {}
    for weight, words in ((1.0, clause), (0.5, draft.rest((s0, s1)))):
        for indicator, share, place in _fits(draft.asked(words, searcher), searcher, kind, measures):
            scores[indicator] = scores.get(indicator, 0.0) + weight * share
            places.setdefault(indicator, place)
    before = last.get(kind)
    clear = any(share >= SPEAKS for share in scores.values())
    counted = last.get("count")
    lent = counted is not None and counted[0] == (s0, s1) and kind == "percent"
    lent = lent and (not clear or restates(text, n.start, draft.figures))  # "700 rumah tangga atau 0,03%"
    if lent and counted is not None:
        name = " ".join(_name_said(counted[1][0], words_of(text[s0:s1]), searcher))
        for indicator, share, _ in _fits(draft.asked(name, searcher), searcher, kind, measures):
            scores[indicator] = scores.get(indicator, 0.0) + share
            places.setdefault(indicator, counted[1][1])
    own_noun = noun_after(text, n.end, s1)
    if before is not None and before[0] == (s0, s1) and not clear and may_share(own_noun, before[1][0], searcher):
        indicator = before[1][0]
        scores[indicator] = scores.get(indicator, 0.0) + 0.5
        places.setdefault(indicator, before[1][1])
    return scores, places, lent


def _decide(reading: Reading, held: Figure | None, ranked: list[str], scores: dict[str, float], clause: Words,
            said: Words, measures: Measures, searcher: Searcher) -> tuple[bool, str | None]:  # fmt: skip
    """Whether the figure holding the number's value answers for it; if not, the measure the words name instead
    (None when they name none). `said` is the sentence less the clause of the number after: "… tạo việc làm cho
    53.826 lao động, trong đó nguồn vốn ủy thác giúp hơn 225.800 người có việc làm mới" says the entrusted
    capital's jobs of the number after."""
    if held is None:
        return False, None
    best = ranked[0]
    base = searcher.store.catalogue.indicators
    if reading.change != base[held.indicator].change:  # a level is no figure of a measure of changes, nor the reverse
        unit = base[held.indicator].unit
        rival = next((i for i in ranked if base[i].change == reading.change and base[i].unit == unit), None)
        if rival is not None:
            return False, rival
    elif held.indicator != best and base[best].change != reading.change:  # "up VND 6,401 billion on 2020"
        return True, None
    named = _named_instead(held.indicator, ranked, clause, said, measures, searcher)
    if named is not None and measures.said_of(said, held.indicator) > measures.said_of(said, named):
        return True, None  # a short name of the rival in a sentence that says more of the holder's
    if named is not None:
        return False, named
    return _stands_for(held.indicator, ranked, scores, clause, said, measures), None


def _stands_for(indicator: str, ranked: list[str], scores: dict[str, float], clause: Words, said: Words,
                measures: Measures) -> bool:  # fmt: skip
    """Whether the measure holding the number's value is the one its words speak of: the best-spoken; one the
    number's clause names whole where its sentence never names the best-spoken; else one its words score
    nearly as well for."""
    best = ranked[0]
    if indicator == best or (measures.named(clause, indicator, best) and not measures.named(said, best, indicator)):
        return True
    return scores[best] < SPEAKS or scores[indicator] >= HELD * scores[best]


def _named_instead(indicator: str, ranked: list[str], clause: Words, said: Words, measures: Measures,
                   searcher: Searcher) -> str | None:  # fmt: skip
    """A rival of the measure holding the value (another measure of its unit) that the number's clause names
    whole, where its sentence never names the holder: "53.826 pekerja" of "lapangan kerja" is not the jobs given
    through entrusted capital."""
    base = searcher.store.catalogue
    unit = base.indicators[indicator].unit
    return next((other for other in ranked if other != indicator and base.indicators[other].unit == unit
                 and measures.named(clause, other, indicator) and not measures.named(said, indicator, other)), None)  # fmt: skip


def _ruled_holding(value: float, ruled: Callable[[str], bool], searcher: Searcher, kind: str) -> Figure | None:
    """A figure of exactly this value of a measure the sentence's words rule out, whether they speak of it or not:
    the near-poor count written as the poor one, "0,43% rumah tangga miskin"."""
    exact = searcher.store.figures_valued(frozenset((value,)), 20)
    return next((f for f in exact if searcher.unit_kind(f.indicator) == kind and ruled(f.indicator)), None)


def _holding(reading: Reading, candidates: list[str], scores: dict[str, float], places: dict[str, str | None],
             period: Period | None, searcher: Searcher, kind: str, draft: Draft) -> Figure | None:  # fmt: skip
    """The figure that holds the number's value as the writer wrote it: of the best-spoken candidate that has
    one (the one of the period given, if it has several), else a figure of exactly that value the words do not
    speak against."""
    n = reading.number
    written = Written(n.value, n.written, reading.qualifier)
    for indicator in candidates:
        if scores[indicator] < 0.2:
            break
        held = [f for f in draft.all_of(searcher, indicator, places.get(indicator)) if written.states(f)]
        if held:  # the figure of exactly the period given, else one that stands for it, else any
            same = next((f for f in held if period is not None and f.period == period), None)
            return same or next((f for f in held if period is not None and _stands(f, period)), held[0])
    exact = [f for f in searcher.store.figures_valued(frozenset((n.value,)), 20) if searcher.unit_kind(f.indicator) == kind]
    exact = [f for f in exact if f.indicator in scores]  # one the words do not rule out ("near-poor" for "poor")
    return exact[0] if len({f.indicator for f in exact}) == 1 else None


def _by_value(v: Verdict, reading: Reading, f: Figure, period: Period | None, place: str | None, searcher: Searcher) -> None:
    """The number is the value of figure f: supported if the periods agree and f is what the draft says it is."""
    v.figure = f
    if f.status == "target" and not reading.target:
        others = [g for g in searcher.store.figures(f.indicator, [f.period], place, 20) if g.status != "target"]
        v.verdict, v.note, v.expected = CONTRADICTED, "check_target", others[0].value if others else None
        return
    whole = _whole(f, period, place, searcher) if period is not None else None
    if whole is not None:  # 714 of 2024 written for the 2022-2024 total the base holds (3,520)
        v.verdict, v.figure, v.expected, v.note = CONTRADICTED, whole, whole.value, "check_other_period"
        return
    if period is None or _stands(f, period):
        v.verdict = SUPPORTED
        return
    if carried(reading):  # the period comes from another sentence: the number's own figure stands
        v.verdict, v.period = SUPPORTED, ""
        return
    others = [g for g in searcher.store.figures(f.indicator, [period], place, 20) if _stands(g, period)]
    others = [g for g in others if g.status == f.status]
    if others:  # 2022's figure written for 2023
        v.verdict, v.figure, v.expected, v.note = CONTRADICTED, others[0], others[0].value, "check_other_period"
    else:
        v.note = "check_not_held"


def _whole(f: Figure, period: Period, place: str | None, searcher: Searcher) -> Figure | None:
    """The figure of exactly the range of years a sentence gives, when f is of a part of that range: the period a
    clause gives binds its numbers."""
    if period.start == period.end or f.period == period:
        return None
    same = searcher.store.figures(f.indicator, [period], place, 20)
    return next((g for g in same if g.period == period and g.status == f.status), None)


def _by_words(v: Verdict, reading: Reading, about: tuple[str, bool], period: Period | None, place: str | None,
              searcher: Searcher) -> None:  # fmt: skip
    """The number is said of an indicator no figure of which holds its value: contradicted by the figure of the
    period it gives, unknown when the base has none. A period carried from another sentence that the measure
    does not have is dropped ("… sekitar 810 rumah" after "Pada 2024 saja, …": the Fund's houses of 2021-2024),
    unless the number may be of another thing (`about`: the measure, and whether it may: draft.apart)."""
    indicator, loose = about
    held = searcher.store.figures(indicator, [period], place, 20) if period is not None else []
    if period is not None and carried(reading) and not any(_stands(f, period) for f in held):
        if loose and held:  # a figure of another span than the period carried: the number may be of another thing
            v.note = "check_not_held"
            return
        v.period, period = "", None
    figures = searcher.store.figures(indicator, [period] if period else [], place, 200)
    if period is not None:
        figures = [f for f in figures if _stands(f, period)]
    standing = [f for f in figures if (f.status == "target") == reading.target]
    if standing and (period is not None or len(standing) == 1):
        v.verdict, v.figure, v.expected = CONTRADICTED, standing[0], standing[0].value
        v.note = "check_other_figure" if _held_elsewhere(reading.number.value, searcher, standing[0]) else "check_other_value"
        return
    v.note = "check_no_period" if standing else "check_not_held"


def _stands(f: Figure, period: Period) -> bool:
    """Whether a figure's period is the one asked, a point in it, or a range that starts in it."""
    rank = f.period.matches(period)
    return rank is not None and (rank < 2 or f.period.start == period.start)


def _fits(query: Query | None, searcher: Searcher, kind: str, measures: Measures) -> list[tuple[str, float, str | None]]:
    """The indicators a stretch of text (asked as a query) speaks of, with how much of it they explain, of a unit
    of the number's kind; and the place the text names. A distinguishing word before a word it modifies in no
    name of the base is no mark ("căn nhà" folds as "cận" does)."""
    if query is None:
        return []
    out = []
    says = _KIND_WORDS.get(kind, frozenset()) & searcher.index.distinguishing  # "0,095%" says "share", "persentase"
    words = measures.unmarked(query.words, says)
    for fit in searcher.index.score(words, frozenset(("indicator",)), query.head, says):
        indicator = fit.key.split(":", 1)[1]
        if searcher.unit_kind(indicator) == kind and fit.share > 0:  # the best of the number's kind
            out.append((indicator, fit.share, query.place))
            if len(out) == 12:
                break
    return out


def _name_said(indicator: str, said: Words, searcher: Searcher) -> Words:
    """The name of a measure its sentence says most of: "rumah tangga miskin" of poor households."""
    names = searcher.index.names.get(f"indicator:{indicator}", [])
    return max(names, key=lambda name: sum(w in said for w in name), default=())


def _period(text: str) -> Period | None:
    if not text:
        return None
    try:
        return parse_period(text)
    except ValueError:
        return None


def _held_elsewhere(value: float, searcher: Searcher, expected: Figure) -> bool:
    """Whether the number is another figure of the base: the near-poor count written as the poor one."""
    return any(f.id != expected.id for f in searcher.store.figures_valued(frozenset((value,)), 5))
