"""Which record answers: a part or its whole (`part_of`), whose note names the whole, is the whole unless the
question says a word that tells the part from it; "who" asks for an agency, not the programme it acts on."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import pcli, write

BASE = """
schema = 1
place = "Testville"

[[sources]]
id = "s"
outlet = "Test Daily"
language = "en"

[[topics]]
id = "work"
label.en = "Work"
label.vi = "Việc làm"
label.id = "Pekerjaan"

[[units]]
id = "workers"
kind = "count"
label.en = "workers"
label.vi = "lao động"
label.id = "pekerja"

[[indicators]]
id = "workers_hired"
topic = "work"
unit = "workers"
label.en = "Workers hired by the council"
label.vi = "Lao động được tuyển"
label.id = "Pekerja yang direkrut"

[[indicators]]
id = "workers_hired_by_loans"
topic = "work"
unit = "workers"
label.en = "Workers hired thanks to cooperative loans"
label.vi = "Lao động được tuyển nhờ vốn hợp tác xã"
label.id = "Pekerja yang direkrut berkat pinjaman koperasi"

[[indicators]]
id = "workers_abroad"
topic = "work"
unit = "workers"
label.en = "Workers employed abroad"
label.vi = "Lao động làm việc ở nước ngoài"
label.id = "Pekerja yang bekerja di luar negeri"

[[figures]]
id = "abroad-2023"
indicator = "workers_abroad"
value = 40
period = "2023"
citations = [{ source = "s", quote = "40 workers employed abroad" }]

[[figures]]
id = "hired-2023"
indicator = "workers_hired"
value = 900
period = "2023"
citations = [{ source = "s", quote = "the town hired 900 workers in 2023" }]

[[figures]]
id = "hired-by-loans-2023"
indicator = "workers_hired_by_loans"
value = 120
period = "2023"
part_of = "hired-2023"
note.en = "Of the workers the town hired and employed in 2023."
note.vi = "Trong số lao động được tuyển và làm việc năm 2023."
note.id = "Dari pekerja yang direkrut dan dipekerjakan pada 2023."

[[figures.citations]]
source = "s"
quote = "of them, cooperative loans hired 120 workers"
context = "the town hired 900 workers at its job fairs"
"""


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
