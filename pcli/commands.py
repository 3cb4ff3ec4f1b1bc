"""What each command does, free of Typer: open the base, do the work, hand the result to an output.

Each function returns whether it found something; the CLI turns that into the exit code.
"""

from __future__ import annotations

import sys
from typing import Any

from pcli.errors import UsageError
from pcli.base.locate import open_base, open_store, resolve
from pcli.output import Format, machine
from pcli.output.records import FIGURE_COLUMNS, SECTIONS, Record, figure_record, flat_figure, section, whole_base


def _emit(fmt: Format, columns: tuple[str, ...] | list[str], rows: list[Record], full: list[Record]) -> None:
    if fmt is Format.json:
        machine.json(full)
    elif fmt is Format.jsonl:
        machine.jsonl(full)
    elif fmt is Format.csv:
        machine.csv(columns, rows)
    elif fmt is Format.markdown:
        machine.markdown(columns, rows)
    else:
        machine.tsv(columns, rows)


def show(facts: str | None, name: str | None, fmt: Format, lang: str) -> None:
    if name is not None and name not in SECTIONS:
        raise UsageError(f"unknown section {name!r}: use one of {', '.join(SECTIONS)}")
    base = open_base(facts)
    if fmt is Format.table:
        from pcli.output import terminal

        names = [name] if name else list(SECTIONS)
        tables = {n: (cols, recs) for n in names for cols, recs, _ in [section(base, n, lang)]}
        terminal.show(base, names, lang, tables)
        return
    columns, rows, full = section(base, name or "figures", lang)
    _emit(fmt, columns, rows, full)


def query(facts: str | None, text: str, limit: int, fmt: Format, lang: str) -> bool:
    from pcli.answer.search import miss_message, search

    if not text.strip():
        raise UsageError("the query is empty: say what to look for, e.g. pcli query \"poor households 2023\"")
    store = open_store(facts)
    if text == "-":
        return _query_lines(store, limit, fmt, lang)
    matches = search(store, text, limit)
    base = store.base
    if not matches:
        if fmt is Format.json:
            print("[]")
        print(miss_message(store, text), file=sys.stderr)
        return False
    records = [{**figure_record(base, m.figure, lang), "score": m.score} for m in matches]
    if fmt is Format.table:
        from pcli.output import terminal

        wholes = {w.id: w for m in matches if m.figure.part_of and (w := store.figure(m.figure.part_of))}
        terminal.answer(base, matches, lang, wholes)
    else:
        _emit(fmt, FIGURE_COLUMNS, [flat_figure(r) for r in records], records)
    return True


def _query_lines(store: Any, limit: int, fmt: Format, lang: str) -> bool:
    """One answer per input line, in one process: TSV (query + best figure), JSON Lines, or a JSON array."""
    from pcli.answer.search import IndicatorIndex, search

    index = IndicatorIndex(store.indicators(), store.phrases())
    columns = ("query", *FIGURE_COLUMNS)
    found_any = False
    answers: list[Record] = []
    if fmt not in (Format.jsonl, Format.json):
        machine.tsv(columns, [], header=True)
    for line in sys.stdin:
        text = line.rstrip("\n")
        if not text.strip():
            continue
        matches = search(store, text, 1, index)
        found_any = found_any or bool(matches)
        record = figure_record(store.base, matches[0].figure, lang) if matches else None
        if fmt is Format.json:
            answers.append({"query": text, "match": record})
            continue
        if fmt is Format.jsonl:
            machine.jsonl([{"query": text, "match": record}])
        else:
            machine.tsv(columns, [{"query": text, **(flat_figure(record) if record else {})}], header=False)
        sys.stdout.flush()
    if fmt is Format.json:
        machine.json(answers)
    return found_any


def compare(facts: str | None, before: str, after: str, topic: str | None, fmt: Format, lang: str) -> bool:
    from pcli.answer.changes import asked_period, known_periods
    from pcli.answer.changes import compare as compare_periods

    a, b = asked_period(before), asked_period(after)
    base = open_base(facts)
    if topic is not None and topic not in base.topics:
        raise UsageError(f"unknown topic {topic!r}: use one of {', '.join(base.topics)}")
    if a.text == b.text:
        raise UsageError(f"compare needs two different periods, got {a.text} twice")
    changes = compare_periods(base, a, b, topic)
    if not changes:
        if fmt is Format.json:
            print("[]")
        known = ", ".join(known_periods(base))
        print(f"No indicator is known in both {a.text} and {b.text}. Periods with data: {known}.", file=sys.stderr)
        return False
    if fmt is Format.table:
        from pcli.output import terminal

        terminal.changes(base, changes, a.text, b.text, lang)
        return True
    full = []
    for c in changes:
        ind = base.indicators[c.indicator]
        full.append({
            "indicator": c.indicator, "label": ind.label.get(lang) or ind.label.get("en", ""), "unit": ind.unit,
            "place": c.place, "status": c.status,
            "before_period": c.before.period.text, "before": c.before.value, "before_qualifier": c.before.qualifier,
            "before_id": c.before.id,
            "after_period": c.after.period.text, "after": c.after.value, "after_qualifier": c.after.qualifier,
            "after_id": c.after.id,
            "change": _tidy(c.change), "change_percent": None if c.percent is None else round(c.percent, 4),
        })
    columns = ("indicator", "label", "unit", "before_period", "before", "after_period", "after", "change",
               "change_percent", "status", "place", "before_id", "after_id")
    _emit(fmt, columns, full, full)
    return True


