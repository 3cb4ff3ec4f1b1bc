"""The shared options, resolved once: given before the command they hold for it, its own win, and each command
takes only the formats it writes."""

from __future__ import annotations

import csv
import io

import pytest
from conftest import run


def test_a_format_before_the_command_holds_for_export() -> None:
    result = run("--format", "csv", "export")
    assert result.exit_code == 0, result.output
    header = next(csv.reader(io.StringIO(result.stdout)))
    assert header[0] == "id" and "value" in header


def test_the_commands_own_format_wins_over_the_roots() -> None:
    result = run("--format", "csv", "query", "poor households 2023", "--format", "json")
    assert result.exit_code == 0, result.output
    assert result.json()[0]["id"] == "poor-households-2023"


@pytest.mark.parametrize(
    ("args", "fmt"),
    [
        (("--format", "csv", "cite", "poor-households-2023"), "csv"),
        (("--format", "toml", "query", "poor households"), "toml"),
        (("--format", "sqlite", "show"), "sqlite"),
        (("--format", "markdown", "export"), "markdown"),
    ],
)
def test_a_format_the_command_does_not_write_is_refused(args: tuple[str, ...], fmt: str) -> None:
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert fmt in result.stderr and "Traceback" not in result.stderr


def test_query_offers_no_toml() -> None:
    result = run("query", "poor households", "--format", "toml")
    assert result.exit_code == 2, result.output
    assert "toml" in result.stderr
    assert "toml" not in run("query", "--help").stdout.split("--format", 1)[1].split("\n")[0]


def test_export_offers_sqlite_and_extract_offers_toml() -> None:
    assert "sqlite" in run("export", "--help").stdout
    assert "toml" in run("extract", "--help").stdout


@pytest.mark.parametrize("given", ["VI", "Vi", "vi"])
def test_a_language_in_capitals_is_the_language(given: str) -> None:
    result = run("query", "poor households 2023", "-l", given, "--format", "tsv")
    assert result.exit_code == 0, result.output
    assert "Hộ nghèo" in result.stdout
    before = run("-l", given, "query", "poor households 2023", "--format", "tsv")
    assert before.stdout == result.stdout


def test_a_language_before_the_command_holds_for_its_errors() -> None:
    result = run("--lang", "VI", "get", "no-such-id")
    assert result.exit_code == 1
    assert "Lỗi" in result.stderr or "không" in result.stderr.lower()
