"""`pcli export`: the whole base as JSON, JSON Lines, flat tables (CSV or TSV, one file per table) or SQLite.
The flat tables' columns come from the schema."""

from __future__ import annotations

import contextlib
import os
import sys
from typing import IO, Any

from pcli.base.model import LANGS, FactBase
from pcli.base.schema import KINDS, flat_columns
from pcli.output import machine
from pcli.output.records import Record, whole_base

FIGURE_TABLE = (
    "id",
    "indicator",
    "label_en",
    "label_vi",
    "label_id",
    "value",
    "unit",
    "qualifier",
    "status",
    "period",
    "as_of",
    "place",
    "topic",
    "part_of",
    "note",
)
CITATION_TABLE = ("record_table", "record_id", "position", "source", "quote", "context", "qualifier")


def _flatten(table: str, obj: Any, fields: dict[str, Any] | None = None) -> Record:
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


def tables(base: FactBase) -> dict[str, tuple[tuple[str, ...], list[Record]]]:
    figures, citations, figure_citations = [], [], []
    for f in base.figures:
        ind = base.indicators[f.indicator]
        row = {
            "id": f.id,
            "indicator": f.indicator,
            **{f"label_{lang}": ind.label.get(lang, "") for lang in LANGS},
            "value": f.value,
            "unit": ind.unit,
            "qualifier": f.qualifier,
            "status": f.status,
            "period": f.period.text,
            "as_of": f.as_of,
            "place": f.place,
            "topic": ind.topic,
            "part_of": f.part_of,
            "note": f.note,
        }
        figures.append(row)
        for n, c in enumerate(f.citations):
            citations.append(
                {
                    "record_table": "figures",
                    "record_id": f.id,
                    "position": n,
                    "source": c.source,
                    "quote": c.quote,
                    "context": c.context,
                    "qualifier": c.qualifier or "",
                }
            )
            figure_citations.append({**row, "source": c.source, "quote": c.quote})
    out: dict[str, tuple[tuple[str, ...], list[Record]]] = {
        "figures": (FIGURE_TABLE, figures),
        "figure_citations": ((*FIGURE_TABLE, "source", "quote"), figure_citations),
    }
    for kind, entities in base.entities.items():
        out[kind] = (flat_columns(kind), [{**_flatten(kind, None, e.fields), "id": e.id} for e in entities])
        for e in entities:
            citations.extend(
                {
                    "record_table": kind,
                    "record_id": e.id,
                    "position": n,
                    "source": c.source,
                    "quote": c.quote,
                    "context": c.context,
                    "qualifier": "",
                }
                for n, c in enumerate(e.citations)
            )
    out["citations"] = (CITATION_TABLE, citations)
    out["sources"] = (flat_columns("sources"), [_flatten("sources", s) for s in base.sources.values()])
    return out


def export_base(base: FactBase, fmt: str, output: str | None) -> None:
    if fmt == "sqlite":
        from pcli.files import replacing
        from pcli.store.sqlite import write_database

        with replacing(str(output)) as tmp:
            write_database(base, tmp)
    elif fmt in ("json", "jsonl"):
        data = whole_base(base)
        with _open_out(output) as out:
            if fmt == "json":
                machine.write_json(data, out)
            else:
                machine.write_jsonl(
                    ({"table": table, **row} for table, rows in data.items() if isinstance(rows, list) for row in rows), out
                )
    else:
        writer = machine.write_csv if fmt == "csv" else machine.write_tsv
        if output is None:
            columns, rows = tables(base)["citations"]
            writer(columns, rows)
            return
        os.makedirs(output, exist_ok=True)
        for name, (columns, rows) in tables(base).items():
            with open(os.path.join(output, f"{name}.{fmt}"), "w", encoding="utf-8", newline="") as handle:
                writer(columns, rows, handle)


def _open_out(path: str | None) -> contextlib.AbstractContextManager[IO[str]]:
    """The file to write, or stdout (left open) when none is named."""
    return open(path, "w", encoding="utf-8") if path else contextlib.nullcontext(sys.stdout)
