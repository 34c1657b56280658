"""T102: the same heading twice in one document."""

from __future__ import annotations

from collections.abc import Iterator

from doclint.core import Category, Document, Examples, Finding, Message, Related, Rule
from doclint.core.lazyregex import lazy_regex
from doclint.rules.structure import lines
from doclint.rules.structure.model import Heading, Level, Structure

_MIN_HAN = 4
_TITLE_MAX = 40
_SENTENCE_END = lazy_regex(r"[。！？!?；;]")
_COMMA = lazy_regex(r"[，,]")


class RepeatedHeading(Rule):
    """同一组同级标题（同一上级下连续编号的兄弟标题）里，两个标题文字相同。

    多是拼接时重复粘贴了一节，或编号错位后把上一节的标题又抄了一遍。不同上级下的同名小标题
    （各部分都有“（一）主要成效”）是常见写法；目录与正文、前后两份拷贝各自从“一、”编号，
    属于不同的组：都不报。法规的“第N条”引出的是条文，不是标题；以冒号结尾的引语
    （“央视快评：”）、长句和少于 4 个汉字的标题不比较。标题以空格分开的几段合起来比较。
    """

    group_after = 20  # one finding per file beyond this: the file is damaged throughout
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
            if sequence.level is Level.CLAUSE:
                continue  # 第N条 opens a clause of running text, not a titled section
            seen: dict[str, Heading] = {}
            for member in sequence.members:
                heading = blocks[member].heading
                if heading is None:
                    continue
                title = _title(blocks[member].text, blocks[member].span.start, heading)
                if title is None:
                    continue
                first = seen.setdefault(title, heading)
                if first is not heading:
                    note = Message("首次出现", "first occurrence")
                    yield self.report(heading.title_span, title=heading.title,
                                      line=doc.position(first.title_span.start).line,
                                      related=(Related(first.title_span, note),))


def _title(text: str, base: int, heading: Heading) -> str | None:
    """What the heading names, for comparison: its words up to the first sentence end (a headline
    spaced into clauses is one title: ``应邀 意大利总统将访华``), or None when it is no title: a
    lead-in ending in a colon (``央视快评：``), a long clause, or fewer than four characters."""
    start = heading.title_span.start - base
    words = _SENTENCE_END.split(text[start:], maxsplit=1)[0].strip()
    if not words or words[-1] in "：:":
        return None
    if len(words) > _TITLE_MAX and _COMMA.search(words):
        return None
    title = lines.compact(words)
    return title if lines.has_han(title, _MIN_HAN) else None
