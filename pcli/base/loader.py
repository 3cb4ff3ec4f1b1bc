"""Building a FactBase from parsed TOML as the schema declares it, or every problem with its line."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from itertools import chain
from sys import intern
from typing import Any

from pcli.base.checks import CHECKS, did_you_mean, value_wrong
from pcli.base.linemap import LineMap, NoLines
from pcli.base.model import Citation, Entity, FactBase, Figure, Indicator, Skip, Source, Topic, Unit
from pcli.base.periods import UNDATED, parse_period
from pcli.base.schema import CITATION, ENTITY_TABLES, KINDS, LANGS, SCHEMA_VERSION, SINGULAR, TOP_LEVEL, Field, Kind
from pcli.base.tomlfile import parse_toml, read_text
from pcli.errors import FactBaseError
from pcli.messages import Msg


class Problem:
    """One thing wrong with a base, on its line (0: the file as a whole)."""

    __slots__ = ("line", "msg", "path")

    def __init__(self, line: int, msg: Msg, path: str = "") -> None:
        self.line, self.msg = line, msg
        self.path = path  # the file, where several bases are checked together

    @property
    def message(self) -> str:
        return self.msg.say("en")


# ----------------------------------------------------------------------------- building


class _Builder:
    def __init__(
        self, data: dict[str, Any], text: str, path: str, lines: bool = True, streams: Mapping[str, Iterator[list[Any]]] = {}
    ) -> None:
        self.data = data
        self.streams = streams  # tables read a batch at a time, once, instead of from data
        self.ids: dict[str, dict[str, int]] = {}  # the line of each id seen, casefolded, per namespace
        self.lines: LineMap | NoLines = LineMap(text) if lines else NoLines()
        self.problems: list[Problem] = []
        self.base = FactBase(path=path)
        built: dict[str, Mapping[str, object]] = {"sources": self.base.sources, "topics": self.base.topics,
                                                  "units": self.base.units, "indicators": self.base.indicators}  # fmt: skip
        referred = {f.ref for k in [*KINDS.values(), CITATION] for f in k.refs}  # figures are referred to only as wholes
        self.known: dict[str, Mapping[str, object]] = {t: built[t] if t in built else self._ids(t) for t in referred}

    def problem(self, line: int, name: object, msg: Msg) -> None:
        self.problems.append(Problem(line, Msg("named", name=name, message=msg) if name else msg))

    def _ids(self, table: str) -> dict[str, None]:
        raw = self.data.get(table)
        records = raw if isinstance(raw, list) else []
        return {r["id"]: None for r in records if isinstance(r, dict) and isinstance(r.get("id"), str)}

    def records(self, kind: Kind) -> Iterator[tuple[int, dict[str, Any], int, object, bool]]:
        """The records of a table whose keys all check, as (index, record, line, name, first: its id not seen
        before), one at a time; the rest are problems."""
        table = kind.table
        stream = self.streams.get(table)
        raw = chain.from_iterable(stream) if stream is not None else self.data.get(table, [])
        if not isinstance(raw, (list, chain)):
            self.problem(self.lines.key("", -1, table), "", Msg("not_array", table=table))
            return
        seen = self.ids.setdefault("" if kind.named else table, {})  # figures and entities share one namespace
        for index, record in enumerate(raw):
            line = self.lines.record(table, index)
            if not isinstance(record, dict):
                self.problem(line or self.lines.key("", -1, table), f"{table}[{index}]", Msg("not_table"))
                continue
            first = self._unique(seen, table, index, record)
            name = _Name(table, index, record, self.lines)
            if self._fields(kind, record, name, name.line_of, line):
                self._references(kind, record, name, name.line_of)
                yield index, record, line, name, first

    def _unique(self, seen: dict[str, int], table: str, index: int, record: dict[str, Any]) -> bool:
        """Whether a record's id is new, compared without case; a second use is a problem, valid record or not."""
        ident = record.get("id")
        if not isinstance(ident, str):
            return True
        same = ident if ident.isascii() and ident.islower() else ident.casefold()  # no new string when none is needed
        line = self.lines.key(table, index, "id")
        if same in seen:
            self.problem(line, f"{table}[{index}]", Msg("duplicate_id", ident=ident, line=seen[same]))
            return False
        seen[same] = line
        return True

    def _fields(self, kind: Kind, record: dict[str, Any], name: object, line_of: Callable[[str], int], line: int) -> bool:
        ok = True
        checks = _checks(kind)
        for key, value in record.items():
            found = checks.get(key)
            if found is None:
                hint = did_you_mean(key, [f.name for f in kind.fields])
                self.problem(line_of(key), name, Msg("unknown_key", key=key, hint=hint))
                continue
            field, check = found
            wrong = check(value, field)
            if wrong:
                self.problem(line_of(key), name, Msg("keyed", key=key, message=wrong))
                ok = False
        if not kind.required_set <= record.keys():
            for required in kind.required:
                if required not in record:
                    self.problem(line, name, Msg("missing_key", key=required))
                    ok = False
        return ok

    def _references(self, kind: Kind, record: dict[str, Any], name: object, line_of: Callable[[str], int]) -> None:
        for field in kind.refs:  # parts (part_of) are checked as figures, with their whole at hand
            if field.name not in record:
                continue
            known = self.known[field.ref]
            values = record[field.name] if field.type == "refs" else [record[field.name]]
            for value in values:
                if value not in known:
                    hint = did_you_mean(value, known)
                    self.problem(
                        line_of(field.name),
                        name,
                        Msg(
                            "keyed", key=field.name, message=Msg("unknown_ref", what=SINGULAR[field.ref], value=value, hint=hint)
                        ),
                    )

    def citations(self, table: str, index: int, record: dict[str, Any], name: object) -> tuple[Citation, ...]:
        out = []
        sources = self.base.sources
        for position, raw in enumerate(record.get("citations", [])):
            line = self.lines.item(table, index, "citations", position)
            if isinstance(raw, dict) and len(raw) == 2:  # the common case, { source, quote }, checked in place
                source, quote = raw.get("source"), raw.get("quote")
                if isinstance(source, str) and source in sources and isinstance(quote, str) and quote.strip():
                    out.append(Citation(intern(source), quote, line))
                    continue
            where = _Where(name, position)
            if not isinstance(raw, dict):
                self.problem(line, where, Msg("want_citation"))
            elif self._fields(CITATION, raw, where, _fixed(line), line):
                self._references(CITATION, raw, where, _fixed(line))
                out.append(Citation(raw["source"], raw["quote"], line, raw.get("context", ""), raw.get("qualifier")))
        return tuple(out)

    def top_level(self) -> None:
        known = {f.name: f for f in TOP_LEVEL}
        for key, value in self.data.items():
            if key in known:
                wrong = CHECKS[known[key].type](value, known[key])
                if wrong:
                    self.problem(self.lines.key("", -1, key), key, wrong)
            elif key not in KINDS:
                hint = did_you_mean(key, [*known, *KINDS])
                line = self.lines.key("", -1, key) or self.lines.record(key, 0)
                self.problem(line, "", Msg("unknown_key", key=key, hint=hint))
        schema = self.data.get("schema", SCHEMA_VERSION)
        if isinstance(schema, int) and schema != SCHEMA_VERSION:
            self.problem(self.lines.key("", -1, "schema"), "", Msg("bad_schema", schema=schema, supported=SCHEMA_VERSION))
        for key in ("title", "place"):
            setattr(self.base, key, _words(self.base, self.data.get(key, "")))

    def parts(self) -> None:
        """A part ("of which") has its whole's unit, is no larger, and falls within its period."""
        figures = {f.id: f for f in self.base.figures}
        for f in self.base.figures:
            if f.as_of and f.period.kind == "undated":
                self.problem(f.line, f.id, Msg("as_of_undated"))
            whole = figures.get(f.part_of) if f.part_of else None
            if f.part_of and (whole is None or whole is f):
                self.problem(f.line, f.id, Msg("part_unknown", ident=f.part_of, hint=did_you_mean(f.part_of, figures)))
            if whole is None or whole is f:
                continue
            units = [self.base.indicators[x.indicator].unit if x.indicator in self.base.indicators else "" for x in (f, whole)]
            p, w = f.period, whole.period
            if units[0] != units[1]:
                self.problem(f.line, f.id, Msg("part_unit", part=units[0], whole=units[1]))
            elif f.value > whole.value:
                self.problem(f.line, f.id, Msg("part_larger", part=f.value, whole=whole.value))
            if "undated" not in (p.kind, w.kind) and not (w.start <= p.start and p.end <= w.end):
                self.problem(f.line, f.id, Msg("part_period", part=p.text, whole=w.text))

    def values(self) -> None:
        """Values a unit can hold, and one figure per indicator, place and period unless their status or
        qualifier tells them apart."""
        seen: dict[tuple[str, str, str, str, str], Figure] = {}
        for f in self.base.figures:
            indicator = self.base.indicators.get(f.indicator)
            unit = self.base.units.get(indicator.unit) if indicator else None
            if unit is not None and indicator is not None:
                wrong = value_wrong(f.value, unit.kind, indicator.change)
                if wrong:
                    self.problem(f.line, f.id, Msg("keyed", key="value", message=wrong))
            key = (f.indicator, f.place, f.period.text, f.status, f.qualifier)
            if key in seen and f.period.kind != "undated":
                self.problem(f.line, f.id, Msg("same_figure", other=seen[key].id, line=seen[key].line))
            seen.setdefault(key, f)

    def build(self) -> FactBase:
        self.top_level()
        for kind in KINDS.values():
            for index, r, line, name, first in self.records(kind):
                citations = self.citations(kind.table, index, r, name) if "citations" in r else ()
                if first:
                    MAKERS.get(kind.table, _entity)(self.base, kind.table, r, citations, line)
        self.parts()
        self.values()
        if not self.base.figures and not any(p.message.startswith("figures") for p in self.problems):
            self.problem(0, "", Msg("no_figures"))
        return self.base


