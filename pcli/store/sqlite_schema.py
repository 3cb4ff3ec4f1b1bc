"""The SQLite form of a fact base: its tables and indexes, how a base is written into them, and the check that a
database has them. pcli/store/sqlite.py reads it back.

Each database is written to a temporary file and renamed into place, so a reader sees a whole database or none.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from pcli.base.model import LANGS, FactBase
from pcli.base.places import place_keys, places_of
from pcli.base.schema import KINDS

if TYPE_CHECKING:
    from pcli.base.phrases import Phrases

FORMAT_VERSION = 20
# The figures table: each key the schema declares for a figure (pcli/base/schema.py), stored as the cache keeps it
# (its value as text that reads back as the same number, its period with the parts a query ranks by, its citation
# when it has one alone: several go to the citations table), then what the cache adds: the figure's place in the
# file and in figure_order (base/order.py), so that SQLite orders figures by that one rule.
_STORED_AS = {"value": ("value_text",), "citations": ("cite_source", "cite_quote", "cite_context", "cite_qualifier"),
              "period": ("period", "period_kind", "period_start", "period_end", "period_month", "period_day")}  # fmt: skip
FIGURE_STORED = (*(c for f in KINDS["figures"].fields for c in _STORED_AS.get(f.name, (f.name,))), "ord", "best")
_INTEGERS = {"period_start", "period_end", "period_month", "period_day", "as_of", "ord", "best"}
PHRASE_GAP, PHRASE_END = "\x1f", "\x1e"  # the base's phrases in meta: en, vi, id apart; one phrase from the next


_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE sources (id TEXT PRIMARY KEY, outlet TEXT, language TEXT, date TEXT, url TEXT, file TEXT,
                      title TEXT, note TEXT, report TEXT, rendering_of TEXT, base TEXT);
CREATE TABLE topics (id TEXT PRIMARY KEY, label_en TEXT, label_vi TEXT, label_id TEXT);
CREATE TABLE units (id TEXT PRIMARY KEY, kind TEXT, label_en TEXT, label_vi TEXT, label_id TEXT);
CREATE TABLE indicators (id TEXT PRIMARY KEY, ord INTEGER, topic TEXT REFERENCES topics(id),
                         unit TEXT REFERENCES units(id), label_en TEXT, label_vi TEXT, label_id TEXT,
                         aliases TEXT, note TEXT, change INTEGER);
CREATE TABLE figures ({figures});
CREATE TABLE citations (record_table TEXT, record_id TEXT, position INTEGER, source TEXT REFERENCES sources(id),
                        quote TEXT, context TEXT, qualifier TEXT);
CREATE TABLE entities (kind TEXT, id TEXT, ord INTEGER, name_en TEXT, data TEXT, PRIMARY KEY (kind, id));
CREATE TABLE places (name TEXT PRIMARY KEY, folded TEXT, first TEXT, joined TEXT);
CREATE TABLE phrases (records TEXT, weights TEXT, words TEXT);
CREATE TABLE postings (tokens TEXT, held TEXT, rows TEXT);
CREATE TABLE skips (id TEXT PRIMARY KEY, source TEXT, quote TEXT, number TEXT, reason TEXT);
""".format(figures=", ".join(f"{c} {'INTEGER' if c in _INTEGERS else 'TEXT'}" for c in FIGURE_STORED))
_INDEXES = """
CREATE UNIQUE INDEX figures_by_id ON figures (id);
CREATE INDEX figures_by_value ON figures (value_text);
CREATE INDEX places_by_first ON places (first);
CREATE INDEX places_by_joined ON places (joined);
CREATE INDEX citations_by_record ON citations (record_table, record_id, position);
CREATE INDEX figures_by_indicator ON figures (indicator, period_start, period_end);
CREATE INDEX figures_by_period ON figures (period_start, period_end);
CREATE INDEX figures_ranges ON figures (indicator, period_start) WHERE period_kind = 'range';
CREATE INDEX figures_in_order ON figures (indicator, best);
CREATE VIEW documents AS SELECT id, json_extract(data, '$.number') AS number, json_extract(data, '$.kind') AS kind,
    json_extract(data, '$.issuer') AS issuer, json_extract(data, '$.year') AS year,
    json_extract(data, '$.subject.en') AS subject_en, json_extract(data, '$.subject.vi') AS subject_vi,
    json_extract(data, '$.subject.id') AS subject_id FROM entities WHERE kind = 'documents';
CREATE VIEW programmes AS SELECT id, json_extract(data, '$.kind') AS kind, name_en,
    json_extract(data, '$.period') AS period FROM entities WHERE kind = 'programmes';
CREATE VIEW agencies AS SELECT id, name_en, json_extract(data, '$.role.en') AS role_en
    FROM entities WHERE kind = 'agencies';
"""


