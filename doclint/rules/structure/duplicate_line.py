"""T601: the same line twice in a row."""

from __future__ import annotations

from collections.abc import Iterator
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
    Span,
)
from doclint.core.diagnostic import SAFE
from doclint.core.text import Paragraphs
from doclint.rules.structure.lines import han_count

_SPACES = regex.compile(r"[\s\u3000\u00a0\u200b]+")


class ConsecutiveDuplicateLine(Rule):
    """同一行内容连续出现两次或多次。

    抓取和拼接时常把标题或段落重复写入。比较时忽略空白（含全角空格）和中间的空行；
    少于 4 个汉字的行（分隔符、页码、“同志们：”之类）不报。修复删除重复的那一行。
    """

    group_after = 20  # one finding per file beyond this: the file is damaged throughout
    code = "T601"
    name = "structure.duplicate-line"
    category = Category.DUPLICATE_TEXT
    summary = Message("同一行内容连续重复。", "The same line is repeated consecutively.")
    message = Message("此行与上一行（第{line}行）重复。", "This line repeats line {line}.")
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
        for previous, current in pairwise(paragraphs):
            if previous.text[0] != current.text[0] or previous.text[-1] != current.text[-1]:
                continue  # cannot be the same line (a cheap test before comparing without spaces)
            key = _SPACES.sub("", current.text)
            if key != _SPACES.sub("", previous.text) or han_count(key) < self.min_han:
                continue
            line = doc.index.line_of(current.span.start)
            removal = Span(doc.index.line_of(previous.span.start).span.end, line.span.end)
            fix = Fix((Edit(removal, ""),), Message("删除重复行", "Delete the repeated line"), SAFE)
            note = Message("首次出现", "first occurrence")
            yield self.report(current.span, line=previous.line, fix=fix,
                              related=(Related(previous.span, note),))
