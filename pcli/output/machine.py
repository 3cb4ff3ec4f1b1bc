"""Formats for scripts: TSV, CSV, JSON, JSON Lines and Markdown. Raw numbers, nothing truncated, no colour."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Sequence
from typing import IO, Any

from pcli.numbers import raw
from pcli.text import one_line, safe

# JSON escapes C0 controls itself; these it would pass through raw.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")


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


def tsv(columns: Sequence[str], rows: Iterable[dict[str, Any]], out: IO[str] | None = None, header: bool = True) -> None:
    out = out or sys.stdout
    if header:
        out.write("\t".join(columns) + "\n")
    for row in rows:
        out.write("\t".join(one_line(cell(row.get(c))) for c in columns) + "\n")


def csv(columns: Sequence[str], rows: Iterable[dict[str, Any]], out: IO[str] | None = None) -> None:
    import csv as csv_module

    writer = csv_module.writer(out or sys.stdout, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([safe(cell(row.get(c))) for c in columns])


def dumps(value: Any, indent: int | None = None) -> str:
    import json

    text = json.dumps(value, ensure_ascii=False, indent=indent)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def json(records: Any, out: IO[str] | None = None) -> None:
    (out or sys.stdout).write(dumps(records, indent=2) + "\n")


def jsonl(records: Iterable[Any], out: IO[str] | None = None) -> None:
    out = out or sys.stdout
    for record in records:
        out.write(dumps(record) + "\n")


def markdown(columns: Sequence[str], rows: Iterable[dict[str, Any]], out: IO[str] | None = None) -> None:
    out = out or sys.stdout
    out.write("| " + " | ".join(columns) + " |\n")
    out.write("|" + "|".join("---" for _ in columns) + "|\n")
    for row in rows:
        out.write("| " + " | ".join(one_line(cell(row.get(c))).replace("|", "\\|") for c in columns) + " |\n")