def number_text(value: float) -> str:
    """A value as text that reads back as the same number of the same type: 100 and 100.0, -0.0 and 1e+18 stay
    what they were (an SQLite NUMERIC column would turn 100.0 into 100)."""
    return str(value) if isinstance(value, int) else repr(float(value))


def number_of(text: str) -> int | float:
    return int(text) if text.lstrip("-").isdigit() else float(text)


def write_database(base: FactBase, path: str, meta: dict[str, str] | None = None) -> None:
    """Write the base as a new SQLite database at path, in one transaction. The caller writes it where it will be
    renamed into place (pcli/files.py)."""
    db = sqlite3.connect(path, isolation_level=None)
    try:
        write_into(db, base, meta)
    finally:
        db.close()


def write_into(db: sqlite3.Connection, base: FactBase, meta: dict[str, str] | None = None) -> None:
    """Write the base into an empty database (a file's, or one in memory), in one transaction."""
    db.execute("PRAGMA journal_mode = OFF")
    db.execute("PRAGMA synchronous = OFF")  # the file is synced once, whole, before it is renamed into place
    db.execute("PRAGMA cache_size = -131072")  # 128 MiB at most: indexes are built after the rows, in memory
    db.execute("BEGIN")
    for statement in _SCHEMA.split(";"):
        if statement.strip():
            db.execute(statement)
    info = {"format": str(FORMAT_VERSION), "title": base.title, "place": base.place, **(meta or {})}
    if base.phrases:
        info["phrases"] = PHRASE_END.join(PHRASE_GAP.join(t.get(lang, "") for lang in LANGS) for t in base.phrases.values())
    db.executemany("INSERT INTO meta VALUES (?, ?)", info.items())
    _write_small_tables(db, base)
    citations: list[tuple[Any, ...]] = []
    db.executemany(f"INSERT INTO figures VALUES ({', '.join('?' * len(FIGURE_STORED))})", _figure_rows(base, citations))
    citations.extend(_write_entities(db, base))
    db.executemany("INSERT INTO citations VALUES (?, ?, ?, ?, ?, ?, ?)", citations)
    from pcli.base.phrases import distinguishing, postings, record_phrases

    words = record_phrases(base)
    held, rows = postings(words)  # the search's index, so that a query does not work it out again
    db.execute("INSERT INTO meta VALUES ('modifiers', ?)", (" ".join(sorted(distinguishing(words))),))
    _write_index(db, words, held, rows)
    places = [(name, folded, *place_keys(folded)) for name, folded in places_of(base.figures)]
    db.executemany("INSERT INTO places VALUES (?, ?, ?, ?)", places)
    db.executemany(
        "INSERT INTO skips VALUES (?, ?, ?, ?, ?)", [(k.id, k.source, k.quote, k.number, k.reason) for k in base.skips]
    )
    for statement in _INDEXES.split(";\n"):
        if statement.strip():
            db.execute(statement)
    db.execute("INSERT INTO meta VALUES ('schema', ?)", (schema_of(db),))
    db.execute("COMMIT")  # no ANALYZE: pcli's own queries name their indexes; the publication is analysed


