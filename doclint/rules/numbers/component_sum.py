"""N102: parts listed after a total (其中…) that do not add up to it."""

from __future__ import annotations

from collections.abc import Iterator
from functools import reduce

from doclint.core import Category, Document, Example, Examples, Finding, Message, Rule, Span
from doclint.core.lazyregex import lazy_re
from doclint.rules.numbers.interval import Interval
from doclint.rules.numbers.links import NumberLinks
from doclint.rules.numbers.quantities import Quantity
from doclint.rules.numbers.relations import Breakdown
from doclint.rules.numbers.verdict import disagree, in_units_of, related

# A total printed in parentheses after a larger one (还本付息25.9亿元（还本14.8亿元，付息
# 11.1亿元），其中：…) is a detail of it; the 其中 list breaks the larger one down.
_OPEN_PAREN = lazy_re(r"[（(][^（()）]*$")
# What a partition's members leave of a total, listed as one more part after them:
# 全社会用电量 = 三次产业 + 城乡居民生活用电; or "其他".
_RESIDUAL_PART = lazy_re(r"^[^。！？!?]{0,40}?[；;，,、]\s*(?:其中[，,：:]?)?"
                         r"(?:城乡居民|城镇居民|乡村居民|居民生活|生活用|其他|其它)")
# A sum of amounts that misses its total by less than this share of it was made of unrounded
# figures (or leaves out a negligible item): a slip of the pen changes a digit, not 0.02%.
_NEGLIGIBLE = 0.001
# A sibling written in another word than the partition's member (城市 for 城镇).
_MEMBER_VARIANTS = {"城镇": ("城市",)}

_OVER = Message(
    "{parts} = {sum}，超过总数 {total}（容差 ±{tol}）：部分之和不能大于总数。",
    "{parts} = {sum}, more than the total {total} (tolerance ±{tol}): "
    "parts cannot add up to more than their total.",
)
_PART_OVER = Message(
    "其中的“{label}”{part}大于总数 {total}：部分不能大于整体。",
    "The part “{label}” ({part}) is larger than its total {total}.",
)


