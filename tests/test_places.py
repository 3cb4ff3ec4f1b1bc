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


def test_two_places_trend_draws_one_series_per_place(two_places: str) -> None:
    rows = run("trend", "poor_households", "--facts", two_places).rows()
    places = [r[8] for r in rows[1:]]
    assert places == sorted(places, key=lambda p: p != "Hanoi"), rows  # each place's figures together, its own first
    lakeside = [(r[7], r[3]) for r in rows[1:] if r[8] == "Lakeside"]
    assert lakeside == [("2023", "412"), ("2024-12-31", "96")], rows
    table = run("trend", "poor_households", "--facts", two_places, "--format", "table").stdout
    assert "Poor households, Hanoi" in table and "Poor households, Lakeside" in table, table
    hanoi_part, lakeside_part = table.split("Poor households, Lakeside")
    assert "412" in lakeside_part and "412" not in hanoi_part and "690" in hanoi_part, table


def test_two_places_trend_chart_has_a_panel_per_place(two_places: str) -> None:
    from pcli.base.loader import load
    from pcli.output.charts import trend_spec

    base = load(two_places)
    figures = [f for f in base.figures if f.indicator == "poor_households"]
    spec = trend_spec(base, figures, "en")
    panels = [part for part in spec["vconcat"] if "layer" in part]
    titles = [" ".join(p["title"]["text"]) for p in panels]
    assert titles == ["Poor households, Hanoi", "Poor households, Lakeside"], titles
    assert {r["value"] for r in panels[1]["data"]["values"]} == {412, 96}, panels[1]


def test_two_places_compare_and_also_carry_a_place_column(two_places: str) -> None:
    compare = run("compare", "2023", "2024", "--facts", two_places, "--format", "table").stdout
    lines = [line.split() for line in compare.splitlines()]
    assert ["Place"] == [w for w in lines[2] if w == "Place"], compare
    assert any("Lakeside" in line and "412" in line and "96" in line for line in lines), compare
    also = run("query", "poor households 2023", "--facts", two_places, "--format", "table").stdout
    rows = also.split("Also")[1]
    assert "Place" in rows and "Lakeside" in rows and "Hanoi" in rows, also
    single = run("compare", "2023", "2024", "--format", "table").stdout
    assert "Place" not in single and single.lstrip().startswith("Hanoi: 2023 → 2024"), single


@pytest.mark.parametrize("place", ["Lakeside", "lakeside", "LAKESIDE"])
def test_two_places_place_option_keeps_one_place_in_each_command(two_places: str, place: str) -> None:
    def places(*args: str) -> set[str]:
        result = run(*args, "--facts", two_places, "--place", place, "--format", "json")
        assert result.exit_code == 0, result.output
        return {r["place"] for r in result.json()}

    assert places("trend", "poor_households") == {"Lakeside"}
    assert places("compare", "2023", "2024") == {"Lakeside"}
    assert places("query", "poor households 2023") == {"Lakeside"}
    assert places("show") == {"Lakeside"}
    answer = run("query", "poor households 2023", "--facts", two_places, "--place", place, "--format", "json").json()
    assert (answer[0]["id"], answer[0]["value"]) == ("lakeside-poor-households-2023", 412)


def test_query_place_option_in_a_batch_and_for_an_unknown_place(two_places: str) -> None:
    batch = run("query", "-", "--facts", two_places, "--place", "Lakeside", input="poor households 2023\npoverty rate 2023\n")
    assert [r[1] for r in batch.rows()[1:]] == ["lakeside-poor-households-2023", "lakeside-poverty-rate-2023"], batch.output
    unknown = run("query", "poor households", "--facts", two_places, "--place", "Atlantis")
    assert unknown.exit_code == 1 and unknown.stdout == "" and "--place Atlantis" in unknown.stderr, unknown.output


def test_two_places_markdown_has_a_place_column_and_one_place_has_none(two_places: str) -> None:
    compare = run("compare", "2023", "2024", "--facts", two_places, "--format", "markdown").stdout
    assert compare.splitlines()[0].startswith("| Indicator | Place | 2023 |") and "| Lakeside |" in compare, compare
    trend = run("trend", "poor_households", "--facts", two_places, "--format", "markdown").stdout
    assert "| Place |" in trend.splitlines()[0] and "| Lakeside |" in trend, trend
    single = run("trend", "poor_households", "--format", "markdown").stdout
    assert "Place" not in single.splitlines()[0], single


@pytest.mark.parametrize("asked", ["near-poor households 2024", "hộ cận nghèo 2024", "rumah tangga hampir miskin 2024"])
def test_a_base_with_no_near_poor_figure_never_answers_near_poor_with_the_poor(asked: str) -> None:
    result = run("query", asked, "--facts", SUONG_LAM, "--format", "json")
    assert all(a["kind"] != "figure" for a in result.json()), result.output


@pytest.mark.parametrize("asked", ["poor households Lakeside 2022", "How many poor households in Nam Giang?"])
def test_a_place_the_base_holds_nothing_called_is_not_answered_with_its_own(asked: str) -> None:
    result = run("query", asked, "--facts", SUONG_LAM)
    assert result.exit_code == 1 and result.stdout == "", result.output
    assert "This base covers Suong Lam, not" in result.stderr, result.output
