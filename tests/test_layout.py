"""Tables for people, under a real pseudo-terminal of 60, 80 and 150 columns (the window size set on the
terminal, as a terminal emulator sets it): no line wider than the terminal, no word, number, date, Vietnamese
syllable or id broken or cut, no Python list, long output paged."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import on_pty

from pcli.output.terminal_tables import widths

COMMANDS = [
    ("query", "poor households 2023"),
    ("query", "hộ nghèo 2023", "-l", "vi"),
    ("query", "rumah tangga miskin 2023", "-l", "id"),
    ("get", "poor-households-2023", "-l", "vi"),
    ("get", "vtc"),
    ("get", "poor_households"),
    ("show",),
    ("show", "documents", "-l", "vi"),
    ("list", "indicators"),
    ("list", "places", "-l", "id"),
    ("trend", "poor_households"),
    ("compare", "2022", "2023", "-l", "vi"),
]


def on_terminal(columns: int, *args: str, env: dict[str, str] | None = None, stderr: bool = False) -> tuple[int, str]:
    """Run pcli on a pseudo-terminal of that many columns; what the terminal received, without colour (and
    without stderr unless asked: a spinner shows there when the machine is slow)."""
    full_env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    full_env.update({"TERM": "xterm-256color", "NO_COLOR": "1", **(env or {})})
    code, screen = on_pty(list(args), full_env, columns, stderr)
    return code, re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", screen).replace("\r", "")


def _words(screen: str) -> set[str]:
    """The words on a screen; a trend's bars are drawn to fit, not words."""
    return {w.rstrip(":") for w in re.split(r"[\s─│╭╮╰╯]+", screen) if w.rstrip(":") and not set(w) <= set("█·")}


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
@pytest.mark.parametrize("columns", [60, 80, 150])
def test_tables_fit_the_terminal_and_break_no_word(columns: int, args: tuple[str, ...]) -> None:
    from rich.cells import cell_len

    code, screen = on_terminal(columns, *args)
    assert code == 0, screen
    # only a word no line can hold (an address) may run on, whole, for the terminal to wrap
    too_wide = [line for line in screen.splitlines() if cell_len(line) > columns and len(line.split()) > 1]
    assert not too_wide, screen
    _, wide = on_terminal(1000, *args)  # nothing needs to wrap at 1000 columns: every word as it is
    broken = _words(screen) - _words(wide)
    assert not broken, f"words broken or cut at {columns} columns: {sorted(broken)}\n{screen}"
    assert "['" not in screen and "…" not in screen, screen


def test_a_narrow_terminal_lists_each_row_as_a_block() -> None:
    code, screen = on_terminal(60, "list", "indicators")
    assert code == 0, screen
    assert re.search(r"^  \S+:\s+\S", screen, re.M), screen  # "  label: Poor households"


def test_other_names_read_as_names_not_a_python_list() -> None:
    code, screen = on_terminal(150, "show", "places")
    assert code == 0, screen
    assert "['" not in screen and "']" not in screen


def test_long_output_is_paged(tmp_path: Path) -> None:
    pager = tmp_path / "pager"
    seen = tmp_path / "seen"
    pager.write_text(f"#!/bin/sh\ncat > {seen}\n", encoding="utf-8")
    pager.chmod(0o755)
    code, screen = on_terminal(80, "list", "indicators", env={"PAGER": str(pager)})
    assert code == 0, screen
    assert "poor_households" in seen.read_text(encoding="utf-8") and "poor_households" not in screen


@pytest.mark.parametrize("pager", ["nonexistent-pager-xyz", "nonexistent-pager-xyz -R"])
def test_a_pager_that_is_not_installed_falls_back_to_printing(pager: str) -> None:
    code, screen = on_terminal(80, "list", "indicators", env={"PAGER": pager}, stderr=True)
    assert code == 0, screen
    assert "poor_households" in screen and "not found" not in screen


@pytest.mark.parametrize(
    ("bounds", "room", "expected"),
    [
        ([(2, 5), (3, 3)], 20, [5, 3]),  # all fit at their widest
        ([(4, 10), (4, 4), (4, 30)], 12, [4, 4, 4]),  # only the narrowest fit
        ([(4, 10), (4, 30)], 7, None),  # not even those
    ],
)
def test_widths_never_go_below_a_columns_longest_word(
    bounds: list[tuple[int, int]], room: int, expected: list[int] | None
) -> None:
    assert widths(bounds, room) == expected


def test_widths_serve_short_columns_whole_before_long_ones() -> None:
    got = widths([(4, 11), (10, 40)], 30)
    assert got is not None and got[0] == 11 and sum(got) == 30


def test_show_on_a_terminal_streams_every_figure_into_the_pager(tmp_path: Path) -> None:
    """The streamed show holds what the whole base holds: every figure's id, each part with its whole."""
    import json

    seen = tmp_path / "seen"
    pager = tmp_path / "pager"
    pager.write_text(f"#!/bin/sh\ncat > {seen}\n", encoding="utf-8")
    pager.chmod(0o755)
    code, screen = on_terminal(200, "show", env={"PAGER": str(pager)})
    assert code == 0, screen
    paged = seen.read_text(encoding="utf-8")
    figures = json.loads(subprocess.run([sys.executable, "-m", "pcli", "show", "--format", "json"], capture_output=True,
                                        text=True, check=True).stdout)  # fmt: skip
    assert all(f["id"] in paged for f in figures)
    parts = [f for f in figures if f["part_of"]]
    assert parts and paged.count("of which") >= len(parts)
