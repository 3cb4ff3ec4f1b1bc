"""pcli check: every number of a draft that is a figure, judged against the base through the real CLI, in three
languages; the drafts are invented here, their numbers are the bundled base's or deliberately wrong ones."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Result, run

from pcli.answer.rounding import agrees
from pcli.base.model import Figure
from pcli.base.periods import parse_period

EN = """Hanoi's last poor households

Hanoi still had 690 poor households in 2023, down from about 2,100 a year earlier. By the end of 2024, 9,928
near-poor households remained.

In 2023 Hanoi had 2,134 poor households. At the end of 2024 the city had 9,928 poor households.
Hanoi had 0 poor households at the end of 2025. The city has 8.5 million inhabitants.
Resolution 24/2021/QH15 set up the programme on 10/12/2021 for the 2021-2025 period.
"""

VI = """Năm 2023, Hà Nội còn 690 hộ nghèo, giảm so với 2.134 hộ năm 2022.

Đến cuối năm 2024, thành phố còn 9.928 hộ cận nghèo. Năm 2023, Hà Nội còn 2.134 hộ nghèo.
"""

ID = """Pada tahun 2023, Hanoi memiliki 690 rumah tangga miskin, turun dari 2.134 rumah tangga pada tahun 2022.

Pada tahun 2023, Hanoi memiliki 3.000 rumah tangga miskin.
"""


def _check(tmp_path: Path, text: str, *args: str) -> Result:
    path = tmp_path / "draft.md"
    path.write_text(text, encoding="utf-8")
    return run("check", str(path), "--format", "json", *args)


def _verdicts(result: Result) -> dict[tuple[int, str], dict[str, object]]:
    return {(v["line"], v["written"]): v for v in result.json()}


def test_an_english_draft_right_rounded_wrong_value_wrong_indicator_target_and_unknown(tmp_path: Path) -> None:
    result = _check(tmp_path, EN)
    assert result.exit_code == 1, result.output  # something is contradicted
    got = _verdicts(result)
    assert got[(3, "690")]["verdict"] == "supported" and got[(3, "690")]["figure"] == "poor-households-2023"
    assert got[(3, "690")]["quote"]  # the passage the figure comes from
    assert got[(3, "2,100")]["verdict"] == "supported"  # "about 2,100" a year earlier: 2,134 in 2022
    assert got[(3, "2,100")]["figure"] == "poor-households-2022"
    assert got[(3, "9,928")]["verdict"] == "supported"  # its sentence goes on across the line break
    wrong_year = got[(6, "2,134")]
    assert wrong_year["verdict"] == "contradicted" and wrong_year["expected"] == 690  # 2022's figure for 2023
    near_poor = got[(6, "9,928")]
    assert near_poor["verdict"] == "contradicted" and near_poor["expected"] == 0  # the near-poor count as the poor
    target = got[(7, "0")]
    assert target["verdict"] == "contradicted" and "target" in str(target["note"])  # a goal written as achieved
    assert got[(7, "8.5")]["verdict"] == "unknown" and got[(7, "8.5")]["figure"] is None
    assert not [key for key in got if key[0] == 8]  # a document number, a date and years get no verdict


def test_vietnamese_and_indonesian_drafts(tmp_path: Path) -> None:
    got = _verdicts(_check(tmp_path, VI))
    assert got[(1, "690")]["verdict"] == "supported" and got[(1, "2.134")]["verdict"] == "supported"
    assert got[(3, "9.928")]["verdict"] == "supported"
    assert got[(3, "2.134")]["verdict"] == "contradicted" and got[(3, "2.134")]["expected"] == 690
    result = _check(tmp_path, ID)
    got = _verdicts(result)
    assert got[(1, "690")]["verdict"] == "supported" and got[(1, "2.134")]["verdict"] == "supported"
    assert got[(3, "3.000")]["verdict"] == "contradicted" and got[(3, "3.000")]["expected"] == 690
    assert result.exit_code == 1


def test_a_draft_with_nothing_contradicted_exits_0_and_reads_standard_input() -> None:
    result = run("check", "-", "--format", "jsonl", input="Hanoi still had 690 poor households in 2023.\n")
    assert result.exit_code == 0, result.output
    assert '"verdict": "supported"' in result.stdout


def test_markdown_gives_the_draft_back_with_footnotes_and_marked_notes(tmp_path: Path) -> None:
    path = tmp_path / "draft.md"
    path.write_text("Hanoi had 690 poor households in 2023 and 2,134 in 2023 too.\n", encoding="utf-8")
    result = run("check", str(path), "--format", "markdown")
    assert result.exit_code == 1, result.output
    first, *rest = result.stdout.splitlines()
    assert first.startswith("Hanoi had 690[^1] poor households") and "**\\[⚠ contradicted" in first
    assert any(line.startswith("[^1]: VTC News") and "690" in line for line in rest)


def test_a_pipe_gets_one_row_a_number(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_text("Hanoi still had 690 poor households in 2023.\n", encoding="utf-8")
    rows = run("check", str(path)).rows()
    assert rows[0][:5] == ["line", "column", "written", "value", "verdict"] and rows[1][4] == "supported"


@pytest.mark.parametrize("content", [b"\x00\x01binary", b"\xff\xfe not utf-8"])
def test_bad_input_is_exit_2_with_one_line(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "draft.txt"
    path.write_bytes(content)
    result = run("check", str(path))
    assert result.exit_code == 2 and len(result.stderr.strip().splitlines()) == 1, result.output
    assert run("check", str(tmp_path / "missing.txt")).exit_code == 2


def _figure(value: float, qualifier: str = "") -> Figure:
    return Figure("f", "i", value, parse_period("2023"), (), qualifier=qualifier)


@pytest.mark.parametrize(
    ("value", "written", "qualifier", "figure", "ok"),
    [
        (2100, "2,100", "about", 2134, True),  # about 2,100 for 2,134
        (10000, "10,000", "nearly", 9928, True),  # nearly 10,000 for 9,928
        (10000, "10,000", "nearly", 10080, False),  # nearly is less than
        (0.4, "0.4", "", 0.43, True),  # the writer rounds to one decimal
        (0.4, "0.4", "", 0.46, False),
        (690, "690", "", 694, False),  # not written rounder than the figure
        (3600, "3,600", "more_than", 3600, True),
        (2100, "2,100", "", 2134, True),  # two trailing zeros: written rounded
        (2100, "2,100", "", 2180, False),
        (8.7e12, "8.700", "about", 8.718e12, True),
    ],
)
def test_rounding_writers_use(value: float, written: str, qualifier: str, figure: float, ok: bool) -> None:
    assert agrees(value, written, qualifier, _figure(figure, "more_than" if qualifier == "more_than" else "")) is ok


# Invented sentences, one for each way a number can be another measure's or another period's.
MEASURES_EN = """Our own review of the capital

