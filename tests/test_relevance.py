"""The relevance suite (tests/relevance.txt): questions written from the two articles, each with the answer that
must come first, through the real CLI. `python tests/test_relevance.py` prints the score by kind."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import Result, run

SUITE = Path(__file__).with_name("relevance.txt")


def _questions() -> list[tuple[str, str, str]]:
    """(kind, question, expected) for every question of the suite."""
    out, kind = [], ""
    for line in SUITE.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            kind = line[3:].strip()
        elif line.strip() and not line.startswith("#"):
            question, expected = (cell.strip() for cell in line.rsplit("|", 1))
            out.append((kind, question, expected))
    return out


QUESTIONS = _questions()


def verdict(question: str, expected: str) -> tuple[bool, Result]:
    """Whether pcli's first answer is the one expected, and what it said."""
    result = run("query", question, "--format", "json")
    if expected in ("miss", "refused"):
        said = result.stderr.strip() != "" and result.stdout == ("[]\n" if expected == "miss" else "")
        return result.exit_code == (1 if expected == "miss" else 2) and said, result
    return result.exit_code == 0 and agrees(result.json()[0], expected), result


def agrees(first: dict[str, Any] | None, expected: str) -> bool:
    """Whether an answer (a record, or None for no answer) is the one expected."""
    if first is None or expected in ("miss", "refused"):
        return first is None and expected in ("miss", "refused")
    if expected.startswith("change "):
        _, before, after = expected.split()
        return first["kind"] == "change" and (first["from"]["id"], first["to"]["id"]) == (before, after)
    return bool(first["id"] == expected)


def test_the_suite_is_large_and_covers_every_kind() -> None:
    kinds = {kind for kind, _, _ in QUESTIONS}
    assert len(QUESTIONS) >= 150
    assert {"figure", "figure, Vietnamese", "figure, Indonesian", "change", "document", "programme", "agency",
            "place and source", "miss", "refused"} <= kinds  # fmt: skip


@pytest.mark.parametrize(("kind", "question", "expected"), QUESTIONS, ids=[q for _, q, _ in QUESTIONS])
def test_first_answer(kind: str, question: str, expected: str) -> None:
    ok, result = verdict(question, expected)
    assert ok, f"{kind}: {question!r} should answer {expected}\n{result.output[:1500]}"


def test_change_answers_hold_both_figures_as_numbers() -> None:
    first = run("query", "hộ nghèo giảm bao nhiêu từ 2022 đến 2024", "--format", "json").json()[0]
    assert (first["from"]["value"], first["to"]["value"], first["change"]) == (2134, 0, -2134)
    assert first["change_percent"] == -100.0 and first["from"]["citations"] and first["to"]["citations"]
    rate = run("query", "poverty rate change 2022 2023", "--format", "json").json()[0]
    assert rate["change_unit"] == "pp" and rate["change_percent"] is None and abs(rate["change"] + 0.065) < 1e-9


def test_answers_carry_their_kind_and_kinds_filter() -> None:
    rows = run("query", "fund for the poor", "--format", "tsv").rows()
    kinds = rows[0].index("kind")
    assert [r[kinds] for r in rows[1:]] == ["figure", "programme"]
    only = run("query", "fund for the poor", "--kind", "programme", "--format", "json").json()
    assert [a["id"] for a in only] == ["fund-for-the-poor"]


def test_after_the_answer_only_the_same_indicator() -> None:
    answers = run("query", "poor households 2023", "--format", "json").json()
    assert answers[0]["id"] == "poor-households-2023"
    assert {a["indicator"] for a in answers} == {"poor_households"}


def test_misses_say_why_in_the_readers_language() -> None:
    periods = run("query", "poverty rate 2024")
    assert "known for: 2022, 2023." in periods.stderr, periods.output
    city = run("query", "poverty rate in Da Nang 2023", "--lang", "vi")
    assert "Hà Nội" in city.stderr and "Da Nang" in city.stderr and city.stderr.startswith("Cơ sở"), city.output  # its name in vi
    unknown = run("query", "how many households escaped poverty in 2023")
    assert "'escaped'" in unknown.stderr, unknown.output
    near = run("query", "povrety rat xyz")
    assert "Did you mean: " in near.stderr and "poverty rate" in near.stderr.lower(), near.output


def test_a_miss_before_a_period_says_before_it() -> None:
    """ "before 2020" has no figure before 2020: the miss says so, not that 2020 itself has none."""
    en = run("query", "poverty rate before 2020")
    assert en.exit_code == 1 and "before 2020." in en.stderr and "in 2020" not in en.stderr, en.output
    vi = run("query", "tỷ lệ hộ nghèo trước năm 2020", "--lang", "vi")
    assert vi.exit_code == 1 and "trước năm 2020." in vi.stderr, vi.output


def score() -> dict[str, tuple[int, int]]:
    """(passed, asked) by kind."""
    out: dict[str, tuple[int, int]] = {}
    for kind, question, expected in QUESTIONS:
        passed, asked = out.get(kind, (0, 0))
        out[kind] = (passed + verdict(question, expected)[0], asked + 1)
    return out


if __name__ == "__main__":
    for kind, (passed, asked) in score().items():
        print(f"{kind:20} {passed:3}/{asked}")
    total = [sum(x) for x in zip(*score().values(), strict=True)]
    print(f"{'all':20} {total[0]:3}/{total[1]}")


def test_a_batch_answers_each_question_as_the_suite_expects() -> None:
    """`pcli query -` on every question of the suite, in one process: each line's answer is the one expected, in
    JSON Lines and in TSV alike (a refused or missed line has no answer and does not end the batch)."""
    asked = "".join(f"{question}\n" for _, question, _ in QUESTIONS)
    lines = [json.loads(line) for line in run("query", "-", "--format", "jsonl", input=asked).stdout.splitlines()]
    assert [line["query"] for line in lines] == [question for _, question, _ in QUESTIONS]
    wrong = [q for (_, q, expected), line in zip(QUESTIONS, lines, strict=True) if not agrees(line["match"], expected)]
    assert not wrong, wrong
    rows = run("query", "-", input=asked).rows()
    ids = [line["match"]["id"] if line["match"] else None for line in lines]
    assert rows[0][:2] == ["query", "id"] and [(r + [""])[1] or None for r in rows[1:]] == ids
