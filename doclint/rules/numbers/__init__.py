"""Family N: numbers, units and arithmetic.

Shared extraction: ``quantities`` (every number with its unit, magnitude, precision and
approximation), ``links`` (which numbers a sentence relates). Rules: N1xx arithmetic,
N2xx missing units, N3xx number format.
"""

from __future__ import annotations

from doclint.rules.numbers.annual_growth import AnnualGrowthRate
from doclint.rules.numbers.change_sum import ChangeSum
from doclint.rules.numbers.component_sum import ComponentSum
from doclint.rules.numbers.digit_spacing import DigitSpacing
from doclint.rules.numbers.fullwidth_digits import FullwidthDigits
from doclint.rules.numbers.garbled_permille import GarbledPermille
from doclint.rules.numbers.growth_rate import GrowthRate
from doclint.rules.numbers.impossible_value import ImpossibleValue
from doclint.rules.numbers.missing_percent import MissingPercentSign
from doclint.rules.numbers.mixed_percent import MixedPercentSign
from doclint.rules.numbers.number_spacing import SpaceBeforeNumber
from doclint.rules.numbers.ratio_sum import RatioSum
from doclint.rules.numbers.share import ShareMismatch
from doclint.rules.numbers.structure import StructureMismatch
from doclint.rules.numbers.unit_spacing import UnitSpacing

RULES: list[type] = [
    RatioSum,
    ComponentSum,
    ChangeSum,
    GrowthRate,
    AnnualGrowthRate,
    ShareMismatch,
    StructureMismatch,
    ImpossibleValue,
    MissingPercentSign,
    MixedPercentSign,
    FullwidthDigits,
    UnitSpacing,
    SpaceBeforeNumber,
    DigitSpacing,
    GarbledPermille,
]
