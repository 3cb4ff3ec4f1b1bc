"""Answering a question in English, Vietnamese or Indonesian with the figures that fit it best."""

from __future__ import annotations

import re
from typing import NamedTuple

from pcli.model import Figure, Indicator
from pcli.periods import Period, parse_period
from pcli.store import Store, figure_order
from pcli.text import fold

# Words that carry no meaning for a lookup, in the three languages (folded: "năm" is "nam").
FILLER = frozenset("""
a an the of in on at by for to from and or with as is are was were be been how many much what which who
there number total figure figures value data about all city hanoi ha noi
nam cua la co bao nhieu trong va so tai o den vao nhung cac mot duoc thanh pho
tahun di pada dan yang dari untuk ke jumlah berapa ada dalam kota ini itu sebuah
""".split())

# "end of 2024", "cuối năm 2024", "akhir tahun 2024": a point in time, not the whole year.
_END_WORDS = r"(?:end of|cuoi nam|cuoi|akhir tahun|akhir)"
_START_WORDS = r"(?:start of|beginning of|dau nam|dau|awal tahun|awal)"
_RANGE = re.compile(r"\b((?:19|20)\d\d)\s+(?:to\s+|den\s+|hingga\s+|sampai\s+)?((?:19|20)\d\d)\b")
_POINT = re.compile(rf"\b({_END_WORDS}|{_START_WORDS})\s+((?:19|20)\d\d)\b")
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")


class Query(NamedTuple):
    text: str
    words: tuple[str, ...]
    periods: tuple[Period, ...]
    place: str | None


class Match(NamedTuple):
    figure: Figure
    score: float
    period_rank: int


def parse_query(text: str, places: list[str]) -> Query:
    folded = fold(text)
    periods: list[Period] = []

    def take(period: Period) -> str:
        if period.text not in {p.text for p in periods}:
            periods.append(period)
        return " "

    # "2022-2024" folds to "2022 2024": two years side by side are a range.
    folded = _POINT.sub(lambda m: take(parse_period(f"{m[2]}-{'12-31' if re.match(_END_WORDS, m[1]) else '01-01'}")),
                        folded)
    folded = _RANGE.sub(lambda m: take(parse_period(f"{m[1]}-{m[2]}")) if m[1] < m[2] else f" {m[1]} {m[2]} ", folded)
    folded = _YEAR.sub(lambda m: take(parse_period(m[1])), folded)
    words = folded.split()
    place = None
    for candidate in places:
        name = fold(candidate).split()
        if name and _contains(words, name):
            place = candidate
            words = _remove(words, name)
            break
        joined = "".join(name)
        for i in range(len(words) - 1):  # "ha noi" for "Hanoi"
            if words[i] + words[i + 1] == joined:
                place, words = candidate, words[:i] + words[i + 2:]
                break
        if place:
            break
    meaningful = tuple(w for w in words if w not in FILLER and not w.isdigit())
    return Query(text, meaningful, tuple(periods), place)


def _contains(words: list[str], name: list[str]) -> bool:
    return any(words[i:i + len(name)] == name for i in range(len(words) - len(name) + 1))


def _remove(words: list[str], name: list[str]) -> list[str]:
    for i in range(len(words) - len(name) + 1):
        if words[i:i + len(name)] == name:
            return words[:i] + words[i + len(name):]
    return words


# ----------------------------------------------------------------------------- scoring indicators

def _close(a: str, b: str) -> bool:
    """Within one edit (insert, delete, substitute or swap two neighbours)."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        diff = [i for i in range(la) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    if la > lb:
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1:]


def similarity(word: str, token: str) -> float:
    if word == token:
        return 1.0
    if len(word) >= 3 and token.startswith(word):
        return 0.85
    if len(word) >= 4 and len(token) >= 4 and _close(word, token):
        return 0.8
    # Another form of the same word: "reduced" and "reduction", "enrolment" and "enrolled".
    common = 0
    for a, b in zip(word, token, strict=False):
        if a != b:
            break
        common += 1
    if common >= 5 and common >= 0.7 * min(len(word), len(token)):
        return 0.7
    return 0.0


def phrases(indicators: list[Indicator]) -> list[tuple[str, tuple[str, ...]]]:
    """Each indicator's labels and aliases, folded into phrases of meaningful words (the cache stores them)."""
    out = []
    for ind in indicators:
        for text in (*ind.label.values(), *ind.aliases):
            words = tuple(w for w in fold(text).split() if w not in FILLER)
            if words and (ind.id, words) not in out:
                out.append((ind.id, words))
    return out


class IndicatorIndex:
    def __init__(self, indicators: list[Indicator], folded: list[tuple[str, tuple[str, ...]]] | None = None) -> None:
        self.order = {ind.id: n for n, ind in enumerate(indicators)}
        self.phrases = folded if folded is not None else phrases(indicators)
        self.vocabulary = sorted({w for _, words in self.phrases for w in words})

    def score(self, words: tuple[str, ...]) -> list[tuple[float, str]]:
        """(score, indicator id), best first; only indicators that match at least half the words."""
        if not words:
            return []
        # Each query word is compared with the vocabulary once, not with every phrase.
        sims = {w: {t: s for t in self.vocabulary if (s := similarity(w, t))} for w in set(words)}
        best: dict[str, float] = {}
        for ind, phrase in self.phrases:
            matched = [max((sims[w].get(t, 0.0) for t in phrase), default=0.0) for w in words]
            coverage = sum(matched) / len(words)
            if coverage < 0.5 or sum(1 for m in matched if m) * 2 < len(words):
                continue
            used = sum(1 for t in phrase if any(sims[w].get(t) for w in words))
            score = coverage + 0.5 * used / len(phrase)
            if score > best.get(ind, 0.0):
                best[ind] = score
        return sorted(((round(s, 6), i) for i, s in best.items()), key=lambda p: (-p[0], self.order[p[1]]))

    def suggest(self, words: tuple[str, ...]) -> list[str]:
        import difflib

        out: list[str] = []
        for word in words:
            for close in difflib.get_close_matches(word, self.vocabulary, n=2, cutoff=0.6):
                if close not in out:
                    out.append(close)
        return out[:5]


def period_rank(period: Period, asked: tuple[Period, ...]) -> int | None:
    ranks = [r for p in asked if (r := period.matches(p)) is not None]
    return min(ranks) if ranks else None


def rank_figures(figures: list[Figure], asked: tuple[Period, ...]) -> list[tuple[int, Figure]]:
    ranked = [(r, f) for f in figures if (r := period_rank(f.period, asked)) is not None] if asked else \
        [(0, f) for f in figures]
    ranked.sort(key=lambda pair: (pair[0], figure_order(pair[1])))
    return ranked


def search(store: Store, text: str, limit: int = 10, index: IndicatorIndex | None = None) -> list[Match]:
    query = parse_query(text, store.places())
    if not query.words:
        if not query.periods:
            return []
        figures = store.figures(None, list(query.periods), query.place, limit)
        return [Match(f, 0.0, r) for r, f in rank_figures(figures, query.periods)[:limit]]
    index = index or IndicatorIndex(store.indicators(), store.phrases())
    matches: list[Match] = []
    for score, indicator in index.score(query.words):
        figures = store.figures(indicator, list(query.periods), query.place, limit)
        for rank, figure in rank_figures(figures, query.periods):
            matches.append(Match(figure, score, rank))
            if len(matches) >= limit:
                return matches
    return matches
