"""Domain objects as records: nested dicts for JSON, flat rows for TSV, CSV and tables."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from pcli.answer.changes import Change
from pcli.base.bases import from_bases
from pcli.base.model import LANGS, Catalogue, Citation, Entity, Figure, pick
from pcli.base.numbers import humanize
from pcli.base.schema import ENTITY_TABLES, KINDS
from pcli.messages import say, word

Record = dict[str, Any]

ENTITY_COLUMNS = {table: (*(f.name for f in KINDS[table].fields if f.type != "citations"), "sources") for table in ENTITY_TABLES}
SOURCE_COLUMNS = tuple(f.name for f in KINDS["sources"].fields)
SECTIONS = ("figures", "programmes", "documents", "agencies", "places", "sources")


def citation_records(
    base: Catalogue, citations: tuple[Citation, ...], figure: Figure | None = None, lang: str = "en"
) -> list[Record]:
    """Each citation with its source; for a figure, `reads` is this source's own reading where it differs."""
    out = []
    for c in citations:
        source = base.sources.get(c.source)
        record: Record = {
            "source": c.source,
            "outlet": source.outlet if source else "",
            "language": source.language if source else "",
            "url": source.url if source else "",
            "date": source.date if source else "",
            "quote": c.quote,
        }
        if c.context:
            record["context"] = c.context
        if figure is not None and c.reading(figure.qualifier) != figure.qualifier:
            record["qualifier"] = c.reading(figure.qualifier)
            record["reads"] = displayed(base, figure, c.reading(figure.qualifier), lang, mark=False)
        out.append(record)
    return out


def independent_reports(base: Catalogue, citations: tuple[Citation, ...]) -> int:
    """How many independent reports the citations come from: renderings of one report count once."""
    return len({base.sources[c.source].report if c.source in base.sources else c.source for c in citations})


def _date(text: str, lang: str) -> str:
    """ "2025-12-10" as "10 Dec 2025" (en), "10/12/2025" (vi), "10 Des 2025" (id)."""
    year, month, day = text.split("-")
    return say("day_month_year", lang, day=int(day), month=word("months_short", lang).split()[int(month) - 1], year=year)


def period_label(base: Catalogue, figure: Figure, lang: str = "en") -> str:
    """The figure's period for people: "by September 2025", or "undated; reported 10 Dec 2025" with the earliest
    date of the sources that report it (plain "undated" when none gives a date)."""
    if figure.period.kind != "undated":
        return figure.period.display(lang, figure.as_of)
    dates = sorted(
        d
        for c in figure.citations
        if c.source in base.sources and len(d := base.sources[c.source].date) == 10 and d[4] == d[7] == "-"
    )
    if not dates:
        return figure.period.display(lang)
    return say("undated_reported", lang, date=_date(dates[0], lang))


def display_value(base: Catalogue, figure: Figure, lang: str = "en") -> str:
    return displayed(base, figure, figure.qualifier, lang)


def displayed(base: Catalogue, figure: Figure, qualifier: str, lang: str, mark: bool = True) -> str:
    """A figure's value for people, as one source reads it: "more than 3,600 households"; a target says so in
    the value itself ("basically 0 households (target)"), so that no table, cell or paste shows a goal as a
    result. JSON's `display` is the value as written (`mark=False`): its `status` says target."""
    unit = base.figure_unit(figure)
    text = humanize(figure.value, unit.kind, pick(unit.label, lang), lang)
    if qualifier:
        text = f"{word(qualifier, lang)} {text}"
    if mark and figure.status == "target":
        text = say("as_target", lang, value=text)
    return text


def tidy(value: float) -> int | float:
    """Differences of decimals (0.03 - 0.095) without floating-point dust."""
    return int(value) if float(value).is_integer() else round(value, 10)


# Each column a figure's rows and records may have, defined once: the keys the schema declares for a figure
# (pcli/base/schema.py; its period as written), then the columns computed from it, its indicator and its citations.
# Every shape of a figure (a query's row, its JSON record, the export's tables, the publication's) is a choice of
# them, in its own order.
Cell = Callable[[Catalogue, Figure, str], Any]
DECLARED = tuple(f.name for f in KINDS["figures"].fields if f.type != "citations")


def _declared(name: str) -> Cell:
    if name == "period":
        return lambda base, f, lang: f.period.text
    return lambda base, f, lang: getattr(f, name)


def _label_in(code: str) -> Cell:
    return lambda base, f, lang: base.indicators[f.indicator].label.get(code, "")