_CHECKS: dict[str, dict[str, tuple[Field, Callable[[Any, Field], Msg | None]]]] = {}


def _checks(kind: Kind) -> dict[str, tuple[Field, Callable[[Any, Field], Msg | None]]]:
    """Each key of a kind with its field and the check of its type, looked up once."""
    found = _CHECKS.get(kind.table)
    if found is None:
        found = _CHECKS[kind.table] = {f.name: (f, CHECKS[f.type]) for f in kind.fields}
    return found


class _Name:
    """A record's name in messages ("figures[3] (poor-2023)"), written only when a message needs it, and the
    lines of its keys."""

    __slots__ = ("table", "index", "record", "lines")

    def __init__(self, table: str, index: int, record: dict[str, Any], lines: LineMap | NoLines) -> None:
        self.table, self.index, self.record, self.lines = table, index, record, lines

    def line_of(self, key: str) -> int:
        return self.lines.key(self.table, self.index, key)

    def __str__(self) -> str:
        ident = self.record.get("id")
        return f"{self.table}[{self.index}]" + (f" ({ident})" if isinstance(ident, str) else "")

    def __format__(self, spec: str) -> str:
        return str(self)


class _Where:
    """A citation's place in messages ("figures[3] (poor-2023): citations[0]"), written only when needed."""

    __slots__ = ("name", "position")

    def __init__(self, name: object, position: int) -> None:
        self.name, self.position = name, position

    def __str__(self) -> str:
        return f"{self.name}: citations[{self.position}]"

    def __format__(self, spec: str) -> str:
        return str(self)


