"""Reliability (issue 25): no output lost in silence, no export that half-happens, no temporary file left behind,
no damaged cache trusted, and bounded cost whatever the input."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, pcli_into_closed_pipe


def _shell(command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, shell=True, capture_output=True, text=True, cwd=ROOT, executable="/bin/bash",
                          timeout=120)  # fmt: skip


# ----------------------------------------------------------------------------- 5. a closed stdout or stdin


@pytest.mark.parametrize("args", ["query 'poor households 2023'", "show", "query 'poor households 2023' -f json",
                                  "export --format jsonl", "cite poor-households-2023"])  # fmt: skip
def test_a_closed_stdout_is_an_error_said_on_stderr(args: str) -> None:
    result = _shell(f"'{sys.executable}' -m pcli {args} >&-")
    assert result.returncode == 2, result
    assert "cannot write the output" in result.stderr and "Traceback" not in result.stderr


def test_a_closed_stdout_does_not_matter_when_nothing_goes_to_it(tmp_path: Path) -> None:
    result = _shell(f"'{sys.executable}' -m pcli export --format json -o '{tmp_path}/all.json' >&-")
    assert result.returncode == 0 and result.stderr == "", result


def test_a_closed_stdin_is_said_not_a_traceback() -> None:
    result = _shell(f"'{sys.executable}' -m pcli query - <&-")
    assert result.returncode == 2 and "stdin is closed" in result.stderr and "Traceback" not in result.stderr, result


# ----------------------------------------------------------------------------- 6. a reader that stops early


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "tsv"])
def test_export_into_a_closed_pipe_is_141_as_show_is(fmt: str) -> None:
    result = pcli_into_closed_pipe("export", "--format", fmt)
    assert result.exit_code == 141 and result.stderr == "", result.output
    head = _shell(f"'{sys.executable}' -m pcli export --format {fmt} | head -c 100")
    assert len(head.stdout) == 100 and head.stderr == ""
