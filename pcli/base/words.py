"""The words that carry meaning for a lookup, listed once per language: the filler and question words a query
may drop, the words that ask for a change, the words that name a kind of document, and the places a question may
name that a base does not cover. And each record's names folded into phrases of meaningful words: what search
matches a query against, and what the cache keeps ready.

Everything here is folded (lower case, no diacritics, "đ" as "d"): "bao nhiêu" is "bao nhieu".
"""

from __future__ import annotations

import re

from pcli.text import fold, pattern, word_runs

# Words that ask a question or fill a sentence but never tell one record from another.
FILLER_WORDS = {
    "en": """a an the of in on at by for to from and or with as is are was were be been being has have had do does did
             how many much what which who whom whose where when there their its it this that these those
             number total figure figures value data about all city please tell show give find
             count amount level latest current currently now today overall so far yet also any i we you they
             could would should will shall may might must get got between since left remaining still
             according reported report say says said during over under than then per each every whats s
             refer refers mean means meaning represent stand come comes came go goes went gone
             start beginning end period responsible charge before prior""",
    "vi": """nam cua la co bao nhieu trong va so tai o den vao nhung cac mot duoc thanh pho hien nay gi nao the may
             cho biet toi hay luong muc tong tu giua qua ke lai con da se dang ve khi theo nay do ay
             bi boi nhu ra sao tat ca toan bo chung ai vay thi ma roi lieu nghia sang hon thudo tp giaidoan phutrach truoc""",
    "id": """tahun di pada dan yang dari untuk ke jumlah berapa ada dalam kota ini itu sebuah apa apakah berapakah
             siapa mana adalah banyak total antara sejak sampai masih tersisa sisa sekarang saat kini keseluruhan
             secara saja bagaimana tersebut telah sudah akan sedang oleh dengan bagi kepada tentang seperti juga
             hal nya kah para sebanyak nomor angka arti maksud merujuk berasal memiliki dimiliki punya mempunyai
             mendapat mendapatkan memperoleh ibukota periode bertanggungjawab sebelum""",
}
# English filler said in the plural is filler too ("numbers", "totals", "figures").
FILLER = frozenset(word for words in FILLER_WORDS.values() for word in words.split()) | frozenset(
    f"{word}s" for word in FILLER_WORDS["en"].split() if len(word) >= 4 and not word.endswith("s")
)
# The Vietnamese filler words as written: folded, "vậy" (so) is "vay" (borrow), "lại" (again) "lãi" (interest),
# "số" (number) "sở" (department); in text written with its marks, only the filler as written is dropped.
VI_FILLER_WRITTEN = frozenset(
    """năm của là có bao nhiêu trong và số tại ở đến vào những các một được thành phố hiện nay gì nào thế mấy cho biết
    tôi hãy lượng mức tổng từ giữa qua kể lại còn đã sẽ đang về khi theo này đó ấy bị bởi như ra sao tất cả toàn bộ
    chung ai vậy thì mà rồi liệu nghĩa sang hơn tới tp trước""".split()
)
# Vietnamese words that are filler only as written, whose folded form is another word: "tính đến" (as of) is not
# "tỉnh" (province), "khoảng" (about) not "khoang", "căn" (the counter of "căn nhà") not "cận" (near).
VI_FILLER_MARKED = frozenset("tính khoảng căn".split())
_VI_ONLY = frozenset(FILLER_WORDS["vi"].split()) - frozenset(FILLER_WORDS["en"].split() + FILLER_WORDS["id"].split())


def kept_fillers(text: str) -> frozenset[str]:
    """The folded words of a text with marks that look like Vietnamese filler but are written as another word:
    "cho vay" (lend), "lãi suất" (interest rate), "sở nào" (which department)."""
    if text.isascii():
        return frozenset()
    kept = set()
    for token in word_runs(text.lower()):
        folded = fold(token)
        if token not in VI_FILLER_WRITTEN and (folded in _VI_ONLY or (folded in FILLER and not token.isascii())):
            kept.add(folded)  # "sở" is not English "so" either
    return frozenset(kept)


_MARKED = pattern(r"(?<![^\W\d_])(?:" + "|".join(sorted(VI_FILLER_MARKED)) + r")(?![^\W\d_])", re.IGNORECASE)


