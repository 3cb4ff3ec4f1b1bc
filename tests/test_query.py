"""Queries through the CLI: answers in three languages, JSON and batches, ids, and what a miss writes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable

import pytest
from conftest import FACTS, pcli, run

# Which answer comes first for which question is pinned in one place: tests/relevance.txt (test_relevance.py).


def _first(query: str, *extra: str) -> dict:  # type: ignore[type-arg]
    result = run("query", query, "--format", "json", *extra)
    assert result.exit_code == 0, result.output
    return result.json()[0]  # type: ignore[no-any-return]


def test_a_miss_writes_nothing_on_stdout_and_says_why_on_stderr() -> None:
    result = run("query", "bananas and spaceships")
    assert result.exit_code == 1 and result.stdout == "" and result.stderr.strip(), result.output


def test_same_answer_in_three_languages() -> None:
    answers = {_first(q)["id"] for q in ("poor households 2023", "hộ nghèo 2023", "rumah tangga miskin 2023")}
    assert answers == {"poor-households-2023"}
    values = {_first(q)["value"] for q in ("near-poor households 2024", "hộ cận nghèo 2024", "rumah tangga hampir miskin 2024")}
    assert len(values) == 1


def test_value_matches_the_quote_it_cites() -> None:
    best = _first("poor households 2023")
    assert best["unit"] == "households" and best["period"] == "2023"
    assert all(f"{best['value']}" in c["quote"] for c in best["citations"])


def test_year_restricts_and_exact_year_ranks_first() -> None:
    result = run("query", "houses 2024", "--format", "json", "--limit", "20")
    periods = [m["period"] for m in result.json()]
    assert periods[0] == "2024"
    assert all(p in ("2024", "2024-12-31") or "-" in p and int(p[:4]) <= 2024 <= int(p[5:9]) for p in periods)


def test_json_fields_and_limit() -> None:
    result = run("query", "poor households", "--format", "json", "--limit", "2")
    data = result.json()
    assert len(data) == 2
    for key in ("id", "indicator", "label", "value", "unit", "period", "topic", "citations"):
        assert key in data[0]
    assert isinstance(data[0]["value"], int | float)


@pytest.mark.parametrize("query", ["12345", "poor households 1899", "poor households 20232", "poor households FY2023"])
def test_numbers_that_are_not_years_pcli_reads_are_refused(query: str) -> None:
    result = run("query", query)
    assert result.exit_code == 2 and "is not a year pcli reads" in result.stderr, result.output


def test_did_you_mean_on_a_miss() -> None:
    result = run("query", "povrety", "--format", "json")
    assert result.exit_code == 0 and result.json()[0]["indicator"] == "poverty_rate", result.output  # one typo
    miss = run("query", "housng xyz")
    assert miss.exit_code == 1 and "Did you mean" in miss.stderr, miss.output


def test_lang_changes_labels_and_number_style() -> None:
    vi = run("query", "entrusted capital", "--format", "json", "--lang", "vi").json()[0]
    assert vi["label"].startswith("Nguồn lực") and vi["display"] == "lên tới 8.718 tỷ đồng"
    en = run("query", "entrusted capital", "--format", "json", "--lang", "en").json()[0]
    assert en["display"] == "up to 8,718 billion VND"
    idn = run("query", "entrusted capital", "--format", "json", env={"PCLI_LANG": "id"}).json()[0]
    assert idn["display"] == "hingga 8.718 miliar VND"


def test_stdin_batch_one_line_per_query() -> None:
    queries = "poor households 2022\nhộ nghèo 2023\nxyzzy\nrumah tangga hampir miskin 2024\n"
    tsv = run("query", "-", input=queries)
    assert tsv.exit_code == 0, tsv.output
    rows = tsv.rows()
    assert rows[0][:2] == ["query", "id"] and len(rows) == 5
    assert [r[1] for r in rows[1:]] == ["poor-households-2022", "poor-households-2023", "", "near-poor-households-2024-end"]
    jsonl = run("query", "-", "--format", "jsonl", input=queries)
    lines = [json.loads(line) for line in jsonl.stdout.splitlines()]
    assert [bool(x["match"]) for x in lines] == [True, True, False, True]


def test_stdin_batch_from_a_pipe_is_the_same_as_line_by_line() -> None:
    """A real pipe is read in groups (os.read); the test runner's stdin one line at a time: same rows, and a
    line written on Windows (CRLF) is the same question without its carriage return."""
    queries = "poor households 2022\nhộ nghèo 2023\r\nxyzzy\n\nrumah tangga hampir miskin 2024"
    piped = pcli("query", "-", input=queries)
    assert piped.exit_code == 0 and piped.stdout == run("query", "-", input=queries).stdout, piped.output
    assert [row.split("\t")[:2] for row in piped.stdout.splitlines()[1:]] == [
        ["poor households 2022", "poor-households-2022"],
        ["hộ nghèo 2023", "poor-households-2023"],
        ["xyzzy", ""],
        ["rumah tangga hampir miskin 2024", "near-poor-households-2024-end"],
    ]


def test_a_script_that_waits_for_each_answer_gets_it() -> None:
    """Each answer is flushed before pcli waits for the next line: a co-process never deadlocks."""
    command = [sys.executable, "-m", "pcli", "query", "-"]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}  # pcli's own flushing, not Python's
    with subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, encoding="utf-8",
                          env=env) as proc:  # fmt: skip
        assert proc.stdin is not None and proc.stdout is not None
        try:
            assert _within(proc, proc.stdout.readline).startswith("query\tid")
            for question, ident in (("poor households 2023", "poor-households-2023"), ("hộ nghèo 2022", "poor-households-2022")):
                proc.stdin.write(question + "\n")
                proc.stdin.flush()
                assert _within(proc, proc.stdout.readline).split("\t")[:2] == [question, ident]
            proc.stdin.close()
            assert proc.wait(timeout=30) == 0
        finally:
            proc.kill()


def _within(proc: subprocess.Popen[str], read: Callable[[], str], seconds: float = 30) -> str:
    """What read() returns, or a failure (not a hang) when it does not return in time."""
    import threading

    out: list[str] = []
    thread = threading.Thread(target=lambda: out.append(read()), daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        proc.kill()
        pytest.fail(f"no answer within {seconds} s: pcli waited for input with an answer not yet flushed")
    return out[0]


def test_get_by_id() -> None:
    fig = run("get", "poor-households-2023", "--format", "json").json()[0]
    assert fig["value"] == 690
    doc = run("get", "decision-1362-qd-ubnd", "--format", "json").json()[0]
    assert doc["number"] == "1362/QĐ-UBND"
    miss = run("get", "poor-households-2033")
    assert miss.exit_code == 1 and "poor-households-2023" in miss.stderr


def test_bundled_facts_file_is_the_default() -> None:
    assert (
        run("query", "poor households 2023", "--facts", str(FACTS), "-F", "json").json()
        == run("query", "poor households 2023", "-F", "json").json()
    )


def test_stdin_batch_as_a_json_array() -> None:
    result = run("query", "-", "--format", "json", input="poor households 2023\nxyzzy\n")
    assert [a["match"]["id"] if a["match"] else None for a in result.json()] == ["poor-households-2023", None]
    assert run("query", "-", "--format", "json", input="").json() == []


def test_a_document_answer_says_its_own_kind() -> None:
    """A resolution is shown as a resolution, not as "document"; `kind` stays the answer's kind for scripts."""
    answer = run("query", "resolution 24/2021", "--format", "json").json()[0]
    assert answer["kind"] == "document" and answer["type"] == "resolution", answer
    screen = run("query", "resolution 24/2021", "--format", "table", "--lang", "vi").stdout
    assert "nghị quyết" in screen and "văn bản" not in screen, screen
