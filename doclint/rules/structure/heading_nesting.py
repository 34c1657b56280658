"""T204: heading levels nested the wrong way round."""

from __future__ import annotations

from collections.abc import Iterator

from doclint.core import (
    Category,
    Document,
    Examples,
    Finding,
    Message,
    Related,
    Rule,
    Severity,
)
from doclint.core.lazyregex import lazy_regex
from doclint.rules.structure import siblings
from doclint.rules.structure.model import LEVEL_EXAMPLE, Block, Kind, Level, Sequence, Structure


class HeadingNesting(Rule):
    """标题层级嵌套颠倒：高一级的序号出现在低一级的序号之内，或在上级标题出现之前。

    GB/T 9704—2012 第 7.3.3 条规定层次依次为 `一、` → `（一）` → `1.` → `（1）`。报告两种情形：
    一是 `1.` 与 `2.` 之间出现了 `（一）（二）`（高一级嵌在低一级之内，之后 `2.` 接着 `1.` 编号）；
    二是文中其余部分都把 `（一）` 放在 `一、` 之下，开头却有一组 `（一）` 出现在任何 `一、` 之前。
    只用一级标题、或从 `（一）` 开始且全文没有 `一、` 的文档，是常见写法，不报。低一级的序号
    跨过上级标题连续编号（全文 `1.`—`119.` 贯穿各个 `（一）`）时，其间出现的上级标题是下一个
    上级，不是嵌套颠倒，也不报；正文中引出的一组要点（“……提出以下几点：”之后的 `一、二、三、`）
    从头编号，是段落里的列举，不是嵌套颠倒，也不报；每条新闻、每个附件（包括“附件4-1”）的层级
    各自判断；落款前“附件：”下面的 `1.` `2.` 是附件的名称，不是标题。
    """

    group_after = 20  # one finding per file beyond this: the file is damaged throughout
    code = "T204"
    name = "structure.heading-nesting"
    category = Category.TITLE_SEQUENCE
    severity = Severity.INFO  # a layout error, not damaged text
    summary = Message("标题层级嵌套颠倒。", "Heading levels are nested the wrong way round.")
    examples = Examples(
        bad=("一、主要任务\n1. 扩大投资\n（一）抓项目\n要早开工。\n（二）抓资金\n要多争取。\n"
             "2. 促进消费\n要稳就业。",
             "（一）总体要求\n要稳中求进。\n一、主要任务\n（一）扩大投资\n要抓项目。\n（二）促进消费\n要稳就业。"),
        good=("（一）扩大投资\n要抓项目。\n（二）促进消费\n要稳就业。",
              "一、主要任务\n（一）扩大投资\n1. 抓项目\n要早开工。\n2. 抓资金\n要多争取。"),
    )
    basis = "GB/T 9704—2012 第 7.3.3 条"

    inside = Message("“{outer}”一级的标题出现在“{inner}”一级的序列之中"
                     "（第{line}行的“{previous}”之后，"
                     "后面又接着编号），层级颠倒。",
                     "A “{outer}” heading opens inside the “{inner}” list (after “{previous}” on "
                     "line {line}, which continues afterwards): levels inverted.")
    before = Message("“{inner}”一级的标题出现在任何“{outer}”之前，"
                     "而文中其余“{inner}”都在“{outer}”之下。",
                     "A “{inner}” heading comes before any “{outer}”, while the rest of the text "
                     "nests “{inner}” under “{outer}”.")

    def check(self, doc: Document) -> Iterator[Finding]:
        structure = doc.facts(Structure)
        yield from self._inversions(structure)
        yield from self._orphans(structure, doc.text)

    def _inversions(self, structure: Structure) -> Iterator[Finding]:
        blocks = structure.blocks
        for sequence in structure.sequences:
            if sequence.across:
                continue  # numbered on across its parents: a shallower heading is the next parent
            for index in sequence.interrupted_by:
                heading = blocks[index].heading
                previous = _member_before(blocks, sequence, index)
                if heading is None or previous is None or previous.heading is None \
                        or _introduced_list(blocks, index):
                    continue
                note = Message("被打断的序列", "the interrupted list")
                yield self.report(heading.marker, self.inside, outer=LEVEL_EXAMPLE[heading.level],
                                  inner=LEVEL_EXAMPLE[sequence.level], line=previous.line,
                                  previous=_marker_text(previous),
                                  related=(Related(previous.heading.marker, note),))

    def _orphans(self, structure: Structure, text: str) -> Iterator[Finding]:
        blocks = structure.blocks
        # Keyed by the scope the numbering runs in: the article, an attachment, a news item.
        nested: set[tuple[int, Level, Level]] = set()  # (scope, child level, parent level)
        first_of: dict[tuple[int, Level], int] = {}
        for sequence in structure.sequences:
            key = (sequence.scope, sequence.level)
            first_of[key] = min(first_of.get(key, sequence.members[0]), sequence.members[0])
            if sequence.parent >= 0:
                parent = blocks[sequence.parent]
                if parent.heading is not None:
                    nested.add((sequence.scope, sequence.level, parent.heading.level))
        for sequence in structure.sequences:
            if sequence.parent >= 0 or sequence.across \
                    or sequence.level not in (Level.TWO, Level.THREE, Level.FOUR):
                continue
            head = blocks[sequence.members[0]]
            if head.index > 0 and _ATTACHMENT_LIST.match(blocks[head.index - 1].text):
                continue  # 附件：⏎1.××表⏎2.××说明: the attachments' names, no headings
            for outer in (Level.ONE, Level.TWO, Level.THREE):
                if outer >= sequence.level or (sequence.scope, sequence.level, outer) not in nested:
                    continue
                first = first_of.get((sequence.scope, outer))
                if first is not None and first > head.index and head.heading is not None \
                        and not _outer_run_in(text, blocks, sequence, outer):
                    note = Message("第一个上级标题", "the first outer heading")
                    marker = blocks[first].heading.marker  # type: ignore[union-attr]
                    yield self.report(head.heading.marker, self.before,
                                      inner=LEVEL_EXAMPLE[sequence.level],
                                      outer=LEVEL_EXAMPLE[outer], related=(Related(marker, note),))
                    break


