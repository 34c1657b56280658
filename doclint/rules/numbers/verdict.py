"""Comparing a computed value with a stated one, and saying so in a message.

Every arithmetic rule ends the same way: an interval computed from the operands, the
interval the stated number stands for, and a verdict only when the two do not meet.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from doclint.core import Message, Related, Span
from doclint.rules.numbers.interval import Interval, fmt, fmt_percent
from doclint.rules.numbers.quantities import Quantity


@dataclass(frozen=True, slots=True)
class Verdict:
    """How far the computed value is from the stated one, and how far it may be."""

    computed: float
    stated: float
    difference: float   # computed − stated (mid-points; the gap when a side is unbounded)
    tolerance: float    # the largest difference rounding and approximation explain

    @property
    def relative(self) -> float:
        return self.difference / abs(self.stated) if self.stated else math.inf

    @property
    def relative_tolerance(self) -> float:
        return self.tolerance / abs(self.stated) if self.stated else math.inf


def disagree(computed: Interval, stated: Interval, slack: float = 0.0) -> Verdict | None:
    """A verdict when ``computed`` and ``stated`` cannot be the same value, else None."""
    gap = computed.gap(stated)
    if gap <= slack:
        return None
    if computed.bounded and stated.bounded:
        return Verdict(computed.mid, stated.mid, computed.mid - stated.mid,
                       computed.half_width + stated.half_width + slack)
    sign = 1.0 if computed.lo > stated.hi else -1.0
    return Verdict(computed.mid, stated.mid, sign * gap, slack)


def in_units_of(base_value: float, like: Quantity, extra_digits: int = 1) -> str:
    """A base value printed in the magnitude and unit of ``like``: 5.65e9 元 → 56.5亿元."""
    value = base_value / (like.scale * like.factor)
    return fmt(value, decimals(like) + extra_digits) + like.unit_text


def number_in_units_of(base_value: float, like: Quantity, extra_digits: int = 1) -> str:
    value = base_value / (like.scale * like.factor)
    return fmt(value, decimals(like) + extra_digits)


def decimals(q: Quantity) -> int:
    return max(0, round(-math.log10(q.step))) if 0 < q.step < 1 else 0


def percent_points(fraction: float) -> str:
    """0.0066 → '0.66'."""
    return fmt(fraction * 100, 2)


def related(q: Quantity, zh: str, en: str) -> Related:
    return Related(Span(q.start, q.end), Message(f"{zh}：{q.text}", f"{en}: {q.text}"))


def relative_text(verdict: Verdict) -> tuple[str, str]:
    """The difference and tolerance as percentages of the stated value."""
    return fmt_percent(verdict.relative), fmt_percent(verdict.relative_tolerance)
