"""Charts to paste: `trend` and `compare` as SVG or PNG. The chart is a Vega-Lite specification made here (plain
data, testable without drawing), rendered by vl-convert-python, which is imported only when a chart is written.

Periods are spaced as time: a year or a range is a line across its whole span, a day ("end of 2024") and a value
held by a date ("by September 2025") a diamond at that day, so a point, a year and a range never look alike.
Targets are drawn hollow and dashed in their own colour and labelled "target"; undated figures have no place in
time and are listed under the chart. Every chart has its title, its unit and the line of the sources it cites.
"""

from __future__ import annotations

import datetime
import textwrap
from collections.abc import Iterable, Sequence
from typing import Any

from pcli.answer.changes import by_place
from pcli.base.model import Catalogue, Figure, pick, said
from pcli.base.periods import Period
from pcli.errors import UsageError
from pcli.messages import say
from pcli.output.columns import iso_span
from pcli.output.records import display_value, period_label, sources_named
from pcli.text import safe

CHART_FORMATS = ("svg", "png")
COLOURS = {"achieved": "#1f5f9e", "target": "#c25a00"}
_NUMBERS = {"en": {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["", ""]},
            "vi": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["", ""]},
            "id": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["", ""]}}  # fmt: skip


def span(period: Period, as_of: bool = False) -> tuple[datetime.date, datetime.date] | None:
    """The days a period covers, [first, last]: a day (or a value held by the period's end) is one day; none for
    an undated figure."""
    first, last = iso_span(period)
    if not first:
        return None
    end = datetime.date.fromisoformat(last)
    return (end, end) if as_of else (datetime.date.fromisoformat(first), end)


def _scale(base: Catalogue, indicator: str, lang: str, values: Iterable[float]) -> tuple[float, str]:
    """How values are drawn and the unit the axis names: sums in VND in billions, as the articles write them."""
    unit = base.units[base.indicators[indicator].unit]
    label = pick(unit.label, lang)
    if unit.kind == "currency" and max((abs(v) for v in values), default=0) >= 10**9:
        return 10**9, say("billion_vnd", lang, n="").strip()
    return 1, label


def _rows(base: Catalogue, figures: Sequence[Figure], lang: str, factor: float) -> list[dict[str, Any]]:
    rows = []
    for f in figures:
        days = span(f.period, f.as_of)
        if days is None:
            continue
        first, last = days
        target = f.status == "target"
        status = say("target", lang) if target else say("chart_achieved", lang)
        when = period_label(base, f, lang)  # a target's value says "(target)" itself
        rows.append({"start": first.isoformat(), "end": (last + datetime.timedelta(days=1)).isoformat(),
                     "mid": (first + (last - first) / 2).isoformat(), "point": first == last,
                     "value": f.value / factor, "status": status, "target": target,
                     "value_text": safe(display_value(base, f, lang)), "when": safe(when)})  # fmt: skip
    return rows


def _years(rows: list[dict[str, Any]]) -> tuple[datetime.date, datetime.date]:
    """The time axis: whole years from the first figure's to the last's, and one more year on a side where a
    day's point (with its label) would stand on the edge."""
    starts = [datetime.date.fromisoformat(r["start"]) for r in rows]
    ends = [datetime.date.fromisoformat(r["end"]) - datetime.timedelta(days=1) for r in rows]
    first, last = datetime.date(min(starts).year, 1, 1), datetime.date(max(ends).year + 1, 1, 1)
    points = [s for s, r in zip(starts, rows, strict=True) if r["point"]]
    if any((p - first).days < 120 for p in points):
        first = first.replace(year=first.year - 1)
    if any((last - p).days < 120 for p in points):
        last = last.replace(year=last.year + 1)
    return first, last


