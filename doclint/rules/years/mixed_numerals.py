"""Y502: years written in both Chinese and Arabic numerals in one document."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from doclint.core import Category, Document, Examples, Finding, Message, Related, Rule
from doclint.core.lazyregex import lazy_regex
from doclint.rules.years.mentions import YearFacts, YearMention

# Where either form is the convention whatever the text uses: a date on a line of its own or in
# brackets after a title (成文日期, datelines), a title in 《》 or a named speech, and the long-range
# goals Party documents write in Chinese numerals (二〇三五年远景目标, 从二〇二〇年到二〇三五年).
_OWN_LINE = regex.compile(r"[\s（(—－-]*$")
_DATE_TO_LINE_END = lazy_regex(
    r"年(?:[0-9０-９一二三四五六七八九十]{1,2}月(?:[0-9０-９一二三四五六七八九十]{1,3}日)?)?[\s）)]*(?:\n|\r|$)")
_BRACKETED_DATE = lazy_regex(r"年[0-9０-９一二三四五六七八九十]{1,2}月[0-9０-９一二三四五六七八九十]{1,3}日"
                               r"(?:[，,]?[^）)\n]{0,6}[）)]|在)")
_NAME_AFTER = lazy_regex(r"年(?:新年贺词|新年献词|春节团拜会|[^。，；\n]{0,20}?上的(?:讲话|致辞|报告|发言))")
_LONG_RANGE_AFTER = lazy_regex(r"年(?:远景目标|前后|左右|基本实现|可持续发展议程)|年[到至](?:二〇三五|二〇五〇|2035|2050)")
_LONG_RANGE_YEARS = frozenset({2035, 2049, 2050})
# The goals Party documents set in Chinese numerals: 小康 by 2020, modernisation by 2035, 2049/50.
_PARTY_GOAL_YEARS = frozenset({2020, 2035, 2049, 2050})
_CHINESE_TARGET_BEFORE = lazy_regex(
    r"(?<!截)[到至]二[〇○零Ｏ][二三四五][〇○零Ｏ五九]年[^。！？；\n]*$")
# A full date that closes a notice or opens a page's metadata, in text whose line breaks were
# lost: …请认真贯彻执行。　　二〇〇四年四月三十日　　公开程序…, 部长万钢二ＯＯ八年一月二十五日关于….
# A date that goes on as part of a sentence is followed by a comma, 至, 起, 前 or 的.
_FULL_DATE_AFTER = lazy_regex(
    r"年\s?[0-9０-９一二三四五六七八九十]{1,2}\s?月\s?[0-9０-９一二三四五六七八九十]{1,3}\s?日"
    r"(?![，,、；;的起前至到以后电讯]|[0-9０-９]|[上下]午|\s*[（(]?星期)")
# …and it follows the end of a sentence, a space or a signature (部长万钢, 省政府办公厅), not a
# preposition of a sentence that goes on (会议于二〇一九年三月五日召开).
_SIGNATURE_BEFORE = lazy_regex(
    r"(?:^|[。！？!?；;：:\s\u3000])(?:\p{Han}{0,15}(?<![于在自从至到是为和与及的了止即由经]))?$")
_SIGNATURE_REACH = 18
# Bibliographic notes: 人民出版社1993年版, 人民出版社2006年8月第1版.
_PUBLICATION_AFTER = lazy_regex(r"年(?:[0-9０-９]{1,2}月)?(?:第[0-9０-９一二三四五六七八九十]+)?版")
_MAX_RELATED = 10
_LINE_LOOKBACK = 20


class MixedYearNumerals(Rule):
    """同一文档的年份混用汉字数字和阿拉伯数字。

    GB/T 15835—2011 §4.3“同类别同形式”：同一文档中的年份应统一写法（2024年 或 二〇二四年，
    不混用）。以出现次数多的写法为准，每篇文档报告一次，位置在少数写法的第一处，其余各处列为
    相关位置。只计正文叙述中的年份：夹在多数写法之外的页眉、版权声明等边缘文字不计；成文日期、
    落款日期和网页的发布日期（单独成行、括注，或在丢了换行的网页里前后不接句子的完整日期）、
    书名号内的标题、讲话的名称（在二〇二五年春节团拜会上的讲话）、注释中的出版年份（人民出版社
    1993年版）、“二〇三五年远景目标”“到二〇二〇年”这类惯用汉字书写的目标年份都不计。
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
    before = text[max(0, mention.start - 3):mention.start]
    if before.endswith(("（", "(", "——")) and _BRACKETED_DATE.match(text, nian):
        return True
    if before.endswith("出版社") or _PUBLICATION_AFTER.match(text, nian):
        return True
    if _FULL_DATE_AFTER.match(text, nian) and _SIGNATURE_BEFORE.search(
            text, max(0, mention.start - _SIGNATURE_REACH), mention.start):
        return True
    if mention.chinese and ((mention.value in _PARTY_GOAL_YEARS and before.endswith(("到", "至"))
                             and not before.endswith("截至"))
                            or _CHINESE_TARGET_BEFORE.search(
                                text, max(0, mention.start - _LINE_LOOKBACK * 3), mention.start)):
        # Party documents write their targets so, and the bases of those targets:
        # 到二〇二〇年全面建成小康社会, 到二〇二〇年…比二〇一〇年翻一番.
        return True
    if _NAME_AFTER.match(text, nian) or _LONG_RANGE_AFTER.match(text, nian):
        return True
    if mention.chinese and mention.value in _LONG_RANGE_YEARS:
        return True
    opened = text.rfind("《", max(0, mention.start - 60), mention.start)
    return opened != -1 and text.find("》", opened, mention.start) == -1
