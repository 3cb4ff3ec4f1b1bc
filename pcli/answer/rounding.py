"""Whether a number as a writer wrote it states a figure of the base: the same value, or the figure rounded to
the precision the writer wrote, with the qualifiers writers use ("about 2,100" for 2,134; "nearly 10,000" for
9,928; "0.4 %" for 0.43 %; "more than 3,500" for 3,520)."""

from __future__ import annotations

import math

from pcli.base.model import Figure

_APPROXIMATE = ("about", "nearly")  # the reader's qualifiers for "about", "around", "khoảng", "gần", "sekitar"…


def agrees(value: float, written: str, qualifier: str, figure: Figure) -> bool:
    """Whether a number as a writer wrote it states the figure: the same value, or the figure rounded to the
    precision the writer wrote ("2,100" or "about 2,100" for 2,134; "0.4 %" for 0.43 %), nearly less than it
    ("nearly 10,000" for 9,928), or more than what the base says is more than it."""
    return Written(value, written, qualifier).states(figure)


class Written:
    """A number as a writer wrote it, read once for all the figures it is held to: its value, qualifier, the step
    of its last digit, its trailing zeros and decimals."""

    __slots__ = ("value", "written", "qualifier", "step", "zeros", "decimals")

    def __init__(self, value: float, written: str, qualifier: str) -> None:
        self.value, self.written, self.qualifier = value, written, qualifier
        self.step, self.zeros, self.decimals = _precision(written, value), _zeros(written), _decimals(written)

    def states(self, figure: Figure) -> bool:
        value, qualifier, target = self.value, self.qualifier, figure.value
        if math.isclose(value, target, rel_tol=1e-9, abs_tol=1e-12):
            return True
        if qualifier == "more_than" and figure.qualifier != "more_than":  # "more than 3,500" for 3,520
            return value < target <= value * 1.1
        if qualifier in ("up_to", "under"):
            return target <= value and target >= value * 0.9
        step, zeros = self.step, self.zeros
        if step <= 0:
            return False
        rounded = abs(target - value) <= step / 2 + 1e-9 * abs(value)
        if qualifier in _APPROXIMATE:  # "nearly 10,000" is near 10,000 (5 %), not anything from 5,000 to 15,000
            close = rounded and (zeros < 2 or abs(target - value) <= 0.05 * abs(value))
            return close and (qualifier != "nearly" or target <= value)
        if not rounded:
            return False
        scale = step * 10.0**-zeros if zeros else step * 10.0**self.decimals  # base units of the written 1
        return zeros >= 2 or self.decimals < _float_decimals(target / scale)


def _precision(written: str, value: float) -> float:
    """The step of the last digit the writer wrote, in base units: 100 for "2,100", 0.1 for "0,4", 10⁹ × 100 for
    "8.700 tỷ"."""
    digits = "".join(ch for ch in written if ch.isdigit())
    if not digits or value == 0:
        return 0.0
    decimals = _decimals(written)
    shown = int(digits) / 10**decimals  # the number as written, without its scale
    if shown == 0:
        return 0.0
    scale = abs(value) / shown
    if decimals:
        return float(scale * 10.0**-decimals)
    zeros = len(digits) - len(digits.rstrip("0"))
    return float(scale * 10.0**zeros)


def _zeros(written: str) -> int:
    digits = "".join(ch for ch in written if ch.isdigit())
    return len(digits) - len(digits.rstrip("0"))


def _decimals(written: str) -> int:
    """How many decimals a number is written with: "0,43" 2, "8.7" 1, "2,134" and "9.928" none (thousands)."""
    for sep in ".,":
        tail = written.rsplit(sep, 1)[-1] if sep in written else ""
        if tail.isdigit() and len(tail) != 3:
            return len(tail)
    return 0


def _float_decimals(value: float) -> int:
    """How many decimals a value has: 8.718 three, 0.43 two, 2134.0 none."""
    text = f"{value:.9f}".rstrip("0")
    return len(text.split(".")[1]) if "." in text else 0
