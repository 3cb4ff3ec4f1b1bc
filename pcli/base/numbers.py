"""Numbers written for people ("8,718 billion VND", "8.718 tỷ đồng") and for machines (no separators)."""

from __future__ import annotations

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
