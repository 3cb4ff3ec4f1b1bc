"""What a draft's sentence says of the measure a number belongs to: the words that tell one indicator from another.

Plain functions over folded words (as the search folds them: lower case, no diacritics, filler dropped) and an
indicator's names (its labels and aliases as phrases of such words). They know nothing of a base or a store:
check.py asks them whether a figure the base holds may be the one a sentence speaks of.

- A distinguishing word (near-, cận, hampir, share, rural…) must agree: a measure named "near poor households"
  is not what a sentence that says "poor households" speaks of, and "near-poor" said rules out "poor households".
- Of two measures, one a number's clause names whole (one of its names, each word in some form, that is not the
  other's too) is the one it speaks of when its sentence never names the other: "menciptakan lapangan kerja bagi
  53.826 pekerja" names the jobs created, not the jobs given through entrusted capital, although both hold words
  of the sentence; unless the sentence says more words of one of the other's names than that whole name has
  in a row ("the Fund for the Poor helped build 1,800 homes": "homes" is one word, "fund poor" two).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

from pcli.answer.matching import similarity
from pcli.base.words import FILLER
from pcli.text import fold

Words = tuple[str, ...]


def words_of(text: str) -> Words:
    """The words of a text as the search folds a record's names: "Hộ cận nghèo," is ("ho", "can", "ngheo")."""
    return tuple(w for w in fold(text).split() if w not in FILLER)


def modified_pairs(names: Iterable[Words], marks: frozenset[str]) -> frozenset[tuple[str, str]]:
    """The pairs of names in which a distinguishing word modifies the next word: ("near", "poor"), ("can", "ngheo")."""
    return frozenset((t, u) for p in names for t, u in zip(p, p[1:], strict=False) if t in marks)


def _bare(words: Sequence[Words], marks: frozenset[str]) -> set[str]:
    """The words that stand somewhere without a distinguishing word before them."""
    return {u for p in words for i, u in enumerate(p) if i == 0 or p[i - 1] not in marks}


@lru_cache(maxsize=1 << 12)
def _shape(names: tuple[Words, ...], marks: frozenset[str]) -> tuple[frozenset[tuple[str, str]], set[str], set[str]]:
    """A measure's names as `disagrees` reads them, worked out once: the pairs a mark modifies, the words said
    bare, all their words."""
    return modified_pairs(names, marks), _bare(names, marks), {w for p in names for w in p}


def disagrees(sentence: Words, names: Sequence[Words], marks: frozenset[str], narrowing: frozenset[str],
              known: frozenset[tuple[str, str]]) -> bool:  # fmt: skip
    """Whether a sentence's distinguishing words rule a measure out. Either its names put a mark before a word
    the sentence says, nowhere so marked there, and never say that word bare ("near poor households" for a
    sentence of "poor households"); or the sentence marks a word, never says it bare, and the names hold that
    word but never with the mark ("near-poor" said, "poor households" named). A mark of the base (`marks`) counts
    in the sentence only before the word it modifies in some name of the base (`known`: "cần cố gắng" is not
    "cận nghèo" folded, nor "căn nhà"); a narrowing word ("rural", "women") that is no such mark before any word."""
    said = set(sentence)
    said_pairs = set(zip(sentence, sentence[1:], strict=False))
    pairs, bare, held = _shape(tuple(names), marks)
    for t, u in pairs:
        if u in said and u not in bare and (t, u) not in said_pairs:
            return True
    every = marks | narrowing
    if said.isdisjoint(every):
        return False
    said_bare = _bare([sentence], every)
    for t, u in said_pairs:
        if ((t in narrowing and t not in marks) or (t, u) in known) and u not in said_bare and u in held:
            if not any(t in p and u in p for p in names):
                return True
    return False


@lru_cache(maxsize=1 << 16)
def _same(a: str, b: str) -> bool:
    """One word, or the same word in another form ("renovated", "renovation"); not a prefix ("pekerja", "pekerjaan")."""
    return a == b or similarity(a, b) == 0.7 or similarity(b, a) == 0.7


@lru_cache(maxsize=1 << 14)
def _says(sentence: Words, word: str) -> bool:
    return word in sentence or any(_same(s, word) for s in sentence)


def named_whole(sentence: Words, names: Sequence[Words], other: Sequence[Words]) -> bool:
    """Whether the sentence says one of a measure's names whole, each word in some form, and that name is not
    also the other measure's (its words are not all in the other's names): "lapangan kerja" names the jobs
    created, not the jobs given through entrusted capital."""
    theirs = {w for p in other for w in p}
    return any(not all(w in theirs for w in p) and all(_says(sentence, w) for w in p) for p in names)


def _run(sentence: Words, name: Words) -> int:
    """The most words of a name the sentence says in a row, in the name's order."""
    best = 0
    for i in range(len(sentence)):
        for j in range(len(name)):
            k = 0
            while i + k < len(sentence) and j + k < len(name) and _same(sentence[i + k], name[j + k]):
                k += 1
            best = max(best, k)
    return best


class Measures:
    """A base's indicators by their names, with the words that tell them apart: made once for a draft."""

    def __init__(self, names: dict[str, list[Words]], marks: frozenset[str], narrowing: frozenset[str]) -> None:
        self.names, self.marks, self.narrowing = names, marks, narrowing
        self.known = modified_pairs((p for phrases in names.values() for p in phrases), marks)
        self._ruled: dict[tuple[Words, str, frozenset[str]], bool] = {}  # each sentence's numbers ask the same
        self._named: dict[tuple[Words, str, str], bool] = {}
        self._said: dict[tuple[Words, str], int] = {}

    def ruled_out(self, sentence: Words, indicator: str, said: frozenset[str] = frozenset()) -> bool:
        """Whether the sentence's distinguishing words rule the indicator out; `said` are marks the number itself
        says (a percentage says "share", "persentase")."""
        key = (sentence, indicator, said)
        if key not in self._ruled:
            names = self.names.get(indicator, [])
            self._ruled[key] = disagrees(sentence, names, self.marks - said, self.narrowing, self.known)
        return self._ruled[key]

    def unmarked(self, words: Words, kept: frozenset[str]) -> Words:
        """The words without the marks of the base (but `kept`) that stand before no word they modify in a name of
        the base: "can nha" (căn nhà) is no "cận"."""
        if self.marks.isdisjoint(words):
            return words
        return tuple(w for i, w in enumerate(words) if w not in self.marks or w in kept
                     or (i + 1 < len(words) and (w, words[i + 1]) in self.known))  # fmt: skip

    def said_of(self, sentence: Words, indicator: str) -> int:
        """How many words of one of the measure's names the sentence says in a row, each in some form: "the Fund
        for the Poor helped build 1,800 homes" says two of "fund poor houses", one of "homes"."""
        key = (sentence, indicator)
        if key not in self._said:
            self._said[key] = max((_run(sentence, p) for p in self.names.get(indicator, [])), default=0)
        return self._said[key]

    def named(self, sentence: Words, indicator: str, other: str) -> bool:
        key = (sentence, indicator, other)
        if key not in self._named:
            self._named[key] = named_whole(sentence, self.names.get(indicator, []), self.names.get(other, []))
        return self._named[key]
