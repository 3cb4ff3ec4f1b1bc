"""The places a question names: those the base has figures for, looked up word by word, and those it does not
cover (another province, a whole country)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from pcli.base.places import places_named
from pcli.base.words import OTHER_PLACES


class Places:
    """The places a base has figures for, looked up by a word of their name as questions ask them: nothing is read
    until a word asks, and each word once (a large base names thousands of places; a batch repeats its words).
    `named(word)` gives the (name, folded name) of the places whose folded name begins with that word or, written
    as one word, is it ("hanoi" for "ha noi"), by name; a list of places stands for a base's own (tests)."""

    def __init__(self, named: Callable[[str], list[tuple[str, str]]] | list[tuple[str, str]]) -> None:
        self.named = partial(places_named, named) if isinstance(named, list) else named
        self._by_word: dict[str, list[tuple[str, list[str]]]] = {}

    def by_word(self, word: str) -> list[tuple[str, list[str]]]:
        """(name, the words a question must have in a row) of each place the word may begin."""
        found = self._by_word.get(word)
        if found is None:
            found = self._by_word[word] = []
            for candidate, folded in self.named(word):
                name = folded.split()
                if name[0] == word:
                    found.append((candidate, name))
                if "".join(name) == word:
                    found.append((candidate, ["".join(name)]))
        return found

    def covers(self, folded: str) -> bool:
        """Whether a place the question names is one the base covers, written as one word or two ("ha noi")."""
        joined = folded.replace(" ", "")
        named = [*self.named(folded.split()[0]), *self.named(joined)]
        return any(name == folded or name.replace(" ", "") == joined for _, name in named)


_OTHER_FIRST = frozenset(name.split()[0] for name in OTHER_PLACES)  # a name can start only with one of these


def _runs(words: list[str], size: int) -> list[str]:
    return [" ".join(words[i : i + size]) for i in range(len(words) - size + 1)]


def elsewhere(words: list[str], places: Places) -> str:
    """A place the question names that the base does not cover ("Da Nang", "Ho Chi Minh City")."""
    return "" if _OTHER_FIRST.isdisjoint(words) else uncovered(words, OTHER_PLACES, places, 3)


def uncovered(words: list[str], names: frozenset[str], places: Places, longest: int) -> str:
    """The first of these names the question says (longest first) that the base does not cover."""
    for size in range(longest, 0, -1):
        for name in _runs(words, size):
            if name in names and not places.covers(name):
                return name
    return ""
