"""`pcli cite`: references a writer can paste. The article is what is cited: one entry per source, however many
of its figures or records are named, with its title (or a title supplied in square brackets, as cataloguers mark
one, naming the article's subject), outlet, date, address and the date it was accessed; what is cited of it (each
figure in words and its verbatim quote, in the source's own language) is the entry's note.

Styles: plain text or Markdown in the reader's language, APA and Chicago (rendered by citeproc-py from the CSL
styles in pcli/styles/), BibTeX, CSL-JSON and RIS for reference managers.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Sequence
from typing import IO, Any

from pcli.base.model import Catalogue, Citation, Figure, Source, pick, said
from pcli.messages import say
from pcli.output.escape import link, markdown, one_field
from pcli.output.machine import dumps
from pcli.output.records import displayed, period_label
from pcli.text import safe

STYLES = ("plain", "markdown", "apa", "chicago", "bibtex", "csl-json", "ris")
CSL_STYLES = {"apa": "apa.csl", "chicago": "chicago-author-date.csl"}
CSL_LOCALES = {"en": "en-US", "vi": "vi-VN", "id": "id-ID"}
LANGUAGE_NAMES = {"vi": "Vietnamese", "id": "Indonesian", "en": "English"}


class Cited:
    """One figure or record as one source states it."""

    __slots__ = ("record_id", "statement", "quote")

    def __init__(self, record_id: str, statement: str, quote: str) -> None:
        self.record_id, self.statement, self.quote = record_id, statement, quote


class Entry:
    """One bibliography entry: a source, and what of it is cited."""

    __slots__ = ("key", "source", "title", "accessed", "cited")

    def __init__(self, key: str, source: Source, title: str, accessed: str) -> None:
        self.key, self.source, self.title, self.accessed = key, source, title, accessed
        self.cited: list[Cited] = []


def entries(base: Catalogue, records: Sequence[Any], lang: str, accessed: str = "") -> list[Entry]:
    """One entry per source that holds any of the records, in the order the sources are first met."""
    accessed = accessed or datetime.date.today().isoformat()
    out: dict[str, Entry] = {}
    for record in records:
        for citation in record.citations:
            source = base.sources.get(citation.source)
            if source is None:
                continue
            if source.id not in out:
                key = re.sub(r"[^a-z0-9]+", "-", source.id.lower()).strip("-") or "source"
                out[source.id] = Entry(key, source, source.title or f"[{_subject(base, lang)}]", accessed)
            out[source.id].cited.append(Cited(record.id, _statement(base, record, citation, lang), citation.quote))
    return list(out.values())


def _subject(base: Catalogue, lang: str) -> str:
    """What the article is about, for a title the base does not give: the base's title."""
    return said(base, base.title, lang) or say("cite_untitled", lang)


def _statement(base: Catalogue, record: Any, citation: Citation, lang: str) -> str:
    if not isinstance(record, Figure):
        return str(record.name(lang))
    # in this source's own reading: "up to" where it says so, not where not
    label = pick(base.indicators[record.indicator].label, lang)
    value = displayed(base, record, citation.reading(record.qualifier), lang)
    return f"{label}: {value} ({period_label(base, record, lang)})"  # a target's value says so


def write(found: Sequence[Entry], style: str, lang: str, out: IO[str]) -> None:
    """The entries in a style, each escaped by its style's rules, with nothing that could drive a terminal."""
    if style == "csl-json":
        out.write(dumps([csl_item(e, lang) for e in found], indent=2) + "\n")
        return
    out.write(safe("\n".join(text(found, style, lang))))


def text(found: Sequence[Entry], style: str, lang: str) -> list[str]:
    """Each entry as text in a style (CSL-JSON: the whole list as one text)."""
    if style == "csl-json":
        return [dumps([csl_item(e, lang) for e in found], indent=2) + "\n"]
    if style in CSL_STYLES:
        return _rendered(found, style, lang)
    writer = {"plain": _plain, "markdown": _markdown, "bibtex": _bibtex, "ris": _ris}[style]
    return [writer(e, lang) for e in found]


def records(found: Sequence[Entry], style: str, lang: str) -> list[dict[str, Any]]:
    """The entries as JSON objects: the source's parts, what is cited of it, and the entry in the style asked."""
    texts = text(found, style, lang) if style != "csl-json" else [dumps(csl_item(e, lang))
                                                                  for e in found]  # fmt: skip
    return [{"key": e.key, "source": e.source.id, "outlet": e.source.outlet, "title": e.title, "date": e.source.date,
             "url": link(e.source.url), "accessed": e.accessed, "language": e.source.language,
             "cited": [{"id": c.record_id, "statement": c.statement, "quote": c.quote} for c in e.cited],
             "style": style, "citation": t.strip()} for e, t in zip(found, texts, strict=True)]  # fmt: skip


def _sentence(*parts: str) -> str:
    """Parts joined as sentences, one full stop at the end however the last part ends ("n.d." stays "n.d.")."""
    body = ". ".join(p.rstrip(".") if i < len(parts) - 1 else p for i, p in enumerate(parts) if p)
    return body if body.endswith(".") else body + "."


