"""`export --format sqlite`: the base as a publication, not as pcli's cache. One table per kind of record with
readable columns (labels in the export's language), foreign keys with a label column Datasette shows, full-text
search tables in sqlite-utils' convention (`<table>_fts`) that find Vietnamese with or without its diacritics,
and a metadata.json beside the database (title, description, sources, licence, each table's columns described),
so that `datasette pcli.db -m metadata.json` serves it as it is.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from pcli.base.model import Catalogue, Entity, Figure, said
from pcli.base.schema import ENTITY_TABLES, flat_columns
from pcli.messages import say
from pcli.output.columns import LICENSE, LICENSE_URL, describe
from pcli.output.escape import html_escape, link
from pcli.output.records import figure_cells, flat_row, sources_named
from pcli.text import LETTER_FOLDS, pattern

_REFERENCES = {"topic": "topics", "unit": "units", "indicator": "indicators", "source": "sources", "issuer": "agencies",
               "part_of": "figures", "figure": "figures"}  # fmt: skip
FIGURE_COLUMNS = ("id", "caption", "indicator", "label", "value", "unit", "display", "qualifier", "status", "period_label",
                  "period_kind", "period_start", "period_end", "as_of", "place", "topic", "part_of", "sources", "quote",
                  "note")  # fmt: skip
CITATION_COLUMNS = ("figure", "record_table", "record_id", "position", "source", "outlet", "quote", "context", "qualifier")
# What each table's full-text search reads; its tokenizer drops every diacritic, stacked ones too ("ho ngheo" finds
# "hộ nghèo"), and a folded copy holds what no tokenizer folds ("dong" finds "đồng"). The figures' search reads
# their indicator's names in every language and all their quotes.
SEARCHABLE = {"figures": ("caption", "label_en", "label_vi", "label_id", "aliases", "quotes", "note"),
              "citations": ("quote", "context"), "indicators": ("label_en", "label_vi", "label_id", "aliases"),
              "documents": ("number", "subject_en", "subject_vi", "subject_id", "aliases"),
              "programmes": ("name_en", "name_vi", "name_id", "aliases"),
              "agencies": ("name_en", "name_vi", "name_id", "role_en", "role_vi", "role_id", "aliases"),
              "places": ("name_en", "name_vi", "name_id", "aliases")}  # fmt: skip
_FIGURE_SEARCH = ("SELECT f.rowid AS rowid, f.caption AS caption, i.label_en AS label_en, i.label_vi AS label_vi, i.label_id "
                  "AS label_id, i.aliases AS aliases, (SELECT group_concat(c.quote, ' ') FROM citations c WHERE "
                  "c.record_table = 'figures' AND c.record_id = f.id) AS quotes, f.note AS note FROM figures f "
                  "JOIN indicators i ON i.id = f.indicator")  # fmt: skip


_FOLDABLE = pattern(f"[{''.join(chr(c) for c in LETTER_FOLDS)}]")


def _labels(lang: str) -> dict[str, str]:
    """The column Datasette shows for a row that another table refers to, in the export's language."""
    return {"sources": "outlet", "topics": f"label_{lang}", "units": f"label_{lang}", "indicators": f"label_{lang}",
            "figures": "caption", "agencies": f"name_{lang}", "programmes": f"name_{lang}", "places": f"name_{lang}",
            "documents": "number"}  # fmt: skip


def publication_columns(base: Catalogue) -> dict[str, tuple[str, ...]]:
    """Every table of the publication and its columns, in order."""
    listed = ("sources", "topics", "units", "indicators")
    return {**{t: flat_columns(t) for t in listed}, "figures": FIGURE_COLUMNS,
            **{kind: flat_columns(kind) for kind in ENTITY_TABLES}, "skips": flat_columns("skips"),
            "citations": CITATION_COLUMNS}  # fmt: skip


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


def _citations(base: Catalogue, table: str, records: Iterable[Figure | Entity]) -> Iterator[dict[str, Any]]:
    for record in records:
        for n, c in enumerate(record.citations):
            yield {"figure": record.id if table == "figures" else None, "record_table": table, "record_id": record.id,
                   "position": n, "source": c.source, "outlet": base.sources[c.source].outlet
                   if c.source in base.sources else "", "quote": c.quote, "context": c.context,
                   "qualifier": c.qualifier or ""}  # fmt: skip


