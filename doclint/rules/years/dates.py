"""Calendar dates (2024年4月24日, 4月24日, 二〇二四年四月二十四日), found once per document."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from doclint.core.document import Document, Span
from doclint.core.lazyregex import lazy_regex
from doclint.rules.years import numerals

_AR = "0-9０-９"
_CN = "〇○零Ｏ一二三四五六七八九"
_CN_DAY = r"三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九]"
# Anchored on 月 (the year and month sit in a look-behind) so the engine jumps from 月 to 月.
_DATE = lazy_regex(
    rf"""(?<=
        (?:(?:(?<=(?:^|[^-－{_AR}])(?:--|－－))|(?<![{_AR}.．A-Za-z/\-－]))(?P<year>(?:1[89]|20|１[８９]|２０)[{_AR}]{{2}})\s?年\s?)?
        (?<![{_AR}.．])(?P<month>[{_AR}]{{1,2}})\s?
      | (?:(?<![{_CN}十])(?P<cyear>[一二][{_CN}]{{3}})年)?
        (?<![{_CN}十])(?P<cmonth>十[一二]?|[一二三四五六七八九])
    )月
    (?:\s?(?P<day>[{_AR}]{{1,2}})\s?[日号]|(?P<cday>{_CN_DAY})[日号])?
    (?:(?P<weekday>\s?[（(]?\s?(?:星期|礼拜|周)(?P<wd>[一二三四五六日天])\s?[）)]?)
      | [，,]\s?(?P<weekday>(?:星期|礼拜)(?P<wd>[一二三四五六日天])(?![一二三四五六日天]|[至到—\-～~]))
    )?""",
    regex.X,
)
_WEEKDAY = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}


@dataclass(frozen=True, slots=True)
class DateMention:
    """A month (and day), with its year when written; ``weekday`` is 0 for Monday."""

    span: Span
    year: int | None
    month: int
    day: int | None
    chinese: bool
    month_span: Span
    day_span: Span | None
    weekday: int | None = None
    weekday_span: Span | None = None


class DateFacts:
    def __init__(self, dates: list[DateMention]) -> None:
        self.dates = dates

    @classmethod
    def from_document(cls, doc: Document) -> DateFacts:
        dates = []
        for match in _DATE.finditer(doc.text):
            date = _read(match)
            if date is not None:
                dates.append(date)
        return cls(dates)


def _read(match: regex.Match[str]) -> DateMention | None:
    # Every group read at once (a group asked for by name costs a lookup each time).
    year_figures, month_figures, year_han, month_han, day_figures, day_han, _, weekday_name = \
        match.groups()
    chinese = month_han is not None
    if chinese:
        if day_han is None:  # 三月 alone is too often a count (三月份, 三个月)
            return None
        year, month, day = year_han, month_han, day_han
        year_group, month_group, day_group = "cyear", "cmonth", "cday"
    else:
        if day_figures is None and day_han is not None:
            return None  # a month and a day written in different numerals
        year, month, day = year_figures, month_figures, day_figures
        year_group, month_group, day_group = "year", "month", "day"
    start = match.start(year_group) if year else match.start(month_group)
    weekday = _WEEKDAY[weekday_name] if weekday_name else None
    end = match.end()
    if weekday is not None:  # the date ends before its weekday and the comma or space before it
        end = match.start("weekday")
        while match.string[end - 1] in "，, \t\u3000":
            end -= 1
    to_number = numerals.chinese_cardinal if chinese else numerals.arabic
    return DateMention(
        span=Span(start, end),
        year=(numerals.chinese_digits(year) if chinese else int(year)) if year else None,
        month=to_number(month),
        day=to_number(day) if day else None,
        chinese=chinese,
        month_span=Span(*match.span(month_group)),
        day_span=Span(*match.span(day_group)) if day else None,
        weekday=weekday,
        weekday_span=Span(*match.span("weekday")) if weekday is not None else None,
    )
