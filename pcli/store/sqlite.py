"""The SQLite form of a fact base: how a base is written to a database, and a Store that reads it back.

Each database is written to a temporary file and renamed into place, so a reader sees a whole database or none.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import Any

from pcli.base.model import LANGS, Citation, Entity, FactBase, Figure, Indicator, Skip, Source, Topic, Unit
from pcli.base.periods import Period
from pcli.store.memory import places_of

FORMAT_VERSION = 11


_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE sources (id TEXT PRIMARY KEY, outlet TEXT, language TEXT, date TEXT, url TEXT, file TEXT,
                      title TEXT, note TEXT, report TEXT, rendering_of TEXT);
CREATE TABLE topics (id TEXT PRIMARY KEY, label_en TEXT, label_vi TEXT, label_id TEXT);
CREATE TABLE units (id TEXT PRIMARY KEY, kind TEXT, label_en TEXT, label_vi TEXT, label_id TEXT);
CREATE TABLE indicators (id TEXT PRIMARY KEY, ord INTEGER, topic TEXT REFERENCES topics(id),
                         unit TEXT REFERENCES units(id), label_en TEXT, label_vi TEXT, label_id TEXT,
                         aliases TEXT, note TEXT, change INTEGER);
CREATE TABLE figures (id TEXT, ord INTEGER, indicator TEXT REFERENCES indicators(id),
                      value_text TEXT, qualifier TEXT, status TEXT, period TEXT, place TEXT, note TEXT,
                      period_kind TEXT, period_start INTEGER, period_end INTEGER, period_month INTEGER,
                      period_day INTEGER, as_of INTEGER, part_of TEXT,
                      sk0 INTEGER, sk1 INTEGER, sk2 INTEGER, sk3 INTEGER,
                      cite_source TEXT, cite_quote TEXT, cite_context TEXT, cite_qualifier TEXT);
CREATE TABLE citations (record_table TEXT, record_id TEXT, position INTEGER, source TEXT REFERENCES sources(id),
                        quote TEXT, context TEXT, qualifier TEXT);
CREATE TABLE entities (kind TEXT, id TEXT, ord INTEGER, name_en TEXT, data TEXT, PRIMARY KEY (kind, id));
CREATE TABLE places (name TEXT PRIMARY KEY, folded TEXT);
CREATE TABLE phrases (record TEXT, words TEXT);
CREATE TABLE skips (id TEXT PRIMARY KEY, source TEXT, quote TEXT, number TEXT, reason TEXT);
"""
_INDEXES = """
CREATE UNIQUE INDEX figures_by_id ON figures (id);
CREATE INDEX citations_by_record ON citations (record_table, record_id, position);
CREATE INDEX figures_by_indicator ON figures (indicator, period_start, period_end);
CREATE INDEX figures_by_period ON figures (period_start, period_end);
CREATE INDEX figures_ranges ON figures (indicator, period_start) WHERE period_kind = 'range';
CREATE INDEX figures_in_order ON figures (indicator, status = 'target', sk0 DESC, sk1 DESC, sk2 DESC, sk3 DESC, ord);
CREATE VIEW documents AS SELECT id, json_extract(data, '$.number') AS number, json_extract(data, '$.kind') AS kind,
    json_extract(data, '$.issuer') AS issuer, json_extract(data, '$.year') AS year,
    json_extract(data, '$.subject.en') AS subject_en, json_extract(data, '$.subject.vi') AS subject_vi,
    json_extract(data, '$.subject.id') AS subject_id FROM entities WHERE kind = 'documents';
CREATE VIEW programmes AS SELECT id, json_extract(data, '$.kind') AS kind, name_en,
    json_extract(data, '$.period') AS period FROM entities WHERE kind = 'programmes';
CREATE VIEW agencies AS SELECT id, name_en, json_extract(data, '$.role.en') AS role_en
    FROM entities WHERE kind = 'agencies';
"""
# The order of figures that answer equally well (figure_order in SQL), which the index figures_in_order keeps.
_ORDER = "status = 'target', sk0 DESC, sk1 DESC, sk2 DESC, sk3 DESC, ord"
# How well a figure's period answers one period asked: Period.matches in SQL (9: it does not).
# Parameters: text, kind, start, end, start, start, start, kind of the period asked.
_RANK = """(CASE WHEN period_kind = 'undated' THEN 9 WHEN period = ? THEN 0
    WHEN ? = 'range' THEN (CASE WHEN period_kind != 'range' AND period_start BETWEEN ? AND ? THEN 1 ELSE 9 END)
    WHEN period_kind = 'range' THEN (CASE WHEN period_start <= ? AND ? <= period_end THEN 2 ELSE 9 END)
    WHEN period_start != ? THEN 9 WHEN period_kind = 'year' AND ? = 'year' THEN 0 ELSE 1 END)"""
