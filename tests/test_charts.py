"""Charts to paste: trend and compare as SVG and PNG, periods spaced as time, targets and undated figures marked, the
unit and the sources named, in --lang; written atomically."""

from __future__ import annotations

import datetime
import struct
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import run

from pcli.base.periods import UNDATED, parse_period
from pcli.output import charts


def _texts(svg: Path) -> list[str]:
    """Every text the SVG draws (Vega writes each label as a <text> element, a line per <tspan> or as its text)."""
    root = ET.parse(svg).getroot()
    return ["".join(node.itertext()) for node in root.iter() if node.tag.endswith("}text")]


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_a_point_a_year_a_month_and_a_range_span_their_own_time() -> None:
    day, year, month, years = (parse_period(t) for t in ("2024-12-31", "2023", "2025-02", "2022-2024"))
    assert charts.span(day) == (datetime.date(2024, 12, 31),) * 2
    assert charts.span(year) == (datetime.date(2023, 1, 1), datetime.date(2023, 12, 31))
    assert charts.span(month) == (datetime.date(2025, 2, 1), datetime.date(2025, 2, 28))
    assert charts.span(years) == (datetime.date(2022, 1, 1), datetime.date(2024, 12, 31))
    assert charts.span(parse_period("2025-09"), as_of=True) == (datetime.date(2025, 9, 30),) * 2  # held by its end
    assert charts.span(UNDATED) is None


def test_the_trend_chart_says_what_each_mark_is(tmp_path: Path) -> None:
    svg = tmp_path / "poor.svg"
    result = run("trend", "poor households", "--format", "svg", "-o", str(svg))
    assert result.exit_code == 0 and result.stdout == "", result.output
    texts = _texts(svg)
    assert "Poor households, Hanoi" in texts and "households" in texts  # the title and the unit
    assert "Source: VTC News, 10 Dec 2025; Hanoimoi (Indonesian rendering)" in texts
    assert "end of 2025" in texts and "basically 0 households (target)" in texts  # a target says so
    assert {"2,134 households", "2022", "end of 2024", "more than 3,600 households", "start of 2022"} <= set(texts)


def test_trend_rows_space_periods_as_time_and_mark_targets() -> None:
    from pcli.store.open import open_store

    base = open_store(None).whole()
    figures = [f for f in base.figures if f.indicator == "poor_households"]
    rows = {r["when"]: r for r in charts.trend_spec(base, figures, "en")["vconcat"][0]["data"]["values"]}
    assert rows["2022"]["start"] == "2022-01-01" and rows["2022"]["end"] == "2023-01-01" and not rows["2022"]["point"]
    assert rows["end of 2024"]["point"] and rows["end of 2024"]["mid"] == "2024-12-31"
    target = rows["end of 2025"]
    assert target["target"] and target["status"] == "target" and not rows["2023"]["target"]


def test_undated_figures_are_listed_not_drawn_in_time(tmp_path: Path) -> None:
    svg = tmp_path / "capital.svg"
    assert run("trend", "entrusted capital", "--format", "svg", "-o", str(svg)).exit_code == 0
    texts = _texts(svg)
    assert any(t.startswith("Undated, not drawn:") and "8,718 billion VND" in t for t in texts), texts


def test_compare_draws_a_panel_per_indicator_in_the_readers_language(tmp_path: Path) -> None:
    svg = tmp_path / "compare.svg"
    assert run("compare", "2022", "2023", "--format", "svg", "-o", str(svg), "--lang", "vi").exit_code == 0
    texts = _texts(svg)
    assert "Hà Nội: 2022 và 2023" in texts and "Hộ nghèo" in texts and "hộ" in texts and "%" in texts
    assert "2.134 hộ" in texts and "0,095 %" in texts and "năm 2022" in texts  # Vietnamese numbers and periods
    assert any(t.startswith("Nguồn: VTC News, 10/12/2025") for t in texts)


def test_png_is_an_image_of_the_chart(tmp_path: Path) -> None:
    png = tmp_path / "poor.png"
    assert run("trend", "poor_households", "-f", "png", "-o", str(png), "--lang", "id").exit_code == 0
    width, height = _png_size(png)
    assert width > 1000 and height > 500  # drawn at twice the size, sharp when pasted


def test_a_chart_needs_a_file_and_o_needs_a_chart(tmp_path: Path) -> None:
    missing = run("trend", "poor households", "--format", "png")
    assert missing.exit_code == 2 and missing.stdout == "" and "-o" in missing.stderr and missing.stderr.count("\n") == 1
    table = run("compare", "2022", "2023", "-o", str(tmp_path / "x.png"))
    assert table.exit_code == 2 and "svg" in table.stderr and not (tmp_path / "x.png").exists()


def test_a_chart_is_written_atomically(tmp_path: Path) -> None:
    folder = tmp_path / "charts"
    folder.mkdir()
    target = folder / "chart.png"
    target.write_bytes(b"old")
    nowhere = run("trend", "poor households", "-f", "png", "-o", str(tmp_path / "no" / "chart.png"))
    assert nowhere.exit_code == 2 and "Traceback" not in nowhere.stderr
    assert run("trend", "poor households", "-f", "png", "-o", str(target)).exit_code == 0
    assert target.read_bytes().startswith(b"\x89PNG") and [p.name for p in folder.iterdir()] == ["chart.png"]


def test_without_the_charts_extra_the_command_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "vl_convert", None)  # as if vl-convert-python were not installed
    result = run("trend", "poor households", "-f", "svg", "-o", str(tmp_path / "x.svg"))
    assert result.exit_code == 2 and "pip install 'pcli[charts]'" in result.stderr, result.output
    assert not (tmp_path / "x.svg").exists()
