"""The words of a draft that speak of one of its numbers: its clause, the thing it counts, the words a writer
qualifies it with, and "a year earlier". Plain functions of a text and offsets in it, for check.py."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import lru_cache

from pcli.articles.around import CLAUSE_END
from pcli.articles.phrases import QUALIFIER_WORDS
from pcli.base.words import FILLER
from pcli.text import fold, fold_keep


def unwrapped(text: str) -> str:
    """The text with the line breaks of hard-wrapped paragraphs as spaces (offsets unchanged): a sentence goes on
    across them. A blank line, a heading and a list item (bulleted or numbered) still begin anew."""
    return re.sub(r"(?<=\S)\n(?!\s*(?:[#>*+-]|\(?\d{1,3}[.)/]\s))(?=\S)", " ", text)


_SCALES = frozenset("thousand million billion trillion nghin ngan trieu ty ti ribu juta miliar triliun".split())


def noun_after(text: str, end: int, stop: int) -> str:
    """The word that names what a number counts, just after it and its scale word ("8.5 million *inhabitants*"),
    or "" when a word of no meaning follows ("about 2,100 *a* year earlier")."""
    for word in fold(text[end : min(stop, end + 60)]).split()[:2]:
        if word not in _SCALES:
            return "" if word in FILLER or word.isdigit() else word
    return ""


def clause_of(text: str, s0: int, s1: int, start: int, end: int, qualifier: str = "",
              figures: Sequence[tuple[int, int]] = ()) -> str:  # fmt: skip
    """The words that speak of the number: its clause, between the figures before and after it (a year or a date
    between them is part of it: "near-poor households at the end of 2024 numbered 9,928"), without the words that
    qualify the number."""
    i = bisect.bisect_left(figures, (start, end))
    left_stop = max([s0, *(b for a, b in figures[max(0, i - 1) : i] if b <= start)])
    right_stop = min([s1, *(a for a, b in figures[i + 1 : i + 2] if a >= end)])
    left = unqualified(text[left_stop:start], qualifier)
    if not figures:
        left = re.split(r"\d[\d.,]*\s*%?", left)[-1]
    left = CLAUSE_END.split(left)[-1]
    left = re.split(r"\b(?:and|và|dan|but|nhưng|namun|while)\b", left)[-1]
    right = text[end:right_stop] if figures else re.split(r"\d", text[end:s1])[0]
    return left + " " + CLAUSE_END.split(right)[0]


def own_end(text: str, end: int, s1: int, figures: Sequence[tuple[int, int]]) -> int:
    """Where the words that speak of the number ending at `end` end: at the sentence's end, or where the clause of
    the next figure of its sentence begins (its last clause mark before it): "… cho 53.826 lao động, | trong đó
    nguồn vốn ủy thác giúp hơn 225.800 người …"."""
    i = bisect.bisect_right(figures, (end, end))
    stop = min([s1, *(a for a, _ in figures[i : i + 1] if a >= end)])
    marks = list(CLAUSE_END.finditer(text, end, stop)) if stop < s1 else []
    return marks[-1].start() if marks else stop


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


def whole_sentences(text: str) -> list[int]:
    """Where each sentence of a text starts, a ";" not ending one: the clause after it goes on with the subject
    and the period of the clause before it ("năm 2022 … 2.134 hộ nghèo; năm 2023 còn 690 hộ")."""
    return [0, *(m.end() for m in _SENTENCE_END.finditer(text))]


def whole_sentence(starts: list[int], s0: int, s1: int) -> tuple[int, int]:
    """The whole sentence around a sentence the reader cut at ";"."""
    i = bisect.bisect_right(starts, s0) - 1
    j = bisect.bisect_left(starts, s1)
    end = starts[j] if j < len(starts) else s1
    return starts[i], max(s1, end)


# "a year earlier": the period before the one the sentence gives; "a year later": the one after the year before it.
YEAR_BEFORE = ("a year earlier", "the year before", "the previous year", "a year before", "nam truoc", "truoc do mot nam",
                "tahun sebelumnya", "setahun sebelumnya")  # fmt: skip
YEAR_AFTER = ("a year later", "one year later", "twelve months later", "12 months later", "a year after",
               "the following year", "the next year", "the year after", "nam sau", "mot nam sau", "nam tiep theo",
               "nam ke tiep", "setahun kemudian", "satu tahun kemudian", "tahun berikutnya", "setahun setelahnya",
               "tahun setelahnya")  # fmt: skip
