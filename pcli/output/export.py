"""`pcli export`: the whole base as JSON, JSON Lines, flat tables (CSV or TSV, one file per table) or SQLite.
The flat tables' columns come from the schema."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from typing import IO

from pcli.base.model import LANGS, FactBase, Figure, said
from pcli.base.schema import flat_columns
from pcli.files import check_target, put_text, replacing, write_text
from pcli.messages import say
from pcli.output import machine
from pcli.output.columns import LICENSE, LICENSE_URL, iso_span
from pcli.output.records import Record, flat_row, sections, sources_named

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
    "period_start",
    "period_end",
    "as_of",
    "place",
    "topic",
    "part_of",
    "note",
    "sources",
    "quote_source",
    "quote",
    "license",
)
CITATION_TABLE = ("record_table", "record_id", "position", "source", "quote", "context", "qualifier")


def _figure_row(base: FactBase, f: Figure) -> Record:
    ind = base.indicators[f.indicator]
    start, end = iso_span(f.period)
    first = f.citations[0] if f.citations else None
    return {"period_start": start, "period_end": end, "sources": ",".join(dict.fromkeys(c.source for c in f.citations)),
            "quote_source": first.source if first else "", "quote": first.quote if first else "", "license": LICENSE,
            "id": f.id, "indicator": f.indicator, **{f"label_{lang}": ind.label.get(lang, "") for lang in LANGS},
            "value": f.value, "unit": ind.unit, "qualifier": f.qualifier, "status": f.status, "period": f.period.text,
            "as_of": f.as_of, "place": f.place, "topic": ind.topic, "part_of": f.part_of, "note": f.note}  # fmt: skip


def _citation_rows(base: FactBase, figures: Iterable[Figure]) -> Iterator[Record]:
    for f in figures:
        yield from ({"record_table": "figures", "record_id": f.id, "position": n, "source": c.source, "quote": c.quote,
                     "context": c.context, "qualifier": c.qualifier or ""} for n, c in enumerate(f.citations))  # fmt: skip
    for kind, entities in base.entities.items():
        for e in entities:
            yield from ({"record_table": kind, "record_id": e.id, "position": n, "source": c.source, "quote": c.quote,
                         "context": c.context, "qualifier": ""} for n, c in enumerate(e.citations))  # fmt: skip


def tables(
    base: FactBase, figures: Callable[[], Iterable[Figure]] | None = None
) -> dict[str, tuple[tuple[str, ...], Iterable[Record]]]:
    """Every table of the base as (columns, rows); rows are made as they are written, from `figures()` (a stream
    from the store) when given."""
    each = figures or (lambda: base.figures)
    out: dict[str, tuple[tuple[str, ...], Iterable[Record]]] = {
        "figures": (FIGURE_TABLE, (_figure_row(base, f) for f in each())),
        "figure_citations": ((*FIGURE_TABLE[: FIGURE_TABLE.index("sources")], "source", "quote", "license"),
                             ({**_figure_row(base, f), "source": c.source, "quote": c.quote}
                              for f in each() for c in f.citations)),
    }  # fmt: skip
    for kind, entities in base.entities.items():
        out[kind] = (flat_columns(kind), [{**flat_row(kind, None, e.fields), "id": e.id} for e in entities])
    out["citations"] = (CITATION_TABLE, _citation_rows(base, each()))
    for table in ("sources", "topics", "units", "indicators"):
        out[table] = (flat_columns(table), [flat_row(table, obj) for obj in getattr(base, table).values()])
    return out


def export_base(
    base: FactBase, fmt: str, output: str | None, figures: Callable[[], Iterable[Figure]] | None = None, lang: str = "en"
) -> None:
    """Write the base in a format to stdout (no output, or "-") or to a file through the one writer; `figures()`
    streams the figures from the store (JSON, JSON Lines and the tables never hold them all)."""
    to_stdout = output in (None, "-")
    if fmt == "sqlite":  # a publication, with Datasette's metadata.json beside it
        import json

        from pcli.output.publish import metadata, write_publication

        check_target(os.path.join(os.path.dirname(os.path.abspath(str(output))), "metadata.json"))  # before a byte
        with replacing(str(output)) as tmp:
            write_publication(base, figures() if figures else base.figures, tmp, lang)
        name = os.path.splitext(os.path.basename(str(output)))[0]
        meta = json.dumps(metadata(base, name, lang), ensure_ascii=False, indent=2) + "\n"
        folder = os.path.dirname(os.path.abspath(str(output)))
        put_text(os.path.join(folder, "metadata.json"), meta)
    elif fmt in ("json", "jsonl"):
        write = partial(_json if fmt == "json" else _jsonl, base, figures() if figures else None, lang)
        if to_stdout:
            write(sys.stdout)
        else:
            write_text(str(output), write)
    elif to_stdout:  # csv or tsv: the figures, one row each (a folder holds every table)
        columns, rows = tables(base, figures)["figures"]
        _writer(fmt)(columns, rows)
    else:
        _tables(base, fmt, str(output), figures, lang)


def how_to_cite(base: FactBase, lang: str) -> str:
    title = said(base, base.title, lang)
    return say("how_to_cite", lang, sources=sources_named(base, base.sources, lang), title=title, license=LICENSE)


def _json(base: FactBase, figures: Iterable[Figure] | None, lang: str, out: IO[str]) -> None:
    """One JSON object, written record by record: a large base never stands whole in memory as text. It says its
    licence and how to cite it."""
    dumps = machine.dumps
    out.write(f'{{"title": {dumps(base.title)}, "place": {dumps(base.place)}, "license": {dumps(LICENSE)}, '
              f'"license_url": {dumps(LICENSE_URL)}, "how_to_cite": {dumps(how_to_cite(base, lang))}')  # fmt: skip
    for name, rows in sections(base, figures):
        out.write(f",\n{dumps(name)}: [")
        for n, row in enumerate(rows):
            out.write(("," if n else "") + "\n  " + dumps(row))
        out.write("\n]")
    out.write("}\n")


def _jsonl(base: FactBase, figures: Iterable[Figure] | None, lang: str, out: IO[str]) -> None:
    for name, rows in sections(base, figures):
        machine.write_jsonl(({"table": name, **row} for row in rows), out)


def _writer(fmt: str) -> Callable[..., None]:
    return machine.write_csv if fmt == "csv" else machine.write_tsv


def _tables(base: FactBase, fmt: str, output: str, figures: Callable[[], Iterable[Figure]] | None, lang: str) -> None:
    """A file that exists or is named .csv/.tsv gets the figures table; otherwise a folder gets every table, and
    a CSV folder its Frictionless data package (datapackage.json: each table's schema, the licence, the sources)."""
    writer = _writer(fmt)
    if os.path.isfile(output) or output.endswith(f".{fmt}"):
        columns, rows = tables(base, figures)["figures"]
        write_text(output, partial(writer, columns, rows))
        return
    if not os.path.isdir(output):
        check_target(output)
        os.makedirs(output)
    written = tables(base, figures)
    for name in written:  # every table's target is checked before the first is rewritten
        check_target(os.path.join(output, f"{name}.{fmt}"))
    for name, (columns, rows) in written.items():
        write_text(os.path.join(output, f"{name}.{fmt}"), partial(writer, columns, rows))
    if fmt == "csv":
        import json

        from pcli.output.datapackage import package

        described = package(base, {name: columns for name, (columns, _) in written.items()}, how_to_cite(base, lang), lang)
        put_text(os.path.join(output, "datapackage.json"), json.dumps(described, ensure_ascii=False, indent=2) + "\n")
