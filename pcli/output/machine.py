"""Formats for scripts: TSV, CSV, JSON, JSON Lines and Markdown. Raw numbers, nothing truncated, no colour."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from typing import IO, Any

from pcli.base.numbers import raw
from pcli.text import UNSAFE_RANGES, one_line, plain, safe

# JSON escapes C0 controls itself; DEL, C1 controls, bidi and zero-width characters it would write raw.
_JSON_ESCAPES = {code: f"\\u{code:04x}" for low, high in UNSAFE_RANGES for code in range(max(low, 0x7F), high + 1)}


def cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return raw(value)
    if isinstance(value, list | tuple):
        return ",".join(cell(v) for v in value)
    return str(value)


def write_tsv(columns: Sequence[str], rows: Iterable[dict[str, Any]], out: IO[str] | None = None, header: bool = True) -> None:
    out = out or sys.stdout
    if header:
        out.write("\t".join(columns) + "\n")
    for row in rows:
        cells = [v if type(v := row.get(c)) is str else cell(v) for c in columns]
        if not plain("".join(cells)):  # one test for the whole row; cell by cell only when it fails
            cells = [one_line(v) for v in cells]
        out.write("\t".join(cells) + "\n")


def write_csv(columns: Sequence[str], rows: Iterable[dict[str, Any]], out: IO[str] | None = None, header: bool = True) -> None:
    import csv as csv_module

    # Text quoted, numbers bare: every reader takes it, and a dialect sniffer (csvkit's, Python's) finds the
    # delimiter from the quotes even where a sample of rows has no comma inside a value.
    writer = csv_module.writer(out or sys.stdout, lineterminator="\n", quoting=csv_module.QUOTE_NONNUMERIC)
    if header:
        writer.writerow(columns)
    for row in rows:
        values = [row.get(c) for c in columns]
        cells = spreadsheet_safe(values)
        writer.writerow([_number(v) if type(v) in (int, float) else t for v, t in zip(values, cells, strict=True)])


def spreadsheet_safe(values: list[Any]) -> list[str]:
    """A row of CSV cells a spreadsheet will not run: text (never a number) that starts with =, +, -, @, a tab
    or a carriage return gets a leading apostrophe, as OWASP advises against formula injection; every cell is
    made safe() for a terminal, with one test for the whole row."""
    cells = [v if type(v) is str else cell(v) for v in values]
    if not "".join(cells).isprintable():
        cells = [safe(text) for text in cells]
    return ["'" + t if t[:1] in _FORMULA_STARTS and isinstance(v, str) else t for v, t in zip(values, cells, strict=True)]


def _number(value: Any) -> Any:
    """A number as CSV writes it bare: whole values without ".0"."""
    return int(value) if isinstance(value, float) and value.is_integer() and abs(value) < 2**53 else value


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def dumps(value: Any, indent: int | None = None) -> str:
    import json  # only for JSON: a TSV answer never needs it

    text = json.dumps(value, ensure_ascii=False, indent=indent)
    return text if text.isprintable() else text.translate(_JSON_ESCAPES)  # as in pcli.text.safe


def write_json(records: Iterable[Any], out: IO[str] | None = None) -> None:
    """A JSON array, written a record at a time (a stream is never held whole), as json.dumps(list, indent=2)
    writes it: a JSON text has no raw newline but those of its layout."""
    out = out or sys.stdout
    count = 0
    for count, record in enumerate(records, 1):
        out.write(("[\n  " if count == 1 else ",\n  ") + dumps(record, indent=2).replace("\n", "\n  "))
    out.write("\n]\n" if count else "[]\n")


def write_jsonl(records: Iterable[Any], out: IO[str] | None = None) -> None:
    out = out or sys.stdout
    for record in records:
        out.write(dumps(record) + "\n")


def write_markdown(columns: Sequence[str], rows: Iterable[dict[str, Any]], out: IO[str] | None = None) -> None:
    from pcli.output.escape import markdown_cell  # only for Markdown

    out = out or sys.stdout
    out.write("| " + " | ".join(columns) + " |\n")
    out.write("|" + "|".join("---" for _ in columns) + "|\n")
    for row in rows:
        out.write("| " + " | ".join(markdown_cell(one_line(cell(row.get(c)))) for c in columns) + " |\n")
