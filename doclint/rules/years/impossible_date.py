"""Y401: a date that does not exist (2月30日, 4月31日, 13月5日)."""

from __future__ import annotations

import calendar
from collections.abc import Iterator

from doclint.core import Category, Document, Examples, Finding, Message, Rule, Severity
from doclint.rules.years.dates import DateFacts


class ImpossibleDate(Rule):
    """日期不存在：月份超出1—12，或日子超出该月的天数。

    “2月30日”“4月31日”“13月5日”“2023年2月29日”都不存在，通常是录入或改写错误。
    年份未写时，2月29日按闰年允许；只有月份、没有年和日的“13月”不报（可能是“13月薪”之类）。
    """

    code = "Y401"
    name = "date.impossible"
    category = Category.DATE_INVALID
    severity = Severity.ERROR
    summary = Message("日期不存在。", "The date does not exist.")
    message = Message("日期不存在：“{text}”（{why_zh}）。", "No such date: “{text}” ({why_en}).")
    examples = Examples(
        bad=("会议定于2月30日召开。", "2023年2月29日印发。", "4月31日前完成。", "2024年13月5日"),
        good=("会议定于2月28日召开。", "2024年2月29日印发。", "4月30日前完成。", "发放13月薪。"),
    )
    basis = "日期有效性"
    group_after = 20  # one cause (a rewritten year, a scraped page) is one finding

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        for date in doc.facts(DateFacts).dates:
            if not 1 <= date.month <= 12:
                if date.day is None and date.year is None:
                    continue
                why = (f"没有{date.month}月", f"there is no month {date.month}")
            elif date.day is not None:
                days = _days_in_month(date.year, date.month)
                if 1 <= date.day <= days:
                    continue
                if date.year is None and date.month == 2:
                    why = ("2月最多29天", "February has at most 29 days")
                elif date.year is not None and date.month == 2:
                    why = (f"{date.year}年2月只有{days}天", f"February {date.year} has {days} days")
                else:
                    why = (f"{date.month}月只有{days}天", f"month {date.month} has {days} days")
            else:
                continue
            yield self.report(date.span, text=text[date.span.start:date.span.end],
                              why_zh=why[0], why_en=why[1])


_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _days_in_month(year: int | None, month: int) -> int:
    if month == 2 and (year is None or calendar.isleap(year)):
        return 29
    return _DAYS[month - 1]
