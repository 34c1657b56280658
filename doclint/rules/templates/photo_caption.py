"""P206: a news photo's caption and credit left inside a speech or report."""

from __future__ import annotations

from collections.abc import Iterator

from doclint.core import (
    Category,
    Document,
    Example,
    Examples,
    Finding,
    Message,
    Rule,
    Severity,
    Span,
)
from doclint.core.diagnostic import UNSAFE
from doclint.core.lazyregex import lazy_regex
from doclint.rules.templates.removal import removal_fix
from doclint.rules.templates.scan import find_all

_GAP = r"(?:[ \t\u3000\u00a0]|<U\+00A0>)*"
_NAME = r"[\p{Han}·]{2,5}"
# "新华社记者 鞠鹏 摄", "本报记者 韩卿立 摄", "记者 王晔/摄", "新华社发 陈钟昊/摄" (not a camera:
# 采用8K摄影机拍摄): found from
# the 摄 backwards, so the scan jumps between the rare 摄 instead of trying every character.
_CREDIT = lazy_regex(
    rf"(?:[\p{{Han}}]{{0,10}}记者|通讯员|摄影(?![机器棚])|(?:新华社|中新社)发){_GAP}{_NAME}"
    rf"(?:[ \t\u3000、]+{_NAME})*{_GAP}/?{_GAP}摄$"
)
_AGENCY = lazy_regex(
    r"[（(](?:新华社|中新社)发(?:[ \t\u3000]*[\p{Han}·]{2,5}[ \t\u3000]*摄)?[）)]"
)
# NOTE: `regex` finds a word of two characters about three times faster than ``in`` over a
# whole Chinese text (most documents hold none: the whole text is scanned).
_AGENCY_WORD = lazy_regex("社发")
_NOT_CREDIT_AFTER = frozenset("影像入取制氏")
_CREDIT_REACH = 60
# Where a caption may start: after a paragraph gap (two or more spaces of any width, a
# code-point marker, a line break) or at the date that opens it ("3月5日，……").
_GAP_BEFORE = lazy_regex(r"(?:[^\S\r\n]{2,}|<U\+00A0>)+[^\S\r\n]*|[\r\n]")
_DATED_START = lazy_regex(  # "这是2020年6月23日拍摄的……" opens a caption too
    r"(?:这是)?(?:(?<![年\d])(?:当地时间)?\d{1,2}月\d{1,2}日|(?:19|20)\d{2}年\d{1,2}月\d{1,2}日)"
)
_MONTH_DAY = lazy_regex(r"(?<![年\d])(?:当地时间)?\d{1,2}月\d{1,2}日(?!电)")  # not a dateline
_SENTENCE_END = "。！？"
_LOOKBACK = 300
_WHAT = Message("图片说明", "photo caption")


class PhotoCaption(Rule):
    """讲话或报告正文中夹有新闻图片的说明文字和摄影署名。

    新闻网站的讲话全文常带配图，抓取后图片说明留在正文里：“3月5日，……开幕。新华社记者 ××× 摄”。
    规则以摄影署名（“记者 ××× 摄”“记者 ×××/摄”“新华社发 ×××/摄”“（新华社发）”）为锚，
    向前找到说明文字的开头（段落间隔之后、以“×月×日”或“这是×月×日”开头的句子），报告说明连同署名。删除属于内容判断，修复标为不安全。
    """

    code = "P206"
    masks = True
    name = "boilerplate.photo-caption"
    category = Category.INJECTED_BOILERPLATE
    severity = Severity.INFO
    group_after = 10  # a page full of one defect is reported once, the rest related
    summary = Message("正文中夹有图片说明。", "A photo caption is left in the text.")
    message = Message(
        "图片说明和摄影署名“{credit}”不是讲话内容。",
        "The photo caption credited “{credit}” is not part of the speech.",
    )
    fixable = True
    examples = Examples(
        bad=(
            Example(
                "同志们：\n10月8日，县委召开全体会议。新华社记者 张明 摄\n今天我们召开这次会议。",
                fixed="同志们：\n今天我们召开这次会议。",
            ),
        ),
        good=("他是一名摄影记者，长期深入基层。", "记者从会上获悉，全县摄入量指标正常。",
              "影片主要画面由航天员在空间站采用国产8K超高清摄影机拍摄，今天发布。"),
    )
    basis = "新闻网页配图残留（语料 README）"

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        for credit in _credits(text):
            start = _caption_start(text, credit.start)
            span = Span(start, credit.end)
            shown = " ".join(text[credit.start : credit.end].replace("<U+00A0>", " ").split())
            yield self.report(span, credit=shown, fix=removal_fix(doc, span, _WHAT, UNSAFE))


def _credits(text: str) -> Iterator[Span]:
    for end in find_all(text, "摄"):
        if text[end + 1 : end + 2] in _NOT_CREDIT_AFTER:
            continue
        match = _CREDIT.search(text, max(0, end - _CREDIT_REACH), end + 1)
        if match:
            yield Span(match.start(), match.end())
    if _AGENCY_WORD.search(text):
        for match in _AGENCY.finditer(text):
            yield Span(match.start(), match.end())


def _caption_start(text: str, credit: int) -> int:
    """The caption's first character.

    A caption glued to the sentence before it starts at its date (the last one that follows a
    full stop). Otherwise it starts at the first "×月×日" after the last paragraph gap (a
    dateline and title may stand between), or at the gap itself. Without any of these, only
    the credit is reported.
    """
    window = max(0, credit - _LOOKBACK)
    gap = None
    for match in _GAP_BEFORE.finditer(text, window, credit):
        gap = match.end()
    after_gap = gap if gap is not None else window
    glued = [
        m.start()
        for m in _DATED_START.finditer(text, after_gap, credit)
        if m.start() and text[m.start() - 1] in _SENTENCE_END
    ]
    if len(glued) > 1 and text.startswith("这是", glued[-1]) \
            and not any(c in _SENTENCE_END for c in text[glued[-2] : glued[-1] - 1]):
        return glued[-2]  # "7月22日，……考察。这是7月23日……": the dated sentence before is the caption's
    if glued:
        return glued[-1]
    dated = _MONTH_DAY.search(text, after_gap, credit)
    if dated:
        return dated.start()
    return gap if gap is not None else credit
