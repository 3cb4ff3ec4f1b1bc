"""Questions as people write them: the forms of their words, the dates they write as numbers, the filler they
write with marks, the figure of a record they name, the record cited with a number, the issuer of a document."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from conftest import FACTS, MINIMAL, figure_toml, indicator_toml, run, unit_toml, write

from pcli.answer.cited import dates as _dates
from pcli.answer.index import RecordIndex
from pcli.answer.matching import roots
from pcli.answer.query import parse_query
from pcli.answer.search import Searcher
from pcli.base.phrases import NAME, TEXT
from pcli.base.words import kept_fillers
from pcli.store.open import open_store


def test_indonesian_words_built_on_one_root_share_it() -> None:
    assert "kurang" in roots("berkurang") & roots("pengurangan")
    assert "dukung" in roots("didukung") & roots("dukungan") & roots("mendukung")
    assert "salur" in roots("menyalurkan") & roots("penyaluran")
    assert roots("households") == {"households"}  # a word with no affix is its own root
    assert roots("ke") == frozenset()  # nothing under five letters


def _index(*names: tuple[str, str]) -> RecordIndex:
    return RecordIndex([(key, NAME, tuple(text.split())) for key, text in names])


def test_a_word_the_base_lacks_is_the_closest_word_it_holds() -> None:
    index = _index(("indicator:a", "poor households"), ("indicator:b", "poor houses"))
    assert set(index.known("househods")) == {"households"}  # one typo, not "houses" as another form
    assert index.score(("poor", "househods"))[0].key == "indicator:a"


def test_a_word_the_base_holds_still_matches_its_other_forms() -> None:
    index = RecordIndex([("source:a", TEXT, ("publisher",)), ("source:b", TEXT, ("published", "not"))])
    assert "publisher" in index.known("published")  # one letter apart, and a form of the same word
    assert "nghe" not in _index(("indicator:a", "ngheo"), ("indicator:b", "nghe")).known("ngheo")  # a typo is not


def test_a_word_built_on_a_root_the_base_holds_matches_it() -> None:
    index = _index(("indicator:a", "pengurangan rumah tangga"), ("indicator:b", "rumah tangga"))
    assert index.score(("rumah", "tangga", "berkurang"))[0].key == "indicator:a"


def test_a_word_said_twice_modifies_what_follows_it_where_it_stands() -> None:
    # "miskin dan hampir miskin": "hampir" modifies the second "miskin", which a name without "hampir" lacks
    index = _index(("indicator:loans", "rumah tangga menerima pinjaman"), ("indicator:near", "hampir miskin"))
    words = ("rumah", "tangga", "miskin", "hampir", "miskin", "menerima", "pinjaman")
    assert index.score(words)[0].key == "indicator:loans"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Đến tháng 9/2025 Hà Nội", "september 2025"),
        ("ngày 10/12/2025", "desember 2025"),
        ("bulan 9/2025", "september 2025"),
        ("resolution 24/2021", "resolution 24/2021"),  # no month is 24
        ("1/2024/NQ-HĐND", "1/2024/NQ-HĐND"),  # a document number with its suffix
    ],
)
def test_a_month_written_as_numbers_is_a_month(text: str, expected: str) -> None:
    assert expected in _dates(text, [])


def test_a_document_the_base_holds_is_not_read_as_a_month() -> None:
    assert _dates("decision 5/2023", [("decision-5-2023", "decision", ("5", "2023", ""))]) == "decision 5/2023"


def test_month_numbers_give_the_question_its_period() -> None:
    query = parse_query("giảm thêm bao nhiêu hộ cận nghèo đến tháng 9/2025", [])
    assert [p.text for p in query.periods] == ["2025-09"] and not query.cited


def test_vietnamese_filler_is_dropped_only_as_written() -> None:
    assert "vay" in kept_fillers("Dư nợ cho vay")  # to lend, not "vậy"
    assert "lai" in kept_fillers("Lãi suất")  # interest, not "lại"
    assert "so" in kept_fillers("Sở nào phụ trách")  # a department, not "số"
    assert kept_fillers("Số hộ nghèo còn lại là bao nhiêu vậy") == frozenset()
    assert kept_fillers("cho vay") == frozenset()  # written without marks, the word is not told apart


def test_a_question_that_opens_with_a_measure_asks_for_a_figure() -> None:
    for text in ("Tổng kinh phí chương trình giảm nghèo", "tingkat pengangguran pedesaan", "total budget of the plan"):
        assert parse_query(text, []).asks == "figure", text


def test_a_question_naming_a_record_asks_for_its_figure() -> None:
    got = run("query", "Dư nợ cho vay của Ngân hàng Chính sách xã hội chi nhánh Hà Nội cuối năm 2024", "-f", "json")
    assert got.exit_code == 0, got.output
    first = got.json()[0]
    assert first["kind"] == "figure" and first["period"] == "2024-12-31"
    assert "dư nợ" in first["labels"]["vi"].lower()  # the bank's loans, not the bank


def test_a_year_the_figure_of_a_named_record_lacks_is_a_miss() -> None:
    got = run("query", "dư nợ cho vay ngân hàng chính sách xã hội hà nội năm 2023")
    assert got.exit_code == 1


def test_a_measure_no_figure_gives_is_a_miss_not_the_record_it_names() -> None:
    got = run("query", "Tổng kinh phí Chương trình mục tiêu quốc gia giảm nghèo bền vững của Hà Nội giai đoạn 2021-2025")
    assert got.exit_code == 1, got.output


def test_who_issued_a_document_is_its_issuer() -> None:
    got = run("query", "Who issued Resolution 24/2021?", "-f", "json")
    assert got.exit_code == 0, got.output
    first, document = got.json()[0], got.json()[1]
    assert first["kind"] == "agency" and "24/2021" in document["number"]
    assert document["issuer"] == first["id"]


def test_a_number_finds_the_record_cited_with_it() -> None:
    got = run("query", "Dự án nào có tổng kinh phí hơn 49,4 tỷ đồng?", "-f", "json")
    assert got.exit_code == 0, got.output
    first = got.json()[0]
    assert first["kind"] == "programme"
    budget = run("query", "49,4 tỷ đồng", "-f", "json").json()[0]  # the figure that holds the number
    searcher = Searcher(open_store(str(FACTS)))
    (figure,) = searcher.store.figures_valued(frozenset((budget["value"],)), 5)
    assert f"programme:{first['id']}" in searcher.stated.cited_with(figure)  # the project is named where it is quoted


def test_a_question_on_where_a_number_comes_from_gives_its_figure() -> None:
    got = run("query", "where does the 8,718 billion dong figure come from", "-f", "json")
    assert got.exit_code == 0, got.output
    first = got.json()[0]
    assert first["kind"] == "figure" and first["value"] == 8718 * 10**9


def test_the_vietnamese_article_is_the_source_in_vietnamese() -> None:
    got = run("query", "Which outlet published the Vietnamese article on Hanoi reaching zero poor households?", "-f", "json")
    assert got.exit_code == 0, got.output
    first = got.json()[0]
    assert first["kind"] == "source" and first["language"] == "vi"


def test_a_document_number_asked_for_a_figure_is_a_miss() -> None:
    assert run("query", "resolution 24/2021", "--kind", "figure").exit_code == 1  # the document is not a figure
    got = run("query", "resolution 24/2021", "--kind", "document", "-f", "json")
    assert got.exit_code == 0 and "24/2021" in got.json()[0]["number"]


def test_rumah_tangga_is_a_household_and_rumah_a_house() -> None:
    from pcli.base.words import compounded

    assert compounded(["rumah", "tangga", "miskin"]) == ["rumahtangga", "miskin"]
    assert compounded(["rumah", "yang", "dibangun"]) == ["rumah", "yang", "dibangun"]


def test_a_rate_asked_is_answered_by_a_share_or_nothing() -> None:
    query = parse_query("lãi suất cho vay ưu đãi hộ nghèo", [])
    assert (query.asks, query.unit) == ("figure", "percent")
    got = run("query", "Lãi suất cho vay ưu đãi hộ nghèo tại Ngân hàng Chính sách xã hội Hà Nội", "-f", "json")
    assert got.exit_code == 1 or all(m.get("unit") in ("percent", "%") for m in got.json()), got.output


def test_the_rest_of_a_question_naming_a_record_must_name_a_figure() -> None:
    index = _index(("programme:school", "program kesehatan sekolah"), ("indicator:budget", "anggaran proyek"))
    assert index.outside_names("programme:school", ("anggaran", "program", "kesehatan", "sekolah")) == ("anggaran",)
    assert run("query", "anggaran program Kesehatan Sekolah").exit_code == 1  # no budget of that programme


def test_a_news_address_carries_its_article_title() -> None:
    from pcli.base.phrases import _slug

    assert _slug("https://example.vn/thu-do-som-ve-dich-726248.html") == "thu do som ve dich"
    assert _slug("https://example.org/about") == ""  # one word is no title
    assert _slug("") == ""


def test_an_article_asked_about_in_its_language_is_that_source() -> None:
    got = run("query", "sumber artikel Hanoi tanpa rumah tangga miskin", "-f", "json")
    assert got.exit_code == 0, got.output
    first = got.json()[0]
    assert first["kind"] == "source" and first["language"] == "id"


@pytest.mark.parametrize(
    "question",
    ["Vietnam poverty rate 2023", "tỷ lệ hộ nghèo cả nước năm 2023", "ty le ho ngheo toan quoc 2023",
     "nationwide number of poor households 2024", "jumlah rumah tangga miskin di seluruh Indonesia 2023"],
)  # fmt: skip
def test_a_figure_of_the_whole_country_is_not_the_city_s(question: str) -> None:
    got = run("query", question)
    assert got.exit_code == 1, got.output  # the base's figures are of its own place, not the country's
    assert "Hanoi" in got.stderr


def test_a_country_in_a_record_s_name_is_that_name() -> None:
    got = run("query", "vốn ủy thác qua Ngân hàng Chính sách xã hội Việt Nam", "-f", "json")
    assert got.exit_code == 0, got.output
    assert got.json()[0]["kind"] == "figure"


def test_a_miss_names_the_country_as_the_question_writes_it() -> None:
    from pcli.answer.query import written

    assert written("tỷ lệ hộ nghèo cả nước năm 2023", "ca nuoc") == "cả nước"
    assert written("Vietnam poverty rate", "vietnam") == "Vietnam"


def test_a_place_named_before_its_kind_the_base_lacks_is_a_miss() -> None:
    assert parse_query("poor households in Ba Dinh district 2023", []).named == "ba dinh"
    got = run("query", "poor households in Ba Dinh district 2023")
    assert got.exit_code == 1 and "Ba Dinh" in got.stderr


def test_a_range_that_starts_in_the_year_asked_is_not_that_year_s_figure() -> None:
    got = run("query", "ha noi xay bao nhieu nha cho ho ngheo nam 2022", "-f", "json")
    assert got.exit_code == 1 or all(m["period"] in ("2022",) or m["period"].startswith("2022-") and len(m["period"]) <= 10
                                     and "-20" not in m["period"][4:] for m in got.json()), got.output  # fmt: skip


def test_rural_in_vietnamese_narrows_what_is_asked() -> None:
    got = run("query", "Tỷ lệ thất nghiệp khu vực nông thôn của Hà Nội năm 2024 là bao nhiêu?")
    assert got.exit_code == 1, got.output  # the base holds an urban rate, not a rural one


def test_a_confident_figure_is_not_replaced_by_one_of_a_record_the_question_names() -> None:
    got = run("query", "how many homes did the fund for the poor build or renovate in hanoi", "-f", "json")
    assert got.exit_code == 0, got.output
    assert "fund" in got.json()[0]["label"].lower()  # the Fund's houses, not all houses supported


def test_the_postings_a_cache_keeps_are_the_index_s_own() -> None:
    from pcli.base.phrases import postings

    phrases = [("indicator:a", NAME, ("poor", "households")), ("indicator:a", TEXT, ("poor",)), ("source:b", TEXT, ("poor",))]
    assert postings(phrases) == ({"poor": 2, "households": 1}, {"poor": [0, 1, 2], "households": [0]})
    store = open_store(str(FACTS))
    kept, built = Searcher(store).index, RecordIndex(store.phrases(), store.modifiers())
    assert kept.idf == built.idf and list(kept.by_token) == list(built.by_token)
    assert all(kept.by_token[t] == built.by_token[t] for t in built.by_token)


def test_a_note_is_searched_in_every_language_the_base_gives_it(tmp_path: Path) -> None:
    note = 'note = { en = "From the yearly review.", vi = "Theo kết quả rà soát hằng năm.", id = "Dari peninjauan tahunan." }'
    facts = write(tmp_path, MINIMAL.replace('period = "2023"', f'period = "2023"\n{note}'))
    for question in ("kết quả rà soát hộ nghèo năm 2023", "peninjauan rumah tangga miskin 2023"):
        got = run("query", question, "--facts", facts, "-f", "json")
        assert got.exit_code == 0 and got.json()[0]["value"] == 690, (question, got.output)


def test_vietnamese_filler_told_only_by_its_marks_is_dropped_only_so() -> None:
    assert "tinh" not in parse_query("Số hộ cận nghèo tính đến cuối năm 2024", []).words  # as of
    assert "tinh" in parse_query("so ho can ngheo tinh Bac Ninh", []).words  # unmarked: it may be a province


def test_the_capital_is_a_city_as_thanh_pho_is() -> None:
    for text in ("Tỷ lệ hộ nghèo của Thủ đô năm 2023", "tingkat kemiskinan ibu kota 2023"):
        assert not {"thu", "do", "thudo", "ibu", "kota", "ibukota"} & set(parse_query(text, []).words), text


@pytest.mark.parametrize(
    "question",
    ["Đầu năm 2022 có bao nhiêu hộ nghèo và đến cuối 2024 còn bao nhiêu?",
     "went from how many poor households in 2022 to how many in 2023?"],
)  # fmt: skip
def test_a_value_asked_at_each_of_two_periods_is_a_change(question: str) -> None:
    assert parse_query(question, []).change, question


def test_a_two_word_vietnamese_range_reads_tu_sang_as_from_to() -> None:
    got = run("query", "Số hộ nghèo thay đổi thế nào từ năm 2022 sang năm 2023?", "-f", "json")
    assert got.exit_code == 0 and got.json()[0]["kind"] == "change", got.output


def test_a_name_in_another_order_still_names_the_record_in_a_passage() -> None:
    from pcli.answer.matching import within

    assert within(("bank", "kebijakan", "sosial", "cabang", "hanoi"), ("cabang", "hanoi", "dari", "bank", "kebijakan", "sosial"))
    assert not within(("fund", "for", "poor"), ("poor", "fund"))  # every word, or it is not the name
    assert not within(("poor", "fund"), ("fund", "poor"))  # two words: only in their order


def test_a_few_words_of_a_long_name_do_not_rank_it_above_what_the_question_says() -> None:
    """ "Where are the high-tech farming models concentrated": the communes the text says they are concentrated in,
    not the eco-zone whose long name shares two words with the question (a third of a name earns no bonus)."""
    index = RecordIndex(
        [("place:zone", NAME, ("high", "tech", "agricultural", "eco", "zone", "valley")),
         ("place:zone", TEXT, ("runs", "japanese", "german", "technology", "model")),
         ("place:communes", NAME, ("me", "linh", "gia", "lam", "thuong", "tin")),
         ("place:communes", TEXT, ("where", "high", "tech", "farming", "models", "concentrated")),
         ("indicator:models", NAME, ("high", "tech", "farming", "models")),
         ("indicator:jobs", NAME, ("jobs",)), ("indicator:loans", NAME, ("loans",)), ("place:other", NAME, ("bai", "village"))],
        frozenset(),
    )  # fmt: skip
    fits = index.score(("high", "tech", "farming", "models", "concentrated"), frozenset(("place",)))
    assert fits[0].key == "place:communes", fits


def test_an_article_answers_only_a_question_that_asks_for_one_or_names_it() -> None:
    from pcli.answer.confidence import confident
    from pcli.answer.index import Fit

    told = Fit("source:daily", 0.4, 0.4, 0.0, 0)  # its words are what the article tells, not the article
    assert not confident(told, {}, (), "")
    assert confident(told, {}, (), "source")
    assert confident(Fit("source:daily", 0.6, 0.4, 0.5, 1), {}, (), "")


def test_a_percentage_asked_says_what_a_share_s_name_says() -> None:
    """ "What percentage of workers have training": the share of trained workers, whose name says "share"."""
    facts_q = "What percentage of workers have technical or professional training?"
    got = run("query", facts_q, "-f", "json")
    assert got.exit_code == 0 and got.json()[0]["unit"] == "percent", got.output
    from pcli.answer.index import says_share

    assert says_share(("what", "percentage")) and says_share(("ty", "le", "ho"))
    assert not says_share(("8", "ty", "dong"))  # "tỷ" alone is a billion


def test_nguon_von_asks_for_an_amount_not_an_article() -> None:
    query = parse_query("nguồn vốn ủy thác qua Ngân hàng Chính sách xã hội", [])
    assert (query.asks, query.unit) == ("figure", "currency")


def test_a_total_over_two_years_answers_between_them_when_no_change_is_held() -> None:
    got = run("query", "How many households got loans from the social policy bank between 2021 and 2024?", "-f", "json")
    assert got.exit_code == 0, got.output
    first = got.json()[0]
    assert first["kind"] == "figure" and first["period"] == "2021-2024", first


def test_tp_giai_doan_and_toi_are_filler() -> None:
    words = parse_query("Chi nhánh TP giải ngân bao nhiêu giai đoạn 2021-2024, từ 2021 tới 2024", []).words
    assert not {"tp", "doan", "giaidoan", "toi"} & set(words) and words.count("giai") == 1, words
    assert "giai" in parse_query("giải ngân", []).words  # "giải" alone is a word of its own


def test_an_alias_that_says_what_a_record_does_keeps_its_words_for_the_figure_asked() -> None:
    index = RecordIndex(
        [("agency:bank", NAME, ("social", "policy", "bank")), ("agency:bank", NAME, ("bank", "lends", "poor", "households"))],
        frozenset(),
    )
    words = ("households", "lends", "social", "policy", "bank")
    assert index.outside_names("agency:bank", words) == ()
    assert index.outside_names("agency:bank", words, most=True) == ("households", "lends")


def test_a_figure_of_a_named_record_answers_when_the_figure_its_name_suggests_lacks_the_period() -> None:
    """The bank's entrusted capital is named after the bank but has no 2021-2024 figure; the households that
    borrowed from it have one."""
    got = run("query", "Có bao nhiêu hộ được vay vốn Ngân hàng Chính sách xã hội Hà Nội từ 2021 tới 2024?", "-f", "json")
    assert got.exit_code == 0, got.output
    first = got.json()[0]
    assert first["period"] == "2021-2024" and "vay" in first["labels"]["vi"].lower(), first


def test_the_start_of_the_period_is_filler_around_the_dates_it_gives() -> None:
    got = run("query", "Poor households: start of the period (early 2022) compared with end of 2024", "-f", "json")
    assert got.exit_code == 0 and got.json()[0]["kind"] == "change", got.output


def test_the_original_source_of_an_article_asks_for_a_source() -> None:
    assert parse_query("original source of the Indonesian article on poverty", []).asks == "source"


def test_a_change_from_a_number_stated_runs_from_the_figure_that_holds_it() -> None:
    got = run("query", "ty le ho ngheo giam tu 0,095% xuong con bao nhieu nam 2023", "-f", "json")
    assert got.exit_code == 0, got.output
    change = got.json()[0]
    assert change["kind"] == "change" and change["from"]["value"] == 0.095, change
    assert change["from"]["period"] < change["to"]["period"] == "2023"


def test_a_year_and_a_measure_named_whole_ask_for_a_figure_not_a_record(tmp_path: Path) -> None:
    place = """
