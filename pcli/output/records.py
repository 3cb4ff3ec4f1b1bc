"""Domain objects as records: nested dicts for JSON, flat rows for TSV, CSV and tables."""

from __future__ import annotations

from typing import Any

from pcli.base.model import QUALIFIER_TEXT, Citation, Entity, FactBase, Figure, pick
from pcli.base.numbers import humanize

Record = dict[str, Any]

FIGURE_COLUMNS = ("id", "indicator", "label", "value", "unit", "qualifier", "status", "period", "place", "topic",
                  "sources", "quote")
ENTITY_COLUMNS = {
    "programmes": ("id", "kind", "name", "period", "documents", "note", "sources"),
    "documents": ("id", "number", "kind", "issuer", "year", "subject", "note", "sources"),
    "agencies": ("id", "name", "role", "note", "sources"),
    "places": ("id", "kind", "name", "note", "sources"),
}
SOURCE_COLUMNS = ("id", "outlet", "language", "date", "url", "file", "report", "rendering_of", "note")
SECTIONS = ("figures", "programmes", "documents", "agencies", "places", "sources")


def citation_records(base: FactBase, citations: tuple[Citation, ...], figure: Figure | None = None,
                     lang: str = "en") -> list[Record]:
    """Each citation with its source; for a figure, `reads` is this source's own reading where it differs."""
    out = []
    for c in citations:
        source = base.sources.get(c.source)
        record: Record = {"source": c.source, "outlet": source.outlet if source else "",
                          "language": source.language if source else "", "url": source.url if source else "",
                          "date": source.date if source else "", "quote": c.quote}
        if c.context:
            record["context"] = c.context
        if figure is not None and c.reading(figure.qualifier) != figure.qualifier:
            record["qualifier"] = c.reading(figure.qualifier)
            record["reads"] = displayed(base, figure, c.reading(figure.qualifier), lang)
        out.append(record)
    return out


def independent_reports(base: FactBase, citations: tuple[Citation, ...]) -> int:
    """How many independent reports the citations come from: renderings of one report count once."""
    return len({base.sources[c.source].report if c.source in base.sources else c.source for c in citations})


_MONTHS_SHORT = {"en": "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(),
                 "id": "Jan Feb Mar Apr Mei Jun Jul Agu Sep Okt Nov Des".split()}
_REPORTED = {"en": "undated; reported {}", "vi": "không rõ thời điểm; đưa tin {}", "id": "tanpa tanggal; dilaporkan {}"}


def _date(text: str, lang: str) -> str:
    """"2025-12-10" as "10 Dec 2025" (en), "10/12/2025" (vi), "10 Des 2025" (id)."""
    year, month, day = text.split("-")
    if lang == "vi":
        return f"{int(day)}/{int(month)}/{year}"
    return f"{int(day)} {_MONTHS_SHORT.get(lang, _MONTHS_SHORT['en'])[int(month) - 1]} {year}"


def period_label(base: FactBase, figure: Figure, lang: str = "en") -> str:
    """The figure's period for people: "by September 2025", or "undated; reported 10 Dec 2025" with the earliest
    date of the sources that report it (plain "undated" when none gives a date)."""
    if figure.period.kind != "undated":
        return figure.period.display(lang, figure.as_of)
    dates = sorted(d for c in figure.citations if c.source in base.sources
                   and len(d := base.sources[c.source].date) == 10 and d[4] == d[7] == "-")
    if not dates:
        return figure.period.display(lang)
    return _REPORTED.get(lang, _REPORTED["en"]).format(_date(dates[0], lang))


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
        "as_of": figure.as_of,
        "period_label": period_label(base, figure, lang),
        "place": figure.place,
        "topic": indicator.topic,
        "part_of": figure.part_of,
        "note": figure.note,
        "citations": citation_records(base, figure.citations, figure, lang),
        "independent_reports": independent_reports(base, figure.citations),
    }


def display_value(base: FactBase, figure: Figure, lang: str = "en") -> str:
    return displayed(base, figure, figure.qualifier, lang)


def displayed(base: FactBase, figure: Figure, qualifier: str, lang: str) -> str:
    unit = base.figure_unit(figure)
    text = humanize(figure.value, unit.kind, pick(unit.label, lang), lang)
    if qualifier:
        text = f"{QUALIFIER_TEXT.get(lang, QUALIFIER_TEXT['en'])[qualifier]} {text}"
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
            "report": s.report, "rendering_of": s.rendering_of, "note": s.note}


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
