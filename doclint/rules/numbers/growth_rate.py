"""N104: a growth rate that disagrees with the start and end values it is stated with."""

from __future__ import annotations

from collections.abc import Iterator

from doclint.core import Category, Document, Example, Examples, Finding, Message, Rule, Span
from doclint.core.lazyregex import lazy_re
from doclint.rules.numbers.interval import Interval, fmt
from doclint.rules.numbers.links import NumberLinks
from doclint.rules.numbers.passages import is_output
from doclint.rules.numbers.quantities import PERCENT, TIMES, Quantity
from doclint.rules.numbers.relations import Change
from doclint.rules.numbers.verdict import disagree, related

# Rates are printed to 0.1 and computed from unrounded values; 0.05 points more is
# allowed beyond what the printed precision of the operands explains.
_SLACK_POINTS = 0.05
# The lowest price level, relative to the start, that real growth is allowed to assume: of
# output (its deflator has fallen several per cent in a year), and of consumption (consumer
# prices in China have not fallen 2% in a year, nor much more over the worst run of years).
_DEFLATION = 0.95
_CONSUMER_DEFLATION = 0.98
# 1,099, 160万元: a stray space after a thousands comma leaves the last group of digits
# looking like a number of its own. A value of three digits right after "digit, " is that
# group, not the value the sentence states.
_TORN_GROUP = lazy_re(r"[0-9][,，][ \u3000\u00a0]+$")
_GROUP = lazy_re(r"[0-9]{3}(?![0-9])")


class GrowthRate(Rule):
    """所述增长率与起点、终点不符：“由A增加到B，增长X%”或“B，比上年增加d，增长X%”。

    千分位逗号后多了空格（“1,099, 160万元”）时，逗号后的三位数只是数的一段，不检查。

    增长率按 (B ÷ A − 1) 核对，A 未写出时取 B − d。“增长3.2倍”指终点为起点的 4.2 倍。
    以下情况不检查：句中有“按可比价格”“实际增长”“同口径”“剔除”等字样（增速不是两个
    名义数的比）。地区生产总值、增加值、产值、人均收入等按惯例以可比价计算增速的指标，
    实际增速低于名义增速是正常的，只有所述增速高出名义数值在价格下降时所能允许的范围
    才报告：产出（生产总值、增加值、产值）的价格按下降 5% 计，居民收入和消费支出的
    价格（消费价格）按下降 2% 计。起止都是
    百分比时（“由52.23%提高到58.08%”），“提高X%”可以指相对增幅，也可以被误写为百分点，
    两种读法都对不上才报告。
    """

    code = "N104"
    name = "number.growth-rate"
    category = Category.ARITHMETIC
    # More than this many in one file is one systematic cause (a copied page, a template).
    group_after = 20
    summary = Message("增长率与起止数值不符。",
                      "The growth rate disagrees with the start and end values.")
    message = Message(
        "{start} → {end}，增长 {computed}%，与所述 {rate} 不符"
        "（相差 {diff} 个百分点，容差 ±{tol}）。",
        "{start} → {end} is a growth of {computed}%, not the stated {rate} "
        "(off by {diff} points, tolerance ±{tol}).",
    )
    examples = Examples(
        bad=(Example("全年财政收入83040亿元，比上年增加14522亿元，增长25.2%。"),
             Example("粮食产量由3000万吨增加到3300万吨，增长1.1倍。")),
        good=(
            "全年财政收入83040亿元，比上年增加14522亿元，增长21.2%。",
            "全年地区生产总值由2300亿元增加到2400亿元，增长5.2%。",
            "一般公共预算收入3507.6亿元，比上年增加58.6亿元，增长1.7%（同口径增长2.5%）。",
            "出口额由120亿元增加到504亿元，增长3.2倍。",
        ),
    )
    basis = "增长率 = 终点 ÷ 起点 − 1（domain-rules §5 DATA-GROWTH-RATIO）"

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        for change in doc.facts(NumberLinks).changes:
            if change.rate is None or change.basis:
                continue
            if any(q is not None and torn_group(text, q)
                   for q in (change.start, change.end, change.increase)):
                continue
            finding = self._check(change, change.rate)
            if finding is not None:
                yield finding

    def _check(self, change: Change, rate: Quantity) -> Finding | None:
        end = change.end
        if change.start is not None:
            start_interval, start_text = change.start.interval(), change.start.text
            notes = [related(change.start, "起点", "start")]
        elif change.increase is not None:
            start_interval = end.interval() - change.increase.interval()
            start_text = f"{end.text} − {change.increase.text.lstrip('-−－')}"
            notes = [related(change.increase, "增量", "increase")]
        else:
            return None
        notes.append(related(end, "终点", "end"))
        growth = (end.interval() / start_interval).scale(100.0) - Interval(100.0, 100.0)
        stated = rate.interval()
        if rate.kind == TIMES:
            stated = stated.scale(100.0)
        nominal = growth
        if change.real:
            # Growth in real terms is below the nominal one unless prices fell: only a rate
            # above what the nominal values allow with the prices of output down 5% (consumer
            # prices down 2%, for an income or spending) is wrong either way.
            floor = _DEFLATION if is_output(change.label) else _CONSUMER_DEFLATION
            growth = Interval(-100.0, (100.0 + growth.hi) / floor - 100.0)
        verdict = disagree(growth, stated, _SLACK_POINTS)
        if verdict is None:
            return None
        if end.kind == PERCENT and rate.kind == PERCENT:
            points = end.interval() - start_interval
            if disagree(points, stated, _SLACK_POINTS) is None:
                return None
        difference, tolerance = verdict.difference, verdict.tolerance
        if change.real:
            # The message names the nominal growth, and the room the real reading allows.
            difference = stated.mid - nominal.mid
            tolerance = growth.hi - nominal.mid + stated.half_width + _SLACK_POINTS
        return self.report(
            Span(rate.start, rate.end), related=notes, start=start_text, end=end.text,
            computed=fmt(nominal.mid, 2), rate=rate.text, diff=fmt(abs(difference), 2),
            tol=fmt(tolerance, 2),
        )


def torn_group(text: str, quantity: Quantity) -> bool:
    """A three-digit value right after "digit, ": the tail of a number a space tore apart."""
    return (_GROUP.match(text, quantity.start) is not None
            and _TORN_GROUP.search(text, max(0, quantity.start - 4), quantity.start) is not None)
