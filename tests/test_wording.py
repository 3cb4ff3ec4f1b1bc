"""The rules by which check tells one measure from another in a draft's sentence (pcli/answer/wording.py), as pure
functions of folded words and an indicator's names; the words here are invented, not the base's."""

from __future__ import annotations

from collections.abc import Sequence

from pcli.answer.clauses import shifted, unqualified, whole_sentence, whole_sentences
from pcli.answer.wording import Measures, disagrees, modified_pairs, named_whole, words_of

MARKS = frozenset(("near", "can", "hampir"))
NARROWING = frozenset(("rural", "women"))
NEAR = [("near", "poor", "households"), ("ho", "can", "ngheo")]
POOR = [("poor", "households"), ("ho", "ngheo")]
BOTH = [("houses", "poor", "near", "poor", "households")]
POOR_ID, NEAR_ID = [("rumah", "tangga", "miskin")], [("rumah", "tangga", "hampir", "miskin")]
KNOWN = modified_pairs([*NEAR, *POOR, *BOTH, *POOR_ID, *NEAR_ID], MARKS)


def _rules_out(sentence: str, names: Sequence[tuple[str, ...]]) -> bool:
    return disagrees(words_of(sentence), names, MARKS, NARROWING, KNOWN)


def test_words_are_folded_as_the_search_folds_names() -> None:
    assert words_of("Hộ cận nghèo, chiếm 0,43%") == ("ho", "can", "ngheo", "chiem", "0", "43")
    assert words_of("near-poor households") == ("near", "poor", "households")


def test_a_measure_named_with_a_distinguishing_word_is_not_what_a_sentence_without_it_speaks_of() -> None:
    assert _rules_out("the town still had 9,928 poor households", NEAR)
    assert _rules_out("thị trấn còn 9.928 hộ nghèo", NEAR)
    assert not _rules_out("thị trấn còn 9.928 hộ cận nghèo", NEAR)
    # the mark must stand before the word it modifies: "cần" folds as "cận" does, but modifies nothing here
    assert _rules_out("thị trấn còn 9.928 hộ nghèo, nên cần cố gắng", NEAR)


def test_a_distinguishing_word_said_rules_out_a_measure_named_without_it() -> None:
    assert _rules_out("9,928 near-poor households remained", POOR)
    assert not _rules_out("9,928 near-poor households remained", NEAR)
    assert not _rules_out("houses for poor and near-poor households", POOR)  # "poor" said bare too
    assert not _rules_out("9,928 near-poor households remained", BOTH)  # its names say both
    assert _rules_out("the rural poor households", POOR)  # a narrowing word before any word
    assert _rules_out("ada 9.928 rumah tangga hampir miskin", POOR_ID)
    assert not _rules_out("hampir 5.000 rumah tangga miskin", POOR_ID)  # "nearly": it modifies the number here


def test_a_measure_is_named_whole_by_a_name_that_is_not_the_others_too() -> None:
    jobs = [("workers", "given", "jobs"), ("lapangan", "kerja")]
    entrusted = [("workers", "given", "new", "jobs", "entrusted", "capital"), ("pekerja", "pekerjaan", "baru")]
    clause = words_of("kota menciptakan lapangan kerja bagi 53.826 pekerja")
    assert named_whole(clause, jobs, entrusted) and not named_whole(clause, entrusted, jobs)
    assert not named_whole(words_of("53,826 workers were given jobs"), jobs, entrusted)  # all the other's words too
    assert named_whole(words_of("new jobs from entrusted capital went to 53,826 workers given them"), entrusted, jobs)


def test_the_words_that_qualify_a_number_are_not_words_of_its_measure() -> None:
    assert unqualified("kota membantu hampir ", "nearly") == "kota membantu "  # "hampir" is also near-poor's word
    assert unqualified("thị trấn còn hơn ", "more_than") == "thị trấn còn "
    assert unqualified("more than VND ", "more_than") == "more than VND "  # not just before the number
    assert unqualified("nearly ", "") == "nearly "


def test_a_year_said_relative_to_another() -> None:
    assert shifted("down from about  a year earlier", "2023", "Hanoi had 690 in 2023, down from about ") == "2022"
    assert shifted(" and only  twelve months later", "2022", "It had 2,134 in 2022, and only ") == "2023"
    assert shifted(" (a year after 2022)", "", "There were 690 ") == "2023"  # the year named, not the one before
    assert shifted(" sekitar ", "2022", "Pada 2022 ada 2.134; setahun kemudian tinggal 690, sekitar ") == "2023"
    assert shifted(" ", "2022", "Pada 2022 ada ") == "2022"
    assert shifted(" in 2024 ", "2024", "In 2022 it had 2,134 and a year later 690; ") == "2024"  # a year of its own


def test_a_semicolon_does_not_end_a_whole_sentence() -> None:
    text = "In 2022 it had 2,134; in 2023 it had 690. Then none."
    starts = whole_sentences(text)
    assert whole_sentence(starts, text.index("in 2023"), text.index(".") + 1)[0] == 0
    assert whole_sentence(starts, text.index("Then"), len(text)) == (text.index("Then"), len(text))


def test_how_many_words_of_a_name_a_sentence_says_in_a_row() -> None:
    measures = Measures({"fund_houses": [("fund", "poor", "houses")], "houses": [("homes",), ("houses", "supported")]},
                        MARKS, NARROWING)  # fmt: skip
    said = words_of("the Fund for the Poor helped build 1,800 homes")
    assert measures.said_of(said, "fund_houses") == 2 and measures.said_of(said, "houses") == 1
    assert measures.said_of(words_of("poor people, fund"), "fund_houses") == 1  # not in a row
