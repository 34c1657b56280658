"""N101: a structure ratio (60：16：24) whose parts do not add up to 100."""

from __future__ import annotations

from collections.abc import Iterator

from doclint.core import Category, Document, Example, Examples, Finding, Message, Rule
from doclint.rules.numbers.interval import fmt
from doclint.rules.numbers.links import NumberLinks

# A ratio is read as shares of a whole only when its parts come near 100; 1：3.4 or 2：1
# are proportions, not structures.
_SHARE_RANGE = (80.0, 120.0)


class RatioSum(Rule):
    """结构比例（如三次产业结构 60：16：24）各项之和应为 100。

    只检查紧跟在“结构”“比例”“比重”“构成”“占比”之后、且各项之和接近 100 的比例
    （1：3.4、2：1 之类是倍数关系，不是构成）；只列出部分成员的比例（“第二、三产业之比”）
    不是整体的构成，也不检查。各项分别四舍五入，和可以偏离 100：
    每项的舍入误差为末位的一半，n 项合计容差为 n 个半末位（一位小数的三项为 ±0.15，
    即公开数据常见的 99.9～100.1）。写法 `：`、`:`、`∶`（U+2236）和带空格的写法都识别。
    """

    code = "N101"
    name = "number.ratio-sum"
    category = Category.ARITHMETIC
    # More than this many in one file is one systematic cause (a copied page, a template).
    group_after = 20
    summary = Message("结构比例各项之和不等于 100。",
                      "The parts of a structure ratio do not add up to 100.")
    message = Message(
        "{expr} = {total}，结构比例之和应为 100（相差 {diff}，各项舍入容差 ±{tol}）。",
        "{expr} = {total}; the parts of a structure should add up to 100 "
        "(off by {diff}, rounding tolerance ±{tol}).",
    )
    examples = Examples(
        bad=(Example("三次产业结构由上年的12：45：45调整为10：44：46。"),),
        good=(
            "三次产业结构由上年的12：43：45调整为10：44：46。",
            "三次产业结构调整为11.7∶39.6∶48.8。",
            "开工备案项目比例达到1∶3.4。",
        ),
    )
    basis = ("统计惯例：结构比例各项之和为 100，独立舍入可偏差 ±0.1"
             "（domain-rules §5 DATA-STRUCT-SUM）")

    def check(self, doc: Document) -> Iterator[Finding]:
        for ratio in doc.facts(NumberLinks).ratios:
            total = ratio.total
            if (len(ratio.parts) < 2 or ratio.partial
                    or not _SHARE_RANGE[0] <= total <= _SHARE_RANGE[1]):
                continue
            tolerance = ratio.rounding
            if abs(total - 100) <= tolerance + 1e-9:
                continue
            expr = " + ".join(fmt(p.value, 3) for p in ratio.parts)
            yield self.report(ratio.span, expr=expr, total=fmt(total, 3),
                              diff=fmt(abs(total - 100), 3), tol=fmt(tolerance, 3))
