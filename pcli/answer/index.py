"""Ranking every record by how much of a question it explains: no single word vetoes an answer.

Each record is described by all the text it has (base/words.py: names, subjects, and what is said of it), each
phrase with the weight of its field. A question's word is matched against the base's vocabulary exactly, as a
prefix, within one typo or as another form of the word, and weighed by how much it tells records apart in this
base (its inverse document frequency over the base's own records). A record's fit is the weight of the words it
explains over the weight of all the question's words: a word no record holds still counts against every record,
so a question about what the base does not hold is not answered by the one word it shares with a record.

Some words are never ignored: a word that tells indicators apart (near-, cận, hampir; rate, tỷ lệ) must be
matched by a record's name when the question has it, and a name in which such a word modifies a word asked
("near poor households" for "poor households") is not an answer.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from pcli.answer.matching import FORM, TYPO, in_row, is_form, roots, similarity
from pcli.answer.postings import Rarity, Written
from pcli.base.phrases import NAME, Phrases, distinguishing, postings
from pcli.base.words import EXTREMES, MODIFIERS, UNIT_KIND_WORDS, WAYS

_MEASURED = frozenset(w for words in UNIT_KIND_WORDS.values() for w in words.split())
_SHARE_WORDS = frozenset(UNIT_KIND_WORDS["percent"].split())
_SHARE_SAID = frozenset("percent percentage share rate proportion persen persentase proporsi".split())
_SHARE_PAIRS = (("ty", "le"), ("phan", "tram"))  # Vietnamese syllables say it only together ("tỷ" alone: billion)


def says_share(words: tuple[str, ...]) -> bool:
    """Whether a question asks for a share in any of its words ("percentage" says what "share" and "tỷ lệ" say)."""
    return not _SHARE_SAID.isdisjoint(words) or any(pair in _SHARE_PAIRS for pair in zip(words, words[1:], strict=False))


# The order records of equal fit are listed in: figures (through their indicator) before the rest.
KIND_ORDER = {"indicator": 0, "programme": 1, "document": 2, "agency": 3, "place": 4, "source": 5}
UNKNOWN = 1.0  # a word no record holds weighs this share of the rarest word's weight
NAMED_BONUS = 0.25  # a record's rank gains this share of how much of its best name the question says,
HALF_NAMED = 0.5  # when it says half of it at least
ROOTED = 0.6  # a word of the base built on a root a question's word is built on too, beside the words it matches
SAID_OF_NAMED = 0.7  # what a record's text says weighs this much for a record half of whose name the question says
HEAD = 2.0  # the word a question asks for ("which *bank*", "*ngân hàng* nào") weighs this many times more


class Fit:
    """How well one record fits a question: `rank` orders the records, `share` is how much of the question's
    weight the record explains (0 to 1), the measure an answer must reach."""

    __slots__ = ("key", "rank", "share", "named", "names")

    def __init__(self, key: str, rank: float, share: float, named: float = 0.0, names: int = 0) -> None:
        self.key, self.rank, self.share = key, rank, share
        self.named = named  # the share of the record's best name the question's words cover
        self.names = names  # how many of the question's words a name of the record holds

    @property
    def kind(self) -> str:
        return self.key.split(":", 1)[0]

    def __repr__(self) -> str:
        return f"Fit({self.key!r}, {self.rank:.3f}, {self.share:.3f})"


class RecordIndex:
    """The weighted phrases of every record ("kind:id", weight, words), with the vocabulary they use."""

    def __init__(
        self,
        phrases: Phrases,
        modifiers: frozenset[str] | None = None,
        kept: tuple[dict[str, int], dict[str, str]] | None = None,
    ) -> None:
        """kept: the postings a cache keeps (base/words.py), each word's phrases as written, read when asked."""
        self.phrases = phrases
        self.order: dict[str, int] = {}
        self.names: dict[str, list[tuple[str, ...]]] = {}  # each record's names
        self.measured: dict[str, set[str]] = {}  # the words of what each indicator's unit measures
        for key, weight, phrase in phrases:
            self.order.setdefault(key, len(self.order))
            if weight == NAME:
                self.names.setdefault(key, []).append(phrase)
            elif not _MEASURED.isdisjoint(phrase):  # what its unit measures ("persentase" of a share)
                self.measured.setdefault(key, set()).update(_MEASURED.intersection(phrase))
        if kept is None:
            held, rows = postings(phrases)
            self.by_token: dict[str, list[int]] = rows
        else:
            held, self.by_token = kept[0], Written(kept[1])
        records = max(len(self.order), 1)
        self.idf = Rarity(held, records)
        self.rarest = math.log(1 + (records - 0.5) / 1.5)
        self.distinguishing = modifiers if modifiers is not None else distinguishing(phrases)
        self._known: dict[str, dict[str, float]] = {}
        self._scored: dict[tuple[tuple[str, ...], frozenset[str] | None, str, frozenset[str], bool], list[Fit]] = {}
        self._nearest: dict[str, list[str]] = {}
        self._named_by: dict[frozenset[str], set[str]] = {}  # the words of the names of records of some kinds
        self._near: dict[tuple[str, int], list[str]] | None = None  # by initial and length, head (-1), tail (-2)
        self._by_initials: dict[str, set[str]] | None = None  # the words of names by their initials
        self._tails = False
        self._by_root: dict[str, list[str]] | None = None  # and by the roots its words may be built on
        self._name_words: frozenset[str] | None = None

    @property
    def vocabulary(self) -> list[str]:
        return sorted(self.by_token)

    def _nearby(self, keys: tuple[tuple[str, int], ...]) -> Iterator[str]:
        if self._near is None:
            self._near = {}
            for token in self.by_token:
                self._near.setdefault((token[:1], len(token)), []).append(token)
                self._near.setdefault((token[:3], -1), []).append(token)
        if keys[0][1] == -2 and not self._tails:  # the tails, made when a first-letter typo is first looked for
            self._tails = True
            for token in self.by_token:
                self._near.setdefault((token[1:], -2), []).append(token)
        seen = set()
        for key in keys:
            for token in self._near.get(key, ()):
                if token not in seen:
                    seen.add(token)
                    yield token

    def _candidates(self, word: str) -> Iterator[str]:
        """The tokens of the word's first letter that `similarity` may match, and no other: of a length within
        one of its (the word itself, a typo) or of its first three letters (a prefix, another form)."""
        n, first = len(word), word[:1]
        return self._nearby(((first, n - 1), (first, n), (first, n + 1), (word[:3], -1) if n >= 3 else ("", 0)))

    def _first_typos(self, word: str) -> Iterator[str]:
        """Among others, the tokens one edit from the word that begin with another letter (by a token's tail)."""
        return self._nearby(((word[1:], -2), (word, -2), (word[2:], -2), (word[:1] + word[2:], -2)))

    def _roots(self) -> dict[str, list[str]]:
        if self._by_root is None:
            self._by_root = {}
            for token in self.by_token:
                for root in roots(token) if token.isalpha() else ():
                    self._by_root.setdefault(root, []).append(token)
        return self._by_root

    def known(self, word: str) -> dict[str, float]:
        """The vocabulary's tokens a query word matches, with how well, worked out once per word (a batch asks
        the same words again and again). Tokens of the same initial first: a typo in a word's first letter is
        rare, and comparing with all of them costs start-up time."""
        sims = self._known.get(word)
        if sims is None:
            sims = {t: s for t in self._candidates(word) if (s := similarity(word, t))}
            if not sims and len(word) >= 6:  # a typo in the first letter: only tokens one letter longer or shorter
                sims = {t: s for t in self._first_typos(word) if (s := similarity(word, t))}
            if word.isalpha() and (not sims or word not in self._named()):  # another form of the word built on
                # the same root ("berkurang"), below the word itself, for a word no name has ("penerima" the names
                # say "menerima")
                mates = {t: ROOTED for r in roots(word) for t in self._roots().get(r, ()) if t != word}
                sims = {**mates, **sims} if sims else dict.fromkeys(mates, FORM)
            if not sims and (way := next((w for w in WAYS if word in w), None)):  # "cut": what "reduced" says
                sims = {t: FORM for t in way if t in self.by_token}
            if (
                3 <= len(word) <= 6
                and word.isalpha()
                and sum(c in "aeiouy" for c in word) <= 1
                and (not sims or self._alone(word))
            ):  # the initials of the words of a name, as Vietnamese writes them: "csxh", "ubnd"; also where one
                # record's name is the abbreviation itself ("BHYT"), for the others whose names spell its words out
                sims = {**dict.fromkeys(self._initials().get(word, ()), FORM), **sims}
            if word in self.by_token:  # a word the base holds is not a typo of another ("nghèo", "nghề"), but
                # may be another form of it ("published", "publisher")
                sims = {t: s if s != TYPO else FORM for t, s in sims.items() if s != TYPO or is_form(word, t)}
            elif sims:  # a word it does not hold is the closest of those it may be: "househods" is "households"
                best = max(sims.values())
                sims = {t: s for t, s in sims.items() if s == best}
            if word.isdigit():  # a number is matched as written: "2" is not the start of "2134"
                sims = {word: 1.0} if word in self.by_token else {}
            self._known[word] = sims
        return sims

    def _named(self) -> frozenset[str]:
        """The words of every record's names, gathered when first asked."""
        if self._name_words is None:
            self._name_words = frozenset(t for names in self.names.values() for name in names for t in name)
        return self._name_words

    def _alone(self, word: str) -> bool:
        """Whether a word is a record's whole name by itself (an abbreviation the base writes as a name)."""
        return any(name == (word,) for names in self.names.values() for name in names)

    def _initials(self) -> dict[str, set[str]]:
        """The initials of each run of three to six words of the records' names, with those words ("csxh" for
        "chính sách xã hội", "ubnd" for "ủy ban nhân dân"), made when a word is first looked up this way."""
        if self._by_initials is None:
            self._by_initials = {}
            for phrase in (p for names in self.names.values() for p in names):
                for n in range(3, 7):
                    for i in range(len(phrase) - n + 1):
                        run = phrase[i : i + n]
                        self._by_initials.setdefault("".join(t[0] for t in run), set()).update(run)
        return self._by_initials

    def in_names_of(self, kinds: frozenset[str], word: str) -> bool:
        """Whether a word is in the name of a record of these kinds, in any form."""
        tokens = self._named_by.get(kinds)
        if tokens is None:
            tokens = self._named_by[kinds] = {t for key, names in self.names.items() if key.split(":", 1)[0] in kinds
                                              for name in names for t in name}  # fmt: skip
        return not tokens.isdisjoint(self.known(word))

    def names_place(self, key: str, place: str, words: tuple[str, ...]) -> bool:
        """Whether a country a question names is in the name of the record it asks for, or of a record it names
        ("Vietnam Bank for Social Policies' loans"): then it is a name, not the place asked about."""
        if self.names_say(key, place):
            return True
        said = set(words)
        return any(
            self.names_say(other, place) and any(2 * len(said.intersection(name)) > len(name) for name in names)
            for other, names in self.names.items()
        )

    def names_say(self, key: str, words: str) -> bool:
        """Whether a name of the record says these words in a row ("vietnam" in "healthy vietnam")."""
        forms = {tuple(words.split()), (words.replace(" ", ""),)}  # "viet nam" is "vietnam"
        return any(in_row(said, name) for said in forms for name in self.names.get(key, ()))

    def outside_names(self, key: str, words: tuple[str, ...], most: bool = False) -> tuple[str, ...]:
        """The words outside the names of the record the question says more than half of ("Bank Kebijakan Sosial
        cabang"); with `most`, outside only the names it says most of (an alias that describes what the record
        does, "ngân hàng cho hộ nghèo vay", keeps its words for the figure asked: "số hộ được vay vốn"); a word said
        again after the name is outside it."""
        shares = []
        for phrase in self.names.get(key, ()):
            hit = {w for w in words if not set(phrase).isdisjoint(self.known(w))}
            covered = sum(any(t in self.known(w) for w in hit) for t in phrase)  # "csxh" covers four of its words
            if 2 * covered > len(phrase):
                shares.append((covered / len(phrase), hit))
        top = max((share for share, _ in shares), default=0.0)
        said = {w for share, hit in shares if not most or share == top for w in hit}
        out, taken = [], set()
        for word in words:  # each once: "ngân" of "giải ngân" after "Ngân hàng" is another word
            if word in said and word not in taken:
                taken.add(word)
            else:
                out.append(word)
        return tuple(out)

    def unknown(self, words: tuple[str, ...]) -> list[str]:
        """The words no record's phrase holds in any form: the base may not hold what was asked."""
        return [w for w in words if not self.known(w)]

    def weight(self, word: str) -> float:
        """How much a word of a question tells records apart: its best match's rarity, or, for a word no record
        holds, a share of the rarest word's."""
        if word in self.idf:
            return self.idf[word]
        sims = self.known(word)
        return max((s * self.idf[t] for t, s in sims.items()), default=UNKNOWN * self.rarest)

    def _weighed(self, word: str, marked: bool) -> float:
        """A word's weight in a question; a syllable of Vietnamese written with its marks that the base lacks weighs
        at least as a word no record holds: "chứng" is another word than the "cung" one letter away, and a question
        about it is about what the base may not hold."""
        weight = self.weight(word)
        return max(weight, UNKNOWN * self.rarest) if marked and word.isalpha() and word not in self.by_token else weight

    def score(self, words: tuple[str, ...], kinds: frozenset[str] | None = None, head: str = "",
              implied: frozenset[str] = frozenset(), marked: bool = False) -> list[Fit]:  # fmt: skip
        """The records that explain some of the question, best first, each question worked out once (a batch asks
        it again and again); `implied`: tokens it says without words ("0,43%": "share"), which explain nothing;
        `marked`: Vietnamese written with its marks, whose syllables the base lacks are not typos of others."""
        key = (words, kinds, head, implied, marked)
        fits = self._scored.get(key)
        if fits is None:
            if len(self._scored) >= 4096:
                self._scored.clear()
            fits = self._scored[key] = self._score(words, kinds, head, implied, marked)
        return fits

    def _score(
        self, asked: tuple[str, ...], kinds: frozenset[str] | None, head: str, implied: frozenset[str], marked: bool
    ) -> list[Fit]:
        if not asked:
            return []
        words = tuple(dict.fromkeys(asked))  # a word said twice weighs once; what it modifies is read as written
        weights = [self._weighed(w, marked) * (HEAD if w == head else 1.0) for w in words]
        total = sum(weights)
        matching = {t for w in words for t in self.known(w)} | implied
        if says_share(asked):  # "percentage" says "share": one kind of number, in other words
            matching |= _SHARE_WORDS
        required = [(w, asked[i + 1] if i + 1 < len(asked) and w not in EXTREMES else "") for i, w in enumerate(asked)
                    if w in MODIFIERS or any(t in self.distinguishing for t in self.known(w))]  # fmt: skip
        got: dict[str, list[float]] = {}
        whole: dict[str, list[float]] = {}  # the same, whatever the field
        named: dict[str, float] = {}  # the share of its best name a record's question words cover
        blocked: dict[str, bool] = {}
        in_names: dict[str, set[int]] = {}
        for i, word in enumerate(words):
            for token, similar in self.known(word).items():
                for n in self.by_token[token]:
                    key, field, phrase = self.phrases[n]
                    if kinds is not None and key.split(":", 1)[0] not in kinds:
                        continue
                    if field == NAME:
                        used_at = [t in matching for t in phrase]
                        if self._modified(phrase, used_at):  # "near poor households" for "poor households"
                            blocked.setdefault(key, True)
                            continue
                        blocked[key] = False
                        named[key] = max(named.get(key, 0.0), sum(used_at) / len(phrase))
                        in_names.setdefault(key, set()).add(i)
                    part = similar * field * self.idf[token] * (HEAD if word == head else 1.0)
                    row = got.setdefault(key, [0.0] * len(words))
                    row[i] = max(row[i], min(part, weights[i]))
                    row = whole.setdefault(key, [0.0] * len(words))
                    row[i] = max(row[i], min(part / field * max(field, SAID_OF_NAMED), weights[i]))
        fits, lacks_none = [], all(self.known(w) for w in words)
        for key, row in got.items():
            if blocked.get(key) or not self._has_required(key, required):
                continue
            if lacks_none and named.get(key, 0.0) >= HALF_NAMED and len(in_names.get(key, ())) >= 2:  # half a name
                # said at least: what its own text says of it is said of it too ("after the two-tier government",
                # "houses … for the 70th anniversary")
                row = whole[key]
            share = sum(row) / total
            said = named.get(key, 0.0)
            bonus = NAMED_BONUS * said if said >= HALF_NAMED else 0.0
            fits.append(Fit(key, share + bonus, share, said, len(in_names.get(key, ()))))
        fits.sort(key=lambda f: (-round(f.rank, 6), KIND_ORDER.get(f.kind, 9), self.order[f.key]))
        return fits

    def _has_required(self, key: str, required: list[tuple[str, str]]) -> bool:
        """Whether the record's names hold every distinguishing word of the question that modifies a word they
        hold: "cận" of "hộ cận nghèo" must be in a name that says "nghèo", not in the name of a budget that names
        no household ("kinh phí hỗ trợ bảo hiểm y tế cho người nghèo, cận nghèo")."""
        if not required or not key.startswith("indicator:"):
            return True
        tokens = {t for p in self.names.get(key, ()) for t in p} | self.measured.get(key, set())
        for word, modified in required:
            says = not modified or any(t in tokens for t in self.known(modified))
            if says and not any(t in tokens for t in self.known(word)):
                return False
        return True

    def _modified(self, phrase: tuple[str, ...], used_at: list[bool]) -> bool:
        """Whether a distinguishing word the question lacks modifies a word it asks for: "near" before "poor" in
        "near poor households", unless the phrase has that word unmodified too ("poor and near poor")."""
        for i, token in enumerate(phrase[:-1]):
            following = phrase[i + 1]
            if token in self.distinguishing and not used_at[i] and used_at[i + 1] and phrase.count(following) == 1:
                return True
        return False

    def nearest(self, words: tuple[str, ...], names: list[str], n: int = 3) -> list[str]:
        """Whole names of the base closest to what was asked: for "did you mean", never single words; each
        question's worked out once (a batch says why each line it cannot answer has no answer)."""
        import difflib

        asked = " ".join(words)
        found = self._nearest.get(asked)
        if found is None:
            if len(self._nearest) >= 4096:
                self._nearest.clear()
            found = self._nearest[asked] = difflib.get_close_matches(asked, names, n=n, cutoff=0.5) if asked else []
        return found
