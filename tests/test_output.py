"""Output for scripts and for people: formats, pipes, a real pseudo-terminal, compare and trend."""

from __future__ import annotations

import csv
import io
import os
import re
from pathlib import Path

import pytest
from conftest import on_pty, pcli, run


def test_pipe_gives_tsv_with_one_header_and_one_column_count() -> None:
    result = pcli("show")
    assert result.exit_code == 0, result.output
    rows = result.rows()
    assert rows[0][0] == "id" and len({len(r) for r in rows}) == 1
    assert "\x1b" not in result.stdout
    values = {r[0]: r[3] for r in rows[1:]}
    assert values["entrusted-capital"] == "8718000000000"  # raw, no separators


@pytest.mark.parametrize("section", ["figures", "programmes", "documents", "agencies", "places", "sources"])
def test_each_section_in_every_machine_format(section: str) -> None:
    tsv = run("show", section, "--format", "tsv").rows()
    table = list(csv.reader(io.StringIO(run("show", section, "--format", "csv").stdout)))
    data = run("show", section, "--format", "json").json()
    lines = run("show", section, "--format", "jsonl").stdout.splitlines()
    md = run("show", section, "--format", "markdown").stdout.splitlines()
    assert len(tsv) == len(table) == len(data) + 1 == len(lines) + 1 == len(md) - 1
    assert tsv[0] == table[0]


def test_export_json_keeps_numbers_and_everything() -> None:
    data = run("export", "--format", "json").json()
    assert {"sources", "figures", "programmes", "documents", "agencies", "places", "indicators"} <= set(data)
    assert all(isinstance(f["value"], int | float) for f in data["figures"])


def test_export_sqlite_opens_with_plain_sqlite(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import sqlite3

    path = tmp_path / "facts.db"
    assert run("export", "--format", "sqlite", "-o", str(path)).exit_code == 0
    db = sqlite3.connect(path)
    (value,) = db.execute("SELECT value FROM figures WHERE id = 'poor-households-2023'").fetchone()
    numbers = {n for (n,) in db.execute("SELECT number FROM documents")}
    quotes = db.execute("SELECT count(*) FROM citations").fetchone()[0]
    exported = run("export", "--format", "json").json()
    assert value == next(f["value"] for f in exported["figures"] if f["id"] == "poor-households-2023")
    assert numbers == {d["number"] for d in exported["documents"]}
    assert quotes == sum(
        len(r["citations"]) for k in ("figures", "programmes", "documents", "agencies", "places") for r in exported[k]
    )


def test_export_csv_folder(tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert run("export", "--format", "csv", "-o", str(tmp_path / "out")).exit_code == 0
    assert {p.name for p in (tmp_path / "out").iterdir()} >= {"figures.csv", "citations.csv", "documents.csv"}


def test_compare_rows_carry_numbers_and_change() -> None:
    rows = run("compare", "2022", "2024", "--format", "json").json()
    poor = next(r for r in rows if r["indicator"] == "poor_households")
    assert poor["before_period"] == "2022" and poor["after_period"] == "2024-12-31"
    assert poor["change"] == poor["after"] - poor["before"]
    assert poor["change_percent"] == pytest.approx(-100)
    assert all(r["unit"] for r in rows)


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (("2019", "2020"), 1),
        (("2022", "2022"), 2),
        (("twenty", "2024"), 2),
        (("2024-13", "2022"), 2),
    ],
)
def test_compare_bad_or_empty_periods(args: tuple[str, str], code: int) -> None:
    result = run("compare", *args)
    assert result.exit_code == code, result.output
    assert result.stdout == "" and result.stderr.strip()


def test_compare_years_reversed_and_topic() -> None:
    reversed_rows = run("compare", "2024", "2022", "--format", "json").json()
    assert reversed_rows[0]["change"] > 0
    assert run("compare", "2022", "2024", "--topic", "housing").exit_code == 1
    assert run("compare", "2022", "2024", "--topic", "nope").exit_code == 2


def test_trend_is_chronological() -> None:
    rows = run("trend", "poor households", "--format", "json").json()
    periods = [r["period"] for r in rows if r["status"] == "achieved"]
    assert periods == ["2022-01-01", "2022", "2023", "2024-12-31"]
    assert run("trend", "poor_households", "--format", "json").json() == rows


def _pty_run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    """Run pcli on a real pseudo-terminal and return what the terminal received."""
    full_env = {**os.environ, "COLUMNS": "100", "LINES": "40", "TERM": "xterm-256color", **(env or {})}
    return on_pty(list(args), full_env)


def test_terminal_shows_a_table_with_the_quote() -> None:
    code, screen = _pty_run("query", "poor households 2023")
    assert code == 0, screen
    assert "690 households" in screen and "đến năm 2023 giảm còn 690 hộ" in screen
    assert "─" in screen  # a drawn table, not TSV


def test_terminal_honours_no_color_and_width() -> None:
    code, screen = _pty_run("show", env={"NO_COLOR": "1", "COLUMNS": "40"})
    assert code == 0
    assert "\x1b[3" not in screen  # no colour codes
    plain = re.sub(r"\x1b\[[0-9;]*m", "", screen).replace("\r", "")
    # only a word no line can hold (an address) runs on, whole, for the terminal to wrap
    assert max(len(line) for line in plain.splitlines() if len(line.split()) > 1) <= 40
    code, coloured = _pty_run("query", "poor households 2023")
    assert "\x1b[" in coloured


def test_each_figure_column_is_declared_once() -> None:
    """Each shape of a figure (a query's row, its JSON record, the export's table, the publication's) is a choice
    of the columns records.CELLS defines once: the keys the schema declares for a figure, and the computed ones;
    every computed column serves some shape, and none restates a key of the schema."""
    from pcli.base.schema import KINDS
    from pcli.output import export, publish, records

    shapes = {"row": records.FIGURE_COLUMNS, "record": records.FIGURE_RECORD, "export": export.FIGURE_TABLE,
              "publication": publish.FIGURE_COLUMNS}  # fmt: skip
    declared = {f.name for f in KINDS["figures"].fields if f.type != "citations"}
    assert set(records.DECLARED) == declared and not declared & set(records.COMPUTED)
    for name, columns in shapes.items():
        assert set(columns) <= set(records.CELLS), (name, set(columns) - set(records.CELLS))
    used = set().union(*shapes.values())
    assert set(records.COMPUTED) <= used, set(records.COMPUTED) - used


def test_a_figure_row_holds_what_its_record_holds(tmp_path: Path) -> None:
    """Through the CLI: a query's TSV row and its JSON record say the same of each column they share."""
    rows = pcli("query", "poor households", "--format", "tsv").stdout.splitlines()
    records = run("query", "poor households", "--format", "json").json()
    header = rows[0].split("\t")
    assert len(rows) - 1 == len(records) > 1
    for line, record in zip(rows[1:], records, strict=True):
        row = dict(zip(header, line.split("\t"), strict=True))
        shared = [c for c in header if c in record and not isinstance(record[c], dict | list)]
        assert {c: row[c] for c in shared} == {c: str(record[c]) for c in shared}, record["id"]
        assert row["sources"] == ",".join(dict.fromkeys(c["source"] for c in record["citations"]))
