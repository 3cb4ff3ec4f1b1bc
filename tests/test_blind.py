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

# Each set: the right answers it holds at least, and the wrong numbers it gives at most (none: the goal, and where
# every set now is). First runs: README.
HELD = {
    "2026-12-04-a.toml": (138, 0),
    "2026-12-04-b.toml": (130, 0),
    "2026-12-04-c.toml": (135, 0),
    "2026-12-04-d.toml": (138, 0),
    "2026-12-04-e.toml": (178, 0),  # first run 157/181 with 3 wrong numbers (README)
    "2026-12-04-f.toml": (156, 0),  # first run 147/160 with 1 wrong number (README)
    "2026-12-04-g.toml": (157, 0),  # first run 145/162 with 1 wrong number (README)
    "2026-12-04-h.toml": (154, 0),  # first run 141/160 with 5 wrong numbers (README)
    "2026-12-04-i.toml": (156, 0),  # first run 147/160 with no wrong number (README)
    "2026-12-04-j.toml": (174, 0),  # first run 166/180 with 4 wrong numbers (README)
    "2026-12-04-k.toml": (165, 1),  # first run 163/180 with 4 wrong numbers (README); k057 is left
    "2026-12-04-l.toml": (169, 0),  # first run 169/180 with no wrong number (README): the session's measure
}


@pytest.mark.parametrize("name", sorted(HELD))
def test_a_blind_set_holds_its_score_with_no_wrong_number(name: str) -> None:
    tally, rows = score(Path(__file__).parent / "blind" / name)
    right, wrong_numbers = HELD[name]
    wrong = [(q["id"], q["q"]) for q, v, _ in rows if v == "wrong_number"]
    assert len(wrong) <= wrong_numbers, wrong
    assert tally["right"] >= right, f"{tally['right']}/{len(rows)}"


# The blind drafts of `pcli check`: verdicts that agree at least, contradicted numbers passed as supported at most.
# Set a fell from 154 when the search stopped matching a word the base lacks with all its near words: "Có 43 xã,
# phường …" is cut at the comma of "xã, phường", and the clause "Có xã" now speaks of all communes (check's clause);
# check's rules for a measure the sentence does not speak of brought every set to none passed as supported; set d
# fell from 162 when "rumah tangga" became one word (a household, not a house): "… kepada 485.575 rumah tangga"
# now speaks of households with one word of little weight, beside the clause's "miliar VND".
DRAFTS = {
    "drafts-2026-12-04-a": (163, 0),
    "drafts-2026-12-04-b": (166, 0),
    "drafts-2026-12-04-c": (161, 0),
    "drafts-2026-12-04-d": (168, 0),
    "drafts-2026-12-04-e": (183, 0),  # first run 167 (README)
    "drafts-2026-12-04-f": (194, 0),  # first run 180/200 with 2 contradicted passed as supported (README)
    "drafts-2026-12-04-g": (188, 0),  # first run 188/194, none passed as supported (README)
}


@pytest.mark.parametrize("name", sorted(DRAFTS))
def test_blind_drafts_hold_their_agreement_and_no_figure_is_missed(name: str) -> None:
    from check_score import score as check_score

    agree, passed = DRAFTS[name]
    tally, rows = check_score(Path(__file__).parent / "blind" / name)
    assert tally["passed_wrong"] <= passed, [(e["draft"], e["line"], e["written"]) for e, g, _ in rows if g != e["verdict"]]
    assert tally["agree"] >= agree, f"{tally['agree']}/{len(rows)}"
    assert tally["extra"] == 0  # no verdict on a number the key does not list
    not_figures = [(e["draft"], e["line"], e["written"]) for e, got, _ in rows if e["verdict"] == "none" and got != "none"]
    assert len(not_figures) <= NOT_FIGURES.get(name, 0), not_figures


# On their first runs, set c gave one age a verdict ("anak di bawah 16 tahun" as the key reads it) and set d
# one list number after a line that does not end its sentence.
NOT_FIGURES: dict[str, int] = {}  # c and d get none since: "7. 100% of …" is a list number, "berumur 16 tahun" an
# age. Set f's first run gave three a verdict: "those under 16" (an age) and the list numbers "(1)" and "(2)" inside
# a line; none since.
