"""N108: values that cannot be: a share above 100%, a negative count."""

from __future__ import annotations

import re
from collections.abc import Iterator

from doclint.core import Category, Document, Example, Examples, Finding, Message, Rule, Span
from doclint.rules.numbers.lexicon import BOUNDED_RATES, alternation
from doclint.rules.numbers.passages import clause_start, sentence_bounds
from doclint.rules.numbers.quantities import AMOUNT, PERCENT, Quantities, Quantity

# 占 opens a share unless the whole is a plan, a budget or an earlier period (完成预算的
# 109%, 相当于上年的120% are legitimate) or the word is 占用/占地.
_SHARE = re.compile(r"占(?!用|地|领|据|有率)[^，,；;。]*$")
_NOT_A_SHARE = re.compile(r"预算|计划|上年|去年|同期|目标|任务|年初|相当于|完成|增长|提高|比")
_BOUNDED = re.compile(rf"(?:{alternation(BOUNDED_RATES)})(?:要|将|力争|已)?"
                      r"(?:为|达到|达|提高到|提升到|保持在|稳定在|超过|约)?$")
_COUNT_UNITS = frozenset(("人", "人次", "户", "个", "家", "项", "所", "座", "处", "台", "辆",
                          "套", "张", "件", "间", "栋", "条", "头", "只", "匹", "口", "眼", "株",
                          "棵", "册", "艘", "架次", "床", "起", "宗", "例"))

_NEGATIVE = Message("数量不能为负：“{value}”。", "A count cannot be negative: “{value}”.")


class ImpossibleValue(Rule):
    """不可能的数值：占比或覆盖率、普及率等比率超过 100%，人数、户数等计数为负。

    “占…的X%”只有在比较对象不是预算、计划、上年、同期时才是占比（“完成预算的109%”
    “相当于上年的120%”是正常的）。能超过 100% 的比率（增长率、完成率、出栏率、病床
    使用率）不在检查之列。
    """

    code = "N108"
    name = "number.impossible-value"
    category = Category.ARITHMETIC
    summary = Message("不可能的数值。", "An impossible value.")
    message = Message("{what}不能超过100%：“{value}”。", "{what_en} cannot exceed 100%: “{value}”.")
    examples = Examples(
        bad=(Example("全县森林覆盖率达到112.5%。"),
             Example("农村人口占全县总人口的135%。"),
             Example("全年新增就业-320人。")),
        good=(
            "全县森林覆盖率达到12.5%。",
            "税收收入完成预算的109.2%。",
            "出口额相当于上年的120%。",
            "出口增长135%。",
        ),
    )
    basis = "占比与有上限的比率不超过 100%；计数不为负"

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        quantities = doc.facts(Quantities)
        for index in quantities.hundreds:
            quantity = quantities.run(index)
            if quantity is not None and quantity.kind == PERCENT and quantity.value > 100:
                finding = self._share(text, quantity)
                if finding is not None:
                    yield finding
        for index in quantities.signed:
            quantity = quantities.run(index)
            if quantity is not None and quantity.value < 0 and quantity.kind == AMOUNT \
                    and quantity.unit in _COUNT_UNITS:
                yield self.report(Span(quantity.start, quantity.end), _NEGATIVE,
                                  value=quantity.text)

    def _share(self, text: str, quantity: Quantity) -> Finding | None:
        s0, _ = sentence_bounds(text, quantity.start)
        prefix = text[clause_start(text, quantity.start, s0) : quantity.start]
        share = _SHARE.search(prefix)
        if share is not None and not _NOT_A_SHARE.search(share.group()):
            what = ("占比", "A share")
        else:
            rate = _BOUNDED.search(prefix)
            if rate is None:
                return None
            word = rate.group().rstrip("要将力争已为达到提高升保持在稳定超过约")
            what = (word, f"The rate “{word}”")
        return self.report(Span(quantity.start, quantity.end), what=what[0], what_en=what[1],
                           value=quantity.text)
