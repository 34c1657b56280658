"""N103: ``由A增加到B，增加d`` where A + d is not B."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from doclint.core import Category, Document, Example, Examples, Finding, Message, Rule, Span
from doclint.rules.numbers.interval import fmt
from doclint.rules.numbers.links import NumberLinks
from doclint.rules.numbers.quantities import POINTS, Quantity
from doclint.rules.numbers.verdict import disagree, in_units_of, related


class ChangeSum(Rule):
    """起点加增量不等于终点：“由A增加到B，增加d”中 A + d ≠ B。

    比率的变化用百分点计：“由46.9%提高到48.2%，提高1.3个百分点”按 46.9 + 1.3 = 48.2
    核对；“下降”“减少”的增量按负数计。容差为三个数末位的一半之和，约数（约、近、
    以上、多）按其方向放宽。
    """

    code = "N103"
    name = "number.change-sum"
    category = Category.ARITHMETIC
    # More than this many in one file is one systematic cause (a copied page, a template).
    group_after = 20
    summary = Message("起点加增量不等于终点。", "Start plus increase does not equal the end value.")
    message = Message(
        "{start} {sign} {increase} = {computed}，与所述终点 {end} 不符"
        "（相差 {diff}，容差 ±{tol}）。",
        "{start} {sign} {increase} = {computed}, but the stated end is {end} "
        "(off by {diff}, tolerance ±{tol}).",
    )
    examples = Examples(
        bad=(Example("服务业增加值比重由46.9%提高到48.2%，提高1.5个百分点。"),
             Example("全县农村公路里程由1250公里增加到1630公里，增加了280公里。")),
        good=(
            "服务业增加值比重由46.9%提高到48.2%，提高1.3个百分点。",
            "全县农村公路里程由1250公里增加到1630公里，增加了380公里。",
        ),
    )
    basis = "起点 + 增量 = 终点"

    def check(self, doc: Document) -> Iterator[Finding]:
        for change in doc.facts(NumberLinks).changes:
            start, increase, end = change.start, change.increase, change.end
            if start is None or increase is None:
                continue
            verdict = disagree(start.interval() + increase.interval(), end.interval())
            if verdict is None:
                continue
            points = increase.kind == POINTS
            show = _points if points else _in_units(end)
            magnitude = increase.text.lstrip("-−－")
            yield self.report(
                Span(increase.start, increase.end),
                related=(related(start, "起点", "start"), related(end, "终点", "end")),
                start=start.text, sign="−" if increase.value < 0 else "+",
                increase=magnitude, computed=show(verdict.computed), end=end.text,
                diff=show(abs(verdict.difference)).replace("%", "个百分点"),
                tol=show(verdict.tolerance).replace("%", "个百分点"),
            )


def _points(value: float) -> str:
    return fmt(value, 3) + "%"


def _in_units(like: Quantity) -> Callable[[float], str]:
    return lambda value: in_units_of(value, like)
