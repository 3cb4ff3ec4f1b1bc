"""pcli extract and the one number reader: every number of an article, its kind, value and status; the draft a
curator fills in; the coverage proof of validate; bad files."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import FACTS, ROOT, SOURCES, cases, run

from pcli.articles.scan import scan

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
biaya Rp450,250/orang dan Rp12.500 | id | 450250 12500
anggaran Rp3,125 miliar | id | 3125000000
sebesar Rp 3,125 | id | 3.125
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
mở rộng Quốc lộ 14 qua xã | vi | name
along Highway 1A | en | name
Thứ Hai, 03/02/2025 (GMT+7) | vi | date time
the agency said late Feb 17. | en | date
(example.org Oct 9) | en | date
Lượt truy cập: 1204455 | vi | name
Trang chủ\\n  Hôm nay 912\\nTin mới | vi | name
Artikel ini dilihat 3.021 | id | name
No. 12/05/31/Th. VIII, 2 Mei | id | document date
Anda di halaman 3dari 9 | id | name
page 2 of 14 | en | name
4 BERITA RESMI STATISTIK | id | name
"""),
)
def test_numbers_that_are_not_figures(text: str, lang: str, kind: str) -> None:
    kinds = {n.kind for n in scan(text, lang)}
    assert kinds == set(kind.split()), [(n.written, n.kind) for n in scan(text, lang)]


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
    assert worded["qualifier"] == "more_than" and worded["period"] == "2024" and worded["unit"] == "workers"
    assert [r["kind"] for r in jsonl].count("year") == 3


# An article invented for these tests about an invented district: each rule of the reader once.
INVENTED = """Hồ Xanh giảm nghèo bền vững

Năm 2024, huyện Hồ Xanh còn 412 hộ nghèo, giảm 1,5% so với năm 2023. Toàn huyện có 12 thôn đạt chuẩn.

Cũng trong năm, 3 trường học được xây mới; tỷ lệ hộ nghèo còn dưới 5%. Bình quân mỗi hộ có 4,5 người.

Năm 2025, huyện phấn đấu giảm từ 1% trở lên.

Trong năm 2024, huyện Hồ Xanh còn 412 hộ nghèo, thấp nhất tỉnh.

Cập nhật 09:25, ngày 7/1.
"""


def _filled(draft: str) -> str:
    """The fill-ins README names: every FILL-IN of a label, the outlet and a skip's reason written."""
    return draft.replace('"FILL-IN"', '"written by the curator"')


def _validate_with(tmp_path: Path, article: Path, draft: str) -> None:
    (tmp_path / "facts.toml").write_text(FACTS.read_text(encoding="utf-8") + _filled(draft), encoding="utf-8")
    folder = tmp_path / "sources"
    shutil.copytree(SOURCES, folder)
    shutil.copy(article, folder)
    result = run("validate", "--facts", str(tmp_path / "facts.toml"), "--sources", str(folder))
    assert result.exit_code == 0, result.output + draft
    again = run("extract", str(article), "--facts", str(tmp_path / "facts.toml"), "--format", "json").json()
    assert {r["status"] for r in again if r["kind"] == "figure"} <= {"known", "skipped"}


def test_the_draft_passes_validate_once_filled_in(tmp_path: Path) -> None:
    draft = run("extract", str(EXAMPLE), "--format", "toml", "--source", "lakeside").stdout
    assert (
        run("validate", "--facts", str(_write(tmp_path / "raw.toml", FACTS.read_text(encoding="utf-8") + draft))).exit_code == 2
    )
    _validate_with(tmp_path, EXAMPLE, draft)


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_the_draft_of_an_invented_article(tmp_path: Path) -> None:
    article = _write(tmp_path / "ho-xanh.txt", INVENTED)
    result = run("extract", str(article), "--format", "toml", "--source", "ho-xanh")
    assert result.exit_code == 0, result.output
    draft = result.stdout
    assert draft.count("[[figures]]") == 6 and draft.count("[[skips]]") == 1, draft  # 4,5 people is no count
    assert "stated 2 times (line 3, line 9)" in draft and draft.count('quote = "huyện Hồ Xanh còn 412 hộ nghèo"') == 2
    assert 'id = "villages"' in draft and 'id = "schools"' in draft and draft.count("[[indicators]]") == 6
    assert 'period = "2023-2024"' in draft and 'qualifier = "under"' in draft and 'qualifier = "at_least"' in draft
    assert 'status = "target"' in draft and draft.count("change = true") == 2
    rows = run("extract", str(article), "--format", "json").json()
    assert [r["kind"] for r in rows if r["line"] == 11] == ["time", "time", "date", "date"]
    _validate_with(tmp_path, article, draft)