[[places]]
id = "bai-village"
kind = "village"
name = { en = "Bai village, Ba Vi commune", vi = "Làng Bai, xã Ba Vì", id = "Desa Bai, Komune Ba Vi" }
citations = [{ source = "s", quote = "Bai village, Ba Vi commune" }]
"""
    facts = write(tmp_path, MINIMAL + place)
    assert run("query", "bai village", "--facts", facts).exit_code == 0  # the village asked for itself
    got = run("query", "poor households in Ba Vi 2023", "--facts", facts, "-f", "json")
    assert got.exit_code == 1, got.output  # a figure of Ba Vi is asked: the base has none


def test_a_settlement_named_with_a_word_a_measure_also_has_is_still_another_place(tmp_path: Path) -> None:
    """The syllable "Vì" is also a word of "Quỹ Vì người nghèo" (the Fund for the Poor): one shared syllable does not make "Ba Vì"
    a measure's words, so its poor households are still another place's, which the base does not have."""
    place = """
[[places]]
id = "bai-village"
kind = "village"
name = { en = "Bai village, Ba Vi commune", vi = "Làng Bai, xã Ba Vì", id = "Desa Bai, Komune Ba Vi" }
citations = [{ source = "s", quote = "Bai village, Ba Vi commune" }]
"""
    fund = """
