"""Y503: a span of years joined by a hyphen (2021-2025年) instead of a dash (2021—2025年)."""

from __future__ import annotations

from collections.abc import Iterator

from doclint.core import (
    Category,
    Document,
    Example,
    Examples,
    Finding,
    Message,
    Related,
    Rule,
    Span,
)
from doclint.core.diagnostic import SAFE
from doclint.rules.years.mentions import HYPHENS, YearFacts


class YearRangeHyphen(Rule):
    """年份范围用了连字符“-”，应使用一字线“—”。

    GB/T 15835—2011 §5.1.3、GB/T 15834—2011 §4.13.3：数值范围用浪纹线“～”或一字线“—”，
    不用连字符；年份范围习惯用一字线（2021—2025年）。修复把连字符换成“—”。同一文档多处
    使用连字符时只报一次，其余列为相关位置，一并修复。
    """

    code = "Y503"
    name = "year.range-hyphen"
    category = Category.NUMBER_FORMAT
    summary = Message("年份范围使用了连字符。", "A span of years uses a hyphen.")
    message = Message("年份范围应使用一字线“—”：“{text}”。", "Join a span of years with “—”: “{text}”.")
    fixable = True
    examples = Examples(
        bad=(Example("编制2021-2025年发展规划。", fixed="编制2021—2025年发展规划。"),),
        good=("编制2021—2025年发展规划。", "依据GB/T 9704-2012排版。", "2024-04-24"),
    )
    basis = "GB/T 15835—2011 §5.1.3"
    # A document that joins its spans with hyphens does so throughout: one habit, one finding
    # (the others as related spans, fixed together).
    group_after = 1

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        title = Message("改为一字线“—”", "Use “—”")
        for group in doc.facts(YearFacts).groups:
            if not group.is_range or group.separators[0] not in HYPHENS:
                continue
            first, second = group.items
            start = text.index(group.separators[0], first.end, second.start)
            dash = Span(start, start + 1)
            yield self.report(group.span, text=text[group.start:group.end],
                              fix=self.replace(dash, "—", title, SAFE),
                              related=(Related(dash, Message("连字符", "the hyphen")),))
