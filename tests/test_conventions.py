"""gh's conventions where they fit: ids without case, periods as a query writes them, shell completion of the
values an option takes, a batch that says why a line has no answer."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import run


@pytest.mark.parametrize("ident", ["Poor-Households-2023", "POOR-HOUSEHOLDS-2023", "VBSP", "Vtc", "POOR_HOUSEHOLDS"])
def test_ids_are_compared_without_case(ident: str) -> None:
    exact = run("get", ident.lower(), "--format", "json")
    result = run("get", ident, "--format", "json")
    assert result.exit_code == 0, result.output
    assert result.json() == exact.json()


def test_cite_takes_an_id_in_any_case() -> None:
    result = run("cite", "Poor-Households-2023")
    assert result.exit_code == 0, result.output
    assert result.stdout == run("cite", "poor-households-2023").stdout


@pytest.mark.parametrize("before", ["end of 2024", "cuối năm 2024", "akhir 2024", "2024-12-31"])
def test_compare_takes_a_period_as_query_writes_it(before: str) -> None:
    result = run("compare", before, "2023", "--format", "json")
    assert result.exit_code == 0, result.output
    assert {r["before_period"] for r in result.json()} == {"2024-12-31"}


@pytest.mark.parametrize("before", ["soon", "2022 and 2023", "tomorrow"])
def test_compare_refuses_what_is_not_a_period(before: str) -> None:
    result = run("compare", before, "2023")
    assert result.exit_code == 2 and before in result.stderr and result.stdout == "", result.output


def test_a_batch_says_on_stderr_why_a_line_has_no_answer() -> None:
    result = run("query", "-", input="poor households 2023\nxyzzy plugh\n")
    assert result.exit_code == 0, result.output
    assert [row[0] for row in result.rows()[1:]] == ["poor households 2023", "xyzzy plugh"]
    assert "xyzzy" in result.stderr and "poor households 2023" not in result.stderr
    alone = run("query", "xyzzy plugh")
    assert alone.stderr.strip() in result.stderr


def _complete(words: str) -> list[str]:
    env = {**os.environ, "_PCLI_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": str(len(words.split()) - 1)}
    script = Path(sys.executable).with_name("pcli")  # the installed command: completion is keyed to its name
    return subprocess.run([str(script)], capture_output=True, text=True, env=env, check=False).stdout.split()


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("pcli cite poor-households-2023 --style b", {"bibtex"}),
        ("pcli query poor --kind d", {"document"}),
        ("pcli trend poor_h", {"poor_households"}),
    ],
)
def test_option_values_complete_in_the_shell(words: str, expected: set[str]) -> None:
    assert expected <= set(_complete(words))
