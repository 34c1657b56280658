"""Y402: a weekday that does not match its date (2024年4月24日（星期四）)."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from doclint.core import Category, Document, Examples, Finding, Message, Related, Rule
from doclint.rules.years.dates import DateFacts

_NAMES = "一二三四五六日"
_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


class WeekdayMismatch(Rule):
    """日期后注明的星期与日期不符。

    “2024年4月24日（星期四）”：2024年4月24日是星期三。日期或星期至少有一个写错了。
    只检查写明年份的完整日期。
    """

    code = "Y402"
    name = "date.weekday-mismatch"
    category = Category.DATE_INVALID
    summary = Message("星期与日期不符。", "The weekday does not match the date.")
    message = Message("{date}是星期{actual}，不是星期{written}。",
                      "{date} is a {actual_en}, not a {written_en}.")
    examples = Examples(
        bad=("定于2024年4月24日（星期四）上午召开。",),
        good=("定于2024年4月24日（星期三）上午召开。", "定于4月24日（星期四）上午召开。"),
    )
    basis = "日期有效性"
    group_after = 20  # one cause (a rewritten year, a scraped page) is one finding

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        for date in doc.facts(DateFacts).dates:
            if date.weekday is None or date.weekday_span is None:
                continue
            if date.year is None or date.day is None:
                continue
            try:
                actual = datetime.date(date.year, date.month, date.day).weekday()
            except ValueError:
                continue  # an impossible date is Y401's
            if actual == date.weekday:
                continue
            yield self.report(date.weekday_span, date=text[date.span.start:date.span.end],
                              actual=_NAMES[actual], written=_NAMES[date.weekday],
                              actual_en=_EN[actual], written_en=_EN[date.weekday],
                              related=(Related(date.span, Message("日期", "the date")),))
