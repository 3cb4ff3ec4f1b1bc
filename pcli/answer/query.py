"""Reading a question in English, Vietnamese or Indonesian: its content words, the periods it names, the place,
the documents it cites by number, whether it asks for a change, and a place the base does not cover."""

from __future__ import annotations

from functools import cache

from pcli.answer.cited import Numbers, dates, documents, named_place, states_number
from pcli.answer.question_periods import read_periods
from pcli.answer.question_places import Places, elsewhere, uncovered
from pcli.base.periods import Period
from pcli.base.words import (
    ASKS_FIGURE,
    ASKS_RECORD,
    ASKS_UNIT,
    ATTRIBUTION,
    CHANGE,
    DOCUMENT_WORDS,
    FILLER,
    GOALS,
    HEAD_AFTER,
    HEAD_BEFORE,
    KIND_OF_WORD,
    MEASURES,
    RANGE_WORDS,
    SCOPES,
    SINCE,
    UNIT_KIND_WORDS,
    compounded,
    kept_fillers,
    without_marked_fillers,
)
from pcli.errors import UsageError
from pcli.text import fold, fold_keep, one_line, pattern, word_runs

_UNIT_WORDS = frozenset(w for phrases in ASKS_UNIT.values() for p in phrases for w in p.split()) - FILLER
MAX_QUERY = 1000  # characters
MAX_PERIODS = 8  # periods named in one query


class Query:
    __slots__ = ("text", "words", "periods", "place", "documents", "change", "elsewhere", "cited", "values", "head", "scope",
                 "asks", "target", "since", "asked", "unit", "named", "counted", "before", "quantity", "attributed",
                 "much")  # fmt: skip

    def __init__(self, text: str, words: tuple[str, ...], periods: tuple[Period, ...], place: str | None) -> None:
        self.text, self.words, self.periods, self.place = text, words, periods, place
        self.documents: list[str] = []  # ids of the documents the question cites by number
        self.cited = ""  # a document number the question cites that the base does not hold
        self.change = False  # "how much did … fall from 2022 to 2024"
        self.elsewhere = ""  # a place the question names that the base does not cover
        self.values: list[tuple[str, frozenset[float]]] = []  # each number that is not a period: (as written, readings)
        self.head = ""  # the word the question asks for: "which *bank*", "*ngân hàng* nào", "*bank* apa"
        self.asks = ""  # "figure" for "how many", "record" for "who": the kind of answer a question word asks for
        self.target = False  # the question asks for a goal ("target", "mục tiêu", "sasaran")
        self.since = False  # "since 2022", "so với 2022": one period, the change runs from it to the latest
        self.before = False  # "before the July 2025 reorganisation": a figure of an earlier time than the period
        self.asked: tuple[str, ...] = ()  # the content words with the words of change: "giảm nghèo" is a name too
        self.unit = ""  # the kind of number asked for: "what percentage" a share, "how many" a count
        self.counted = ""  # "bao nhiêu trẻ em": the thing asked how many of ("tre"), not what share of them
        self.quantity = False  # it asks how many or how much ("bao nhiêu", "berapa", "jumlah")
        self.much = False  # "how much": an amount or a share, never a count of things ("how many")
        self.named = ""  # a place the question names by its kind ("komune Ba Vi", "xã Mê Linh"), folded
        self.scope = ""  # a whole country the question names or says ("Vietnam", "cả nước"), folded
        self.attributed: frozenset[str] = frozenset()  # "menurut hasil tinjauan": where it says the figure is from


