"""The words that carry meaning for a lookup: filler words of the three languages, and each indicator's labels
folded into phrases of meaningful words (what search matches a query against, and what the cache keeps ready)."""

from __future__ import annotations

from pcli.base.model import Indicator
from pcli.text import fold

# Words that carry no meaning for a lookup, in the three languages (folded: "năm" is "nam").
FILLER = frozenset(
    """
a an the of in on at by for to from and or with as is are was were be been how many much what which who
there number total figure figures value data about all city hanoi ha noi
nam cua la co bao nhieu trong va so tai o den vao nhung cac mot duoc thanh pho
tahun di pada dan yang dari untuk ke jumlah berapa ada dalam kota ini itu sebuah
""".split()
)


def phrases(indicators: list[Indicator]) -> list[tuple[str, tuple[str, ...]]]:
    """Each indicator's labels and aliases, folded into phrases of meaningful words (the cache stores them)."""
    out = []
    for ind in indicators:
        for text in (*ind.label.values(), *ind.aliases):
            words = tuple(w for w in fold(text).split() if w not in FILLER)
            if words and (ind.id, words) not in out:
                out.append((ind.id, words))
    return out
