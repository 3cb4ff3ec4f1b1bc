"""Which record answers: a part or its whole (`part_of`), whose note names the whole, is the whole unless the
question says a word that tells the part from it; "who" asks for an agency, not the programme it acts on."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import MINIMAL, figure_toml, indicator_toml, pcli, unit_toml, write

WORKERS = unit_toml("workers", "count", "workers", "lao động", "pekerja")


def _indicator(ident: str, en: str, vi: str, id_: str) -> str:
    return indicator_toml(ident, "workers", en, vi, id_)


NOTE = (
    'part_of = "hired-2023"\n'
    'note = { en = "Of the workers the town hired and employed in 2023.", '
    'vi = "Trong số lao động được tuyển và làm việc năm 2023.", id = "Dari pekerja yang direkrut dan dipekerjakan pada 2023." }\n'
)
BASE = (
    MINIMAL
    + WORKERS
    + _indicator("workers_hired", "Workers hired by the council", "Lao động được tuyển", "Pekerja yang direkrut")
    + _indicator(
        "workers_hired_by_loans",
        "Workers hired thanks to cooperative loans",
        "Lao động được tuyển nhờ vốn hợp tác xã",
        "Pekerja yang direkrut berkat pinjaman koperasi",
    )  # fmt: skip
    + _indicator(
        "workers_abroad", "Workers employed abroad", "Lao động làm việc ở nước ngoài", "Pekerja yang bekerja di luar negeri"
    )
    + figure_toml("abroad-2023", "workers_abroad", 40, "40 workers employed abroad")
    + figure_toml("hired-2023", "workers_hired", 900, "the town hired 900 workers in 2023")
    + figure_toml("hired-by-loans-2023", "workers_hired_by_loans", 120, "of them, cooperative loans hired 120 workers", more=NOTE)
)


@pytest.mark.parametrize(
    ("question", "value"),
    [
        ("how many workers were hired and employed in 2023", 900),  # the part's note says "employed": still the whole
        ("how many workers were hired thanks to cooperative loans in 2023", 120),
        ("how many workers did loans hire in 2023", 120),  # one word of the part's name the whole's lacks
    ],
)
def test_the_whole_answers_unless_the_question_tells_the_part(tmp_path: Path, question: str, value: int) -> None:
    facts = write(tmp_path, BASE)
    result = pcli("query", question, "--facts", facts, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert result.json()[0]["value"] == value, result.stdout


def test_who_asks_for_the_agency_not_what_it_acts_on() -> None:
    from pcli.answer.asked import actor_first
    from pcli.answer.index import Fit

    fits = [Fit("programme:p", 0.6, 0.4), Fit("agency:a", 0.35, 0.35), Fit("document:d", 0.2, 0.2)]
    assert [f.key for f in actor_first(fits)] == ["agency:a", "programme:p", "document:d"]
    weak = [Fit("programme:p", 0.6, 0.4), Fit("agency:a", 0.1, 0.1)]  # an agency that fits too little to answer
    assert [f.key for f in actor_first(weak)] == ["programme:p", "agency:a"]
