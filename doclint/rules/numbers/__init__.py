"""Family N: numbers, units and arithmetic."""

from __future__ import annotations

from doclint.rules.numbers.mixed_percent import MixedPercentSign

RULES: list[type] = [MixedPercentSign]
