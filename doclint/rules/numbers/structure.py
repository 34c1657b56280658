"""N107: a three-industry structure ratio that disagrees with the industries' values."""

from __future__ import annotations

import math
from collections.abc import Iterator
from functools import reduce

from doclint.core import Category, Document, Example, Examples, Finding, Message, Rule, Span
from doclint.rules.numbers.interval import Interval, fmt
from doclint.rules.numbers.links import NumberLinks
from doclint.rules.numbers.relations import RatioPart, Structure
from doclint.rules.numbers.verdict import related

_ORDINALS = ("一", "二", "三")


class StructureMismatch(Rule):
    """三次产业结构比例与同一段落给出的三次产业增加值不符。

    按第一、二、三产业增加值（有总数时用总数，否则用三者之和）算出各产业所占百分比，
    与比例中的对应项比较；比例每项的舍入容差为其末位的一半，增加值的舍入误差也计入。
    统计上为使各项之和为 100，可把个别项向相反方向多舍入一位（46.9：22.5：30.7 写作
    46.9：22.5：30.6），这种调整不报。三个增加值须在同一句中列出，与比例在同一段落、
    同一年份；比例说的是就业、投资等其他结构时，数值也须是该指标。
    “由60：16：24调整到47：23：30”中前一个比例是过去的结构，只核对后一个。
    """

    code = "N107"
    name = "number.structure-mismatch"
    category = Category.ARITHMETIC
    # More than this many in one file is one systematic cause (a copied page, a template).
    group_after = 20
    summary = Message("产业结构比例与各产业数值不符。",
                      "The industry structure ratio disagrees with the industries' values.")
    message = Message(
        "按三次产业 {values} 计算，结构为 {computed}，与所述 {stated} 不符"
        "（第{which}项相差 {diff}，容差 ±{tol}）。",
        "The industries' values {values} give a structure of {computed}, not the stated "
        "{stated} (part {which_en} off by {diff}, tolerance ±{tol}).",
    )
    examples = Examples(
        bad=(Example("全县地区生产总值20.48亿元，其中第一产业增加值9.6亿元，第二产业增加值4.6亿元，"
                     "第三产业增加值6.28亿元，三次产业结构为47：23：30。"),
             Example("第一产业增加值9.6亿元，第二产业增加值4.6亿元，第三产业增加值6.28亿元，"
                     "三次产业结构为45：22：33。")),
        good=(
            "第一产业增加值9.6亿元，第二产业增加值4.6亿元，第三产业增加值6.28亿元，"
            "三次产业结构为46.9：22.5：30.6。",
            "第一产业增加值9.6亿元，第二产业增加值4.6亿元，第三产业增加值6.28亿元，"
            "三次产业结构由60：16：24调整为47：22：31。",
        ),
    )
    basis = "结构 = 各产业增加值 ÷ 地区生产总值（domain-rules §5 DATA-STRUCT-RECOMPUTE）"

    def check(self, doc: Document) -> Iterator[Finding]:
        for structure in doc.facts(NumberLinks).structures:
            finding = self._check(structure)
            if finding is not None:
                yield finding

    def _check(self, structure: Structure) -> Finding | None:
        values = [q.interval() for _, q in structure.parts]
        if structure.total is not None:
            total = structure.total.interval()
            shares = [(v / total).scale(100.0) for v in values]
        else:
            shares = [_share_of_sum(values, i) for i in range(len(values))]
        worst = None
        for index, (share, part) in enumerate(zip(shares, structure.ratio.parts, strict=True)):
            stated = Interval.around(part.value, part.step / 2)
            gap = share.gap(stated)
            if gap > 1e-9 and (worst is None or gap > worst[1]):
                worst = (index, gap, share, stated)
        if worst is None or _rounded_to_100(shares, structure.ratio.parts):
            return None
        index, _, share, stated = worst
        digits = max(1, max(_decimals(p.step) for p in structure.ratio.parts))
        notes = [related(q, f"第{_ORDINALS[i]}产业", f"industry {i + 1}")
                 for i, (_, q) in enumerate(structure.parts)]
        if structure.total is not None:
            notes.append(related(structure.total, "总数", "total"))
        return self.report(
            Span(structure.ratio.span.start, structure.ratio.span.end), related=notes,
            values="、".join(q.text for _, q in structure.parts),
            computed="：".join(fmt(s.mid, digits) for s in shares),
            stated="：".join(fmt(p.value, 3) for p in structure.ratio.parts),
            which=_ORDINALS[index], which_en=index + 1,
            diff=fmt(abs(share.mid - stated.mid), digits),
            tol=fmt(share.half_width + stated.half_width, 2),
        )


def _rounded_to_100(shares: list[Interval], parts: tuple[RatioPart, ...]) -> bool:
    """Whether the stated parts are the shares rounded so that they add up to 100.

    Statisticians round each share to the nearest unit of its last digit and, when those
    add up to 99.9 or 100.1, move as many parts as needed one unit the other way. So a part
    may be one unit off its share, when the stated parts add up to 100 and the parts moved
    are no more, and in no other direction, than the nearest roundings' sum required.
    """
    total = sum(p.value for p in parts)
    if abs(total - 100) > 1e-6:
        return False
    nearest = [math.floor(s.mid / p.step + 0.5) * p.step for s, p in zip(shares, parts,
                                                                           strict=True)]
    needed = 100 - sum(nearest)
    moved = 0.0
    for share, part, near in zip(shares, parts, nearest, strict=True):
        if share.gap(Interval.around(part.value, part.step)) > 1e-9:
            return False  # more than one unit off
        shift = part.value - near
        if abs(shift) > 1e-9:
            if shift * needed <= 0:
                return False  # moved the wrong way, or when nothing needed moving
            moved += shift
    return abs(moved) <= abs(needed) + 1e-9


def _share_of_sum(values: list[Interval], index: int) -> Interval:
    """A part's share of the sum of all parts, in per cent.

    Written as part ÷ (part + rest), which rises with the part and falls with the rest, so
    the bounds are exact (part ÷ sum would count the part's rounding twice).
    """
    part = values[index]
    rest = reduce(lambda a, b: a + b, (v for i, v in enumerate(values) if i != index))
    return Interval(100 * part.lo / (part.lo + rest.hi), 100 * part.hi / (part.hi + rest.lo))


def _decimals(step: float) -> int:
    return len(f"{step:.6f}".rstrip("0").partition(".")[2]) if step < 1 else 0
