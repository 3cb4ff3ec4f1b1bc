"""What a command found, ready for any output: the columns and rows of a machine format, the full records of
JSON, and what the terminal draws. A view knows nothing of formats; `render` picks one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from pcli.base.model import Catalogue, Entity, FactBase, Figure, pick
from pcli.messages import Msg
from pcli.output.pasted import people_rows
from pcli.output.records import (
    ENTITY_COLUMNS,
    FIGURE_COLUMNS,
    SOURCE_COLUMNS,
    Record,
    agency_name,
    answer_record,
    entity_record,
    figure_record,
    figure_row,
    flat_entity,
    source_record,
    with_base,
)

if TYPE_CHECKING:  # imported when used: a query does not need changes
    from pcli.answer.search import Answer
    from pcli.base.periods import Period


class View:
    """The base of every view: one table of rows (a list, or a stream written as it comes)."""

    columns: Sequence[str] = ()

    def records(self, lang: str) -> Iterable[Record]:
        return []

    def rows(self, lang: str) -> Iterable[Record]:
        return self.records(lang)

    def status(self, given: int) -> int:
        return given  # the exit status once the view is written: the command's, unless what it wrote decides it


class FiguresView(View):
    """Figures in a list; TrendView and FigureView are the same rows drawn otherwise on a terminal."""

    columns: Sequence[str] = FIGURE_COLUMNS

    def __init__(
        self,
        base: Catalogue,
        figures: Sequence[Figure],
        scores: Sequence[float] | None = None,
        wholes: Mapping[str, Figure] | None = None,
    ) -> None:
        self.base, self.figures, self.scores = base, figures, scores
        self.wholes = wholes if wholes is not None else {}
        self.columns = with_base(FIGURE_COLUMNS, base)

    def records(self, lang: str) -> list[Record]:
        out = [figure_record(self.base, f, lang) for f in self.figures]
        if self.scores is not None:
            out = [{**r, "score": s} for r, s in zip(out, self.scores, strict=True)]
        return out

    def rows(self, lang: str) -> list[Record]:
        return [figure_row(self.base, f, lang) for f in self.figures]

    def for_people(self, lang: str) -> tuple[tuple[str, ...], list[Record]]:
        return people_rows(self.base, self.figures, lang)


class TrendView(FiguresView):
    """One indicator's figures over time (`pcli trend`): bars on a terminal, a chart as svg or png."""


class FigureView(FiguresView):
    """One figure asked by its id (`pcli get`): a card on a terminal."""


ANSWER_COLUMNS = (*FIGURE_COLUMNS, "kind")


class AnswersView(View):
    """A query's answers, best first, of any kind: figures, indicators, documents, programmes, agencies, places,
    sources. Every row says its kind."""

    columns: Sequence[str] = ANSWER_COLUMNS

    def __init__(self, base: Catalogue, answers: Sequence[Answer], wholes: Mapping[str, Figure]) -> None:
        self.base, self.answers, self.wholes = base, answers, wholes
        self.columns = with_base(ANSWER_COLUMNS, base)

    def records(self, lang: str) -> list[Record]:
        return [{**answer_record(self.base, a, lang), "score": a.score} for a in self.answers]

    def rows(self, lang: str) -> list[Record]:
        return [row_of(self.base, a, lang) for a in self.answers]

    def for_people(self, lang: str) -> tuple[tuple[str, ...], list[Record]]:
        figures = [a.figure for a in self.answers if a.figure is not None]
        return people_rows(self.base, figures, lang)


def row_of(base: Catalogue, answer: Answer, lang: str) -> Record:
    """An answer as one row of ANSWER_COLUMNS; a figure's row is made without its full record."""
    if answer.figure is not None:
        return {**figure_row(base, answer.figure, lang), "kind": "figure"}
    return _record_row(answer, answer_record(base, answer, lang))


def _record_row(answer: Answer, record: Record) -> Record:
    """An answer other than a figure as one row of ANSWER_COLUMNS, from its full record."""
    if answer.kind == "change":
        ends = (record["from"].get("base", ""), record["to"].get("base", ""))
        return {"id": record["id"], "indicator": record["indicator"], "label": record["label"], "value": record["change"],
                "unit": record["change_unit"], "period": f"{record['from']['period']}..{record['to']['period']}",
                "status": "target" if "target" in (record["from"]["status"], record["to"]["status"]) else "achieved",
                "kind": "change", **({"base": ",".join(dict.fromkeys(b for b in ends if b))} if any(ends) else {})}  # fmt: skip
    citations = record.get("citations", [])
    quote = citations[0]["quote"] if citations else ""
    sources = ",".join(c["source"] for c in citations)
    return {"id": record["id"], "label": record["label"], "kind": answer.kind, "sources": sources, "quote": quote,
            "type": record.get("type", ""), **({"base": record["base"]} if "base" in record else {})}  # fmt: skip