def _tidy(value: float) -> int | float:
    """Differences of decimals (0.03 - 0.095) without floating-point dust."""
    return int(value) if float(value).is_integer() else round(value, 10)


def trend(facts: str | None, wanted: str, fmt: Format, lang: str) -> bool:
    from pcli.answer.changes import series
    from pcli.answer.search import search

    base = open_base(facts)
    place = None
    if wanted in base.indicators:
        indicator = wanted
    else:
        from pcli.store.memory import MemoryStore

        matches = search(MemoryStore(base), wanted, 1)
        if not matches:
            print(f"No indicator matches {wanted[:80]!r}. Indicators: see 'pcli show figures'.", file=sys.stderr)
            return False
        indicator, place = matches[0].figure.indicator, matches[0].figure.place
    figures = series(base, indicator, place)
    if fmt is Format.table:
        from pcli.output import terminal

        terminal.trend(base, figures, lang)
        return True
    records = [figure_record(base, f, lang) for f in figures]
    _emit(fmt, FIGURE_COLUMNS, [flat_figure(r) for r in records], records)
    return True


def get(facts: str | None, ident: str, fmt: Format, lang: str) -> bool:
    from pcli.output.records import ENTITY_COLUMNS, entity_record, flat_entity

    base = open_base(facts)
    for figure in base.figures:
        if figure.id == ident:
            record = figure_record(base, figure, lang)
            if fmt is Format.table:
                from pcli.output import terminal
                from pcli.answer.search import Match

                terminal.answer(base, [Match(figure, 1.0, 0)], lang, {f.id: f for f in base.figures})
            else:
                _emit(fmt, FIGURE_COLUMNS, [flat_figure(record)], [record])
            return True
    for kind, entities in base.entities.items():
        for entity in entities:
            if entity.id == ident:
                record = entity_record(base, entity, lang)
                columns = ENTITY_COLUMNS[kind]
                if fmt is Format.table:
                    from pcli.output import terminal

                    terminal.console().print(terminal.record_table(kind.capitalize(), columns,
                                                                   [flat_entity(kind, record)]))
                else:
                    _emit(fmt, columns, [flat_entity(kind, record)], [record])
                return True
    import difflib

    ids = [f.id for f in base.figures] + [e.id for es in base.entities.values() for e in es]
    close = difflib.get_close_matches(ident, ids, n=3, cutoff=0.6)
    hint = f" Did you mean: {', '.join(close)}?" if close else ""
    from pcli.text import one_line

    print(f"No figure or document has the id {one_line(ident[:80])!r}.{hint}", file=sys.stderr)
    return False


def validate(facts: str | None, sources: str | None) -> bool:
    from pcli.errors import FactBaseError
    from pcli.base.loader import read_and_check
    from pcli.text import safe

    path = resolve(facts)
    try:
        base, problems = read_and_check(path)
    except FactBaseError as exc:  # the file cannot be parsed at all: that one problem is all there is
        print(safe(str(exc)), file=sys.stderr)
        return False
    if sources is not None:
        import os

        if not os.path.isdir(sources):
            raise UsageError(f"--sources {sources!r} is not a folder")
        from pcli.base.proof import prove

        problems = sorted([*problems, *prove(base, sources)], key=lambda p: p.line)
    for p in problems:
        print(safe(f"{path}:{p.line}: {p.message}" if p.line else f"{path}: {p.message}"), file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in {path}", file=sys.stderr)
        return False
    quotes = sum(len(f.citations) for f in base.figures) + sum(len(e.citations) for es in base.entities.values()
                                                               for e in es)
    proof = f"; {quotes} quotes proven against {sources}" if sources else ""
    print(f"{path}: valid: {len(base.figures)} figures, {len(base.indicators)} indicators, "
          f"{sum(len(es) for es in base.entities.values())} other records{proof}", file=sys.stderr)
    return True


def export(facts: str | None, fmt: str, output: str | None) -> None:
    base = open_base(facts)
    if fmt == "sqlite":
        if not output:
            raise UsageError("--format sqlite needs --output FILE")
        from pcli.output.tables import to_sqlite

        to_sqlite(base, output)
        return
    if fmt in ("json", "jsonl"):
        data = whole_base(base)
        with _open_out(output) as out:
            if fmt == "json":
                machine.json(data, out)
            else:
                machine.jsonl(({"table": table, **row} for table, rows in data.items() if isinstance(rows, list)
                               for row in rows), out)
        return
    if fmt in ("csv", "tsv"):
        from pcli.output.tables import tables

        writer = machine.csv if fmt == "csv" else machine.tsv
        if output is None:
            columns, rows = tables(base)["citations"]
            writer(columns, rows)
            return
        import os

        os.makedirs(output, exist_ok=True)
        for name, (columns, rows) in tables(base).items():
            with open(os.path.join(output, f"{name}.{fmt}"), "w", encoding="utf-8", newline="") as out:
                writer(columns, rows, out)
        return
    raise UsageError(f"unknown export format {fmt!r}: use json, jsonl, csv, tsv or sqlite")


def _open_out(path: str | None) -> Any:
    """The file to write, or stdout (left open) when none is named."""
    import contextlib

    return open(path, "w", encoding="utf-8") if path else contextlib.nullcontext(sys.stdout)
