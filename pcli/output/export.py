"""`pcli export`: the whole base as JSON, JSON Lines, flat tables (CSV or TSV, one file per table) or SQLite.
The flat tables' columns come from the schema."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from typing import IO, TYPE_CHECKING

from pcli.base.model import Catalogue, Figure, said
from pcli.base.schema import flat_columns
from pcli.files import WriteError, new_folder, replacing_together, write_text
from pcli.messages import Msg, say
from pcli.output import machine
from pcli.output.columns import LICENSE, LICENSE_URL
from pcli.output.records import Record, figure_cells, flat_row, sections, sources_named

if TYPE_CHECKING:
    from pcli.store.published import Kept

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


def _figure_row(base: Catalogue, f: Figure) -> Record:
    return figure_cells(FIGURE_TABLE, base, f)


def _citation_rows(base: Catalogue, figures: Iterable[Figure]) -> Iterator[Record]:
    for f in figures:
        yield from ({"record_table": "figures", "record_id": f.id, "position": n, "source": c.source, "quote": c.quote,
                     "context": c.context, "qualifier": c.qualifier or ""} for n, c in enumerate(f.citations))  # fmt: skip
    for kind, entities in base.entities.items():
        for e in entities:
            yield from ({"record_table": kind, "record_id": e.id, "position": n, "source": c.source, "quote": c.quote,
                         "context": c.context, "qualifier": ""} for n, c in enumerate(e.citations))  # fmt: skip


def tables(base: Catalogue, each: Callable[[], Iterable[Figure]]) -> dict[str, tuple[tuple[str, ...], Iterable[Record]]]:
    """Every table of the base as (columns, rows); rows are made as they are written, from `each()` (the figures
    streamed from the store)."""
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
    base: Catalogue,
    fmt: str,
    output: str | None,
    figures: Callable[[], Iterable[Figure]],
    lang: str = "en",
    force: bool = False,
    kept: Kept | None = None,
) -> None:
    """Write the base in a format to stdout (no output, or "-") or to a file through the one writer; `figures()`
    streams the figures from the store (JSON, JSON Lines and the tables never hold them all). The files of one
    export (a database and its metadata.json, a folder of tables) are written together or not at all."""
    to_stdout = output in (None, "-")
    if fmt == "sqlite":  # a publication, with Datasette's metadata.json beside it
        _publication(base, str(output), figures(), lang, force, kept)
    elif fmt in ("json", "jsonl"):
        write = partial(_json if fmt == "json" else _jsonl, base, figures(), lang)
        if to_stdout:
            write(sys.stdout)
        else:
            write_text(str(output), write)
    elif to_stdout:  # csv or tsv: the figures, one row each (a folder holds every table)
        columns, rows = tables(base, figures)["figures"]
        _writer(fmt)(columns, rows)
    else:
        _tables(base, fmt, str(output), figures, lang)


def _publication(base: Catalogue, output: str, figures: Iterable[Figure], lang: str, force: bool, kept: Kept | None) -> None:
    """The database and its metadata.json, renamed into place together. A metadata.json already beside it is
    replaced (and said) when it describes this database alone, as pcli's own does; another is kept unless
    `force`, and nothing is written. The database is the copy kept beside the cache when there is one to trust
    (`kept`), else built, and then kept."""
    import json

    from pcli.output.publish import metadata, write_publication
    from pcli.output.render import tell

    name = os.path.splitext(os.path.basename(output))[0]
    beside = os.path.join(os.path.dirname(os.path.abspath(output)), "metadata.json")
    existing = _metadata_of(beside)
    if existing is not None and not force and not _describes_only(existing, name):
        raise WriteError("metadata_not_ours", path=beside, database=name)
    with replacing_together([output, beside]) as built:
        if kept is None or not kept.copy_to(built[output]):
            write_publication(base, figures, built[output], lang)
            if kept is not None:
                kept.keep(built[output])
        with open(built[beside], "x", encoding="utf-8") as handle:
            handle.write(json.dumps(metadata(base, name, lang), ensure_ascii=False, indent=2) + "\n")
    if existing is not None:
        tell(Msg("metadata_replaced", path=beside), lang)


def _metadata_of(path: str) -> object | None:
    """What a metadata.json that is a regular file holds (its text when it is not JSON), or None when there is
    none; anything else is left to the writer to refuse."""
    import json

    if not os.path.isfile(path) or os.path.islink(path):
        return None
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read(2**24)
        meta: object = json.loads(text)
    except (OSError, ValueError):
        return ""
    return meta


def _describes_only(meta: object, database: str) -> bool:
    return isinstance(meta, dict) and isinstance(meta.get("databases"), dict) and set(meta["databases"]) == {database}


def how_to_cite(base: Catalogue, lang: str) -> str:
    title = said(base, base.title, lang)
    return say("how_to_cite", lang, sources=sources_named(base, base.sources, lang), title=title, license=LICENSE)


def _json(base: Catalogue, figures: Iterable[Figure], lang: str, out: IO[str]) -> None:
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


def _jsonl(base: Catalogue, figures: Iterable[Figure], lang: str, out: IO[str]) -> None:
    for name, rows in sections(base, figures):
        machine.write_jsonl(({"table": name, **row} for row in rows), out)


def _writer(fmt: str) -> Callable[..., None]:
    return machine.write_csv if fmt == "csv" else machine.write_tsv


def _tables(base: Catalogue, fmt: str, output: str, figures: Callable[[], Iterable[Figure]], lang: str) -> None:
    """A file that exists or is named .csv/.tsv gets the figures table; otherwise a folder gets every table, and
    a CSV folder its Frictionless data package (datapackage.json: each table's schema, the licence, the sources)."""
    writer = _writer(fmt)
    if os.path.isfile(output) or output.endswith(f".{fmt}"):
        columns, rows = tables(base, figures)["figures"]
        write_text(output, partial(writer, columns, rows))
        return
    written = tables(base, figures)
    names = [f"{name}.{fmt}" for name in written] + (["datapackage.json"] if fmt == "csv" else [])
    if not os.path.isdir(output):  # a new folder is made whole beside it, then renamed into place
        with new_folder(output) as tmp:
            _fill(base, written, fmt, {n: os.path.join(tmp, n) for n in names}, lang)
        return
    with replacing_together([os.path.join(output, n) for n in names]) as built:  # all checked, then all renamed
        _fill(base, written, fmt, {n: built[os.path.join(output, n)] for n in names}, lang)


def _fill(
    base: Catalogue,
    written: dict[str, tuple[tuple[str, ...], Iterable[Record]]],
    fmt: str,
    paths: dict[str, str],
    lang: str,
) -> None:
    """Each table into its new file, and a CSV folder's data package."""
    for name, (columns, rows) in written.items():
        with open(paths[f"{name}.{fmt}"], "x", encoding="utf-8", newline="") as handle:
            _writer(fmt)(columns, rows, handle)
    if "datapackage.json" in paths:
        import json

        from pcli.output.datapackage import package

        described = package(base, {name: columns for name, (columns, _) in written.items()}, how_to_cite(base, lang), lang)
        with open(paths["datapackage.json"], "x", encoding="utf-8") as handle:
            handle.write(json.dumps(described, ensure_ascii=False, indent=2) + "\n")
