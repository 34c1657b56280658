"""T202: heading numbers that skip, repeat or go backwards at one level."""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from doclint.core import Category, Document, Examples, Finding, Message, Related, Rule
from doclint.core.lazyregex import lazy_regex
from doclint.rules.structure import siblings
from doclint.rules.structure.model import Block, Heading, Level, Sequence, Structure
from doclint.rules.structure.numerals import han, ordinal
from doclint.rules.structure.sequence_check import LEVEL_NAMES, describe


class HeadingSequence(Rule):
    """同级标题的序号跳号、重号或倒序（`一、二、四、`，`（一）（二）（二）`，`1. 3.`）。

    层级按 GB/T 9704—2012 第 7.3.3 条：`一、` → `（一）` → `1.` → `（1）`，其下为 `①`；
    法规的 `第N章`、`第N条` 全文连续编号；第一个 `第N条` 不是第一条的文档是在摘引条文
（`根据条例规定：第三条…第五条…`），其中法规层级的序号不查。同级序号在上级标题之下从 1 重新开始；从 1 重新
    开始不报，同一上级下不从 1 开始（前面缺了几项）要报。嵌套的列表从 `一、` 重新编号后，
    外层列表接着原来的序号继续（`三、` … `一、二、三、四、` … `四、`）不报；缺的序号其实
    写在了别处——并入上一段（`…的义务。第六条　…`）、与上级标题同行（`第一章 总则 第一条…`）、
    紧贴在上一个标题之后（`二、主动公开情况三、收到申请情况`）、行首被读成小数（`3.1万亿元…`
    是第 3 项）、在行首换了一种不属于任何层级的写法（`6【…】`、`三 保障措施`、`4）…`）、或序号被换行拆开（`（` 留在上一行末，`三）…` 在下一行）——不报；`第三十五 条` 中多出的空格不影响序号。
    列表前的引言说明列出的是一组编号中的其余几项（“共十项，其中两项已完成；其余八项情况如下：”）
    时，列表沿用原来的编号，跳号不报。目录之后、附件里、以及一个文件中
    的每条新闻（以 `新华社北京3月8日电` 或带日期的标题开头）各自重新编号；汇编中另起的一篇讲话
    也重新编号，但讲话中途再称呼一次“各位代表：”、其后的标题序号接着往下编的，仍是同一篇。
    缺了的序号处恰好有同样多行不带序号的短标题（转换时丢了 Word 自动编号：“ 总  则”在“第一章
    总则”的位置上）时，报告在这些标题上，指出丢了哪个序号；一行若同时像两级标题丢的那一个，
    不作此判断。
    上一行以“第”或“第（五）”收尾、下一行以序号开头的（“按附件2中第（五）⏎（十二）项规定”），
    是换行拆开的条文引用，不是标题。扫描件识别时把“一”认成了横线的序号（“-、”“第二十-条”）也算
    写了的序号；“注：1.……⏎2.……”“示例：⏎1.……”之后的编号是注释、示例自己的列举，不是标题。
    两栏的表格（专栏里左栏集群 1–10、右栏产业链 1–26）按行转成文字后，两栏的序号交错排列
    （`2．智能电网    4．高端装备⏎    5．电力服务⏎3．智能制造装备    7．工业母机`）：有两行以上
    隔着空白写着两个同级序号、后一个不是前一个的下一号，就是这样的表格，此后每个序号只与它接续的
    那一栏比较（只有一行这样的，仍是跳号）。缺了的条文与它所在章的章名一起并入上一行末尾（`…不少于3家。第三章认定程序第九条认定…`），
    也是写了的。
    """

    group_after = 20  # one finding per file beyond this: the file is damaged throughout
    code = "T202"
    name = "structure.heading-sequence"
    category = Category.TITLE_SEQUENCE
    summary = Message("同级标题序号不连续。", "Heading numbers at one level are not consecutive.")
    message = Message("标题序号“{found}”{problem_zh}。", "Heading number “{found}” {problem_en}.")
    lost = Message("标题“{title}”丢了序号，按前后同级标题应为“{found}”。",
                   "The heading “{title}” lost its number; its siblings make it “{found}”.")
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
        earlier: dict[tuple[int, Level], Heading] = {}  # last heading of each level so far
        excerpts: set[int] | None = None  # read only about a law's levels (few texts have them)
        gaps: list[_Gap] = []
        for sequence in sorted(structure.sequences, key=lambda q: q.members[0]):
            previous: Heading | None = None
            columns = _Columns(blocks, text, sequence.level)
            article = blocks[sequence.members[0]].article
            if sequence.level in _LEGAL:
                if excerpts is None:
                    excerpts = _excerpts(structure, text)
                if article in excerpts:
                    continue
            after = max(sequence.scope if sequence.parent < 0 else sequence.parent + 1,
                        structure.articles[article].body_start)  # not the document's title
            for member in sequence.members:
                heading = blocks[member].heading
                assert heading is not None
                start = heading.marker.start
                if _CROSS_REFERENCE.search(text, max(start - _REFERENCE_REACH, 0), start):
                    continue  # 按附件2中第（五）⏎（十二）项规定: a reference wrapped, no heading
                if _in_note(blocks, member):
                    continue  # 注：1.…⏎2.…, 示例：⏎1.…: a note's own list, no heading
                problem = self._problem(structure, sequence, heading, previous,
                                        earlier.get((article, sequence.level)), text)
                if columns.follows(member) and problem is not None:
                    problem = None  # the next number of one column of a two-column table
                earlier[(article, sequence.level)] = heading
                if problem is not None:
                    last = previous.last if previous is not None else 0
                    missing = range(last + 1, heading.number)
                    titles = _unnumbered(blocks, after, member, len(missing)) if missing else None
                    gaps.append(_Gap(sequence.level, heading, previous, problem, missing, titles))
                after = member + 1
                previous = heading
        # A title line two levels would each take as their lost heading belongs to neither.
        claims = Counter(block.index for gap in gaps for block in gap.titles or ())
        for gap in sorted(gaps, key=lambda g: g.heading.marker.start):
            name = LEVEL_NAMES[gap.level]
            if gap.titles and all(claims[block.index] == 1 for block in gap.titles):
                for block, number in zip(gap.titles, gap.missing, strict=True):
                    yield self.report(block.span, self.lost, title=block.text.strip(),
                                      found=name(number))
                continue
            last = gap.previous.last if gap.previous is not None else 0
            related: tuple[Related, ...] = ()
            if gap.previous is not None:
                note = Message(f"上一个同级标题：{name(last)}", f"previous sibling: {name(last)}")
                related = (Related(gap.previous.marker, note),)
            yield self.report(gap.heading.marker, found=name(gap.heading.number),
                              problem_zh=gap.problem.zh, problem_en=gap.problem.en,
                              related=related)

    @staticmethod
    def _problem(structure: Structure, sequence: Sequence, heading: Heading,
                 previous: Heading | None, before: Heading | None, text: str) -> Message | None:
        """What is wrong with ``heading`` after its previous sibling, once the siblings written
        elsewhere are counted; None when nothing is."""
        name = LEVEL_NAMES[sequence.level]
        number, level = heading.number, sequence.level
        last = previous.last if previous is not None else 0
        start = previous.marker.end if previous is not None else -1
        problem = describe(last, number, name)
        if problem is not None and previous is None and before is not None \
                and before.last < number:
            # numbered on from the list under the previous parent (（一）…（六） 三、 （七）):
            # a house style, when nothing is missing in between
            last, start = before.last, before.marker.end
            problem = describe(last, number, name)
        if problem is None:
            return None
        end = heading.marker.start
        if last < number - 1 and (_OMISSION.search(text, max(start, 0), end)
                                  or _a_selection(structure, sequence, text)):
            return None  # （第二章至第五章略）, 其余九项…如下: the gap is announced
        if last < number - 1:
            scope = _scope_start(structure, sequence)
            starts = (start,) if start >= 0 else (scope, _outer_start(structure, sequence))
            if any(_written_between(text, s, end, level, range(last + 1, number)) for s in starts):
                return None
        elif previous is not None and number > 1 \
                and _written_between(text, previous.marker.end, end, level, range(1, number)):
            return None  # a list restarted with its first items run into a line
        return problem


