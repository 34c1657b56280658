"""N105: an average annual growth rate that does not take the start to the end."""

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
from doclint.core.lazyregex import lazy_re
from doclint.rules.numbers.interval import Interval, fmt
from doclint.rules.numbers.links import NumberLinks
from doclint.rules.numbers.quantities import TIMES
from doclint.rules.numbers.relations import AnnualGrowth
from doclint.rules.numbers.verdict import (
    Verdict,
    disagree,
    in_units_of,
    related,
    relative_text,
)

# Published averages are computed from unrounded values; half a per cent of the end value
# is allowed beyond the printed precision of the operands.
_SLACK = 0.005
# A target for GDP or value added states its level in current prices and its growth in real
# terms: the level may exceed the real compounding by the prices planned meanwhile, never
# fall short of it. Planners have not assumed more than this much inflation a year.
_PLANNED_INFLATION = 1.08

# A five-year plan's average growth is measured from the year before the plan (2020 for
# 十四五, 2015 for 十三五), which the text may not give: behind "由2021年的a增长到2025年的b，
# 年均增长r" stands the 2020 value, not a. Plans run 2001–2005, 2006–2010, …, 2021–2025.
_YEAR = lazy_re(r"(?:19|20)[0-9]{2}")
_PLAN_START_MOD = 1
# 比“十三五”时期增加d: the end and the increase are totals of two periods, and an average
# growth over the period is not the ratio of two period totals.
_PERIOD_BASE = lazy_re(r"比[^，,；;。]{0,12}(?:时期|期间|五年)[^，,；;。]{0,4}$")

_MULTIPLE = Message(
    "（1 {sign} {rate}）^{years} = {computed} 倍，与所述“{multiple}”（{stated} 倍）不符"
    "（容差 ±{tol}）。",
    "(1 {sign} {rate})^{years} = {computed}×, but the text says “{multiple}” ({stated}×; "
    "tolerance ±{tol}).",
)


