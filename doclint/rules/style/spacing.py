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
    Maturity,
    Message,
    Rule,
    Severity,
    Span,
)
from doclint.core.diagnostic import UNSAFE
from doclint.core.lazyregex import lazy_regex
from doclint.rules.structure.layout import Layout
from doclint.rules.style.gaps import SPACES, is_separator
from doclint.rules.templates.scan import Gated, line_end, line_start

# One space between two Chinese characters; each pattern is led by its space character so the
# scan jumps from space to space, and the character before is checked right after it.
_GAPS = tuple(
    Gated(
        space,
        lazy_regex(regex.escape(space) + rf"(?<=\p{{Han}}{regex.escape(space)})(?=\p{{Han}})"),
    )
    for space in SPACES
)
# One space after a full-width comma, semicolon or enumeration comma, before Chinese: the mark
# holds its own space ("在甘肃兰州、 河南郑州"); the space is left over from a line break.
_AFTER_MARK = Gated(
    "，；、",
    lazy_regex(r"(?<=\p{Han}[，；、])[ \u3000](?=\p{Han})(?<![ \u3000]{2})(?![ \u3000])"),
)
# Two spaces between two Chinese characters: a paragraph gap where a flattened text runs its
# paragraphs together, otherwise a stray double space inside a sentence.
_WIDE_GAP = Gated(" \u3000", regex.compile(r"[ \u3000]{2}(?<=\p{Han}[ \u3000]{2})(?=\p{Han})"))
# A wide gap inside a line, after its indent.
_INNER_WIDE_GAP = regex.compile(r"(?<=[^\s])[ \t\u00a0\u3000]{2,}(?=[^\s])")
_WINDOW = 300
# What opens a paragraph of its own after a wide gap: an enumerator or a numbered heading.
_PARAGRAPH_OPENER = lazy_regex(
    r"第[〇零一二三四五六七八九十百千\d]+[章节条款编篇]?|[一二三四五六七八九十]+(?:是|、)"
    r"|[（(][一二三四五六七八九十\d]+[）)]|首先|其次|再次|最后|另外|此外|同时|总之"
)
_HAN = regex.compile(r"\p{Han}")
_SPACED_OUT = Message("句子中的“{word}”被空格拉开。", "“{word}” is spaced out inside a sentence.")
_CONTEXT = 4
_AFTER_MARK_MESSAGE = Message(
    "“{mark}”后多了空格（全角标点自带间距），隔开了“{right}”。",
    "A space after “{mark}” (a full-width mark has its own spacing) before “{right}”.",
)