@dataclass(frozen=True, slots=True)
class _Gap:
    """A heading whose number does not follow its previous sibling's, and the title lines that
    lost the missing numbers, when the gap holds exactly that many."""

    level: Level
    heading: Heading
    previous: Heading | None
    problem: Message
    missing: range
    titles: list[Block] | None


class _Columns:
    """A table of two numbered columns side by side, extracted row by row (a 专栏: clusters 1–10
    on the left, their chains 1–26 on the right: ``2．智能电网    4．高端装备⏎    5．电力服务⏎
    3．智能制造装备    7．工业母机``): its two numberings interleave. Each heading is checked
    against the column it continues once two rows holding both columns (a left marker, a gap
    of spaces, a right marker that is not the next number) say the table is there; one such
    line alone may be a heading run in after a skipped number."""

    def __init__(self, blocks: list[Block], text: str, level: Level) -> None:
        self.blocks, self.text, self.level = blocks, text, level
        self.last: list[int] | None = None  # the last number of the left and right column
        self.rows = 0  # rows holding both columns seen: two make a table (one may be a gap)

    def follows(self, member: int) -> bool:
        """Whether the heading of block ``member`` goes on one column of a table seen so far."""
        block = self.blocks[member]
        heading = block.heading
        assert heading is not None
        number, last = heading.number, self.last
        if self._right_cell(member):
            left = self.blocks[member - 1].heading
            assert left is not None
            if last is None:  # the row's left cell opened a run of its own
                if number != left.number + 1:
                    self.last, self.rows = [left.number, number], 1
                return False
            # both columns open at 1 on the first row (1．集群    1．产业链)
            return number == last[1] and (self.rows > 1 or number == left.number)
        right = self._right_number(member)
        if right is not None and right == number + 1 and (last is None or right != last[1] + 1):
            right = None  # 一、甲　　二、乙: siblings run in, no second column
        if right is not None:
            self.last = [number, right]
            self.rows = self.rows + 1 if last is not None else 1
            return self.rows > 1 and last is not None and number == last[0] + 1
        if last is None:
            return False
        start = heading.marker.start
        indented = start > self.text.rfind("\n", 0, start) + 1  # the right column's cell alone
        for side in ((1, 0) if indented else (0, 1)):
            if number == last[side] + 1:
                last[side] = number
                return self.rows > 1
        self.last, self.rows = None, 0
        return False

    def _right_cell(self, member: int) -> bool:
        """The block is the right cell of a row whose left cell is the block before it."""
        if member == 0:
            return False
        block, before = self.blocks[member], self.blocks[member - 1]
        return before.line == block.line and before.heading is not None \
            and before.heading.level is self.level

    def _right_number(self, member: int) -> int | None:
        """The number of the right column's marker on the row that opens with block ``member``,
        when the row holds two columns; None otherwise."""
        block = self.blocks[member]
        heading = block.heading
        assert heading is not None
        right: int | None = None
        after = self.blocks[member + 1] if member + 1 < len(self.blocks) else None
        if after is not None and after.line == block.line and after.heading is not None \
                and after.heading.level is self.level:
            right = after.heading.number
        elif (pattern := _SECOND_COLUMN.get(self.level)) is not None:
            found = pattern.search(self.text, heading.marker.end, block.span.end)
            right = ordinal(found.group(1)) if found is not None else None
        return right


