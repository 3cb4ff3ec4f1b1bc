"""The pure functions, tested directly: periods, numbers, text folding and safety, word matching and scoring."""

from __future__ import annotations

import re
import unicodedata

import pytest
from conftest import cases
from hypothesis import given
from hypothesis import strategies as st

from pcli.answer.index import RecordIndex
from pcli.answer.matching import similarity
from pcli.answer.query import parse_query
from pcli.articles.scan import read_numbers, value_positions
from pcli.base.numbers import group, humanize, raw
from pcli.base.periods import UNDATED, parse_period
from pcli.base.phrases import NAME
from pcli.text import fold, one_line, safe

# ----------------------------------------------------------------------------- periods


@pytest.mark.parametrize(
    ("text", "kind", "start", "end"),
    [
        ("2023", "year", 2023, 2023),
        ("2022-2024", "range", 2022, 2024),
        ("2022–2024", "range", 2022, 2024),
        ("2025-07", "month", 2025, 2025),
        ("2024-12-31", "day", 2024, 2024),
    ],
)
def test_parse_period(text: str, kind: str, start: int, end: int) -> None:
    period = parse_period(text)
    assert (period.kind, period.start, period.end) == (kind, start, end)


@pytest.mark.parametrize("text", ["2023-13", "2023-02-30", "2024-2022", "last year", "23", "", " 2023 ", "0000", "1899"])
def test_parse_period_refuses(text: str) -> None:
    with pytest.raises(ValueError):
        parse_period(text)


def test_how_a_period_answers_the_period_asked() -> None:
    year, end, span = parse_period("2024"), parse_period("2024-12-31"), parse_period("2022-2024")
    assert year.matches(year) == 0 and end.matches(year) == 1 and span.matches(year) == 2
    assert year.matches(span) == 1 and parse_period("2021").matches(span) is None
    assert UNDATED.matches(year) is None and year.matches(UNDATED) is None


@pytest.mark.parametrize(
    ("text", "lang", "shown"),
    cases("""
2024-12-31 | en | end of 2024
2024-12-31 | vi | cuối năm 2024
2022-01-01 | id | awal 2022
2025-09 | en | September 2025
2025-09 | vi | tháng 9/2025
2023 | id | tahun 2023
2022-2024 | en | 2022–2024
"""),
)
def test_period_display(text: str, lang: str, shown: str) -> None:
    assert parse_period(text).display(lang) == shown


def test_by_and_undated_display() -> None:
    assert parse_period("2025-09").display("en", as_of=True) == "by September 2025"
    assert parse_period("2025-09").display("id", as_of=True) == "hingga September 2025"
    assert UNDATED.display("en", as_of=True) == "undated" and UNDATED.year is None


# ----------------------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    ("quote", "lang", "value", "kind"),
    cases("""
năm 2022, Hà Nội có 2.134 hộ nghèo (0,095%) | vi | 2134 | count
năm 2022, Hà Nội có 2.134 hộ nghèo (0,095%) | vi | 0.095 | percent
tổng kinh phí hơn 49,4 tỷ đồng | vi | 49400000000 | currency
sebesar 8.718 miliar VND | id | 8718000000000 | currency
2,3 triliun rupiah | id | 2300000000000 | currency
3.14% of 2,500 people | en | 2500 | count
đến cuối năm 2024, thành phố không còn hộ nghèo | vi | 0 | count
"""),
)
def test_values_read_from_quotes(quote: str, lang: str, value: str, kind: str) -> None:
    assert value_positions(float(value), quote, lang, kind)


def test_a_percentage_needs_its_sign_and_a_scale_its_word() -> None:
    assert not value_positions(0.095, "2.134 hộ (0,095)", "vi", "percent")
    assert not value_positions(49.4, "hơn 49,4 tỷ đồng", "vi", "currency")
    assert [(v, p) for v, p, _, _ in read_numbers("9.604 hộ, 3,14%", "vi")] == [(9604.0, False), (3.14, True)]


@pytest.mark.parametrize(
    ("value", "lang", "text"),
    [(9928, "en", "9,928"), (9928, "vi", "9.928"), (0.43, "id", "0,43"), (74.25, "en", "74.25"), (2134.0, "vi", "2.134")],
)
def test_group(value: float, lang: str, text: str) -> None:
    assert group(value, lang) == text


