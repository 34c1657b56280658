"""Y501: a two-digit year (08年, 12年底) where GB/T 15835 asks for all four digits."""

from __future__ import annotations

from collections.abc import Iterator

from doclint.core import Category, Document, Examples, Finding, Message, Rule
from doclint.core.candidates import LinePattern
from doclint.core.diagnostic import SUGGESTION
from doclint.core.lazyregex import lazy_regex
from doclint.rules.years.docyear import DocumentYears
from doclint.rules.years.mentions import AbbreviatedYear as Short
from doclint.rules.years.mentions import YearFacts

# 22年10月16日, 15年8月: two digits and 年 before a month are a date (a duration of months
# says 个月: 工作12年3个月). Not after a digit (Arabic or Chinese: 二〇19年 is SZ007's), a decimal
# point, a letter, 第/每/近/约/前/后, nor as the end of a range or list (2015-16年, 2015年至16年).
# Searched only in the lines holding 年 or 月 where those are rare (doclint.core.candidates).
_BEFORE_MONTH = LinePattern(lazy_regex(
    r"(?<![0-9０-９.．A-Za-z〔\[第每近约前后这那〕/〇○零Ｏ一二三四五六七八九十])"
    r"(?<![0-9０-９][\-－—–~～〜至到、和及与]|[0-9０-９]年[\-－—–~～〜至到、和及与])([0-9０-９]{2})年"
    r"(?=(?:1[0-2]|0?[1-9]|１[０-２]|０?[１-９])月)"))


class AbbreviatedYear(Rule):
    """年份简写为两位数字。

    GB/T 15835—2011 §5.1.4：年份不能简写，“1990年”不写为“90年”。以0开头的两位数字
    加“年”（08年）一定是年份；其余两位数字只有后接“底”“末”“初”“度”“上半年”“下半年”
    时才算年份（12年底），后接月份时（22年10月16日）也是年份；“工作12年”“12年3个月”这类
    时长不报。“80年代”不报。修复按文档年份补全世纪，
    需人工确认。
    """

    code = "Y501"
    name = "year.abbreviated"
    category = Category.NUMBER_FORMAT
    summary = Message("年份简写为两位数。", "A year is written with two digits.")
    message = Message("年份不应简写：“{text}”应写全为“{full}年”。",
                      "Write the year in full: “{text}” should be “{full}年”.")
    fixable = True
    examples = Examples(
        bad=("截至08年8月，全县共完成投资3亿元。", "12年底前全面完成。", "本办法自16年1月1日起施行。"),
        good=("截至2008年8月，全县共完成投资3亿元。", "他在基层工作12年。", "20世纪80年代以来。",
              "他在基层工作12年3个月。"),
    )
    basis = "GB/T 15835—2011 §5.1.4"
    group_after = 20  # one cause (a rewritten year, a scraped page) is one finding

    def check(self, doc: Document) -> Iterator[Finding]:
        years = doc.facts(DocumentYears)
        for short in _shorts(doc):
            source = years.at(short.start)
            full = _complete(int(short.digits), source.year if source else None)
            span = short.span
            fix = self.replace(span, f"{full}年", Message(f"改为“{full}年”", f"Write “{full}年”"),
                               SUGGESTION)
            yield self.report(span, text=doc.slice(span), full=full, fix=fix)


def _shorts(doc: Document) -> list[Short]:
    """Two-digit years: those the year facts know (08年, 12年底) and those before a month."""
    known = doc.facts(YearFacts).abbreviated
    starts = {short.start for short in known}
    dated = [Short(m.start(), m.end(), m.group(1)) for m in _BEFORE_MONTH.finditer(doc)
             if m.start() not in starts]
    return sorted([*known, *dated])


def _complete(two_digits: int, document_year: int | None) -> int:
    """The four-digit year nearest below the document year (or this century without one)."""
    if document_year is None:
        return 2000 + two_digits if two_digits <= 49 else 1900 + two_digits
    century = document_year // 100 * 100
    year = century + two_digits
    return year - 100 if year > document_year + 1 else year
