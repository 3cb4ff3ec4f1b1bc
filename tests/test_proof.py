"""Proof: every attribute of every figure is stated by its source, or the base does not claim it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import FACTS, SOURCES, cases, run

from pcli.articles.phrases import periods_in, qualifier_before, states_any

pytestmark = pytest.mark.skipif(not SOURCES.is_dir(), reason="../shared/sources is not beside the checkout")


def _block(text: str, ident: str) -> tuple[int, int]:
    start = text.index(f'id = "{ident}"\n')
    end = text.find("[[", start)
    return start, end


def _mutate(ident: str, old: str, new: str) -> str:
    """The bundled base with one change inside one figure's block."""
    text = FACTS.read_text(encoding="utf-8")
    start, end = _block(text, ident)
    block = text[start:end]
    assert old in block, f"{old!r} not in {ident}"
    return text[:start] + block.replace(old, new, 1) + text[end:]


def _validate(tmp_path: Path, text: str) -> tuple[int, list[str]]:
    path = tmp_path / "facts.toml"
    path.write_text(text, encoding="utf-8")
    result = run("validate", "--facts", str(path), "--sources", str(SOURCES))
    return result.exit_code, result.stderr.splitlines()


def test_the_bundled_base_proves_every_attribute() -> None:
    result = run("validate", "--sources", str(SOURCES))
    assert result.exit_code == 0, result.output
    assert "quotes proven" in result.stderr


# (figure, old text, new text, what the error must say): one mutation per attribute.
VTC_2023 = '{ source = "vtc", quote = "đến năm 2023'
JULY_2025 = 'context = "mô hình chính quyền địa phương 2 cấp (tháng 7-2025)"'
CLAIMS_2018 = "period: the base claims 2018; the quote in 'vtc' states 2022"
TARGET = 'period = "2024-12-31"\nstatus = "target"'
NOT_UP_TO = "qualifier: the base claims 'up to'; the quote in 'hanoimoi' says none"
# fmt: off
MUTATIONS = [
    ("poor-households-2023", "value = 690\n", "value = 609\n", "value: the base claims 609"),
    ("poor-households-2022", 'period = "2022"', 'period = "2018"', CLAIMS_2018),
    ("poor-households-2024-end", 'period = "2024-12-31"', 'period = "2024"', "period: the base claims 2024"),
    ("workers-abroad-2024", 'period = "2024"', 'period = "2023"', "period: the base claims 2023"),
    ("urban-unemployment-rate-2024", 'period = "2024"', 'period = "2024"\nqualifier = "more_than"',
     "qualifier: the base claims 'more than'; the quote in 'vtc' says none"),
    ("workers-given-jobs-2024", 'qualifier = "more_than"', 'qualifier = "nearly"',
     "qualifier: the base claims 'nearly'; the quote in 'vtc' says 'more than'"),
    ("workers-given-jobs-2024", 'qualifier = "more_than"\n', "", "qualifier: the base claims none"),
    ("poor-households-2024-end", 'period = "2024-12-31"', TARGET, "status: the base claims a target"),
    ("near-poor-households-reduced-2025-09", "as_of = true", "as_of = true\nperiod_typo = 1", "unknown key"),
    ("communes-without-poor-share-2025-07", JULY_2025, 'context = "Quốc hội ban hành Nghị quyết số 24/2021"', "does not date"),
    ("poor-households-2023", VTC_2023, VTC_2023.replace("vtc", "hanoimoi"), "quote not found verbatim in source 'hanoimoi'"),
    ("entrusted-capital", ', qualifier = "none" }', " }", NOT_UP_TO),
]
# fmt: on


@pytest.mark.parametrize(("figure", "old", "new", "message"), MUTATIONS)
def test_each_attribute_mutation_is_rejected_naming_its_figure(
    tmp_path: Path, figure: str, old: str, new: str, message: str
) -> None:
    code, lines = _validate(tmp_path, _mutate(figure, old, new))
    assert code == 2, lines
    hits = [line for line in lines if message in line]
    assert hits, lines
    # file:line: figure-id: what the quote says vs what the base claims
    assert all(re.match(r".+facts\.toml:\d+: ", line) for line in hits), hits
    assert any(figure in line for line in hits) or message == "unknown key", hits


def test_a_unit_of_another_kind_is_rejected(tmp_path: Path) -> None:
    text = FACTS.read_text(encoding="utf-8").replace(
        'id = "entrusted_capital_jobs"\ntopic = "employment"\nunit = "workers"',
        'id = "entrusted_capital_jobs"\ntopic = "employment"\nunit = "percent"',
    )
    code, lines = _validate(tmp_path, text)
    assert code == 2
    assert any("entrusted-capital-jobs-2024: value: the base claims 53826" in line and "percent" in line for line in lines)