[[indicators]]
id = "fund_raised"
topic = "poverty"
unit = "households"
label = { en = "Households the Fund for the Poor helped", vi = "Hộ được Quỹ Vì người nghèo hỗ trợ", id = "Rumah tangga" }

[[figures]]
id = "fund-2023"
indicator = "fund_raised"
value = 12
period = "2023"
citations = [{ source = "s", quote = "12 households the Fund for the Poor helped in 2023" }]
"""
    facts = write(tmp_path, MINIMAL + fund + place)
    assert run("query", "Quỹ Vì người nghèo hỗ trợ bao nhiêu hộ", "--facts", facts).exit_code == 0
    got = run("query", "Ba Vì còn bao nhiêu hộ nghèo?", "--facts", facts, "-f", "json")
    assert got.exit_code == 1, got.output


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("what % of hanoi households were poor in 2022", "percent"),  # "%" asks a share, as "what percentage"
        ("Tỷ lệ hộ nghèo của Hà Nội năm 2022 theo kết quả rà soát", "percent"),  # opens with a rate
        ("nguồn vốn ủy thác giúp bao nhiêu lao động có việc làm mới", ""),  # how many workers, not the money
        ("poor households 2022", ""),
    ],
)
def test_what_kind_of_number_a_question_asks(text: str, unit: str) -> None:
    assert parse_query(text, []).unit == unit


def test_indonesian_scale_words_are_read_in_a_question() -> None:
    values = dict(parse_query("dana apa yang memobilisasi lebih dari 153 miliar VND", []).values)
    assert 153e9 in values["153 miliar"]


def test_a_figure_whose_measure_names_a_record_is_that_record_s() -> None:
    """The Fund's passage says "the Fund" ("Dana tersebut"); its measure's name says which fund."""
    got = run("query", "dana apa yang memobilisasi lebih dari 153 miliar VND", "-f", "json")
    assert got.exit_code == 0 and got.json()[0]["kind"] == "programme", got.output


def test_a_record_kind_then_its_budget_asks_for_the_budget() -> None:
    query = parse_query("Dự án Đa dạng hóa sinh kế tổng kinh phí", [])
    assert (query.asks, query.unit) == ("figure", "currency")
    assert parse_query("Resolusi yang menetapkan standar tingkat bantuan sosial", []).asks != "figure"


@pytest.mark.parametrize(
    ("question", "counted"),
    [("bao nhiêu trẻ em nghèo được theo dõi sức khỏe", "tre"), ("berapa rumah tangga miskin", "rumahtangga"),
     ("Tỷ lệ hộ nghèo năm 2023 là bao nhiêu", ""), ("bao nhiêu tỷ đồng", ""), ("berapa persen", ""),
     ("lao động qua đào tạo đạt bao nhiêu", "")],
)  # fmt: skip
def test_a_quantity_word_before_a_thing_asks_how_many(question: str, counted: str) -> None:
    assert parse_query(question, []).counted == counted


def test_how_many_households_is_not_answered_by_an_amount() -> None:
    got = run("query", "có bao nhiêu hộ được vay vốn ngân hàng chính sách từ 2021 đến 2024", "-f", "json")
    assert got.exit_code == 0 and got.json()[0]["unit"] == "households", got.output


def test_how_many_of_a_thing_is_not_answered_by_a_share_of_them() -> None:
    assert run("query", "bao nhiêu trẻ em nghèo được theo dõi sức khỏe").exit_code == 1  # the base holds a 100 % share
    got = run("query", "tỷ lệ trẻ em nghèo được theo dõi sức khỏe", "-f", "json")
    assert got.exit_code == 0 and got.json()[0]["unit"] == "percent", got.output


def test_a_typo_in_a_compound_and_a_word_written_short_are_read() -> None:
    query = parse_query("rumah tanga hampir miskin akhir thn 2024", [])
    assert "rumahtangga" in query.words and [str(p) for p in query.periods] == ["2024-12-31"]


def test_a_figure_asked_of_a_document_is_a_miss_not_the_document() -> None:
    assert run("query", "mức chuẩn trợ giúp xã hội theo Nghị quyết 09/2021 là bao nhiêu đồng").exit_code == 1
    assert run("query", "Nghị quyết 09/2021").exit_code == 0


def test_sumber_dana_asks_for_an_amount_and_an_outlet_of_a_number_for_the_sources_citing_it() -> None:
    assert parse_query("sumber daya yang dipercayakan melalui Bank", []).asks == "figure"
    got = run("query", "which outlet reported more than 3,600 poor households at the start of 2022", "-f", "json")
    assert got.exit_code == 0, got.output
    told = got.json()
    assert told and all(m["kind"] == "source" for m in told)
    figure = run("query", "more than 3,600 poor households at the start of 2022", "-f", "json").json()[0]
    assert {m["id"] for m in told} == {c["source"] for c in figure["citations"]}, told


@pytest.mark.parametrize(
    ("question", "period"),
    [("how many poor households did Hanoi have at the start of the 2022-2025 period", "2022-01-01"),
     ("hộ nghèo đầu giai đoạn 2022-2025", "2022-01-01"), ("akhir periode 2021-2025 rumah tangga miskin", "2025-12-31"),
     ("poor households 2022-2025", "2022-2025")],
)  # fmt: skip
def test_the_start_or_end_of_a_range_is_a_point(question: str, period: str) -> None:
    assert [str(p) for p in parse_query(question, []).periods] == [period]


def test_a_measure_at_two_periods_is_a_change() -> None:
    got = run("query", "hộ nghèo đầu năm 2022 và cuối năm 2024", "-f", "json")
    assert got.exit_code == 0 and got.json()[0]["kind"] == "change", got.output


def test_the_counter_of_a_house_is_not_near() -> None:
    assert "can" not in parse_query("bao nhiêu căn nhà cho hộ nghèo", []).words  # "căn nhà": a house
    assert "can" in parse_query("bao nhiêu căn nhà cho hộ nghèo, cận nghèo", []).words  # "cận": near, kept
    assert "can" in parse_query("can ngheo", []).words  # unmarked: it may be near


def test_initials_of_a_name_are_its_words() -> None:
    index = RecordIndex([("agency:bank", NAME, ("ngan", "hang", "chinh", "sach", "xa", "hoi"))], frozenset())
    assert set(index.known("csxh")) == {"chinh", "sach", "xa", "hoi"}
    assert index.known("banana") == {}  # a word with vowels is not read as initials


def test_an_abbreviation_one_record_is_named_by_still_spells_out_the_others_names() -> None:
    index = RecordIndex(
        [("indicator:share", NAME, ("bhyt",)), ("indicator:budget", NAME, ("kinh", "phi", "bao", "hiem", "y", "te"))],
        frozenset(),
    )
    assert set(index.known("bhyt")) == {"bhyt", "bao", "hiem", "y", "te"}


def test_an_abbreviation_covers_the_words_of_a_name_it_stands_for() -> None:
    index = RecordIndex([("agency:bank", NAME, ("ngan", "hang", "chinh", "sach", "xa", "hoi"))], frozenset())
    words = ("ngan", "hang", "csxh", "ho", "vay")  # "Ngân hàng CSXH … hộ vay": three words said, all six covered
    assert index.outside_names("agency:bank", words) == ("ho", "vay")


@pytest.mark.parametrize(
    ("question", "asks"),
    [("Resolusi Majelis Nasional nomor berapa tentang Program Target Nasional", "document"),
     ("nghị quyết số mấy về giảm nghèo", "document"), ("departemen mana yang memimpin proyek", "agency"),
     ("số người tham gia bảo hiểm xã hội tự nguyện theo Nghị quyết 03/2022", "figure"),
     ("Nghị quyết số 24/2021", "document")],
)  # fmt: skip
def test_what_a_question_asks_for(question: str, asks: str) -> None:
    assert parse_query(question, []).asks == asks


def test_an_outlet_asked_by_its_date_is_the_source_of_that_date() -> None:
    got = run("query", "which outlet published the 10 December 2025 piece", "-f", "json")
    assert got.exit_code == 0, got.output
    sources = tomllib.loads(FACTS.read_text(encoding="utf-8"))["sources"]
    dated = {s["id"] for s in sources if s.get("date", "").startswith("2025-12")}
    assert dated and {m["id"] for m in got.json()} == dated


def test_in_charge_of_is_filler_and_a_kind_word_the_base_lacks_only_says_the_kind() -> None:
    assert not {"phu", "trach", "phutrach"} & set(parse_query("cơ quan nào phụ trách giảm nghèo về thông tin", []).words)
    got = run("query", "cơ quan nào phụ trách giảm nghèo về thông tin", "-f", "json")
    assert got.exit_code == 0 and got.json()[0]["kind"] == "agency", got.output
    index = RecordIndex([("agency:front", NAME, ("fatherland", "front"))], frozenset())
    assert not index.known("body")  # "which body": a kind this base has no word for, not a word against the answer


def test_a_number_stated_and_asked_about_is_its_figure() -> None:
    got = run("query", "53.826 lao động là con số gì", "-f", "json")
    assert got.exit_code == 0 and got.json()[0]["value"] == 53826, got.output
    other = run("query", "Hơn 19.000 lao động tìm được việc, trong đó bao nhiêu người đi làm việc ở nước ngoài?", "-f", "json")
    assert other.exit_code == 0 and other.json()[0]["value"] != 19000, other.output  # another quantity is asked


def test_before_a_period_is_the_latest_figure_before_it() -> None:
    got = run("query", "poor households before 2023", "-f", "json")
    assert got.exit_code == 0, got.output
    assert got.json()[0]["period"] < "2023", got.json()[0]
    assert run("query", "number of communes and wards before the July 2025 reorganisation").exit_code == 1


def test_the_most_or_least_is_never_a_total() -> None:
    from pcli.base.words import compounded

    assert compounded(["muc", "vay", "toi", "da"])[-1] == "toida" and compounded(["toi", "thieu"]) == ["toithieu"]
    got = run("query", "muc vay toi da cho ho ngheo tai ngan hang chinh sach", "-f", "json")
    assert got.exit_code == 1 or all(m["kind"] != "figure" for m in got.json()), got.output


def test_a_miss_names_each_period_once_however_many_places_hold_it(tmp_path: Path) -> None:
    places = "".join(
        f'\n[[figures]]\nid = "poor-2023-{n}"\nindicator = "poor_households"\nvalue = {n}\nperiod = "2023"\nplace = "P{n}"\n'
        f'citations = [{{ source = "s", quote = "{n} poor households in 2023" }}]\n'
        for n in range(1, 30)
    )
    facts = write(tmp_path, MINIMAL + places)
    got = run("query", "poor households 2021", "--facts", facts)
    assert got.exit_code == 1 and got.stderr.count("2023") == 1, got.stderr


def test_the_store_reads_an_indicator_s_periods_once_each_in_time_order() -> None:
    store = open_store(str(FACTS))
    periods = store.periods_of("poor_households", None)
    keys = [p.sort_key for p, _ in periods]
    assert keys == sorted(keys) and len({(str(p), by) for p, by in periods}) == len(periods)
    assert {str(f.period) for f in store.figures("poor_households", [], None, 1000)} == {str(p) for p, _ in periods}


def test_where_a_question_says_a_figure_comes_from_does_not_decide_what_it_measures(tmp_path: Path) -> None:
    """ "… according to the survey results": the rate is asked, though only the count's quote names the survey."""
    rate = (
        unit_toml("percent", "percent", "%", "%", "%")
        + indicator_toml("poverty_rate", "percent", "Poverty rate", "Tỷ lệ hộ nghèo", "Persentase rumah tangga miskin")
        + figure_toml("rate-2023", "poverty_rate", 0.5, "a rate of 0.5% in 2023")
    )
    facts = write(
        tmp_path, MINIMAL.replace("690 poor households in 2023", "the survey results found 690 poor households in 2023") + rate
    )
    for question in (
        "poverty rate 2023 according to the survey results",
        "persentase rumah tangga miskin 2023 menurut hasil survey",
    ):
        got = run("query", question, "--facts", facts, "-f", "json")
        assert got.exit_code == 0 and got.json()[0]["value"] == 0.5, got.output
    assert parse_query("tỷ lệ hộ nghèo theo kết quả rà soát", []).attributed == {"theo", "ket", "qua", "ra", "soat"}


