"""The filters of show, list, trend, compare and export (--place, --topic, --status): which figures they keep.
A place is matched without case or accents, by any of its names; a topic and a status must exist."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import NamedTuple

from pcli.base.model import Catalogue, Figure
from pcli.base.periods import Period
from pcli.errors import UsageError
from pcli.messages import Msg

STATUSES = ("achieved", "target")


class Filters(NamedTuple):
    place: str | None = None
    topic: str | None = None
    status: str | None = None

    def given(self) -> bool:
        return any(v is not None for v in self)

    def check(self, base: Catalogue) -> Filters:
        """The filters, checked against the base: an unknown topic or status is bad usage, said before anything
        is read; the status is taken in any case."""
        if self.topic is not None and self.topic not in base.topics:
            raise UsageError("unknown_topic", name=self.topic, choices=", ".join(base.topics))
        status = self.status.lower() if self.status is not None else None
        if status is not None and status not in STATUSES:
            raise UsageError("bad_status", status=self.status, choices=", ".join(STATUSES))
        return self._replace(status=status)

    def keeps(self, base: Catalogue) -> Callable[[Figure], bool]:
        """Whether a figure passes every filter given."""

        place = _spelled(self.place) if self.place is not None else None
        names = _place_names(base, place) if place is not None else set()

        def keep(f: Figure) -> bool:
            return (
                (place is None or _spelled(f.place) in names)
                and (self.topic is None or base.indicators[f.indicator].topic == self.topic)
                and (self.status is None or f.status == self.status)
            )

        return keep

    def figures_place(self, base: Catalogue, names: Iterable[str]) -> str | None:
        """The place asked (`--place "Hà Nội"`) as the figures name it ("Hanoi"), of `names`, the places with
        figures; None when no figure is of it."""
        wanted = _place_names(base, _spelled(self.place)) if self.place is not None else set()
        return next((name for name in names if _spelled(name) in wanted), None)

    def apply(self, base: Catalogue, figures: Iterable[Figure]) -> Iterator[Figure]:
        keep = self.keeps(base)
        return (f for f in figures if keep(f))

    def miss(self) -> Msg:
        """What a reader is told when no figure passes."""
        given = [f"--{name} {value}" for name, value in zip(self._fields, self, strict=True) if value is not None]
        return Msg("nothing_filtered", filters=" ".join(given))


NO_FILTERS = Filters()


def periods_passing(base: Catalogue, figures: Iterable[Figure]) -> dict[str, tuple[int, list[tuple[Period, bool]]]]:
    """For each indicator with figures among these: how many, and their distinct (period, as_of) in time order,
    as `list indicators` shows them (Store.periods_of_indicators, over the figures that pass the filters)."""
    by: dict[str, list[Figure]] = {}
    for f in figures:
        by.setdefault(f.indicator, []).append(f)
    return {
        indicator: (len(fs), list(dict.fromkeys((f.period, f.as_of) for f in sorted(fs, key=lambda f: f.period.sort_key))))
        for indicator, fs in by.items()
    }


def _spelled(name: str) -> str:
    """A place's name as compared: without case, accents or spaces ("Hà Nội" is "Hanoi")."""
    from pcli.text import fold

    return "".join(fold(name).split())


def _place_names(base: Catalogue, place: str) -> set[str]:
    """The names a figure's place may have for the place asked (as _spelled): the name itself, and every name
    (in any language, or another name) of a place record named so."""
    names = {place}
    for entity in base.entities.get("places", []):
        spelled = {_spelled(entity.id), *(_spelled(n) for n in _names(entity))}
        if place in spelled:
            names |= spelled
    return names


def _names(entity: object) -> list[str]:
    fields = getattr(entity, "fields", {})
    out: list[str] = []
    for key in ("name", "aliases"):
        value = fields.get(key)
        if isinstance(value, dict):
            out += [v for v in value.values() if isinstance(v, str)]
        elif isinstance(value, list | tuple):
            out += [str(v) for v in value]
        elif isinstance(value, str):
            out.append(value)
    return out
