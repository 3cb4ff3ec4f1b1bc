"""Answering a question in English, Vietnamese or Indonesian with the figures that fit it best."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby

from pcli.base.model import Figure, Indicator
from pcli.base.periods import Period, parse_period
from pcli.base.words import FILLER, phrases
from pcli.errors import UsageError
from pcli.messages import Msg, Texts
from pcli.store.memory import Store, figure_order
from pcli.text import fold

# "end of 2024", "cuối năm 2024", "akhir tahun 2024": a point in time, not the whole year.
_POINT_WORDS = {
    ("end", "of"): "12-31",
    ("cuoi", "nam"): "12-31",
    ("cuoi",): "12-31",
    ("akhir", "tahun"): "12-31",
    ("akhir",): "12-31",
    ("start", "of"): "01-01",
    ("beginning", "of"): "01-01",
    ("dau", "nam"): "01-01",
    ("dau",): "01-01",
    ("awal", "tahun"): "01-01",
    ("awal",): "01-01",
}
_RANGE_JOINERS = frozenset(("to", "den", "hingga", "sampai"))


class Query:
    __slots__ = ("text", "words", "periods", "place")

    def __init__(self, text: str, words: tuple[str, ...], periods: tuple[Period, ...], place: str | None) -> None:
        self.text, self.words, self.periods, self.place = text, words, periods, place


class Match:
    __slots__ = ("figure", "score", "period_rank")

    def __init__(self, figure: Figure, score: float, period_rank: int) -> None:
        self.figure, self.score, self.period_rank = figure, score, period_rank


def _is_year(word: str) -> bool:
    return len(word) == 4 and word.isascii() and word.isdigit() and 1900 <= int(word) <= 2100


def _refuse_odd_years(words: list[str]) -> None:
    """A number of four or more digits is a year from 1900 to 2100, or the query is refused: "1899", "20232" or
    "fy2023" dropped silently would answer some other period's figure."""
    for word in words:
        digits = "".join(ch if ch.isdigit() else " " for ch in word).split()
        if any(len(run) >= 4 for run in digits) and not _is_year(word):
            raise UsageError("bad_year", word=word)


def _periods(words: list[str]) -> tuple[list[str], list[Period]]:
    """Take the years, ranges ("2022-2024" folds to "2022 2024") and points ("end of 2024") out of the words."""
    rest: list[str] = []
    periods: list[Period] = []

    def take(text: str) -> None:
        period = parse_period(text)
        if period not in periods:
            periods.append(period)

    i = 0
    while i < len(words):
        word = words[i]
        if not _is_year(word):
            rest.append(word)
            i += 1
            continue
        j = i + 1 + (i + 1 < len(words) and words[i + 1] in _RANGE_JOINERS)
        if j < len(words) and _is_year(words[j]) and words[j] > word:
            take(f"{word}-{words[j]}")
            i = j + 1
            continue
        for n in (2, 1):
            point = _POINT_WORDS.get(tuple(rest[-n:])) if len(rest) >= n else None
            if point:
                del rest[-n:]
                take(f"{word}-{point}")
                break
        else:
            take(word)
        i += 1
    return rest, periods


def parse_query(text: str, places: list[tuple[str, str]]) -> Query:
    """Split a query into meaningful words, the periods it names and the place it names, if any.

    places: (name, folded name) pairs.
    """
    tokens = fold(text).split()
    _refuse_odd_years(tokens)
    words, periods = _periods(tokens)
    place = None
    present = set(words)
    bigrams = {words[i] + words[i + 1]: i for i in range(len(words) - 1)}  # "ha noi" for "Hanoi"
    for candidate, folded in places:
        name = folded.split()
        if name and present.issuperset(name) and _contains(words, name):
            place, words = candidate, _remove(words, name)
            break
        i = bigrams.get("".join(name), -1)
        if i >= 0:
            place, words = candidate, words[:i] + words[i + 2 :]
            break
    meaningful = tuple(w for w in words if w not in FILLER and not w.isdigit())
    return Query(text, meaningful, tuple(periods), place)


def _contains(words: list[str], name: list[str]) -> bool:
    return any(words[i : i + len(name)] == name for i in range(len(words) - len(name) + 1))


def _remove(words: list[str], name: list[str]) -> list[str]:
    for i in range(len(words) - len(name) + 1):
        if words[i : i + len(name)] == name:
            return words[:i] + words[i + len(name) :]
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
        return len(diff) == 1 or (
            len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
        )
    if la > lb:
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1 :]


def similarity(word: str, token: str) -> float:
    """1 for the same word, 0.85 for a prefix, 0.8 for one typo, 0.7 for another form of the word, else 0."""
    if word == token:
        return 1.0
    if len(word) >= 3 and token.startswith(word):
        return 0.85
    if len(word) >= 4 and len(token) >= 4 and abs(len(word) - len(token)) <= 1 and _close(word, token):
        return 0.8
    if word[:5] != token[:5]:
        return 0.0
    # Another form of the same word: "reduced" and "reduction", "enrolment" and "enrolled".
    common = 0
    for a, b in zip(word, token, strict=False):
        if a != b:
            break
        common += 1
    if common >= 5 and common >= 0.7 * min(len(word), len(token)):
        return 0.7
    return 0.0


