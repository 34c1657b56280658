"""Y101: the same year listed twice (2024、2024、2024年连续三年)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from doclint.core import Category, Document, Examples, Finding, Message, Related, Rule, Severity
from doclint.core.lazyregex import lazy_regex
from doclint.rules.years.mentions import YearFacts, YearGroup, YearMention


class RepeatedYearInList(Rule):
    """年份并列中同一年份出现不止一次。

    “2022、2023、2024年连续三年”“2023年和2024年”这样的并列各项本应是不同的年份；
    “2024、2024、2024年”说明年份被改写或录入有误（匿名化文本常把所有年份替换成同一个值）。
    起止两端相同的区间（2024—2024年）由 Y102 报告。
    """

    code = "Y101"
    name = "year.repeated-in-list"
    category = Category.YEAR_CONTRADICTION
    severity = Severity.ERROR
    summary = Message("年份并列中出现相同年份。", "A list of years repeats the same year.")
    message = Message(
        "并列的年份重复：“{text}”中{year}年出现{count}次。",
        "The listed years repeat: {year} appears {count} times in “{text}”.",
    )
    examples = Examples(
        bad=("2021、2021、2021年连续三年遭受严重干旱。", "2022年和2022年先后落实了津贴标准。"),
        good=("2021、2022、2023年连续三年遭受严重干旱。", "2021—2025年是“十四五”时期。"),
    )
    basis = "年份自相矛盾（domain-rules §5 DATA-YEAR-SELF）"
    group_after = 20  # one cause (a rewritten year, a scraped page) is one finding

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        for group, year, count in repeated_lists(doc):
            repeats = [m for m in group.items if m.value == year][1:]
            related = [Related(m.span, Message("重复的年份", "repeated year")) for m in repeats]
            yield self.report(group.span, text=text[group.start:group.end], year=year,
                              count=count, related=related)


def repeated_lists(doc: Document) -> Iterator[tuple[YearGroup, int, int]]:
    """Lists of years in which one year appears more than once: (group, year, times)."""
    for group in doc.facts(YearFacts).groups:
        if group.is_list:
            year, count = Counter(m.value for m in group.items).most_common(1)[0]
            if count >= 2:
                yield group, year, count


# Parallel clauses of one sentence, each opened by its year (2015年减亏；2016年扭亏为盈；…): the
# clauses tell successive years; two opened by the same year say one thing twice. A month, a part
# of the year or a deadline after the year (2025年3月…；2025年5月…, 2025年底前…) is a date
# within the year, which parallel clauses may share.
_CLAUSE_OPENING = lazy_regex(r"(?:^|[。！？!?\n：:；;])[ \t\u3000“”\"]*$")
_CLAUSE_BREAK = lazy_regex(r"[；;][ \t\u3000“”\"]*$")
_WITHIN_YEAR = lazy_regex(r"\s?(?:度|[0-9０-９一二三四五六七八九十]{1,2}\s?月|底|末|初|上半年|下半年|前|以来|起|春|夏|秋|冬|第?[一二三四]季度)")
_SENTENCE_END = lazy_regex(r"[。！？!?\n]")


def parallel_clauses(doc: Document) -> Iterator[tuple[YearMention, YearMention]]:
    """Two clauses of one sentence, the second after a semicolon, opened by the same year."""
    text = doc.text
    opening: YearMention | None = None  # the year opening the current clause, if any
    for mention in doc.facts(YearFacts).mentions:
        if mention.group != -1 or _WITHIN_YEAR.match(text, mention.end):
            continue
        before = max(0, mention.start - 8)
        if opening is not None and _CLAUSE_BREAK.search(text, before, mention.start) \
                and not _SENTENCE_END.search(text, opening.end, mention.start):
            if opening.value == mention.value:
                yield opening, mention
            opening = mention
        elif _CLAUSE_OPENING.search(text, before, mention.start) or mention.start == 0:
            opening = mention
