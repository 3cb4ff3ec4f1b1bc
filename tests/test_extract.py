"""pcli extract and the one number reader: every number of an article, its kind, value and status; the draft a
curator fills in; the coverage proof of validate; bad files."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import FACTS, ROOT, SOURCES, cases, run

from pcli.base.scan import scan

EXAMPLE = ROOT / "examples" / "lakeside-example.txt"
VTC, HANOIMOI = SOURCES / "000_1473e38cfc1cc3dd.txt", SOURCES / "001_5bb1c787b643cd95.txt"

# ----------------------------------------------------------------------------- the reader


@pytest.mark.parametrize(
    ("text", "lang", "values"),
    cases("""
có 9.604 hộ | vi | 9604
tỷ lệ 3,14% | vi | 3.14
tổng kinh phí 312,5 tỷ đồng | vi | 312500000000
khoảng 1,2 triệu người | vi | 1200000
sekitar 1,2 juta orang | id | 1200000
sebesar 2,3 triliun rupiah | id | 2300000000000
hơn 16 nghìn lao động | vi | 16000
từ 2.000–3.000 hộ | vi | 2000 3000
giảm -2,5% so với | vi | -2.5
gần 5.000người | vi | 5000
hơn 49,4tỷ đồng | vi | 49400000000
more than 2,500 people and 3.14% | en | 2500 3.14
2.1 billion VND | en | 2100000000
"""),
)
def test_values_in_base_units(text: str, lang: str, values: str) -> None:
    figures = [n.value for n in scan(text, lang) if n.kind == "figure"]
    assert figures == [float(v) for v in values.split()]


@pytest.mark.parametrize(
    ("text", "lang", "kind"),
    cases("""
ngày 10/12/2025 | vi | date
date 2025-12-10 | vi | date
(tháng 7-2025) | vi | date
Nghị quyết số 24/2021/QH15 | vi | document
Keputusan No. 1362/QD-UBND | id | document
Quyết định số 1362/QĐ-UBND | vi | document
Quyết định số 1362 phê duyệt | vi | document
giai đoạn 2021-2025 | vi | period
năm 2024 | vi | year
trẻ em dưới 16 tuổi | vi | age
di bawah usia 16 tahun | id | age
lần thứ 70 | vi | ordinal
the 70th anniversary | en | ordinal
pandemi Covid-19 | id | name
https://hanoimoi.vn/thu-do-726248.html | id | url
"""),
)
def test_numbers_that_are_not_figures(text: str, lang: str, kind: str) -> None:
    kinds = {n.kind for n in scan(text, lang)}
    assert kinds == {kind}, [(n.written, n.kind) for n in scan(text, lang)]


# ----------------------------------------------------------------------------- the command


@pytest.mark.parametrize("article", [VTC, HANOIMOI], ids=["vtc", "hanoimoi"])
def test_the_bundled_articles_have_nothing_new(article: Path) -> None:
    if not SOURCES.is_dir():
        pytest.fail("../shared/sources must stand beside the checkout")
    rows = run("extract", str(article), "--format", "json").json()
    figures = [r for r in rows if r["kind"] == "figure"]
    assert len(figures) >= 20
    assert {r["status"] for r in figures} <= {"known", "skipped"}, [r for r in figures if r["status"] == "new"]
    assert all(r["figures"] for r in figures if r["status"] == "known")
    assert any(r["status"] == "skipped" and r["reason"] for r in figures)


def test_rows_in_every_format() -> None:
    tsv = run("extract", str(EXAMPLE), "--format", "tsv").rows()
    csv_lines = run("extract", str(EXAMPLE), "--format", "csv").stdout.splitlines()
    jsonl = [json.loads(line) for line in run("extract", str(EXAMPLE), "--format", "jsonl").stdout.splitlines()]
    assert tsv[0][:4] == ["line", "column", "written", "value"] and len(tsv) - 1 == len(csv_lines) - 1 == len(jsonl)
    first = next(r for r in jsonl if r["kind"] == "figure")
    assert (first["written"], first["value"], first["unit"], first["status"]) == ("412", 412, "households", "new")
    worded = next(r for r in jsonl if r["written"] == "1,150")
    assert worded["qualifier"] == "more_than" and worded["periods"] == "2024" and worded["unit"] == "workers"
    assert [r["kind"] for r in jsonl].count("year") == 3


def test_the_draft_passes_validate_once_the_indicators_are_filled(tmp_path: Path) -> None:
    draft = run("extract", str(EXAMPLE), "--format", "toml", "--source", "lakeside").stdout
    filled = iter(["poor_households", "poverty_rate", "poor_households", "job_fair_hires"])
    lines = [f'indicator = "{next(filled)}"\nplace = "Lakeside"' if line.startswith('indicator = "FILL-IN"') else line
             for line in draft.splitlines()]  # fmt: skip
    source = '[[sources]]\nid = "lakeside"\noutlet = "example"\nlanguage = "en"\nfile = "lakeside-example.txt"\n\n'
    text = FACTS.read_text(encoding="utf-8")
    at = text.index("[[topics]]")
    (tmp_path / "facts.toml").write_text(text[:at] + source + text[at:] + "\n".join(lines) + "\n", encoding="utf-8")
    folder = tmp_path / "sources"
    shutil.copytree(SOURCES, folder)
    shutil.copy(EXAMPLE, folder)
    result = run("validate", "--facts", str(tmp_path / "facts.toml"), "--sources", str(folder))
    assert result.exit_code == 0, result.output
    again = run("extract", str(EXAMPLE), "--facts", str(tmp_path / "facts.toml"), "--format", "json").json()
    assert {r["status"] for r in again if r["kind"] == "figure"} == {"known"}


def test_validate_reports_a_number_neither_cited_nor_skipped(tmp_path: Path) -> None:
    text = FACTS.read_text(encoding="utf-8")
    start = text.index('[[skips]]\nid = "skip-hanoimoi-70th-anniversary"')
    (tmp_path / "facts.toml").write_text(text[:start] + text[text.index("[[skips]]", start + 5) :], encoding="utf-8")
    result = run("validate", "--facts", str(tmp_path / "facts.toml"), "--sources", str(SOURCES))
    assert result.exit_code == 2
    assert "001_5bb1c787b643cd95.txt:19:" in result.stderr and "'70' is neither" in result.stderr, result.output


@pytest.mark.parametrize(("content", "code", "message"), [
    (b"\x00\x01binary", 2, "binary"),
    ("Giá trị 9.604 hộ".encode("utf-16"), 2, "binary"),
    ("café 12 maisons".encode("latin-1"), 2, "not UTF-8"),
    (b"", 1, "no number"),
    (b"no digits at all\n", 1, "no number"),
])  # fmt: skip
def test_bad_files(tmp_path: Path, content: bytes, code: int, message: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(content)
    result = run("extract", str(path))
    assert result.exit_code == code and message in result.stderr and "Traceback" not in result.stderr, result.output


def test_a_large_file_streams(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    paragraph = "Năm 2024, thành phố đã tạo việc làm cho hơn 225.800 lao động.\n\n"
    path.write_text(paragraph * 20000, encoding="utf-8")  # 1.3 MB
    result = run("extract", str(path), "--format", "tsv")
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 1 + 2 * 20000
