"""What each column of the exported tables holds, for the publication's metadata.json and the Frictionless data
package: a column the schema declares is described by its declaration (pcli/base/schema.py), a column an export
adds by this module. A test holds every exported column to a description that is more than its name.
"""

from __future__ import annotations

import datetime

from pcli.base.periods import Period
from pcli.base.schema import CITATION, KINDS, LANGS

LANGUAGE_NAMES = {"en": "English", "vi": "Vietnamese", "id": "Indonesian"}

# Columns the schema declares without a description of their own, and columns only exports have.
_ADDED = {
    "id": "The record's id, as `pcli get ID` takes it.",
    "caption": "The figure for people: its indicator, value and period in one phrase.",
    "label": "The indicator's name in the export's language.",
    "display": "The value written for people, with its unit and qualifier (VND in billions).",
    "unit": "The unit's id (see the units table).",
    "topic": "The indicator's topic id (see the topics table).",
    "period_label": 'The period for people: "2023", "end of 2024", "by September 2025", or undated with the date '
    "it was reported.",
    "period_kind": "year, range, month or day, or undated when the text gives no period.",
    "period_start": "The first day of the period (ISO date); empty when undated.",
    "period_end": "The last day of the period (ISO date); a day's period starts and ends on that day.",
    "place": "The place the figure is about.",
    "sources": "The ids of the sources that state the figure, in the base's order.",
    "quote": "The verbatim passage that carries the number, in the source's language.",
    "quote_source": "The id of the source the quote comes from.",
    "license": "The licence of the data.",
    "outlet": "The outlet that published the source.",
    "language": "The source's language: en, vi or id.",
    "date": "The date the source was published (ISO date), where it gives one.",
    "url": "The source's web address, where it gives one.",
    "title": "The article's title, where the text gives one.",
    "kind": "What kind of record it is.",
    "number": "The document's number as it is written.",
    "year": "The year the document was issued.",
    "issuer": "The id of the agency that issued the document (see the agencies table).",
    "documents": "The ids of the documents behind the programme, separated by commas.",
    "figure": "The id of the figure the quote backs; empty for another kind of record.",
    "record_table": "The table of the record the quote backs: figures, programmes, documents, agencies or places.",
    "record_id": "The id of the record the quote backs.",
    "position": "The quote's place among the record's citations, from 0.",
    "source": "The id of the source (see the sources table).",
    "note": "The curator's note.",
    "qualifier": "How the text words the number: more_than, nearly, up_to, about or basically; empty when plain.",
    "status": "achieved, or target: a goal, never a result.",
    "value": "The value in base units: VND (not billions), plain counts, percentages as percent points.",
    "as_of": 'true: the value holds by the period ("by September 2025").',
    "context": "A nearby verbatim passage of the same source that dates the quote.",
}
_OVERRIDES = {
    ("figures", "period"): "The period as the base writes it: a year (2023), a range (2022-2024), a month (2025-07) "
    "or a day (2024-12-31); empty when the text gives none.",
    ("programmes", "period"): "The years the programme runs, as a year or a range.",
    ("figures", "part_of"): 'The id of the figure this one is a part of ("of which").',
}
_TEXT_FIELDS = {"label": "name", "name": "name", "subject": "subject", "role": "role"}


def describe(table: str, column: str) -> str:
    """One column's description, from the schema's declaration where it has one."""
    if (table, column) in _OVERRIDES:
        return _OVERRIDES[table, column]
    kind = CITATION if table == "citations" else KINDS.get(table)
    base, _, lang = column.rpartition("_")
    if table == "figures" and base == "label" and lang in LANGS:
        return f"The indicator's name in {LANGUAGE_NAMES[lang]}."
    if kind is not None and lang in LANGS and (field := kind.field(base)) is not None and field.type == "text":
        return f"The {_TEXT_FIELDS.get(base, base)} in {LANGUAGE_NAMES[lang]}."
    field = kind.field(column) if kind is not None else None
    if field is not None and field.doc and column not in ("value", "qualifier"):
        text = field.doc[0].upper() + field.doc[1:]
        return text if text.endswith(".") else text + "."
    if column in _ADDED:
        return _ADDED[column]
    if field is not None and field.ref:
        return f"The id of the {field.ref.rstrip('s')} (see the {field.ref} table)."
    if field is not None and field.type == "strings":
        return "Other names people search by, in any language, separated by commas."
    if field is not None and field.type == "choice":
        return "One of " + ", ".join(field.choices) + "."
    raise KeyError(f"{table}.{column} has no description")


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
