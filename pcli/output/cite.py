"""`pcli cite`: a citation a writer can paste, for a figure or any record with quotes, one reference per source that
holds it: plain text or Markdown in the reader's language, BibTeX, CSL-JSON or RIS for reference managers.

Each reference names the outlet, the date and address where the source gives them, the figure in words, and
the verbatim quote in the source's own language. A source that is a rendering of another says so.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from typing import IO, Any

from pcli.base.model import Citation, FactBase, Figure, Source, pick
from pcli.messages import say
from pcli.output.records import displayed, period_label

STYLES = ("plain", "markdown", "bibtex", "csl-json", "ris")
LANGUAGE_NAMES = {"vi": "Vietnamese", "id": "Indonesian", "en": "English"}


class Reference:
    """One source's support for one record: what it says, and where it says it."""

    __slots__ = ("key", "record_id", "statement", "source", "citation")

    def __init__(self, key: str, record_id: str, statement: str, source: Source, citation: Citation) -> None:
        self.key, self.record_id, self.statement, self.source, self.citation = key, record_id, statement, source, citation


def references(base: FactBase, records: Sequence[Any], lang: str) -> list[Reference]:
    """A reference for each citation of each record (a figure, or a programme, document, agency or place)."""
    out = []
    for record in records:
        for citation in record.citations:
            if isinstance(record, Figure):  # in this source's own reading: "up to" where it says so, not where not
                label = pick(base.indicators[record.indicator].label, lang)
                value = displayed(base, record, citation.reading(record.qualifier), lang)
                statement = f"{label}: {value} ({period_label(base, record, lang)})"
            else:
                statement = record.name(lang)
            source = base.sources.get(citation.source)
            if source is not None:
                key = re.sub(r"[^a-z0-9]+", "-", f"{source.id}-{record.id}".lower()).strip("-")
                out.append(Reference(key, record.id, statement, source, citation))
    return out


def write(refs: Iterable[Reference], style: str, lang: str, out: IO[str]) -> None:
    refs = list(refs)
    if style == "csl-json":
        out.write(json.dumps([_csl(r, lang) for r in refs], ensure_ascii=False, indent=2) + "\n")
        return
    writer = {"plain": _plain, "markdown": _markdown, "bibtex": _bibtex, "ris": _ris}[style]
    out.write("\n".join(writer(r, lang) for r in refs))


def _title(ref: Reference) -> str:
    """The article's title where the base has it; else, in square brackets as cataloguers mark a title they
    supply, what is cited."""
    return ref.source.title or f"[{ref.statement}]"


def _date_parts(date: str) -> list[int]:
    return [int(part) for part in date.split("-")] if re.fullmatch(r"\d{4}(-\d{2}){0,2}", date) else []


def _where(source: Source, lang: str) -> str:
    """ "VTC News, 2025-12-10, https://…" as far as the source gives them."""
    parts = [source.outlet, source.date or say("no_date", lang), source.url]
    text = ", ".join(p for p in parts if p)
    if source.rendering_of:
        text += f" ({say('rendering', lang, original=source.rendering_of)})"
    return text


def _plain(ref: Reference, lang: str) -> str:
    return f"{ref.statement}. “{ref.citation.quote}” — {_where(ref.source, lang)}.\n"


def _markdown(ref: Reference, lang: str) -> str:
    outlet = f"[{ref.source.outlet}]({ref.source.url})" if ref.source.url else f"*{ref.source.outlet}*"
    rest = ", ".join(p for p in (ref.source.date or say("no_date", lang),) if p)
    return f"{ref.statement}\n\n> “{ref.citation.quote}”\n> — {outlet}, {rest}\n"


def _bibtex_escape(text: str) -> str:
    return re.sub(r"([{}%&$#_^\\\\])", r"\\\1", text)


def _bibtex(ref: Reference, lang: str) -> str:
    source = ref.source
    fields = {"journal": source.outlet, "title": _title(ref),
              "url": source.url, "language": LANGUAGE_NAMES.get(source.language, source.language),
              "note": _note(ref, lang)}  # fmt: skip
    date = _date_parts(source.date)
    if date:
        fields["year"] = str(date[0])
        fields["date"] = source.date
    body = ",\n".join(f"  {name} = {{{_bibtex_escape(value)}}}" for name, value in fields.items() if value)
    return f"@article{{{ref.key},\n{body}\n}}\n"


def _note(ref: Reference, lang: str) -> str:
    return say("cite_note", lang, statement=ref.statement, quote=ref.citation.quote)


def _csl(ref: Reference, lang: str) -> dict[str, Any]:
    source = ref.source
    item: dict[str, Any] = {"id": ref.key, "type": "article-newspaper", "container-title": source.outlet,
                            "title": _title(ref),
                            "language": source.language, "note": _note(ref, lang)}  # fmt: skip
    if source.url:
        item["URL"] = source.url
    date = _date_parts(source.date)
    if date:
        item["issued"] = {"date-parts": [date]}
    return item


def _ris(ref: Reference, lang: str) -> str:
    source = ref.source
    lines = [("TY", "NEWS"), ("T2", source.outlet), ("TI", _title(ref)),
             ("LA", LANGUAGE_NAMES.get(source.language, source.language))]  # fmt: skip
    date = _date_parts(source.date)
    if date:
        lines += [("PY", str(date[0])), ("DA", source.date.replace("-", "/"))]
    if source.url:
        lines.append(("UR", source.url))
    lines += [("N1", _note(ref, lang)), ("ID", ref.key), ("ER", "")]
    return "\n".join(f"{tag}  - {value}" for tag, value in lines) + "\n"