def panel(base: Catalogue, figures: Sequence[Figure], lang: str, title: str, width: int, height: int) -> dict[str, Any]:
    """One indicator's figures on a time axis, as a layered Vega-Lite view."""
    indicator = figures[0].indicator
    factor, unit = _scale(base, indicator, lang, (f.value for f in figures))
    rows = _rows(base, figures, lang, factor)
    colour = {"field": "status", "type": "nominal", "legend": None,
              "scale": {"domain": [say("chart_achieved", lang), say("target", lang)],
                        "range": [COLOURS["achieved"], COLOURS["target"]]}}  # fmt: skip
    top = max((r["value"] for r in rows), default=1) or 1
    first, last = _years(rows)
    # Grid lines at the years' boundaries, each year's label in the middle of its year: a point at the end of 2024
    # stands at the right edge of 2024, not under "2025".
    half_year = 182.6 * width / (last - first).days
    x = {"field": "start", "type": "temporal", "title": None,
         "scale": {"domain": [first.isoformat(), last.isoformat()]},
         "axis": {"format": "%Y", "tickCount": {"interval": "year", "step": 1}, "labelFontSize": 11,
                  "labelOffset": half_year, "labelBound": True, "labelFlush": False, "tickSize": 0}}  # fmt: skip
    y = {"field": "value", "type": "quantitative", "title": unit,
         "scale": {"domain": [min(0, *(r["value"] for r in rows)), top * 1.3], "nice": True},
         "axis": {"format": ",~f", "labelFontSize": 11, "titleFontSize": 12}}  # fmt: skip
    layers: list[dict[str, Any]] = [
        {"transform": [{"filter": "!datum.point"}], "mark": {"type": "rule", "strokeWidth": 5, "strokeCap": "butt"},
         "encoding": {"x": x, "x2": {"field": "end"}, "y": y, "color": colour,
                      "strokeDash": {"condition": {"test": "datum.target", "value": [7, 4]}, "value": [1, 0]}}},
        {"transform": [{"filter": "datum.point"}], "mark": {"type": "point", "shape": "diamond", "size": 140,
                                                             "strokeWidth": 2, "filled": False},
         "encoding": {"x": {**x, "field": "mid"}, "y": y, "color": colour,
                      "fill": {"condition": {"test": "datum.target", "value": "white"}, **colour}}},
        {"mark": {"type": "text", "baseline": "bottom", "dy": -22, "fontSize": 11, "fontWeight": "bold"},
         "encoding": {"x": {**x, "field": "mid"}, "y": y, "text": {"field": "value_text"}, "color": colour}},
        {"mark": {"type": "text", "baseline": "bottom", "dy": -9, "fontSize": 10},
         "encoding": {"x": {**x, "field": "mid"}, "y": y, "text": {"field": "when"}, "color": colour}},
    ]  # fmt: skip
    lines = textwrap.wrap(safe(title), max(20, width // 7))
    return {"title": {"text": lines, "anchor": "start", "fontSize": 13}, "width": width, "height": height,
            "data": {"values": rows}, "layer": layers}  # fmt: skip


def source_line(base: Catalogue, figures: Iterable[Figure], lang: str) -> str:
    """ "Source: VTC News, 10 Dec 2025; Hanoimoi": every source the figures cite, with its date where it has one."""
    cited = (c.source for f in figures for c in f.citations)
    return safe(say("chart_source", lang, sources=sources_named(base, cited, lang)))


def _footer(lines: list[str], width: int) -> dict[str, Any]:
    return {"width": width, "height": 15 * len(lines), "view": {"stroke": None},
            "data": {"values": [{"n": n, "line": line} for n, line in enumerate(lines)]},
            "mark": {"type": "text", "align": "left", "baseline": "top", "fontSize": 11, "color": "#333"},
            "encoding": {"text": {"field": "line"}, "x": {"value": 0},
                         "y": {"field": "n", "type": "ordinal", "axis": None}}}  # fmt: skip


def _undated(base: Catalogue, figures: Iterable[Figure], lang: str) -> list[str]:
    return [safe(say("chart_undated", lang, label=pick(base.indicators[f.indicator].label, lang),
                     value=display_value(base, f, lang), period=period_label(base, f, lang)))
            for f in figures if f.period.kind == "undated"]  # fmt: skip


def trend_spec(base: Catalogue, figures: Sequence[Figure], lang: str) -> dict[str, Any]:
    """One indicator over all its periods."""
    """One indicator over all its periods: a panel per place, so that no line of values mixes places."""
    label = pick(base.indicators[figures[0].indicator].label, lang)
    views, titles = [], []
    for series in by_place(figures):
        titles.append(say("chart_trend_title", lang, label=label, place=said(base, series[0].place or base.place, lang)))
        if any(f.period.kind != "undated" for f in series):
            views.append(panel(base, series, lang, titles[-1], 620, 320 if len(titles) == 1 else 240))
    lines = [*_undated(base, figures, lang), source_line(base, figures, lang)]
    return _page([*views, _footer(lines, 620)], "" if views else "; ".join(titles))


def compare_spec(base: Catalogue, changes: Sequence[Any], before: str, after: str, lang: str) -> dict[str, Any]:
    """Each indicator known in both periods, its own panel with its own unit, the two figures spaced as time."""
    panels = []
    figures = [f for c in changes for f in (c.before, c.after)]
    places = [said(base, series[0].place or base.place, lang) for series in by_place(figures)]
    for c in changes:
        label = pick(base.indicators[c.indicator].label, lang)
        if len(places) > 1:  # each panel says its place
            label = say("chart_trend_title", lang, label=label, place=said(base, c.place or base.place, lang))
        title = f"{label} ({say('target', lang)})" if c.status == "target" else label
        panels.append(panel(base, [c.before, c.after], lang, title, 300, 190))
    place = ", ".join(places)
    heading = say("chart_compare_title", lang, place=place, before=before, after=after)
    grid = {"concat": panels, "columns": 2 if len(panels) > 1 else 1, "spacing": 30}
    return _page([grid, _footer([source_line(base, figures, lang)], 630)], heading)


def _page(parts: list[dict[str, Any]], title: str = "") -> dict[str, Any]:
    page: dict[str, Any] = {"$schema": "https://vega.github.io/schema/vega-lite/v5.json", "vconcat": parts,
                            "spacing": 14, "padding": 16, "background": "white",
                            "config": {"font": "Liberation Sans, Arial, Helvetica, sans-serif",
                                       "view": {"stroke": "#ddd"}}}  # fmt: skip
    if title:
        page["title"] = {"text": safe(title), "anchor": "start", "fontSize": 16}
    return page


def draw(spec: dict[str, Any], fmt: str, lang: str) -> bytes:
    """The chart as SVG or PNG bytes, drawn by vl-convert-python (an optional extra: `pip install 'pcli[charts]'`),
    which reads nothing from the network."""
    try:
        import vl_convert
    except ImportError:
        raise UsageError("chart_needs_extra") from None
    numbers = _NUMBERS.get(lang, _NUMBERS["en"])
    if fmt == "svg":
        svg: str = vl_convert.vegalite_to_svg(spec, format_locale=numbers, allowed_base_urls=[])
        return svg.encode("utf-8")
    png: bytes = vl_convert.vegalite_to_png(spec, scale=2, format_locale=numbers, allowed_base_urls=[])
    return png