# The label of a list of attachments: 附件：, 附件：1.××表 (the first name on its line).
_ATTACHMENT_LIST = lazy_regex(r"^[\s\u3000]*附[ \u3000]*件[ \u3000]*[：:]")


def _outer_run_in(text: str, blocks: list[Block], sequence: Sequence, outer: Level) -> bool:
    """An outer heading is there before the list, only run into a line (a flattened page's
    ``附件1××标准　　一、公告条件　　…：　　（一）…``)."""
    start = blocks[min(sequence.scope, sequence.members[0])].span.start
    end = blocks[sequence.members[0]].span.start
    return any(siblings.written(text, start, end, outer, n) is not None for n in range(1, 4))


def _introduced_list(blocks: list[Block], index: int) -> bool:
    """The interrupting run is a list the text introduces and numbers afresh (``……有以下几点：``
    then ``一、……二、……``), as reports number the points of a paragraph inside a section: it starts
    at one right after a paragraph of text, not under a heading of its own."""
    heading = blocks[index].heading
    return heading is not None and heading.number == 1 and index > 0 \
        and blocks[index - 1].heading is None and blocks[index - 1].kind in (Kind.BODY, Kind.LABEL)


def _member_before(blocks: list[Block], sequence: Sequence, index: int) -> Block | None:
    earlier = [m for m in sequence.members if m < index]
    return blocks[earlier[-1]] if earlier else None


def _marker_text(block: Block) -> str:
    heading = block.heading
    if heading is None:
        return ""
    start = heading.marker.start - block.span.start
    return block.text[start : heading.marker.end - block.span.start]
