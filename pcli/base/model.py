"""The fact base as plain data: what the loader builds and every other module reads."""

from __future__ import annotations

from collections.abc import Callable

from pcli.base.periods import Period
from pcli.base.schema import ENTITY_TABLES, LANGS, QUALIFIERS, STATUSES, UNIT_KINDS

__all__ = ["LANGS", "QUALIFIERS", "STATUSES", "UNIT_KINDS"]

Text = dict[str, str]  # one string per language: {"en": …, "vi": …, "id": …}


def pick(text: Text, lang: str) -> str:
    return text.get(lang) or text.get("en") or next(iter(text.values()), "")


def said(base: Catalogue, text: str, lang: str) -> str:
    """Free text of the base (its title, a note, a place's name) in the reader's language, where the base gives
    it in three languages; as written otherwise. Machine formats keep the English, as ids are kept."""
    return base.phrases[text].get(lang) or text if text in base.phrases else text


class Citation:
    """A source's verbatim quote for a record. `context` is a second short verbatim passage of the same source that
    dates the quote; `qualifier` is this source's own reading of the figure where it differs from the figure's
    ("none" when this source states the number plainly), None when it reads the same."""

    __slots__ = ("source", "quote", "context", "qualifier", "line")

    def __init__(self, source: str, quote: str, line: int = 0, context: str = "", qualifier: str | None = None) -> None:
        self.source, self.quote, self.line, self.context, self.qualifier = source, quote, line, context, qualifier

    def reading(self, figure_qualifier: str) -> str:
        """The qualifier this citation states: its own where it has one, else the figure's ("" for none)."""
        if self.qualifier is None:
            return figure_qualifier
        return "" if self.qualifier == "none" else self.qualifier


class Source:
    """One text. Sources with the same `report` are renderings of one report (not independent confirmation);
    `rendering_of` says what the text is a rendering of, as far as the text itself shows it."""

    __slots__ = ("id", "outlet", "language", "date", "url", "file", "title", "note", "report", "rendering_of", "line",
                 "base")  # fmt: skip

    def __init__(
        self,
        id: str,
        outlet: str,
        language: str,
        date: str = "",
        url: str = "",
        file: str = "",
        title: str = "",
        note: str = "",
        report: str = "",
        rendering_of: str = "",
        line: int = 0,
        base: str = "",
    ) -> None:
        self.id, self.outlet, self.language, self.date, self.url = id, outlet, language, date, url
        self.file, self.title, self.note, self.line = file, title, note, line
        self.report, self.rendering_of = report or id, rendering_of
        self.base = base  # the name of the fact base file it came from (several are read as one: base/bases.py)


class Topic:
    __slots__ = ("id", "label")

    def __init__(self, id: str, label: Text) -> None:
        self.id, self.label = id, label


class Unit:
    __slots__ = ("id", "kind", "label")

    def __init__(self, id: str, kind: str, label: Text) -> None:
        self.id, self.kind, self.label = id, kind, label


class Indicator:
    __slots__ = ("id", "topic", "unit", "label", "aliases", "note", "change")

    def __init__(self, id: str, topic: str, unit: str, label: Text, aliases: tuple[str, ...] = (), note: str = "",
                 change: bool = False) -> None:  # fmt: skip
        self.id, self.topic, self.unit, self.label, self.aliases = id, topic, unit, label, aliases
        self.change = change  # its values are changes: they may be negative, or over 100 %
        self.note = note


class Figure:
    __slots__ = (
        "id",
        "indicator",
        "value",
        "period",
        "citations",
        "place",
        "qualifier",
        "status",
        "note",
        "order",
        "as_of",
        "part_of",
        "line",
    )

    def __init__(
        self,
        id: str,
        indicator: str,
        value: int | float,
        period: Period,
        citations: tuple[Citation, ...],
        place: str = "",
        qualifier: str = "",
        status: str = "achieved",
        note: str = "",
        order: int = 0,
        line: int = 0,
        as_of: bool = False,
        part_of: str = "",
    ) -> None:
        self.id, self.indicator, self.value, self.period, self.citations = id, indicator, value, period, citations
        self.place, self.qualifier, self.status, self.note = place, qualifier, status, note
        self.as_of = as_of  # "by September 2025": the value holds by the end of the period, not during it
        self.part_of = part_of  # the id of the figure this one is a part of ("of which")
        self.order = order  # position in the file: the last tie-breaker wherever figures are ranked
        self.line = line