class SectionView(View):
    """One section of the base that is not figures: programmes, documents, agencies, places or sources."""

    def __init__(self, base: Catalogue, name: str, only: str | None = None, entities: Sequence[Entity] | None = None) -> None:
        self.base, self.name, self.only = base, name, only
        self.entities = entities if entities is not None else base.entities.get(name, [])
        self.columns = with_base(SOURCE_COLUMNS if name == "sources" else ENTITY_COLUMNS[name], base)

    def records(self, lang: str) -> list[Record]:
        if self.name == "sources":
            return [source_record(self.base, s) for s in self.base.sources if self.only in (None, s)]
        return [entity_record(self.base, e, lang) for e in self.entities if self.only in (None, e.id)]

    def rows(self, lang: str) -> list[Record]:
        if self.name == "sources":
            return self.records(lang)
        return [flat_entity(self.name, r) for r in self.records(lang)]

    def for_people(self, lang: str) -> tuple[tuple[str, ...], list[Record]]:
        """The rows to paste: a document's issuer by its name in the reader's language, as a terminal shows it."""
        rows = self.rows(lang)
        named = [{**r, "issuer": agency_name(self.base, str(r["issuer"]), lang)} if r.get("issuer") else r for r in rows]
        return tuple(self.columns), named


class ShowView(View):
    """The base as tables: on a terminal every section asked; in a machine format the first one. Its figures come
    from `each_figure()`, a stream from the store, so that a pipe never holds a large base whole; the terminal and
    Markdown read them all at once with `figures()` (figures by topic, "of which")."""

    def __init__(self, base: Catalogue, sections: Sequence[str], figures: Callable[[], Iterable[Figure]],
                 lookup: Callable[[str], Figure | None] | None = None) -> None:  # fmt: skip
        self.base, self.sections = base, sections
        self.each_figure, self.lookup = figures, lookup  # a terminal streams them, each part's whole looked up
        self.columns = with_base(FIGURE_COLUMNS, base) if sections[0] == "figures" else SectionView(base, sections[0]).columns

    def figures(self) -> list[Figure]:
        """Every figure shown, read at once."""
        return list(self.each_figure())

    def records(self, lang: str) -> Iterable[Record]:
        if self.sections[0] == "figures":
            return (figure_record(self.base, f, lang) for f in self.each_figure())
        return SectionView(self.base, self.sections[0]).records(lang)

    def rows(self, lang: str) -> Iterable[Record]:
        if self.sections[0] == "figures":
            return (figure_row(self.base, f, lang) for f in self.each_figure())
        return SectionView(self.base, self.sections[0]).rows(lang)

    def for_people(self, lang: str) -> tuple[tuple[str, ...], list[Record]]:
        if self.sections[0] == "figures":
            figures = self.figures()
            return FiguresView(self.base, figures, wholes={f.id: f for f in figures}).for_people(lang)
        return SectionView(self.base, self.sections[0]).for_people(lang)


class BatchView(View):
    """One answer per line of input, produced as the lines come, in the groups they came in: `pcli query -`."""

    columns: Sequence[str] = ("query", *ANSWER_COLUMNS)

    def __init__(self, base: Catalogue, answers: Iterator[list[tuple[str, Answer | Msg]]]) -> None:
        self.base, self.answers = base, answers
        self.columns = with_base(("query", *ANSWER_COLUMNS), base)
        self.found = False
        self.missed: list[Msg] = []  # why the lines of the group last given have no answer, for stderr

    def status(self, given: int) -> int:
        return 0 if self.found else 1  # something found only if one of the lines was answered

    def _groups(self) -> Iterator[list[tuple[str, Answer | None]]]:
        for group in self.answers:
            self.missed = [answer for _, answer in group if isinstance(answer, Msg)]
            self.found |= len(self.missed) < len(group)
            yield [(text, None if isinstance(answer, Msg) else answer) for text, answer in group]

    def stream(self, lang: str) -> Iterator[list[tuple[str, Record | None]]]:
        """(query, the best answer's full record, or None when nothing answers it), a group at a time."""
        for group in self._groups():
            yield [(text, None if answer is None else answer_record(self.base, answer, lang)) for text, answer in group]

    def rows_as_they_come(self, lang: str) -> Iterator[list[Record]]:
        """Each query's row, a group at a time: the query and its best answer, or the query alone."""
        for group in self._groups():
            yield [{"query": text} if answer is None else {"query": text, **row_of(self.base, answer, lang)}
                   for text, answer in group]  # fmt: skip


