"""`pcli check`'s output: each number of the draft with its verdict, as a table on a terminal, TSV/CSV in a pipe,
JSON for scripts, or the draft itself back in Markdown with a footnote citation after each supported number and
a marked note at each contradicted one, ready to paste into an editor's review."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import Any

from pcli.answer.check import CONTRADICTED, SUPPORTED, Verdict
from pcli.base.model import Catalogue, Figure, pick
from pcli.messages import Msg, say
from pcli.output import Format
from pcli.output import machine as m
from pcli.output.escape import markdown as escaped
from pcli.output.records import display_value, period_label
from pcli.output.render import tell
from pcli.output.views import View
from pcli.text import safe

COLUMNS = ("line", "column", "written", "value", "verdict", "figure", "expected", "period", "indicator", "note",
           "source", "quote", "sentence")  # fmt: skip


class CheckView(View):
    """The verdicts on a draft's numbers, worked out as they are written."""

    columns = COLUMNS

    def __init__(self, base: Catalogue, verdicts: Iterator[Verdict], text: str, path: str, warning: Msg | None = None) -> None:
        self.base, self.stream, self.text, self.path, self.warning = base, verdicts, text, path, warning
        self.contradicted = False
        self.seen: list[Verdict] = []

    def status(self, given: int) -> int:
        """1 when a number is contradicted, so that `pcli check draft.md` can stop a pre-publication script."""
        return 1 if self.contradicted else given

    def each(self) -> Iterator[Verdict]:
        for verdict in self.stream:
            self.contradicted = self.contradicted or verdict.verdict == CONTRADICTED
            self.seen.append(verdict)
            yield verdict

    def record(self, v: Verdict, lang: str) -> dict[str, Any]:
        f = v.figure
        cited = f.citations[0] if f is not None and f.citations else None
        return {"line": v.line, "column": v.column, "written": v.written, "value": v.value, "verdict": v.verdict,
                "figure": f.id if f is not None else None, "expected": v.expected,
                "period": f.period.text if f is not None else v.period, "indicator": v.indicator,
                "note": say(v.note, lang, **self._values(v, lang)) if v.note else "",
                "source": cited.source if cited else "", "quote": cited.quote if cited else "",
                "sentence": v.sentence}  # fmt: skip

    def _values(self, v: Verdict, lang: str) -> dict[str, str]:
        f = v.figure
        label = pick(self.base.indicators[v.indicator].label, lang) if v.indicator in self.base.indicators else ""
        return {"label": label, "value": display_value(self.base, f, lang) if f else "",
                "period": period_label(self.base, f, lang) if f else v.period, "written": v.written}  # fmt: skip

    def records(self, lang: str) -> list[dict[str, Any]]:
        return [self.record(v, lang) for v in self.each()]


def write(view: CheckView, fmt: Format, lang: str) -> None:
    if view.warning is not None:
        tell(view.warning, lang)
    if fmt is Format.markdown:
        sys.stdout.write(markdown(view, lang))
    elif fmt is Format.table:
        _table(view, lang)
    elif fmt is Format.json:
        m.write_json(view.records(lang))
    elif fmt is Format.jsonl:
        for v in view.each():
            m.write_jsonl([view.record(v, lang)])
    else:
        writer = m.write_csv if fmt is Format.csv else m.write_tsv
        writer(view.columns, [], header=True)
        for v in view.each():
            writer(view.columns, [view.record(v, lang)], header=False)


def _says(view: CheckView, v: Verdict, lang: str) -> str:
    """What the base says, for a person: the figure with its period and quote, or why nothing."""
    f = v.figure
    if f is None:
        return say(v.note, lang, **view._values(v, lang)) if v.note else ""
    said = (
        say(v.note, lang, **view._values(v, lang))
        if v.note
        else f"{display_value(view.base, f, lang)}, {period_label(view.base, f, lang)}"
    )
    cited = f.citations[0] if f.citations else None
    source = view.base.sources.get(cited.source) if cited else None
    quote = f" — {source.outlet}: “{cited.quote}”" if cited and source else ""
    return f"{said} [{f.id}]{quote}"


def _table(view: CheckView, lang: str) -> None:
    from pcli.output.terminal import console
    from pcli.output.terminal_tables import Col, fitted

    out = console()
    cols = [Col(say("h_where", lang), whole=True), Col(say("h_number", lang), whole=True),
            Col(say("h_verdict", lang), whole=True), Col(say("h_base_says", lang)),
            Col(say("h_sentence", lang), drop=1)]  # fmt: skip
    rows, marks = [], []
    for v in view.each():
        marks.append({SUPPORTED: "green", CONTRADICTED: "bold red"}.get(v.verdict, "yellow"))
        rows.append([f"{v.line}:{v.column}", v.written, say(f"v_{v.verdict}", lang), _says(view, v, lang), v.sentence])
    out.print(fitted(view.path, cols, rows, out.width, marks), crop=False)
    counts = {k: sum(v.verdict == k for v in view.seen) for k in ("supported", "contradicted", "unknown")}

    tell(say("check_summary", lang, **{k: str(n) for k, n in counts.items()}), lang)


def markdown(view: CheckView, lang: str) -> str:
    """The draft back, each supported number followed by a footnote that cites its source and quote, each
    contradicted one marked with what the base holds instead; the footnotes at the end."""
    text, verdicts = view.text, list(view.each())
    out: list[str] = []
    notes: list[str] = []
    at = 0
    for v in verdicts:
        if v.verdict not in (SUPPORTED, CONTRADICTED) or v.start < at:
            continue
        end = v.end + (text[v.end : v.end + 1] == "%")  # the note after "0.4%", not inside it
        out.append(safe(text[at:end]))  # the writer's own Markdown, as written
        at = end
        n = len(notes) + 1
        if v.verdict == SUPPORTED:
            out.append(f"[^{n}]")
            notes.append(f"[^{n}]: {escaped(_citation(view.base, v.figure))}")
        else:
            out.append(f" **\\[⚠ {escaped(say('v_contradicted', lang))}: {escaped(_says(view, v, lang))}\\]**")
    out.append(safe(text[at:]))
    body = "".join(out).rstrip("\n") + "\n"
    return body + ("\n" + "\n".join(notes) + "\n" if notes else "")


def _citation(base: Catalogue, figure: Figure | None) -> str:
    if figure is None or not figure.citations:
        return ""
    cited = figure.citations[0]
    source = base.sources.get(cited.source)
    where = ", ".join(x for x in (source.outlet, source.date) if x) if source else cited.source
    return f"{where}: “{cited.quote}” ({figure.id})"
