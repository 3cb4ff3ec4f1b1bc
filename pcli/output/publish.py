"""`export --format sqlite`: the base as a publication, not as pcli's cache. One table per kind of record with
readable columns, foreign keys with a label column Datasette shows, full-text search tables in sqlite-utils'
convention (`<table>_fts`), and a metadata.json beside the database (title, description, sources, licence,
column descriptions), so that `datasette pcli.db -m metadata.json` serves it as it is.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from pcli.base.model import LANGS, Entity, FactBase, Figure
from pcli.base.schema import KINDS, flat_columns
from pcli.output.escape import link
from pcli.output.records import display_value, flat_row, period_label

LICENSE = "CC BY 4.0"
LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"
_REFERENCES = {"topic": "topics", "unit": "units", "indicator": "indicators", "source": "sources", "issuer": "agencies",
               "part_of": "figures", "figure": "figures"}  # fmt: skip
FIGURE_COLUMNS = ("id", "indicator", "label", "value", "unit", "display", "qualifier", "status", "period", "period_label",
                  "as_of", "place", "topic", "part_of", "note")  # fmt: skip
CITATION_COLUMNS = ("figure", "record_table", "record_id", "position", "source", "outlet", "quote", "context", "qualifier")
SEARCHABLE = {"figures": ("label", "note"), "citations": ("quote", "context"),
              "indicators": ("label_en", "label_vi", "label_id", "aliases"),
              "documents": ("number", "subject_en", "subject_vi", "subject_id"),
              "programmes": ("name_en", "name_vi", "name_id"), "agencies": ("name_en", "name_vi", "name_id", "role_en"),
              "places": ("name_en", "name_vi", "name_id")}  # fmt: skip
LABELS = {"sources": "outlet", "topics": "label_en", "units": "label_en", "indicators": "label_en", "figures": "label",
          "agencies": "name_en", "programmes": "name_en", "places": "name_en", "documents": "number"}  # fmt: skip


def _create(db: sqlite3.Connection, table: str, columns: tuple[str, ...]) -> None:
    defs = []
    for column in columns:
        kind = "NUMERIC" if column == "value" else "INTEGER" if column in ("position", "year", "as_of", "change") else "TEXT"
        ref = _REFERENCES.get(column)
        defs.append(f"[{column}] {kind}" + (" PRIMARY KEY" if column == "id" else "")
                    + (f" REFERENCES [{ref}](id)" if ref and not (table == ref) or column == "part_of" else ""))  # fmt: skip
    db.execute(f"CREATE TABLE [{table}] ({', '.join(defs)})")


def _insert(db: sqlite3.Connection, table: str, columns: tuple[str, ...], rows: Iterable[dict[str, Any]]) -> None:
    db.executemany(f"INSERT INTO [{table}] VALUES ({', '.join('?' * len(columns))})",
                   (tuple(_cell(row.get(c)) for c in columns) for row in rows))  # fmt: skip


def _cell(value: Any) -> Any:
    """SQLite's value: booleans as 0 or 1, a missing value (a document's unknown year) as NULL."""
    if isinstance(value, bool):
        return int(value)
    return None if value == "" else value


def _figure(base: FactBase, f: Figure) -> dict[str, Any]:
    ind = base.indicators[f.indicator]
    return {"id": f.id, "indicator": f.indicator, "label": ind.label.get("en", ""), "value": f.value, "unit": ind.unit,
            "display": display_value(base, f), "qualifier": f.qualifier, "status": f.status, "period": f.period.text,
            "period_label": period_label(base, f), "as_of": f.as_of, "place": f.place, "topic": ind.topic,
            "part_of": f.part_of or None, "note": f.note}  # fmt: skip


def _citations(base: FactBase, table: str, records: Iterable[Figure | Entity]) -> Iterator[dict[str, Any]]:
    for record in records:
        for n, c in enumerate(record.citations):
            yield {"figure": record.id if table == "figures" else None, "record_table": table, "record_id": record.id,
                   "position": n, "source": c.source, "outlet": base.sources[c.source].outlet
                   if c.source in base.sources else "", "quote": c.quote, "context": c.context,
                   "qualifier": c.qualifier or ""}  # fmt: skip


def write_publication(base: FactBase, figures: Iterable[Figure], path: str) -> None:
    """Write the publication database at a new path (the caller renames it into place). The figures come as a
    stream (`base` holds the rest) and go in a thousand at a time with their citations: a base of a million
    figures is never whole in memory."""
    db = sqlite3.connect(path, isolation_level=None)
    # No journal and no syncs of SQLite's own: the file is new and unseen until `replacing` syncs it once and
    # renames it into place, so a crash leaves only a temporary file behind.
    db.execute("PRAGMA journal_mode = OFF")
    db.execute("PRAGMA synchronous = OFF")
    db.execute("BEGIN")
    try:
        listed = ("sources", "topics", "units", "indicators")
        columns = {**{t: flat_columns(t) for t in listed}, "figures": FIGURE_COLUMNS,
                   **{kind: flat_columns(kind) for kind in base.entities}, "skips": flat_columns("skips"),
                   "citations": CITATION_COLUMNS}  # fmt: skip
        for table, names in columns.items():
            _create(db, table, names)
        for table in listed:
            _insert(db, table, columns[table], (flat_row(table, obj) for obj in getattr(base, table).values()))
        it = iter(figures)
        while chunk := list(islice(it, 1000)):
            _insert(db, "figures", FIGURE_COLUMNS, (_figure(base, f) for f in chunk))
            _insert(db, "citations", CITATION_COLUMNS, _citations(base, "figures", chunk))
        for kind, entities in base.entities.items():
            _insert(db, kind, columns[kind], ({**flat_row(kind, None, e.fields), "id": e.id} for e in entities))
            _insert(db, "citations", CITATION_COLUMNS, _citations(base, kind, entities))
        _insert(db, "skips", columns["skips"], (flat_row("skips", k) for k in base.skips))
        for table, searched in SEARCHABLE.items():
            fts = ", ".join(f"[{c}]" for c in searched)
            db.execute(f"CREATE VIRTUAL TABLE [{table}_fts] USING FTS5({fts}, content=[{table}])")
            db.execute(f"INSERT INTO [{table}_fts] (rowid, {fts}) SELECT rowid, {fts} FROM [{table}]")
        db.execute("CREATE INDEX figures_by_indicator ON figures (indicator, period)")
        db.execute("CREATE INDEX citations_by_record ON citations (record_table, record_id)")
        db.execute("ANALYZE")
        db.execute("COMMIT")
    finally:
        db.close()


def metadata(base: FactBase, database: str) -> dict[str, Any]:
    """Datasette's metadata: what the data is, where it comes from, its licence, and each table's columns."""
    sources = "; ".join(f"{s.outlet}{' (' + s.date + ')' if s.date else ''}" for s in base.sources.values())
    tables: dict[str, Any] = {}
    for table in (*KINDS, "citations"):
        columns = {f.name: f.doc or f.name.replace("_", " ") for f in KINDS[table].fields} if table in KINDS else {}
        columns.update({f"{f.name}_{lang}": f"{f.name} ({lang})" for f in KINDS.get(table, KINDS["topics"]).fields
                        if table in KINDS and f.type == "text" for lang in LANGS})  # fmt: skip
        entry: dict[str, Any] = {"columns": columns}
        if table in LABELS:
            entry["label_column"] = LABELS[table]
        tables[table] = entry
    tables["figures"]["description"] = (
        "One row per figure, its value in base units (VND, not billions; percentages as percent points); `display` "
        "writes it for people. Its quotes are in citations."
    )
    tables["citations"]["description"] = "The verbatim quote, in the source's language, behind each figure and record."
    return {
        "title": base.title or "pcli fact base",
        "description": "Cited figures, documents, programmes and agencies of Hanoi's sustainable poverty reduction, "
                       "each with the verbatim passage of the article it comes from.",
        "license": LICENSE, "license_url": LICENSE_URL, "source": sources,
        "source_url": next((url for s in base.sources.values() if (url := link(s.url))), ""),
        "databases": {database: {"tables": tables}},
    }  # fmt: skip
