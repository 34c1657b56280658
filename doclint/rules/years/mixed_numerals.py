"""Y502: years written in both Chinese and Arabic numerals in one document."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from doclint.core import Category, Document, Examples, Finding, Message, Related, Rule
from doclint.rules.years.mentions import YearFacts, YearMention

# Where either form is the convention whatever the text uses: a date on a line of its own or in
# brackets after a title (成文日期, datelines), a title in 《》 or a named speech, and the long-range
# goals Party documents write in Chinese numerals (二〇三五年远景目标, 从二〇二〇年到二〇三五年).
_OWN_LINE = regex.compile(r"[\s（(—－-]*$")
_DATE_TO_LINE_END = regex.compile(
    r"年(?:[0-9０-９一二三四五六七八九十]{1,2}月(?:[0-9０-９一二三四五六七八九十]{1,3}日)?)?[\s）)]*(?:\n|\r|$)")
_BRACKETED_DATE = regex.compile(r"年[0-9０-９一二三四五六七八九十]{1,2}月[0-9０-９一二三四五六七八九十]{1,3}日"
                               r"(?:[，,]?[^）)\n]{0,6}[）)]|在)")
_NAME_AFTER = regex.compile(r"年(?:新年贺词|新年献词|春节团拜会|[^。，；\n]{0,20}?上的(?:讲话|致辞|报告|发言))")
_LONG_RANGE_AFTER = regex.compile(r"年(?:远景目标|前后|左右|基本实现)|年[到至](?:二〇三五|二〇五〇|2035|2050)")
_LONG_RANGE_YEARS = frozenset({2035, 2049, 2050})
_MAX_RELATED = 10
_LINE_LOOKBACK = 20


class MixedYearNumerals(Rule):
    """同一文档的年份混用汉字数字和阿拉伯数字。

    GB/T 15835—2011 §4.3“同类别同形式”：同一文档中的年份应统一写法（2024年 或 二〇二四年，
    不混用）。以出现次数多的写法为准，每篇文档报告一次，位置在少数写法的第一处，其余各处列为
    相关位置。只计夹在多数写法之间的少数写法（页眉、版权声明等边缘文字不计）；单独成行或括注的日期（成文日期、讲话日期）、书名号内的标题、讲话的名称
    （在二〇二五年春节团拜会上的讲话）、“二〇三五年远景目标”这类惯用的远景目标写法不计。
    """

    code = "Y502"
    name = "year.mixed-numerals"
    category = Category.NUMBER_FORMAT
    summary = Message("年份混用汉字数字和阿拉伯数字。", "Years mix Chinese and Arabic numerals.")
    message = Message(
        "年份写法不统一：全文{majority_count}处用{majority}（如“{example}”），{minority_count}处用{minority}（此处“{text}”）。",
        "Inconsistent years: {majority_count} in {majority_en} (e.g. “{example}”), {minority_count} in "
        "{minority_en} (here “{text}”).",
    )
    examples = Examples(
        bad=("2023年全县粮食增产，二〇二四年继续增产，2025年力争再增产。",),
        good=("2023年全县粮食增产，2024年继续增产，2025年力争再增产。",
              "2023年全县粮食增产，2024年继续增产。\n二〇二四年三月一日",
              "到二〇三五年基本实现现代化，2024年要开好局、2025年要见成效。"),
    )
    basis = "GB/T 15835—2011 §4.3"

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        facts = doc.facts(YearFacts)
        if not facts.chinese or len(facts.chinese) == len(facts.mentions):
            return
        chinese = [m for m in facts.chinese if not _conventional(text, m)]
        arabic = [m for m in facts.mentions if not m.chinese and not _conventional(text, m)]
        if not chinese or not arabic:
            return
        forms = {True: ("汉字数字", "Chinese numerals"), False: ("阿拉伯数字", "Arabic numerals")}
        minority, majority = (chinese, arabic) if len(chinese) <= len(arabic) else (arabic, chinese)
        # Only years among the majority's count: a licence footer or a page header written in the
        # other form sits outside the text proper.
        minority = [m for m in minority if majority[0].start < m.start < majority[-1].start]
        if not minority:
            return
        first = minority[0]
        related = [Related(majority[0].span, Message("多数写法", "majority form"))]
        related += [Related(m.span, Message("少数写法", "minority form"))
                    for m in minority[1:_MAX_RELATED]]
        yield self.report(first.span, majority_count=len(majority),
                          majority=forms[majority[0].chinese][0],
                          majority_en=forms[majority[0].chinese][1],
                          example=doc.slice(majority[0].span), minority_count=len(minority),
                          minority=forms[first.chinese][0], minority_en=forms[first.chinese][1],
                          text=doc.slice(first.span), related=related)


def _conventional(text: str, mention: YearMention) -> bool:
    nian = mention.end - 1
    if text[nian] != "年":
        return False  # an item of a list or a range: judged with its last item
    if _DATE_TO_LINE_END.match(text, nian):
        low = max(0, mention.start - _LINE_LOOKBACK)
        line_start = max(text.rfind("\n", low, mention.start),
                         text.rfind("\r", low, mention.start)) + 1
        if (line_start or low == 0) and _OWN_LINE.match(text, line_start, mention.start):
            return True
    before = text[max(0, mention.start - 2):mention.start]
    if before.endswith(("（", "(", "——")) and _BRACKETED_DATE.match(text, nian):
        return True
    if _NAME_AFTER.match(text, nian) or _LONG_RANGE_AFTER.match(text, nian):
        return True
    if mention.chinese and mention.value in _LONG_RANGE_YEARS:
        return True
    opened = text.rfind("《", max(0, mention.start - 60), mention.start)
    return opened != -1 and text.find("》", opened, mention.start) == -1
