"""Matching a query's words against every record's phrases: which records say all that was asked, best first.

Every content word of a query must be matched by a phrase of the record, exactly, as a prefix, within one typo or
as another form of the word: a word that tells one record from another (near-, rate, urban, rural, target) is
never ignored, so "poverty rate" is never answered by the near-poverty rate, nor "rural poverty rate" by the
city-wide one.
"""

from __future__ import annotations

from pcli.base.words import distinguishing

# The order records of equal fit are listed in: figures (through their indicator) before the rest.
KIND_ORDER = {"indicator": 0, "programme": 1, "document": 2, "agency": 3, "place": 4, "source": 5}


def _close(a: str, b: str) -> bool:
    """Within one edit (insert, delete, substitute or swap two neighbours)."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        diff = [i for i in range(la) if a[i] != b[i]]
        swapped = len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
        return len(diff) == 1 or swapped
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
    # Another form of the same word: "reduced" and "reduction", "enrolment" and "enrolled"; but not "houses" and
    # "households", whose tails are longer than an ending.
    common = 0
    for a, b in zip(word, token, strict=False):
        if a != b:
            break
        common += 1
    ending = max(len(word), len(token)) - common <= 4
    return 0.7 if common >= 5 and common >= 0.7 * min(len(word), len(token)) and ending else 0.0


class RecordIndex:
    """The phrases of every record ("kind:id", words), with the vocabulary they use."""

    def __init__(self, phrases: list[tuple[str, tuple[str, ...]]], modifiers: frozenset[str] | None = None) -> None:
        self.phrases = phrases
        self.order: dict[str, int] = {}
        self.by_token: dict[str, list[int]] = {}
        for n, (key, phrase) in enumerate(phrases):
            self.order.setdefault(key, len(self.order))
            for token in set(phrase):
                self.by_token.setdefault(token, []).append(n)
        self.vocabulary = sorted(self.by_token)
        self.distinguishing = modifiers if modifiers is not None else distinguishing(phrases)
        self._known: dict[str, dict[str, float]] = {}
        self._postings: dict[str, dict[int, float]] = {}
        self.by_initial: dict[str, list[str]] = {}
        for token in self.vocabulary:
            self.by_initial.setdefault(token[:1], []).append(token)

    def known(self, word: str) -> dict[str, float]:
        """The vocabulary's tokens a query word matches, with how well, worked out once per word (a batch asks
        the same words again and again). Tokens of the same initial first: a typo in a word's first letter is
        rare, and comparing with all of them costs start-up time."""
        sims = self._known.get(word)
        if sims is None:
            sims = {t: s for t in self.by_initial.get(word[:1], ()) if (s := similarity(word, t))}
            if not sims and len(word) >= 4:
                sims = {t: s for t in self.vocabulary if (s := similarity(word, t))}
            self._known[word] = sims
        return sims

    def _phrases_of(self, word: str) -> dict[int, float]:
        """The phrases with a token the word matches, each with how well its best such token matches, worked out
        once per word."""
        found = self._postings.get(word)
        if found is None:
            found = self._postings[word] = {}
            for token, similar in self.known(word).items():
                for n in self.by_token[token]:
                    if similar > found.get(n, 0.0):
                        found[n] = similar
        return found

    def unknown(self, words: tuple[str, ...]) -> list[str]:
        """The words no record's phrase holds in any form: the base may not hold what was asked."""
        return [w for w in words if not self.known(w)]

    def score(self, words: tuple[str, ...], kinds: frozenset[str] | None = None) -> list[tuple[float, str]]:
        """(score, "kind:id"), best first, of the records with a phrase that matches every word."""
        if not words:
            return []
        each = [self._phrases_of(w) for w in words]
        if not all(each):
            return []
        # Only phrases with a match for every word can answer: intersect each word's phrases before scoring (in
        # any order: a record keeps its best phrase's score, and the ranking below breaks every tie).
        candidates = set(each[0]).intersection(*each[1:])
        best: dict[str, float] = {}
        matching = set().union(*(self.known(w) for w in words))  # the tokens some word of the query matches
        for n in candidates:
            key, phrase = self.phrases[n]
            if kinds is not None and key.split(":", 1)[0] not in kinds:
                continue
            matched = [found[n] for found in each]  # each word's best token in the phrase
            used_at = [t in matching for t in phrase]
            if self._modified(phrase, used_at):  # "near poor households" for "poor households"
                continue
            used = sum(used_at)
            score = sum(matched) / len(words) + 0.5 * used / len(phrase)
            if score > best.get(key, 0.0):
                best[key] = score
        ranked = ((round(s, 6), key) for key, s in best.items())
        return sorted(ranked, key=lambda p: (-p[0], KIND_ORDER.get(p[1].split(":", 1)[0], 9), self.order[p[1]]))

    def _modified(self, phrase: tuple[str, ...], used_at: list[bool]) -> bool:
        """Whether a distinguishing word the question lacks modifies a word it asks for: "near" before "poor" in
        "near poor households", unless the phrase has that word unmodified too ("poor and near poor")."""
        for i, token in enumerate(phrase[:-1]):
            following = phrase[i + 1]
            if token in self.distinguishing and not used_at[i] and used_at[i + 1] and phrase.count(following) == 1:
                return True
        return False

    def nearest(self, words: tuple[str, ...], names: list[str], n: int = 3) -> list[str]:
        """Whole names of the base closest to what was asked: for "did you mean", never single words."""
        import difflib

        asked = " ".join(words)
        return difflib.get_close_matches(asked, names, n=n, cutoff=0.5) if asked else []
