"""Changes shown: compare's view (indicators known in two periods) and a change question's answer. The change
and its per cent are worked out once, by answer.changes.Change, and written once, by pasted.change_parts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from pcli.answer.changes import Change
from pcli.base.model import Catalogue, pick
from pcli.output.pasted import change_rows
from pcli.output.records import Record, change_record, percent_of, period_label, tidy
from pcli.output.views import View

if TYPE_CHECKING:
    from pcli.answer.search import Answer

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


class ChangeAnswerView(View):
    """A change question's answer: one indicator from one period to another, with both figures' citations."""

    columns = ("kind", "indicator", "label", "unit", "from_period", "from", "to_period", "to", "change", "change_unit",
               "change_percent", "from_id", "to_id")  # fmt: skip

    def __init__(self, base: Catalogue, answer: Answer) -> None:
        self.base, self.answer = base, answer

    def records(self, lang: str) -> list[Record]:
        return [change_record(self.base, self.answer, lang)]

    def rows(self, lang: str) -> list[Record]:
        r = self.records(lang)[0]
        flat = {"from_period": r["from"]["period"], "from": r["from"]["value"], "from_id": r["from"]["id"],
                "to_period": r["to"]["period"], "to": r["to"]["value"], "to_id": r["to"]["id"]}  # fmt: skip
        return [{**r, **flat}]

    def change(self) -> Change:
        assert self.answer.before is not None and self.answer.after is not None
        return Change.of(self.base, self.answer.before, self.answer.after)

    def for_people(self, lang: str) -> tuple[tuple[str, ...], list[Record]]:
        """As compare writes it for people: the indicator, both figures with their periods, the change."""
        c = self.change()
        return change_rows(self.base, [c], period_label(self.base, c.before, lang), period_label(self.base, c.after, lang), lang)


class ChangesView(View):
    """Indicators known in two periods, side by side with the change."""

    columns = CHANGE_COLUMNS

    def __init__(self, base: Catalogue, changes: Sequence[Change], before: str, after: str) -> None:
        self.base, self.changes, self.before, self.after = base, changes, before, after

    def for_people(self, lang: str) -> tuple[tuple[str, ...], list[Record]]:
        return change_rows(self.base, self.changes, self.before, self.after, lang)

    def records(self, lang: str) -> list[Record]:
        out = []
        for c in self.changes:
            ind = self.base.indicators[c.indicator]
            out.append({"indicator": c.indicator, "label": pick(ind.label, lang), "unit": ind.unit, "place": c.place,
                        "status": c.status, "before_period": c.before.period.text, "before": c.before.value,
                        "before_qualifier": c.before.qualifier, "before_id": c.before.id,
                        "after_period": c.after.period.text, "after": c.after.value,
                        "after_qualifier": c.after.qualifier, "after_id": c.after.id, "change": tidy(c.change),
                        "change_percent": percent_of(c)})  # fmt: skip
        return out
