"""T501: a space between two Chinese characters in the middle of a sentence."""

from __future__ import annotations

from collections.abc import Iterator

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
    Rule,
    Severity,
    Span,
)
from doclint.rules.templates.scan import Gated, line_end, line_start

# One space between two Chinese characters; each pattern is led by its space character so the
# scan jumps from space to space, and the character before is checked right after it.
_GAPS = tuple(
    Gated(
        space,
        regex.compile(regex.escape(space) + rf"(?<=\p{{Han}}{regex.escape(space)})(?=\p{{Han}})"),
    )
    for space in " \t\u00a0\u2002\u2003\u3000"
)
_IDEOGRAPHIC = "\u3000"
_CLAUSE_MARK = regex.compile(r"[，。；！？、：,;!?]")
_CLAUSE_MARK_BACK = regex.compile(r"(?r)[，。；！？、：,;!?]")
# A clause holding a title, a quotation or a parenthesis uses spaces to separate its phrases.
_LAYOUT_CLAUSE = regex.compile(r"——|[《》“”‘’「」（）()【】\[\]]")
# "省长 赵龙", "新华社记者 鞠鹏 摄", "第一章 总则", "北京12月31日电 新年前夕".
_TITLE_BEFORE = regex.compile(
    r"(?:长|主席|书记|总理|记者|通讯员|主任|委员|部长|司令员|政委|会长|理事长|董事长|总裁|总经理|专员|发言人|"
    r"大使|秘书|教授|院士|代表|编辑|作者|摄影|日电|第[〇零一二三四五六七八九十百千\d]+[章节条款编篇])$"
)
_HAN = regex.compile(r"\p{Han}")
# A title run into its salutation ("……上的讲话 同志们：") is a structure problem, not spacing.
_SALUTATION = regex.compile(r"同志们|各位|尊敬的|女士们|朋友们")
_SPACED_OUT = Message("句子中的“{word}”被空格拉开。", "“{word}” is spaced out inside a sentence.")
_LOOKBEHIND = 12
_CONTEXT = 4


class SpaceInChineseText(Rule):
    """中文句子中间夹着空格（“规模 和投放”“陈 立 新同志”）。

    中文词语之间不用空格。句子中的空格多是排版或转换留下的：硬换行被替换成空格、姓名为对齐而
    拉开。只检查句子内部（至少一侧有标点的分句）：单独成行的署名（“陈 立 新”）、拉开的标题
    （“政 府 工 作 报 告”）、职务与姓名之间（“省长 赵龙”）、电头（“12月31日电 新年前夕”）、
    摄影署名、章条序号后（“第一章 总则”），以及书名号、引号、括号或破折号所在分句中分隔词组的空格
    都是惯例，不报。全角空格只在拉开单字时才报（“陈　立　新同志”）。修复删除空格。
    """

    code = "T501"
    name = "style.space-in-chinese"
    category = Category.SPACING
    severity = Severity.WARNING
    summary = Message("中文句子中夹有空格。", "A space splits Chinese text inside a sentence.")
    message = Message(
        "句子中的空格隔开了“{left}”和“{right}”。",
        "A space inside a sentence separates “{left}” from “{right}”.",
    )
    fixable = True
    examples = Examples(
        bad=(
            Example("要继续控制贷款规模 和货币投放。", fixed="要继续控制贷款规模和货币投放。"),
            Example("刚才，陈 立 新同志作了重要讲话。", fixed="刚才，陈立新同志作了重要讲话。"),
        ),
        good=(
            "在全旗政法工作会议上的讲话\n陈 立 新\n（2024年4月24日）",
            "政 府 工 作 报 告",
            "福建省人民政府省长 赵龙",
            "开展“进窗口 走流程”活动，推进改革。",
        ),
    )
    basis = "中文不以空格分词；排版惯例见说明"

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        gaps = sorted(Span(m.start(), m.end()) for probe in _GAPS for m in probe.finditer(text))
        run: list[Span] = []
        for gap in gaps:
            if _is_convention(text, gap):
                continue
            if run and gap.start - run[-1].end != 1:
                yield self._finding(text, run)
                run = []
            run.append(gap)
        if run:
            yield self._finding(text, run)

    def _finding(self, text: str, run: list[Span]) -> Finding:
        fix = Fix(tuple(Edit(g, "") for g in run), Message("删除空格", "Delete the spaces"))
        if len(run) == 1:
            return self.report(
                run[0],
                left=_han_before(text, run[0].start),
                right=_han_after(text, run[0].end),
                fix=fix,
            )
        # Several gaps one character apart: a spaced-out word (陈 立 新).
        span = Span(run[0].start - 1, run[-1].end + 1)
        return self.report(span, _SPACED_OUT, word=text[span.start : span.end], fix=fix)


def _is_convention(text: str, gap: Span) -> bool:
    # Only single spaces reach here: a run of spaces separates columns or paragraphs.
    if (
        text[gap.start] == _IDEOGRAPHIC
        and gap.start >= 2
        and _HAN.match(text, gap.start - 2, gap.start - 1)
    ):
        return True  # a full-width space after a word, not after a single spaced-out character
    first, last = line_start(text, gap.start), line_end(text, gap.end)
    before = _CLAUSE_MARK_BACK.search(text, first, gap.start)
    after = _CLAUSE_MARK.search(text, gap.end, last)
    if before is None and after is None:
        return True  # the whole line is one phrase: a title, a byline, a heading
    clause = text[before.end() if before else first : after.start() if after else last]
    if _LAYOUT_CLAUSE.search(clause):
        return True
    if _TITLE_BEFORE.search(text, max(first, gap.start - _LOOKBEHIND), gap.start):
        return True
    return text[gap.end] == "摄" or bool(_SALUTATION.match(text, gap.end))


def _han_before(text: str, end: int) -> str:
    start = end
    while start > 0 and end - start < _CONTEXT and _HAN.match(text[start - 1]):
        start -= 1
    return text[start:end]


def _han_after(text: str, start: int) -> str:
    end = start
    while end < len(text) and end - start < _CONTEXT and _HAN.match(text[end]):
        end += 1
    return text[start:end]