def _head(entry: Entry, outlet: str, lang: str, url: str, field: Callable[[str], str] = str) -> str:
    """ "VTC News. 2025-12-10. [Title]. Accessed 2026-12-04." as far as the source gives them, each part from
    the data written by `field` (Markdown's escaping, say)."""
    source = entry.source
    if source.rendering_of:
        outlet += f" ({field(say('rendering', lang, original=source.rendering_of))})"
    date = field(source.date or say("no_date", lang))
    return _sentence(outlet, date, field(entry.title), url, field(say("cite_accessed", lang, date=entry.accessed)))


def _plain(entry: Entry, lang: str) -> str:
    head = _head(entry, entry.source.outlet, lang, link(entry.source.url))
    return head + "\n" + "".join(f"  {c.statement}: “{c.quote}”\n" for c in entry.cited)


def _markdown(entry: Entry, lang: str) -> str:
    source = entry.source
    url = link(source.url)
    outlet = f"[{markdown(source.outlet)}]({url})" if url else f"*{markdown(source.outlet)}*"
    head = _head(entry, outlet, lang, "", markdown)
    return head + "\n\n" + "".join(f"- {markdown(c.statement)}\n\n  > “{markdown(c.quote)}”\n\n" for c in entry.cited)


def _note(entry: Entry, lang: str) -> str:
    return " ".join(say("cite_note", lang, statement=c.statement, quote=c.quote) for c in entry.cited)


def _date_parts(date: str) -> list[int]:
    return [int(part) for part in date.split("-")] if re.fullmatch(r"\d{4}(-\d{2}){0,2}", date) else []


def _bibtex_escape(text: str) -> str:
    return re.sub(r"([{}%&$#_^\\\\])", r"\\\1", text)


def _bibtex(entry: Entry, lang: str) -> str:
    source = entry.source
    fields = {"journal": source.outlet, "title": entry.title, "url": link(source.url), "urldate": entry.accessed,
              "language": LANGUAGE_NAMES.get(source.language, source.language), "note": _note(entry, lang)}  # fmt: skip
    date = _date_parts(source.date)
    if date:
        fields["year"] = str(date[0])
        fields["date"] = source.date
    body = ",\n".join(f"  {name} = {{{_bibtex_escape(value)}}}" for name, value in fields.items() if value)
    return f"@article{{{entry.key},\n{body}\n}}\n"


def csl_item(entry: Entry, lang: str) -> dict[str, Any]:
    source = entry.source
    item: dict[str, Any] = {"id": entry.key, "type": "article-newspaper", "container-title": source.outlet,
                            "title": entry.title, "language": source.language, "note": _note(entry, lang),
                            "accessed": {"date-parts": [_date_parts(entry.accessed)]}}  # fmt: skip
    if link(source.url):
        item["URL"] = link(source.url)
    date = _date_parts(source.date)
    if date:
        item["issued"] = {"date-parts": [date]}
    return item


def _ris(entry: Entry, lang: str) -> str:
    source = entry.source
    lines = [("TY", "NEWS"), ("T2", source.outlet), ("TI", entry.title),
             ("LA", LANGUAGE_NAMES.get(source.language, source.language))]  # fmt: skip
    date = _date_parts(source.date)
    if date:
        lines += [("PY", str(date[0])), ("DA", source.date.replace("-", "/"))]
    if link(source.url):
        lines.append(("UR", link(source.url)))
    lines += [("Y2", entry.accessed.replace("-", "/")), ("N1", _note(entry, lang)), ("ID", entry.key), ("ER", "")]
    return "\n".join(f"{tag}  - {one_field(value)}" for tag, value in lines) + "\n"  # RIS: one field a line


def _rendered(found: Sequence[Entry], style: str, lang: str) -> list[str]:
    """APA or Chicago, rendered by citeproc-py from the bundled CSL style (imported only for these styles), each
    entry followed by what is cited of it."""
    from importlib.resources import files

    from citeproc import Citation as CslCitation
    from citeproc import CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    # The outlet stands as the author: citeproc-py does not suppress a title it moved to the author's place, so an
    # unsigned article would print its title twice in APA. Chicago puts the outlet there itself.
    items = [{**csl_item(e, lang), "author": [{"literal": e.source.outlet}]} for e in found]
    path = str(files("pcli").joinpath("styles", CSL_STYLES[style]))
    csl = CitationStylesStyle(path, locale=CSL_LOCALES.get(lang, "en-US"), validate=False)
    bibliography = CitationStylesBibliography(csl, CiteProcJSON(items), formatter.plain)
    bibliography.register(CslCitation([CitationItem(e.key) for e in found]))
    by_key = {str(item.key): str(text) for item, text in zip(bibliography.items, bibliography.bibliography(), strict=True)}
    return [by_key[e.key] + "\n" + "".join(f"  {c.statement}: “{c.quote}”\n" for c in e.cited) for e in found]
