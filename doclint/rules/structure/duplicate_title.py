"""T101: a title line repeated by the line after it (beyond T601's exact repetition)."""

from __future__ import annotations

from collections.abc import Iterator
from difflib import SequenceMatcher
from itertools import pairwise

import regex

from doclint.core import (
    Category,
    Document,
    Edit,
    Example,
    Examples,
    Finding,
    Fix,
    Message,
    Related,
    Rule,
)
from doclint.core.diagnostic import SAFE
from doclint.core.document import Span
from doclint.rules.structure import lines
from doclint.rules.structure.model import Block, Kind, Structure

_SIMILAR = 0.85
# An attachment's label line names the attachment that follows: 附件：项目申报表 ⏎ 项目申报表.
_ATTACHMENT = regex.compile(r"^附(?:件|表|录)")
_TITLE_KINDS = (Kind.TITLE, Kind.LABEL, Kind.BYLINE)


class DuplicateTitle(Rule):
    """标题行紧接着又出现一次：`第N篇：X` 后面跟着 `X`，或前后两行标题几乎相同。

    抓取的合集常把页面标题、篇目标题和正文标题叠在一起（“第四篇：在…会议上的讲话”下面
    又是“在…会议上的讲话”），编号标题下面也会多出一行不带编号的同名标题。比较时忽略空白、
    标点和 `第N篇：` 前缀；两行只差空白的完全重复由 T601 报告。与前一行的标题部分完全相同时，
    修复删除重复的那一行；只是相近（一行包含另一行，或相似度不低于 85%）时只报告。
    附件标签（“附件：××表”下一行是“××表”）和法规的修订记录（“2016年2月6日 《…的决定》
    第三次修订”）不是重复的标题。
    """

    group_after = 20  # one finding per file beyond this: the file is damaged throughout
    code = "T101"
    name = "structure.duplicate-title"
    category = Category.TITLE_DUPLICATE
    summary = Message("标题行紧接着重复出现。", "A title line is repeated by the next line.")
    message = Message("此行重复了第{line}行的标题（{how_zh}）。",
                      "This line repeats the title on line {line}: {how_en}.")
    fixable = True
    examples = Examples(
        bad=(Example("第四篇：在全县消防工作会议上的讲话\n在全县消防工作会议上的讲话\n同志们：",
                     fixed="第四篇：在全县消防工作会议上的讲话\n同志们："),
             "第三篇：县长在全县水利工作会议上的讲话\n在全县水利工作会议上的讲话\n同志们："),
        good=("第四篇：在全县消防工作会议上的讲话\n同志们：",
              "2024年政府工作报告\n——2024年1月8日在县第十八届人民代表大会第四次会议上"),
    )
    basis = "抓取拼接造成的标题重复（domain-rules §6.2）"

    def check(self, doc: Document) -> Iterator[Finding]:
        structure = doc.facts(Structure)
        blocks = structure.blocks
        for previous, current in pairwise(blocks):
            if current.kind not in _TITLE_KINDS or previous.article != current.article:
                continue
            if (previous.kind is Kind.TITLE or _plain_heading(previous)) \
                    and not _ATTACHMENT.match(previous.text):
                finding = self._compare(doc, previous, current)
                if finding is not None:
                    yield finding

    def _compare(self, doc: Document, previous: Block, current: Block) -> Finding | None:
        if lines.key(previous.text) == lines.key(current.text):
            return None  # T601
        if previous.heading is not None:
            earlier = lines.title_key(previous.heading.title)
        else:
            earlier = lines.title_key(previous.text)
        later = lines.title_key(current.text)
        if lines.han_count(later) < 4 or lines.han_count(earlier) < 4:
            return None
        note = Message("首次出现", "first occurrence")
        related = (Related(previous.span, note),)
        if later == earlier:
            line = doc.index.line_of(current.span.start)
            removal = Span(doc.index.line_of(previous.span.start).span.end, line.span.end)
            title = Message("删除重复的标题行", "Delete the repeated title line")
            fix = Fix((Edit(removal, ""),), title, SAFE)
            return self.report(current.span, line=previous.line, how_zh="完全相同",
                               how_en="the same words", fix=fix, related=related)
        if current.kind is Kind.BYLINE:
            return None
        shorter, longer = sorted((earlier, later), key=len)
        if shorter in longer and len(shorter) >= 0.4 * len(longer):
            how = ("一行包含另一行", "one contains the other")
        elif SequenceMatcher(None, earlier, later).ratio() >= _SIMILAR:
            how = ("几乎相同", "nearly the same words")
        else:
            return None
        return self.report(current.span, line=previous.line, how_zh=how[0], how_en=how[1],
                           related=related)


def _plain_heading(block: Block) -> bool:
    return block.heading is not None and not block.heading.inline