EXTRACT_COLUMNS = ("line", "column", "written", "value", "unit", "unit_words", "qualifier", "period", "change",
                   "target", "kind", "status", "figures", "same", "reason", "sentence")  # fmt: skip


class ExtractView(View):
    """The numbers of an article, one row each, produced as the file is read: `pcli extract`."""

    columns = EXTRACT_COLUMNS

    def __init__(self, base: FactBase, rows: Iterator[Any], path: str, source: str, text_lang: str = "en",
                 warning: Msg | None = None) -> None:  # fmt: skip
        self.base, self.path, self.source, self.text_lang, self.warning = base, path, source, text_lang, warning
        self.stream, self.count = rows, 0

    def records(self, lang: str) -> list[Record]:
        return [r.record() for r in self.each()]

    def status(self, given: int) -> int:
        return 0 if self.count else 1  # an article with no number: nothing found

    def each(self) -> Iterator[Any]:
        for row in self.stream:
            self.count += 1
            yield row


LISTS = ("indicators", "topics", "units", "sources", "documents", "programmes", "agencies", "places")


class ListView(View):
    """What the base holds, one kind of record a list, with ids to copy: `pcli list`. For indicators, how many
    figures each has and their periods (Store.periods_of_indicators), not the figures themselves."""

    def __init__(
        self, base: Catalogue, what: str, periods: dict[str, tuple[int, list[tuple[Period, bool]]]], only: set[str] | None = None
    ) -> None:
        self.base, self.what, self.periods, self.only = base, what, periods, only  # only: the ids the filters keep
        self.columns = {"indicators": ("id", "label", "unit", "topic", "figures", "periods"),
                        "topics": ("id", "label", "indicators"), "units": ("id", "kind", "label"),
                        "sources": ("id", "outlet", "language", "date", "url"),
                        "documents": ("id", "number", "name")}.get(what, ("id", "name"))  # fmt: skip

    def records(self, lang: str) -> list[Record]:
        return [r for r in self._records(lang) if self.only is None or r["id"] in self.only]

    def _records(self, lang: str) -> list[Record]:
        base = self.base
        if self.what == "indicators":
            none: tuple[int, list[tuple[Period, bool]]] = (0, [])
            return [{"id": i.id, "label": pick(i.label, lang), "unit": i.unit, "topic": i.topic,
                     "figures": self.periods.get(i.id, none)[0],
                     "periods": ", ".join(dict.fromkeys(p.display(lang, as_of)
                                                        for p, as_of in self.periods.get(i.id, none)[1]))}
                    for i in base.indicators.values()]  # fmt: skip
        if self.what == "topics":
            count = {
                t: sum(i.topic == t and i.id in (self.only or {i.id}) for i in base.indicators.values()) for t in base.topics
            }
            return [{"id": t.id, "label": pick(t.label, lang), "indicators": count[t.id]} for t in base.topics.values()]
        if self.what == "units":
            return [{"id": u.id, "kind": u.kind, "label": pick(u.label, lang)} for u in base.units.values()]
        if self.what == "sources":
            return [source_record(base, s) for s in base.sources]
        entities = base.entities[self.what]
        return [{"id": e.id, "number": e.fields.get("number", ""), "name": e.name(lang)} for e in entities]


class CiteView(View):
    """The references of `pcli cite`, in a citation style rather than a table format."""

    def __init__(self, base: Catalogue, records: Sequence[Any], style: str) -> None:
        self.base, self.records_cited, self.style = base, records, style


class ProblemsView(View):
    """What `validate` found: every problem with its line, or a summary of a valid base."""

    columns = ("file", "line", "message")

    def __init__(self, path: str, problems: Sequence[Any], summary: Msg | None, warnings: Sequence[Any] = ()) -> None:
        self.path, self.problems, self.summary = path, problems, summary
        self.warnings = warnings  # what a valid base may hold but a curator should see: always said on stderr

    def records(self, lang: str) -> list[Record]:
        return [{"file": getattr(p, "path", "") or self.path, "line": p.line, "message": p.msg.say(lang)} for p in self.problems]


class Result:
    """What a command hands to the renderer: its exit status, and a view or a miss to say."""

    __slots__ = ("status", "view", "miss")

    def __init__(self, status: int, view: View | None = None, miss: Msg | None = None) -> None:
        self.status, self.view, self.miss = status, view, miss

    def final_status(self) -> int:
        """The status once rendered: what the view wrote may decide it (View.status)."""
        return self.view.status(self.status) if self.view is not None else self.status
