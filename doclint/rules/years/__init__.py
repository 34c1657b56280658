"""Family Y: years, dates and era anachronisms.

The family reads a document once through shared extractors (``YearFacts``: every year;
``DateFacts``: every date; ``DocumentYears``: the year each part speaks from and its source;
``EraFacts``: era markers such as five-year plans, congresses and events) and judges them with
the rules below.
"""

from __future__ import annotations

from doclint.rules.years.abbreviated_year import AbbreviatedYear
from doclint.rules.years.contradicted_year import YearContradictedByWording
from doclint.rules.years.early_mention import MarkerBeforeItsTime
from doclint.rules.years.impossible_date import ImpossibleDate
from doclint.rules.years.later_date import DateAfterDocument
from doclint.rules.years.mixed_numerals import MixedYearNumerals
from doclint.rules.years.placeholder import YearPlaceholder
from doclint.rules.years.range_dash import YearRangeHyphen
from doclint.rules.years.repeated_year import RepeatedYearInList
from doclint.rules.years.same_year_change import SameYearChange
from doclint.rules.years.stale_marker import MarkerOutOfPeriod
from doclint.rules.years.weekday import WeekdayMismatch

RULES: list[type] = [
    RepeatedYearInList,
    SameYearChange,
    YearContradictedByWording,
    MarkerBeforeItsTime,
    MarkerOutOfPeriod,
    YearPlaceholder,
    ImpossibleDate,
    WeekdayMismatch,
    DateAfterDocument,
    AbbreviatedYear,
    MixedYearNumerals,
    YearRangeHyphen,
]
