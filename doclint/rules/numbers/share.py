"""N106: a stated share (占…的X%) that disagrees with the part and the total."""

from __future__ import annotations

from collections.abc import Iterator

from doclint.core import Category, Document, Example, Examples, Finding, Message, Rule, Span
from doclint.rules.numbers.interval import fmt
from doclint.rules.numbers.links import NumberLinks
from doclint.rules.numbers.verdict import disagree, related

_SLACK_POINTS = 0.05


class ShareMismatch(Rule):
    """“A，占B的X%”与 A、B 的数值不符。

    只有当同一段落前文明确给出了 B 的数值（指标名称一致，“总数”“总量”“量”、名称前的
    “完成”“获得”以及“地方”不计；“其中”列表的总数带“市本级”等层级而占比未写层级时，
    指该总数）时才核对：“5G用户X万户，在移动电话用户中占比Y%”的整体写在“占”之前。
    占比 = A ÷ B × 100。“总数T，其中A，占X%”（“占比X%”）的总数是“其中”前的 T，“其中”
    也可以开启同一段落的下一句。“2023年，财政收入占GDP的比重为X%”这样部分和总数都只写
    名称的，只在该句写明一个年份、同一篇此前对两者在该年各只给出一个数值（“由…增加到…”
    取终值）、地区一致时核对。“占全国的”“占预算的”“相当于上年的”等没有给出总数或与计划、
    上年相比的百分比不检查。容差为各数末位的一半，另加 0.05 个百分点。
    """

    code = "N106"
    name = "number.share-mismatch"
    category = Category.ARITHMETIC
    # More than this many in one file is one systematic cause (a copied page, a template).
    group_after = 20
    summary = Message("占比与部分和总数不符。", "The share disagrees with the part and the total.")
    message = Message(
        "{part} ÷ {total} = {computed}%，与所述 {share} 不符"
        "（相差 {diff} 个百分点，容差 ±{tol}）。",
        "{part} ÷ {total} = {computed}%, not the stated {share} "
        "(off by {diff} points, tolerance ±{tol}).",
    )
    examples = Examples(
        bad=(Example("全县地区生产总值20.48亿元，第一产业增加值9.6亿元，占地区生产总值的42.9%。"),
             Example("全市固定资产投资120.5亿元，其中工业投资48.2亿元，占30.2%。")),
        good=(
            "全县地区生产总值20.48亿元，第一产业增加值9.6亿元，占地区生产总值的46.9%。",
            "全市固定资产投资120.5亿元，其中工业投资48.2亿元，占40.0%。",
            "全部工业完成税收9000万元，占全县财政收入的60%以上。",
        ),
    )
    basis = "占比 = 部分 ÷ 总数"

    def check(self, doc: Document) -> Iterator[Finding]:
        for share in doc.facts(NumberLinks).shares:
            computed = (share.part.interval() / share.total.interval()).scale(100.0)
            verdict = disagree(computed, share.share.interval(), _SLACK_POINTS)
            if verdict is None:
                continue
            yield self.report(
                Span(share.share.start, share.share.end),
                related=(related(share.part, "部分", "part"),
                         related(share.total, f"总数“{share.total_label}”", "total")),
                part=share.part.text, total=share.total.text, computed=fmt(verdict.computed, 2),
                share=share.share.text, diff=fmt(abs(verdict.difference), 2),
                tol=fmt(verdict.tolerance, 2),
            )
