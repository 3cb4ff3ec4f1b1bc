"""What the words of a sentence say besides its periods and numbers: that it is dated by the sentence before it
("Cùng năm"), that it names a period relative to an unstated date ("this year"), defines a category by a threshold,
names a programme's life, sets a goal, or compares with the start of the year.

Phrases are folded (`pcli.text.fold_keep`) and matched as whole words.
"""

from __future__ import annotations

import re

from pcli.articles.dating import Mention
from pcli.articles.phrases import GOAL_WORDS
from pcli.text import fold_keep

# Words that date a sentence by the one before it, even across a paragraph: "Cùng năm", "Pada tahun yang sama".
SAME = ("cung nam", "cung ky", "cung thoi gian", "pada tahun yang sama", "pada periode yang sama", "the same year",
        "that year", "the same period")  # fmt: skip
ACHIEVED = ("vuot", "dat", "exceeded", "surpassed", "melampaui", "melebihi", "hoan thanh")
# Words that define a category by a threshold: what the article's period dates is its statistics, not these.
DEFINES = ("are those", "is one", "are defined as", "is defined as", "defined as", "are considered", "is considered",
           "la ho co", "la nhung ho", "duoc xac dinh la", "duoc coi la", "adalah mereka", "adalah penduduk yang",
           "adalah rumah tangga yang", "didefinisikan", "dikategorikan")  # fmt: skip
PROGRAMMES = ("chuong trinh", "de an", "du an", "ke hoach", "chien luoc", "programme", "program", "project", "plan",
              "strategy", "programnya", "proyek", "rencana", "strategi")  # fmt: skip
# Periods the text names only relative to a date it does not give.
RELATIVE = ("this year", "last year", "next year", "nam nay", "nam ngoai", "nam truoc", "nam toi", "nam sau",
            "tahun ini", "tahun lalu", "tahun depan", "tahun sebelumnya", "recent", "recently", "gan day",
            "baru baru ini", "currently", "at present", "hien nay", "hien tai", "saat ini", "dewasa ini")  # fmt: skip
UNRESOLVED = ("recent", "recently", "gan day", "baru baru ini")  # relative periods no date of publication resolves
# Words that refer to the data just given: "Berdasarkan data tersebut", "according to these data", "theo số liệu trên".
ABOVE = ("data tersebut", "data di atas", "data itu", "these data", "this data", "the data above", "these figures",
         "so lieu tren", "so lieu nay", "so lieu do")  # fmt: skip
CHANGE_NOUNS = ("penurunan", "kenaikan", "peningkatan", "decrease", "increase", "reduction", "decline", "drop")
GAP = ("selisih", "selisihnya", "kesenjangan", "chenh lech", "khoang cach", "difference between", "gap between",
       "the gap", "the difference")  # fmt: skip
START_OF_YEAR = ("so voi dau nam", "tu dau nam", "since the start of the year", "since the beginning of the year",
                 "compared with the start of the year", "compared to the start of the year", "dibandingkan awal tahun",
                 "sejak awal tahun")  # fmt: skip


def says(sentence: str, phrases: tuple[str, ...]) -> bool:
    """Whether the sentence says one of the (folded) phrases as whole words."""
    words = " " + " ".join(re.sub(r"[^0-9a-z]+", " ", fold_keep(sentence)).split()) + " "
    return any(f" {w} " in words for w in phrases)


def named_programme(m: Mention, sentence: str) -> bool:
    """Whether a range of years is the life of a programme the sentence names ("Chương trình … giai đoạn
    2021-2025"), which dates no later sentence, rather than the period its figures are for ("poor households for
    the 2016-2020 period")."""
    words = " " + " ".join(re.sub(r"[^a-z]+", " ", fold_keep(sentence[max(0, m.start - 80) : m.start])).split()) + " "
    return programme(m) and any(f" {w} " in words for w in PROGRAMMES)


def programme(m: Mention) -> bool:
    """Whether a period is a range of years ("giai đoạn 2021-2025"): a programme's, not what later sentences
    report on; a range from a year to now ("từ năm 2016 đến nay") is what they report on."""
    return len(m.period) == 9 and m.period[4] == "-" and not m.to_now


def goal(before: str) -> bool:
    """Whether the words before a number in its sentence set it as a goal ("phấn đấu", "target"), not as a goal
    met ("vượt chỉ tiêu")."""
    words = " " + " ".join(re.sub(r"[^0-9a-z]+", " ", fold_keep(before)).split()) + " "
    for goal in GOAL_WORDS:
        at = words.rfind(f" {goal} ")
        if at >= 0 and not any(words[:at].endswith(f" {w}") for w in ACHIEVED):
            return True
    return False


# A count of times per year is how often something happens, no figure of a period: "2 kali setiap tahunnya".
_FREQUENCY = re.compile(r"^\s*(?:kali|lan|times)\s+(?:dalam\s+)?(?:setiap|tiap|per|a|each|every|moi|hang|hằng|sekali)\s+"
                        r"(?:tahun|year|nam|bulan|month|thang|minggu|week|tuan|hari|day|ngay)")  # fmt: skip
# Units that measure a file of the page, not what the article reports on: "Ukuran File : 3.64 MB".
_FILE_SIZES = ("kb", "mb", "gb", "bytes", "kilobytes", "megabytes")
DURATIONS = ("months",)  # units that measure a length of time
# A goal set by a document the sentence names: its term dates it, not what dates the sentence.
_DOCUMENT_GOAL = re.compile(
    r"\b(?:muc tieu|chi tieu|target|targets|goal|sasaran|tujuan)\s+(?:of\s+|cua\s+|the\s+|dalam\s+)*"
    r"(?:nghi quyet|quyet dinh|nghi dinh|chi thi|resolution|decision|decree|directive|peraturan|keputusan|perda"
    r"|instruksi|rpjmd|rpjmn)\b"
)


def undated(after: str, unit: str) -> bool:
    """Whether what a number counts says it is of no period: a frequency ("2 times a year", "2 kali setiap
    tahun"), the size of a file ("3.64 MB") or a length of time ("courses of under 3 months")."""
    return unit in _FILE_SIZES or unit in DURATIONS or bool(_FREQUENCY.match(fold_keep(after)))


def document_goal(before: str) -> int:
    """Where the words before a number name it the goal of a document ("vượt mục tiêu Nghị quyết Đại hội … giảm
    3-4%/năm", "the target of Resolution 15"), in the number's clause, or -1."""
    folded = fold_keep(before)
    found = list(_DOCUMENT_GOAL.finditer(folded))
    return found[-1].start() if found and not re.search(r"[;:]|,\s", folded[found[-1].end() :]) else -1