def without_marked_fillers(text: str) -> str:
    """The text without the Vietnamese filler that only its marks tell from another word, where it is written so:
    "căn nhà cho hộ cận nghèo" keeps "cận"."""
    return text if text.isascii() else _MARKED().sub(" ", text)


# Month names in English and Indonesian, for "September 2025" and "Agustus 2025" (Vietnamese writes "tháng 9").
MONTHS = {
    name: n
    for names in (
        "january february march april may june july august september october november december",
        "januari februari maret april mei juni juli agustus september oktober november desember",
    )
    for n, name in enumerate(names.split(), start=1)
}

# Words that ask how much something changed between two periods ("giảm bao nhiêu từ 2022 đến 2024").
CHANGE_WORDS = {
    "en": "change changed changes fall fell fallen drop dropped decrease decreased decline declined rise rose risen "
    "increase increased grow grew grown difference compared versus vs reduction reduced reduce cut far",
    "vi": "giam tang thay_doi chenh_lech so_voi bien_dong xuong",
    "id": "perubahan berubah turun penurunan naik kenaikan selisih dibandingkan dibanding meningkat menurun berkurang "
    "bertambah pengurangan peningkatan",
}
CHANGE = tuple(word.replace("_", " ") for words in CHANGE_WORDS.values() for word in words.split())  # words or phrases
# The words of change that say one way: a question's word of one way the base lacks means the words it holds of
# that way ("cut" what "reduced" says, "menurun" what "berkurang" says).
WAYS = (
    frozenset("fall fell fallen drop dropped decrease decreased decline declined reduction reduced reduce cut cuts "
              "giam xuong turun penurunan menurun berkurang pengurangan mengurangi".split()),
    frozenset("rise rose risen increase increased grow grew grown growth tang naik kenaikan meningkat "
              "bertambah peningkatan".split()),
)  # fmt: skip

# Two periods a question runs between: "from 2022 to 2024", "giữa 2022 và 2024", "antara 2022 dan 2024".
RANGE_WORDS = ("from", "between", "tu", "giua", "dari", "antara")
# A change from one period to the latest or from the first: "since 2022", "so với năm 2022", "sejak 2022".
SINCE = ("since", "compared", "versus", "vs", "so voi", "dibandingkan", "dibanding", "sejak")
# Words that ask for a goal rather than what was achieved.
GOALS = ("target", "targets", "targeted", "goal", "goals", "aim", "aimed", "muc tieu", "chi tieu", "phan dau", "sasaran",
         "tujuan")  # fmt: skip
# Question words that ask for a figure, or for a record (an agency, a document, a place).
ASKS_FIGURE = (
    "how many",
    "how much",
    "what percentage",
    "what share",
    "what proportion",
    "number of",
    "bao nhieu",
    "so luong",
    "ty le",
    "berapa",
    "jumlah",
    "persentase",
    "come from",
    "comes from",
    "came from",
    "tu dau",
    "berasal",
)  # fmt: skip  (where a number comes from)
# Words that name a measure, by the kind of number it is; a question that opens with one asks for a figure of
# that kind ("tổng kinh phí …" an amount of money, "tingkat …" a rate, "total …" any).
MEASURES = {
    "percent": ("rate", "rates", "share", "percentage", "proportion", "ty le", "lai suat", "tingkat", "persentase",
                "proporsi", "suku bunga"),
    "currency": ("budget", "cost", "funding", "kinh phi", "ngan sach", "nguon von", "anggaran", "biaya", "sumber daya",
                 "sumber dana"),
    "": ("total", "amount", "level", "average", "tong", "so luong", "muc", "binh quan", "trung binh", "jumlah", "besaran",
         "rata rata"),
}  # fmt: skip
ASKS_RECORD = frozenset("who whom ai siapa".split())
# Words that say where a figure comes from, before the source they name ("theo kết quả rà soát", "menurut hasil
# tinjauan", "according to the review"): what a question measures does not hang on them.
ATTRIBUTION = ("according to", "based on", "theo", "dua theo", "dua tren", "can cu", "menurut", "berdasarkan")
# Question words that ask for a kind of number: a share, a count, an amount of money.
ASKS_UNIT = {
    "percent": ("what percentage", "what percent", "what share", "what proportion", "what rate", "bao nhieu phan tram",
                "ty le bao nhieu", "berapa persen", "persentase berapa"),
    "count": ("how many", "number of"),
    "currency": ("how much money", "bao nhieu tien", "berapa uang", "berapa dana"),
}  # fmt: skip
# Words that narrow a measure to a part of what is measured: never ignored, a record's names must have them ("rural
# poverty rate" is not the city-wide rate). The base's own distinguishing words (distinguishing()) join them.
# The most and the least of a measure, which no other figure of it is, wherever the question says them ("mức vay tối
# đa" says it after the loan it modifies).
EXTREMES = frozenset("maximum minimum highest lowest toida toithieu maksimal maksimum minimal tertinggi terendah".split())
MODIFIERS = EXTREMES | frozenset(
    """rural urban countryside male female men women boys girls children elderly disabled ethnic minority minorities
    perdesaan pedesaan perkotaan laki perempuan anak lansia disabilitas etnis minoritas near can hampir thon""".split()
)  # near, cận, hampir: the near-poor are not the poor, also in a base that holds no near-poor figure; "thôn" of
# "nông thôn" (rural), which Vietnamese writes after what it narrows

