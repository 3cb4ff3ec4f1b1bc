"""Places as a question names them: each place with figures, by its folded name, found by a word of it."""

from __future__ import annotations

from collections.abc import Iterable

from pcli.base.model import Figure


def places_of(figures: Iterable[Figure]) -> list[tuple[str, str]]:
    """(name, folded name) of every place that has figures, by name."""
    from pcli.text import fold

    return [(name, fold(name)) for name in sorted({figure.place for figure in figures if figure.place})]


def place_keys(folded: str) -> tuple[str, str]:
    """The words a place is found by: the first word of its folded name, and its name written as one word."""
    parts = folded.split()
    return (parts[0] if parts else "", "".join(parts))


def places_named(places: list[tuple[str, str]], word: str) -> list[tuple[str, str]]:
    """The places of a list that a word may begin (its first word, or the name as one word), in the list's order."""
    return [(n, f) for n, f in places if (keys := place_keys(f))[0] and word in keys]
