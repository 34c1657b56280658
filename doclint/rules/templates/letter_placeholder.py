"""P102: a single letter standing in for a number, a name or an ordinal (X亿元, 第N届, ×书记)."""

from __future__ import annotations

from collections.abc import Iterator

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
from doclint.core.lazyregex import lazy_regex
from doclint.rules.templates.anonymised import Anonymisation
from doclint.rules.templates.model_text import ModelTexts
from doclint.rules.templates.placeholder import Placeholder, Placeholders, on_purpose

_UNIT = (
    r"(?:%|％|‰|个百分点|亿|万|千|百|元|个|项|家|人|名|届|次|条|号|期|批|座|所|户|套|台|吨|"
    r"公里|千米|米|平方|亩|公顷|倍|位|天|周|年|月|日|岁|辆|件|场|处|村|镇|乡)"
)
_TITLE = r"(?:书记|市长|县长|区长|旗长|镇长|乡长|主任|局长|部长|厅长|同志|省长|主席|委员)"
_PLACE = r"(?:省|市|县|区|旗|镇|乡|村|街道|局|委|办|厅|公司|集团|大学|学校|医院)"
# A lone letter: not part of a Latin word or a formula (1+X, 7×24, H1N1, “555X”).
_BEFORE = r"[A-Za-z\d+＋×*＊/.\-]"
_NOT_AFTER = r"(?![A-Za-z\d+＋×*＊])"
_X_FAMILY = "XxＸｘ"


def _letter_pattern(letter: str) -> regex.Pattern[str]:
    """The placeholders a given letter can stand in, led by the letter so the scan is fast."""
    lone = rf"(?<!{_BEFORE}{regex.escape(letter)}){_NOT_AFTER}"
    branches = [r"(?P<ordinal>(?<=第.)(?=届|次|个|批|期|条|章|款|项|号|年|季度|篇))"]
    if letter in _X_FAMILY:
        branches += [
            r"(?P<masked>(?<=[镇县市区乡].)(?=委))",
            rf"(?P<number>{lone}(?:\.[XxＸｘ])?{_NOT_AFTER}(?={_UNIT}))",
            rf"(?P<name>{lone}(?={_TITLE}))",
        ]
    if letter == "×":
        branches = [rf"(?P<name>(?<![^\p{{Han}}（(“：:，、\r\n]×)(?={_TITLE}|{_PLACE}))"]
    return lazy_regex(regex.escape(letter) + "(?:" + "|".join(branches) + ")")


_PATTERNS = {letter: _letter_pattern(letter) for letter in _X_FAMILY + "×Nn"}
_KIND = {
    "number": Message("数字占位符“{text}”未填写。", "Unfilled number placeholder “{text}”."),
    "ordinal": Message("序号占位符“{text}”未填写。", "Unfilled ordinal placeholder “{text}”."),
    "name": Message("名称占位符“{text}”未替换。", "Unfilled name placeholder “{text}”."),
    "masked": Message(
        "“{text}”遮蔽了一个字（常为“党”），未恢复。",
        "“{text}” masks a character (usually 党) that was never restored.",
    ),
}


class LetterPlaceholder(Rule):
    """单个字母代替数字、序数或名称的模板占位符：`X亿元`、`增长X.X%`、`第N届`、`X届X次全会`、
    `×书记`、`镇X委`。

    模板用单个 X/N 标出应填的数字或序号。只在字母后紧跟计量单位、序数词、职务或机构名时报告；
    公式和代号中的字母（`1+X证书`、`“2+N”`、`7×24小时`、`H1N1`、`X光`）不报，以数字计数的项目列成的、称作某种模式或机制的引语中的字母（`“1名联络员、1支志愿队、X个共建单位”的服务模式`）是可变的一项，也不报；规定格式的条文、
    模板或起草参考本身（示范文本、参考格式）和匿名化文档中遮蔽的姓名、数字也不报（见 P101）。
    """

    code = "P102"
    name = "template.letter-placeholder"
    category = Category.PLACEHOLDER
    severity = Severity.ERROR
    group_after = 10  # a page full of one defect is reported once, the rest related
    anchors = tuple(_PATTERNS)  # each pattern runs only where its letter occurs
    summary = Message("单个字母占位符未替换。", "A single-letter placeholder was left in the text.")
    examples = Examples(
        bad=(
            "地区生产总值突破X亿元，增长X.X%。",
            "认真贯彻市委第N届X次全会精神。",
            Example("经镇X委研究决定。", note="a masked character"),
        ),
        good=(
            "推进“1+X”证书制度试点。",
            "提供“7×24小时”服务，配备X光安检机。",
            "构建“1+10+N”基金集群。",
        ),
    )
    basis = "模板残留（domain-rules §6.1）"

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        matches = [
            m
            for letter, pattern in _PATTERNS.items()
            if letter in text
            for m in pattern.finditer(text)
        ]
        if not matches:
            return
        # "X月X日", "XX书记" and the like are P101's.
        taken = [p.span for p in doc.facts(Placeholders).items]
        model = doc.facts(ModelTexts)
        for match in sorted(matches, key=lambda m: m.start()):
            if any(s.start < match.end() and match.start() < s.end for s in taken):
                continue
            kind = match.lastgroup or "number"
            span = Span(match.start(), match.end())
            # A masked name or figure of an anonymised document, a slot of a prescribed form.
            if kind in ("name", "number") and doc.facts(Anonymisation).anonymised:
                continue
            if on_purpose(text, Placeholder(span, "letters", match.group())) or model.covers(
                span.start
            ):
                continue
            yield self.report(span, _KIND[kind], text=match.group())