def test_the_text_of_a_record_half_of_whose_name_is_said_weighs_more() -> None:
    index = RecordIndex(
        [("indicator:houses", NAME, ("houses", "supported", "for", "poor", "households")),
         ("indicator:houses", TEXT, ("built", "for", "the", "anniversary", "of", "liberation")),
         ("indicator:poor", NAME, ("poor", "households")), ("indicator:loans", NAME, ("households", "given", "loans"))],
        frozenset(),
    )  # fmt: skip
    half = index.score(("houses", "poor", "households", "anniversary", "liberation"))[0]
    assert half.key == "indicator:houses" and half.share > 0.8  # the note's words at 0.7 of a name: 0.83, not 0.69
    less = index.score(("houses", "poor", "anniversary", "liberation"))[0]  # two words of five: the text at 0.45
    assert less.share < 0.7


def test_how_much_asks_an_amount_never_a_count(tmp_path: Path) -> None:
    """ "How much did … spend": not the 690 households the base counts (no amount of money is held)."""
    assert parse_query("How much did Testville spend on poor households in 2023?", []).much
    assert not parse_query("how many poor households in 2023", []).much
    facts = write(tmp_path, MINIMAL)
    assert run("query", "how many poor households in 2023", "--facts", facts).exit_code == 0
    got = run("query", "How much did Testville spend on poor households in 2023?", "--facts", facts, "-f", "json")
    assert got.exit_code == 1, got.output


