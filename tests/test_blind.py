"""The blind question sets hold their scores: each was written by a helper who read only the two articles (never
the base, the code or the tests), and is scored through the real CLI by tests/blind/question_score.py. A set's score may
rise; it may not fall, and no set may ever get a wrong number (a figure of another value, or an answer to a
question the articles cannot answer)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "blind"))
from question_score import score  # noqa: E402

# Each set: the right answers it holds at least, and the wrong numbers it gives at most (none is the goal; set b's
# one is an unknown commune answered with a city-wide figure, left for the next change). First runs: README.
HELD = {"2026-12-04-a.toml": (117, 0), "2026-12-04-b.toml": (100, 1)}


@pytest.mark.parametrize("name", sorted(HELD))
def test_a_blind_set_holds_its_score_with_no_wrong_number(name: str) -> None:
    tally, rows = score(Path(__file__).parent / "blind" / name)
    right, wrong_numbers = HELD[name]
    wrong = [(q["id"], q["q"]) for q, v, _ in rows if v == "wrong_number"]
    assert len(wrong) <= wrong_numbers, wrong
    assert tally["right"] >= right, f"{tally['right']}/{len(rows)}"
