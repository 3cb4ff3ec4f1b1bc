"""The search's postings as the cache keeps them (base/words.py), read a word at a time: a question asks about
a few of the base's words, and a large base holds hundreds of thousands."""

from __future__ import annotations

import math
from collections.abc import Iterator


class Written(dict[str, list[int]]):
    """Each word's phrases, read from how a cache writes them ("0 5 9") when the word is first asked about."""

    def __init__(self, written: dict[str, str]) -> None:
        super().__init__()
        self.written = written

    def __missing__(self, token: str) -> list[int]:
        found = self[token] = [int(n) for n in self.written[token].split()]
        return found

    def __contains__(self, token: object) -> bool:
        return token in self.written

    def __iter__(self) -> Iterator[str]:
        return iter(self.written)

    def __len__(self) -> int:
        return len(self.written)


class Rarity(dict[str, float]):
    """Each word's inverse document frequency over the base's records, worked out when the word is first asked
    about (a question asks about a few of the base's words)."""

    def __init__(self, held: dict[str, int], records: int) -> None:
        super().__init__()
        self.held, self.records = held, records

    def __missing__(self, token: str) -> float:
        k = self.held[token]
        value = self[token] = math.log(1 + (self.records - k + 0.5) / (k + 0.5))
        return value

    def __contains__(self, token: object) -> bool:
        return token in self.held
