"""How sure an answer is: the share of a question a record must explain to answer it, and the rules that make a
fit too weak to answer (chosen on measured blind sets, tests/blind)."""

from __future__ import annotations

from pcli.answer.index import Fit
from pcli.answer.query import Query
from pcli.base.model import Figure
from pcli.base.periods import Period

THRESHOLD = 0.5  # the share of a question's weight a figure must explain (tests/blind: chosen on measured sets)
NAMED = 0.3  # the share of its best name a figure's indicator must have in the question, unless a number says it
NAMED_RECORD = 0.6  # the share of a record's name a question must say to be read as asking a figure of it
RECORD_THRESHOLD = 0.25  # a programme, document, agency, place or source: a wrong one is no wrong number


def confident(fit: Fit, held: dict[str, list[Figure]], periods: tuple[Period, ...], asks: str = "") -> bool:
    """Whether the best record explains enough of the question to answer it: a figure's indicator also has a
    third of a name said by the question, or holds a number it states ("penduduk", one word of a long label,
    is not a question about that label)."""
    if fit.kind == "source" and asks != "source" and not fit.named:
        return False  # an article answers a question that asks for one or names it, not one on what it tells
    if fit.kind != "indicator":  # a year asks for a figure, unless the question asks for a record
        return fit.share >= (THRESHOLD if periods and asks in ("", "figure") else RECORD_THRESHOLD)
    stated = any(f"indicator:{f.indicator}" == fit.key for figures in held.values() for f in figures)
    return fit.share >= THRESHOLD and (stated or fit.names >= 2 or fit.named >= NAMED)


def figure_asked(fits: list[Fit], query: Query) -> bool:
    """Whether a record that is no figure fits best a question that asks for a figure: a period, and the whole
    name of a measure ("số hộ nghèo ở Ba Vì năm 2024" is not the village of Ba Vì)."""
    return (
        fits[0].kind != "indicator"
        and bool(query.periods)
        and query.asks in ("", "figure")
        and any(f.kind == "indicator" and f.named >= 1.0 for f in fits[1:6])
    )