def parse_query(text: str, places: Places | list[tuple[str, str]], numbers: Numbers | None = None) -> Query:
    """Split a question into content words, periods, place, cited documents and the numbers it states.

    places: (name, folded name) pairs of the places the base has figures for; numbers: (document id, kind,
    split number) of its documents.
    """
    if len(text) > MAX_QUERY:
        raise UsageError("query_too_long", length=len(text), limit=MAX_QUERY)
    query = Query(text, (), (), None)
    stripped, query.documents, query.cited = documents(dates(text, numbers or []) if "/" in text else text, numbers or [])
    query.named = named_place(stripped)
    if states_number(stripped):  # a digit that is not a plain year: a number of the question
        stripped = _values(stripped, query)
    words = compounded(fold(without_marked_fillers(stripped)).split())  # "tính đến": as of, not a province
    query.before = not _BEFORE_WORDS.isdisjoint(words) and bool(_BEFORE().search(" ".join(words)))
    periods: list[Period] = []
    if any(w.isdigit() for w in words):  # no digit: no year (half of all questions)
        words, periods = read_periods(words)
        if len(periods) > MAX_PERIODS:
            raise UsageError("too_many_periods", count=len(periods), limit=MAX_PERIODS)
    places = places if isinstance(places, Places) else Places(places)
    words = _take_place(words, places, query)
    query.elsewhere = elsewhere(words, places)
    query.scope = uncovered(words, SCOPES, places, 2)
    _question_words(words, query)
    if not query.unit and "%" in stripped:  # "what % of households …": a share, as "what percentage" asks
        query.unit = "percent"
    if query.asks in ("", "document") and "ố" in text and _NUMBER_OF().search(text):  # "số người tham gia …": a figure;
        # "Nghị quyết số 09/2021 quy định gì" is the resolution's number, read before the number is taken out
        query.asks = "figure"
    periods.sort(key=lambda p: p.sort_key)
    query.target = _take(words, GOALS)[0]
    since, rest = _take(words, SINCE)
    query.since = since and len(periods) == 1
    changing, rest = _take(rest, CHANGE)
    ranged = _take(rest, RANGE_WORDS)[0] and len(periods) == 2  # "from early 2022 to the end of 2024"
    said = f" {' '.join(words)} "  # "hộ nghèo đầu năm 2022 và cuối năm 2024", "… bao nhiêu … còn bao nhiêu": both
    twice = len(periods) == 2 and (not query.documents or any(said.count(f" {p} ") >= 2 for p in ASKS_FIGURE))
    # "giảm từ 0,095% xuống còn bao nhiêu năm 2023": from the figure that holds the number stated to the year asked
    stated = bool(changing and query.values and len(periods) == 1 and periods[0].kind != "range")
    query.change = (changing or since or ranged or twice) and (
        len(periods) >= 2 or any(p.kind == "range" for p in periods) or query.since or stated
    )
    skip = DOCUMENT_WORDS if query.documents or query.cited else frozenset()
    kept = kept_fillers(text)  # "cho vay": a loan, not "cho vậy"
    query.asked = tuple(w for w in words if (w not in FILLER or w in kept) and w not in skip)
    query.words = tuple(w for w in (rest if query.change else words) if (w not in FILLER or w in kept) and w not in skip)
    query.periods = tuple(periods)
    query.attributed = _attributed(words)
    return query


def _attributed(words: list[str]) -> frozenset[str]:
    """The words that say where a figure comes from: the word that says so and up to three content words after it
    ("theo kết quả rà soát", "menurut hasil tinjauan", "according to the review")."""
    out: list[str] = []
    for i in range(len(words)):
        for marker in ATTRIBUTION:
            parts = tuple(marker.split())
            if tuple(words[i : i + len(parts)]) == parts:
                content = 0
                for word in words[i + len(parts) :]:  # the fillers among them too: "kết quả rà soát"
                    content += word not in FILLER
                    if content > 3:
                        break
                    out.append(word)
                out += parts
    return frozenset(out)


def _values(text: str, query: Query) -> str:
    """Take the numbers that are not periods out of the text, each with its readings in base units as the three
    languages write numbers ("8.718 tỷ" and "8,718 billion" are 8.718 × 10¹²; "9.928" is 9928 or 9.928): the
    figures that hold one are what the question asks about."""
    from pcli.articles.scan import FIGURE, scan

    folded = fold_keep(text)
    spans: dict[int, tuple[int, set[float]]] = {}
    for lang in ("vi", "en", "id") if _ID_SCALE().search(folded) else ("vi", "en"):  # "153 miliar", not "8.718 tỷ"
        for n in scan(folded, lang):
            if n.kind != FIGURE:
                continue
            end, readings = spans.get(n.start, (0, set()))
            if n.end > end:
                end, readings = n.end, set()
            if n.end == end:
                readings.add(n.value)
            spans[n.start] = (end, readings)
    kept, last = [], 0
    for start in sorted(spans):
        end, readings = spans[start]
        if start < last or (folded[start] == "0" and folded[start + 1 : start + 2].isdigit()):
            continue  # "0000", "007": not a value anyone writes
        if start and folded[start - 1] in "'’":  # "'23": a year written short, which pcli does not guess
            raise UsageError("bad_year", word=text[start - 1 : end])
        scale = _SCALE_AFTER().match(folded, end)
        stop = scale.end() if scale else end
        query.values.append((text[start:stop].strip(), frozenset(readings)))
        kept.append(text[last:start])
        last = stop
    return "".join(kept) + text[last:]


_ID_SCALE = pattern(r"\d\s*(?:ribu|juta|miliar|triliun)(?![a-z])")
_SCALE_AFTER = pattern(r"\s*(?:%|nghin ty|nghin|ngan|trieu|ty|ti|ribu|juta|miliar|triliun|thousand|million|billion|"
                          r"trillion)(?![a-z])")  # fmt: skip