_FIGURE_COLUMNS = (
    "id, ord, indicator, value_text, qualifier, status, period, place, note, period_kind, period_start, "
    "period_end, period_month, period_day, as_of, part_of, cite_source, cite_quote, cite_context, cite_qualifier"
)


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
    db.execute("PRAGMA journal_mode = OFF")
    db.execute("PRAGMA synchronous = OFF")  # the file is synced once, whole, before it is renamed into place
    db.execute("PRAGMA cache_size = -131072")  # 128 MiB at most: indexes are built after the rows, in memory
    db.execute("BEGIN")
    try:
        for statement in _SCHEMA.split(";"):
            if statement.strip():
                db.execute(statement)
        info = {"format": str(FORMAT_VERSION), "title": base.title, "place": base.place, **(meta or {})}
        db.executemany("INSERT INTO meta VALUES (?, ?)", info.items())
        _write_small_tables(db, base)
        citations: list[tuple[Any, ...]] = []
        db.executemany(f"INSERT INTO figures VALUES ({', '.join('?' * 24)})", _figure_rows(base, citations))
        citations.extend(_write_entities(db, base))
        db.executemany("INSERT INTO citations VALUES (?, ?, ?, ?, ?, ?, ?)", citations)
        from pcli.base.words import distinguishing, record_phrases

        words = record_phrases(base)

        db.execute("INSERT INTO meta VALUES ('modifiers', ?)", (" ".join(sorted(distinguishing(words))),))
        db.executemany("INSERT INTO phrases VALUES (?, ?)", [(ind, " ".join(w)) for ind, w in words])
        db.executemany("INSERT INTO places VALUES (?, ?)", places_of(base.figures))
        db.executemany(
            "INSERT INTO skips VALUES (?, ?, ?, ?, ?)", [(k.id, k.source, k.quote, k.number, k.reason) for k in base.skips]
        )
        for statement in _INDEXES.split(";\n"):
            if statement.strip():
                db.execute(statement)
        db.execute("INSERT INTO meta VALUES ('schema', ?)", (schema_of(db),))
        db.execute("COMMIT")  # no ANALYZE: pcli's own queries name their indexes; the publication is analysed
    finally:
        db.close()


def _write_small_tables(db: sqlite3.Connection, base: FactBase) -> None:
    sources = [
        (s.id, s.outlet, s.language, s.date, s.url, s.file, s.title, s.note, s.report, s.rendering_of)
        for s in base.sources.values()
    ]
    db.executemany("INSERT INTO sources VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", sources)
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
    for f in base.figures:
        p, cited = f.period, f.citations
        one = (cited[0].source, cited[0].quote, cited[0].context, cited[0].qualifier) if len(cited) == 1 else _NONE
        yield (f.id, f.order, f.indicator, number_text(f.value), f.qualifier, f.status, p.text, f.place, f.note,
               p.kind, p.start, p.end, p.month, p.day, int(f.as_of), f.part_of, *p.sort_key, *one)  # fmt: skip
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


def _period_branches(p: Period) -> list[tuple[str, list[Any]]]:
    """The figures whose period can answer `p` (rank below 9 in _RANK), as conditions an index serves: for a range
    asked, the dated figures that start inside it (its own text starts there too); for a year or a point, those
    starting in the same year, and the ranges that hold it (few: their own partial index)."""
    if p.kind == "range":
        return [("period_start BETWEEN ? AND ?", [p.start, p.end])]
    return [("period_start = ?", [p.start]),
            ("period_kind = 'range' AND period_start <= ? AND period_end >= ?", [p.start, p.start])]  # fmt: skip


