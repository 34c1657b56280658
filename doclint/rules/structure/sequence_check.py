"""What is wrong between two numbers of a sequence, said in both languages; and how each level
and enumeration style writes its numbers."""

from __future__ import annotations

from collections.abc import Callable

from doclint.core import Message
from doclint.rules.structure.model import Level, Style
from doclint.rules.structure.numerals import han

Namer = Callable[[int], str]

LEVEL_NAMES: dict[Level, Namer] = {
    Level.PART: lambda n: f"第{han(n)}编",
    Level.CHAPTER: lambda n: f"第{han(n)}章",
    Level.SECTION: lambda n: f"第{han(n)}节",
    Level.CLAUSE: lambda n: f"第{han(n)}条",
    Level.ONE: lambda n: f"{han(n)}、",
    Level.TWO: lambda n: f"（{han(n)}）",
    Level.THREE: lambda n: f"{n}.",
    Level.FOUR: lambda n: f"（{n}）",
    Level.FIVE: lambda n: chr(0x2460 + n - 1) if 1 <= n <= 20 else f"({n})",
}

STYLE_NAMES: dict[Style, Namer] = {
    Style.SHI: lambda n: f"{han(n)}是",
    Style.YAO: lambda n: f"{han(n)}要",
    Style.DI: lambda n: f"第{han(n)}",
    Style.DIAN: lambda n: f"第{han(n)}点",
    Style.SHOUXIAN: lambda n: {1: "首先", 2: "其次", 3: "再次"}.get(n, "最后"),
}


def missing(first: int, last: int, name: Namer) -> str:
    """``first``…``last`` inclusive, written out (``二、三、`` or ``二至五``)."""
    if last - first >= 3:
        return f"“{name(first)}”至“{name(last)}”"
    return "、".join(f"“{name(n)}”" for n in range(first, last + 1))


def describe(previous: int, number: int, name: Namer) -> Message | None:
    """None when ``number`` may follow ``previous`` (0: nothing before it), else the problem."""
    if number == previous + 1:
        return None
    if previous == 0:
        gap = missing(1, number - 1, name)
        return Message(f"前面缺少{gap}", f"has nothing before it: {gap} missing")
    last = f"“{name(previous)}”"
    if number == previous:
        return Message(f"与上一个编号{last}重复", f"repeats the previous number {last}")
    if number > previous:
        gap = missing(previous + 1, number - 1, name)
        return Message(f"紧接在{last}之后，缺少{gap}", f"follows {last}: {gap} missing")
    return Message(f"排在{last}之后，顺序颠倒", f"comes after {last}: out of order")
