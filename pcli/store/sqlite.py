"""The store: a fact base in its SQLite form (pcli/store/sqlite_schema.py), in the cache file or, when there is no
usable cache, in memory. Each question reads a few rows by index rather than the whole base; which periods answer
which and the order of figures are base/order.py's rules, applied by SQLite (Period.matches as an SQL function,
figure_order as each figure's precomputed place).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from pcli.base.model import LANGS, Catalogue, Citation, Entity, FactBase, Figure, Indicator, Skip, Source, Topic, Unit
from pcli.base.order import period_rank, stands_for
from pcli.base.periods import Period, parse_period
from pcli.base.schema import ENTITY_TABLES
from pcli.store.sqlite_schema import FIGURE_STORED, number_of

if TYPE_CHECKING:
    from pcli.base.phrases import Phrases

NEAR = 10_000  # ids a mistyped id is compared with at most (difflib: about 0.3 s for 10,000 alike)

_NONE = 9  # the rank of a period that does not answer


@lru_cache(maxsize=4096)
def _rank(period: str, asked: str) -> int:
    """period_rank as SQLite calls it: a figure's period text against the periods asked, joined by newlines."""
    if not period:
        return _NONE  # undated
    rank = period_rank(parse_period(period), tuple(parse_period(p) for p in asked.split("\n")))
    return _NONE if rank is None else rank


_FIGURE_COLUMNS = ", ".join(FIGURE_STORED)
_AT = {column: n for n, column in enumerate(FIGURE_STORED)}
_ID, _INDICATOR, _VALUE, _SOURCE, _PERIOD, _AS_OF, _PART_OF, _PLACE, _QUALIFIER, _STATUS, _NOTE, _ORD = (
    _AT[c] for c in ("id", "indicator", "value_text", "cite_source", "period", "as_of", "part_of", "place", "qualifier",
                     "status", "note", "ord"))  # fmt: skip


def _period_branches(p: Period) -> list[tuple[str, list[Any]]]:
    """The figures whose period may answer `p` (a superset of what Period.matches takes), as conditions an index
    serves: for a range asked, the figures that start inside it; for a year or a point, those starting in the
    same year, and the ranges that hold it (few: their own partial index)."""
    if p.kind == "range":
        return [("period_start BETWEEN ? AND ?", [p.start, p.end])]
    return [("period_start = ?", [p.start]),
            ("period_kind = 'range' AND period_start <= ? AND period_end >= ?", [p.start, p.start])]  # fmt: skip