class IndicatorIndex:
    def __init__(self, indicators: list[Indicator], folded: list[tuple[str, tuple[str, ...]]] | None = None) -> None:
        self.order = {ind.id: n for n, ind in enumerate(indicators)}
        self.phrases = folded if folded is not None else phrases(indicators)
        self.vocabulary = sorted({w for _, words in self.phrases for w in words})
        self.by_token: dict[str, list[int]] = {}
        for n, (_, phrase) in enumerate(self.phrases):
            for token in set(phrase):
                self.by_token.setdefault(token, []).append(n)

    def score(self, words: tuple[str, ...]) -> list[tuple[float, str]]:
        """(score, indicator id), best first; only indicators whose labels match nearly all the words."""
        if not words:
            return []
        # Each query word is compared with the vocabulary once, not with every phrase.
        sims = {w: {t: s for t in self.vocabulary if (s := similarity(w, t))} for w in set(words)}
        # Only phrases that share a token with the query can score.
        candidates = sorted({n for matches in sims.values() for t in matches for n in self.by_token[t]})
        best: dict[str, float] = {}
        for ind, phrase in (self.phrases[n] for n in candidates):
            matched = [max((sims[w].get(t, 0.0) for t in phrase), default=0.0) for w in words]
            coverage = sum(matched) / len(words)
            # At most one word in three may miss (none of two): an "unemployment rate" is not a poverty rate.
            if coverage < 0.5 or sum(1 for m in matched if not m) > (len(words) - 1) // 2:
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


def miss_message(store: Store, text: str) -> Msg:
    """What to say when nothing matches: the periods the nearest indicator is known for, or the words pcli did
    not know with the closest it does."""
    from pcli.text import one_line

    query = parse_query(text, store.places())
    index = IndicatorIndex(store.indicators(), store.phrases())
    shown = one_line(text[:80]) + ("…" if len(text) > 80 else "")
    scored = index.score(query.words)
    if scored and query.periods:  # the words are known, the period is not
        indicator = scored[0][1]
        figures = sorted(store.figures(indicator, [], query.place, 1000), key=lambda f: f.period.sort_key)
        return Msg(
            "no_match_in",
            query=shown,
            periods=_Periods(query.periods),
            label=Texts({lang: one_line(text) for lang, text in store.base.indicators[indicator].label.items()}),
            known=_Periods([f.period for f in figures], [f.as_of for f in figures]),
        )
    hints = index.suggest(query.words)
    return Msg("no_match", query=shown, hint=Msg("did_you_mean_words", words=", ".join(hints)) if hints else Msg("try_show"))


class _Periods:
    """Periods said in the reader's language when the message is: "2022, 2023, end of 2024"."""

    def __init__(self, periods: Sequence[Period], as_of: Sequence[bool] = ()) -> None:
        self.periods, self.as_of = periods, as_of or [False] * len(periods)

    def say(self, lang: str) -> str:
        return ", ".join(dict.fromkeys(p.display(lang, by) for p, by in zip(self.periods, self.as_of, strict=True)))


def period_rank(period: Period, asked: tuple[Period, ...]) -> int | None:
    ranks = [r for p in asked if (r := period.matches(p)) is not None]
    return min(ranks) if ranks else None


def rank_figures(figures: list[Figure], asked: tuple[Period, ...]) -> list[tuple[int, Figure]]:
    ranked = [(r, f) for f in figures if (r := period_rank(f.period, asked)) is not None] if asked else [(0, f) for f in figures]
    ranked.sort(key=lambda pair: (pair[0], figure_order(pair[1])))
    return ranked


def search(store: Store, text: str, limit: int = 10, index: IndicatorIndex | None = None) -> list[Match]:
    matches = _search(store, text, limit, index)
    store.cite([m.figure for m in matches])
    return matches


def _search(store: Store, text: str, limit: int, index: IndicatorIndex | None) -> list[Match]:
    query = parse_query(text, store.places())
    if not query.words:
        if not query.periods:
            return []
        figures = store.figures(None, list(query.periods), query.place, limit)
        return [Match(f, 0.0, r) for r, f in rank_figures(figures, query.periods)[:limit]]
    index = index or IndicatorIndex(store.indicators(), store.phrases())
    matches: list[Match] = []
    # Only the indicators that fit best may answer: one that fits less well differs from the question by a word
    # ("near-poverty rate" for "poverty rate 2024"), so its figures are not an answer, even when the best has
    # no figure for the period asked (that is a miss). Indicators that fit equally well compete on their
    # figures: the exact period asked comes first.
    for score, group in groupby(index.score(query.words), key=lambda pair: pair[0]):
        tied: list[tuple[int, Figure]] = []
        for _, indicator in group:
            tied.extend(rank_figures(store.figures(indicator, list(query.periods), query.place, limit), query.periods))
        tied.sort(key=lambda pair: pair[0])  # stable: within a rank, the indicator order and figure order stay
        matches.extend(Match(figure, score, rank) for rank, figure in tied)
        break
    return matches[:limit]