# The right column's marker on a row of a two-column table, after a gap of spaces.
_SECOND_COLUMN = {
    Level.ONE: lazy_regex(r"[ \t\u3000]{2,}([一二三四五六七八九十]{1,3})、"),
    Level.TWO: lazy_regex(r"[ \t\u3000]{2,}[（(]([一二三四五六七八九十]{1,3})[）)]"),
    Level.THREE: lazy_regex(r"[ \t\u3000]{2,}([0-9０-９]{1,3})[.．、](?![0-9０-９])"),
    Level.FOUR: lazy_regex(r"[ \t\u3000]{2,}[（(]([0-9０-９]{1,3})[）)]"),
}


def _unnumbered(blocks: list[Block], first: int, heading: int, missing: int) -> list[Block] | None:
    """The headings that lost their numbers (a converter dropping Word's automatic numbering:
    `` 总则`` where ``第一章　总则`` belongs): exactly as many short title lines, with no sentence
    punctuation, between the previous sibling and this one as numbers are missing."""
    titles = [b for b in blocks[first:heading] if b.heading is None and _TITLE_LINE.match(b.text)]
    return titles if len(titles) == missing else None


# A heading's text: a few words (spaced out too: 总  则), no punctuation of a sentence or a list.
_TITLE_LINE = lazy_regex(
    r"^[\s\u3000]*\p{Han}(?:[\p{Han}、与和及]|[ \u3000]{1,3}(?=\p{Han})){1,14}[\s\u3000]*$")


