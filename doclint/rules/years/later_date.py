"""Y403: a past event dated after the document itself."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from doclint.core import Category, Document, Examples, Finding, Message, Related, Rule
from doclint.core.lazyregex import lazy_regex
from doclint.rules.years.dates import DateFacts, DateMention
from doclint.rules.years.docyear import DocumentYears, YearSource
from doclint.rules.years.mentions import YearFacts
from doclint.rules.years.textyear import lived

# The date names something that already happened: 3月23日，旗委常委会听取了…; 5月10日召开的….
_PAST_EVENT = lazy_regex(
    r"[，,\s]?(?:[^。；，\n]{0,14}?)(?:召开的|召开了|举行的|举行了|主持召开了?|听取了|审议通过了?|"
    r"印发了|出台了|发布了|作出了|胜利闭幕|隆重召开)")
_NOT_PAST = lazy_regex(r"(?:前|之前|以前|起|开始|至|到|—|－|-)")
_PLAN_BEFORE = lazy_regex(r"(?:将|拟|计划|预计|定于|准备|要|于)\s?$")
# A review of the year before the document: 过去一年, 一年来.
_LAST_YEAR = lazy_regex(r"过去(?:的)?一年|一年来")


class DateAfterDocument(Rule):
    """文中已经发生的事件，日期却晚于文档本身的日期。

    讲话稿的日期行写“（2024年4月24日）”，正文却说“5月10日，旗委常委会专门听取了……”，
    说明日期行或正文日期有误（或文本拼接自不同年份）。只检查有完整日期（年月日）的日期行，
    只检查写成已发生的事件（召开的、听取了、审议通过……），不检查计划和期限（“定于”“前完成”）。
    不写年份的日期属于正文前面所叙述的年份（“2017年初……8月30日”“去年8月30日”“过去一年……
    8月30日”），只有叙述的就是文档当年时才与日期行比较：年初的年度报告回顾上一年，满篇都是
    这样的日期。正文中引用著作篇名后的括注日期（“…如下。《在…大会上的讲话》（2012年12月4日）
    文中指出”）是那篇著作的日期，不是日期行；列出多篇带日期著作的目录、书籍介绍没有单一日期行，
    页面标题下单独一行的页面日期（“2025-11-16”）才是它的日期。
    """

    code = "Y403"
    name = "date.after-document"
    category = Category.DATE_INVALID
    summary = Message("已发生事件的日期晚于文档日期。", "A past event is dated after the document.")
    message = Message("“{text}”已经发生，却晚于文档日期{document}（来源：{source_zh}）。",
                      "“{text}” has already happened but is later than the document date {document} "
                      "(from {source_en}).")
    examples = Examples(
        bad=("在全县政法工作会议上的讲话\n（2024年4月24日）\n同志们：\n5月10日，县委常委会专门听取了政法工作汇报。",),
        good=("在全县政法工作会议上的讲话\n（2024年4月24日）\n同志们：\n3月23日，县委常委会专门听取了政法工作汇报。",
              "在全县政法工作会议上的讲话\n（2024年4月24日）\n同志们：\n要确保5月10日前完成整改。",
              "2017年工作报告\n（2018年1月20日）\n2017年初，市委作出部署。8月30日，市委召开了全市动员大会。"),
    )
    basis = "日期一致性"
    group_after = 20  # one cause (a rewritten year, a scraped page) is one finding

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        years = doc.facts(DocumentYears)
        for date in doc.facts(DateFacts).dates:
            if date.day is None:
                continue
            source = years.at(date.span.start)
            written = _document_date(doc, source)
            if written is None or source is None or source.span is None:
                continue
            if source.span.start <= date.span.start < source.span.end:
                continue
            when = _date_of(date, written.year)
            if when is None or when <= written or not _is_past_event(text, date):
                continue
            if date.year is None:  # it belongs to the year the narrative before it is about
                part = years.part_at(date.span.start)
                narrated = _narrated_year(doc, part.span.start, date.span.start, written.year)
                when = _date_of(date, narrated)
                if when is None or when <= written:
                    continue
            yield self.report(date.span, text=text[date.span.start:date.span.end],
                              document=f"{written.year}年{written.month}月{written.day}日",
                              source_zh=source.describe().zh, source_en=source.describe().en,
                              related=(Related(source.span, Message("文档日期", "document date")),))


def _document_date(doc: Document, source: YearSource | None) -> datetime.date | None:
    if source is None or source.source != "dateline" or source.span is None:
        return None
    for date in doc.facts(DateFacts).dates:
        if date.span.start == source.span.start and date.day is not None and date.year is not None:
            return _date_of(date, date.year)
    return None


def _date_of(date: DateMention, year: int) -> datetime.date | None:
    try:
        return datetime.date(date.year or year, date.month, date.day or 1)
    except ValueError:
        return None


def _narrated_year(doc: Document, start: int, offset: int, written: int) -> int:
    """The year the narrative before ``offset`` (from ``start``, its part) is about: the nearest
    year it names as lived (2017年初), the year a relative word means (去年), or the year before
    the document after a review of it (过去一年); the document's year when there is none."""
    text = doc.text
    facts = doc.facts(YearFacts)
    found: list[tuple[int, int]] = []
    mentions = [m for m in facts.between(start, offset) if m.end <= offset and lived(text, m)]
    if mentions:
        found.append((mentions[-1].start, mentions[-1].value))
    words = [w for w in facts.relative_between(start, offset) if w.end <= offset]
    if words:
        found.append((words[-1].start, written + words[-1].offset))
    reviews = list(_LAST_YEAR.finditer(text, start, offset))
    if reviews:
        found.append((reviews[-1].start(), written - 1))
    return max(found)[1] if found else written


def _is_past_event(text: str, date: DateMention) -> bool:
    end = date.span.end
    start = date.span.start
    if _NOT_PAST.match(text, end) or _PLAN_BEFORE.search(text, max(0, start - 4), start):
        return False
    return bool(_PAST_EVENT.match(text, end))
