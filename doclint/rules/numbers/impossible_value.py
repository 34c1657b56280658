"""N108: values that cannot be: a share above 100%, a negative count."""

from __future__ import annotations

from collections.abc import Iterator

from doclint.core import Category, Document, Example, Examples, Finding, Message, Rule, Span
from doclint.core.lazyregex import lazy_re
from doclint.rules.numbers.lexicon import BOUNDED_RATES, alternation
from doclint.rules.numbers.passages import clause_start, sentence_start
from doclint.rules.numbers.quantities import AMOUNT, PERCENT, Quantities, Quantity

# 占 opens a share unless the whole is a plan, a budget or an earlier period (完成预算的
# 109%, 相当于上年的120% are legitimate) or the word is 占用/占地.
_SHARE = lazy_re(r"占(?!用|地(?!区)|领|据|有率)[^，,；;。]*$")
_NOT_A_SHARE = lazy_re(r"预算|计划|上年|去年|同期|目标|任务|年初|相当于|完成|增长|提高|比(?![重例])")
# A stock (债务余额, 存款余额) or a flow that is not part of output (进出口总额, 固定资产投资)
# compared with output or income is a ratio, not a share: it may well exceed 100%.
_NOT_A_PART = lazy_re(r"余额|债务|负债|存款|贷款|资产|存量|储蓄|杠杆|外债|货币|M2|增量|增加额|增收")
_OUTPUT = lazy_re(r"生产总值|GDP|经济总量|国民收入|综合财力|可用财力")
_COMPONENT = lazy_re(r"增加值|产业|产值")
_PART_WINDOW = 40
# A change in a count may be negative (人口自然增长-0.3万人, 净流入-2万人); a count may not.
# The change word is on the number's own line, as its sentence is (sentence_bounds).
_CHANGE = lazy_re(r"(?:增长|增加|减少|下降|净[增减流入出]*|变化|变动|增量|增减|同比|比上年|较上年)"
                     r"[^，,；;。\r\n]{0,4}$")
_BOUNDED = lazy_re(rf"(?:{alternation(BOUNDED_RATES)})(?:要|将|力争|已)?"
                      r"(?:为|达到|达|提高到|提升到|保持在|稳定在|超过|约)?$")
# Participation counted against the registered population (新农合参合率, 参保率): people
# enrolled where they live but registered elsewhere take it past 100%, by a few per cent,
# never by a multiple. A lost decimal point (参合率985%) is still impossible.
_REGISTER_RATE = lazy_re(r"参合率|参保率")
_REGISTER_CEILING = 120.0
# Rates whose denominator is not the numerator's whole: enrolment and retention (入学率,
# 入园率, 巩固率: pupils who moved in are counted, local children or the entrants of N years
# before are the base), and coverage of a planned target population (目标人群覆盖率). They
# exceed 100% where people move in, by tens of per cent, never by a multiple.
_FLOW_RATE = lazy_re(r"入学率|入园率|巩固率")
_TARGET = lazy_re(r"目标|计划|任务")
_COVERAGE = lazy_re(r"覆盖率|覆盖面|接种率")
_FLOW_CEILING = 150.0
_COUNT_UNITS = frozenset(("人", "人次", "户", "个", "家", "项", "所", "座", "处", "台", "辆",
                          "套", "张", "件", "间", "栋", "条", "头", "只", "匹", "口", "眼", "株",
                          "棵", "册", "艘", "架次", "床", "起", "宗", "例"))

_NEGATIVE = Message("数量不能为负：“{value}”。", "A count cannot be negative: “{value}”.")


class ImpossibleValue(Rule):
    """不可能的数值：占比或覆盖率、普及率等比率超过 100%，人数、户数等计数为负。

    “占…的X%”只有在比较对象不是预算、计划、上年、同期时才是占比（“完成预算的109%”
    “相当于上年的120%”是正常的）；存量与流量之比（“政府债务余额占地区生产总值的比重”
    “存款余额占GDP的比重”）和产出以外的流量与产出之比（“进出口总额占GDP的比重”）
    可以超过 100%，也不检查。能超过 100% 的比率（增长率、完成率、出栏率、病床使用率、
    资金到位率、结案率、毛入学率）不在检查之列；按户籍人口计算的参合率、参保率可以略超 100%
    （在居住地参加而户籍在外的人也计入分子），超过 120% 才报告；入学率、入园率、巩固率
    （迁入的学生计入分子）和按计划目标人群计算的覆盖率（“目标人群覆盖率101.7%”）可以超过
    100%，超过 150% 才报告（丢了小数点的“985%”仍报）；增量之比（“增量占全省增量的120%”）也可以
    超过 100%。数字之间的连接号（“1--2家”“650万-750万台”）
    是范围，不是负号。
    """

    code = "N108"
    name = "number.impossible-value"
    category = Category.ARITHMETIC
    # It reads only the number's own line (its sentence, clause and the words just before it),
    # so a document too large to check whole is still checked by it, window by window.
    scope = "line"
    # More than this many in one file is one systematic cause (a copied page, a template).
    group_after = 20
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
            "全市政府债务余额占地区生产总值的比重为120%。",
            "每年认定1--2家省级示范园区。",
            "学前三年毛入园率达到103.5%。",
            "新型农村合作医疗参合率达到102.6%。",
            "小学适龄儿童入学率108.3%，九年义务教育巩固率104.2%。",
            "完成免费孕前检查2.1万人，目标人群覆盖率102.4%。",
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
                    and quantity.unit in _COUNT_UNITS \
                    and not _CHANGE.search(text, max(0, quantity.start - 12), quantity.start):
                yield self.report(Span(quantity.start, quantity.end), _NEGATIVE,
                                  value=quantity.text)

    def _share(self, text: str, quantity: Quantity) -> Finding | None:
        s0 = sentence_start(text, quantity.start)
        s0 = max(s0, text.rfind("\r", 0, quantity.start) + 1)  # a CR-only line break too
        c0 = clause_start(text, quantity.start, s0)
        prefix = text[c0 : quantity.start]
        share = _SHARE.search(prefix)
        if share is not None:
            whole = share.group()
            if _NOT_A_SHARE.search(whole):
                return None
            part = text[max(s0, c0 + share.start() - _PART_WINDOW) : c0 + share.start()]
            if _NOT_A_PART.search(part) or (_OUTPUT.search(whole)
                                            and not _COMPONENT.search(part)):
                return None
            what = ("占比", "A share")
        else:
            rate = _BOUNDED.search(prefix)
            if rate is None or prefix[max(0, rate.start() - 1) : rate.start()] == "毛":
                return None  # a gross enrolment ratio (毛入学率) counts pupils of any age
            word = rate.group().rstrip("要将力争已为达到提高升保持在稳定超过约")
            if _REGISTER_RATE.search(word) and quantity.value <= _REGISTER_CEILING:
                return None
            if quantity.value <= _FLOW_CEILING and (
                    _FLOW_RATE.search(word)
                    or (_COVERAGE.search(word) and _TARGET.search(prefix, 0, rate.start()))):
                return None
            what = (word, f"The rate “{word}”")
        return self.report(Span(quantity.start, quantity.end), what=what[0], what_en=what[1],
                           value=quantity.text)
