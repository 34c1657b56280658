"""T202: heading numbers that skip, repeat or go backwards at one level."""

from __future__ import annotations

from collections.abc import Iterator

from doclint.core import Category, Document, Examples, Finding, Message, Related, Rule
from doclint.rules.structure.model import Block, Heading, Level, Structure
from doclint.rules.structure.sequence_check import LEVEL_NAMES, describe


class HeadingSequence(Rule):
    """同级标题的序号跳号、重号或倒序（`一、二、四、`，`（一）（二）（二）`，`1. 3.`）。

    层级按 GB/T 9704—2012 第 7.3.3 条：`一、` → `（一）` → `1.` → `（1）`，其下为 `①`；
    法规的 `第N章`、`第N条` 全文连续编号。同级序号在上级标题之下从 1 重新开始；从 1 重新
    开始不报，同一上级下不从 1 开始（前面缺了几项）要报。
    """

    code = "T202"
    name = "structure.heading-sequence"
    category = Category.TITLE_SEQUENCE
    summary = Message("同级标题序号不连续。", "Heading numbers at one level are not consecutive.")
    message = Message("标题序号“{found}”{problem_zh}。", "Heading number “{found}” {problem_en}.")
    examples = Examples(
        bad=("一、总体要求\n要稳中求进。\n二、主要任务\n要扩大投资。\n四、保障措施\n要加强领导。",
             "一、主要任务\n（一）扩大投资\n要抓项目。\n（二）促进消费\n要稳就业。\n（二）深化改革\n要破难题。"),
        good=("一、总体要求\n（一）指导思想\n要稳中求进。\n（二）主要目标\n增长6%。\n二、主要任务\n（一）扩大投资\n要抓项目。",),
    )
    basis = "GB/T 9704—2012 第 7.3.3 条"

    def check(self, doc: Document) -> Iterator[Finding]:
        structure = doc.facts(Structure)
        blocks = structure.blocks
        for sequence in structure.sequences:
            name = LEVEL_NAMES[sequence.level]
            previous: Heading | None = None
            for member in sequence.members:
                heading = blocks[member].heading
                assert heading is not None
                last = previous.number if previous is not None else 0
                problem = describe(last, heading.number, name)
                if problem is not None and previous is None \
                        and _inline_before(blocks, member, sequence.level, heading.number):
                    problem = None
                if problem is not None:
                    related = ()
                    if previous is not None:
                        note = Message(f"上一个同级标题：{name(last)}",
                                       f"previous sibling: {name(last)}")
                        related = (Related(previous.marker, note),)
                    yield self.report(heading.marker, found=name(heading.number),
                                      problem_zh=problem.zh, problem_en=problem.en, related=related)
                previous = heading


def _inline_before(blocks: list[Block], member: int, level: Level, number: int) -> bool:
    """The item before the first heading sits inside the previous line (``附件：1.××××`` then
    ``2.××××`` on a line of its own): nothing is missing."""
    if member == 0:
        return False
    text = blocks[member - 1].text
    return any(marker in text for marker in _variants(level, number - 1))


def _variants(level: Level, number: int) -> tuple[str, ...]:
    name = LEVEL_NAMES[level](number)
    if level is Level.THREE:
        return (f"{number}.", f"{number}．", f"{number}、")
    if level is Level.FOUR:
        return (f"（{number}）", f"({number})")
    if level is Level.TWO:
        return (name, name.replace("（", "(").replace("）", ")"))
    return (name,)