def _fixed(line: int) -> Callable[[str], int]:
    """Every key of an inline table stands on the table's own line."""
    return lambda key: line


def _text_of(value: dict[str, Any]) -> dict[str, str]:
    return {lang: str(value[lang]) for lang in LANGS if lang in value}


def _words(base: FactBase, value: Any) -> str:
    """Free text as the records hold it, in English; given in three languages, the other two are kept in the
    base's phrases for people (model.said)."""
    if isinstance(value, dict):
        text = _text_of(value)
        english = text.get("en", "")
        if english:
            base.phrases[english] = text
        return english
    return value if isinstance(value, str) else ""


def _source(base: FactBase, table: str, r: dict[str, Any], citations: tuple[Citation, ...], line: int) -> None:
    base.sources[r["id"]] = Source(
        r["id"],
        r["outlet"],
        r["language"],
        r.get("date", ""),
        r.get("url", ""),
        r.get("file", ""),
        r.get("title", ""),
        _words(base, r.get("note", "")),
        r.get("report", ""),
        r.get("rendering_of", ""),
        line,
    )


def _topic(base: FactBase, table: str, r: dict[str, Any], citations: tuple[Citation, ...], line: int) -> None:
    base.topics[r["id"]] = Topic(r["id"], _text_of(r["label"]))