class Entity:
    """A programme, document, agency or place: named things that carry no figure of their own."""

    __slots__ = ("kind", "id", "fields", "citations")

    def __init__(self, kind: str, id: str, fields: dict[str, object], citations: tuple[Citation, ...]) -> None:
        self.kind = kind  # "programmes" | "documents" | "agencies" | "places"
        self.id, self.fields, self.citations = id, fields, citations

    def name(self, lang: str = "en") -> str:
        label = self.fields.get("name") or self.fields.get("subject") or {}
        return pick(label, lang) if isinstance(label, dict) else str(label)


class Skip:
    """A number of a source the base deliberately does not hold as a figure, with the reason."""

    __slots__ = ("id", "source", "quote", "number", "reason", "line")

    def __init__(self, id: str, source: str, quote: str, number: str, reason: str, line: int = 0) -> None:
        self.id, self.source, self.quote, self.number, self.reason, self.line = id, source, quote, number, reason, line


class Catalogue:
    """Everything a base holds but its figures: title, place, sources, topics, units, indicators, programmes,
    documents, agencies, places and skips. A store hands out the catalogue and streams the figures; its
    programmes to skips are read from it when first asked for (`rest`), which no reader can tell. Plain classes
    rather than dataclasses or named tuples: pcli's start-up is measured."""

    __slots__ = ("path", "title", "place", "sources", "topics", "units", "indicators", "phrases", "bases", "_entities",
                 "_skips", "_rest")  # fmt: skip

    def __init__(self, path: str, title: str = "", place: str = "", rest: Rest | None = None) -> None:
        self.path, self.title, self.place = path, title, place
        self.bases: tuple[str, ...] = ()  # the names of the base files read as this one, when more than one
        self.phrases: dict[str, dict[str, str]] = {}  # free text (title, notes, place names) → its three languages
        self.sources: dict[str, Source] = {}
        self.topics: dict[str, Topic] = {}
        self.units: dict[str, Unit] = {}
        self.indicators: dict[str, Indicator] = {}
        self._entities: dict[str, list[Entity]] = {table: [] for table in ENTITY_TABLES}
        self._skips: list[Skip] = []
        self._rest = rest

    @property
    def entities(self) -> dict[str, list[Entity]]:
        """Programmes, documents, agencies and places, by table, in file order."""
        if self._rest is not None:
            self._read_rest()
        return self._entities

    @property
    def skips(self) -> list[Skip]:
        if self._rest is not None:
            self._read_rest()
        return self._skips

    def rest_read_by(self, rest: Rest) -> None:
        """Read programmes to skips with `rest` when first asked for (the store's boundary guards its reads)."""
        if self._rest is not None:
            self._rest = rest

    def _read_rest(self) -> None:
        rest, self._rest = self._rest, None
        if rest is not None:
            self._entities, self._skips = rest()

    def figure_unit(self, figure: Figure) -> Unit:
        return self.units[self.indicators[figure.indicator].unit]


Rest = Callable[[], tuple[dict[str, list[Entity]], list[Skip]]]


class FactBase(Catalogue):
    """A whole base: its catalogue and every figure, as the loader reads it from TOML (or a store reads it whole,
    for a command that needs every figure at once)."""

    __slots__ = ("figures",)

    def __init__(self, path: str, title: str = "", place: str = "") -> None:
        super().__init__(path, title, place)
        self.figures: list[Figure] = []

    @classmethod
    def of(cls, catalogue: Catalogue, figures: list[Figure]) -> FactBase:
        """The whole base of a catalogue and its figures (the catalogue's records are shared, not copied)."""
        base = cls(catalogue.path, catalogue.title, catalogue.place)
        base.phrases, base.sources, base.topics = catalogue.phrases, catalogue.sources, catalogue.topics
        base.units, base.indicators, base.bases = catalogue.units, catalogue.indicators, catalogue.bases
        base._entities, base._skips, base.figures = catalogue.entities, catalogue.skips, figures
        return base
