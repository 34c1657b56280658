"""P101: template placeholders that were never filled in."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from doclint.core import Category, Document, Example, Examples, Finding, Message, Rule, Severity, Span

# Each alternative is a placeholder a template leaves behind. Latin X only counts when it is
# not part of a Latin word (XXL, XXX-Large) and stands next to Chinese text or a date unit.
_PLACEHOLDER = regex.compile(
    r"""
    (?P<date>(?:(?:19|20)[XxＸｘ×]{2}|[XxＸｘ×]{2,4})年(?:[XxＸｘ×]{1,2}月(?:[XxＸｘ×]{1,2}日)?)?
            |(?<![A-Za-z\d])[XxＸｘ×]{1,2}月[XxＸｘ×]{1,2}日)
    |(?P<letters>(?<![A-Za-z\d])(?:[XＸ]{2,}|[xｘ]{2,}|×{2,}|[＊*]{2,})(?![A-Za-z\d])
     |[○〇]{2,}(?=\p{Han}))
    |(?P<mou>某某+)
    |(?P<empty>(?<=\p{Han})、(?:[、，,]|\s*、)+(?=\p{Han}))
    """,
    regex.X | regex.M,
)
# "××" is also how a year-free template marks a number (2××年), and 〇〇 appears inside
# Chinese-numeral years (二〇〇五年): those are excluded by requiring a Han neighbour for
# ○/〇 and by the date branch handling years.
_CHINESE_YEAR = regex.compile(r"[一二三四五六七八九〇零○]{2,}[〇○]{2}|[〇○]{2}[一二三四五六七八九〇零○]")

_KIND = {
    "date": Message("日期占位符", "a date placeholder"),
    "letters": Message("占位符", "a placeholder"),
    "mou": Message("“某某”占位符", "the placeholder 某某"),
    "empty": Message("空的列举项", "an empty enumeration item"),
}


class TemplatePlaceholder(Rule):
    """模板中未替换的占位符：`XX`、`××`、`某某`、`＊＊`、`X月X日`、`20XX年`，以及空的列举项 `、、`。

    范文网站和公文模板用这些记号标出应由使用者填写的位置；留在成稿里说明文档没有编辑完。
    单个“某”（某地、某企业）是正常的泛指，不报；汉字年份中的“〇〇”不报。
    """

    code = "P101"
    name = "template.placeholder"
    category = Category.PLACEHOLDER
    severity = Severity.ERROR
    summary = Message("模板占位符未替换。", "A template placeholder was left in the text.")
    message = Message("未替换的{kind_zh}“{text}”。", "Unfilled {kind_en} “{text}”.")
    examples = Examples(
        bad=(
            "刚才，XX书记作了重要讲话。",
            "会议定于20XX年X月X日召开。",
            "要加快建设、、三个工业园区。",
            "重点推进某某工业园区建设。",
        ),
        good=(
            "二〇〇五年是“十五”计划的最后一年。",
            "某企业负责人表示将加大投资。",
            "服装尺码包括XL和XXL两种。",
        ),
    )
    basis = "模板残留（domain-rules §6）"

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        for match in _PLACEHOLDER.finditer(text):
            kind = match.lastgroup or "letters"
            if kind == "letters" and (_inside_chinese_year(text, match.start(), match.end())
                                      or not _next_to_chinese(text, match.start(), match.end())):
                continue
            span = Span(match.start(), match.end())
            yield self.report(span, text=match.group(), kind_zh=_KIND[kind].zh,
                              kind_en=_KIND[kind].en)


_CHINESE_CONTEXT = regex.compile(r"[\p{Han}\p{Ps}\p{Pe}\p{Pi}\p{Pf}，。、；：？！\n\r]")


def _next_to_chinese(text: str, start: int, end: int) -> bool:
    """Latin X's count only beside Chinese text, CJK punctuation or a line boundary."""
    before = text[start - 1] if start else "\n"
    after = text[end] if end < len(text) else "\n"
    return bool(_CHINESE_CONTEXT.match(before) or _CHINESE_CONTEXT.match(after))


def _inside_chinese_year(text: str, start: int, end: int) -> bool:
    window = text[max(0, start - 3) : end + 3]
    return bool(_CHINESE_YEAR.search(window))
