"""T401: a hard line break inside a sentence."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from itertools import pairwise

from doclint.core import Category, Document, Edit, Example, Examples, Finding, Fix, Message, Rule
from doclint.core.document import Span
from doclint.rules.structure import lines
from doclint.rules.structure.endings import (
    CLOSING_START,
    LIST_MARKS,
    SENTENCE_FINAL,
    dangles,
    ends_sentence,
    is_prose,
)
from doclint.rules.structure.model import Block, Kind, Structure

_JOINABLE = (Kind.BODY, Kind.LABEL)
_OPENING = frozenset("“‘《（(「『〔")
_ODD_START = CLOSING_START | {"的"}
_MARKDOWN = (".md", ".markdown")
_MIN_WRAPPED = 20       # a line shorter than this that ends without punctuation is a list item
_UNTERMINATED_STYLE = 0.3  # above this share of unterminated prose lines, that is the house style
_INDENTED_SHARE = 0.5  # above this share of indented body lines, indenting opens a paragraph


class BrokenLine(Rule):
    """句子中间被硬换行断开：上一行没有结束句子，下一行是它的后半截。

    三种情形：下一行以逗号、句号、后引号、后括号或“的”等不能出现在行首的字符开头（网页超链接处
    留下的换行：“…所作的⏎政府工作报告⏎。”）；上一行停在“的、和、在、《、，”等必须接续的字上；
    上一行是至少 20 字、没有句末标点的正文，下一行紧接着（中间没有空行、没有新段落的缩进）又是
    正文。标题、署名、日期、称呼、列举项（一是、——）和网页栏目不参与；多数行不带句末标点而且
    长短不一的文档（清单、诗词）只看前两种情形，按固定宽度折行的文档照常检查；Markdown 文档
    里单个换行只是软折行，只看第一种情形。一句断成几行时合并报告，修复把各行接起来。
    """

    group_after = 10  # a scrape that broke every link breaks dozens of lines the same way
    code = "T401"
    name = "structure.broken-line"
    category = Category.BROKEN_LINE
    summary = Message("句子被硬换行断开。", "A sentence is broken by a hard line break.")
    message = Message("第{line}行没有结束句子，下一行是它的后半截：“{before}⏎{after}”。",
                      "Line {line} does not end its sentence; the next line continues it: "
                      "“{before}⏎{after}”.")
    several = Message("第{line}行起的句子被硬换行断成了{count}行：“{text}”。",
                      "The sentence from line {line} is broken over {count} lines: “{text}”.")
    fixable = True
    examples = Examples(
        bad=(Example("会议听取并审议了国务院总理所作的\n政府工作报告\n。",
                     fixed="会议听取并审议了国务院总理所作的政府工作报告。"),
             Example("今年，我们要把乡村旅游作为带动农民增收的重要引\n擎，加快培育新业态。",
                     fixed="今年，我们要把乡村旅游作为带动农民增收的重要引擎，加快培育新业态。")),
        good=("一、总体要求\n坚持稳中求进，扩大有效投资。",
              "政 府 工 作 报 告\n——2024年1月8日在县人民代表大会上\n各位代表：",
              "要抓好三项工作：\n一是稳投资，扩大有效需求。\n二是促消费，提振市场信心。"),
    )
    basis = "硬换行与网页超链接残留（README：line breaks where hyperlinks were）"

    def check(self, doc: Document) -> Iterator[Finding]:
        structure = doc.facts(Structure)
        blocks = structure.blocks
        starts = doc.index.starts
        indents = [b.span.start - starts[b.line - 1] for b in blocks]
        indented = _indented_paragraphs(blocks, indents)
        items = {e.block for e in structure.enumerations if e.lead}
        loose = _unterminated_style(blocks)
        soft_wraps = doc.path.endswith(_MARKDOWN)  # a single newline is a soft wrap in Markdown
        chain: list[Block] = []
        for previous, current in pairwise(blocks):
            # Most lines end a sentence and the next one opens normally: settle those first.
            quick = previous.text[-1] in SENTENCE_FINAL and current.text[0] not in _ODD_START
            new_paragraph = current.index in items or (indented and indents[current.index] > 0)
            if not quick and previous.article == current.article \
                    and self._broken(previous, current, new_paragraph, previous.article in loose,
                                     soft_wraps):
                chain = chain or [previous]
                chain.append(current)
                continue
            if chain:
                yield self._finding(chain)
                chain = []
        if chain:
            yield self._finding(chain)

    def _finding(self, chain: list[Block]) -> Finding:
        """One finding for a sentence broken over several lines; the fix joins them all."""
        edits = tuple(Edit(Span(a.span.end, b.span.start), _glue(a.text, b.text))
                      for a, b in pairwise(chain))
        fix = Fix(edits, Message("把断开的行接起来", "Join the broken lines"))
        first, last = chain[0], chain[-1]
        span = Span(first.span.end - 1, last.span.start + 1)
        if len(chain) == 2:
            return self.report(span, line=first.line, before=first.text[-8:], after=last.text[:8],
                               fix=fix)
        joined = "".join(b.text for b in chain)
        return self.report(span, self.several, line=first.line, count=len(chain), text=joined[:40],
                           fix=fix)

    @staticmethod
    def _broken(previous: Block, current: Block, new_paragraph: bool, loose: bool,
                soft_wraps: bool) -> bool:
        joinable = previous.kind in _JOINABLE \
            or (previous.heading is not None and previous.heading.inline)
        if not joinable and previous.kind is not Kind.TITLE:
            return False
        if current.kind not in _JOINABLE and current.kind is not Kind.TITLE:
            return False
        # A line opening with 的 (but not 的确) is the tail of the one before.
        closing = current.text[0] in CLOSING_START \
            or (current.text[0] == "的" and not current.text.startswith("的确"))
        if not closing and (ends_sentence(previous.text) or new_paragraph
                            or current.text[0] in LIST_MARKS):
            return False
        if lines.is_chrome(previous.text) or lines.is_chrome(current.text):
            return False
        if soft_wraps and (previous.text[-1].isascii() or current.text[0].isascii()):
            return False  # Markdown prose wrapped beside Latin text or blanked inline code
        # A title never ends on 的 or 《, and nothing after a title opens with 。: these two
        # signs are strong enough to join even lines the head of a document took for titles.
        if closing:
            return current.kind is not Kind.TITLE
        if soft_wraps or current.line != previous.line + 1:
            return False
        if dangles(previous.text):
            return True
        return joinable and not loose and current.kind is Kind.BODY \
            and len(previous.text) >= _MIN_WRAPPED and is_prose(previous) \
            and (current.text[0] in _OPENING or current.text[0].isalnum())


def _unterminated_style(blocks: list[Block]) -> set[int]:
    """Articles written as lists or verse: many prose lines end without punctuation, so a line
    without it is not a break (only the strong signs count there). Text hard-wrapped at a fixed
    width also leaves many lines open, but mostly of one length, and its paragraphs still end
    with a full stop: that is not a style, it is the defect."""
    total: dict[int, int] = {}
    open_ended: dict[int, list[int]] = {}
    closes_after_open: set[int] = set()
    previous_open = False
    for block in blocks:
        if block.kind is not Kind.BODY:
            previous_open = False
            continue
        total[block.article] = total.get(block.article, 0) + 1
        is_open = not ends_sentence(block.text)
        if is_open:
            open_ended.setdefault(block.article, []).append(len(block.text))
        elif previous_open:
            closes_after_open.add(block.article)
        previous_open = is_open
    loose = set()
    for article, lengths in open_ended.items():
        if len(lengths) < 3 or len(lengths) <= _UNTERMINATED_STYLE * total[article]:
            continue
        width = Counter(lengths).most_common(1)[0][0]
        wrapped = sum(1 for n in lengths if abs(n - width) <= 2) > len(lengths) / 2
        if not (wrapped and article in closes_after_open):
            loose.add(article)
    return loose


def _indented_paragraphs(blocks: list[Block], indents: list[int]) -> bool:
    """Most body paragraphs of the file start with an indentation."""
    body = [b.index for b in blocks if b.kind is Kind.BODY]
    return bool(body) and sum(1 for i in body if indents[i] > 0) > _INDENTED_SHARE * len(body)


def _glue(before: str, after: str) -> str:
    """Latin words and numbers keep a space between them; Chinese text joins directly."""
    a, b = before[-1], after[0]
    return " " if a.isascii() and b.isascii() and a.isalnum() and b.isalnum() else ""
