"""The words of a draft that speak of one of its numbers: its clause, the thing it counts, the words a writer
qualifies it with, and "a year earlier". Plain functions of a text and offsets in it, for check.py."""

from __future__ import annotations

import re

from pcli.articles.phrases import QUALIFIER_WORDS
from pcli.articles.reader import CLAUSE_END
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


def clause_of(text: str, s0: int, s1: int, start: int, end: int, qualifier: str = "") -> str:
    """The words that speak of the number: its clause, between the numbers before and after it, without the
    words that qualify the number."""
    left = re.split(r"\d[\d.,]*\s*%?", unqualified(text[s0:start], qualifier))[-1]
    left = CLAUSE_END.split(left)[-1]
    left = re.split(r"\b(?:and|và|dan|but|nhưng|namun|while)\b", left)[-1]
    right = CLAUSE_END.split(re.split(r"\d", text[end:s1])[0])[0]
    return left + " " + right


# "a year earlier": the period before the one the sentence gives.
_YEAR_BEFORE = ("a year earlier", "the year before", "the previous year", "a year before", "nam truoc", "truoc do mot nam",
                "tahun sebelumnya", "setahun sebelumnya")  # fmt: skip


def year_before(clause: str, period: str) -> str:
    from pcli.text import fold_keep

    folded = " ".join(fold_keep(clause).split())
    if period[:4].isdigit() and any(p in folded for p in _YEAR_BEFORE):
        return str(int(period[:4]) - 1)
    return period


def unqualified(before: str, qualifier: str) -> str:
    """The words before a number without the qualifier the reader read there ("hampir", "nearly", "hơn"): they
    speak of the number, not of a measure ("hampir 120.000 rumah tangga" is not "rumah tangga hampir miskin")."""
    words = before.split()
    for phrase in sorted(QUALIFIER_WORDS.get(qualifier, ()), key=len, reverse=True):
        n = len(phrase.split())
        if re.sub(r"[^0-9a-z ]+", " ", fold_keep(" ".join(words[-n:]))).split() == phrase.split():
            return " ".join(words[:-n]) + " "
    return before
