"""What a search says when it has no answer: the periods an indicator has, the names nearest to what was asked —
each worked out only when the message is said (a batch of questions says none of them)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from pcli.answer.places import not_for_place
from pcli.base.periods import Period
from pcli.messages import Msg, Texts
from pcli.store.sqlite import Store
from pcli.text import one_line

if TYPE_CHECKING:
    from pcli.answer.index import RecordIndex
    from pcli.answer.query import Query


def shown(text: str) -> str:
    """A question as a message quotes it: on one line, cut at 80 characters."""
    return one_line(text[:80]) + ("…" if len(text) > 80 else "")


def periods_known(store: Store, query: Query, indicator: str | None, asked: Sequence[Period] = ()) -> Msg:
    """The miss of a question whose indicator has no figure for the periods asked, naming those it has."""
    before = "before" if query.before else "in"  # "before 2022" has no figure before it, not none in it
    if indicator is None:
        return Msg(f"no_figure_{before}", query=shown(query.text), periods=Periods(asked or query.periods))
    label = Texts({lang: one_line(text) for lang, text in store.catalogue.indicators[indicator].label.items()})
    if query.place is not None and (none := not_for_place(store, indicator, query.place, label, shown(query.text))):
        return none
    known = Known(store, indicator, query.place)
    if not (asked or query.periods):  # no period asked: a target not asked for, say
        return Msg("no_match_known", query=shown(query.text), label=label, known=known)
    periods = Periods(asked or query.periods)
    return Msg(f"no_match_{before}", query=shown(query.text), periods=periods, label=label, known=known)


class Nearest:
    """ " Did you mean: …?" with the whole names closest to the words asked, worked out when said."""

    def __init__(self, names: Callable[[], dict[str, str]], index: RecordIndex, words: tuple[str, ...]) -> None:
        self.names, self.index, self.words = names, index, words

    def say(self, lang: str) -> str:
        names = self.names()
        close = self.index.nearest(self.words, list(names))
        hint = Msg("did_you_mean_words", words="; ".join(names[c] for c in close)) if close else Msg("try_show")
        return hint.say(lang)


class Periods:
    """Periods said in the reader's language when the message is: "2022, 2023, end of 2024"."""

    def __init__(self, periods: Sequence[Period], as_of: Sequence[bool] = ()) -> None:
        self.periods, self.as_of = periods, as_of or [False] * len(periods)

    def say(self, lang: str) -> str:
        return ", ".join(dict.fromkeys(p.display(lang, by) for p, by in zip(self.periods, self.as_of, strict=True)))


class Known:
    """The periods an indicator has figures for, read from the store when the message is said (a batch says none)."""

    def __init__(self, store: Store, indicator: str, place: str | None) -> None:
        self.store, self.indicator, self.place = store, indicator, place

    def say(self, lang: str) -> str:
        periods = self.store.periods_of(self.indicator, self.place)  # each once, however many places hold it
        return Periods([p for p, _ in periods], [by for _, by in periods]).say(lang)