class SpaceInChineseText(Rule):
    """中文句子中间夹着空格（“规模 和投放”“陈 立 新同志”“犯罪的， 依法”）。

    中文词语之间不用空格；全角的逗号、分号、顿号自带间距，后面也不加空格。句子中的空格多是排版或转换留下的：硬换行被替换成空格、姓名为对齐而
    拉开。只检查句子，即分句之间用逗号隔开、或以句末标点结束的一段文字。句中连着两个空格
    （“加快推进  农村公路建设”）同样报告，但段落被压成一行的文本（或一行中另有宽空白隔开段落、
    栏目）里，两个空格代表丢失的换行，不报。以下空格是体裁的惯例，
    不报：标题、新闻提要和列表项中代替逗号分隔分句的空格（“春节将至 各地多彩活动迎新春”），
    包括逐行排列、末条以句号结尾的提要；
    书名号内、以及没有逗号的引号和括号内分隔词组的空格（“进窗口 走流程”）；名单中为对齐拉开的
    姓名和栏目（“马　敏”“王 立 军”“组　长：”）和单独成行的署名；按排版规范拉开的两三字标题
    （“第一章　总　则”“目　录”，在目录、正文和压成一行的法规中）；职务与姓名之间（“省长 赵龙”）、
    电头（“12月31日电 新年前夕”）、摄影署名、联合发文机关之间；“口号是：”“主题为：”后的
    口号，加引号（含直引号、含逗号）或不加（“运动无限 气象万千”）；新闻提要中以句号结尾的编号标题（“2.某地病例增多 或与季节变化
    叠加。”）；段落被压成一行时，日期、序号标题（“一、基本情况 该项目……”，包括冒号之后的）、
    署名与下文之间的空格；行内序号与其后文字之间（“三是 加强宣传引导”“第二 要抓好”）和新闻导语
    “本报讯”之后的空格。整篇或整行逐字拉开的文字是版式问题，由 T506 每个文件报告一次。
    修复删除空格。
    """

    code = "T501"
    maturity = Maturity.PREVIEW
    name = "style.space-in-chinese"
    category = Category.SPACING
    severity = Severity.WARNING
    summary = Message("中文句子中夹有空格。", "A space splits Chinese text inside a sentence.")
    message = Message(
        "句子中的空格隔开了“{left}”和“{right}”。",
        "A space inside a sentence separates “{left}” from “{right}”.",
    )
    fixable = True
    # A text whose line breaks became spaces has the same stray space in many sentences.
    group_after = 10
    examples = Examples(
        bad=(
            Example("要继续控制贷款规模 和货币投放。", fixed="要继续控制贷款规模和货币投放。"),
            Example("刚才，陈 立 新同志作了重要讲话。", fixed="刚才，陈立新同志作了重要讲话。"),
            Example("构成犯罪的， 依法追究刑事责任。", fixed="构成犯罪的，依法追究刑事责任。"),
            Example("各地要加快推进  农村公路建设，改善群众出行条件。",
                    fixed="各地要加快推进农村公路建设，改善群众出行条件。"),
        ),
        good=(
            "在全旗政法工作会议上的讲话\n陈 立 新\n（2024年4月24日）",
            "政 府 工 作 报 告",
            "福建省人民政府省长 赵龙",
            "开展“进窗口 走流程”活动，推进改革。",
            "3.春节将至 各地多彩活动迎新春；",
            "出席会议的有：马　敏、王 立 军、李建国。",
            "第八章　附　则\n第五十条　本条例自公布之日起施行。",
            "本届运动会的口号是：运动无限 气象万千。",
        ),
    )
    basis = "中文不以空格分词；排版惯例见说明"

    def check(self, doc: Document) -> Iterator[Finding]:
        if doc.facts(Layout).letter_spaced:
            return  # the file's format, reported once by T506
        text = doc.text
        gaps = sorted(
            Span(m.start(), m.end()) for probe in (*_GAPS, _AFTER_MARK) for m in probe.finditer(text)
        )
        run: list[Span] = []
        for gap in gaps:
            if is_separator(text, gap):
                continue
            if run and gap.start - run[-1].end != 1:
                yield self._finding(text, run)
                run = []
            run.append(gap)
        if run:
            yield self._finding(text, run)
        if doc.facts(Layout).flattened is not None:
            return  # wide gaps there stand for the lost paragraph breaks
        wide_gaps: dict[int, int] = {}
        for match in _WIDE_GAP.finditer(text):
            gap = Span(match.start(), match.end())
            first = line_start(text, gap.start)
            if first not in wide_gaps:
                wide_gaps[first] = len(_INNER_WIDE_GAP.findall(text, first, line_end(text, first)))
            # A line with other wide gaps runs paragraphs, cells or headings together.
            if wide_gaps[first] > 1 or _PARAGRAPH_OPENER.match(text, gap.end):
                continue
            if not _wide_gap_separates(text, gap):
                yield self._finding(text, [gap])

    def _finding(self, text: str, run: list[Span]) -> Finding:
        fix = Fix(tuple(Edit(g, "") for g in run), Message("删除空格", "Delete the spaces"), UNSAFE)
        if len(run) == 1 and not _HAN.match(text[run[0].start - 1]):
            return self.report(
                run[0],
                _AFTER_MARK_MESSAGE,
                mark=text[run[0].start - 1],
                right=_han_after(text, run[0].end),
                fix=fix,
            )
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


def _wide_gap_separates(text: str, gap: Span) -> bool:
    """Whether the two spaces ``gap`` would separate items on purpose if they were one: the
    text around them is judged as for a single space."""
    lo, hi = max(0, gap.start - _WINDOW), min(len(text), gap.end + _WINDOW)
    before = _WIDE_GAP.pattern.sub(" ", text[lo : gap.start])
    after = _WIDE_GAP.pattern.sub(" ", text[gap.end : hi])
    return is_separator(before + " " + after, Span(len(before), len(before) + 1))


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
