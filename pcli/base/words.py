"""The words that carry meaning for a lookup, listed once per language: the filler and question words a query
may drop, the words that ask for a change, the words that name a kind of document, and the places a question may
name that a base does not cover. And each record's names folded into phrases of meaningful words: what search
matches a query against, and what the cache keeps ready.

Everything here is folded (lower case, no diacritics, "đ" as "d"): "bao nhiêu" is "bao nhieu".
"""

from __future__ import annotations

from pcli.base.model import FactBase
from pcli.text import fold

# Words that ask a question or fill a sentence but never tell one record from another.
FILLER_WORDS = {
    "en": """a an the of in on at by for to from and or with as is are was were be been being has have had do does did
             how many much what which who whom whose where when there their its it this that these those
             number total figure figures value data about all city hanoi ha noi please tell show give find
             count amount level latest current get got between since left remaining still""",
    "vi": """nam cua la co bao nhieu trong va so tai o den vao nhung cac mot duoc thanh pho hien nay gi nao the may
             cho biet toi hay luong muc tong ha noi tu giua qua ke lai""",
    "id": """tahun di pada dan yang dari untuk ke jumlah berapa ada dalam kota ini itu sebuah apa apakah berapakah
             siapa mana adalah banyak total hanoi antara sejak sampai masih tersisa sisa""",
}
FILLER = frozenset(word for words in FILLER_WORDS.values() for word in words.split())

# Month names in English and Indonesian, for "September 2025" and "Agustus 2025" (Vietnamese writes "tháng 9").
MONTHS = {
    name: n
    for names in (
        (
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ),
        (
            "januari",
            "februari",
            "maret",
            "april",
            "mei",
            "juni",
            "juli",
            "agustus",
            "september",
            "oktober",
            "november",
            "desember",
        ),
    )
    for n, name in enumerate(names, start=1)
}

# Words that ask how much something changed between two periods ("giảm bao nhiêu từ 2022 đến 2024").
CHANGE_WORDS = {
    "en": "change changed changes fall fell fallen drop dropped decrease decreased decline declined rise rose risen "
    "increase increased grow grew grown difference compared versus vs",
    "vi": "giam tang thay doi chenh lech so voi bien dong",
    "id": "perubahan berubah turun penurunan naik kenaikan selisih dibandingkan meningkat menurun",
}
CHANGE = frozenset(word for words in CHANGE_WORDS.values() for word in words.split())

# A document's kind in the three languages, with the abbreviations its number carries (NQ, QĐ).
DOCUMENT_KINDS = {
    "resolution": ("resolution", "nghi quyet", "nq", "resolusi", "res"),
    "decision": ("decision", "quyet dinh", "qd", "keputusan", "kep"),
}
DOCUMENT_WORDS = frozenset(word for names in DOCUMENT_KINDS.values() for name in names for word in name.split())

# Places a question may name that are not Hanoi: Vietnam's provinces and cities, and a few capitals nearby.
OTHER_PLACES = frozenset(
    """
ho chi minh|hcm|sai gon|saigon|tphcm|da nang|hai phong|can tho|hue|thua thien hue|quang ninh|ha long|nghe an|
thanh hoa|nam dinh|thai binh|ninh binh|ha nam|hung yen|hai duong|bac ninh|bac giang|vinh phuc|phu tho|thai nguyen|
tuyen quang|ha giang|cao bang|lang son|lao cai|yen bai|son la|dien bien|lai chau|hoa binh|bac kan|ha tinh|
quang binh|quang tri|quang nam|quang ngai|binh dinh|phu yen|khanh hoa|nha trang|ninh thuan|binh thuan|kon tum|
gia lai|dak lak|dak nong|lam dong|da lat|binh phuoc|tay ninh|binh duong|dong nai|ba ria|vung tau|long an|
tien giang|ben tre|tra vinh|vinh long|dong thap|an giang|kien giang|hau giang|soc trang|bac lieu|ca mau|
jakarta|bangkok|vientiane|phnom penh|manila|kuala lumpur|singapore|beijing|tokyo|seoul|yangon|london|paris
""".replace("\n", "").split("|")
)


def _words(text: str) -> tuple[str, ...]:
    return tuple(w for w in fold(text).split() if w not in FILLER)


def record_phrases(base: FactBase) -> list[tuple[str, tuple[str, ...]]]:
    """Each record's names as phrases of meaningful words, keyed "kind:id": indicators by their labels and
    aliases; programmes, agencies and places by their names (an agency with its role too); documents by their
    kind and subject; sources by their outlet and title."""
    out: list[tuple[str, tuple[str, ...]]] = []

    def add(key: str, *texts: str) -> None:
        for text in texts:
            words = _words(text)
            if words and (key, words) not in out:
                out.append((key, words))

    for ind in base.indicators.values():
        add(f"indicator:{ind.id}", *ind.label.values(), *ind.aliases)
    for kind, entities in base.entities.items():
        for e in entities:
            texts = [e.fields.get(k) for k in ("name", "subject")]
            names = [str(v) for text in texts if isinstance(text, dict) for v in text.values()]
            listed = e.fields.get("aliases")
            aliases = [str(a) for a in listed] if isinstance(listed, list) else []
            if kind == "places":
                names += [f"{e.fields.get('kind')} {name}" for name in names]
            if kind == "documents":
                kinds = DOCUMENT_KINDS.get(str(e.fields.get("kind")), ())
                names = [f"{k} {name}" for k in kinds[:4] for name in names] + [" ".join(kinds[:4])]
            role, name = e.fields.get("role"), e.fields.get("name")
            if kind == "agencies" and isinstance(role, dict) and isinstance(name, dict):
                names += [f"{name[lang]} {role[lang]}" for lang in name if lang in role]
            add(f"{kind[:-1] if kind != 'agencies' else 'agency'}:{e.id}", *names, *aliases)
    for source in base.sources.values():
        add(f"source:{source.id}", source.outlet, *([source.title] if source.title else []))
    return out


def distinguishing(phrases: list[tuple[str, tuple[str, ...]]]) -> frozenset[str]:
    """The words that alone tell indicators apart, again and again: "near" where "poor households" and "near poor
    households" name two indicators and "poverty rate" and "near poverty rate" two more; "cận" and "hampir" the
    same in Vietnamese and Indonesian; "share" and "persentase" a rate from a count. A phrase in which such a
    word modifies a word the question asks for, and the question does not have it, is not an answer ("hộ nghèo
    giảm" is not the fall in near-poor households). A word that tells only one pair apart is not counted: it
    names a thing more than it modifies one. The cache keeps the set ready."""
    owners: dict[frozenset[str], set[str]] = {}
    for key, phrase in phrases:
        if key.startswith("indicator:"):  # what tells measures apart: a document's or an agency's name does not
            owners.setdefault(frozenset(phrase), set()).add(key)
    pairs: dict[str, int] = {}
    for words, keys in owners.items():
        for word in words if len(words) > 1 else ():
            others = owners.get(words - {word})
            if others and others - keys:
                pairs[word] = pairs.get(word, 0) + 1
    return frozenset(word for word, count in pairs.items() if count >= 2)
