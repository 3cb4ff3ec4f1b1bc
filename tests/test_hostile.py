"""Hostile input: data that tries to drive the terminal, odd queries and environments, random mutations."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import MINIMAL, ROOT, make_big_base, pcli, run, write
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pcli.errors import PcliError

EVIL = (
    "\x1b[31mRED\x1b[0m \x1b[2J \x1b]8;;http://evil.example\x07link\x1b]8;;\x07 \x07 [bold red]markup[/bold red] "
    "[link=http://x]l[/link] \u202eevil\u202c zero\u200bwidth"
)


def _evil_base(tmp_path: Path) -> str:
    text = MINIMAL.replace('label = { en = "Poor households"', f"label = {{ en = {json.dumps('Poor households ' + EVIL)}")
    text = text.replace('quote = "690 poor households in 2023"', f"quote = {json.dumps('690 poor households ' + EVIL)}")
    return write(tmp_path, text)


@pytest.mark.parametrize("fmt", ["tsv", "csv", "json", "jsonl", "markdown"])
def test_machine_formats_write_no_escape_or_bell(tmp_path: Path, fmt: str) -> None:
    path = _evil_base(tmp_path)
    for args in (("show",), ("query", "poor households"), ("get", "poor-2023")):
        result = pcli(*args, "--facts", path, "--format", fmt)
        assert result.exit_code == 0, result.output
        assert "\x1b" not in result.stdout and "\x07" not in result.stdout and "\u202e" not in result.stdout
        if fmt in ("json", "jsonl"):
            record = json.loads(result.stdout.splitlines()[0] if fmt == "jsonl" else result.stdout)
            assert record  # escaped, still valid JSON


def test_terminal_shows_markup_literally_and_controls_visibly(tmp_path: Path) -> None:
    from test_output import _pty_run

    path = _evil_base(tmp_path)
    code, screen = _pty_run("query", "poor households", "--facts", path, env={"NO_COLOR": "1"})
    assert code == 0, screen
    assert "markup[/bold red]" in screen and "[link=http://x]l[/link]" in screen
    assert "\x1b[2J" not in screen and "\x1b]8;;" not in screen and "\x07" not in screen and "\u202e" not in screen
    assert "␛" in screen


@pytest.mark.parametrize(
    ("query", "codes"),
    [
        ("", {2}),
        ("   ", {2}),
        ("\x1b[2J\x07", {1}),
        ("x" * 100_000, {2}),
        ("2023 2023 2023", {0}),
        ("' OR 1=1; --", {1}),  # its numbers are read as values: no figure holds them, a miss
        ("0000", {2}),
        ("poor households 99999", {2}),
        ("\u0000", {1}),
    ],
)
def test_hostile_queries(query: str, codes: set[int]) -> None:
    result = run("query", query)
    assert result.exit_code in codes, result.output
    assert "Traceback" not in result.stderr and "\x1b" not in result.stderr and "\x07" not in result.stderr


def test_broken_pipe_is_silent() -> None:
    proc = subprocess.run(f"'{sys.executable}' -m pcli show | head -1", shell=True, capture_output=True, text=True, cwd=ROOT)
    assert proc.stdout.startswith("id\t") and proc.stderr == "", proc.stderr


def test_stdout_closed() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "pcli", "show"],
        stdout=subprocess.DEVNULL,
        capture_output=False,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    assert proc.returncode == 0
    closed = subprocess.run(f"'{sys.executable}' -m pcli show >&-", shell=True, capture_output=True, text=True, cwd=ROOT)
    assert "Traceback" not in closed.stderr


def test_ascii_locale_does_not_crash() -> None:
    result = pcli("query", "hộ nghèo 2023", env={"LC_ALL": "C", "PYTHONIOENCODING": "ascii"})
    assert result.exit_code == 0 and "Traceback" not in result.stderr
    assert "690" in result.stdout


def test_dumb_terminal_and_narrow_width() -> None:
    from test_output import _pty_run

    code, screen = _pty_run("compare", "2022", "2024", env={"TERM": "dumb", "COLUMNS": "40"})
    assert code == 0 and "2,134" in screen


# Interrupts the process as it opens the fact base, from an audit hook: the signal lands inside the load, always.
_INTERRUPT_ON_OPEN = """
import os, runpy, signal, sys
facts, fired = sys.argv[1], []
signal.signal(signal.SIGINT, signal.default_int_handler)  # as at a terminal, even when run in the background
def hook(event, args):
    if event == "open" and args and str(args[0]) == facts and not fired:
        fired.append(True)
        os.kill(os.getpid(), signal.SIGINT)
sys.addaudithook(hook)
sys.argv = ["pcli", "show", "--facts", facts]
runpy.run_module("pcli", run_name="__main__")
"""


def test_ctrl_c_during_a_load_exits_130(tmp_path: Path) -> None:
    big = make_big_base(tmp_path / "big.toml", 2000)
    proc = subprocess.run([sys.executable, "-c", _INTERRUPT_ON_OPEN, str(big)], capture_output=True, cwd=ROOT,
                          env={**__import__("os").environ, "PCLI_CACHE": "off"}, timeout=120)  # fmt: skip
    assert proc.returncode == 130, proc.stderr
    assert b"Traceback" not in proc.stderr


# ---------------------------------------------------------------------------- properties


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=200))
def test_any_query_ends_in_an_answer_or_a_clean_miss(query: str) -> None:
    # After "--" the text is the query whatever it holds ("-h" is help before it, as in every CLI).
    result = run("query", "--format", "json", "--", query)
    assert result.exit_code in (0, 1, 2), result.output
    if result.exit_code != 2:
        assert isinstance(json.loads(result.stdout), list)


def _mutations() -> st.SearchStrategy[str]:
    lines = MINIMAL.splitlines()
    return st.one_of(
        st.integers(0, len(lines) - 1).map(lambda i: "\n".join(lines[:i] + lines[i + 1 :])),  # drop a line
        st.tuples(st.integers(0, len(lines) - 1), st.text(max_size=30)).map(
            lambda p: "\n".join(lines[: p[0]] + [p[1]] + lines[p[0] + 1 :])
        ),  # replace a line
        st.tuples(st.integers(0, len(MINIMAL)), st.integers(0, 20)).map(
            lambda p: MINIMAL[: p[0]] + MINIMAL[p[0] + p[1] :]
        ),  # cut some characters
        st.tuples(st.integers(0, len(MINIMAL)), st.text(max_size=10)).map(
            lambda p: MINIMAL[: p[0]] + p[1] + MINIMAL[p[0] :]
        ),  # insert some characters
    )


@settings(max_examples=200, deadline=None)
@given(_mutations())
def test_any_mutation_of_a_base_loads_or_raises_our_error(text: str) -> None:
    from pcli.base.loader import build, parse_toml

    try:
        data = parse_toml(text, "mutated.toml")
        base, problems = build(data, text, "mutated.toml")
    except PcliError:
        return
    for p in problems:
        assert isinstance(p.line, int) and p.message


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(_mutations())
def test_any_mutation_through_the_cli(tmp_path_factory: pytest.TempPathFactory, text: str) -> None:
    path = write(tmp_path_factory.mktemp("m"), text)
    for args in (("validate",), ("query", "poor households"), ("show", "--format", "json")):
        result = run(*args, "--facts", path)
        assert result.exit_code in (0, 1, 2), result.output
