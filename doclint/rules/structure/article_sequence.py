"""T201: the 第N篇 numbers of a compilation skip, repeat or go backwards."""

from __future__ import annotations

from collections.abc import Iterator

from doclint.core import Category, Document, Examples, Finding, Message, Related, Rule
from doclint.rules.structure.model import Structure
from doclint.rules.structure.numerals import han
from doclint.rules.structure.sequence_check import describe


def _name(number: int) -> str:
    return f"第{han(number)}篇"


class ArticleSequence(Rule):
    """合集中“第N篇”的编号跳号、重号或倒序。

    “第一篇”之后是“第三篇”，说明第二篇丢了标题或整篇丢失（常见于抓取时把两篇拼在一起）。
    只在文件里至少有两个“第N篇”时检查；不以“第一篇”开头也报告。
    """

    code = "T201"
    unmasked_by = ("P203",)  # 篇N markers are site numbering to P203, and still numbering
    name = "structure.article-sequence"
    category = Category.TITLE_SEQUENCE
    summary = Message("“第N篇”编号不连续。",
                      "The 第N篇 numbers of a compilation are not consecutive.")
    message = Message("“{found}”{problem_zh}。", "“{found}” {problem_en}.")
    examples = Examples(
        bad=("第一篇：在县委全会上的讲话\n同志们：\n会议开得很好。\n第三篇：在消防工作会议上的讲话\n同志们：\n要抓好消防。",),
        good=("第一篇：在县委全会上的讲话\n同志们：\n会议开得很好。\n第二篇：在消防工作会议上的讲话\n同志们：\n要抓好消防。",),
    )
    basis = "抓取拼接造成的缺篇（domain-rules §6.2）"

    def check(self, doc: Document) -> Iterator[Finding]:
        marked = [a for a in doc.facts(Structure).articles if a.ordinal is not None]
        if len(marked) < 2:
            return
        previous = None
        for article in marked:
            number = article.ordinal or 0
            last = previous.ordinal or 0 if previous is not None else 0
            problem = describe(last, number, _name)
            if problem is not None and article.ordinal_span is not None:
                related: tuple[Related, ...] = ()
                if previous is not None and previous.ordinal_span is not None:
                    note = Message(f"上一篇：{_name(last)}", f"previous: {_name(last)}")
                    related = (Related(previous.ordinal_span, note),)
                yield self.report(article.ordinal_span, found=_name(number),
                                  problem_zh=problem.zh, problem_en=problem.en, related=related)
            previous = article