def test_the_articles_language_is_its_own_option(tmp_path: Path) -> None:
    """--lang is the reader's language; --source-lang the article's, guessed when not given."""
    rows = run("--lang", "vi", "extract", str(EXAMPLE), "--format", "json").json()
    assert next(r for r in rows if r["written"] == "1,150")["value"] == 1150
    rows = run("extract", str(EXAMPLE), "--source-lang", "vi", "--format", "json").json()
    assert next(r for r in rows if r["written"] == "1,150")["value"] == 1.15
    weak = _write(tmp_path / "short.txt", "Total: 1,150 items.\n")
    result = run("extract", str(weak), "--format", "tsv", "--lang", "vi")
    assert result.exit_code == 0 and "--source-lang" in result.stderr and "đoán" in result.stderr, result.output
    assert "--source-lang" not in run("extract", str(EXAMPLE), "--format", "tsv").stderr
    bad = run("extract", str(EXAMPLE), "--source-lang", "fr")
    assert bad.exit_code == 2 and "fr" in bad.stderr and "Traceback" not in bad.stderr


def test_validate_reports_a_number_neither_cited_nor_skipped(tmp_path: Path) -> None:
    text = FACTS.read_text(encoding="utf-8")
    start = text.index('[[skips]]\nid = "skip-hanoimoi-comment-count"')
    end = text.find("[[skips]]", start + 5)
    (tmp_path / "facts.toml").write_text(text[:start] + (text[end:] if end > 0 else ""), encoding="utf-8")
    result = run("validate", "--facts", str(tmp_path / "facts.toml"), "--sources", str(SOURCES))
    assert result.exit_code == 2
    assert "001_5bb1c787b643cd95.txt:35:" in result.stderr and "'0' is neither" in result.stderr, result.output


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


# An invented English report: amounts converted in brackets, a range, a rank and a short range of years.
CONVERTED = """Lakeside's budget

For 2021-23, the province spent VND8.5 trillion ($350 million) on the programme.
Each district will receive up to 250 billion VND (11.9 million USD), and the poverty rate fell by about 3 – 4%.

Lakeside ranks in the top 10 of the region.
"""


def test_a_draft_quotes_a_converted_amount_and_a_range_with_what_proves_them(tmp_path: Path) -> None:
    """The dollar amount is quoted with the amount it converts (its qualifier stands there), a range's first number
    with the range's end and its "%": the draft passes validate after the fill-ins alone."""
    article = _write(tmp_path / "lakeside-budget.txt", CONVERTED)
    rows = [r for r in run("extract", str(article), "--format", "json").json() if r["kind"] == "figure"]
    assert [(r["value"], r["qualifier"], r["period"]) for r in rows] == [
        (8.5e12, "", "2021-2023"), (350e6, "", "2021-2023"), (250e9, "up_to", "2021-2023"),
        (11.9e6, "up_to", "2021-2023"), (3, "about", "2021-2023"), (4, "about", "2021-2023"),
    ]  # fmt: skip
    draft = run("extract", str(article), "--format", "toml", "--source", "lakeside-budget").stdout
    assert re.search(r'quote = "[^"]*up to\s+250 billion VND \(11\.9', draft) and 'about 3 – 4%"' in draft, draft
    _validate_with(tmp_path, article, draft)


def test_a_headline_is_dated_by_the_body_that_states_its_figure_again(tmp_path: Path) -> None:
    """The headline's change is the body's, compared with the year before; the body's level keeps its month."""
    article = _write(
        tmp_path / "lakeside-poverty.txt",
        "Lakeside: poverty down 0.30 percent\n\nIn March 2024 the rate was 10.47 percent, down 0.30 percent compared"
        " with March 2023.\n",
    )
    rows = [r for r in run("extract", str(article), "--format", "json").json() if r["kind"] == "figure"]
    assert [(r["line"], r["value"], r["period"]) for r in rows] == [
        (1, 0.3, "2023-2024"),
        (3, 10.47, "2024-03"),
        (3, 0.3, "2023-2024"),
    ]
