"""Reading a fact base: TOML in, a FactBase out, or every problem with its line."""

from __future__ import annotations

import difflib
import math
import os
import re
from collections.abc import Callable
from typing import Any, NamedTuple

from pcli.errors import FactBaseError
from pcli.base.linemap import LineMap
from pcli.base.model import (
    CITATION_QUALIFIERS,
    LANGS,
    QUALIFIERS,
    STATUSES,
    UNIT_KINDS,
    Citation,
    Entity,
    FactBase,
    Figure,
    Indicator,
    Source,
    Text,
    Topic,
    Unit,
)
from pcli.base.periods import UNDATED, parse_period

MAX_BYTES = 512 * 1024 * 1024
SCHEMA_VERSION = 1


class Problem(NamedTuple):
    line: int
    message: str


# ----------------------------------------------------------------------------- field types

Check = Callable[[Any], str | None]  # returns what is wrong, or None


def _str(value: Any) -> str | None:
    return None if isinstance(value, str) and value.strip() else "expected a non-empty string"


def _opt_str(value: Any) -> str | None:
    return None if isinstance(value, str) else "expected a string"


def _text(value: Any) -> str | None:
    if not isinstance(value, dict):
        return 'expected a table of languages, like { en = "…", vi = "…", id = "…" }'
    missing = [lang for lang in LANGS if not isinstance(value.get(lang), str) or not value[lang].strip()]
    unknown = [key for key in value if key not in LANGS]
    if unknown:
        return f"unknown language {unknown[0]!r} (use {', '.join(LANGS)})"
    return f"missing {', '.join(missing)} text" if missing else None


