"""Domain objects as records: nested dicts for JSON, flat rows for TSV, CSV and tables."""

from __future__ import annotations

from typing import Any

from pcli.model import QUALIFIER_TEXT, Citation, Entity, FactBase, Figure, pick
from pcli.numbers import humanize

Record = dict[str, Any]

FIGURE_COLUMNS = ("id", "indicator", "label", "value", "unit", "qualifier", "status", "period", "place", "topic",
                  "sources", "quote")
ENTITY_COLUMNS = {
    "programmes": ("id", "kind", "name", "period", "documents", "note", "sources"),
    "documents": ("id", "number", "kind", "issuer", "year", "subject", "note", "sources"),
    "agencies": ("id", "name", "role", "note", "sources"),
    "places": ("id", "kind", "name", "note", "sources"),
}
SOURCE_COLUMNS = ("id", "outlet", "language", "date", "url", "file", "note")
SECTIONS = ("figures", "programmes", "documents", "agencies", "places", "sources")


def citation_records(base: FactBase, citations: tuple[Citation, ...]) -> list[Record]:
    out = []
    for c in citations:
        source = base.sources.get(c.source)
        out.append({"source": c.source, "outlet": source.outlet if source else "",
                    "language": source.language if source else "", "url": source.url if source else "",
                    "quote": c.quote})
    return out


def figure_record(base: FactBase, figure: Figure, lang: str = "en") -> Record:
    indicator = base.indicators[figure.indicator]
    unit = base.units[indicator.unit]
    return {
        "id": figure.id,
        "indicator": figure.indicator,
        "label": pick(indicator.label, lang),
        "labels": dict(indicator.label),
        "value": figure.value,
        "unit": unit.id,
        "display": display_value(base, figure, lang),
        "qualifier": figure.qualifier,
        "status": figure.status,
        "period": figure.period.text,
        "period_label": figure.period.display(lang),
        "place": figure.place,
        "topic": indicator.topic,
        "note": figure.note,
        "citations": citation_records(base, figure.citations),
    }


def display_value(base: FactBase, figure: Figure, lang: str = "en") -> str:
    unit = base.figure_unit(figure)
    text = humanize(figure.value, unit.kind, pick(unit.label, lang), lang)
    if figure.qualifier:
        text = f"{QUALIFIER_TEXT.get(lang, QUALIFIER_TEXT['en'])[figure.qualifier]} {text}"
    return text


def flat_figure(record: Record) -> Record:
    citations = record["citations"]
    return {**{k: record[k] for k in FIGURE_COLUMNS if k in record},
            "sources": ",".join(c["source"] for c in citations),
            "quote": citations[0]["quote"] if citations else ""}


def entity_record(base: FactBase, entity: Entity, lang: str = "en") -> Record:
    out: Record = {"id": entity.id}
    for key, value in entity.fields.items():
        out[key] = pick(value, lang) if isinstance(value, dict) else value
    out["citations"] = citation_records(base, entity.citations)
    return out


def flat_entity(kind: str, record: Record) -> Record:
    row = {k: record.get(k, "") for k in ENTITY_COLUMNS[kind]}
    if isinstance(row.get("documents"), list):
        row["documents"] = ",".join(row["documents"])
    row["sources"] = ",".join(c["source"] for c in record["citations"])
    return row


def source_record(base: FactBase, source_id: str) -> Record:
    s = base.sources[source_id]
    return {"id": s.id, "outlet": s.outlet, "language": s.language, "date": s.date, "url": s.url, "file": s.file,
            "note": s.note}


def section(base: FactBase, name: str, lang: str = "en") -> tuple[tuple[str, ...], list[Record], list[Record]]:
    """(columns, flat rows, full records) of one section of the base."""
    if name == "figures":
        full = [figure_record(base, f, lang) for f in base.figures]
        return FIGURE_COLUMNS, [flat_figure(r) for r in full], full
    if name == "sources":
        full = [source_record(base, s) for s in base.sources]
        return SOURCE_COLUMNS, full, full
    full = [entity_record(base, e, lang) for e in base.entities.get(name, [])]
    return ENTITY_COLUMNS[name], [flat_entity(name, r) for r in full], full


def whole_base(base: FactBase) -> Record:
    """Everything, for `pcli export --format json`: figures with citations in base units, and all the rest."""
    return {
        "title": base.title,
        "place": base.place,
        "sources": [source_record(base, s) for s in base.sources],
        "topics": [{"id": t.id, "label": t.label} for t in base.topics.values()],
        "units": [{"id": u.id, "kind": u.kind, "label": u.label} for u in base.units.values()],
        "indicators": [{"id": i.id, "topic": i.topic, "unit": i.unit, "label": i.label, "aliases": list(i.aliases)}
                       for i in base.indicators.values()],
        "figures": [figure_record(base, f) for f in base.figures],
        **{kind: [{"id": e.id, **e.fields, "citations": citation_records(base, e.citations)} for e in entities]
           for kind, entities in base.entities.items()},
    }
