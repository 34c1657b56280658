"""T201: the 第N篇 numbers of a compilation skip, repeat or go backwards."""

from __future__ import annotations

from collections.abc import Iterator

from doclint.core import Category, Document, Examples, Finding, Message, Related, Rule
from doclint.rules.structure.model import Article, Structure
from doclint.rules.structure.numerals import han
from doclint.rules.structure.sequence_check import describe


def _name(number: int) -> str:
    return f"第{han(number)}篇"


class ArticleSequence(Rule):
    """合集中“第N篇”的编号跳号、重号或倒序。

    “第一篇”之后是“第三篇”，说明第二篇丢了标题或整篇丢失（常见于抓取时把两篇拼在一起）。
    两篇之间有一篇没有“第N篇”标题的讲话（另起的“同志们：”之类）恰好补上空缺时，在那篇讲话的
    开头报告它缺少的篇目标题；否则在跳号处报告。只在文件里至少有两个“第N篇”时检查；
    不以“第一篇”开头也报告。
    """

    code = "T201"
    unmasked_by = ("P203",)  # 篇N markers are site numbering to P203, and still numbering
    name = "structure.article-sequence"
    category = Category.TITLE_SEQUENCE
    summary = Message("“第N篇”编号不连续。",
                      "The 第N篇 numbers of a compilation are not consecutive.")
    message = Message("“{found}”{problem_zh}。", "“{found}” {problem_en}.")
    unmarked = Message("这一篇没有篇目标题“{missing}”：前一篇是“{before}”，后一篇是“{after}”。",
                       "This document has lost its heading “{missing}”: it comes between "
                       "“{before}” and “{after}”.")
    examples = Examples(
        bad=("第一篇：在县委全会上的讲话\n同志们：\n会议开得很好。\n第三篇：在消防工作会议上的讲话\n同志们：\n要抓好消防。",
             "第一篇：在县委全会上的讲话\n同志们：\n会议开得很好。\n同志们：\n要抓好春耕。\n"
             "第三篇：在消防工作会议上的讲话\n同志们：\n要抓好消防。"),
        good=("第一篇：在县委全会上的讲话\n同志们：\n会议开得很好。\n第二篇：在消防工作会议上的讲话\n同志们：\n要抓好消防。",),
    )
    basis = "抓取拼接造成的缺篇（domain-rules §6.2）"

    def check(self, doc: Document) -> Iterator[Finding]:
        structure = doc.facts(Structure)
        marked = [a for a in structure.articles if a.ordinal is not None]
        if len(marked) < 2:
            return
        previous: Article | None = None
        for article in marked:
            number = article.ordinal or 0
            last = previous.ordinal or 0 if previous is not None else 0
            problem = describe(last, number, _name)
            if problem is not None and article.ordinal_span is not None:
                between = _unmarked_between(structure, previous, article)
                if previous is not None and len(between) == number - last - 1 > 0:
                    yield from self._lost_headings(structure, between, previous, article)
                else:
                    yield self._gap(article, previous, problem, last, number)
            previous = article

    def _gap(self, article: Article, previous: Article | None, problem: Message, last: int,
             number: int) -> Finding:
        related: tuple[Related, ...] = ()
        if previous is not None and previous.ordinal_span is not None:
            note = Message(f"上一篇：{_name(last)}", f"previous: {_name(last)}")
            related = (Related(previous.ordinal_span, note),)
        assert article.ordinal_span is not None
        return self.report(article.ordinal_span, found=_name(number), problem_zh=problem.zh,
                           problem_en=problem.en, related=related)

    def _lost_headings(self, structure: Structure, between: list[Article], previous: Article,
                       following: Article) -> Iterator[Finding]:
        """Each speech between two marked ones that has no heading is the one missing."""
        before, after = previous.ordinal or 0, following.ordinal or 0
        notes = []
        for article, note in ((previous, Message("前一篇", "the one before")),
                              (following, Message("后一篇", "the one after"))):
            if article.ordinal_span is not None:
                notes.append(Related(article.ordinal_span, note))
        for offset, article in enumerate(between, start=1):
            yield self.report(structure.blocks[article.start].span, self.unmarked,
                              missing=_name(before + offset), before=_name(before),
                              after=_name(after), related=tuple(notes))


def _unmarked_between(structure: Structure, previous: Article | None,
                      following: Article) -> list[Article]:
    """The articles without a 第N篇 heading between two marked ones."""
    if previous is None:
        return []
    return [a for a in structure.articles[previous.index + 1 : following.index]
            if a.ordinal is None]
