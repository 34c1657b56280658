"""T102: the same heading twice in one document."""

from __future__ import annotations

from collections.abc import Iterator

from doclint.core import Category, Document, Examples, Finding, Message, Related, Rule
from doclint.rules.structure import lines
from doclint.rules.structure.model import Heading, Structure

_MIN_HAN = 4


class RepeatedHeading(Rule):
    """同一组同级标题（同一上级下连续编号的兄弟标题）里，两个标题文字相同。

    多是拼接时重复粘贴了一节，或编号错位后把上一节的标题又抄了一遍。不同上级下的同名小标题
    （各部分都有“（一）主要成效”）是常见写法；目录与正文、前后两份拷贝各自从“一、”编号，
    属于不同的组：都不报。少于 4 个汉字的标题不比较。
    """

    code = "T102"
    name = "structure.repeated-heading"
    category = Category.TITLE_DUPLICATE
    summary = Message("同一文档中出现重名的同级标题。",
                      "A heading is repeated in the same document.")
    message = Message("标题“{title}”与第{line}行的同级标题重复。",
                      "The heading “{title}” repeats the sibling heading on line {line}.")
    examples = Examples(
        bad=("一、加强组织领导\n要成立领导小组。\n二、强化督促检查\n要定期通报。\n三、加强组织领导\n要压实责任。",),
        good=("一、上半年工作\n（一）主要成效\n稳中有进。\n二、下半年打算\n（一）主要成效\n预计向好。",),
    )
    basis = "抓取拼接造成的重复（domain-rules §6）"

    def check(self, doc: Document) -> Iterator[Finding]:
        structure = doc.facts(Structure)
        blocks = structure.blocks
        for sequence in structure.sequences:
            seen: dict[str, Heading] = {}
            for member in sequence.members:
                heading = blocks[member].heading
                if heading is None:
                    continue
                title = lines.compact(heading.title)
                if not lines.has_han(title, _MIN_HAN):
                    continue
                first = seen.setdefault(title, heading)
                if first is not heading:
                    note = Message("首次出现", "first occurrence")
                    yield self.report(heading.title_span, title=heading.title,
                                      line=doc.position(first.title_span.start).line,
                                      related=(Related(first.title_span, note),))