def _number(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return f"expected a number, got {_describe(value)}"
    if isinstance(value, float) and not math.isfinite(value):
        return f"expected a finite number, got {value}"
    return None


def _int(value: Any) -> str | None:
    return None if isinstance(value, int) and not isinstance(value, bool) else f"expected an integer, got {_describe(value)}"


def _bool(value: Any) -> str | None:
    return None if isinstance(value, bool) else f"expected true or false, got {_describe(value)}"


def _str_list(value: Any) -> str | None:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        return "expected a list of strings"
    return None


def _period(value: Any) -> str | None:
    if not isinstance(value, str):
        return f'expected a period string like "2023", got {_describe(value)}'
    try:
        parse_period(value)
    except ValueError as exc:
        return str(exc)
    return None


def _one_of(choices: tuple[str, ...]) -> Check:
    def check(value: Any) -> str | None:
        if isinstance(value, str) and value in choices:
            return None
        hint = _did_you_mean(str(value), choices)
        return f"{value!r} is not one of {', '.join(choices)}{hint}"

    return check


def _citations(value: Any) -> str | None:
    if not isinstance(value, list) or not value:
        return "expected at least one citation: [{ source = \"…\", quote = \"…\" }]"
    return None  # each citation is checked on its own, with its own line


def _describe(value: Any) -> str:
    kind = {str: "a string", bool: "a boolean", list: "a list", dict: "a table"}.get(type(value), type(value).__name__)
    shown = repr(value)
    return f"{kind} {shown[:40]}" if isinstance(value, str | bool) else kind


REQUIRED, OPTIONAL = True, False
FIELDS: dict[str, dict[str, tuple[Check, bool]]] = {
    "sources": {"id": (_str, REQUIRED), "outlet": (_str, REQUIRED), "language": (_one_of(LANGS), REQUIRED),
                "date": (_opt_str, OPTIONAL), "url": (_opt_str, OPTIONAL), "file": (_opt_str, OPTIONAL),
                "title": (_opt_str, OPTIONAL), "note": (_opt_str, OPTIONAL), "report": (_str, OPTIONAL),
                "rendering_of": (_str, OPTIONAL)},
    "topics": {"id": (_str, REQUIRED), "label": (_text, REQUIRED)},
    "units": {"id": (_str, REQUIRED), "kind": (_one_of(UNIT_KINDS), REQUIRED), "label": (_text, REQUIRED)},
    "indicators": {"id": (_str, REQUIRED), "topic": (_str, REQUIRED), "unit": (_str, REQUIRED),
                   "label": (_text, REQUIRED), "aliases": (_str_list, OPTIONAL), "note": (_opt_str, OPTIONAL)},
    "figures": {"id": (_str, REQUIRED), "indicator": (_str, REQUIRED), "value": (_number, REQUIRED),
                "period": (_period, OPTIONAL), "citations": (_citations, REQUIRED), "place": (_opt_str, OPTIONAL),
                "qualifier": (_one_of(QUALIFIERS), OPTIONAL), "status": (_one_of(STATUSES), OPTIONAL),
                "as_of": (_bool, OPTIONAL), "part_of": (_str, OPTIONAL), "note": (_opt_str, OPTIONAL)},
    "programmes": {"id": (_str, REQUIRED), "kind": (_str, REQUIRED), "name": (_text, REQUIRED),
                   "period": (_period, OPTIONAL), "documents": (_str_list, OPTIONAL), "note": (_opt_str, OPTIONAL),
                   "citations": (_citations, REQUIRED)},
    "documents": {"id": (_str, REQUIRED), "number": (_str, REQUIRED), "kind": (_str, REQUIRED),
                  "issuer": (_str, REQUIRED), "year": (_int, OPTIONAL), "subject": (_text, REQUIRED),
                  "note": (_opt_str, OPTIONAL), "citations": (_citations, REQUIRED)},
    "agencies": {"id": (_str, REQUIRED), "name": (_text, REQUIRED), "role": (_text, REQUIRED),
                 "note": (_opt_str, OPTIONAL), "citations": (_citations, REQUIRED)},
    "places": {"id": (_str, REQUIRED), "kind": (_str, REQUIRED), "name": (_text, REQUIRED),
               "note": (_opt_str, OPTIONAL), "citations": (_citations, REQUIRED)},
}
TOP_LEVEL: dict[str, Check] = {"schema": _int, "title": _opt_str, "place": _opt_str}
ENTITY_TABLES = ("programmes", "documents", "agencies", "places")
CITATION_FIELDS = ("source", "quote")
CITATION_OPTIONAL: dict[str, Check] = {"context": _str, "qualifier": _one_of(CITATION_QUALIFIERS)}


def _did_you_mean(word: str, choices: tuple[str, ...] | list[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.75)
    return f" (did you mean {close[0]!r}?)" if close else ""


# ----------------------------------------------------------------------------- reading

def read_text(path: str) -> str:
    """The file's text, or a FactBaseError that says in plain words why it cannot be read."""
    try:
        size = os.stat(path).st_size
        if os.path.isdir(path):
            raise FactBaseError(path, "is a directory, not a fact base file")
        if size > MAX_BYTES:
            raise FactBaseError(path, f"is too large ({size // 2**20} MiB; the limit is {MAX_BYTES // 2**20} MiB)")
        with open(path, "rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        raise FactBaseError(path, "no such file") from None
    except IsADirectoryError:
        raise FactBaseError(path, "is a directory, not a fact base file") from None
    except PermissionError:
        raise FactBaseError(path, "permission denied") from None
    except OSError as exc:
        raise FactBaseError(path, f"cannot be read: {exc.strerror or exc}") from None
    if not data.strip():
        raise FactBaseError(path, "is empty: a fact base needs at least one figure")
    if b"\0" in data:
        raise FactBaseError(path, "is a binary file, not TOML text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise FactBaseError(path, f"is not UTF-8 text (byte 0x{data[exc.start]:02x})", line) from None


_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")


def parse_toml(text: str, path: str) -> dict[str, Any]:
    try:
        import tomllib
    except ModuleNotFoundError:  # Python < 3.11
        import tomli as tomllib  # type: ignore[no-redef,import-not-found,unused-ignore]

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        m = _TOML_POSITION.search(message)
        if m:
            message = message[: m.start()]
            raise FactBaseError(path, f"TOML syntax error: {message} (column {m[2]})", int(m[1])) from None
        raise FactBaseError(path, f"TOML syntax error: {message}") from None


def load(path: str) -> FactBase:
    """Read and check a fact base; the first problem is raised, with a count of the others.

    Line numbers are found only when there is a problem to report: scanning a large file for them costs
    more than building it (1.4 s of 2.3 s for 100,000 figures).
    """
    text = read_text(path)
    data = parse_toml(text, path)
    base, problems = build(data, text, path, lines=False)
    if problems:
        base, problems = build(data, text, path)
        first = problems[0]
        raise FactBaseError(path, first.message, first.line or None, more=len(problems) - 1)
    return base


def read_and_check(path: str) -> tuple[FactBase, list[Problem]]:
    text = read_text(path)
    data = parse_toml(text, path)
    return build(data, text, path)


# ----------------------------------------------------------------------------- building

class _Builder:
    def __init__(self, data: dict[str, Any], text: str, path: str, lines: bool = True) -> None:
        self.data = data
        self.lines: LineMap | _NoLines = LineMap(text) if lines else _NoLines()
        self.problems: list[Problem] = []
        self.base = FactBase(path=path)

    def problem(self, line: int, message: str) -> None:
        self.problems.append(Problem(line, message))

    def records(self, table: str) -> list[tuple[int, dict[str, Any], int]]:
        """The valid-looking records of a table as (index, record, line); a record that is not a table is a problem."""
        raw = self.data.get(table, [])
        if not isinstance(raw, list):
            self.problem(self.lines.key("", -1, table), f"{table}: expected an array of tables ([[{table}]])")
            return []
        out = []
        for index, record in enumerate(raw):
            line = self.lines.record(table, index)
            if not isinstance(record, dict):
                self.problem(line or self.lines.key("", -1, table), f"{table}[{index}]: expected a table")
                continue
            if self._check_fields(table, index, record, line):
                out.append((index, record, line))
        return out

    def _check_fields(self, table: str, index: int, record: dict[str, Any], line: int) -> bool:
        fields = FIELDS[table]
        name = f"{table}[{index}]" + (f" ({record['id']})" if isinstance(record.get("id"), str) else "")
        ok = True
        for key, value in record.items():
            if key not in fields:
                hint = _did_you_mean(key, list(fields))
                self.problem(self.lines.key(table, index, key), f"{name}: unknown key {key!r}{hint}")
                continue
            check, _ = fields[key]
            wrong = check(value)
            if wrong:
                self.problem(self.lines.key(table, index, key), f"{name}: {key}: {wrong}")
                ok = False
        for key, (_, required) in fields.items():
            if required and key not in record:
                self.problem(line, f"{name}: missing required key {key!r}")
                ok = False
        return ok

    def citations(self, table: str, index: int, record: dict[str, Any], name: str) -> tuple[Citation, ...]:
        out = []
        for position, raw in enumerate(record.get("citations", [])):
            line = self.lines.item(table, index, "citations", position)
            if not isinstance(raw, dict):
                self.problem(line, f"{name}: citations[{position}]: expected {{ source = \"…\", quote = \"…\" }}")
                continue
            bad = False
            for key in raw:
                if key in CITATION_OPTIONAL:
                    wrong = CITATION_OPTIONAL[key](raw[key])
                    if wrong:
                        self.problem(line, f"{name}: citations[{position}]: {key}: {wrong}")
                        bad = True
                elif key not in CITATION_FIELDS:
                    hint = _did_you_mean(key, [*CITATION_FIELDS, *CITATION_OPTIONAL])
                    self.problem(line, f"{name}: citations[{position}]: unknown key {key!r}{hint}")
            for key in CITATION_FIELDS:
                if _str(raw.get(key)):
                    self.problem(line, f"{name}: citations[{position}]: {key}: expected a non-empty string")
                    bad = True
            if bad:
                continue
            if raw["source"] not in self.base.sources:
                hint = _did_you_mean(raw["source"], list(self.base.sources))
                self.problem(line, f"{name}: citations[{position}]: unknown source {raw['source']!r}{hint}")
            out.append(Citation(raw["source"], raw["quote"], line, raw.get("context", ""), raw.get("qualifier")))
        return tuple(out)

    def unique(self, table: str, ident: str, line: int, seen: dict[str, int]) -> bool:
        """Whether the id is new; duplicates are reported once, by `duplicates()`."""
        if ident in seen:
            return False
        seen[ident] = line
        return True

    def ids(self, table: str) -> dict[str, None]:
        """The string ids of a table's records, whatever shape the rest of the table is in."""
        raw = self.data.get(table)
        records = raw if isinstance(raw, list) else []
        return {r["id"]: None for r in records if isinstance(r, dict) and isinstance(r.get("id"), str)}

    def duplicates(self) -> None:
        """Every id used twice, among valid and invalid records alike."""
        groups = [("sources",), ("topics",), ("units",), ("indicators",), ("figures", *ENTITY_TABLES)]
        for tables in groups:
            seen: dict[str, int] = {}
            for table in tables:
                raw = self.data.get(table)
                for index, record in enumerate(raw if isinstance(raw, list) else []):
                    ident = record.get("id") if isinstance(record, dict) else None
                    if not isinstance(ident, str):
                        continue
                    line = self.lines.key(table, index, "id")
                    if ident in seen:
                        self.problem(line, f"{table}[{index}]: duplicate id {ident!r} (first used on line {seen[ident]})")
                    else:
                        seen[ident] = line

    def parts(self) -> None:
        """A part ("of which") has its whole's unit, is no larger, and falls within its period."""
        figures = {f.id: f for f in self.base.figures}
        for f in self.base.figures:
            if f.as_of and f.period.kind == "undated":
                self.problem(f.line, f"{f.id}: as_of: an undated figure cannot hold 'by' a period")
            if not f.part_of:
                continue
            whole = figures.get(f.part_of)
            if whole is None or whole is f:
                hint = _did_you_mean(f.part_of, list(figures))
                self.problem(f.line, f"{f.id}: part_of: unknown figure {f.part_of!r}{hint}")
                continue
            units = [self.base.indicators[x.indicator].unit if x.indicator in self.base.indicators else ""
                     for x in (f, whole)]
            if units[0] != units[1]:
                self.problem(f.line, f"{f.id}: part_of: a part in {units[0]} cannot be of a whole in {units[1]}")
            elif f.value > whole.value:
                self.problem(f.line, f"{f.id}: part_of: the part ({f.value}) is larger than the whole ({whole.value})")
            p, w = f.period, whole.period
            if "undated" not in (p.kind, w.kind) and not (w.start <= p.start and p.end <= w.end):
                self.problem(f.line, f"{f.id}: part_of: period {p.text} is not within the whole's {w.text}")

    def reference(self, line: int, name: str, key: str, value: str, known: dict[str, Any], what: str) -> None:
        if value not in known:
            hint = _did_you_mean(value, list(known))
            self.problem(line, f"{name}: {key}: unknown {what} {value!r}{hint}")

    def build(self) -> FactBase:
        base = self.base
        for key, value in self.data.items():
            if key in TOP_LEVEL:
                wrong = TOP_LEVEL[key](value)
                if wrong:
                    self.problem(self.lines.key("", -1, key), f"{key}: {wrong}")
            elif key not in FIELDS:
                hint = _did_you_mean(key, [*TOP_LEVEL, *FIELDS])
                self.problem(self.lines.key("", -1, key) or self.lines.record(key, 0), f"unknown key {key!r}{hint}")
        schema = self.data.get("schema", SCHEMA_VERSION)
        if isinstance(schema, int) and schema != SCHEMA_VERSION:
            self.problem(self.lines.key("", -1, "schema"), f"schema {schema} is not supported (pcli reads {SCHEMA_VERSION})")
        base.title = self.data.get("title", "") if isinstance(self.data.get("title"), str) else ""
        base.place = self.data.get("place", "") if isinstance(self.data.get("place"), str) else ""

        self.duplicates()
        seen: dict[str, int] = {}
        for _, r, line in self.records("sources"):
            if self.unique("sources", r["id"], line, seen):
                base.sources[r["id"]] = Source(r["id"], r["outlet"], r["language"], r.get("date", ""), r.get("url", ""),
                                               r.get("file", ""), r.get("title", ""), r.get("note", ""),
                                               r.get("report", ""), r.get("rendering_of", ""), line)
        seen = {}
        for _, r, line in self.records("topics"):
            if self.unique("topics", r["id"], line, seen):
                base.topics[r["id"]] = Topic(r["id"], _text_of(r["label"]), line)
        seen = {}
        for _, r, line in self.records("units"):
            if self.unique("units", r["id"], line, seen):
                base.units[r["id"]] = Unit(r["id"], r["kind"], _text_of(r["label"]), line)
        seen = {}
        for index, r, line in self.records("indicators"):
            name = f"indicators[{index}] ({r['id']})"
            self.reference(self.lines.key("indicators", index, "topic"), name, "topic", r["topic"], base.topics, "topic")
            self.reference(self.lines.key("indicators", index, "unit"), name, "unit", r["unit"], base.units, "unit")
            if self.unique("indicators", r["id"], line, seen):
                base.indicators[r["id"]] = Indicator(r["id"], r["topic"], r["unit"], _text_of(r["label"]),
                                                     tuple(r.get("aliases", ())), line)

        named: dict[str, int] = {}  # ids that `pcli get` looks up: unique across figures and entities
        for index, r, line in self.records("figures"):
            name = f"figures[{index}] ({r['id']})"
            self.reference(self.lines.key("figures", index, "indicator"), name, "indicator", r["indicator"],
                           base.indicators, "indicator")
            citations = self.citations("figures", index, r, name)
            if self.unique("figures", r["id"], line, named):
                base.figures.append(Figure(
                    id=r["id"], indicator=r["indicator"], value=r["value"],
                    period=parse_period(r["period"]) if "period" in r else UNDATED,
                    citations=citations, place=r.get("place") or base.place, qualifier=r.get("qualifier", ""),
                    status=r.get("status", "achieved"), note=r.get("note", ""), order=len(base.figures), line=line,
                    as_of=r.get("as_of", False), part_of=r.get("part_of", "")))
        self.parts()
        if not base.figures and not any(p.message.startswith("figures") for p in self.problems):
            self.problem(0, "the fact base has no figures ([[figures]])")

        document_ids, agency_ids = self.ids("documents"), self.ids("agencies")
        for table in ENTITY_TABLES:
            entities = base.entities.setdefault(table, [])
            for index, r, line in self.records(table):
                name = f"{table}[{index}] ({r['id']})"
                citations = self.citations(table, index, r, name)
                if table == "programmes":
                    for doc in r.get("documents", []):
                        if doc not in document_ids:
                            line = self.lines.key(table, index, "documents")
                            self.problem(line, f"{name}: documents: unknown document {doc!r}")
                if table == "documents":
                    self.reference(self.lines.key(table, index, "issuer"), name, "issuer", r["issuer"], agency_ids, "agency")
                if self.unique(table, r["id"], line, named):
                    fields = {k: (_text_of(v) if isinstance(v, dict) else v) for k, v in r.items()
                              if k not in ("id", "citations")}
                    entities.append(Entity(table, r["id"], fields, citations, line))
        return base


def _text_of(value: dict[str, Any]) -> Text:
    return {lang: str(value[lang]) for lang in LANGS if lang in value}


class _NoLines:
    """Stands in for a LineMap when no line will be reported."""

    def record(self, table: str, index: int) -> int:
        return 0

    def key(self, table: str, index: int, key: str) -> int:
        return 0

    def item(self, table: str, index: int, key: str, position: int) -> int:
        return 0


def build(data: dict[str, Any], text: str, path: str, lines: bool = True) -> tuple[FactBase, list[Problem]]:
    builder = _Builder(data, text, path, lines)
    base = builder.build()
    problems = sorted(builder.problems, key=lambda p: p.line)
    return base, problems
