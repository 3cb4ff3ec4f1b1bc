"""Numbers as the articles write them, and as people read them."""

from __future__ import annotations

import math
import re

# Vietnamese and Indonesian write "." for thousands and "," for decimals; English the other way round.
# Patterns as strings, compiled by `re` on first use: only `validate --sources` reads numbers from quotes.
_GROUPED = {
    "comma_decimal": r"(?<![\d.,])(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?(?![\d])",
    "dot_decimal": r"(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?![\d])",
}
_CONVENTION = {"vi": "comma_decimal", "id": "comma_decimal", "en": "dot_decimal"}
_SCALES = {
    "vi": {"nghìn": 10**3, "ngàn": 10**3, "triệu": 10**6, "tỷ": 10**9, "tỉ": 10**9},
    "id": {"ribu": 10**3, "juta": 10**6, "miliar": 10**9, "triliun": 10**12},
    "en": {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12},
}
# Phrases that state a zero: "không còn hộ nghèo", "tidak lagi memiliki rumah tangga miskin".
ZERO_PHRASES = {
    "vi": ("không còn",),
    "id": ("tidak lagi memiliki", "tidak akan memiliki", "tidak memiliki", "tanpa"),
    "en": ("no longer", "zero", "no "),
}


def read_numbers(quote: str, lang: str) -> list[tuple[float, bool, int, int]]:
    """Every number in a quote as (value, followed by %, scale word multiplier or 1, where it starts)."""
    pattern = _GROUPED[_CONVENTION.get(lang, "dot_decimal")]
    thousands = "." if _CONVENTION.get(lang) == "comma_decimal" else ","
    scales = _SCALES.get(lang, {})
    found = []
    for m in re.finditer(pattern, quote):
        whole = m[1].replace(thousands, "")
        value = float(f"{whole}.{m[2]}") if m[2] else float(whole)
        rest = quote[m.end() :].lstrip()
        scale = next((factor for word, factor in scales.items() if rest.lower().startswith(word)), 1)
        found.append((value, rest.startswith("%"), scale, m.start()))
    return found


def value_positions(value: float, quote: str, lang: str, unit_kind: str) -> list[int]:
    """Where the quote states the value, read as the quote's language writes numbers: a percentage only with
    its % sign, a scaled number only with its scale word ("49,4 tỷ" is 49.4 × 10⁹ and never 49.4)."""
    found = []
    if value == 0:
        lowered = quote.lower()
        found = [i for phrase in ZERO_PHRASES.get(lang, ()) if (i := lowered.find(phrase)) >= 0]
    for number, percent, scale, start in read_numbers(quote, lang):
        if unit_kind == "percent" and not percent:
            continue
        if math.isclose(number * scale, value, rel_tol=1e-9, abs_tol=1e-12):
            found.append(start)
    return found


def value_in_quote(value: float, quote: str, lang: str, unit_kind: str) -> bool:
    """Whether the quote states the value."""
    return bool(value_positions(value, quote, lang, unit_kind))


_SEPARATORS = {"en": (",", "."), "vi": (".", ","), "id": (".", ",")}


def group(value: float, lang: str = "en") -> str:
    """A number with the language's separators: 9928 → "9,928" (en) or "9.928" (vi, id)."""
    thousands, decimal = _SEPARATORS.get(lang, _SEPARATORS["en"])
    if float(value).is_integer():
        text = f"{int(value):,}"
    else:
        text = f"{value:,.6f}".rstrip("0").rstrip(".")
    return text.replace(",", "\0").replace(".", decimal).replace("\0", thousands)


def humanize(value: float, unit_kind: str, unit_label: str, lang: str = "en") -> str:
    """A value written for people: "8,718 billion VND", "8.718 tỷ đồng", "0.095 %", "2,134 households".

    Large sums stay in billions, as both articles write them (8.718 tỷ đồng, 8.718 miliar VND).
    """
    if unit_kind == "currency" and unit_label in ("VND", "đồng"):
        from pcli.messages import say

        for factor, key in ((10**9, "billion_vnd"), (10**6, "million_vnd")):
            if abs(value) >= factor:
                return say(key, lang, n=group(round(value / factor, 3), lang))
        return f"{group(value, lang)} {unit_label}"
    if unit_kind == "percent":
        return f"{group(value, lang)} %"
    return f"{group(value, lang)} {unit_label}"


def raw(value: float) -> str:
    """A value for machines: no separators, integers without ".0"."""
    if isinstance(value, int) or (float(value).is_integer() and abs(value) < 2**53):
        return str(int(value))
    return repr(float(value))
