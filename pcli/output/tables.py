"""The whole base as flat tables: for CSV/TSV files and the SQLite database."""

from __future__ import annotations

from typing import Any

from pcli.base.model import LANGS, FactBase
from pcli.output.records import Record

FIGURE_TABLE = ("id", "indicator", "label_en", "label_vi", "label_id", "value", "unit", "qualifier", "status",
                "period", "as_of", "place", "topic", "part_of", "note")
CITATION_TABLE = ("record_table", "record_id", "position", "source", "quote", "context", "qualifier")


def _flatten(fields: dict[str, Any]) -> Record:
    row: Record = {}
    for key, value in fields.items():
        if isinstance(value, dict):
            for lang in LANGS:
                row[f"{key}_{lang}"] = value.get(lang, "")
        elif isinstance(value, list):
            row[key] = ",".join(str(v) for v in value)
        else:
            row[key] = value
    return row


def tables(base: FactBase) -> dict[str, tuple[tuple[str, ...], list[Record]]]:
    figures = []
    citations: list[Record] = []
    figure_citations = []
    for f in base.figures:
        ind = base.indicators[f.indicator]
        row = {"id": f.id, "indicator": f.indicator, **{f"label_{lang}": ind.label.get(lang, "") for lang in LANGS},
               "value": f.value, "unit": ind.unit, "qualifier": f.qualifier, "status": f.status,
               "period": f.period.text, "as_of": f.as_of, "place": f.place, "topic": ind.topic,
               "part_of": f.part_of, "note": f.note}
        figures.append(row)
        for n, c in enumerate(f.citations):
            citations.append({"record_table": "figures", "record_id": f.id, "position": n, "source": c.source,
                              "quote": c.quote, "context": c.context, "qualifier": c.qualifier or ""})
            figure_citations.append({**row, "source": c.source, "quote": c.quote})
    out: dict[str, tuple[tuple[str, ...], list[Record]]] = {
        "figures": (FIGURE_TABLE, figures),
        "figure_citations": ((*FIGURE_TABLE, "source", "quote"), figure_citations),
    }
    for kind, entities in base.entities.items():
        rows = [{"id": e.id, **_flatten(e.fields)} for e in entities]
        columns: list[str] = []
        for row in rows:
            columns.extend(k for k in row if k not in columns)
        out[kind] = (tuple(columns) or ("id",), rows)
        for e in entities:
            for n, c in enumerate(e.citations):
                citations.append({"record_table": kind, "record_id": e.id, "position": n, "source": c.source,
                                  "quote": c.quote, "context": c.context, "qualifier": ""})
    out["citations"] = (CITATION_TABLE, citations)
    out["sources"] = (("id", "outlet", "language", "date", "url", "file", "title", "report", "rendering_of", "note"),
                      [{"id": s.id, "outlet": s.outlet, "language": s.language, "date": s.date, "url": s.url,
                        "file": s.file, "title": s.title, "report": s.report, "rendering_of": s.rendering_of,
                        "note": s.note} for s in base.sources.values()])
    return out


def to_sqlite(base: FactBase, path: str) -> None:
    from pcli.store.sqlite import write_database

    write_database(base, path)