def _excerpts(structure: Structure, text: str) -> set[int]:
    """Articles that quote a law's articles rather than hold the law: their first 第N条 is not
    第一条 (``根据条例规定：第三条　…第五条　…``), or their title says they are an excerpt
    (``……条例（节选）``, ``……纲要（摘编）``). Chosen articles skip numbers by design."""
    starts: dict[int, int] = {}
    for block in structure.blocks:
        starts.setdefault(block.article, block.span.start)
    marked = {block.article for block in structure.blocks
              if block.span.start - starts[block.article] < _TITLE_REACH
              and _EXCERPT.search(text, block.span.start, block.span.end)}
    first: dict[int, int] = {}
    for sequence in structure.sequences:
        if sequence.level is Level.CLAUSE:
            heading = structure.blocks[sequence.members[0]].heading
            assert heading is not None
            article = structure.blocks[sequence.members[0]].article
            first[article] = min(first.get(article, heading.number), heading.number)
    return marked | {article for article, number in first.items() if number > 1}


# An excerpt says so in its title; an omission says so where the text is left out.
_EXCERPT = lazy_regex(r"[（(](?:节选|摘编|摘录|摘要|摘登|选编|选登)[）)]|节选$")
_OMISSION = lazy_regex(r"[（(][^（）()\n]{0,20}略[）)]")
_TITLE_REACH = 300
# A list introduced as the rest of a numbered set (``共十项，其中两项已完成；其余八项进展情况如下：``)
# keeps the set's numbers: the items left out are gaps on purpose.
_SELECTION = lazy_regex(
    r"(?:其余|其他|其它|另外|剩余|余下|剩下)的?(?:[0-9]{1,3}|[一二三四五六七八九十两]{1,3})大?(?:项|个|件|条|类)")
_INTRO_LINES = 2  # lines before a list's first heading that introduce it


_LEGAL = (Level.PART, Level.CHAPTER, Level.SECTION, Level.CLAUSE)


def _a_selection(structure: Structure, sequence: Sequence, text: str) -> bool:
    """The lines right before the list's first heading introduce it as the rest of a numbered
    set (``…其中2项已完成；其余9项具体情况如下：``): its numbers are the set's, with gaps."""
    blocks = structure.blocks
    first = sequence.members[0]
    return any(_SELECTION.search(text, b.span.start, b.span.end)
               for b in blocks[max(first - _INTRO_LINES, 0) : first] if b.heading is None)


def _outer_start(structure: Structure, sequence: Sequence) -> int:
    """The start of the numbering scope: a list numbered on across its parents (（一） under 一、,
    （二） under 二、) may have its first items run into the parents' lines."""
    blocks = structure.blocks
    return blocks[min(sequence.scope, sequence.members[0])].span.start


def _scope_start(structure: Structure, sequence: Sequence) -> int:
    """Where the first sibling could have been written: after the parent heading's marker, else
    from the start of the scope (``附件：1.××××`` on the line before ``2.××××``; a chapter
    heading run into a flattened page's first lines)."""
    blocks = structure.blocks
    parent = blocks[sequence.parent] if sequence.parent >= 0 else None
    if parent is not None and parent.heading is not None:
        return parent.heading.marker.end
    return blocks[min(sequence.scope, sequence.members[0])].span.start


