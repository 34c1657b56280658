"""T202: heading numbers that skip, repeat or go backwards at one level."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import regex

from doclint.core import Category, Document, Examples, Finding, Message, Related, Rule
from doclint.rules.structure.model import Heading, Level, Structure
from doclint.rules.structure.numerals import han
from doclint.rules.structure.sequence_check import LEVEL_NAMES, describe


class HeadingSequence(Rule):
    """同级标题的序号跳号、重号或倒序（`一、二、四、`，`（一）（二）（二）`，`1. 3.`）。

    层级按 GB/T 9704—2012 第 7.3.3 条：`一、` → `（一）` → `1.` → `（1）`，其下为 `①`；
    法规的 `第N章`、`第N条` 全文连续编号。同级序号在上级标题之下从 1 重新开始；从 1 重新
    开始不报，同一上级下不从 1 开始（前面缺了几项）要报。嵌套的列表从 `一、` 重新编号后，
    外层列表接着原来的序号继续（`三、` … `一、二、三、四、` … `四、`）不报；缺的序号其实
    写在了别处——并入上一段（`…的义务。第六条　…`）、与上级标题同行（`第一章 总则 第一条…`）、
    或行首被读成小数（`3.1万亿元…` 是第 3 项）——不报；目录之后正文重新编号。
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
        text = doc.text
        for sequence in structure.sequences:
            name = LEVEL_NAMES[sequence.level]
            previous: Heading | None = None
            for member in sequence.members:
                heading = blocks[member].heading
                assert heading is not None
                last = previous.number if previous is not None else 0
                problem = describe(last, heading.number, name)
                if problem is not None and last < heading.number - 1:
                    start = previous.marker.end if previous is not None \
                        else _scope_start(structure, sequence.parent, member)
                    if _written_between(text, start, heading.marker.start, sequence.level,
                                        range(last + 1, heading.number)):
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


def _scope_start(structure: Structure, parent: int, member: int) -> int:
    """Where the first sibling could have been written: after the parent heading's marker, else
    on the line before (``附件：1.××××`` then ``2.××××`` on a line of its own)."""
    blocks = structure.blocks
    if parent >= 0 and blocks[parent].heading is not None:
        return blocks[parent].heading.marker.end  # type: ignore[union-attr]
    return blocks[max(member - 1, 0)].span.start


def _written_between(text: str, start: int, end: int, level: Level, numbers: range) -> bool:
    """The missing siblings are there, only not as headings of their own: run into a paragraph
    (``…的义务。第六条　教育…``), on the same line as another heading (``第一章 总则 第一条…``),
    or read as a decimal at a line's start (``3.1万亿元超长期特别国债…`` is item 3)."""
    if end - start > _SEARCH_LIMIT:
        start = end - _SEARCH_LIMIT
    return all(_MARKERS[level](n).search(text, start, end) is not None for n in numbers)


_BOUNDARY = r"(?:^|(?<=[\s\u3000。；;：:，,！？!?）)”]))"
_SEARCH_LIMIT = 20000  # characters searched back for run-in siblings


def _marker_pattern(template: str) -> Callable[[int], regex.Pattern[str]]:
    cache: dict[int, regex.Pattern[str]] = {}

    def pattern(number: int) -> regex.Pattern[str]:
        if number not in cache:
            circled = chr(0x2460 + number - 1) if 1 <= number <= 20 else "(?!)"
            cache[number] = regex.compile(template.format(n=number, h=han(number), c=circled),
                                          regex.M)
        return cache[number]

    return pattern


_MARKERS: dict[Level, Callable[[int], regex.Pattern[str]]] = {
    Level.PART: _marker_pattern(_BOUNDARY + "第{h}[编篇]"),
    Level.CHAPTER: _marker_pattern(_BOUNDARY + "第{h}章"),
    Level.SECTION: _marker_pattern(_BOUNDARY + "第{h}节"),
    Level.CLAUSE: _marker_pattern(_BOUNDARY + "第{h}条"),
    Level.ONE: _marker_pattern(_BOUNDARY + "{h}[、．.]"),
    Level.TWO: _marker_pattern("[（(]{h}[）)]"),
    Level.THREE: _marker_pattern(_BOUNDARY + "(?<![\\d.．]){n}[.．、]"),
    Level.FOUR: _marker_pattern("[（(]{n}[）)]"),
    Level.FIVE: _marker_pattern("{c}"),
}
