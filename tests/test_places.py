"""A base about another place than Hanoi, and a base with two places: answers, misses, trend, compare and show
speak of the places the base holds (tests/fixtures: invented places, invented articles)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FACTS, ROOT, run

FIXTURES = ROOT / "tests" / "fixtures"
LAKESIDE = str(FIXTURES / "lakeside.toml")  # a base about an invented commune, in English
SUONG_LAM = str(FIXTURES / "suong-lam.toml")  # a base about an invented district, in Vietnamese


@pytest.fixture
def two_places(tmp_path: Path) -> str:
    """The README's Lakeside workflow: the bundled base with the filled-in Lakeside draft appended."""
    path = tmp_path / "two.toml"
    path.write_text(FACTS.read_text(encoding="utf-8") + (FIXTURES / "lakeside-draft.toml").read_text(encoding="utf-8"))
    return str(path)


@pytest.mark.parametrize("facts", [LAKESIDE, SUONG_LAM])
def test_the_invented_bases_are_valid_against_their_articles(facts: str) -> None:
    sources = ROOT / "examples" if facts == LAKESIDE else FIXTURES
    result = run("validate", "--facts", facts, "--sources", str(sources))
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(("facts", "place"), [(LAKESIDE, "Lakeside"), (SUONG_LAM, "Suong Lam")])
@pytest.mark.parametrize("other", ["Hanoi", "Hà Nội", "Da Nang"])
def test_a_place_the_base_does_not_cover_is_a_miss_naming_the_one_it_does(facts: str, place: str, other: str) -> None:
    result = run("query", f"poor households {other}", "--facts", facts)
    assert result.exit_code == 1 and result.stdout == "", result.output
    assert f"This base covers {place}, not" in result.stderr and "Hanoi," not in result.stderr, result.output


def test_a_miss_is_said_in_the_readers_language_with_the_places_name() -> None:
    result = run("query", "poor households Da Nang", "--facts", SUONG_LAM, "--lang", "vi")
    assert result.stderr.strip() == "Cơ sở dữ kiện này nói về Sương Lam, không phải Da Nang.", result.output


@pytest.mark.parametrize(("facts", "asked", "ident"), [(LAKESIDE, "Lakeside", "lakeside"), (SUONG_LAM, "Sương Lam", "suong-lam"),
                                                       (SUONG_LAM, "suong lam", "suong-lam")])  # fmt: skip
def test_a_place_asked_by_its_name_alone_finds_its_record(facts: str, asked: str, ident: str) -> None:
    result = run("query", asked, "--facts", facts, "--format", "json")
    assert result.exit_code == 0, result.output
    assert [(a["kind"], a["id"]) for a in result.json()] == [("place", ident)]


def test_a_place_with_no_record_asked_alone_says_what_to_ask() -> None:
    result = run("query", "Hà Nội")
    assert result.exit_code == 1, result.output
    assert 'pcli show --place "Hanoi"' in result.stderr, result.output


def test_the_base_about_another_place_answers_trend_compare_and_show_of_it() -> None:
    answer = run("query", "hộ nghèo 2022", "--facts", SUONG_LAM, "--format", "json").json()
    assert (answer[0]["id"], answer[0]["value"], answer[0]["place"]) == ("suong-lam-poor-2022", 1250, "Suong Lam")
    trend = run("trend", "poor households", "--facts", SUONG_LAM).rows()
    assert [(r[0], r[3], r[8]) for r in trend[1:]] == [("suong-lam-poor-2022", "1250", "Suong Lam"),
                                                       ("suong-lam-poor-2024", "310", "Suong Lam")]  # fmt: skip
    compare = run("compare", "2022", "2024", "--facts", SUONG_LAM, "--format", "json").json()
    assert [(c["indicator"], c["change"], c["place"]) for c in compare] == [("poor_households", -940, "Suong Lam")]
    shown = run("show", "--facts", SUONG_LAM, "--lang", "vi", "--format", "table")
    assert "Sương Lam" in shown.stdout and "Hà Nội" not in shown.stdout and "Hanoi" not in shown.stdout, shown.output


def test_a_base_whose_figures_name_no_place_says_so(tmp_path: Path) -> None:
    text = Path(LAKESIDE).read_text(encoding="utf-8").replace('place = "Lakeside"\n', "")
    path = tmp_path / "unplaced.toml"
    path.write_text(text, encoding="utf-8")
    result = run("query", "poor households Da Nang", "--facts", str(path))
    assert result.exit_code == 1 and "names a place" in result.stderr and "?" not in result.stderr, result.output


def test_a_place_with_no_figure_of_what_is_asked_names_the_places_that_have_one(two_places: str) -> None:
    for asked in ("near-poor households Lakeside", "near-poor households Lakeside 2023"):
        result = run("query", asked, "--facts", two_places)
        assert result.exit_code == 1 and result.stdout == "", result.output
        assert "for Lakeside. Near-poor households is known for: Hanoi." in result.stderr, result.output
        assert " in ." not in result.stderr and ": ." not in result.stderr, result.output


def test_two_places_a_place_named_keeps_its_own_figures(two_places: str) -> None:
    result = run("query", "poor households Lakeside", "--facts", two_places, "--format", "json")
    assert {a["place"] for a in result.json()} == {"Lakeside"}, result.output
    missing = run("query", "poor households Da Nang", "--facts", two_places)
    assert "This base covers Hanoi, Lakeside, not Da Nang." in missing.stderr, missing.output