At the end of 2024 the capital still counted 9,928 poor households, some 0.43% of all its households.
Near-poor households numbered 9,928 at the end of 2024.
Over the years 2022-2024, 714 houses were supported for poor families.
In 2024 the capital created jobs for 53,826 workers.
It had 2,134 poor households in 2022 and 690 in 2023, when the poverty rate fell to 0.095%.

Outstanding loans stood at VND 6,401 billion at the end of 2024.
Outstanding loans reached VND 16,567 billion at the end of 2024, up VND 6,401 billion on 2020.

Facts for a class
1. Poor households fell to 690 in 2023.
2. 100% of poor children had their health monitored.
"""
MEASURES_VI = """Cuối năm 2024, Thủ đô vẫn còn 9.928 hộ nghèo, chiếm 0,43%, nên cần cố gắng thêm.
Cuối năm 2024, Thủ đô còn 9.928 hộ cận nghèo, chiếm 0,43%.
"""
MEASURES_ID = """Pada tahun 2024, ibu kota menciptakan lapangan kerja bagi 53.826 pekerja.
Pinjaman preferensial membantu hampir 120.000 rumah tangga memperbaiki fasilitas air bersih dan sanitasi.
"""


def test_a_value_of_another_measure_or_of_a_part_of_the_period_is_contradicted(tmp_path: Path) -> None:
    got = _verdicts(_check(tmp_path, MEASURES_EN))
    near_as_poor = got[(3, "9,928")]  # the near-poor count written as the poor one: the base holds 0 poor
    assert near_as_poor["verdict"] == "contradicted" and near_as_poor["expected"] == 0
    share = got[(3, "0.43")]  # the near-poor share under the poor households' words: another measure's figure
    assert share["verdict"] == "contradicted" and share["figure"] == "near-poverty-rate-2024-end"
    assert got[(4, "9,928")]["verdict"] == "supported"  # said of the near-poor, it stands
    part = got[(5, "714")]  # 2024's houses written for the 2022-2024 whole the base holds
    assert part["verdict"] == "contradicted" and part["expected"] == 3520
    jobs = got[(6, "53,826")]  # the jobs given through entrusted capital written as all the jobs created
    assert jobs["verdict"] == "contradicted" and jobs["expected"] == 225800
    when = got[(7, "0.095")]  # the clause "when …" is 2023's, whose rate is 0.03 %: 0.095 % is 2022's
    assert when["verdict"] == "contradicted" and when["expected"] == 0.03
    assert got[(7, "2,134")]["verdict"] == "supported" and got[(7, "690")]["verdict"] == "supported"
    level = got[(9, "6,401")]  # the growth since 2020 written as the level: the base holds 16,567 billion
    assert level["verdict"] == "contradicted" and level["expected"] == 16567e9
    assert got[(10, "6,401")]["verdict"] == "supported" and got[(10, "6,401")]["figure"] == "outstanding-loans-growth-2020-2024"
    assert (14, "2") not in got and got[(14, "100")]["verdict"] == "supported"  # a list number before a number


def test_a_distinguishing_word_must_stand_before_the_word_it_modifies(tmp_path: Path) -> None:
    got = _verdicts(_check(tmp_path, MEASURES_VI))
    assert got[(1, "9.928")]["verdict"] == "contradicted"  # "hộ nghèo", though "cần" folds as "cận" does
    assert got[(1, "0,43")]["verdict"] == "contradicted"
    assert got[(2, "9.928")]["verdict"] == "supported" and got[(2, "0,43")]["verdict"] == "supported"
    got = _verdicts(_check(tmp_path, MEASURES_ID, "--source-lang", "id"))
    assert got[(1, "53.826")]["verdict"] == "contradicted" and got[(1, "53.826")]["expected"] == 225800
    assert got[(2, "120.000")]["verdict"] == "supported"  # "hampir" qualifies the number: not "hampir miskin"


# Invented sentences for how a clause goes on: across ";", a year said relative to another, a share after the count
# it is of, a short name of another measure, another place.
CLAUSES_EN = """In 2022 Hanoi had 2,134 poor households; in 2023 it had 690, or 0.03%.
Reviewers counted 2,134 poor households in 2022 and 690 a year later.
Reviewers counted 690 poor households in 2022 and 2,134 a year later.
Near-poor households at the end of 2024 numbered 9,000.
The Fund for the Poor helped build more than 1,800 homes from 2021 to 2024.
Neighbouring Hai Phong built 714 houses for the poor in 2024.
Outstanding loans reached 16,567 billion dong at the end of 2024, up 4,601 billion on 2020.
"""
CLAUSES_VI = """Năm 2022, Hà Nội có 2.134 hộ nghèo, chiếm 0,095%; năm sau chỉ còn 690 hộ, tương đương 0,3%.
"""
CLAUSES_ID = """Pada 2022 ada 2.134 rumah tangga miskin (0,095%); setahun kemudian jumlahnya tinggal 690 (0,03%).
"""


def test_a_clause_goes_on_across_a_semicolon_and_a_year_said_relative_to_another(tmp_path: Path) -> None:
    got = _verdicts(_check(tmp_path, CLAUSES_EN))
    assert got[(1, "690")]["figure"] == "poor-households-2023" and got[(1, "690")]["verdict"] == "supported"
    assert got[(1, "0.03")]["figure"] == "poverty-rate-2023" and got[(1, "0.03")]["verdict"] == "supported"
    assert got[(2, "690")]["verdict"] == "supported" and got[(2, "690")]["period"] == "2023"  # "a year later"
    later = got[(3, "2,134")]  # 2022's count written for the year after
    assert later["verdict"] == "contradicted" and later["expected"] == 690
    near = got[(4, "9,000")]  # the year between the measure's words and the number is part of its clause
    assert near["verdict"] == "contradicted" and near["expected"] == 9928
    homes = got[(5, "1,800")]  # "homes" is one word of another measure's; "Fund for the Poor" names the holder
    assert homes["verdict"] == "supported" and homes["figure"] == "fund-for-poor-houses-2021-2024"
    elsewhere = got[(6, "714")]  # the base covers Hanoi, not Hai Phong: its 714 houses say nothing of it
    assert elsewhere["verdict"] == "unknown" and elsewhere["figure"] is None and "place" in str(elsewhere["note"])
    growth = got[(7, "4,601")]  # an amount whose unit the writer did not repeat, and a change: the growth since 2020
    assert growth["verdict"] == "contradicted" and growth["figure"] == "outstanding-loans-growth-2020-2024"


def test_a_share_after_a_count_is_of_that_count_in_vietnamese_and_indonesian(tmp_path: Path) -> None:
    got = _verdicts(_check(tmp_path, CLAUSES_VI))
    assert got[(1, "0,095")]["figure"] == "poverty-rate-2022" and got[(1, "0,095")]["verdict"] == "supported"
    assert got[(1, "690")]["verdict"] == "supported" and got[(1, "690")]["figure"] == "poor-households-2023"
    wrong = got[(1, "0,3")]  # "năm sau": 2023, whose rate is 0.03 %
    assert wrong["verdict"] == "contradicted" and wrong["expected"] == 0.03
    got = _verdicts(_check(tmp_path, CLAUSES_ID))
    assert [got[(1, w)]["verdict"] for w in ("2.134", "0,095", "690", "0,03")] == ["supported"] * 4
    assert got[(1, "0,03")]["figure"] == "poverty-rate-2023"


# Invented sentences for the record a sentence names, the words of the next number's clause, a period carried from
# the sentence before, and numbers that are not figures.
RECORDS_EN = """The Fund for the Poor raised more than 153 billion dong and helped build or repair 714 homes.
Pupils under 16 get meals, and programmes for those under 16 go on.
Two lessons: (1) clear duties; (2) cheap credit for the poor.
"""
RECORDS_VI = """Năm 2024, Hà Nội tạo việc làm cho 53.826 lao động, trong đó vốn ủy thác giúp 225.800 người có việc làm mới.
"""
RECORDS_ID = """Pada 2024 saja, Hanoi membangun 714 rumah.
Dana untuk Kaum Miskin membantu membangun atau merenovasi sekitar 810 rumah.
Pada akhir 2024, Hanoi tidak lagi memiliki rumah tangga miskin.
Jumlah rumah tangga miskin turun dari 2.134 menjadi 690 hanya dalam setahun.
"""


def test_the_record_a_sentence_names_and_the_clause_of_the_next_number(tmp_path: Path) -> None:
    got = _verdicts(_check(tmp_path, RECORDS_EN))
    fund = got[(1, "714")]  # all the houses built in 2024, written as the Fund's (more than 1,800)
    assert fund["verdict"] == "contradicted" and fund["figure"] == "fund-for-poor-houses-2021-2024"
    assert not [w for line, w in got if line in (2, 3)]  # ages and list numbers inside a line are no figures
    got = _verdicts(_check(tmp_path, RECORDS_VI))
    swapped = got[(1, "53.826")]  # the entrusted capital's jobs written as all the city's: "trong đó" speaks of 225.800
    assert swapped["verdict"] == "contradicted" and swapped["expected"] == 225800
    assert got[(1, "225.800")]["verdict"] == "contradicted"
    got = _verdicts(_check(tmp_path, RECORDS_ID, "--source-lang", "id"))
    assert got[(1, "714")]["verdict"] == "supported"
    fund = got[(2, "810")]  # 2024 carried from the sentence before: the Fund's houses are of 2021-2024
    assert fund["verdict"] == "contradicted" and fund["expected"] == 1800
    own = got[(4, "690")]  # the end of 2024 carried from the sentence before does not overrule 690's own year
    assert own["verdict"] == "supported" and own["figure"] == "poor-households-2023"


SPANS = """Năm 2024, Hà Nội hoàn thành 714 căn nhà, nâng tổng số nhà được hỗ trợ trong ba năm lên 3.520 căn.
In 2024 the city finished 714 houses, bringing the total over three years to 3,250.
"""


def test_a_clause_of_several_years_is_of_the_span_that_ends_in_its_sentence_s_year(tmp_path: Path) -> None:
    got = _verdicts(_check(tmp_path, SPANS))
    assert got[(1, "714")]["verdict"] == "supported"
    whole = got[(1, "3.520")]  # "trong ba năm": 2022-2024, not 2024's 714
    assert whole["verdict"] == "supported" and whole["figure"] == "houses-for-poor-2022-2024"
    wrong = got[(2, "3,250")]
    assert wrong["verdict"] == "contradicted" and wrong["expected"] == 3520


MARKS = """Quỹ Vì người nghèo giai đoạn 2021-2024 góp phần xây mới, sửa chữa hơn 1.800 căn nhà.
"""
MARKS_ID = """Pada akhir 2024, Hanoi masih memiliki 0,43% rumah tangga miskin.
"""


def test_a_mark_is_one_only_before_a_word_it_modifies_and_rules_out_a_measure_the_words_do_not_score(tmp_path: Path) -> None:
    got = _verdicts(_check(tmp_path, MARKS))
    houses = got[(1, "1.800")]  # "căn nhà" folds as "cận nhà": no near-poor measure's name says it
    assert houses["verdict"] == "supported" and houses["figure"] == "fund-for-poor-houses-2021-2024"
    got = _verdicts(_check(tmp_path, MARKS_ID, "--source-lang", "id"))
    rate = got[(1, "0,43")]  # the near-poor share written as the poor one: no poor share of 2024 in the base
    assert rate["verdict"] == "contradicted" and rate["figure"] == "near-poverty-rate-2024-end"


LATER = """Kết quả rà soát cho thấy năm 2022 thành phố có khoảng 2.100 hộ nghèo.
Một năm sau, con số này giảm mạnh, chỉ còn 960 hộ.
"""


def test_a_year_later_with_no_year_in_its_sentence_is_the_year_after_the_count_before(tmp_path: Path) -> None:
    got = _verdicts(_check(tmp_path, LATER))
    assert got[(1, "2.100")]["verdict"] == "supported"
    later = got[(2, "960")]  # "Một năm sau": 2023, whose count is 690
    assert later["verdict"] == "contradicted" and later["expected"] == 690


RESTATED_ID = """Pada 2022 ada 2.134 rumah tangga miskin.
Setahun kemudian, jumlahnya turun menjadi sekitar 700 rumah tangga atau 0,03%.
"""


def test_a_share_that_restates_the_count_before_it_is_of_that_count_s_measure(tmp_path: Path) -> None:
    got = _verdicts(_check(tmp_path, RESTATED_ID, "--source-lang", "id"))
    assert got[(2, "700")]["verdict"] == "supported" and got[(2, "700")]["figure"] == "poor-households-2023"
    share = got[(2, "0,03")]  # "rumah tangga atau 0,03%": the poor households' share, though the words say no "miskin"
    assert share["verdict"] == "supported" and share["figure"] == "poverty-rate-2023"