def _span(end: int) -> Cell:
    def cell(base: Catalogue, f: Figure, lang: str) -> str:
        from pcli.output.columns import iso_span

        return iso_span(f.period)[end]

    return cell


def _license(base: Catalogue, f: Figure, lang: str) -> str:
    from pcli.output.columns import LICENSE

    return LICENSE


COMPUTED: dict[str, Cell] = {
    "label": lambda base, f, lang: pick(base.indicators[f.indicator].label, lang),
    **{f"label_{code}": _label_in(code) for code in LANGS},
    "labels": lambda base, f, lang: dict(base.indicators[f.indicator].label),
    "unit": lambda base, f, lang: base.indicators[f.indicator].unit,
    "topic": lambda base, f, lang: base.indicators[f.indicator].topic,
    "display": lambda base, f, lang: display_value(base, f, lang),
    "period_label": lambda base, f, lang: period_label(base, f, lang),
    "period_kind": lambda base, f, lang: f.period.kind,
    "period_start": _span(0),
    "period_end": _span(1),
    "caption": lambda base, f, lang: (
        f"{pick(base.indicators[f.indicator].label, lang)}: {display_value(base, f, lang)} ({period_label(base, f, lang)})"
    ),
    "sources": lambda base, f, lang: ",".join(dict.fromkeys(c.source for c in f.citations)),
    "quote_source": lambda base, f, lang: f.citations[0].source if f.citations else "",
    "quote": lambda base, f, lang: f.citations[0].quote if f.citations else "",
    "citations": lambda base, f, lang: citation_records(base, f.citations, f, lang),
    "independent_reports": lambda base, f, lang: independent_reports(base, f.citations),
    "license": _license,
}
CELLS: dict[str, Cell] = {**{name: _declared(name) for name in DECLARED}, **COMPUTED}

FIGURE_COLUMNS = ("id", "indicator", "label", "value", "unit", "qualifier", "status", "period", "place", "topic", "sources",
                  "quote")  # fmt: skip
FIGURE_RECORD = ("id", "indicator", "label", "labels", "value", "unit", "display", "qualifier", "status", "period", "as_of",
                 "period_label", "place", "topic", "part_of", "note", "citations", "independent_reports")  # fmt: skip


def figure_cells(columns: tuple[str, ...], base: Catalogue, figure: Figure, lang: str = "en") -> Record:
    """A figure as a row or record of these columns."""
    return {column: CELLS[column](base, figure, lang) for column in columns}


def figure_record(base: Catalogue, figure: Figure, lang: str = "en") -> Record:
    """A figure in full, as JSON gives it (and the base it comes from, when several are read as one). Its `display`
    is the value as written: its `status` says target."""
    record = figure_cells(FIGURE_RECORD, base, figure, lang)
    record["display"] = displayed(base, figure, figure.qualifier, lang, mark=False)
    return {**record, **from_bases(base, (c.source for c in figure.citations))}


def figure_row(base: Catalogue, figure: Figure, lang: str = "en") -> Record:
    """A figure as one row of FIGURE_COLUMNS (a query's or show's TSV, CSV and table), and its `base` when several
    bases are read as one."""
    return {**figure_cells(FIGURE_COLUMNS, base, figure, lang), **from_bases(base, (c.source for c in figure.citations))}


def with_base(columns: tuple[str, ...], base: Catalogue) -> tuple[str, ...]:
    """A table's columns, with `base` last when several bases are read as one (one base's columns stay as they
    are, as its JSON records do): which base each row comes from."""
    return (*columns, "base") if len(base.bases) > 1 else columns


def entity_record(base: Catalogue, entity: Entity, lang: str = "en") -> Record:
    out: Record = {"id": entity.id}
    for key, value in entity.fields.items():
        out[key] = pick(value, lang) if isinstance(value, dict) else value
    out["citations"] = citation_records(base, entity.citations)
    out.update(from_bases(base, (c.source for c in entity.citations)))
    return out


def flat_row(table: str, obj: Any, fields: dict[str, Any] | None = None) -> Record:
    """A record as one row of its table: text as one column per language, lists joined with commas."""
    row: Record = {}
    for field in KINDS[table].fields:
        value = fields.get(field.name) if fields is not None else getattr(obj, field.name, None)
        if field.type == "citations":
            continue
        if field.type == "text":
            row.update({f"{field.name}_{lang}": (value or {}).get(lang, "") for lang in LANGS})
        elif isinstance(value, list | tuple):
            row[field.name] = ",".join(str(v) for v in value)
        else:
            row[field.name] = "" if value is None else value
    return row


