"""T601: the same line twice in a row."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import compress
from operator import eq

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
    Span,
)
from doclint.core.diagnostic import SAFE
from doclint.core.lazyregex import lazy_regex
from doclint.core.memo import per_document
from doclint.core.text import Paragraph, Paragraphs, TextKeys
from doclint.rules.structure.lines import han_count

_SPACES = lazy_regex(r"[\s\u3000\u00a0\u200b]+")
_GROUP_SIZES = (2, 3)
_GROUP_MIN_HAN = 20
_HALF_MIN_HAN = 8
_HALF_MAX = 300
_HALF_END = "。；！？;!?"


def _without_spaces(text: str) -> str:
    """``text`` without white space. NOTE: every character ``_SPACES`` matches but " " is
    unprintable: most lines hold none of them and are returned as they are (C-fast)."""
    if " " not in text and text.isprintable():
        return text
    return _SPACES.sub("", text)


@per_document
def doubled_half(text: str) -> str | None:
    """The text a line holds twice in a row and nothing else (white space aside), when it is a
    sentence or an item of some length ending on a mark: None otherwise. A whole page written
    twice over is a page copy (T603)."""
    length = len(text)
    if not 2 * _HALF_MIN_HAN <= length <= 2 * _HALF_MAX or text[-1] not in _HALF_END:
        return None
    # NOTE: text written twice holds every character that is not white space an even number
    # of times: two counts in C rule out most lines before the spaces are cut out of them.
    if text.count(text[-1]) % 2 or text.count("，") % 2:
        return None
    key = _without_spaces(text)
    middle = len(key) // 2
    if key[:middle] != key[middle:]:
        return None  # the test below needs this: its halves, spaces removed, make up ``key``
    for cut in range(length // 2 - 2, length // 2 + 3):
        head, tail = text[:cut], text[cut:]
        if head.strip() and _SPACES.sub("", head) == _SPACES.sub("", tail):
            half = tail.strip()
            if han_count(half) >= _HALF_MIN_HAN and half[-1] in _HALF_END:
                return half
    return None


class ConsecutiveDuplicateLine(Rule):
    """同一行内容连续出现两次或多次。

    抓取和拼接时常把标题或段落重复写入。比较时忽略空白（含全角空格）和中间的空行；
    少于 4 个汉字的行（分隔符、页码、“同志们：”之类）不报。修复删除重复的那一行。
    相连的两三段紧接着原样再写一遍（甲乙甲乙，合计至少 20 个汉字）也是粘贴，报告后一组，不给修复；
    一行只是同一句话（或同一条目，至少 8 个汉字，以句号、分号等收尾）连写两遍的，报告后一遍。
    """

    group_after = 20  # one finding per file beyond this: the file is damaged throughout
    code = "T601"
    name = "structure.duplicate-line"
    category = Category.DUPLICATE_TEXT
    summary = Message("同一行内容连续重复。", "The same line is repeated consecutively.")
    message = Message("此行与上一行（第{line}行）重复。", "This line repeats line {line}.")
    twice = Message("此行把同一段文字紧接着写了两遍。",
                    "This line holds the same text twice in a row.")
    group = Message("这几段紧接着把前面（第{line}行起）的几段原样又写了一遍。",
                    "These paragraphs repeat the ones right before them (from line {line}).")
    fixable = True
    examples = Examples(
        bad=(Example("在全县安全生产工作会议上的讲话\n在全县安全生产工作会议上的讲话\n同志们：",
                     fixed="在全县安全生产工作会议上的讲话\n同志们："),),
        good=("坚持稳中求进。\n\n坚持以人为本。", "一、总体要求\n二、总体要求和主要任务"),
    )
    basis = "抓取拼接造成的重复（domain-rules §6）"
    min_han = 4

    def check(self, doc: Document) -> Iterator[Finding]:
        paragraphs = doc.facts(Paragraphs).items
        # NOTE: equal keys side by side, or two and three apart, are found by comparing the
        # lists in C. The shared keys drop a BOM, which this rule's keep (the line is not the
        # same): a text that holds one keys its lines itself.
        keys = doc.facts(TextKeys).paragraphs
        if "\ufeff" in doc.text:
            keys = [_without_spaces(p.text) for p in paragraphs]
        yield from self._lines(doc, paragraphs, keys)
        yield from self._groups(doc, paragraphs, keys)
        yield from self._halves(paragraphs)

    def _halves(self, paragraphs: list[Paragraph]) -> Iterator[Finding]:
        """A line that is one text written twice over (``（3）某项工作启动；（3）某项工作启动；``):
        the second half was pasted again right after the first."""
        for paragraph in paragraphs:
            text = paragraph.text
            half = doubled_half(text)
            if half is None:
                continue
            start = paragraph.span.start + text.find(half, 1)
            note = Message("首次出现", "first occurrence")
            first = Span(paragraph.span.start, paragraph.span.start + len(half))
            yield self.report(Span(start, start + len(half)), self.twice, line=paragraph.line,
                              related=(Related(first, note),))

    def _groups(self, doc: Document, paragraphs: list[Paragraph],
                keys: list[str]) -> Iterator[Finding]:
        """Two or three paragraphs written twice in a row (A B A B): a paste, whatever the
        text; no formula repeats a group of paragraphs right after itself."""
        # The groups whose copy opens with their first paragraph, in the order of the copy's last
        # paragraph (the smaller size first, as _GROUP_SIZES lists them).
        candidates = sorted(
            (first + 2 * size - 1, size)
            for size in _GROUP_SIZES
            for first in compress(range(len(keys) - 2 * size + 1), map(eq, keys, keys[size:])))
        end = 0  # paragraphs before this index were reported already
        for last, size in candidates:
            first = last - 2 * size + 1
            if first < end:
                continue  # (the other size of a copy reported, or a group inside it)
            group = keys[first : first + size]
            copy = keys[first + size : last + 1]
            if group != copy or len(set(group)) < size \
                    or sum(han_count(k) for k in copy) < _GROUP_MIN_HAN:
                continue
            there = Span(paragraphs[first].span.start, paragraphs[first + size - 1].span.end)
            here = Span(paragraphs[first + size].span.start, paragraphs[last].span.end)
            note = Message("首次出现", "first occurrence")
            yield self.report(here, self.group, line=paragraphs[first].line,
                              related=(Related(there, note),))
            end = last + 1

    def _lines(self, doc: Document, paragraphs: list[Paragraph],
               keys: list[str]) -> Iterator[Finding]:
        for index in compress(range(1, len(keys)), map(eq, keys[1:], keys)):
            previous, current = paragraphs[index - 1], paragraphs[index]
            if previous.text[0] != current.text[0] or previous.text[-1] != current.text[-1] \
                    or han_count(keys[index]) < self.min_han:
                continue  # (a line indented otherwise than the one before is not the same)
            line = doc.index.line_of(current.span.start)
            removal = Span(doc.index.line_of(previous.span.start).span.end, line.span.end)
            fix = Fix((Edit(removal, ""),), Message("删除重复行", "Delete the repeated line"), SAFE)
            note = Message("首次出现", "first occurrence")
            yield self.report(current.span, line=previous.line, fix=fix,
                              related=(Related(previous.span, note),))