class Store:
    """The base's database: the small tables read at once, figures fetched as asked."""

    def __init__(self, db: sqlite3.Connection, path: str, cached: str = "") -> None:
        self.db, self.cached = db, cached  # the cache file it was read from, if any (pcli/store/published.py)
        db.create_function("period_rank", 2, _rank, deterministic=True)
        self._cited: dict[str, tuple[Citation, ...]] = {}
        self._entities: dict[tuple[str, str], Entity | None] = {}
        self._read: dict[tuple[str | None, tuple[Period, ...], str | None, int], list[Figure]] = {}
        self._periods: dict[tuple[str, str | None], list[tuple[Period, bool]]] = {}  # periods_of, read once
        self.meta: dict[str, str] = dict(db.execute("SELECT key, value FROM meta"))
        self.catalogue = self._catalogue(path)

    def _catalogue(self, path: str) -> Catalogue:
        """Everything but the figures: the small tables now, programmes to skips when first asked for."""
        db, meta = self.db, self.meta
        catalogue = Catalogue(path, meta.get("title", ""), meta.get("place", ""), rest=self.read_rest)
        if "phrases" in meta:
            for phrase in meta["phrases"].split("\x1e"):  # sqlite_schema.PHRASE_END, PHRASE_GAP
                text = dict(zip(LANGS, phrase.split("\x1f"), strict=False))
                catalogue.phrases[text["en"]] = text
        for row in db.execute(
            "SELECT id, outlet, language, date, url, file, title, note, report, rendering_of, base FROM sources"
        ):
            source = catalogue.sources[row[0]] = Source(*row[:10])
            source.base = row[10]
        bases = tuple(dict.fromkeys(s.base for s in catalogue.sources.values()))
        catalogue.bases = bases if len(bases) > 1 else ()
        for row in db.execute("SELECT id, label_en, label_vi, label_id FROM topics"):
            catalogue.topics[row[0]] = Topic(row[0], _languages(row[1:4]))
        for row in db.execute("SELECT id, kind, label_en, label_vi, label_id FROM units"):
            catalogue.units[row[0]] = Unit(row[0], row[1], _languages(row[2:5]))
        sql = "SELECT id, topic, unit, label_en, label_vi, label_id, aliases, note, change FROM indicators ORDER BY ord"
        for row in db.execute(sql):
            aliases = tuple(row[6].split("\n")) if row[6] else ()
            catalogue.indicators[row[0]] = Indicator(row[0], row[1], row[2], _languages(row[3:6]), aliases, row[7], bool(row[8]))
        return catalogue

    def places_named(self, word: str) -> list[tuple[str, str]]:
        """(name, folded name) of the places with figures that the word may begin (base/places.py), by name."""
        sql = "SELECT name, folded FROM places WHERE first = ? OR joined = ? ORDER BY name"
        return self.db.execute(sql, (word, word)).fetchall()

    def places(self, limit: int) -> list[str]:
        return [name for (name,) in self.db.execute("SELECT name FROM places ORDER BY name LIMIT ?", (limit,))]

    def phrases(self) -> Phrases:
        """Every record described by its text as weighted, folded phrases, keyed "kind:id" (base/words.py)."""
        records, weights, words = self.db.execute("SELECT records, weights, words FROM phrases").fetchone()
        if not records:
            return []
        phrases = map(tuple, map(str.split, words.split("\x1f")))  # sqlite_schema._write_index, PHRASE_GAP
        return list(zip(records.split("\x1f"), map(float, weights.split()), phrases, strict=True))

    def postings(self) -> tuple[dict[str, int], dict[str, str]]:
        """Each word of the phrases: how many records hold it, and the phrases it is in as written ("0 5 9"),
        read when a word is first asked about (base/words.py's postings, kept when the database was written)."""
        tokens, counts, listed = self.db.execute("SELECT tokens, held, rows FROM postings").fetchone()
        words = tokens.split()
        if not words:
            return {}, {}
        return dict(zip(words, map(int, counts.split()), strict=True)), dict(zip(words, listed.split("\x1f"), strict=True))

    def modifiers(self) -> frozenset[str] | None:
        """The words that tell records apart (answer/index.py), kept ready when the database was written."""
        return frozenset(self.meta["modifiers"].split()) if "modifiers" in self.meta else None

    def entity(self, table: str, ident: str) -> Entity | None:
        """A programme, document, agency or place by its table and id."""
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
        """(id, kind, number) of every document."""
        sql = "SELECT id, json_extract(data, '$.kind'), json_extract(data, '$.number') FROM entities WHERE kind = 'documents'"
        return [(ident, kind or "", number or "") for ident, kind, number in self.db.execute(sql)]

    def figures(self, indicator: str | None, periods: list[Period], place: str | None, limit: int) -> list[Figure]:
        """Figures of one indicator (None: any), best first (figure_order); with periods, the `limit` that answer
        them best (period_rank, worked out by SQLite so that a broad period never fetches a whole large base).
        Their citations are left out until cite() is called for the ones that are kept. Each read is kept for
        the run, as citations are: a batch asks for the same indicator and year in many words."""
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
        rank = "0"
        if indicator is not None and not periods:  # an indicator's figures, best first: read in index order
            where.append("indicator = ?")
            args.append(indicator)
        if periods:
            rank = "period_rank(period, ?)"
            args.insert(0, "\n".join(p.text for p in periods))
            branches = []
            for p in periods:  # what each period asked can match, each branch a narrow range of one index
                for condition, values in _period_branches(p):
                    branches.append(condition if indicator is None else f"indicator = ? AND {condition}")
                    args += values if indicator is None else [indicator, *values]
            where.append("(" + " OR ".join(f"({b})" for b in branches) + ")")
        if place is not None:
            where.append("place = ?")
            args.append(place)
        sql = (f"SELECT * FROM (SELECT {_FIGURE_COLUMNS}, {rank} AS rank FROM figures"
               + (" WHERE " + " AND ".join(where) if where else "") + f") WHERE rank < {_NONE}"
               " ORDER BY rank, best LIMIT ?")  # fmt: skip
        # Citations are fetched by cite(), for the few figures that are answered with.
        return self._figures(self.db.execute(sql, [*args, int(limit)]).fetchall(), cited=False)

    def known_periods(self) -> list[str]:
        """The years the figures fall in, then the ranges they cover, as compare's miss lists them (by index)."""
        sql = "SELECT DISTINCT period_start FROM figures WHERE period_kind NOT IN ('range', 'undated')"
        years = sorted(str(start) for (start,) in self.db.execute(sql))
        sql = "SELECT DISTINCT period FROM figures WHERE period_kind = 'range' ORDER BY period"
        return years + [text for (text,) in self.db.execute(sql)]

    def figure_ids_near(self, ident: str) -> list[str]:
        """Figure ids to compare with a mistyped one: all of them in a base of up to NEAR figures; in a larger
        one, at most NEAR of those that share the longest beginning with it (ranges of the index of ids)."""
        if self.db.execute("SELECT COUNT(*) FROM figures").fetchone()[0] <= NEAR:
            return [i for (i,) in self.db.execute("SELECT id FROM figures")]
        for size in range(min(len(ident), 200), 0, -1):  # no id is longer (base/checks.py)
            sql = "SELECT id FROM figures WHERE id >= ? AND id < ? LIMIT ?"
            ids = [i for (i,) in self.db.execute(sql, (ident[:size], ident[:size] + "\U0010ffff", NEAR))]
            if ids:
                return ids
        return []

    def periods_of(self, indicator: str, place: str | None) -> list[tuple[Period, bool]]:
        """The distinct (period, as_of) of an indicator's figures (of a place), in time order: what a miss names.
        Read once a run: a batch misses the same indicator again and again."""
        key = (indicator, place)
        found = self._periods.get(key)
        if found is None:
            sql = ("SELECT DISTINCT period, period_kind, period_start, period_end, period_month, period_day, as_of "
                   "FROM figures WHERE indicator = ?" + (" AND place = ?" if place is not None else ""))  # fmt: skip
            rows = self.db.execute(sql, (indicator,) if place is None else (indicator, place)).fetchall()
            found = self._periods[key] = sorted(((Period(*r[:6]), bool(r[6])) for r in rows), key=lambda p: p[0].sort_key)
        return found

    def periods_of_indicators(self) -> dict[str, tuple[int, list[tuple[Period, bool]]]]:
        """For each indicator with figures: how many, and its distinct (period, as_of) in time order (file order
        among equals), as `list indicators` shows them; counted by SQLite."""
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
        """Every figure that can stand for one of these periods in a comparison (stands_for), in file order; their
        citations may be left out. The figures starting in the years asked are read by index, stands_for keeps."""
        starts = sorted({p.start for p in periods})
        sql = f"SELECT {_FIGURE_COLUMNS} FROM figures WHERE period_start IN ({', '.join('?' * len(starts))}) ORDER BY ord"
        figures = self._figures(self.db.execute(sql, starts).fetchall(), cited=False)
        return [f for f in figures if any(stands_for(f.period, asked) for asked in periods)]

    def figure(self, ident: str) -> Figure | None:
        """One figure by its id, with its citations."""
        rows = self.db.execute(f"SELECT {_FIGURE_COLUMNS} FROM figures WHERE id = ?", (ident,)).fetchall()
        return self._figures(rows)[0] if rows else None

    def figures_valued(self, values: frozenset[float], limit: int) -> list[Figure]:
        """Figures whose value is one of the values (a number a question states), in file order, by the index of
        values: each value as the database writes a whole or a fractional number."""
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
        """Figures from rows of FIGURE_STORED's columns (and perhaps more after them)."""
        cite, period = _SOURCE, _PERIOD
        figures = [
            Figure(
                id=r[_ID],
                order=r[_ORD],
                indicator=r[_INDICATOR],
                value=number_of(r[_VALUE]),
                qualifier=r[_QUALIFIER],
                status=r[_STATUS],
                period=Period(*r[period : period + 6]),
                place=r[_PLACE],
                note=r[_NOTE],
                citations=() if r[cite] is None else (Citation(r[cite], r[cite + 1], 0, r[cite + 2], r[cite + 3]),),
                as_of=bool(r[_AS_OF]),
                part_of=r[_PART_OF],
            )
            for r in rows
        ]
        if cited:
            self.cite(figures)
        return figures

    def whole(self) -> FactBase:
        """The catalogue with every figure, read at once: for the commands that need them all together."""
        return FactBase.of(self.catalogue, list(self.each_figure()))

    def each_figure(self) -> Iterator[Figure]:
        """Every figure in file order, with its citations, a thousand at a time: memory stays bounded."""
        cursor = self.db.execute(f"SELECT {_FIGURE_COLUMNS} FROM figures ORDER BY ord")
        while rows := cursor.fetchmany(1000):
            figures = self._figures(rows, cited=False)
            self.cite(figures, remember=False)
            yield from figures

    def read_rest(self) -> tuple[dict[str, list[Entity]], list[Skip]]:
        """The catalogue's programmes, documents, agencies and places, and its skips."""
        import json

        cites: dict[tuple[str, str], list[Citation]] = {}
        for kind, rid, source, quote, context in self.db.execute(
            "SELECT record_table, record_id, source, quote, context FROM citations WHERE record_table != 'figures' "
            "ORDER BY record_table, record_id, position"
        ):
            cites.setdefault((kind, rid), []).append(Citation(source, quote, 0, context))
        entities: dict[str, list[Entity]] = {table: [] for table in ENTITY_TABLES}
        for kind, rid, data in self.db.execute("SELECT kind, id, data FROM entities ORDER BY kind, ord"):
            entities[kind].append(Entity(kind, rid, json.loads(data), tuple(cites.get((kind, rid), ()))))
        skips = [Skip(*row) for row in self.db.execute("SELECT id, source, quote, number, reason FROM skips ORDER BY rowid")]
        return entities, skips


def _languages(values: tuple[Any, ...]) -> dict[str, str]:
    return {lang: v for lang, v in zip(LANGS, values, strict=True) if v}
