"""Family Y: years, dates and era anachronisms.

The family reads a document once through shared extractors (``YearFacts``: every year;
``DateFacts``: every date; ``DocumentYears``: the year each part speaks from and its source;
``EraFacts``: era markers such as five-year plans, congresses and events) and judges them with
the rules below.
"""

from __future__ import annotations

from doclint.rules import family

# RULES and each rule class by name, its module imported on first use (module:Class).
__getattr__ = family(__name__, (
    "repeated_year:RepeatedYearInList",
    "same_year_change:SameYearChange",
    "contradicted_year:YearContradictedByWording",
    "early_mention:MarkerBeforeItsTime",
    "stale_marker:MarkerOutOfPeriod",
    "placeholder:YearPlaceholder",
    "impossible_date:ImpossibleDate",
    "weekday:WeekdayMismatch",
    "later_date:DateAfterDocument",
    "abbreviated_year:AbbreviatedYear",
    "mixed_numerals:MixedYearNumerals",
    "range_dash:YearRangeHyphen",
))
