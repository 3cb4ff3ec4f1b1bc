"""The fact base as plain data: what the loader builds and every other module reads."""

from __future__ import annotations

from dataclasses import dataclass, field

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


@dataclass(frozen=True, slots=True)
class Citation:
    source: str
    quote: str
    line: int = 0


@dataclass(frozen=True, slots=True)
class Source:
    id: str
    outlet: str
    language: str
    date: str = ""
    url: str = ""
    file: str = ""
    title: str = ""
    note: str = ""
    line: int = 0


@dataclass(frozen=True, slots=True)
class Topic:
    id: str
    label: Text
    line: int = 0


@dataclass(frozen=True, slots=True)
class Unit:
    id: str
    kind: str
    label: Text
    line: int = 0


@dataclass(frozen=True, slots=True)
class Indicator:
    id: str
    topic: str
    unit: str
    label: Text
    aliases: tuple[str, ...] = ()
    line: int = 0


@dataclass(frozen=True, slots=True)
class Figure:
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


@dataclass(frozen=True, slots=True)
class Entity:
    """A programme, document, agency or place: named things that carry no figure of their own."""

    kind: str  # "programmes" | "documents" | "agencies" | "places"
    id: str
    fields: dict[str, object]
    citations: tuple[Citation, ...]
    line: int = 0

    def name(self, lang: str = "en") -> str:
        label = self.fields.get("name") or self.fields.get("subject") or {}
        return pick(label, lang) if isinstance(label, dict) else str(label)


@dataclass(slots=True)
class FactBase:
    path: str
    title: str = ""
    place: str = ""
    sources: dict[str, Source] = field(default_factory=dict)
    topics: dict[str, Topic] = field(default_factory=dict)
    units: dict[str, Unit] = field(default_factory=dict)
    indicators: dict[str, Indicator] = field(default_factory=dict)
    figures: list[Figure] = field(default_factory=list)
    entities: dict[str, list[Entity]] = field(default_factory=dict)

    def figure_unit(self, figure: Figure) -> Unit:
        return self.units[self.indicators[figure.indicator].unit]