YEAR = re.compile(r"(?<![\d.,/])(?:19|20)\d\d(?![\d.,/]\d|\d|\s*%)")


def _said(folded: str, phrases: tuple[str, ...]) -> re.Match[str] | None:
    """Where the first of the (folded) phrases stands in the folded text as whole words."""
    return _phrases(phrases).search(folded)


@lru_cache(maxsize=16)
def _phrases(phrases: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?<![a-z])(?:" + "|".join(re.escape(p) for p in phrases) + r")(?![a-z])")


def shifted(clause: str, period: str, before: str) -> str:
    """The period of a number said relative to another: the year before the sentence's for "a year earlier" in its
    clause; the year after the one named for "a year after 2022", or else after the last one written before the
    number, for "a year later", "năm sau", "setahun kemudian" in its clause or since that year ("2,134 in 2022 and
    690 twelve months later"; with no year in the sentence, after the period given: "Setahun kemudian, jumlahnya
    turun menjadi 700"). `before` is the sentence up to the number."""
    folded = " ".join(fold(clause).split())
    if period[:4].isdigit() and _said(folded, YEAR_BEFORE):
        return str(int(period[:4]) - 1)
    years = list(YEAR.finditer(before))
    since = " ".join(fold(before[years[-1].end() :] if years else before).split())  # "Setahun kemudian, … 700"
    later = _said(folded, YEAR_AFTER)
    if later is None and _said(since, YEAR_AFTER) is None:
        return period
    named = YEAR.match(folded, later.end() + 1) if later is not None else None  # "a year after 2022"
    base = named[0] if named else years[-1][0] if years else period[:4]
    if base.isdigit() and (not period or period[:4] in (base, str(int(base) + 1))):
        return str(int(base) + 1)
    return period


_HOW_MANY = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "hai": 2,
             "ba": 3, "bon": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9, "muoi": 10, "dua": 2, "tiga": 3,
             "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8, "sembilan": 9, "sepuluh": 10}  # fmt: skip
_SPAN = re.compile(r"\b(?:over|in|across|for|during|within|whole|past|last|trong|qua|suot|selama|dalam|sepanjang)"
                   r"\s+(?:the\s+)?(?:past\s+|last\s+|whole\s+)?(\d{1,2}|[a-z]+)[\s-]+(?:years?|nam|tahun)\b")  # fmt: skip


def spanned(clause: str, period: str) -> str:
    """The period of a number its clause says is of several years up to the year its sentence gives: "Năm 2024 …
    nâng tổng số nhà được hỗ trợ trong ba năm lên 3.520 căn" is of 2022-2024; "over the past three years", "selama
    tiga tahun" the same."""
    if not re.fullmatch(r"\d{4}(?:-\d\d){0,2}", period):
        return period  # only a year, or a month or day of it, is the end of a span
    said = _SPAN.search(" ".join(fold(clause).split()))
    years = (int(said[1]) if said[1].isdigit() else _HOW_MANY.get(said[1], 0)) if said else 0
    end = int(period[:4])
    return f"{end - years + 1}-{end}" if 2 <= years <= 10 else period


def unqualified(before: str, qualifier: str) -> str:
    """The words before a number without the qualifier the reader read there ("hampir", "nearly", "hơn"): they
    speak of the number, not of a measure ("hampir 120.000 rumah tangga" is not "rumah tangga hampir miskin")."""
    words = before.split()
    for phrase in sorted(QUALIFIER_WORDS.get(qualifier, ()), key=len, reverse=True):
        n = len(phrase.split())
        if re.sub(r"[^0-9a-z ]+", " ", fold_keep(" ".join(words[-n:]))).split() == phrase.split():
            return " ".join(words[:-n]) + " "
    return before


_RESTATED = re.compile(r"\s*(?:[^\W\d]+\s+){0,3}?(?:\(|(?:atau|or|hay|hoac|tuc la|tuong duong(?: voi)?|chiem|equal to"
                       r"|equivalent to|setara dengan)\s*)$")  # fmt: skip


def restates(text: str, start: int, figures: Sequence[tuple[int, int]]) -> bool:
    """Whether a share restates the count just before it: "700 rumah tangga atau 0,03%", "690 hộ, tương đương
    0,03%", "2,134 (0.095%)": only the count's unit between them, then "or" or a bracket."""
    ends = [b for a, b in figures if b <= start]
    if not ends:
        return False
    between = fold_keep(text[ends[-1] : start]).replace(",", " ")
    return bool(_RESTATED.fullmatch(between))