def _write_index(db: sqlite3.Connection, words: Phrases, held: dict[str, int], rows: dict[str, list[int]]) -> None:
    """The search's phrases and postings, each table one row of lists joined (PHRASE_GAP between phrases, a space
    between words, numbers and tokens, which hold none): a query reads them in one step and splits them in C,
    where reading a row a phrase cost a warm query more than a millisecond (pcli/store/sqlite.py)."""
    records = PHRASE_GAP.join(key for key, _, _ in words)
    weights = " ".join(repr(float(weight)) for _, weight, _ in words)
    db.execute("INSERT INTO phrases VALUES (?, ?, ?)", (records, weights, PHRASE_GAP.join(" ".join(w) for _, _, w in words)))
    listed = PHRASE_GAP.join(" ".join(map(str, n)) for n in rows.values())
    db.execute("INSERT INTO postings VALUES (?, ?, ?)", (" ".join(rows), " ".join(str(held[t]) for t in rows), listed))


def _write_small_tables(db: sqlite3.Connection, base: FactBase) -> None:
    sources = [
        (s.id, s.outlet, s.language, s.date, s.url, s.file, s.title, s.note, s.report, s.rendering_of, s.base)
        for s in base.sources.values()
    ]
    db.executemany("INSERT INTO sources VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", sources)
    topics = [(t.id, *(t.label.get(lang, "") for lang in LANGS)) for t in base.topics.values()]
    db.executemany("INSERT INTO topics VALUES (?, ?, ?, ?)", topics)
    units = [(u.id, u.kind, *(u.label.get(lang, "") for lang in LANGS)) for u in base.units.values()]
    db.executemany("INSERT INTO units VALUES (?, ?, ?, ?, ?)", units)
    indicators = [
        (i.id, n, i.topic, i.unit, *(i.label.get(lang, "") for lang in LANGS), "\n".join(i.aliases), i.note, int(i.change))
        for n, i in enumerate(base.indicators.values())
    ]
    db.executemany("INSERT INTO indicators VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", indicators)


def _figure_rows(base: FactBase, citations: list[tuple[Any, ...]]) -> Iterator[tuple[Any, ...]]:
    """Each figure's row, made as SQLite takes it (a million rows are never held at once). A row holds the
    figure's citation when it has one (most have); several are added to `citations`, for their own table."""
    from pcli.base.order import figure_order

    figures = base.figures
    best = [0] * len(figures)
    for place, n in enumerate(sorted(range(len(figures)), key=lambda n: figure_order(figures[n]))):
        best[n] = place
    for i, f in enumerate(figures):
        p, cited = f.period, f.citations
        one = (cited[0].source, cited[0].quote, cited[0].context, cited[0].qualifier) if len(cited) == 1 else _NONE
        yield (
            f.id,
            f.indicator,
            number_text(f.value),
            *one,
            p.text,
            p.kind,
            p.start,
            p.end,
            p.month,
            p.day,
            int(f.as_of),
            f.part_of,
            f.place,
            f.qualifier,
            f.status,
            f.note,
            f.order,
            best[i],
        )  # in FIGURE_STORED's order
        if len(cited) != 1:
            citations.extend(("figures", f.id, n, c.source, c.quote, c.context, c.qualifier) for n, c in enumerate(cited))


_NONE = (None, None, None, None)


def _write_entities(db: sqlite3.Connection, base: FactBase) -> list[tuple[Any, ...]]:
    """Programmes, documents, agencies and places as JSON rows; their citations are returned."""
    import json

    citations: list[tuple[Any, ...]] = []
    for kind, entities in base.entities.items():
        rows = [(kind, e.id, n, e.name("en"), json.dumps(e.fields, ensure_ascii=False)) for n, e in enumerate(entities)]
        db.executemany("INSERT INTO entities VALUES (?, ?, ?, ?, ?)", rows)
        for e in entities:
            citations.extend((kind, e.id, n, c.source, c.quote, c.context, c.qualifier) for n, c in enumerate(e.citations))
    return citations


def schema_of(db: sqlite3.Connection) -> str:
    """A checksum of the database's tables, columns and indexes as SQLite records them."""
    import zlib

    text = "\n".join(sql for (sql,) in db.execute("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name"))
    return f"{zlib.crc32(text.encode()):08x}"


def verify(db: sqlite3.Connection, expected: str) -> None:
    """Raise sqlite3.Error unless the tables and columns are those written (their checksum is kept in meta): a
    cache with the right key but a missing table or column is as broken as a truncated one. One query."""
    if schema_of(db) != expected:
        raise sqlite3.DatabaseError("the cache's tables are not those pcli wrote")