def _written_between(text: str, start: int, end: int, level: Level, numbers: range) -> bool:
    """The missing siblings are there, only not as headings of their own: run into a paragraph
    (``…的义务。第六条　教育…``), on the same line as another heading (``第一章 总则 第一条…``),
    glued to the text before them (``二、主动公开情况三、收到申请情况``), or read as a decimal
    at a line's start (``3.1万亿元超长期特别国债…`` is item 3)."""
    if end - start > _SEARCH_LIMIT:
        start = end - _SEARCH_LIMIT
    return all(
        siblings.written(text, start, end, level, n) is not None
        or _broken(text, start, end, level, n)
        or _after_a_title(text, start, end, level, n)
        for n in numbers
    ) or siblings.glued_in_order(text, start, end, level, numbers)


def _after_a_title(text: str, start: int, end: int, level: Level, number: int) -> bool:
    """The sibling run into the end of the line before with its chapter's heading, the line
    breaks lost on both sides (``…不少于3家。第三章认定程序第九条认定程序如下：``)."""
    unit = _GLUED_UNITS.get(level)
    if unit is None:
        return False
    return _glued_after_title(unit, number).search(text, start, end) is not None


_GLUED_UNITS = {Level.CLAUSE: "条", Level.SECTION: "节"}


@functools.cache
def _glued_after_title(unit: str, number: int) -> regex.Pattern[str]:
    return regex.compile(rf"第[一二三四五六七八九十百零〇0-9]{{1,4}}[编篇章节]"
                         rf"[^\s。；;，,、：:！？]{{1,20}}?第{han(number)}{unit}")


def _broken(text: str, start: int, end: int, level: Level, number: int) -> bool:
    """The sibling's marker broken across lines, its bracket left at the end of a line
    (``（⏎三）改革开放持续深化``): a broken line, not a missing heading."""
    if level not in (Level.TWO, Level.FOUR):
        return False
    return _broken_marker(level, number).search(text, start, end) is not None


@functools.cache
def _broken_marker(level: Level, number: int) -> regex.Pattern[str]:
    wide = str(number).translate(_WIDE)
    numeral = han(number) if level is Level.TWO else f"(?:{number}|{wide})"
    return regex.compile(rf"[（(][ \t\u3000]*\r?\n[ \t\u3000\r\n]*{numeral}[）)]")


_WIDE = str.maketrans("0123456789", "０１２３４５６７８９")


# A line wrapped inside a cross-reference: the line before ends on 第 or on 第（五） (the
# reference goes on with the next marker on the next line).
_CROSS_REFERENCE = lazy_regex(r"第(?:[（(][一二三四五六七八九十\d]{1,3}[）)])*[ \t\u3000]*\r?\n[ \t\u3000]*\Z")
_REFERENCE_REACH = 40

_SEARCH_LIMIT = 20000  # characters searched back for run-in siblings

# A note's or an example's label (注：1.……, 示例：): the numbered lines after it are its list.
_NOTE_LABEL = lazy_regex(r"^[\s\u3000]*(?:注|注释|说明|备注|示例|举例|例如)[ \t\u3000]*[：:]")
_NOTE_ITEMS = 9


def _in_note(blocks: list[Block], member: int) -> bool:
    """The heading is an item of a note's or an example's list: the items before it count
    down by one to a line opening with the label (``注：1.……⏎2.……``, ``示例：⏎1.……⏎2.……``)."""
    heading = blocks[member].heading
    assert heading is not None
    number, at = heading.number, member - 1
    while at >= 0 and member - at <= _NOTE_ITEMS:
        block = blocks[at]
        if _NOTE_LABEL.match(block.text):
            return True
        if block.heading is None or block.heading.level is not heading.level \
                or block.heading.number != number - 1:
            return False
        number, at = number - 1, at - 1
    return False
