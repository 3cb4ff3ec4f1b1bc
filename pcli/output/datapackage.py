"""The CSV folder's Frictionless data package (datapackage.json): every table with its schema (each column's type
and description, primary and foreign keys), the licence and the sources, so that `frictionless validate` and
any Data Package reader take the folder as it is."""

from __future__ import annotations

import re
from typing import Any

from pcli.base.model import Catalogue
from pcli.output.columns import LICENSE_URL, describe
from pcli.output.escape import link

_TYPES = {"value": "number", "position": "integer", "year": "integer", "as_of": "boolean", "change": "boolean",
          "period_start": "date", "period_end": "date"}  # fmt: skip
_KEYS = {("figures", "indicator"): "indicators", ("indicators", "topic"): "topics", ("indicators", "unit"): "units",
         ("figures", "part_of"): "figures", ("documents", "issuer"): "agencies", ("skips", "source"): "sources",
         ("citations", "source"): "sources", ("figure_citations", "source"): "sources",
         ("figure_citations", "id"): "figures"}  # fmt: skip
_DIALECT = {"delimiter": ",", "quoteChar": '"', "doubleQuote": True, "lineTerminator": "\n", "header": True}
_DESCRIBED_AS = {"figure_citations": "figures"}  # a figure's columns, one row per quote


def package(base: Catalogue, tables: dict[str, tuple[str, ...]], citation: str, lang: str = "en") -> dict[str, Any]:
    """The data package of a CSV folder holding `tables` (name: columns), one file each."""
    name = re.sub(r"[^a-z0-9]+", "-", (base.title or "pcli fact base").lower()).strip("-") or "pcli"
    sources = []
    for source in base.sources.values():
        entry = {"title": source.outlet + (f", {source.date}" if source.date else "")}
        if url := link(source.url):
            entry["path"] = url
        sources.append(entry)
    return {
        "profile": "tabular-data-package", "name": name, "title": base.title or "pcli fact base",
        "description": citation, "citation": citation,
        "licenses": [{"name": "CC-BY-4.0", "path": LICENSE_URL, "title": "Creative Commons Attribution 4.0"}],
        "sources": sources, "resources": [_resource(table, columns, lang) for table, columns in tables.items()],
    }  # fmt: skip


def _resource(table: str, columns: tuple[str, ...], lang: str) -> dict[str, Any]:
    described = _DESCRIBED_AS.get(table, table)
    fields = [{"name": c, "type": _TYPES.get(c, "string"), "description": describe(described, c, lang)} for c in columns]
    schema: dict[str, Any] = {"fields": fields, "missingValues": [""]}
    if "id" in columns and table != "figure_citations":
        schema["primaryKey"] = ["id"]
    keys = [{"fields": c, "reference": {"resource": "" if ref == table else ref, "fields": "id"}}
            for c in columns if (ref := _KEYS.get((table, c)))]  # fmt: skip
    if keys:
        schema["foreignKeys"] = keys
    return {"name": table, "path": f"{table}.csv", "profile": "tabular-data-resource", "format": "csv",
            "mediatype": "text/csv", "encoding": "utf-8", "schema": schema,
            "dialect": _DIALECT}  # fmt: skip