class ComponentSum(Rule):
    """“其中”列出的分项之和与总数不符。

    只有当分项是一个已知的完整划分时才要求“和等于总数”：第一、二、三产业之于地区生产
    总值，中央和地方，城镇和农村，出口和进口，男和女，一般债务和专项债务（债券），财产险
    和人身险，邮政和电信，预期性和约束性指标，农业、工业、生活和生态用水，市本级和县区；
    列出划分之外的同单位分项时不算完整。总数本身是划分的一员（“一般债券X（其中…），专项
    债券Y”）时不检查；金额之和与总数只差不到千分之一时是未经四舍五入的数据，不报告。一个地区的各组成部分常常只列出
    一部分（“其中企业3858万户，个体工商户8261万户”之外还有农民专业合作社），所以
    普通的“其中”列表不要求相加等于总数；但已知划分的部分之和超过总数、或单个同类分项
    （“财政赤字…其中中央财政赤字”）大于总数时一定有错。项目的建设阶段（续建、新建、前期、
    储备）和地上、地下也是划分；分项可以用顿号隔开（“续建项目30个、新建项目6个”）。容差为
    各数末位的一半之和；不带“万”“亿”、不带约数词的整数个数是点数出来的，不留容差。
    不检查的读法：总数在括号里、是前一个更大总数的细目（“还本付息25.9亿元（还本…，付息
    11.1亿元），其中…”）；总数本身是划分的一员（“城市特困供养对象372人…农村特困供养对象
    7255人”，农村与城市并列）；划分的成员之后还列出它们之外的部分（“第一、二、三产业用电量
    …；城乡居民生活用电…”：全社会用电量还包括居民生活用电）。
    """

    code = "N102"
    name = "number.component-sum"
    category = Category.ARITHMETIC
    # More than this many in one file is one systematic cause (a copied page, a template).
    group_after = 20
    summary = Message("分项之和与总数不符。", "The parts do not add up to their total.")
    message = Message(
        "{parts} = {sum}，与总数 {total} 不符（相差 {diff}，容差 ±{tol}）。",
        "{parts} = {sum}, which does not match the total {total} (off by {diff}, "
        "tolerance ±{tol}).",
    )
    examples = Examples(
        bad=(Example("全县地区生产总值实现20.48亿元，其中，第一产业增加值9.6亿元，"
                     "第二产业增加值4.6亿元，第三产业增加值6.82亿元。"),
             Example("今年拟安排财政赤字10500亿元，其中中央财政赤字12500亿元。")),
        good=(
            "全县地区生产总值实现20.48亿元，其中，第一产业增加值9.6亿元，"
            "第二产业增加值4.6亿元，第三产业增加值6.28亿元。",
            "全市市场主体1.23亿户，其中企业3858万户，个体工商户8261万户。",
        ),
    )
    basis = "分项与总数（domain-rules §5 DATA-PART-TOTAL）"

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        for breakdown in doc.facts(NumberLinks).breakdowns:
            if _misread(text, breakdown):
                continue
            finding = self._check(breakdown)
            if finding is not None:
                yield finding

    def _check(self, breakdown: Breakdown) -> Finding | None:
        total = breakdown.total
        span = Span(total.start, total.end)
        notes = [related(q, f"分项“{label}”", f"part “{label}”") for label, q in breakdown.parts]
        if breakdown.partition is None:
            label, part = breakdown.parts[0]
            if part.interval().lo <= total.interval().hi:
                return None
            return self.report(span, _PART_OVER, related=notes, label=label, part=part.text,
                               total=total.text)
        quantities = [total, *(q for _, q in breakdown.parts)]
        if all(_counted(q) for q in quantities):
            # 续建项目18个、新建项目8个: whole numbers of things are counted, not rounded.
            parts_sum = reduce(lambda a, b: a + b, (Interval(q.base, q.base)
                                                    for _, q in breakdown.parts))
            verdict = disagree(parts_sum, Interval(total.base, total.base))
        else:
            parts_sum = reduce(lambda a, b: a + b, (q.interval() for _, q in breakdown.parts))
            verdict = disagree(parts_sum, total.interval())
        if verdict is None or (not breakdown.complete and verdict.difference < 0):
            return None
        if abs(verdict.difference) < _NEGLIGIBLE * abs(total.base) and not _counted(total):
            return None  # 332.35 of 332.42亿元: parts summed unrounded, or a small item left out
        template = None if breakdown.complete else _OVER
        return self.report(span, template, related=notes,
                           parts=" + ".join(q.text for _, q in breakdown.parts),
                           sum=in_units_of(verdict.computed, total), total=total.text,
                           diff=in_units_of(abs(verdict.difference), total),
                           tol=in_units_of(verdict.tolerance, total))


def _misread(text: str, breakdown: Breakdown) -> bool:
    """A pairing the sentence does not support: the total sits in parentheses after the real
    one, the total is itself one member of the partition its parts belong to (城市…372人 with
    农村…7255人 as its "part"), or the partition's members are followed by the residual part
    they leave (城乡居民生活用电) and so do not exhaust the total."""
    total = breakdown.total
    if _OPEN_PAREN.search(text, max(0, total.start - 40), total.start):
        return True
    partition = breakdown.partition
    if partition is None:
        return False
    label = breakdown.total_label
    if not any(word in label for word in partition.totals):
        listed = {partition.member_of(name) for name, _ in breakdown.parts}
        for member in partition.members:
            if member not in listed and any(
                    word in label for word in (member, *_MEMBER_VARIANTS.get(member, ()))):
                return True
    last = breakdown.parts[-1][1]
    return bool(breakdown.complete and _RESIDUAL_PART.search(text[last.end : last.end + 60]))


def _counted(q: Quantity) -> bool:
    """A whole number of things without a magnitude or an approximation: 18个, 150个 (a
    rounded count says so: 约150个, 150余个)."""
    return (q.step >= 1 and q.scale == 1 and q.factor == 1 and not q.approx
            and q.value.is_integer() and not q.ranged)
