"""T302: a teaser line ending in ``...`` that repeats how the following text begins."""

from __future__ import annotations

from collections.abc import Iterator

from doclint.core import Category, Document, Edit, Examples, Finding, Fix, Message, Related, Rule
from doclint.core.diagnostic import UNSAFE
from doclint.core.document import Span
from doclint.rules.structure.model import Kind, Structure


class TeaserLine(Rule):
    """以 `...` 或 `…` 结尾的摘要行，内容就是后文的开头。

    范文网站的列表页用一行截断的摘要（标题加正文前几十个字，末尾加省略号）引出全文，抓取时
    连同全文一起保存，于是开头重复、且在半句处中断。去掉省略号和空白后，摘要至少 8 个字，且
    其中至少 80% 与紧随其后的文字逐字相同时才报告（抓取丢失的字符“?”不计）。修复（需确认）删除
    这一行；摘要行重复了后文，其中的其他问题（如截断用的“......”）在后文已有或并非问题，不再报告。
    """

    code = "T302"
    name = "structure.teaser-line"
    category = Category.TRUNCATION
    summary = Message("截断的摘要行重复了后文的开头。",
                      "A truncated teaser line repeats the text after it.")
    message = Message("此行是以省略号截断的摘要，与后文（第{line}行起）的开头重复。",
                      "This line is a teaser cut off with an ellipsis; it repeats the text "
                      "from line {line}.")
    fixable = True
    # The teaser repeats the text after it: what other rules find in it they find there.
    masks = True
    examples = Examples(
        bad=("第一篇：在县委全会上的讲话 同志们：这次全会的主要任务是...\n"
             "第一篇：在县委全会上的讲话\n"
             "同志们：\n这次全会的主要任务是，总结工作，部署任务。",),
        good=("会议回顾了……，总结了……，部署了全年工作。\n会议强调，要抓好落实。",),
    )
    basis = "范文网站的摘要行（domain-rules §6.3）"

    def check(self, doc: Document) -> Iterator[Finding]:
        blocks = doc.facts(Structure).blocks
        summary = Kind.SUMMARY
        for block in blocks:
            if block.kind is not summary or block.index + 1 >= len(blocks):
                continue
            following = blocks[block.index + 1]
            line = doc.index.line_of(block.span.start)
            end = line.span.end + len(line.newline)
            fix = Fix((Edit(Span(line.span.start, end), ""),),
                      Message("删除摘要行", "Delete the teaser line"), UNSAFE)
            note = Message("被重复的正文", "the text it repeats")
            yield self.report(block.span, line=following.line, fix=fix,
                              related=(Related(following.span, note),))
