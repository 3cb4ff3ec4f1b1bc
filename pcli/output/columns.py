"""What each column of the exported tables holds, for the publication's metadata.json and the Frictionless data
package: a column the schema declares is described by its declaration (pcli/base/schema.py), a column an export
adds by this module. A test holds every exported column to a description that is more than its name.
"""

from __future__ import annotations

import datetime

from pcli.base.periods import Period
from pcli.base.schema import CITATION, KINDS, LANGS
from pcli.messages import catalogue, say

LICENSE = "CC BY 4.0"  # the fact base's data (README.md: Licence)
LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"

# A column is described by its table's own words, `doc_<table>_<column>` (in English the schema's doc, where it has
# one and these columns do not say more), else by its name's wherever it stands, `doc_<column>`.
_MORE_THAN_THE_SCHEMA = {("figures", "period"), ("figures", "part_of")}
_TEXT_FIELDS = {"label": "name", "name": "name", "subject": "subject", "role": "role"}


def describe(table: str, column: str, lang: str = "en") -> str:
    """One column's description in `lang`; in English a column the schema describes has the schema's words (the
    catalogue holds them for the other languages, and a test holds the two alike)."""
    kind = CITATION if table == "citations" else KINDS.get(table)
    base, _, suffix = column.rpartition("_")
    if suffix in LANGS and (table, base) == ("figures", "label"):
        return say("doc_label_lang", lang, language=say(f"doc_language_{suffix}", lang))
    field = kind.field(base if suffix in LANGS else column) if kind is not None else None
    if field is not None and field.type == "text" and suffix in LANGS:
        return say(f"doc_text_{_TEXT_FIELDS.get(base, base)}", lang, language=say(f"doc_language_{suffix}", lang))
    if field is not None and field.type == "strings":
        return say("doc_aliases", lang)
    own = f"doc_{table}_{column}"
    if own in catalogue():
        if lang == "en" and field is not None and field.doc and (table, column) not in _MORE_THAN_THE_SCHEMA:
            return schema_words(field.doc)
        return say(own, lang)
    if f"doc_{column}" in catalogue():
        return say(f"doc_{column}", lang)
    raise KeyError(f"{table}.{column} has no description")


def schema_words(doc: str) -> str:
    """A field's doc in the schema as a sentence."""
    text = doc[0].upper() + doc[1:]
    return text if text.endswith(".") else text + "."


def iso_span(period: Period) -> tuple[str, str]:
    """The period's first and last days as ISO dates; empty for an undated figure."""
    if period.kind == "undated":
        return "", ""
    if period.kind == "day":
        day = datetime.date(period.start, period.month, period.day).isoformat()
        return day, day
    if period.kind == "month":
        first = datetime.date(period.start, period.month, 1)
        last = (first + datetime.timedelta(days=31)).replace(day=1) - datetime.timedelta(days=1)
        return first.isoformat(), last.isoformat()
    return f"{period.start}-01-01", f"{period.end}-12-31"
