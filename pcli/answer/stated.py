"""The numbers a question states: the figures that hold them ("8.718 tỷ", "690"), the records quoted with those
figures, and the sources that cite them; a number that can only be a year pcli cannot read is refused."""

from __future__ import annotations

from collections.abc import Callable

from pcli.answer.index import KIND_ORDER, Fit, RecordIndex
from pcli.answer.matching import within
from pcli.answer.query import Query
from pcli.base.model import Figure
from pcli.base.words import content_words
from pcli.errors import UsageError
from pcli.store.sqlite import Store


class Stated:
    """The figures a question's numbers find in a store, and what is said with them (each worked out once)."""

    def __init__(self, store: Store, index: RecordIndex) -> None:
        self.store, self.index = store, index
        self.cited: dict[str, list[str]] = {}  # figure id → the records named where it is quoted

    def held(self, query: Query, unit_of: Callable[[str], str]) -> dict[str, list[Figure]]:
        """The numbers of the question that figures of the base hold, each with those figures; of the kind of
        number asked, if the question asks one ("2,134 poor households: what percentage was that?" asks no count)."""
        held: dict[str, list[Figure]] = {}
        for stated, readings in query.values:
            figures = self.store.figures_valued(readings, 50)
            if query.place is not None:
                figures = [f for f in figures if f.place == query.place]
            if query.unit:
                figures = [f for f in figures if unit_of(f.indicator) == query.unit]
            if figures:
                held[stated] = figures
        return held

    def with_numbers(
        self, fits: list[Fit], words: tuple[str, ...], wanted: frozenset[str] | None, query: Query, held: dict[str, list[Figure]]
    ) -> list[Fit]:
        """The fits with the numbers stated: a number weighs as the rarest word, and counts for the indicators whose
        figures hold it and the records quoted with them."""
        total = sum(self.index.weight(w) for w in dict.fromkeys(words))
        weight, count = self.index.rarest, len(query.values)
        hits: dict[str, int] = {}
        for figures in held.values():  # a number counts for the indicators that hold it and the records cited with it
            for key in dict.fromkeys(k for f in figures for k in (f"indicator:{f.indicator}", *self.cited_with(f))):
                hits[key] = hits.get(key, 0) + 1
        whole = total + weight * count
        by_key = {f.key: f for f in fits}
        out = []
        for key in dict.fromkeys([*by_key, *hits]):
            fit = by_key.get(key)
            explained = (fit.share * total if fit else 0.0) + weight * hits.get(key, 0)
            # a name said does not outrank the figure holding the number stated ("53.826 lao động là con số gì"),
            # unless the question asks for another quantity ("Hơn 19.000 lao động …, trong đó bao nhiêu người …")
            bonus = fit.rank - fit.share if fit and (key in hits or not hits or query.quantity) else 0.0
            if wanted is None or key in by_key or key.split(":", 1)[0] in wanted:
                out.append(
                    Fit(key, explained / whole + bonus, explained / whole, fit.named if fit else 0.0, fit.names if fit else 0)
                )
        out.sort(key=lambda f: (-round(f.rank, 6), KIND_ORDER.get(f.kind, 9), self.index.order.get(f.key, 0)))
        return out

    def cited_with(self, figure: Figure) -> list[str]:
        """The records (not indicators) named in the passage that carries a figure, or in its indicator's names:
        "Dự án Đa dạng hóa sinh kế … tổng kinh phí hơn 49,4 tỷ đồng" is the project's budget. Worked out once a
        figure."""
        found = self.cited.get(figure.id)
        if found is None:
            self.store.cite([figure])
            said = [content_words(t) for c in figure.citations for t in (c.quote, c.context) if t]
            said += self.index.names.get(f"indicator:{figure.indicator}", [])  # "the Fund for the Poor's houses"
            found = self.cited[figure.id] = [
                key
                for key, names in self.index.names.items()
                if not key.startswith("indicator:") and any(within(name, words) for name in names for words in said)
            ]
        return found

    def quoted(self, indicator: str) -> set[str]:
        """The records named in the passages that carry the indicator's figures."""
        return {key for f in self.store.figures(indicator, [], None, 20) for key in self.cited_with(f)}

    def quoted_with(self, indicator: str, record: str) -> bool:
        """Whether a figure of the indicator is quoted in a passage that names the record."""
        return record in self.quoted(indicator)

    def of_another(self, indicator: str, record: str) -> bool:
        """Whether a figure of the indicator is quoted naming another record of the record's kind (the project
        whose budget it is, asked of a programme)."""
        kind = record.split(":", 1)[0] + ":"
        return any(key != record and key.startswith(kind) for key in self.quoted(indicator))

    def sources(self, held: dict[str, list[Figure]]) -> list[str]:
        """The sources that cite the figures holding the numbers stated, in the order they are cited."""
        figures = [f for found in held.values() for f in found]
        self.store.cite(figures)
        return list(dict.fromkeys(c.source for f in figures for c in f.citations))


def refuse_odd_numbers(query: Query, held: dict[str, list[Figure]]) -> None:
    """A number of four or more digits with no separator that no figure holds is a year pcli cannot read ("1899",
    "20232", "FY2023"), or the question is refused: dropped silently, it would answer some other period's figure."""
    unheld = [w for w, _ in query.values if w not in held] + [w for w in query.words if not w.isalpha()]
    for word in unheld:
        digits = "".join(ch if ch.isdigit() else " " for ch in word).split()
        if any(len(run) >= 4 for run in digits) and not any(ch in word for ch in ".,%") and " " not in word.strip():
            raise UsageError("bad_year", word=word)
