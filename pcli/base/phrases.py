"""Each record of a base described by all the text it has, as weighted phrases of meaningful words: what the
search matches a question against (answer/index.py), and what the cache keeps ready with each word's postings."""

from __future__ import annotations

import re

from pcli.base.model import FactBase
from pcli.base.words import DOCUMENT_KINDS, KIND_WORDS, LANGUAGE_NAMES, UNIT_KIND_WORDS, content_words

NAME = 1.0  # a record's names: an indicator's labels and aliases, a programme's, agency's or place's name
SUBJECT = 0.8  # what a document is about, an outlet's title: what it is, said in other words
TEXT = 0.45  # what is said of it: roles, notes, the verbatim quotes of its figures and citations

# A kind of programme or place in the three languages: "which project", "dự án nào", "proyek apa".
RECORD_KINDS = {
    "programme": "programme program chuong trinh", "plan": "plan ke hoach rencana", "project": "project du an proyek",
    "fund": "fund quy dana", "policy": "policy chinh sach kebijakan", "communes": "communes xa komune",
    "commune": "commune xa komune", "model": "model mo hinh", "district": "district huyen kabupaten",
    "province": "province tinh provinsi", "ward": "ward phuong kelurahan", "village": "village thon lang desa",
}  # fmt: skip


def _slug(url: str) -> str:
    """The title a news address carries in its last part: ".../thu-do-som-ve-dich-726248.html" → "thu do som ve
    dich"."""
    last = url.rstrip("/").rsplit("/", 1)[-1] if "/" in url else ""
    words = re.sub(r"\.[a-z]+$", "", last).replace("_", "-").split("-")
    return " ".join(w for w in words if not w.isdigit()) if len(words) >= 3 else ""


Phrases = list[tuple[str, float, tuple[str, ...]]]  # ("kind:id", weight, folded words)