def agency_name(base: Catalogue, ident: str, lang: str) -> str:
    """An agency (a document's issuer) by its name in the reader's language; an id the base has no agency of as
    it is."""
    return next((e.name(lang) for e in base.entities.get("agencies", ()) if e.id == ident), ident)


def flat_entity(kind: str, record: Record) -> Record:
    row = {k: record.get(k, "") for k in ENTITY_COLUMNS[kind]}
    if isinstance(row.get("documents"), list):
        row["documents"] = ",".join(row["documents"])
    row["sources"] = ",".join(c["source"] for c in record["citations"])
    if "base" in record:
        row["base"] = record["base"]
    return row


def plain_record(obj: object, table: str) -> Record:
    """A source, topic, unit or indicator as the schema declares its keys."""
    out: Record = {}
    for f in KINDS[table].fields:
        value = getattr(obj, f.name, None)
        out[f.name] = list(value) if isinstance(value, tuple) else dict(value) if isinstance(value, dict) else value
    return out


def source_record(base: Catalogue, source_id: str) -> Record:
    return {**plain_record(base.sources[source_id], "sources"), **from_bases(base, [source_id])}


def answer_record(base: Catalogue, answer: Any, lang: str = "en") -> Record:
    """One answer of a query as a record with its kind: a figure's, a record's or a change's."""
    if answer.kind == "change":
        return change_record(base, answer, lang)
    if answer.figure is not None:
        return {**figure_record(base, answer.figure, lang), "kind": "figure"}
    record = answer.record
    if answer.kind == "indicator":
        return {**plain_record(record, "indicators"), "kind": "indicator", "label": pick(record.label, lang)}
    if answer.kind == "source":
        return {**plain_record(record, "sources"), "kind": "source", "label": record.outlet, "citations": [],
                **from_bases(base, [record.id])}  # fmt: skip
    row = entity_record(base, record, lang)  # its own kind (a resolution, a commune) is its type; kind is the answer's
    return {**row, **({"type": row["kind"]} if row.get("kind") else {}), "kind": answer.kind, "label": record.name(lang)}


def change_record(base: Catalogue, answer: Any, lang: str = "en") -> Record:
    """From one figure to another: both as records, the change in the unit (percentage points for a percent
    indicator) and, for other units, the change in per cent (answer.changes.Change works them out)."""
    before, after = answer.before, answer.after
    indicator = base.indicators[before.indicator]
    c = Change.of(base, before, after)
    return {"kind": "change", "id": f"{before.id}..{after.id}", "indicator": indicator.id,
            "label": pick(indicator.label, lang), "unit": indicator.unit,
            "from": figure_record(base, before, lang), "to": figure_record(base, after, lang), "change": tidy(c.change),
            "change_unit": "pp" if c.rate else indicator.unit, "change_percent": percent_of(c)}  # fmt: skip


def percent_of(change: Any) -> float | None:
    """A change's per cent as the machine formats carry it."""
    return None if change.percent is None else round(change.percent, 4)


def sections(base: Catalogue, figures: Iterable[Figure]) -> Iterator[tuple[str, Iterator[Record]]]:
    """Every table of the base as (name, records), for `pcli export`: figures with citations in base units, and all
    the rest, each record with the keys the schema declares. Records are made as they are written, from `figures`
    (a stream from the store)."""
    for table in ("sources", "topics", "units", "indicators"):
        values: Iterable[object] = getattr(base, table).values()
        yield table, (plain_record(obj, table) for obj in values)
    yield "figures", (figure_record(base, f) for f in figures)
    for kind, entities in base.entities.items():
        yield kind, ({"id": e.id, **e.fields, "citations": citation_records(base, e.citations)} for e in entities)
    yield "skips", (plain_record(k, "skips") for k in base.skips)


def sources_named(base: Catalogue, ids: Iterable[str], lang: str = "en") -> str:
    """ "VTC News, 10 Dec 2025; Hanoimoi": the sources of these ids, each once, in the base's order, with its date
    where it has one."""
    wanted = set(ids)
    named = []
    for source in base.sources.values():
        if source.id in wanted:
            dated = len(source.date) == 10 and source.date[4] == source.date[7] == "-"
            named.append(f"{source.outlet}, {_date(source.date, lang)}" if dated else source.outlet)
    return "; ".join(named)
