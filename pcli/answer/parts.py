"""A part and its whole: when the figure that fits a question best is a part of another figure ("of which", the
base's `part_of`) whose indicator fits it too, and the question says none of the words that tell the part from
the whole, the question asks for the whole ("how many workers were given jobs in 2024" is not "of which, through
entrusted capital": a part's note and context name its whole, so its words fit the part too)."""

from __future__ import annotations

from collections.abc import Callable

from pcli.answer.index import Fit, RecordIndex
from pcli.base.model import Figure


class Wholes:
    """The indicators whose figures an indicator's figures are parts of, read from the store when first asked."""

    def __init__(self, figures: Callable[[str], list[Figure]], figure: Callable[[str], Figure | None]) -> None:
        self.figures, self.figure = figures, figure
        self.of: dict[str, frozenset[str]] = {}

    def __call__(self, indicator: str) -> frozenset[str]:
        wholes = self.of.get(indicator)
        if wholes is None:
            found = (self.figure(f.part_of) for f in self.figures(indicator) if f.part_of)
            wholes = self.of[indicator] = frozenset(w.indicator for w in found if w is not None and w.indicator != indicator)
        return wholes


def tells_part(index: RecordIndex, part: str, whole: str, words: tuple[str, ...]) -> bool:
    """Whether a word of the question is in a name of the part and in no name of the whole ("mới", "ủy thác" of
    "việc làm mới từ nguồn vốn ủy thác", not "việc làm" both say)."""
    of_part = {t for name in index.names.get(part, ()) for t in name}
    of_whole = {t for name in index.names.get(whole, ()) for t in name}
    for word in words:
        tokens = index.known(word).keys()
        if not of_part.isdisjoint(tokens) and of_whole.isdisjoint(tokens):
            return True
    return False


def whole_first(
    fits: list[Fit], words: tuple[str, ...], index: RecordIndex, wholes: Wholes, sure: Callable[[Fit], bool]
) -> list[Fit]:
    """The fits with the whole first when the best is a part the question does not tell from it."""
    if not fits or fits[0].kind != "indicator":
        return fits
    top = fits[0]
    of = wholes(top.key.split(":", 1)[1])
    if not of:
        return fits
    for fit in fits[1:]:
        if fit.kind == "indicator" and fit.key.split(":", 1)[1] in of and sure(fit):
            if tells_part(index, top.key, fit.key, words):
                return fits
            first = Fit(fit.key, top.rank, fit.share, fit.named, fit.names)
            second = Fit(top.key, top.rank * (1 - 1e-5), top.share, top.named, top.names)
            return [first, second, *(f for f in fits[1:] if f is not fit)]
    return fits
