"""The blind question sets hold their scores: each was written by a helper who read only the two articles (never
the base, the code or the tests), and is scored through the real CLI by tests/blind/score.py. A set's score may
rise; it may not fall, and no set may ever get a wrong number (a figure of another value, or an answer to a
question the articles cannot answer)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "blind"))
from score import score  # noqa: E402

# The set, the right answers it holds at least, and when it was written. The first run of each is in the README.
HELD = {"2026-12-04-a.toml": 117}


@pytest.mark.parametrize("name", sorted(HELD))
def test_a_blind_set_holds_its_score_with_no_wrong_number(name: str) -> None:
    tally, rows = score(Path(__file__).parent / "blind" / name)
    wrong = [(q["id"], q["q"]) for q, v, _ in rows if v == "wrong_number"]
    assert not wrong, wrong
    assert tally["right"] >= HELD[name], f"{tally['right']}/{len(rows)}"