def _take(words: list[str], phrases: tuple[str, ...]) -> tuple[bool, list[str]]:
    """Whether the words hold one of the phrases (a word, or words in a row), and the words without them."""
    starting = _by_first(phrases)
    found, rest, i = False, [], 0
    while i < len(words):
        for parts in starting.get(words[i], ()):
            if tuple(words[i : i + len(parts)]) == parts:
                found, i = True, i + len(parts)
                break
        else:
            rest.append(words[i])
            i += 1
    return found, rest


@cache
def _by_first(phrases: tuple[str, ...]) -> dict[str, list[tuple[str, ...]]]:
    """The phrases by their first word, longest first: worked out once for each list of phrases."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for phrase in sorted(phrases, key=lambda p: -len(p.split())):
        parts = tuple(phrase.split())
        out.setdefault(parts[0], []).append(parts)
    return out


def _question_words(words: list[str], query: Query) -> None:
    """The kind of answer the question words ask for, and the word they ask about: "how many" a figure, "who" a
    record; "which *bank*", "*hang* nao", "*bank* apa"."""
    folded = " ".join(words)
    query.unit = next((kind for kind, phrases in ASKS_UNIT.items() if any(p in folded for p in phrases)), "")
    query.counted = _counted(words)
    query.quantity = any(f" {p} " in f" {folded} " for p in _ASKS_QUANTITY)
    query.much = " how much " in f" {folded} " and " how many " not in f" {folded} "
    if any(phrase in folded for phrase in ASKS_FIGURE):
        query.asks = "figure"
    elif not ASKS_RECORD.isdisjoint(words):
        query.asks = "record"
    for i, word in enumerate(words):
        if word in HEAD_AFTER and i + 1 < len(words) and words[i + 1] not in FILLER:
            query.head, kind = words[i + 1], _kind_at(words, i + 1, ahead=True)
        elif word in HEAD_BEFORE and i > 0 and (words[i - 1] not in FILLER or _kind_at(words, i - 1, ahead=False)):
            query.head, kind = words[i - 1], _kind_at(words, i - 1, ahead=False)
        elif word in HEAD_BEFORE and i + 1 < len(words) and words[i + 1] not in FILLER:
            query.head, kind = words[i + 1], _kind_at(words, i + 1, ahead=True)
        else:
            continue
        if query.head in _UNIT_WORDS:  # "what percentage": the kind of number (query.unit), not what it is of
            query.head = ""
        query.asks = query.asks or kind  # "which resolution", "sở nào", "Bank apa": the record of that kind
    # a measure the question opens with, or the head of the phrase it opens with ("… standard amount under …"); a
    # goal's words are not a measure's ("mục tiêu" is not "mức")
    unaimed = _take(words, GOALS)[1]
    opening, whole, lead = f" {' '.join(unaimed[:4])} ", f" {' '.join(words)} ", _lead_head(unaimed)
    measured = next((kind for kind, phrases in MEASURES.items() if any(f" {m} " in opening or m == lead for m in phrases)), None)
    if not query.asks and _kind_at(words, 0, ahead=True, least=5):  # "Dự án … tổng kinh phí"; "nghị quyết mức …"
        measured = "currency" if any(f" {m} " in whole for m in MEASURES["currency"]) else None
    if not query.asks and measured is not None:  # "tổng kinh phí …", "tingkat …": a figure of that kind
        query.asks, query.unit = "figure", query.unit or measured
    elif query.asks == "figure" and not query.unit:  # "berapa anggaran …", "bao nhiêu kinh phí …": an amount of money;
        # "tỷ lệ hộ nghèo …": a rate, as it opens; but "nguồn vốn … giúp bao nhiêu lao động": how many workers
        query.unit = _measured_after(words) or ("" if query.counted else measured or "")
    if not query.asks and len(words) > 1 and words[0] in _PLURAL and (kind := _kind_at(words, 1, ahead=True)):
        query.asks, query.head = kind, query.head or words[1]  # "các xã tập trung …": the communes, named as asked
    if not query.asks and words:  # "sumber artikel …", "cơ quan thường trực …": a question that starts with a kind
        kind = "place" if words[0] == "where" else _kind_at(words, 0, ahead=True, least=5)
        if not kind and len(words) > 1 and _kind_at(words, 1, ahead=True, least=5) == "source":
            kind = "source"  # "original source of …", "nguồn gốc bài báo": after one word that says which
        if kind == "agency" and "document" in (_kind_at(words, 1, ahead=True), _kind_at(words, 2, ahead=True)):
            kind = "document"  # "council resolution on …": the document, named with its issuer
        query.asks = (
            kind
            if kind in ("source", "agency", "document", "place", "programme") and (kind != "place" or words[0] == "where")
            else ""
        )
    if not query.asks and any(w in DOCUMENT_WORDS for w in words):
        query.asks = "document"
    if query.asks == "figure" and _NUMBER_ASKED().search(folded) and any(w in DOCUMENT_WORDS for w in words):
        query.asks = "document"  # "Resolusi … nomor berapa", "nghị quyết số mấy": the document's number


_BEFORE_WORDS = frozenset(("before", "prior", "truoc", "sebelum"))
_PLURAL = frozenset(("cac", "nhung"))  # Vietnamese writes the plural before the noun a phrase is about
_BEFORE = pattern(r"\b(?:before|prior to|truoc|sebelum)(?: the| thang| nam| tahun| bulan)?(?: [a-z]+)? (?:19|20)\d\d\b")
_NUMBER_OF = pattern(r"(?<![^\W\d_])[Ss]ố\s+(?!mấy\b|bao\b)(?=[^\W\d_])")  # "số hộ"; not "số 24/2021", "sở"
_NUMBER_ASKED = pattern(r"\b(?:nomor berapa|so may|so bao nhieu|what number|which number)\b")
_ASKS_QUANTITY = ("how many", "how much", "bao nhieu", "berapa", "jumlah")
_QUANTITY = (("bao", "nhieu"), ("berapa",))  # "how many" and "how much" alike: a count when a thing follows
_AMOUNTS = frozenset(w for words in UNIT_KIND_WORDS.values() for w in words.split()) | frozenset(
    "ty trieu nghin ngan dong vnd usd miliar juta ribu triliun rp".split()
)


_PREPOSITIONS = frozenset("of under in for by from with at on to per according".split())


def _lead_head(words: list[str]) -> str:
    """The last word of the phrase a question opens with, before its first preposition: the thing English names
    last ("monthly assistance amount under …" asks an amount)."""
    at = next((i for i, w in enumerate(words[:8]) if w in _PREPOSITIONS), 0)
    return words[at - 1] if at else ""


def _measured_after(words: list[str]) -> str:
    """The kind of number a measure right after a quantity word names ("berapa anggaran": money), if one does."""
    for i in range(len(words)):
        for quantity in _QUANTITY:
            if tuple(words[i : i + len(quantity)]) == quantity:
                after = " ".join(w for w in words[i + len(quantity) : i + len(quantity) + 3] if w not in FILLER) + " "
                return next((k for k, said in MEASURES.items() if k and any(after.startswith(f"{m} ") for m in said)), "")
    return ""


def _counted(words: list[str]) -> str:
    """The thing a quantity word asks how many of ("bao nhiêu trẻ em", "berapa rumah tangga", as "how many" does):
    not "bao nhiêu phần trăm", "bao nhiêu tỷ đồng", "berapa persen", nor one that ends the question ("đạt bao nhiêu").
    A share does not answer it unless the question says one, nor an amount when the thing is what a count counts."""
    for i in range(len(words)):
        for quantity in _QUANTITY:
            if tuple(words[i : i + len(quantity)]) == quantity:
                after = [w for w in words[i + len(quantity) :] if w not in FILLER]
                return after[0] if after and after[0] not in _AMOUNTS and after[0].isalpha() else ""
    return ""


def _kind_at(words: list[str], i: int, ahead: bool, least: int = 0) -> str:
    """The kind of record the words at i name, reading one or two words on from i (or back to it); a single word
    only if it has `least` letters ("báo" and "bài" begin other questions than about a newspaper)."""
    for size in (2, 1):
        part = words[i : i + size] if ahead else words[max(0, i - size + 1) : i + 1]
        if len(part) == size and (kind := KIND_OF_WORD.get(" ".join(part))) and (size > 1 or len(part[0]) >= least):
            return kind
    return ""


def _take_place(words: list[str], places: Places, query: Query) -> list[str]:
    for start, word in enumerate(words):
        for candidate, name in places.by_word(word):
            if words[start : start + len(name)] == name:
                query.place = candidate
                return words[:start] + words[start + len(name) :]
    for i in range(len(words) - 1):  # "ha noi" for "Hanoi"
        for candidate, name in places.by_word(words[i] + words[i + 1]):
            if len(name) == 1:
                query.place = candidate
                return words[:i] + words[i + 2 :]
    return words


def written(text: str, folded: str) -> str:
    """The words of a question that fold to these, as the question writes them ("cả nước" for "ca nuoc")."""
    tokens = word_runs(text)
    size = len(folded.split())
    for i in range(len(tokens) - size + 1):
        if fold(" ".join(tokens[i : i + size])) == folded:
            return one_line(" ".join(tokens[i : i + size]))
    return folded
