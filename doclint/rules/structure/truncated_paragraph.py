"""T301: a paragraph that stops mid-sentence before a new document, a heading or the end."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from doclint.core import Category, Document, Examples, Finding, Message, Related, Rule, Severity
from doclint.core.document import Span
from doclint.rules.structure.endings import LIST_MARKS, ends_sentence, is_prose, last_clause_start
from doclint.rules.structure.model import Block, Structure

_HAN = regex.compile(r"\p{Han}")
_NEXT = {
    "article": Message("下一篇文档的开头", "the start of the next document"),
    "heading": Message("一个标题", "a heading"),
    "end": Message("文件结尾", "the end of the file"),
}


class TruncatedParagraph(Rule):
    """段落没有句末标点就中断，后面紧接着另一篇文档、一个标题或文件结尾。

    抓取合集时，前一篇讲话常在半句（甚至半个词）处被截断，直接接上下一篇的“同志们：”。
    只检查有分句标点、至少 10 个汉字、停在汉字上的正文段落；以句号、问号、叹号、分号、冒号、
    省略号、后引号、后括号、数字或字母结尾的段落（联系电话、文号）和以“——”“●”开头的列举项
    不报。段落后面仍是正文时，属于断行（T401），不在此报告。
    """

    code = "T301"
    name = "structure.truncated-paragraph"
    category = Category.TRUNCATION
    severity = Severity.ERROR
    summary = Message("段落在句中中断。", "A paragraph stops mid-sentence.")
    message = Message("段落在“{tail}”处中断，没有句末标点，后面是{next_zh}。",
                      "The paragraph stops at “{tail}” without closing punctuation, "
                      "before {next_en}.")
    examples = Examples(
        bad=("同志们：\n要持续改善农村人居环境，推进厕所革命，进\n同志们：\n下面我讲两点意见。",
             "要坚持稳中求进，着力扩大有效投资，加快\n二、主要任务\n要抓好项目建设。"),
        good=("要坚持稳中求进，着力扩大有效投资。\n二、主要任务\n要抓好项目建设。",
              "今年要重点抓好以下工作：\n一、扩大投资\n要抓好项目建设。"),
    )
    basis = "抓取截断（domain-rules §6.3）"

    def check(self, doc: Document) -> Iterator[Finding]:
        structure = doc.facts(Structure)
        blocks = structure.blocks
        for block in blocks:
            if ends_sentence(block.text) or not _cut_in_a_word(block.text) or not is_prose(block):
                continue
            following = blocks[block.index + 1] if block.index + 1 < len(blocks) else None
            what = _what_follows(structure, block, following)
            if what is None:
                continue
            start = block.span.start + last_clause_start(block.text)
            if start == block.span.end:
                start = block.span.end - 1
            related = ()
            if following is not None:
                related = (Related(following.span, _NEXT[what]),)
            yield self.report(Span(start, block.span.end), tail=block.text[-6:],
                              next_zh=_NEXT[what].zh, next_en=_NEXT[what].en, related=related)


def _cut_in_a_word(text: str) -> bool:
    """Cut mid-sentence: the paragraph ends on a Chinese character (not on a phone number, a code
    or a name list) and is not a dash or bullet list item, which often go without punctuation."""
    return bool(_HAN.match(text[-1])) and text[0] not in LIST_MARKS


def _what_follows(structure: Structure, block: Block, following: Block | None) -> str | None:
    if following is None:
        return "end"
    if following.article != block.article:
        return "article"
    if following.heading is not None:
        return "heading"
    return None