def test_a_figure_asked_of_a_record_is_never_another_records(tmp_path: Path) -> None:
    """ "kinh phí chương trình Sức khỏe học đường": the budget the base holds is another project's, quoted with it."""
    budget = (
        unit_toml("VND", "currency", "VND", "đồng", "VND")
        + indicator_toml(
            "project_budget", "VND", "Total budget of the livelihood project", "Tổng kinh phí dự án sinh kế", "Anggaran proyek"
        )  # fmt: skip
        + figure_toml("project-budget", "project_budget", 49400000000, "Dự án Sinh kế có tổng kinh phí 49,4 tỷ đồng", "")
    )
    records = """
[[programmes]]
id = "livelihood"
kind = "project"
name = { en = "Livelihood project", vi = "Dự án Sinh kế", id = "Proyek Mata Pencaharian" }
citations = [{ source = "s", quote = "Dự án Sinh kế" }]

[[programmes]]
id = "school-health"
kind = "programme"
name = { en = "School Health", vi = "Sức khỏe học đường", id = "Kesehatan Sekolah" }
citations = [{ source = "s", quote = "Sức khỏe học đường" }]
"""
    facts = write(tmp_path, MINIMAL + budget + records)
    assert run("query", "tổng kinh phí dự án sinh kế", "--facts", facts).exit_code == 0
    got = run("query", "kinh phí chương trình Sức khỏe học đường", "--facts", facts, "-f", "json")
    assert got.exit_code == 1 or all(a.get("kind") != "figure" for a in got.json()), got.output