def write_publication(base: Catalogue, figures: Iterable[Figure], path: str, lang: str = "en") -> None:
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
        columns = publication_columns(base)
        for table, names in columns.items():
            _create(db, table, names)
        for table in ("sources", "topics", "units", "indicators"):
            _insert(db, table, columns[table], (flat_row(table, obj) for obj in getattr(base, table).values()))
        it = iter(figures)
        while chunk := list(islice(it, 1000)):
            _insert(db, "figures", FIGURE_COLUMNS, (figure_cells(FIGURE_COLUMNS, base, f, lang) for f in chunk))
            _insert(db, "citations", CITATION_COLUMNS, _citations(base, "figures", chunk))
        for kind, entities in base.entities.items():
            _insert(db, kind, columns[kind], ({**flat_row(kind, None, e.fields), "id": e.id} for e in entities))
            _insert(db, "citations", CITATION_COLUMNS, _citations(base, kind, entities))
        _insert(db, "skips", columns["skips"], (flat_row("skips", k) for k in base.skips))
        db.execute("CREATE INDEX figures_by_indicator ON figures (indicator, period_start)")
        db.execute("CREATE INDEX citations_by_record ON citations (record_table, record_id)")
        for table, searched in SEARCHABLE.items():
            if table in columns:
                _search_table(db, table, searched)
        db.execute("ANALYZE")
        db.execute("COMMIT")
    finally:
        db.close()


def _search_table(db: sqlite3.Connection, table: str, searched: tuple[str, ...]) -> None:
    """`<table>_fts`: the columns searched, tokenized with every diacritic removed (remove_diacritics 2 folds
    stacked ones, as Vietnamese has: ộ, ề), and the letters no decomposition folds (đ as d) in a copy where the
    text has them; rows keyed by the table's rowid, copied by SQLite in one statement."""
    names = ", ".join(f"[{c}]" for c in (*searched, "folded"))
    db.execute(f"CREATE VIRTUAL TABLE [{table}_fts] USING fts5({names}, tokenize = 'unicode61 remove_diacritics 2')")
    db.create_function("letters_folded", -1, _letters_folded, deterministic=True)
    sql = _FIGURE_SEARCH if table == "figures" else f"SELECT rowid, {', '.join(f'[{c}]' for c in searched)} FROM [{table}]"
    values = ", ".join(f"[{c}]" for c in searched)
    db.execute(f"INSERT INTO [{table}_fts] (rowid, {names}) SELECT rowid, {values}, letters_folded({values}) FROM ({sql})")


def _letters_folded(*values: str | None) -> str:
    text = " ".join(v for v in values if isinstance(v, str))
    return text.translate(LETTER_FOLDS) if _FOLDABLE().search(text) else ""  # translate() is slow: only where needed


_DESCRIPTIONS = {"sources": "pub_sources", "topics": "pub_topics", "units": "pub_units", "indicators": "pub_indicators",
                 "figures": "pub_figures", "programmes": "pub_programmes", "documents": "pub_documents",
                 "agencies": "pub_agencies", "places": "pub_places", "skips": "pub_skips",
                 "citations": "pub_citations"}  # fmt: skip


def _sources_html(base: Catalogue, lang: str) -> str:
    """The sources, each linked to its own address where it has an http(s) one."""
    items = []
    for source in base.sources.values():
        name = html_escape(sources_named(base, [source.id], lang))
        url = link(source.url)
        items.append(f'<a href="{html_escape(url)}">{name}</a>' if url else name)
    return f"<p>{html_escape(say('h_source', lang))}: {'; '.join(items)}</p>"


def metadata(base: Catalogue, database: str, lang: str = "en") -> dict[str, Any]:
    """Datasette's metadata: what the data is, where it comes from (named and linked alike: the sources table),
    its licence, and each table described with its columns, folded away so that the rows come first."""
    named = sources_named(base, base.sources, lang)
    cited = _sources_html(base, lang)
    labels = _labels(lang)
    tables: dict[str, Any] = {}
    for table, names in publication_columns(base).items():
        columns = "".join(f"<dt>{c}</dt><dd>{html_escape(describe(table, c, lang))}</dd>" for c in names)
        about = f"<p>{html_escape(say(_DESCRIPTIONS[table], lang))}</p>" + (cited if table in ("figures", "sources") else "")
        entry: dict[str, Any] = {
            "description_html": f"{about}<details><summary>{html_escape(say('pub_columns', lang))}</summary><dl>{columns}"
            "</dl></details>"
        }
        if table in labels:
            entry["label_column"] = labels[table]
        if table in SEARCHABLE:
            entry["fts_table"], entry["fts_pk"] = f"{table}_fts", "rowid"
        tables[table] = entry
    return {
        "title": said(base, base.title, lang) or "pcli fact base", "description": say("pub_description", lang),
        "license": LICENSE, "license_url": LICENSE_URL, "source": named, "source_url": f"/{database}/sources",
        "databases": {database: {"tables": tables}},
    }  # fmt: skip
