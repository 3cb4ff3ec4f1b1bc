"""Output formats: the terminal only picks the default, an explicit --format always wins."""

from __future__ import annotations

import sys
from enum import Enum


class Format(str, Enum):
    auto = "auto"
    table = "table"
    tsv = "tsv"
    csv = "csv"
    json = "json"
    jsonl = "jsonl"
    markdown = "markdown"
    toml = "toml"  # extract's draft of [[figures]] blocks
    svg = "svg"  # trend's and compare's charts
    png = "png"


_TABLES = ("auto", "table", "tsv", "csv", "json", "jsonl", "markdown")
FORMATS: dict[str, tuple[str, ...]] = {
    "show": _TABLES,
    "query": _TABLES,
    "compare": (*_TABLES, "svg", "png"),
    "trend": (*_TABLES, "svg", "png"),
    "get": _TABLES,
    "list": _TABLES,
    "validate": ("auto", "table", "tsv", "json", "jsonl"),
    "extract": ("auto", "table", "tsv", "csv", "json", "jsonl", "toml"),
    "check": ("auto", "table", "tsv", "csv", "json", "jsonl", "markdown"),
    "cite": ("auto", "json", "jsonl"),  # cite writes citation styles (--style), or its entries as JSON
    "export": ("json", "jsonl", "csv", "tsv", "sqlite"),
}
"""The formats each command writes, its default first: one table, for --help, the checks and completion."""


def choose_format(fmt: Format) -> Format:
    """`auto` is decided at call time: a Rich table on a terminal, TSV in a pipe."""
    if fmt is Format.auto:
        return Format.table if sys.stdout.isatty() else Format.tsv
    return fmt