def _texts(value: object) -> list[str]:
    """The strings of a field: itself, each language of a {lang: text}, each item of a list."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [str(v) for v in value.values()]
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    return []


class _Described:
    """The phrases of the records being described, each phrase once a record."""

    def __init__(self, base: FactBase) -> None:
        self.base = base
        self.out: Phrases = []
        self.seen: set[tuple[str, tuple[str, ...]]] = set()

    def every(self, texts: list[str]) -> list[str]:
        """Free text in each language the base gives it (a note, a role, a name)."""
        return [t for text in texts for t in (text, *self.base.phrases.get(text, {}).values()) if t]

    def add(self, key: str, weight: float, *texts: str) -> None:
        for text in texts:
            words = content_words(text)
            if words and (key, words) not in self.seen:
                self.seen.add((key, words))
                self.out.append((key, weight, words))

    def said(self, key: str, texts: list[str]) -> None:
        words = tuple(dict.fromkeys(w for text in texts for w in content_words(text)))
        if words:
            self.out.append((key, TEXT, words))


def record_phrases(base: FactBase) -> Phrases:
    """Every record described by all the text it has, as phrases of meaningful words keyed "kind:id" with the
    weight of the field they come from (NAME, SUBJECT, TEXT): indicators by their labels and aliases, their topic
    and unit, and the quotes, contexts and notes of their figures (the words a question in the source's language
    meets); documents by kind, number and subject, their issuer's name and their notes; programmes, agencies and
    places by their names and kind, roles, notes and the quotes that cite them; sources by outlet, title and
    what the text says of them. Free text counts in every language the base gives it. What is said of a record
    is one bag of its distinct words, so that a record with many figures is not favoured for its length."""
    described = _Described(base)
    _indicators(base, described)
    _entities(base, described)
    _sources(base, described)
    return described.out


def _indicators(base: FactBase, d: _Described) -> None:
    about: dict[str, list[str]] = {}
    for figure in base.figures:
        texts = about.setdefault(figure.indicator, [])
        texts += [t for c in figure.citations for t in (c.quote, c.context) if t]
        if figure.note:
            texts += d.every([figure.note])
    for ind in base.indicators.values():
        key = f"indicator:{ind.id}"
        d.add(key, NAME, *ind.label.values(), *ind.aliases)
        topic, unit = base.topics.get(ind.topic), base.units.get(ind.unit)
        kind = UNIT_KIND_WORDS.get(unit.kind, "") if unit else ""
        extra = [*(topic.label.values() if topic else ()), *(unit.label.values() if unit else ()), kind, *d.every([ind.note])]
        d.said(key, [*about.get(ind.id, ()), *extra])


def _entities(base: FactBase, d: _Described) -> None:
    names = {e.id: e.fields.get("name") for entities in base.entities.values() for e in entities}
    for table, entities in base.entities.items():
        kind = "agency" if table == "agencies" else table[:-1]
        for e in entities:
            key = f"{kind}:{e.id}"
            f = e.fields
            kinds = DOCUMENT_KINDS.get(str(f.get("kind")), ()) if table == "documents" else ()
            other = RECORD_KINDS.get(str(f.get("kind")), "")
            d.add(key, NAME, *d.every([*_texts(f.get("name")), *_texts(f.get("aliases"))]))
            if table == "documents":
                d.add(key, NAME, *(f"{k} {f.get('number', '')}" for k in kinds[:4]))
                d.add(key, SUBJECT, *(f"{k} {s}" for k in kinds[:4] for s in _texts(f.get("subject"))))
            texts = d.every([*_texts(f.get("role")), *_texts(f.get("note")), *_texts(names.get(str(f.get("issuer"))))])
            d.said(key, [*texts, other, *(t for c in e.citations for t in (c.quote, c.context) if t)])


def _sources(base: FactBase, d: _Described) -> None:
    for source in base.sources.values():
        key = f"source:{source.id}"
        d.add(key, NAME, source.outlet)
        # what the article is about: its own title, else the base's (a base is the report its articles tell), in
        # English and in the article's own language ("artikel … tanpa rumah tangga miskin" is the Indonesian one)
        titles = base.phrases.get(base.title, {})
        subject = [source.title] if source.title else [base.title, titles.get(source.language, ""), _slug(source.url)]
        d.add(key, SUBJECT, *(t for t in subject if t), LANGUAGE_NAMES.get(source.language, ""))  # "the Vietnamese …"
        url, kinds = source.url.replace("-", " "), KIND_WORDS["source"].replace(",", " ")
        d.said(key, [*d.every([source.note]), source.rendering_of, url, kinds])


def postings(phrases: Phrases) -> tuple[dict[str, int], dict[str, list[int]]]:
    """Each word of the phrases: how many records hold it, and the phrases it is in (by their place in the list;
    a record's phrases come together). Worked out when a cache is written, read back by the search."""
    held: dict[str, int] = {}
    rows: dict[str, list[int]] = {}
    last: dict[str, str] = {}  # the last record that held each word
    for n, (key, _, phrase) in enumerate(phrases):
        for token in set(phrase):
            rows.setdefault(token, []).append(n)
            if last.get(token) != key:
                last[token] = key
                held[token] = held.get(token, 0) + 1
    return held, rows


def distinguishing(phrases: Phrases) -> frozenset[str]:
    """The words that alone tell indicators apart, again and again: "near" where "poor households" and "near poor
    households" name two indicators and "poverty rate" and "near poverty rate" two more; "cận" and "hampir" the
    same in Vietnamese and Indonesian; "share" and "persentase" a rate from a count. A phrase in which such a
    word modifies a word the question asks for, and the question does not have it, is not an answer ("hộ nghèo
    giảm" is not the fall in near-poor households). A word that tells only one pair apart is not counted: it
    names a thing more than it modifies one. The cache keeps the set ready."""
    owners: dict[frozenset[str], set[str]] = {}
    for key, weight, phrase in phrases:
        if (
            key.startswith("indicator:") and weight == NAME
        ):  # what tells measures apart: a document's or an agency's name does not
            owners.setdefault(frozenset(phrase), set()).add(key)
    pairs: dict[str, int] = {}
    for words, keys in owners.items():
        for word in words if len(words) > 1 else ():
            others = owners.get(words - {word})
            if others and others - keys:
                pairs[word] = pairs.get(word, 0) + 1
    return frozenset(word for word, count in pairs.items() if count >= 2)
