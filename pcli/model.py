"""The fact base as plain data: what the loader builds and every other module reads."""

from __future__ import annotations

from typing import NamedTuple

from pcli.periods import Period

LANGS = ("en", "vi", "id")
QUALIFIERS = ("more_than", "nearly", "up_to", "about", "basically")
STATUSES = ("achieved", "target")
UNIT_KINDS = ("count", "percent", "currency")

QUALIFIER_TEXT = {
    "en": {"more_than": "more than", "nearly": "nearly", "up_to": "up to", "about": "about", "basically": "basically"},
    "vi": {"more_than": "hơn", "nearly": "gần", "up_to": "lên tới", "about": "khoảng", "basically": "cơ bản"},
    "id": {"more_than": "lebih dari", "nearly": "hampir", "up_to": "hingga", "about": "sekitar",
           "basically": "pada dasarnya"},
}

Text = dict[str, str]  # one string per language: {"en": …, "vi": …, "id": …}


def pick(text: Text, lang: str) -> str:
    return text.get(lang) or text.get("en") or next(iter(text.values()), "")


class Citation(NamedTuple):
    source: str
    quote: str
    line: int = 0


class Source(NamedTuple):
    id: str
    outlet: str
    language: str
    date: str = ""
    url: str = ""
    file: str = ""
    title: str = ""
    note: str = ""
    line: int = 0


class Topic(NamedTuple):
    id: str
    label: Text
    line: int = 0


class Unit(NamedTuple):
    id: str
    kind: str
    label: Text
    line: int = 0


class Indicator(NamedTuple):
    id: str
    topic: str
    unit: str
    label: Text
    aliases: tuple[str, ...] = ()
    line: int = 0


class Figure(NamedTuple):
    id: str
    indicator: str
    value: int | float
    period: Period
    citations: tuple[Citation, ...]
    place: str = ""
    qualifier: str = ""
    status: str = "achieved"
    note: str = ""
    order: int = 0  # position in the file: the last tie-breaker wherever figures are ranked
    line: int = 0


class Entity(NamedTuple):
    """A programme, document, agency or place: named things that carry no figure of their own."""

    kind: str  # "programmes" | "documents" | "agencies" | "places"
    id: str
    fields: dict[str, object]
    citations: tuple[Citation, ...]
    line: int = 0

    def name(self, lang: str = "en") -> str:
        label = self.fields.get("name") or self.fields.get("subject") or {}
        return pick(label, lang) if isinstance(label, dict) else str(label)


class FactBase:
    """The whole base. Plain classes and named tuples rather than dataclasses: pcli's start-up is measured."""

    __slots__ = ("path", "title", "place", "sources", "topics", "units", "indicators", "figures", "entities")

    def __init__(self, path: str, title: str = "", place: str = "") -> None:
        self.path, self.title, self.place = path, title, place
        self.sources: dict[str, Source] = {}
        self.topics: dict[str, Topic] = {}
        self.units: dict[str, Unit] = {}
        self.indicators: dict[str, Indicator] = {}
        self.figures: list[Figure] = []
        self.entities: dict[str, list[Entity]] = {}

    def figure_unit(self, figure: Figure) -> Unit:
        return self.units[self.indicators[figure.indicator].unit]
