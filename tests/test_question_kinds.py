"""What a question asks for as people write it: places of the kind it names, an amount rather than the document it
names as context, a word built on the root of a name's word, a Vietnamese syllable the base lacks, the text of a
record whose whole name it says."""

from __future__ import annotations

import pytest

from pcli.answer.index import Fit, RecordIndex
from pcli.answer.places import of_kind_asked
from pcli.answer.query import parse_query
from pcli.base.model import Entity
from pcli.base.phrases import NAME, TEXT, Phrases
from pcli.base.words import content_words
from pcli.text import marked_vietnamese


def _places(**kinds: str) -> dict[str, Entity]:
    return {ident: Entity("places", ident, {"kind": kind}, ()) for ident, kind in kinds.items()}


def test_a_question_asking_for_communes_is_answered_by_communes() -> None:
    records = _places(farm="model", communes="communes")
    index = RecordIndex([("place:farm", NAME, ("eco", "farm")), ("place:communes", NAME, ("me", "linh"))])
    fits = [Fit("place:farm", 0.6, 0.6), Fit("place:communes", 0.45, 0.45)]
    kept = of_kind_asked(fits, "xa", index, lambda kind, ident: records[ident])
    assert [f.key for f in kept] == ["place:communes"]
    assert of_kind_asked(fits, "", index, lambda kind, ident: records[ident]) == fits  # no kind asked


def test_a_place_whose_name_says_the_kind_asked_is_of_that_kind() -> None:
    records = _places(village="village", communes="communes")
    index = RecordIndex([("place:village", NAME, ("desa", "bai", "komune", "ba", "vi")), ("place:communes", NAME, ("x",))])
    fits = [Fit("place:village", 0.7, 0.7), Fit("place:communes", 0.1, 0.1)]  # the communes fit too little to answer
    assert [f.key for f in of_kind_asked(fits, "komune", index, lambda kind, ident: records[ident])][0] == "place:village"


@pytest.mark.parametrize(
    ("text", "asks", "head"),
    [
        ("Các mô hình nông nghiệp công nghệ cao tập trung ở những xã nào?", "place", "xa"),
        ("cac xa tap trung mo hinh nong nghiep", "place", "xa"),
        ("monthly social assistance standard amount under Resolution 9/2021", "figure", ""),
        ("mức vay tối đa cho hộ nghèo", "figure", ""),
        ("nghị quyết mức chuẩn trợ giúp xã hội", "document", ""),
        ("Nghị quyết số 09/2021 quy định gì", "document", ""),  # "số" of its number, not "số quy định"
        ("council resolution on extra support for voluntary insurance", "document", ""),  # the issuer's document
        ("Số người tham gia bảo hiểm", "figure", ""),
    ],
)
def test_what_a_question_asks_for(text: str, asks: str, head: str) -> None:
    query = parse_query(text, [])
    assert (query.asks, query.head) == (asks, head)


def test_english_filler_in_the_plural_is_filler() -> None:
    assert content_words("drop in poor household numbers") == ("drop", "poor", "household")
    assert content_words("totals and figures of poverty") == ("poverty",)


def test_a_measure_after_the_quantity_word_is_the_kind_of_number_asked() -> None:
    assert parse_query("Berapa anggaran dukungan asuransi kesehatan 2022-2024?", []).unit == "currency"
    assert parse_query("nguồn vốn ủy thác giúp bao nhiêu lao động có việc làm mới", []).unit != "currency"


def test_an_indonesian_word_no_name_has_matches_the_names_word_on_its_root_below_itself() -> None:
    index = RecordIndex([("indicator:a", NAME, ("menerima", "pinjaman")), ("indicator:b", TEXT, ("penerima", "bantuan"))])
    known = index.known("penerima")
    assert known["penerima"] == 1.0 and 0 < known["menerima"] < 1.0
    assert "penerima" not in index.known("menerima")  # a word a name has is matched as itself


def test_a_vietnamese_syllable_the_base_lacks_weighs_as_an_unknown_word_not_as_a_typo() -> None:
    index = RecordIndex([("indicator:a", NAME, ("lao", "dong", "dao", "tao")), ("indicator:b", NAME, ("cung", "cap"))])
    words = ("lao", "dong", "dao", "tao", "chung")
    assert index.score(words, marked=True)[0].share < index.score(words)[0].share
    assert marked_vietnamese("chứng chỉ") and not marked_vietnamese("chung chi") and not marked_vietnamese("café")


def test_a_word_of_change_the_base_lacks_means_the_words_it_holds_of_that_way() -> None:
    index = RecordIndex([("indicator:a", NAME, ("households", "reduced")), ("indicator:b", NAME, ("households", "increased"))])
    assert set(index.known("cut")) == {"reduced"}  # a fall, never a rise
    assert index.score(("households", "cut"))[0].key == "indicator:a"


def test_a_name_takes_each_of_its_words_out_of_the_question_once() -> None:
    index = RecordIndex([("agency:bank", NAME, ("ngan", "hang", "chinh", "sach"))])
    assert index.outside_names("agency:bank", ("ngan", "hang", "chinh", "sach", "giai", "ngan")) == ("giai", "ngan")


def test_the_text_of_a_record_whose_whole_name_is_said_weighs_more() -> None:
    phrases: Phrases = [("indicator:a", NAME, ("communes", "wards")), ("indicator:a", TEXT, ("after", "tier"))]
    phrases += [("indicator:b", NAME, ("other",)), ("indicator:c", NAME, ("more",))]
    index = RecordIndex(phrases)
    words = ("communes", "wards", "after", "tier")
    weights = [index.weight(w) for w in words]
    at_text = (weights[0] + weights[1] + TEXT * (weights[2] + weights[3])) / sum(weights)
    assert index.score(words)[0].share > at_text
    lacking = index.score((*words, "moving"))[0]  # a word the base lacks: its text weighs as text
    assert lacking.share == pytest.approx(at_text * sum(weights) / (sum(weights) + index.weight("moving")))