# What a kind of unit measures, in the three languages: "what percentage", "tỷ lệ", "persen"; "how much money".
UNIT_KIND_WORDS = {
    "percent": "percent percentage share rate proportion phan tram ty le persen persentase proporsi",
    "currency": "money amount funding budget capital vnd dong tien von kinh phi uang dana anggaran rupiah",
}
# A source's language named in the three languages: "the Vietnamese article", "bài tiếng Việt", "artikel Indonesia".
LANGUAGE_NAMES = {
    "vi": "vietnamese tieng viet vietnam", "id": "indonesian tieng indonesia bahasa indonesia",
    "en": "english tieng anh bahasa inggris",
}  # fmt: skip

# The kind of record a question's word asks for: "which *resolution*", "*cơ quan* nào", "*sumber* apa".
KIND_WORDS = {
    "document": "resolution, resolutions, decision, decisions, decree, document, law, nghi quyet, quyet dinh, nghi dinh, "
    "van ban, resolusi, keputusan, peraturan, dokumen",
    "agency": "department, agency, ministry, committee, council, bank, organisation, organization, body, office, "
    "co quan, so, uy ban, hoi dong, ngan hang, to chuc, dinas, departemen, lembaga, badan, kementerian, komite, dewan, "
    "organisasi",
    "source": "outlet, newspaper, news, publication, publisher, article, source, bao, nguon, bai, bai viet, bai bao, "
    "sumber, artikel, surat kabar, media",
    "place": "where, commune, communes, ward, district, village, province, xa, phuong, huyen, tinh, thon, komune, "
    "kelurahan, desa, kabupaten, provinsi",
    "programme": "programme, program, project, fund, plan, scheme, chuong trinh, du an, quy, ke hoach, proyek, dana, "
    "rencana",
}  # fmt: skip
KIND_OF_WORD = {w.strip(): kind for kind, words in KIND_WORDS.items() for w in words.split(",")}  # words or phrases

# The word a question asks about follows these ("which bank", "apa sumber") or comes before ("ngân hàng nào").
HEAD_AFTER = frozenset("which what".split())
HEAD_BEFORE = frozenset("nao apa mana".split())

# A document's kind in the three languages, with the abbreviations its number carries (NQ, QĐ).
DOCUMENT_KINDS = {
    "resolution": ("resolution", "nghi quyet", "nq", "resolusi", "res"),
    "decision": ("decision", "quyet dinh", "qd", "keputusan", "kep"),
}
DOCUMENT_WORDS = frozenset(word for names in DOCUMENT_KINDS.values() for name in names for word in name.split())

