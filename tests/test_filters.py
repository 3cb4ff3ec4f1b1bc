"""--place, --topic and --status on show, list, trend, compare and export: each keeps exactly the figures that
pass, checked against the base's own records (export's JSON), and a bad value is bad usage."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from conftest import run


@pytest.fixture(scope="module")
def base() -> dict[str, Any]:
    return run("export", "--format", "json").json()  # type: ignore[no-any-return]


def _ids(base: dict[str, Any], topic: str | None = None, status: str | None = None) -> set[str]:
    topics = {i["id"]: i["topic"] for i in base["indicators"]}
    return {f["id"] for f in base["figures"]
            if (topic is None or topics[f["indicator"]] == topic) and (status is None or f["status"] == status)}  # fmt: skip


@pytest.mark.parametrize(
    ("options", "topic", "status"),
    [
        (("--status", "target"), None, "target"),
        (("--status", "Achieved"), None, "achieved"),
        (("--topic", "credit"), "credit", None),
        (("--topic", "poverty", "--status", "target"), "poverty", "target"),
        (("--place", "Hà Nội"), None, None),
        (("--place", "hanoi", "--topic", "employment"), "employment", None),
    ],
)
def test_show_and_export_keep_the_figures_that_pass(
    base: dict[str, Any], options: tuple[str, ...], topic: str | None, status: str | None
) -> None:
    expected = _ids(base, topic, status)
    assert expected
    shown = run("show", *options, "--format", "json")
    assert shown.exit_code == 0, shown.output
    assert {f["id"] for f in shown.json()} == expected
    exported = run("export", "--format", "csv", *options)
    assert {r["id"] for r in csv.DictReader(io.StringIO(exported.stdout))} == expected


def test_a_place_the_base_has_no_figure_of_keeps_none() -> None:
    result = run("show", "--place", "Jakarta", "--format", "json")
    assert result.exit_code == 0 and result.json() == []


def test_trend_keeps_only_the_status_asked(base: dict[str, Any]) -> None:
    achieved = run("trend", "poor_households", "--status", "achieved", "--format", "json").json()
    targets = run("trend", "poor_households", "--status", "target", "--format", "json").json()
    every = run("trend", "poor_households", "--format", "json").json()
    assert {r["status"] for r in achieved} == {"achieved"} and {r["status"] for r in targets} == {"target"}
    assert sorted(r["id"] for r in achieved + targets) == sorted(r["id"] for r in every)


def test_trend_says_when_nothing_passes() -> None:
    result = run("trend", "poor_households", "--topic", "credit")
    assert result.exit_code == 1 and result.stdout == "" and "--topic credit" in result.stderr, result.output


def test_compare_keeps_the_topic_asked(base: dict[str, Any]) -> None:
    topics = {i["id"]: i["topic"] for i in base["indicators"]}
    every = run("compare", "2022", "2023", "--format", "json").json()
    poverty = run("compare", "2022", "2023", "--topic", "poverty", "--format", "json").json()
    assert poverty and poverty == [r for r in every if topics[r["indicator"]] == "poverty"]


def test_list_counts_only_the_figures_that_pass(base: dict[str, Any]) -> None:
    targets = [f for f in base["figures"] if f["status"] == "target"]
    listed = run("list", "indicators", "--status", "target", "--format", "json").json()
    assert {r["id"]: r["figures"] for r in listed} == {
        i: sum(f["indicator"] == i for f in targets) for i in {f["indicator"] for f in targets}
    }
    topics = run("list", "topics", "--status", "target", "--format", "json").json()
    assert sum(t["indicators"] for t in topics) == len(listed)


@pytest.mark.parametrize(
    "args",
    [
        ("show", "--status", "done"),
        ("export", "--topic", "nope"),
        ("list", "--topic", "nope"),
        ("trend", "poor_households", "--status", "x"),
    ],
)
def test_a_bad_filter_is_bad_usage(args: tuple[str, ...]) -> None:
    result = run(*args)
    assert result.exit_code == 2 and result.stdout == "" and result.stderr.strip(), result.output