def test_humanize_and_raw() -> None:
    assert humanize(8718000000000, "currency", "VND", "en") == "8,718 billion VND"
    assert humanize(8718000000000, "currency", "đồng", "vi") == "8.718 tỷ đồng"
    assert humanize(0.095, "percent", "%", "vi") == "0,095 %"
    assert raw(100.0) == "100" and raw(0.095) == "0.095" and raw(690) == "690"


# ----------------------------------------------------------------------------- text


def test_fold() -> None:
    assert fold("Hộ cận nghèo, ĐỒNG") == "ho can ngheo dong"
    assert fold("near-poor  households!") == "near poor households"


@given(st.text())
def test_fold_strips_exactly_the_combining_marks(text: str) -> None:
    """fold's translation table gives what testing each character would."""
    from pcli.text import _EXTRA_FOLDS

    decomposed = unicodedata.normalize("NFKD", text.translate(_EXTRA_FOLDS))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower().translate(_EXTRA_FOLDS)
    assert fold(text) == re.sub(r"[^0-9a-z]+", " ", bare).strip()


def test_safe_and_one_line() -> None:
    assert safe("a\x1b[2Jb\u202ec") == "a␛[2Jb<U+202E>c"
    assert one_line("a\tb\nc\\d") == "a\\tb\\nc\\\\d"
    assert [one_line(f"hộ {c}") for c in "\t\n\r\\"] == ["hộ \\t", "hộ \\n", "hộ \\r", "hộ \\\\"]


_CELLS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=8),
                   st.sampled_from(["=1+1", "+1", "-2", "@x", "\tx", "\rx", "a\x1bb", "x\u202ey", "-"]))  # fmt: skip


@given(st.lists(_CELLS, max_size=6))
def test_csv_rows_are_made_as_each_cell_would_be(values: list[object]) -> None:
    """spreadsheet_safe tests a whole row for unsafe characters at once; each cell is what the rule for one cell
    gives: safe() text, and an apostrophe before text (never a number) a spreadsheet would run."""
    from pcli.output.machine import cell, spreadsheet_safe

    def one(value: object) -> str:
        text = safe(cell(value))
        return "'" + text if isinstance(value, str) and text[:1] in ("=", "+", "-", "@", "\t", "\r") else text

    assert spreadsheet_safe(values) == [one(v) for v in values]


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=6),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3),
    max_leaves=8,
)


@given(st.lists(_JSON, max_size=4))
def test_json_arrays_are_written_a_record_at_a_time_as_a_whole_dump_writes_them(records: list[object]) -> None:
    """write_json streams an array (show on a large base); the text is the one dumps gives the whole list."""
    import io

    from pcli.output.machine import dumps, write_json

    out = io.StringIO()
    write_json(iter(records), out)
    assert out.getvalue() == dumps(records, indent=2) + "\n"


def test_every_unsafe_character_is_made_visible_even_in_clean_text() -> None:
    """safe() and JSON skip their translation on printable text; no unsafe character may pass as printable."""
    from pcli.output.machine import dumps
    from pcli.text import UNSAFE_RANGES

    for low, high in UNSAFE_RANGES:
        for code in range(low, high + 1):
            text = f"Hộ nghèo {chr(code)} năm 2024"
            assert chr(code) not in safe(text), hex(code)
            assert chr(code) not in one_line(text), hex(code)
            assert chr(code) not in dumps(text) and chr(code) not in dumps({"q": [text]}, indent=2), hex(code)


# ----------------------------------------------------------------------------- matching and scoring


@pytest.mark.parametrize(
    ("word", "token", "score"),
    [
        ("households", "households", 1.0),
        ("house", "households", 0.85),
        ("housholds", "households", 0.8),
        ("reduced", "reduction", 0.7),
        ("poor", "rate", 0.0),
        ("cap", "capital", 0.0),  # "trợ cấp" typed without its marks is not "capital"
        ("tro", "trot", 0.85),  # three letters of four are its start
    ],
)
def test_similarity(word: str, token: str, score: float) -> None:
    assert similarity(word, token) == score


PHRASES = [
    ("indicator:poverty_rate", ("poverty", "rate")),
    ("indicator:near_poverty_rate", ("near", "poverty", "rate")),
    ("indicator:poor_households", ("poor", "households")),
    ("indicator:near_poor", ("near", "poor", "households")),
    ("indicator:insurance", ("health", "insurance")),
    ("indicator:insured", ("health", "insurance", "support")),
]


