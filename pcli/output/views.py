"""What a command found, ready for any output: the columns and rows of a machine format, the full records of
JSON, and what the terminal draws. A view knows nothing of formats; `render` picks one.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from pcli.answer.changes import Change
from pcli.base.model import FactBase, Figure, pick
from pcli.messages import Msg
from pcli.output.records import (
    ENTITY_COLUMNS,
    FIGURE_COLUMNS,
    SOURCE_COLUMNS,
    Record,
    entity_record,
    figure_record,
    flat_entity,
    flat_figure,
    source_record,
    tidy,
)

CHANGE_COLUMNS = (
    "indicator",
    "label",
    "unit",
    "before_period",
    "before",
    "after_period",
    "after",
    "change",
    "change_percent",
    "status",
    "place",
    "before_id",
    "after_id",
)


class View:
    """The base of every view: one table of rows."""

    columns: Sequence[str] = ()

    def records(self, lang: str) -> list[Record]:
        return []

    def rows(self, lang: str) -> list[Record]:
        return self.records(lang)


class FiguresView(View):
    """Figures: a query's answers (the best first), a trend, or the figures of a section."""

    columns = FIGURE_COLUMNS

    def __init__(
        self,
        base: FactBase,
        figures: Sequence[Figure],
        style: str = "list",
        scores: Sequence[float] | None = None,
        wholes: Mapping[str, Figure] | None = None,
    ) -> None:
        self.base, self.figures, self.style, self.scores = base, figures, style, scores
        self.wholes = wholes if wholes is not None else {f.id: f for f in base.figures}

    def records(self, lang: str) -> list[Record]:
        out = [figure_record(self.base, f, lang) for f in self.figures]
        if self.scores is not None:
            out = [{**r, "score": s} for r, s in zip(out, self.scores, strict=True)]
        return out

    def rows(self, lang: str) -> list[Record]:
        return [flat_figure(r) for r in self.records(lang)]


class ChangesView(View):
    """Indicators known in two periods, side by side with the change."""

    columns = CHANGE_COLUMNS

    def __init__(self, base: FactBase, changes: Sequence[Change], before: str, after: str) -> None:
        self.base, self.changes, self.before, self.after = base, changes, before, after

    def records(self, lang: str) -> list[Record]:
        out = []
        for c in self.changes:
            ind = self.base.indicators[c.indicator]
            out.append(
                {
                    "indicator": c.indicator,
                    "label": pick(ind.label, lang),
                    "unit": ind.unit,
                    "place": c.place,
                    "status": c.status,
                    "before_period": c.before.period.text,
                    "before": c.before.value,
                    "before_qualifier": c.before.qualifier,
                    "before_id": c.before.id,
                    "after_period": c.after.period.text,
                    "after": c.after.value,
                    "after_qualifier": c.after.qualifier,
                    "after_id": c.after.id,
                    "change": tidy(c.change),
                    "change_percent": None if c.percent is None else round(c.percent, 4),
                }
            )
        return out


class SectionView(View):
    """One section of the base that is not figures: programmes, documents, agencies, places or sources."""

    def __init__(self, base: FactBase, name: str, only: str | None = None) -> None:
        self.base, self.name, self.only = base, name, only
        self.columns = SOURCE_COLUMNS if name == "sources" else ENTITY_COLUMNS[name]

    def records(self, lang: str) -> list[Record]:
        if self.name == "sources":
            return [source_record(self.base, s) for s in self.base.sources if self.only in (None, s)]
        return [entity_record(self.base, e, lang) for e in self.base.entities[self.name] if self.only in (None, e.id)]

    def rows(self, lang: str) -> list[Record]:
        if self.name == "sources":
            return self.records(lang)
        return [flat_entity(self.name, r) for r in self.records(lang)]


class ShowView(View):
    """The base as tables: on a terminal every section asked; in a machine format the first one."""

    def __init__(self, base: FactBase, sections: Sequence[str]) -> None:
        self.base, self.sections = base, sections
        self.first: View = FiguresView(base, base.figures) if sections[0] == "figures" else SectionView(base, sections[0])
        self.columns = self.first.columns

    def records(self, lang: str) -> list[Record]:
        return self.first.records(lang)

    def rows(self, lang: str) -> list[Record]:
        return self.first.rows(lang)


class BatchView(View):
    """One answer per line of input, produced as the lines come: `pcli query -`."""

    columns = ("query", *FIGURE_COLUMNS)

    def __init__(self, base: FactBase, answers: Iterator[tuple[str, Figure | None]]) -> None:
        self.base, self.answers = base, answers
        self.found = False

    def stream(self, lang: str) -> Iterator[tuple[str, Record | None]]:
        for text, figure in self.answers:
            self.found = self.found or figure is not None
            yield text, figure_record(self.base, figure, lang) if figure is not None else None


class ProblemsView(View):
    """What `validate` found: every problem with its line, or a summary of a valid base."""

    columns = ("file", "line", "message")

    def __init__(self, path: str, problems: Sequence[Any], summary: Msg | None) -> None:
        self.path, self.problems, self.summary = path, problems, summary

    def records(self, lang: str) -> list[Record]:
        return [{"file": self.path, "line": p.line, "message": p.msg.say(lang)} for p in self.problems]


class Result:
    """What a command hands to the renderer: its exit status, and a view or a miss to say."""

    __slots__ = ("status", "view", "miss")

    def __init__(self, status: int, view: View | None = None, miss: Msg | None = None) -> None:
        self.status, self.view, self.miss = status, view, miss

    def final_status(self) -> int:
        """The status once rendered: a batch has found something only if one of its lines was answered."""
        if isinstance(self.view, BatchView):
            return 0 if self.view.found else 1
        return self.status