class AnnualGrowthRate(Rule):
    """年均增长率与起点、终点和年数不符：起点 × (1 + r)^N 应等于终点。

    年数 N 取自两个明确的年份（由2000年的…增加到2005年的…）；年份缺失或相同时，取自
    为这些数字说明的时段：同一句中的时段说法，或本段中位于句首、统领下文的时段说法
    （“这五年，……”“今后五年，……”“‘十一五’时期……”，一个五年规划期为 5 年）。别的句子
    中间顺带提到的时段（“围绕近五年来群众反映的问题”）不算；回顾只用回顾的时段，目标
    只用今后的时段或规划期；“‘十三五’以来”“‘九五’期末”是时点，不是时段。“比上年增加d，
    年均增长r”中的增量只是一年的，不与年均增速相连；五年累计数不按年均增速增长。
    也核对“比1989年增长近两倍，年均增长9.3%”这样的累计增幅。
    规划目标（“到2010年地区生产总值达到55亿元，年均递增22.5%”）的起点取同一篇文稿中
    同一指标、同一地区此前最近一次给出的实际数（不取另一个目标，也不取汇编中另一篇讲话
    的数）；目标句点明规划期（“十四五”时期）而起点年份不是规划基期时不检查。
    地区生产总值、增加值等按可比价计算增速的指标，回顾已完成情况时不检查（名义数之比
    不等于实际增速）；规划目标的终点是现价，增速是实际增速，终点高出按增速复利所得的数
    不超过规划期内每年 8% 的物价涨幅时不报，低于它（要物价下跌才能做到）或高出太多才报；人均收入、居民收入和消费支出通常也按扣除价格
    因素后的实际增速表述，回顾时同样不检查；指数不是总量，不检查。句中有“可比价”“实际
    增长”“同口径”等字样时不检查；累计增幅与年均增速都是增速，口径相同，照常核对。
    五年规划期的年均增速从规划前一年算起（“十四五”从2020年算起），“由2021年的…增长到2025年
    的…”给出的起点不是它的基数，不检查；“比‘十三五’时期增加…，年均增长…”比的是两个时期的
    合计，也不检查。
    容差：各数末位的一半，另加终点的 0.5%。
    """

    code = "N105"
    name = "number.annual-growth"
    category = Category.ARITHMETIC
    # More than this many in one file is one systematic cause (a copied page, a template).
    group_after = 20
    # Every average growth it checks is read at an occurrence of 年均 (annual.find_annual).
    anchors = ("年均",)
    summary = Message("年均增长率与起止数值和年数不符。",
                      "The average annual growth rate disagrees with the start, end and years.")
    message = Message(
        "{start} × {factor}^{years} = {computed}，与所述 {end} 相差 {diff}（容差 {tol}）。",
        "{start} × {factor}^{years} = {computed}, {diff} away from the stated {end} "
        "(tolerance {tol}).",
    )
    examples = Examples(
        bad=(Example("五年来，全县财政收入由7473万元增加到9722万元，年均递增4.8%。"),
             Example("2005年全县地区生产总值20.48亿元。今后五年的目标是：到2010年全县地区生产总值"
                     "达到55亿元，年均递增22.5%。")),
        good=(
            "五年来，全县财政收入由7473万元增加到9722万元，年均递增5.4%。",
            "2005年全县地区生产总值20.48亿元。今后五年的目标是：到2010年全县地区生产总值"
            "达到55亿元，年均递增21.8%。",
            "过去五年，国内生产总值从54万亿元增加到82.7万亿元，年均增长7.1%。",
        ),
    )
    basis = "复合增长：起点 × (1 + r)^N = 终点（domain-rules §5 DATA-CAGR）"

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        for growth in doc.facts(NumberLinks).annual:
            if growth.basis:
                continue
            if growth.multiple is not None:
                # Both the cumulative and the annual growth are stated rates, on one basis.
                finding = self._check_multiple(growth)
            elif growth.real and not growth.target:
                continue
            elif _plan_period(text, growth) or (
                    growth.increase is not None and growth.start is None and _PERIOD_BASE.search(
                        text, max(0, growth.increase.start - 20), growth.increase.start)):
                continue
            else:
                finding = self._check_values(growth)
            if finding is not None:
                yield finding

    def _check_values(self, growth: AnnualGrowth) -> Finding | None:
        end = growth.end
        if end is None:
            return None
        if growth.start is not None:
            start, start_text = growth.start.interval(), growth.start.text
            notes = [related(growth.start, "起点", "start")]
        elif growth.increase is not None:
            start = end.interval() - growth.increase.interval()
            start_text = f"（{end.text} − {growth.increase.text}）"
            notes = [related(growth.increase, "增量", "increase")]
        else:
            return None
        factor = _factor(growth)
        computed = start * factor.power(growth.years)
        verdict = disagree(computed, end.interval(), _SLACK * abs(end.base))
        if verdict is None or (growth.real and _priced_in(verdict, growth.years)):
            return None

        diff, tol = relative_text(verdict)
        notes += [related(end, "终点", "end"), *_year_notes(growth)]
        return self.report(
            Span(growth.rate.start, growth.rate.end), related=notes, start=start_text,
            factor=fmt(factor.mid, 4), years=growth.years,
            computed=in_units_of(verdict.computed, end), end=end.text, diff=diff, tol=tol,
        )

    def _check_multiple(self, growth: AnnualGrowth) -> Finding | None:
        multiple = growth.multiple
        assert multiple is not None
        stated = multiple.interval()
        stated = stated + Interval(1.0, 1.0) if multiple.kind == TIMES else (
            stated.scale(0.01) + Interval(1.0, 1.0))
        computed = _factor(growth).power(growth.years)
        verdict = disagree(computed, stated, _SLACK * stated.mid if stated.bounded else 0.0)
        if verdict is None:
            return None
        rate = growth.rate
        digits = _digits_apart(verdict.computed, stated.mid, verdict.tolerance)
        return self.report(
            Span(rate.start, rate.end), _MULTIPLE,
            related=[related(multiple, "累计增长", "cumulative growth"), *_year_notes(growth)],
            sign="−" if rate.value < 0 else "+", rate=rate.text.lstrip("-−－"),
            years=growth.years, computed=fmt(verdict.computed, digits), multiple=multiple.text,
            stated=fmt(stated.mid, digits), tol=fmt(verdict.tolerance, digits),
        )


def _plan_period(text: str, growth: AnnualGrowth) -> bool:
    """From a five-year plan's first year to its last: the base is the year before."""
    if growth.years != 4 or len(growth.years_from) != 2:
        return False
    years = sorted(int(m.group()) for span in growth.years_from
                   if (m := _YEAR.search(text, span.start, span.end)) is not None)
    return len(years) == 2 and years[0] % 5 == _PLAN_START_MOD and years[1] == years[0] + 4


def _priced_in(verdict: Verdict, years: int) -> bool:
    """A current-price level above its real compounding by no more than planned inflation."""
    if verdict.difference >= 0 or verdict.computed <= 0:
        return False
    return verdict.stated / verdict.computed <= _PLANNED_INFLATION ** years


def _digits_apart(computed: float, stated: float, tolerance: float) -> int:
    """Decimals enough for the printed values to lie further apart than the printed tolerance
    (1.802 and 1.786 with ±0.01, not 1.8 and 1.79)."""
    for digits in (2, 3, 4):
        unit = 10 ** digits
        if abs(round(computed * unit) - round(stated * unit)) > round(tolerance * unit):
            return digits
    return 4


def _factor(growth: AnnualGrowth) -> Interval:
    return growth.rate.interval().scale(0.01) + Interval(1.0, 1.0)


def _year_notes(growth: AnnualGrowth) -> list[Related]:
    note = Message(f"年数 N = {growth.years} 的依据", f"where N = {growth.years} comes from")
    return [Related(span, note) for span in growth.years_from]