def test_the_label_that_says_exactly_what_was_asked_ranks_first_and_modifiers_are_never_ignored() -> None:
    index = RecordIndex([(key, NAME, words) for key, words in PHRASES])
    assert index.distinguishing == {"near"}
    best = index.score(("poverty", "rate"))
    assert best[0].key == "indicator:poverty_rate" and best[0].share == 1.0
    assert "indicator:near_poverty_rate" not in [f.key for f in best]  # "near" modifies what was asked
    assert index.score(("near", "poverty", "rate"))[0].key == "indicator:near_poverty_rate"
    assert index.score(("rural", "poverty", "rate")) == []  # a modifier no name holds is never dropped
    assert index.unknown(("rural", "poverty")) == ["rural"]


def test_a_word_no_record_holds_counts_against_the_answer_but_does_not_veto_it() -> None:
    index = RecordIndex([(key, NAME, words) for key, words in PHRASES])
    fits = index.score(("poor", "households", "zzyzx"))
    assert fits[0].key == "indicator:poor_households" and 0 < fits[0].share < 1


def test_parse_query_takes_out_periods_place_numbers_and_filler() -> None:
    query = parse_query("how many poor households in Hanoi at the end of 2024", [("Hanoi", "hanoi")])
    assert query.words == ("poor", "households") and [p.text for p in query.periods] == ["2024-12-31"]
    assert query.place == "Hanoi" and query.asks == "figure"
    query = parse_query("where does 8.718 tỷ đồng come from", [])
    assert [(w, sorted(r)) for w, r in query.values] == [("8.718 tỷ", [8.718, 8718e9])]
    query = parse_query("8,718 billion", [])
    assert max(query.values[0][1]) == 8718e9


def test_a_change_runs_forward_in_time_whatever_order_the_question_names_its_periods() -> None:
    query = parse_query("Số hộ nghèo năm 2023 so với năm 2022 giảm được bao nhiêu", [])
    assert query.change and [p.text for p in query.periods] == ["2022", "2023"]
    assert parse_query("poor households since 2022", []).since


@pytest.mark.parametrize("text", ["poor households ²⁰²³", "poor households ２０２３", "poor households 2023/"])
def test_digits_that_fold_to_a_year_are_a_year(text: str) -> None:
    """Years are read from the folded words: digits written another way (superscript, full width) count."""
    query = parse_query(text, [])
    assert query.words == ("poor", "households") and [p.text for p in query.periods] == ["2023"]


@pytest.mark.parametrize("text", ["poor households ²³", "poor households ２３"])
def test_digits_written_another_way_are_a_number_of_the_question(text: str) -> None:
    """Not a period: a number the search reads as a value or matches as a word."""
    query = parse_query(text, [])
    assert query.words[:2] == ("poor", "households") and not query.periods


# ----------------------------------------------------------------------------- what is found without a pattern

# Digits of other scripts, numbers that are not digits, the letters (?i) matches to i, s and k, Vietnamese capitals.
_TRICKY = st.lists(st.sampled_from(list("az Z09_-.,%/\t\n²½Ⅻ٣đĐÃãẤİıſKÉé")) | st.sampled_from(
    ["district", "DİSTRICT", "dıstrict", "Xã", "XÃ", "huyện", "proſince", "KOMUNE", " of ", "Ba Dinh", "2023", "1999",
     "2100", "2101", "2,134", "20.5", "2023 %", "1999%"]), max_size=12).map("".join)  # fmt: skip


@given(_TRICKY)
def test_runs_of_digits_and_letters_are_those_the_patterns_find(text: str) -> None:
    from pcli.text import digit_runs, letter_runs, word_runs

    assert digit_runs(text) == re.findall(r"\d+", text)
    assert word_runs(text) == re.findall(r"[^\W_]+", text)
    assert letter_runs(text) == re.findall(r"[^\W\d_]+", text)


@given(_TRICKY)
def test_a_question_is_read_alike_with_its_patterns_compiled_or_not(text: str) -> None:
    """The cheap tests that spare compiling a question's patterns answer as the patterns would."""
    from pcli.answer.cited import _DIGITS, _NAMED_PLACE, _PLACE_NAMED, _YEARS, named_place, states_number

    named = _NAMED_PLACE().search(text) or _PLACE_NAMED().search(text)
    assert named_place(text) == (fold(named[1]) if named else "")
    assert states_number(text) == bool(_DIGITS().search(_YEARS().sub("", text)))