def test_an_as_of_claim_needs_a_by_in_some_quote(tmp_path: Path) -> None:
    code, lines = _validate(tmp_path, _mutate("poor-households-2023", 'period = "2023"', 'period = "2023"\nas_of = true'))
    assert code == 2
    assert any("poor-households-2023: as_of" in line for line in lines), lines


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("value = 5000\n", "value = 50000\n", "larger than the whole"),
        ('part_of = "job-fair-hires-2024"', 'part_of = "poor-households-2023"', "cannot be of a whole in households"),
        ('part_of = "job-fair-hires-2024"', 'part_of = "job-fair-hire-2024"', "unknown figure"),
    ],
)
def test_parts_and_wholes(tmp_path: Path, old: str, new: str, message: str) -> None:
    code, lines = _validate(tmp_path, _mutate("workers-abroad-2024", old, new))
    assert code == 2
    assert any("workers-abroad-2024: part_of" in line and message in line for line in lines), lines


def test_undated_figures_are_shown_undated_with_the_report_date() -> None:
    record = run("get", "entrusted-capital", "--format", "json").json()[0]
    assert record["period"] == "" and record["period_label"] == "undated; reported 10 Dec 2025"
    assert record["qualifier"] == "up_to"
    by_source = {c["source"]: c for c in record["citations"]}
    assert by_source["hanoimoi"]["reads"] == "8,718 billion VND" and "reads" not in by_source["vtc"]
    assert record["independent_reports"] == 1
    vi = run("get", "entrusted-capital", "--format", "json", "--lang", "vi").json()[0]
    assert vi["period_label"] == "không rõ thời điểm; đưa tin 10/12/2025"


def test_undated_figures_never_answer_a_year_and_compare_skips_them() -> None:
    assert run("query", "entrusted capital 2024", "--format", "json").exit_code == 1
    rows = run("compare", "2021", "2025", "--format", "json")
    ids = {r["before_id"] for r in rows.json()} | {r["after_id"] for r in rows.json()} if rows.exit_code == 0 else set()
    assert not ids & {"entrusted-capital", "livelihood-project-budget", "poor-children-health-monitored"}
    shown = {r[0] for r in run("show", "figures").rows()}
    assert {"entrusted-capital", "credit-jobs-created", "new-technology-farming-models"} <= shown


def test_by_periods_and_parts_are_shown() -> None:
    record = run("get", "near-poor-households-reduced-2025-09", "--format", "json").json()[0]
    assert record["as_of"] is True and record["period_label"] == "by September 2025"
    part = run("get", "workers-abroad-2024", "--format", "json").json()[0]
    assert part["part_of"] == "job-fair-hires-2024"
    table = run("get", "workers-abroad-2024", "--format", "table").stdout
    assert "of which" in table


# ----------------------------------------------------------------------------- the reader, directly


PERIODS = cases("""
năm 2022, Hà Nội có 2.134 hộ nghèo | 2022 |
đến cuối năm 2024, thành phố không còn hộ nghèo | 2024-12-31 | by
Pada akhir tahun 2024, kota ini | 2024-12-31 |
lebih dari 3.600 rumah tangga miskin pada awal tahun 2022 | 2022-01-01 |
Đến tháng 9/2025, các xã | 2025-09 | by
chính quyền địa phương 2 cấp (tháng 7-2025) | 2025-07 |
model pemerintahan lokal dua tingkat (Juli 2025) | 2025-07 |
hingga September 2025 | 2025-09 | by
Dari tahun 2021 hingga 2024, Dana tersebut | 2021-2024 |
selama periode 2022-2024 mencapai | 2022-2024 |
from 2022 to 2024 | 2022-2024 |
by the end of 2024 | 2024-12-31 | by
akhir tahun 2024 ... meningkat 6.401 miliar VND dibandingkan tahun 2020 | 2020-2024 |
""")


@pytest.mark.parametrize(("text", "period", "by"), PERIODS)
def test_periods_read_from_text(text: str, period: str, by: str) -> None:
    assert (period, by == "by") in periods_in(text)


def test_a_point_is_not_its_whole_year_and_document_numbers_are_not_years() -> None:
    assert ("2024", False) not in periods_in("đến cuối năm 2024")
    assert periods_in("Nghị quyết số 24/2021 về") == set()


QUALIFIERS = cases("""
hơn 19.000 người lao động | 19 | more_than
lebih dari 225.800 pekerja | 225 | more_than
gần 5.000 người | 5 | nearly
hampir 5.000 di antaranya | 5 | nearly
tuyển sinh tới 250.000 lượt người | 250 | up_to
khoảng 300 hộ | 300 | about
sebesar 8.718 miliar VND | 8 |
còn 2,54%, thấp hơn mục tiêu | 2,54 |
""")


@pytest.mark.parametrize(("text", "number", "qualifier"), QUALIFIERS)
def test_qualifier_words_just_before_the_number(text: str, number: str, qualifier: str) -> None:
    assert qualifier_before(text, text.index(number)) == qualifier


def test_goal_words_as_whole_words() -> None:
    assert states_any("đặt mục tiêu rõ ràng", ("muc tieu",))
    assert states_any("menetapkan tujuan yang jelas", ("tujuan",))
    assert not states_any("targeted", ("target",))
