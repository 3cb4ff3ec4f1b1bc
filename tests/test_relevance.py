"""The relevance suite (tests/relevance.txt): questions written from the two articles, each with the answer that
must come first, through the real CLI. `python tests/test_relevance.py` prints the score by kind."""

from __future__ import annotations

from pathlib import Path

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
        return result.exit_code == (1 if expected == "miss" else 2) and result.stderr.strip() != "", result
    if result.exit_code != 0:
        return False, result
    first = result.json()[0]
    if expected.startswith("change "):
        _, before, after = expected.split()
        return first["kind"] == "change" and (first["from"]["id"], first["to"]["id"]) == (before, after), result
    return first["id"] == expected, result


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


def test_batch_answers_stay_what_they_were() -> None:
    """The answers of `pcli query -` on a fixed set of questions, recorded before the speed work; any change
    to them must be a deliberate change of this file."""
    folder = Path(__file__).parent
    queries = (folder / "batch_queries.txt").read_text(encoding="utf-8")
    assert run("query", "-", input=queries).stdout == (folder / "batch_expected.tsv").read_text(encoding="utf-8")