def _unit(base: FactBase, table: str, r: dict[str, Any], citations: tuple[Citation, ...], line: int) -> None:
    base.units[r["id"]] = Unit(r["id"], r["kind"], _text_of(r["label"]))


def _indicator(base: FactBase, table: str, r: dict[str, Any], citations: tuple[Citation, ...], line: int) -> None:
    base.indicators[r["id"]] = Indicator(
        r["id"],
        r["topic"],
        r["unit"],
        _text_of(r["label"]),
        tuple(r.get("aliases", ())),
        _words(base, r.get("note", "")),
        r.get("change", False),
    )


def _figure(base: FactBase, table: str, r: dict[str, Any], citations: tuple[Citation, ...], line: int) -> None:
    base.figures.append(
        Figure(
            id=r["id"],
            indicator=intern(r["indicator"]),  # words a million figures repeat are kept once
            value=r["value"],
            period=parse_period(r["period"]) if "period" in r else UNDATED,
            citations=citations,
            place=intern(_words(base, r.get("place")) or base.place),
            qualifier=intern(r.get("qualifier", "")),
            status=intern(r.get("status", "achieved")),
            note=_words(base, r.get("note", "")),
            order=len(base.figures),
            line=line,
            as_of=r.get("as_of", False),
            part_of=r.get("part_of", ""),
        )
    )


def _entity(base: FactBase, table: str, r: dict[str, Any], citations: tuple[Citation, ...], line: int) -> None:
    words = {f.name for f in KINDS[table].fields if f.type == "words"}
    fields = {k: (_words(base, v) if k in words else _text_of(v) if isinstance(v, dict) else v)
              for k, v in r.items() if k not in ("id", "citations")}  # fmt: skip
    base.entities[table].append(Entity(table, r["id"], fields, citations))


def _skip(base: FactBase, table: str, r: dict[str, Any], citations: tuple[Citation, ...], line: int) -> None:
    base.skips.append(Skip(r["id"], r["source"], r["quote"], r["number"], r["reason"], line))


MAKERS = {"sources": _source, "topics": _topic, "units": _unit, "indicators": _indicator, "figures": _figure,
          "skips": _skip}  # fmt: skip


def build(
    data: dict[str, Any], text: str, path: str, lines: bool = True, streams: Mapping[str, Iterator[list[Any]]] = {}
) -> tuple[FactBase, list[Problem]]:
    builder = _Builder(data, text, path, lines, streams)
    base = builder.build()
    return base, sorted(builder.problems, key=lambda p: p.line)


def load(path: str) -> FactBase:
    """Read and check a fact base; the first problem is raised, with a count of the others."""
    base, problems = read_and_check(path)
    if problems:
        first = problems[0]
        raise FactBaseError(path, first.msg, first.line or None, more=len(problems) - 1)
    return base


def read_and_check(path: str, lines: bool = False) -> tuple[FactBase, list[Problem]]:
    """Every problem of a base, with its line.

    A base is first read without line numbers, its figures a batch at a time (1,000,000 figures: 0.8 GiB at
    most instead of 2.5 GiB): scanning a large file for lines costs more than building it (1.4 s of 2.3 s for
    100,000 figures). Only when there is a problem to report, or when lines are asked for (the proof against
    the sources reports citations' lines), is the file read whole and scanned.
    """
    if not lines:
        from pcli.base.tomlstream import NotStreamable, stream_toml

        try:
            data, figures = stream_toml(path, "figures")
            base, problems = build(data, "", path, lines=False, streams={"figures": figures})
            if not problems:
                return base, problems
        except NotStreamable:
            pass  # read whole: the plain way finds the problem, and says it with its line
    text = read_text(path)
    return build(parse_toml(text, path), text, path)


__all__ = ["ENTITY_TABLES", "Problem", "build", "load", "parse_toml", "read_and_check", "read_text"]
