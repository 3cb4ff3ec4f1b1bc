"""A Store that reads a fact base from its SQLite form (pcli/store/sqlite_schema.py): a few rows for each
question, by index, rather than the whole base.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from pcli.base.model import LANGS, Citation, Entity, FactBase, Figure, Indicator, Skip, Source, Topic, Unit
from pcli.base.periods import Period
from pcli.store.sqlite_schema import number_of

if TYPE_CHECKING:
    from pcli.base.words import Phrases

NEAR = 10_000  # ids a mistyped id is compared with at most (difflib: about 0.3 s for 10,000 alike)

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
        if "phrases" in self.meta:
            for phrase in self.meta["phrases"].split("\x1e"):  # sqlite_schema.PHRASE_END, PHRASE_GAP
                text = dict(zip(LANGS, phrase.split("\x1f"), strict=False))
                self.base.phrases[text["en"]] = text
        for row in db.execute(
            "SELECT id, outlet, language, date, url, file, title, note, report, rendering_of, base FROM sources"
        ):
            source = self.base.sources[row[0]] = Source(*row[:10])
            source.base = row[10]
        bases = tuple(dict.fromkeys(s.base for s in self.base.sources.values()))
        self.base.bases = bases if len(bases) > 1 else ()
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

    def places_named(self, word: str) -> list[tuple[str, str]]:
        sql = "SELECT name, folded FROM places WHERE first = ? OR joined = ? ORDER BY name"
        return self.db.execute(sql, (word, word)).fetchall()

    def places(self, limit: int) -> list[str]:
        return [name for (name,) in self.db.execute("SELECT name FROM places ORDER BY name LIMIT ?", (limit,))]

    def phrases(self) -> Phrases:
        rows = self.db.execute("SELECT record, weight, words FROM phrases ORDER BY rowid")
        return [(key, weight, tuple(words.split())) for key, weight, words in rows]

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
        sql = "SELECT DISTINCT period_start FROM figures WHERE period_kind NOT IN ('range', 'undated')"
        years = sorted(str(start) for (start,) in self.db.execute(sql))
        sql = "SELECT DISTINCT period FROM figures WHERE period_kind = 'range' ORDER BY period"
        return years + [text for (text,) in self.db.execute(sql)]

    def figure_ids_near(self, ident: str) -> list[str]:
        """As the Store protocol says; the beginnings as ranges of the index of ids, longest first."""
        if self.db.execute("SELECT COUNT(*) FROM figures").fetchone()[0] <= NEAR:
            return [i for (i,) in self.db.execute("SELECT id FROM figures")]
        for size in range(min(len(ident), 200), 0, -1):  # no id is longer (base/checks.py)
            sql = "SELECT id FROM figures WHERE id >= ? AND id < ? LIMIT ?"
            ids = [i for (i,) in self.db.execute(sql, (ident[:size], ident[:size] + "\U0010ffff", NEAR))]
            if ids:
                return ids
        return []

    def periods_of_indicators(self) -> dict[str, tuple[int, list[tuple[Period, bool]]]]:
        """As the Store protocol says, counted by SQLite rather than read figure by figure."""
        sql = ("SELECT indicator, period, period_kind, period_start, period_end, period_month, period_day, as_of, "
               "COUNT(*), MIN(ord) FROM figures GROUP BY indicator, period, as_of")  # fmt: skip
        groups: dict[str, list[tuple[tuple[int, int, int, int], int, Period, bool, int]]] = {}
        for indicator, *p, as_of, count, first in self.db.execute(sql):
            period = Period(*p)
            groups.setdefault(indicator, []).append((period.sort_key, first, period, bool(as_of), count))
        return {
            indicator: (sum(g[4] for g in group), [(g[2], g[3]) for g in sorted(group, key=lambda g: (g[0], g[1]))])
            for indicator, group in groups.items()
        }

    def standing_for(self, periods: list[Period]) -> list[Figure]:
        """As the Store protocol says (memory.stands_for in SQL), each period a narrow range of an index."""
        branches: list[str] = []
        args: list[int | str] = []
        for p in periods:
            if p.kind != "range":
                branches.append("(period_start = ? AND period_kind != 'range')")
                args.append(p.start)
            branches.append("(period_start = ? AND period_end = ? AND period = ?)")
            args += [p.start, p.end, p.text]
        sql = f"SELECT {_FIGURE_COLUMNS} FROM figures WHERE {' OR '.join(branches)} ORDER BY ord"
        return self._figures(self.db.execute(sql, args).fetchall(), cited=False)

    def figure(self, ident: str) -> Figure | None:
        rows = self.db.execute(f"SELECT {_FIGURE_COLUMNS} FROM figures WHERE id = ?", (ident,)).fetchall()
        return self._figures(rows)[0] if rows else None

    def figures_valued(self, values: frozenset[float], limit: int) -> list[Figure]:
        """As the Store protocol says, by the index of values: each value as the cache writes a whole or a
        fractional number."""
        from pcli.store.sqlite_schema import number_text

        texts = sorted({number_text(int(v)) if float(v).is_integer() else number_text(v) for v in values}
                       | {number_text(float(v)) for v in values})  # fmt: skip
        marks = ", ".join("?" * len(texts))
        sql = f"SELECT {_FIGURE_COLUMNS} FROM figures WHERE value_text IN ({marks}) ORDER BY ord LIMIT ?"
        return self._figures(self.db.execute(sql, [*texts, int(limit)]).fetchall(), cited=False)

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
