"""N305: a space inside a number (3. 5%, 20 48亿元)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from doclint.core import Category, Document, Example, Examples, Finding, Message, Rule, Span
from doclint.core.diagnostic import SUGGESTION
from doclint.core.lazyregex import lazy_re
from doclint.rules.numbers.quantities import Quantities
from doclint.rules.numbers.unit_spacing import letter_spaced, one_for_the_layout
from doclint.rules.structure.layout import Layout

_INSIDE = frozenset(" \u00a0\u2009\u202f.")
_UNIT_AFTER = lazy_re(r"[ \u00a0]*(?:%|％|‰|个百分点|万|亿|元|人|户|个|吨|公里|亩|倍)")
# Digit groups joined by single spaces, or a decimal point with a space on either side.
_LETTER_SPACED = Message(
    "数字内部有空格：全文逐字加空格排版，此类数字共{count}处（首处“{text}”），其余见相关位置。",
    "Spaces inside numbers: the document is letter-spaced throughout ({count} such numbers, "
    "the first “{text}”); the others are related.",
)
_SPACED = lazy_re(
    r"(?P<groups>[0-9]+(?:[ \u00a0\u2009\u202f][0-9]+)+)(?P<decimal>\.[0-9]+)?"
    r"|(?P<point>[0-9]+(?:[ \u00a0]+\.[ \u00a0]*|\.[ \u00a0]+)[0-9]+)"
)


class DigitSpacing(Rule):
    """数字内部有空格（“3. 5%”“20 48亿元”）。

    GB/T 15835 允许用千分空分节（“55 235 367”：除首节外每节三位），这种写法不报；一位
    一位隔开的数字（“1 9 5 6”）是版面上的字距，也不报。只报告后面带单位或百分号、分节
    不合规则或小数点旁有空格的数字。修复删除空格，需人工确认。全文逐字加空格排版时，
    这些空格是同一个版式问题，整篇只报一次，其余各处作为相关位置。
    """

    code = "N305"
    name = "number.digit-spacing"
    category = Category.NUMBER_FORMAT
    group_after = 12
    summary = Message("数字内部有空格。", "A space inside a number.")
    message = Message("数字“{text}”内部有空格。", "A space inside the number “{text}”.")
    fixable = True
    examples = Examples(
        bad=(Example("比重达到13. 7%。", fixed="比重达到13.7%。"),
             Example("完成投资20 48亿元。", fixed="完成投资2048亿元。")),
        good=("全市常住人口12 345 678人。", "《人民日报》1 9 5 6 0 6 1 6 第2版", "比重达到13.7%。"),
    )
    basis = "GB/T 15835—2011 §5.1.1 多位数分节"

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        title = Message("删除数字内的空格", "Remove the spaces inside the number")
        quantities = doc.facts(Quantities)
        covered = -1
        spaced_out: list[Finding] = []
        spaced_file = doc.facts(Layout).letter_spaced is not None
        for index in quantities.spaced:
            start = _leading_digit(text, quantities.starts[index])
            if start < covered:
                continue
            match = _SPACED.match(text, start)
            if match is None or not _UNIT_AFTER.match(text, match.end()):
                continue
            covered = match.end()
            if match.group("groups") and not _bad_grouping(match.group("groups")):
                continue
            span = Span(*match.span())
            printed = match.group()
            finding = self.report(span, text=printed,
                                  fix=self.replace(span, re.sub(r"\s", "", printed), title,
                                                   SUGGESTION))
            if spaced_file or letter_spaced(text, span.start, span.end):
                spaced_out.append(finding)
            else:
                yield finding
        if spaced_out:
            first = spaced_out[0].span
            yield one_for_the_layout(spaced_out, _LETTER_SPACED.format(
                count=len(spaced_out), text=text[first.start : first.end]))


def _leading_digit(text: str, start: int) -> int:
    """Step back over spaced digit groups and a spaced decimal point to the number's start."""
    pos = start
    while pos > 0 and (text[pos - 1].isdigit() or text[pos - 1] in _INSIDE):
        pos -= 1
    while pos < start and not text[pos].isdigit():
        pos += 1
    return pos


def _bad_grouping(groups: str) -> bool:
    parts = groups.split()
    if all(len(p) == 1 for p in parts):
        return False  # letter-spaced layout, not a number
    return not (1 <= len(parts[0]) <= 3 and all(len(p) == 3 for p in parts[1:]))
