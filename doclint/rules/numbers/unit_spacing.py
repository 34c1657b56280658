"""N303: a space between a number and its unit or per cent sign (13.7 %)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from doclint.core import Category, Document, Example, Examples, Finding, Message, Rule, Span
from doclint.rules.numbers.lexicon import MAGNITUDES, UNITS, alternation
from doclint.rules.numbers.quantities import SPACE_CHARS, Quantities

SPACES = SPACE_CHARS
_UNIT = re.compile(
    rf"%|％|‰|个百分点|百分点|倍|{alternation(list(MAGNITUDES) + [u for u in UNITS if u != '年'])}")
_MAX_GAP = 3


def unit_after_spaces(text: str, pos: int) -> str:
    """The unit or per cent sign that follows ``pos`` after a short run of spaces, or ''."""
    end = pos
    while end < len(text) and end - pos < _MAX_GAP and text[end] in SPACES:
        end += 1
    unit = _UNIT.match(text, end) if end - pos < _MAX_GAP else None
    return unit.group() if unit else ""


class UnitSpacing(Rule):
    """数字与单位、百分号之间有空格（“13.7 %”“90 %以上”“120 万元”）。

    GB/T 15835 的数值与单位、百分号连写。常见于从排版文件复制或录入时误敲空格。
    修复删除空格。
    """

    code = "N303"
    name = "number.unit-spacing"
    category = Category.SPACING
    summary = Message("数字与单位之间有空格。", "A space between a number and its unit.")
    message = Message("“{number}”与“{unit}”之间有空格。",
                      "A space between “{number}” and “{unit}”.")
    fixable = True
    examples = Examples(
        bad=(Example("工业在国民经济中的比重达到13.7 %，覆盖率达到90 %以上。",
                     fixed="工业在国民经济中的比重达到13.7%，覆盖率达到90%以上。"),),
        good=("工业在国民经济中的比重达到13.7%。", "见《人民日报》第2 版。", "2024 年工作回顾"),
    )
    basis = "GB/T 15835—2011 数值与单位连写"

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        title = Message("删除空格", "Remove the space")
        quantities = doc.facts(Quantities)
        for index in quantities.spaced:
            start, end = quantities.starts[index], quantities.ends[index]
            if text[end : end + 1] not in SPACES or end == len(text):
                continue
            gap_end = end
            while gap_end < len(text) and gap_end - end < _MAX_GAP and text[gap_end] in SPACES:
                gap_end += 1
            if gap_end == end or gap_end - end >= _MAX_GAP:
                continue
            unit = _UNIT.match(text, gap_end)
            if unit is None:
                continue
            span = Span(end, gap_end)
            yield self.report(span, number=text[start:end], unit=unit.group(),
                              fix=self.replace(span, "", title))
