"""Closed intervals: what a printed, rounded or approximate number may really be.

A number printed as 20.48 stands for anything in [20.475, 20.485]; ``约50`` for a few per
cent either way; ``60%以上`` for at least 60%. Arithmetic on intervals gives the range a
computed value may take, and a check fires only when that range and the stated one do not
meet, so rounding alone never raises an alarm.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

INF = math.inf


@dataclass(frozen=True, slots=True)
class Interval:
    lo: float
    hi: float

    @staticmethod
    def around(value: float, half_width: float) -> Interval:
        return Interval(value - half_width, value + half_width)

    @property
    def mid(self) -> float:
        if math.isinf(self.lo) or math.isinf(self.hi):
            return self.hi if math.isinf(self.lo) else self.lo
        return (self.lo + self.hi) / 2

    @property
    def half_width(self) -> float:
        return (self.hi - self.lo) / 2

    @property
    def bounded(self) -> bool:
        return not (math.isinf(self.lo) or math.isinf(self.hi))

    def __add__(self, other: Interval) -> Interval:
        return Interval(self.lo + other.lo, self.hi + other.hi)

    def __sub__(self, other: Interval) -> Interval:
        return Interval(self.lo - other.hi, self.hi - other.lo)

    def __mul__(self, other: Interval) -> Interval:
        products = [_mul(a, b) for a in (self.lo, self.hi) for b in (other.lo, other.hi)]
        return Interval(min(products), max(products))

    def __truediv__(self, other: Interval) -> Interval:
        if other.lo <= 0 <= other.hi:
            return Interval(-INF, INF)
        return self * Interval(1 / other.hi, 1 / other.lo)

    def scale(self, factor: float) -> Interval:
        a, b = _mul(self.lo, factor), _mul(self.hi, factor)
        return Interval(min(a, b), max(a, b))

    def power(self, exponent: float) -> Interval:
        """Raise a positive interval to a power (monotonic for positive bases)."""
        lo, hi = max(self.lo, 0.0), max(self.hi, 0.0)
        values = (lo**exponent, hi**exponent) if exponent >= 0 else (hi**exponent, lo**exponent)
        return Interval(*values)

    def gap(self, other: Interval) -> float:
        """How far apart two intervals are; 0 when they meet."""
        return max(0.0, self.lo - other.hi, other.lo - self.hi)

    def meets(self, other: Interval, slack: float = 0.0) -> bool:
        return self.gap(other) <= slack


def _mul(a: float, b: float) -> float:
    # 0 × ∞ arises from an unbounded approximate value times zero; it contributes nothing.
    if a == 0 or b == 0:
        return 0.0
    return a * b


def fmt(value: float, digits: int = 2) -> str:
    """Format a computed number for a message: at most ``digits`` decimals, no trailing zeros."""
    if math.isinf(value):
        return "∞" if value > 0 else "-∞"
    text = f"{value:.{digits}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def fmt_percent(fraction: float) -> str:
    """0.027 → '2.7%'; small values keep two significant decimals."""
    pct = abs(fraction) * 100
    digits = 1 if pct >= 1 else 2
    return fmt(pct, digits) + "%"
