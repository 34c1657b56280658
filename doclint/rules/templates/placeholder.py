"""P101: template placeholders that were never filled in."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

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
from doclint.rules.templates.scan import Gated, Windowed

_X = r"[XxＸｘ×]"
# Each probe finds one kind of placeholder a template leaves behind, and runs only when its
# key character occurs. Latin X only counts when it is not part of a Latin word (XXL,
# XXX-Large) and stands next to Chinese text or a date unit.
_PROBES = (
    (
        "date",
        Windowed(
            "XxＸｘ×",
            regex.compile(
                rf"(?:(?:19|20){_X}{{2}}|(?:19|20)\d{_X}|{_X}{{2,4}})年(?:{_X}{{1,2}}月(?:{_X}{{1,2}}日)?)?"
                rf"|(?<![A-Za-z\d]){_X}{{1,2}}月{_X}{{1,2}}日|(?<![A-Za-z\d])(?:19|20){_X}{{2}}(?![A-Za-z\d])"
            ),
            before=4,
            after=16,
        ),
    ),
    (
        "letters",
        Windowed(
            "XxＸｘ×",
            regex.compile(r"(?<![A-Za-z\d])(?:[XxＸｘ]{2,}|×(?:[ \u3000]?×)+)(?![A-Za-z\d])"),
            before=16,
            after=24,
        ),
    ),
    ("letters", Gated("＊*", regex.compile(r"(?<![A-Za-z\d])[＊*]{2,}(?![A-Za-z\d])"))),
    ("letters", Gated("□", regex.compile(r"□{2,}"))),
    ("letters", Gated("○〇", regex.compile(r"[○〇]{2,}(?=\p{Han})"))),
    ("mou", Gated("某", regex.compile(r"某(?:年某月(?:某日)?|某+)"))),
    ("empty", Gated("、", regex.compile(r"、(?:[、，,]|\s*、)+(?=\p{Han})"))),
    ("slot", Gated("〔", regex.compile(r"〔\s*〕"))),
)
# 〇〇 appears inside Chinese-numeral years (二〇〇五年): excluded by requiring a Han neighbour
# for ○/〇 and by skipping matches inside such a year.
_CHINESE_YEAR = regex.compile(
    r"[一二三四五六七八九〇零○]{2,}[〇○]{2}|[〇○]{2}[一二三四五六七八九〇零○]"
)
_CHINESE_CONTEXT = regex.compile(r"[\p{Han}\p{Ps}\p{Pe}\p{Pi}\p{Pf}，。、；：？！\n\r]")
_HAN = regex.compile(r"\p{Han}")

_KIND = {
    "date": Message("日期占位符“{text}”未填写。", "Unfilled date placeholder “{text}”."),
    "letters": Message("占位符“{text}”未替换。", "Unfilled placeholder “{text}”."),
    "mou": Message("占位符“{text}”未替换。", "Unfilled placeholder “{text}”."),
    "empty": Message(
        "列举项是空的：“{text}”之间缺少内容。", "Empty list item: nothing between “{text}”."
    ),
    "slot": Message(
        "文号的年份是空的：“{text}”。", "The document number's year is empty: “{text}”."
    ),
}


@dataclass(frozen=True, slots=True)
class Placeholder:
    span: Span
    kind: str
    text: str


class Placeholders:
    """Every placeholder of the document, found once and shared (P101, P104)."""

    def __init__(self, items: list[Placeholder]) -> None:
        self.items = items

    @classmethod
    def from_document(cls, doc: Document) -> Placeholders:
        text = doc.text
        items: list[Placeholder] = []
        for kind, probe in _PROBES:
            for match in probe.finditer(text):
                start, end = match.start(), match.end()
                if not _plausible(text, kind, start, end) or any(
                    p.span.start < end and start < p.span.end for p in items
                ):
                    continue
                kind_found = "date" if match.group().startswith("某年") else kind
                items.append(Placeholder(Span(start, end), kind_found, match.group()))
        return cls(sorted(items, key=lambda p: p.span.start))


class TemplatePlaceholder(Rule):
    """模板中未替换的占位符：`XX`、`××`、`某某`、`＊＊`、`□□`、`X月X日`、`20XX年`、`202X年`、`某年某月`，
    空的列举项 `、、`，以及空的文号年份 `〔〕`。

    范文网站和公文模板用这些记号标出应由使用者填写的位置；留在成稿里说明文档没有编辑完。
    单个“某”（某地、某企业）是正常的泛指，不报；汉字年份中的“〇〇”不报；拉丁词中的 X（XXL）不报；
    公文附件表格中的下划线是留给收文单位填写的，不报。
    """

    code = "P101"
    name = "template.placeholder"
    category = Category.PLACEHOLDER
    severity = Severity.ERROR
    summary = Message("模板占位符未替换。", "A template placeholder was left in the text.")
    examples = Examples(
        bad=(
            "刚才，XX书记作了重要讲话。",
            "会议定于20XX年X月X日召开。",
            "要加快建设、、三个工业园区。",
            "重点推进某某工业园区建设。",
            Example("县政办发〔〕12号", note="empty year in a document number"),
        ),
        good=(
            "二〇〇五年是“十五”计划的最后一年。",
            "某企业负责人表示将加大投资。",
            "服装尺码包括XL和XXL两种。",
            "为群众提供“7×24小时”服务。",
        ),
    )
    basis = "模板残留（domain-rules §6.1）"

    def check(self, doc: Document) -> Iterator[Finding]:
        for item in doc.facts(Placeholders).items:
            yield self.report(item.span, _KIND[item.kind], text=item.text)


def _plausible(text: str, kind: str, start: int, end: int) -> bool:
    if kind == "letters":
        return not _inside_chinese_year(text, start, end) and _next_to_chinese(text, start, end)
    if kind == "empty":
        return bool(start and _HAN.match(text, start - 1))
    return True


def _next_to_chinese(text: str, start: int, end: int) -> bool:
    """Latin X's count only beside Chinese text, CJK punctuation or a line boundary."""
    before = text[start - 1] if start else "\n"
    after = text[end] if end < len(text) else "\n"
    return bool(_CHINESE_CONTEXT.match(before) or _CHINESE_CONTEXT.match(after))


def _inside_chinese_year(text: str, start: int, end: int) -> bool:
    window = text[max(0, start - 3) : end + 3]
    return bool(_CHINESE_YEAR.search(window))
