"""Family N: numbers, units and arithmetic.

Shared extraction: ``quantities`` (every number with its unit, magnitude, precision and
approximation), ``links`` (which numbers a sentence relates). Rules: N1xx arithmetic,
N2xx missing units, N3xx number format.
"""

from __future__ import annotations

from doclint.rules import family

# RULES and each rule class by name, its module imported on first use (module:Class).
__getattr__ = family(__name__, (
    "ratio_sum:RatioSum",
    "component_sum:ComponentSum",
    "change_sum:ChangeSum",
    "growth_rate:GrowthRate",
    "annual_growth:AnnualGrowthRate",
    "share:ShareMismatch",
    "structure:StructureMismatch",
    "impossible_value:ImpossibleValue",
    "missing_percent:MissingPercentSign",
    "mixed_percent:MixedPercentSign",
    "fullwidth_digits:FullwidthDigits",
    "unit_spacing:UnitSpacing",
    "number_spacing:SpaceBeforeNumber",
    "digit_spacing:DigitSpacing",
    "garbled_permille:GarbledPermille",
))
