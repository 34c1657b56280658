"""T203: in-paragraph enumerations (一是…三是) that skip, repeat or go backwards."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from doclint.core import Category, Document, Examples, Finding, Maturity, Message, Related, Rule
from doclint.core.document import Span
from doclint.core.lazyregex import lazy_regex
from doclint.rules.structure.model import Block, Enumeration, Kind, Structure, Style
from doclint.rules.structure.sequence_check import STYLE_NAMES, describe

_CHECKED = (Style.SHI, Style.YAO, Style.DI, Style.DIAN)
# A heading or a speech's salutation run into a paragraph (a page flattened into one line):
# ``…问题。二、专项整治重点（一）重点品种一是…``, ``…女士们，先生们，朋友们：…``.
_NEW_SCOPE = lazy_regex(
    r"(?:^|(?<=[。；！？!?;\s\u3000]))(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]"
    r"|[0-9]{1,2}[、．.](?![0-9])|第[一二三四五六七八九十百]+[章节条])"
    r"|(?:同志们|朋友们|各位[^，。：:]{0,10})[：:]",
    regex.M,
)
# A first item glued to the word before it, which the item scan leaves out (``…主要原因一是…``,
# a heading run into its first item ``三、存在问题一是…``); words ending in 一 (统一是, 之一是,
# 唯一是, 第一是) are none.
_GLUED_FIRST = lazy_regex(
    r"(?<=[\p{Han}])(?<![一二三四五六七八九十百千万两〇零第统唯之同单专不划归逐合无再其某任如惟纯齐整均])"
    r"一是(?![否非一])")
_PARENT_KINDS = (Kind.LABEL, Kind.TITLE)
_Last = dict[Style, Enumeration]  # the last item seen, per style


class EnumerationSequence(Rule):
    """段内列举 `一是…二是…`、`一要…二要…`、`第一，…第二，…`、`第一点，…` 跳号、重号或倒序。

    同一段里的列举项应连续编号；每段开头的列举项（“一是……”“二是……”各起一段）在相邻段落之间
    连续编号，遇到标题（包括并入段中的“二、”“（一）”、不带序号的小标题行、以冒号引出新一组
    列举的段落）、称呼语或从“一”重新开始即另起一组。段落开头的列举项可以接着上一段末尾的列举
    （“主要是：一是……”后另起一段“二是……”）。列举项内部从“一是”重新开始的子列举结束后，
    外层列举接着原来的序号继续（“一是……其中：一是……二是……；二是……”），不报。紧贴在前文之后、
    前面没有标点的“一是”（“…主要落后原因一是…”“三、存在问题一是…”）也算一项：列举从这里重新
    开始，或它是被嵌套列举打断的外层第一项。
    “首先/其次/最后”只用于列举数目，不检查。
    """

    group_after = 20  # one finding per file beyond this: the file is damaged throughout
    code = "T203"
    maturity = Maturity.PREVIEW
    name = "structure.enumeration-sequence"
    category = Category.TITLE_SEQUENCE
    summary = Message("段内列举序号不连续。", "An in-paragraph enumeration is not consecutive.")
    message = Message("列举项“{found}”{problem_zh}。", "Enumeration item “{found}” {problem_en}.")
    examples = Examples(
        bad=("要抓好三件事：一是稳投资，二是促消费，四是保就业。",
             "一是稳投资。\n二是促消费。\n二是保就业。"),
        good=("一是稳投资，二是促消费，三是保就业。",
              "一是稳投资。其中一要抓项目，二要抓资金。\n二是促消费。",
              "实事求是，一是一、二是二，不能含糊。"),
    )
    basis = "列举序号应连续（GB/T 15834—2011 附录 B.3.8 的序次语用法）"

    def check(self, doc: Document) -> Iterator[Finding]:
        structure = doc.facts(Structure)
        blocks = structure.blocks
        lead: _Last = {}        # last paragraph-opening item
        in_block: _Last = {}    # last item of the current paragraph
        block_last: _Last = {}  # last item of the previous paragraph
        outer: _Last = {}       # the item a sub-list restarting at 一 interrupted
        current = -1
        last_end = 0
        text = doc.text
        for item in _with_glued_firsts(structure.enumerations, text, blocks):
            if item.style not in _CHECKED:
                continue
            scope = _NEW_SCOPE.search(text, last_end, item.span.start) is not None
            if item.block != current:
                block_last = self._carry(in_block, blocks, current, item.block)
                if scope or self._parent_between(blocks, current, item.block):
                    lead.clear()
                    outer.clear()
                    block_last = {}
                in_block = {}
                current = item.block
            elif scope:
                lead.clear()  # a heading or a salutation run into the paragraph: a new list
                outer.clear()
                in_block = {}
            last_end = item.span.end
            before = self._previous(item, lead, in_block, block_last)
            last = before.number if before is not None else 0
            name = STYLE_NAMES[item.style]
            problem = None if item.number == 1 else describe(last, item.number, name)
            if item.number == 1 and before is not None:
                outer[item.style] = before  # a sub-list (其中：一是…二是…) inside an item
            elif problem is not None and item.style in outer \
                    and outer[item.style].number + 1 == item.number:
                problem = None  # the list the sub-list interrupted goes on
                del outer[item.style]
            if problem is not None and before is not None \
                    and not _written_between(doc.text, before, item):
                note = Message(f"上一项：{name(last)}", f"previous item: {name(last)}")
                yield self.report(item.span, found=name(item.number), problem_zh=problem.zh,
                                  problem_en=problem.en, related=(Related(before.span, note),))
            in_block[item.style] = item
            if item.lead:
                lead[item.style] = item

    @staticmethod
    def _previous(item: Enumeration, lead: _Last, in_block: _Last,
                  block_last: _Last) -> Enumeration | None:
        """The item this one should follow; None when it may open a run anywhere."""
        if item.style in in_block:
            return in_block[item.style]
        carried = block_last.get(item.style)
        if carried is not None and carried.number + 1 == item.number:
            return carried
        if item.lead:
            return lead.get(item.style)
        return None

    @staticmethod
    def _carry(in_block: _Last, blocks: list[Block], previous: int, following: int) -> _Last:
        """The previous paragraph's last items carry over only to the very next prose paragraph."""
        if previous < 0:
            return {}
        between = blocks[previous + 1 : following]
        return dict(in_block) if not any(b.is_prose for b in between) else {}

    @staticmethod
    def _parent_between(blocks: list[Block], previous: int, following: int) -> bool:
        """A new parent starts a new list: a heading (or an inline heading opening the new
        paragraph), an unnumbered heading line (``加强组织保障``), or a paragraph that
        introduces a list of its own with a colon (``主要有以下几点：``)."""
        return any(b.heading is not None for b in blocks[previous + 1 : following + 1]) \
            or any(b.kind in _PARENT_KINDS or (b.is_prose and b.text[-1] in "：:")
                   for b in blocks[previous + 1 : following])


def _with_glued_firsts(items: list[Enumeration], text: str,
                       blocks: list[Block]) -> Iterator[Enumeration]:
    """The items, and before each 一是-style item the first items glued to the word before them
    in its paragraph since the item before (``…领先原因一是…二是…。…落后原因一是…二是…``: the
    second list restarts; ``三、存在问题一是…概括为：一是…二是…三是…。二是…``: the outer list's
    first item, which a nested list interrupts). They count as items but are never reported."""
    end = 0
    for item in items:
        if item.style is Style.SHI:
            start = max(end, blocks[item.block].span.start)
            for found in _GLUED_FIRST.finditer(text, start, item.span.start):
                yield Enumeration(Style.SHI, 1, Span(found.start(), found.end()), item.block,
                                  lead=False)
        end = item.span.end
        yield item


def _written_between(text: str, before: Enumeration, item: Enumeration) -> bool:
    """The missing items are there, only glued to the text before them (``…/摄第三，``)."""
    if not before.number < item.number - 1:
        return False
    name = STYLE_NAMES[item.style]
    between = text[before.span.end : item.span.start]
    return all(name(n) in between for n in range(before.number + 1, item.number))