class SqliteStore:
    """A Store over the cache database: the small tables in memory, figures fetched as asked."""

    def __init__(self, db: sqlite3.Connection, path: str) -> None:
        self.db = db
        self._cited: dict[str, tuple[Citation, ...]] = {}
        self._entities: dict[tuple[str, str], Entity | None] = {}
        self._read: dict[tuple[str | None, tuple[Period, ...], str | None, int], list[Figure]] = {}
        self.meta: dict[str, str] = dict(db.execute("SELECT key, value FROM meta"))
        self.base = FactBase(path=path, title=self.meta.get("title", ""), place=self.meta.get("place", ""))
        for row in db.execute("SELECT id, outlet, language, date, url, file, title, note, report, rendering_of FROM sources"):
            self.base.sources[row[0]] = Source(*row)
        for row in db.execute("SELECT id, label_en, label_vi, label_id FROM topics"):
            self.base.topics[row[0]] = Topic(row[0], _languages(row[1:4]))
        for row in db.execute("SELECT id, kind, label_en, label_vi, label_id FROM units"):
            self.base.units[row[0]] = Unit(row[0], row[1], _languages(row[2:5]))
        sql = "SELECT id, topic, unit, label_en, label_vi, label_id, aliases, note, change FROM indicators ORDER BY ord"
        for row in db.execute(sql):
            aliases = tuple(row[6].split("\n")) if row[6] else ()
            self.base.indicators[row[0]] = Indicator(row[0], row[1], row[2], _languages(row[3:6]), aliases, row[7], bool(row[8]))

    def indicators(self) -> list[Indicator]:
        return list(self.base.indicators.values())

    def places(self) -> list[tuple[str, str]]:
        return self.db.execute("SELECT name, folded FROM places ORDER BY name").fetchall()

    def phrases(self) -> list[tuple[str, tuple[str, ...]]]:
        rows = self.db.execute("SELECT record, words FROM phrases ORDER BY rowid")
        return [(key, tuple(words.split())) for key, words in rows]

    def modifiers(self) -> frozenset[str] | None:
        return frozenset(self.meta["modifiers"].split()) if "modifiers" in self.meta else None

    def entity(self, table: str, ident: str) -> Entity | None:
        if (table, ident) not in self._entities:
            self._entities[(table, ident)] = self._entity(table, ident)
        return self._entities[(table, ident)]

    def _entity(self, table: str, ident: str) -> Entity | None:
        import json

        row = self.db.execute("SELECT data FROM entities WHERE kind = ? AND id = ?", (table, ident)).fetchone()
        if row is None:
            return None
        sql = ("SELECT source, quote, context FROM citations WHERE record_table = ? AND record_id = ? "
               "ORDER BY position")  # fmt: skip
        citations = tuple(Citation(source, quote, 0, context) for source, quote, context in self.db.execute(sql, (table, ident)))
        return Entity(table, ident, json.loads(row[0]), citations)

    def documents(self) -> list[tuple[str, str, str]]:
        sql = "SELECT id, json_extract(data, '$.kind'), json_extract(data, '$.number') FROM entities WHERE kind = 'documents'"
        return [(ident, kind or "", number or "") for ident, kind, number in self.db.execute(sql)]

    def figures(self, indicator: str | None, periods: list[Period], place: str | None, limit: int) -> list[Figure]:
        """As the Store protocol says; with periods, the `limit` best by how well their period answers (the rank of
        Period.matches, worked out by SQLite so that a broad period never fetches a whole large base). Each read
        is kept for the run, as citations are: a batch asks for the same indicator and year in many words."""
        key = (indicator, tuple(periods), place, limit)
        found = self._read.get(key)
        if found is None:
            if len(self._read) >= 4096:
                self._read.clear()
            found = self._read[key] = self._fetch(indicator, periods, place, limit)
        return list(found)

    def _fetch(self, indicator: str | None, periods: list[Period], place: str | None, limit: int) -> list[Figure]:
        where: list[str] = []
        args: list[Any] = []
        if not periods and indicator is not None:  # an indicator's figures, best first: read in index order
            sql = (f"SELECT {_FIGURE_COLUMNS} FROM figures WHERE indicator = ?"
                   + (" AND place = ?" if place is not None else "") + f" ORDER BY {_ORDER} LIMIT ?")  # fmt: skip
            args = [indicator, *([place] if place is not None else []), int(limit)]
            return self._figures(self.db.execute(sql, args).fetchall(), cited=False)
        if periods:
            ranks = [_RANK] * len(periods)
            rank = ranks[0] if len(ranks) == 1 else f"min({', '.join(ranks)})"
            args += [value for p in periods for value in (p.text, p.kind, p.start, p.end, p.start, p.start, p.start, p.kind)]
            branches = []
            for p in periods:  # what each period asked can match, each branch a narrow range of one index
                for condition, values in _period_branches(p):
                    branches.append(condition if indicator is None else f"indicator = ? AND {condition}")
                    args += values if indicator is None else [indicator, *values]
            where.append("(" + " OR ".join(f"({b})" for b in branches) + ")")
        else:  # neither periods nor an indicator: every figure, in order
            rank = "0"
        if place is not None:
            where.append("place = ?")
            args.append(place)
        sql = (f"SELECT * FROM (SELECT {_FIGURE_COLUMNS}, {rank} AS rank, status, sk0, sk1, sk2, sk3 FROM figures"
               + (" WHERE " + " AND ".join(where) if where else "") + ") WHERE rank < 9"
               f" ORDER BY rank, {_ORDER} LIMIT ?")  # fmt: skip
        # Citations are fetched by cite(), for the few figures that are answered with.
        return self._figures(self.db.execute(sql, [*args, int(limit)]).fetchall(), cited=False)

    def known_periods(self) -> list[str]:
        """As the Store protocol says, from the index of periods rather than every figure."""
        sql = ("SELECT DISTINCT period_start FROM figures WHERE period_kind NOT IN ('range', 'undated')"
               " ORDER BY period_start")  # fmt: skip
        years = [str(start) for (start,) in self.db.execute(sql)]
        sql = "SELECT DISTINCT period FROM figures WHERE period_kind = 'range' ORDER BY period"
        return sorted(years) + [text for (text,) in self.db.execute(sql)]

    def standing_for(self, periods: list[Period]) -> list[Figure]:
        """As the Store protocol says (memory.stands_for in SQL), each period a narrow range of the index of
        periods."""
        branches: list[str] = []
        args: list[int | str] = []
        for p in periods:
            if p.kind == "year":
                branches.append("(period_start = ? AND period_kind != 'range')")
                args.append(p.start)
            branches.append("(period_start = ? AND period_end = ? AND period = ?)")
            args += [p.start, p.end, p.text]
        sql = f"SELECT {_FIGURE_COLUMNS} FROM figures WHERE {' OR '.join(branches)} ORDER BY ord"
        return self._figures(self.db.execute(sql, args).fetchall(), cited=False)

    def figure(self, ident: str) -> Figure | None:
        rows = self.db.execute(f"SELECT {_FIGURE_COLUMNS} FROM figures WHERE id = ?", (ident,)).fetchall()
        return self._figures(rows)[0] if rows else None

    def cite(self, figures: list[Figure], remember: bool = True) -> None:
        """Fill in the citations of figures fetched without them: those with several (one comes in the figure's
        row). Each figure's are read once a run: a batch of queries answers with the same figures again and
        again; a stream of every figure remembers none."""
        figures = [f for f in figures if not f.citations]  # every figure has one at least
        cites: dict[str, list[Citation]] = {}
        known = self._cited if remember else {}
        ids = [f.id for f in figures if f.id not in known]
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            sql = (
                "SELECT record_id, source, quote, context, qualifier FROM citations WHERE record_table = 'figures' "
                f"AND record_id IN ({', '.join('?' * len(chunk))}) ORDER BY record_id, position"
            )
            for rid, source, quote, context, qualifier in self.db.execute(sql, chunk):
                cites.setdefault(rid, []).append(Citation(source, quote, 0, context, qualifier))
        for ident in ids:
            known[ident] = tuple(cites.get(ident, ()))
        for figure in figures:
            figure.citations = known[figure.id]

    def _figures(self, rows: list[Any], cited: bool = True) -> list[Figure]:
        figures = [
            Figure(
                id=r[0],
                order=r[1],
                indicator=r[2],
                value=number_of(r[3]),
                qualifier=r[4],
                status=r[5],
                period=Period(r[6], r[9], r[10], r[11], r[12], r[13]),
                place=r[7],
                note=r[8],
                citations=() if r[16] is None else (Citation(r[16], r[17], 0, r[18], r[19]),),
                as_of=bool(r[14]),
                part_of=r[15],
            )
            for r in rows
        ]
        if cited:
            self.cite(figures)
        return figures

    def full_base(self) -> FactBase:
        """Every record, for the commands that need the whole base."""
        base = self.rest_of_base()
        base.figures = self._figures(self.db.execute(f"SELECT {_FIGURE_COLUMNS} FROM figures ORDER BY ord").fetchall())
        return base

    def each_figure(self) -> Iterator[Figure]:
        """Every figure in file order, with its citations, a thousand at a time: memory stays bounded."""
        cursor = self.db.execute(f"SELECT {_FIGURE_COLUMNS} FROM figures ORDER BY ord")
        while rows := cursor.fetchmany(1000):
            figures = self._figures(rows, cited=False)
            self.cite(figures, remember=False)
            yield from figures

    def rest_of_base(self) -> FactBase:
        """The base with its programmes, documents, agencies, places and skips, but no figures."""
        import json

        base = self.base
        if any(base.entities.values()):
            return base
        cites: dict[tuple[str, str], list[Citation]] = {}
        for kind, rid, source, quote, context in self.db.execute(
            "SELECT record_table, record_id, source, quote, context FROM citations WHERE record_table != 'figures' "
            "ORDER BY record_table, record_id, position"
        ):
            cites.setdefault((kind, rid), []).append(Citation(source, quote, 0, context))
        for kind, rid, data in self.db.execute("SELECT kind, id, data FROM entities ORDER BY kind, ord"):
            base.entities.setdefault(kind, []).append(Entity(kind, rid, json.loads(data), tuple(cites.get((kind, rid), ()))))
        for kind in ("programmes", "documents", "agencies", "places"):
            base.entities.setdefault(kind, [])
        base.entities = {k: base.entities[k] for k in ("programmes", "documents", "agencies", "places")}
        base.skips = [Skip(*row) for row in self.db.execute("SELECT id, source, quote, number, reason FROM skips ORDER BY rowid")]
        return base


def _languages(values: tuple[Any, ...]) -> dict[str, str]:
    return {lang: v for lang, v in zip(LANGS, values, strict=True) if v}
