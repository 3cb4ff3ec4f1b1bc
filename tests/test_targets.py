"""A target never reads as achieved: every view and every format of every command that shows a target figure
says it is one, in the reader's language (the worst mistake after a wrong number is a goal copied as a
result)."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from conftest import MINIMAL, run, write

from pcli.messages import word

LANGS = ("en", "vi", "id")
QUERIES = {"en": "poor households 2023", "vi": "hộ nghèo 2023", "id": "rumah tangga miskin 2023"}


def _targets() -> set[str]:
    figures = run("export", "--format", "json").json()["figures"]
    return {f["id"] for f in figures if f["status"] == "target"}


def _marked(text: str, lang: str) -> bool:
    return f"({word('target', lang)})" in text


@pytest.fixture(scope="module")
def targets() -> set[str]:
    found = _targets()
    assert found, "the bundled base has a target to test with"
    return found


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("args", [("query", "{query}"), ("trend", "poor_households"), ("get", "poor_households")])
def test_markdown_marks_every_target_row(args: tuple[str, ...], lang: str, targets: set[str]) -> None:
    command = [a.format(query=QUERIES[lang]) for a in args]
    result = run(*command, "--format", "markdown", "--lang", lang)
    assert result.exit_code == 0, result.output
    rows = [line for line in result.stdout.splitlines() if line.startswith("|")][2:]
    shown = [r for r in rows if r.rstrip(" |").split("|")[-1].strip() in targets]
    assert shown, result.stdout
    assert all(_marked(r, lang) for r in shown), shown
    assert not any(_marked(r, lang) for r in rows if r not in shown), rows


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("args", [("query", "{query}"), ("trend", "poor_households"), ("show",)])
def test_tables_mark_as_many_targets_as_they_show(args: tuple[str, ...], lang: str, targets: set[str]) -> None:
    """In the card, the "Also" table of query, trend's bars and show's tables: one mark per target shown."""
    command = [a.format(query=QUERIES[lang]) for a in args]
    table = run(*command, "--format", "table", "--lang", lang, env={"COLUMNS": "150"}).stdout
    shown = {i for i in targets if re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", table)}
    assert shown or args[0] == "trend", table
    expected = len(shown) if args[0] != "trend" else sum(i.startswith("poor-households") for i in targets)
    assert table.count(f"({word('target', lang)})") == expected, table


@pytest.mark.parametrize("fmt", ["tsv", "csv"])
@pytest.mark.parametrize("args", [("query", "poor households 2023"), ("trend", "poor_households"), ("show",)])
def test_machine_rows_carry_a_status_column(args: tuple[str, ...], fmt: str, targets: set[str]) -> None:
    result = run(*args, "--format", fmt)
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout), delimiter="\t" if fmt == "tsv" else ","))
    assert rows and "status" in rows[0]
    assert {r["id"] for r in rows if r["status"] == "target"} == {r["id"] for r in rows} & targets


@pytest.mark.parametrize("lang", LANGS)
def test_json_says_target_in_its_status_and_displays_the_value_as_written(lang: str, targets: set[str]) -> None:
    records = run("trend", "poor_households", "--format", "json", "--lang", lang).json()
    for r in records:
        assert (r["status"] == "target") == (r["id"] in targets)
        assert not _marked(r["display"], lang), r  # the value as written: the status says target


def test_a_single_target_by_its_id_says_so_in_every_format(targets: set[str]) -> None:
    ident = sorted(targets)[0]
    assert _marked(run("get", ident, "--format", "table").stdout, "en")
    assert _marked(run("get", ident, "--format", "markdown").stdout, "en")
    assert run("get", ident, "--format", "json").json()[0]["status"] == "target"
    assert _marked(run("cite", ident).stdout, "en")


GOAL = """
[[figures]]
id = "poor-{year}-goal"
indicator = "poor_households"
value = {value}
period = "{year}"
status = "target"
citations = [{{ source = "s", quote = "aims for {value} poor households in {year}" }}]
"""
TWO_TARGETS = MINIMAL + GOAL.format(year=2024, value=300) + GOAL.format(year=2025, value=0)


@pytest.mark.parametrize("fmt", ["table", "markdown", "tsv", "json"])
def test_compare_of_targets_says_they_are_targets(tmp_path: Path, fmt: str) -> None:
    facts = write(tmp_path, TWO_TARGETS)
    result = run("compare", "2024", "2025", "--facts", facts, "--format", fmt)
    assert result.exit_code == 0, result.output
    if fmt == "tsv":
        assert [r["status"] for r in csv.DictReader(io.StringIO(result.stdout), delimiter="\t")] == ["target"]
    elif fmt == "json":
        assert [r["status"] for r in result.json()] == ["target"]
    else:
        assert result.stdout.count("(target)") == 2, result.stdout


def test_a_query_s_json_target_is_its_status_not_its_display(targets: set[str]) -> None:
    answers = run("query", "poor households target 2025", "--format", "json").json()
    goal = next(a for a in answers if a["id"] in targets)
    assert goal["status"] == "target" and goal["display"] == "basically 0 households", goal
