"""What a search says of places: the places a base covers (a base about Lakeside, or about two places, is not
Hanoi's), and the miss for a place that has no figure of what is asked. Said in the reader's language when the
message is, read from the store only then (a batch says none)."""

from __future__ import annotations

from collections.abc import Callable, Container

from pcli.answer.confidence import RECORD_THRESHOLD
from pcli.answer.index import Fit, RecordIndex
from pcli.answer.matching import in_row
from pcli.answer.query import Query, written
from pcli.base.model import Entity, said
from pcli.base.phrases import RECORD_KINDS
from pcli.messages import Msg
from pcli.store.sqlite import Store
from pcli.text import fold, letter_runs

SHOWN = 5  # places a miss names at most


class _Places:
    """ "Hanoi, Lakeside": the places with figures (all, or those of one indicator), in the reader's language."""

    def __init__(self, store: Store, indicator: str | None = None) -> None:
        self.store, self.indicator = store, indicator

    def say(self, lang: str) -> str:
        if self.indicator is None:
            names = self.store.places(SHOWN + 1)
        else:
            figures = self.store.figures(self.indicator, [], None, 1000)
            names = sorted({f.place for f in figures if f.place})[: SHOWN + 1]
        shown = [said(self.store.catalogue, name, lang) for name in names[:SHOWN]]
        return ", ".join(shown) + (", …" if len(names) > SHOWN else "")


def elsewhere(store: Store, place: str) -> Msg:
    """A question names a place the base does not cover: say which it covers, or that its figures name none."""
    if not store.places(1):
        return Msg("elsewhere_unplaced", place=place)
    return Msg("elsewhere", place=place, covered=_Places(store))


def not_for_place(store: Store, indicator: str, place: str, label: object, query: str) -> Msg | None:
    """The miss for a place with no figure of the indicator asked, naming the places that have one; None when the
    place has some (the miss is then about the period)."""
    if store.figures(indicator, [], place, 1):
        return None
    return Msg("not_for_place", query=query, label=label, place=_Said(store, place), known=_Places(store, indicator))


def unknown_name(text: str, unknown: Callable[[tuple[str, ...]], list[str]]) -> str:
    """A name the question gives that the base holds nothing called ("poor households Nam Giang 2023", "in
    Lakeside"): a run of capitalised words after the first word, one of which no record holds. Asked of a base
    about another place, it is a place the base does not cover, not a question to answer with its own figures."""
    words = letter_runs(text)
    runs: list[list[str]] = [[]]
    for word in words[1:]:
        if word[0].isupper() and not word.isupper():
            runs[-1].append(word)
        elif runs[-1]:
            runs.append([])
    for run in runs:
        if run and unknown(tuple(fold(w) for w in run)):
            return " ".join(run)
    return ""


def place_alone(store: Store, place: str) -> Msg:
    """A place asked by its name alone that no place record answers: what to ask of it."""
    return Msg("place_alone", place=_Said(store, place))


class _Said:
    """A place's name in the reader's language, when said."""

    def __init__(self, store: Store, name: str) -> None:
        self.store, self.name = store, name

    def say(self, lang: str) -> str:
        return said(self.store.catalogue, self.name, lang)


_INDICATORS = frozenset(("indicator",))
_SETTLEMENTS = frozenset("commune communes ward wards district districts village villages province".split())


class Settlements:
    """The words in a row of the names of the settlements the base knows only as records (a village of a photo
    caption, not a place with figures), but for words a measure's name has: each pair a question has looked up
    once (a batch asks the same ones again and again), a record read only when the pair is in its name."""

    def __init__(self, index: RecordIndex, record_of: Callable[[str, str], object]) -> None:
        self.index, self.record_of = index, record_of
        self._pairs: dict[tuple[str, ...], bool] = {}

    def __contains__(self, pair: object) -> bool:
        if not isinstance(pair, tuple):
            return False
        if pair not in self._pairs:
            self._pairs[pair] = self._named(pair)
        return self._pairs[pair]

    def _named(self, pair: tuple[str, ...]) -> bool:
        for key, names in self.index.names.items():
            if not key.startswith("place:") or not any(in_row(pair, name) for name in names):
                continue
            record = self.record_of("place", key.split(":", 1)[1])
            if isinstance(record, Entity) and str(record.fields.get("kind")) in _SETTLEMENTS:
                return not all(self.index.in_names_of(_INDICATORS, w) for w in pair)  # "Vì" of "Quỹ Vì người nghèo"
        return False


def place_record_named(pairs: Container[tuple[str, str]], query: Query, words: tuple[str, ...]) -> str:
    """A settlement the base knows only as a record that the question names ("poor households in Ba Vi"): the
    figures are another place's."""
    return next((written(query.text, " ".join(p)) for p in zip(words, words[1:], strict=False) if p in pairs), "")


def of_kind_asked(fits: list[Fit], head: str, index: RecordIndex, record_of: Callable[[str, str], object]) -> list[Fit]:
    """The fits without the places of another kind than the one a question asks for, when a place of that kind
    fits: "những xã nào", "komune mana", "which communes" ask for communes, not a model farm named for what they
    grow. A place is of the kind its record says, or that its name says ("Desa Bai, Komune Ba Vi")."""

    def kind_said(fit: Fit) -> bool:
        record = record_of("place", fit.key.split(":", 1)[1])
        kind = str(record.fields.get("kind", "")) if isinstance(record, Entity) else ""
        return head in RECORD_KINDS.get(kind, "").split() or any(head in name for name in index.names.get(fit.key, ()))

    if not head or not any(head in words.split() for words in RECORD_KINDS.values()):
        return fits
    said = {f.key for f in fits if f.kind == "place" and f.share >= RECORD_THRESHOLD and kind_said(f)}
    return [f for f in fits if f.kind != "place" or f.key in said] if said else fits
