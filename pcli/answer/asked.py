"""The kind of record a question word asks for: "who", "ai", "siapa" ask for whoever acts, an agency, not the
programme or document it acts on ("who led the livelihood projects" is the department whose role says so)."""

from __future__ import annotations

from pcli.answer.confidence import RECORD_THRESHOLD
from pcli.answer.index import Fit

_ACTED_ON = frozenset(("programme", "document"))


def actor_first(fits: list[Fit]) -> list[Fit]:
    """The fits with the best agency first when a programme or document fits best and the agency fits enough to
    answer by itself."""
    if not fits or fits[0].kind not in _ACTED_ON:
        return fits
    agency = next((f for f in fits[1:] if f.kind == "agency" and f.share >= RECORD_THRESHOLD), None)
    if agency is None:
        return fits
    first = Fit(agency.key, fits[0].rank, agency.share, agency.named, agency.names)
    second = Fit(fits[0].key, fits[0].rank * (1 - 1e-5), fits[0].share, fits[0].named, fits[0].names)
    return [first, second, *(f for f in fits[1:] if f is not agency)]