# Places a question may name: Vietnam's provinces and cities, and a few capitals nearby. One the base's figures
# do not cover is a miss naming the places they do ("This base covers Lakeside, not Hanoi").
# A whole country, named or said: a figure of Hanoi is not the country's, unless the record asked names it ("Vietnam
# Bank for Social Policies").
SCOPES = frozenset(
    "vietnam|viet nam|indonesia|nationwide|countrywide|whole country|ca nuoc|toan quoc|seluruh indonesia|nationally".split("|")
)
OTHER_PLACES = frozenset(
    """
ha noi|hanoi|ho chi minh|hcm|sai gon|saigon|tphcm|da nang|hai phong|can tho|hue|thua thien hue|quang ninh|ha long|nghe an|
thanh hoa|nam dinh|thai binh|ninh binh|ha nam|hung yen|hai duong|bac ninh|bac giang|vinh phuc|phu tho|thai nguyen|
tuyen quang|ha giang|cao bang|lang son|lao cai|yen bai|son la|dien bien|lai chau|hoa binh|bac kan|ha tinh|
quang binh|quang tri|quang nam|quang ngai|binh dinh|phu yen|khanh hoa|nha trang|ninh thuan|binh thuan|kon tum|
gia lai|dak lak|dak nong|lam dong|da lat|binh phuoc|tay ninh|binh duong|dong nai|ba ria|vung tau|long an|
tien giang|ben tre|tra vinh|vinh long|dong thap|an giang|kien giang|hau giang|soc trang|bac lieu|ca mau|
jakarta|surabaya|bandung|medan|semarang|makassar|palembang|yogyakarta|denpasar|bali|aceh|papua|batam|bogor|
bekasi|tangerang|depok|malang|padang|pekanbaru|pontianak|banjarmasin|balikpapan|manado|kupang|mataram|ambon|
bangkok|vientiane|phnom penh|manila|kuala lumpur|singapore|beijing|shanghai|tokyo|seoul|yangon|london|paris|
new york|washington|delhi|mumbai|dhaka|karachi
""".replace("\n", "").split("|")
)


# Words that mean another thing together than apart: "rumah tangga" is a household, "rumah" a house; "thủ đô" and
# "ibu kota" the capital, a city as "thành phố" (TP) and "kota" are (filler), while "thu" alone is income.
COMPOUNDS = {
    ("rumah", "tangga"): "rumahtangga",
    ("thu", "do"): "thudo",
    ("ibu", "kota"): "ibukota",
    ("giai", "doan"): "giaidoan",  # "giai đoạn": a period, as "năm" a year
    ("phu", "trach"): "phutrach",  # "phụ trách", "bertanggung jawab": in charge of, as "responsible" asks
    ("bertanggung", "jawab"): "bertanggungjawab",
    ("toi", "da"): "toida",  # "tối đa", "tối thiểu": the most and the least, which a total is not
    ("toi", "thieu"): "toithieu",
}


_SECONDS: dict[str, list[tuple[str, str]]] = {}  # a compound's first word → (its second, the compound)
for (_first, _second), _joined in COMPOUNDS.items():
    _SECONDS.setdefault(_first, []).append((_second, _joined))
# Words written short: "akhir thn 2024" is "akhir tahun 2024".
ABBREVIATIONS = {"thn": "tahun"}


def _one_off(word: str, written: str) -> bool:
    """Whether a word of five letters or more is written with one letter left out, added or changed ("tanga")."""
    if len(word) < 5 or abs(len(word) - len(written)) > 1 or word == written:
        return word == written
    if len(word) == len(written):
        return sum(a != b for a, b in zip(word, written, strict=True)) == 1
    short, long = sorted((word, written), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def compounded(words: list[str]) -> list[str]:
    """Folded words with each compound as one word, its second word also with one typo ("rumah tanga"), and each
    word written short written whole."""
    words = [ABBREVIATIONS.get(w, w) for w in words]
    if not any(w in _SECONDS for w in words[:-1]):
        return words
    out: list[str] = []
    for word in words:
        joined = next((j for second, j in _SECONDS.get(out[-1], ()) if _one_off(second, word)), "") if out else ""
        if joined:
            out[-1] = joined
        else:
            out.append(word)
    return out


def content_words(text: str) -> tuple[str, ...]:
    """The folded words of a text that say something (a question's, a record's): filler dropped."""
    kept = kept_fillers(text)
    return tuple(w for w in compounded(fold(without_marked_fillers(text)).split()) if w not in FILLER or w in kept)
