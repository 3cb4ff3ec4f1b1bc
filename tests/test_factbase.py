"""The bundled fact base: valid, proven against the articles, complete, and exported in base units."""

from __future__ import annotations

import re

import pytest
from conftest import FACTS, SOURCES, read_article_number, run, source_text

VTC, HANOIMOI = "000_1473e38cfc1cc3dd.txt", "001_5bb1c787b643cd95.txt"
SCALE = {"tỷ": 1e9, "miliar": 1e9}


def test_bundled_base_is_valid() -> None:
    result = run("validate")
    assert result.exit_code == 0, result.output
    assert "valid" in result.stderr


def test_every_quote_and_value_is_proven_against_the_sources() -> None:
    if not SOURCES.is_dir():
        pytest.skip("../shared/sources is not beside the checkout")
    result = run("validate", "--sources", str(SOURCES))
    assert result.exit_code == 0, result.output
    assert "quotes proven" in result.stderr


def _export() -> dict:  # type: ignore[type-arg]
    result = run("export", "--format", "json")
    assert result.exit_code == 0, result.output
    return result.json()  # type: ignore[no-any-return]


def test_each_figure_value_stands_in_its_quote_in_base_units() -> None:
    """Re-read every figure from its quote with this test's own parser, scale words and percent sign."""
    texts = {"vtc": source_text(VTC), "hanoimoi": source_text(HANOIMOI)}
    data = _export()
    for fig in data["figures"]:
        assert fig["citations"], fig["id"]
        for cite in fig["citations"]:
            quote = cite["quote"]
            assert quote in texts[cite["source"]], (fig["id"], quote)
            candidates = set()
            for m in re.finditer(r"(\d+(?:\.\d{3})*(?:,\d+)?)\s*(%|tỷ|miliar)?", quote):
                number = read_article_number(m.group(1))[0]
                if fig["unit"] == "percent" and m.group(2) != "%":
                    continue
                candidates.add(number * SCALE.get(m.group(2) or "", 1))
            if fig["value"] == 0:
                assert re.search(r"không còn|tidak (lagi|akan) memiliki", quote), (fig["id"], quote)
            else:
                assert any(abs(c - fig["value"]) < 1e-9 * max(1, abs(c)) for c in candidates), (fig["id"], quote)


def test_every_number_of_the_articles_is_in_the_base() -> None:
    """Each count, sum and rate the articles state (not years, ages or document numbers) is some figure's value."""
    data = _export()
    values = {round(f["value"], 6) for f in data["figures"]}
    for name in (VTC, HANOIMOI):
        text = source_text(name)
        not_figures = (
            r"\d{4}-\d\d-\d\d",
            r"\d+/\d{4}(/[\w-]+)?",
            r"\d+/QD-UBND",
            "Quyết định số 1362",
            "Covid-19",
            "dưới 16 tuổi",
            "di bawah usia 16 tahun",
            "70 tahun",
            "2 cấp",
            "tháng 7-2025",
            "tháng 9/2025",
            "726248",
        )
        text = re.sub("|".join(not_figures), " ", text)
        for m in re.finditer(r"(\d+(?:\.\d{3})*(?:,\d+)?)\s*(tỷ|miliar)?", text):
            number = read_article_number(m.group(1))[0] * SCALE.get(m.group(2) or "", 1)
            if 1990 <= number <= 2030 and "," not in m.group(1) and not m.group(2):
                continue  # a year
            assert round(number, 6) in values, f"{m.group(0)!r} in {name} is not in the fact base"


def test_all_five_documents_with_their_full_numbers() -> None:
    data = _export()
    numbers = {d["number"] for d in data["documents"]}
    indonesian = source_text(HANOIMOI)
    for number in re.findall(r"No\. (\d+/\d{4}/[\w-]+|\d+/QD-UBND)", indonesian):
        assert number.replace("QD", "QĐ") in numbers
    assert len(numbers) == 5


def test_sources_are_described() -> None:
    data = _export()
    by_id = {s["id"]: s for s in data["sources"]}
    assert by_id["vtc"]["date"] in source_text(VTC)
    assert by_id["hanoimoi"]["url"] in source_text(HANOIMOI)


def test_the_bundled_base_ships_in_the_package(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import subprocess
    import sys
    import zipfile

    from conftest import ROOT

    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path), str(ROOT)],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]  # hatchling is in the test extras
    wheel = next(tmp_path.glob("*.whl"))
    with zipfile.ZipFile(wheel) as zf:
        assert zf.read("pcli/facts.toml") == FACTS.read_bytes()
        assert zf.read("pcli/messages.tsv") == (ROOT / "pcli" / "messages.tsv").read_bytes()
