"""A105: nearly every document of the archive writes one and the same year (anonymised)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, ClassVar, NamedTuple

from doclint.core import (
    Category,
    Document,
    Examples,
    Finding,
    Message,
    Option,
    Related,
    Severity,
    Span,
)
from doclint.rules.archive.base import FamilyRule, in_path_order, percent
from doclint.rules.years.mentions import YearFacts

_MAX_RELATED = 5
# A document "writes one year" when this share of its year mentions takes one value.
_ONE_YEAR = 0.9


class YearProfile(NamedTuple):
    """A document's years in brief: its most frequent year, how often, and where first."""

    top: int
    top_count: int
    total: int
    first: tuple[int, int]  # span of the top year's first mention


class UniformArchiveYear(FamilyRule):
    """档案中几乎每篇文档都只写同一个年份：年份疑在匿名化或模板化时被统一替换。

    真实的讲话和报告会提到好几个年份：回顾的上一年、规划的目标年、对比的基期。一篇文档的
    年份几乎全是同一个值（不少于 90%）本身不一定有问题，但如果档案里大多数文档都这样，
    而且都是同一个年份（例如每篇都只写“2024年”），那就是整批文本的年份被统一替换了。本
    规则用 Y 族的年份提取（`YearFacts`），每篇只收集最常见的年份及其次数；年份不少于
    `min_mentions` 处的文档达到 `min_documents` 篇、其中至少 `share` 的文档都“只写”同一个
    年份时，对整个档案报告一次：报在路径排序最前的此类文档中该年份第一次出现处，相关位置
    列出其他几篇的例子。单篇文档的占位年份由 Y301 判断。默认开启：年份提取与 Y 族共用。
    """

    code = "A105"
    name = "archive.uniform-year"
    category = Category.YEAR_PLACEHOLDER
    severity = Severity.WARNING
    summary = Message("档案中几乎所有文档都只写同一个年份，疑被统一替换。",
                      "Nearly every document of the archive writes the same single year.")
    message = Message(
        "档案中{judged}篇年份较多的文档里，有{uniform}篇（{share}）的年份几乎全是{year}年"
        "（这些文档共{mentions}处年份，{year}年占{year_share}）：真实文档会提到多个年份，"
        "整批文本的年份疑在匿名化或模板化时被统一替换为{year}年。",
        "Of the {judged} documents with enough years, {uniform} ({share}) write almost only "
        "{year} ({year_share} of their {mentions} year mentions): real documents name several "
        "years, so the archive's years look replaced by {year} when it was anonymised or "
        "templated.",
    )
    options: ClassVar[Mapping[str, Option]] = {
        "min_mentions": Option(int, 5, "文档最少年份处数 / fewest year mentions for a document "
                                       "to be judged"),
        "min_documents": Option(int, 10, "最少文档数 / fewest judged documents for a verdict"),
        "share": Option(float, 0.8, "只写同一年份的文档比例 / share of documents writing only "
                                    "that year"),
    }
    examples = Examples(
        bad=("=== 甲.txt ===\n2024年，全县生产总值增长6%。"
             "2024年新建学校3所，2024年完成投资8亿元。\n"
             "=== 乙.txt ===\n2024年粮食总产再创新高，"
             "2024年新增就业2000人，2024年脱贫成果巩固。\n"
             "=== 丙.txt ===\n回顾2024年，财政收入突破10亿元；"
             "2024年招商引资成效明显，2024年民生支出占比达80%。\n",),
        good=("=== 甲.txt ===\n2023年，全县生产总值增长6%。"
              "2022年新建学校3所，2021年完成投资8亿元。\n"
              "=== 乙.txt ===\n2019年粮食总产再创新高，"
              "2020年新增就业2000人，到2025年脱贫成果巩固。\n"
              "=== 丙.txt ===\n回顾2024年，财政收入突破10亿元；"
              "2023年招商引资成效明显，2035年民生支出占比达80%。\n",),
    )
    basis = "匿名化/模板化造成的年份占位（domain-rules §6；issue 7）"
    example_options: ClassVar[Mapping[str, Any]] = {"min_documents": 3, "min_mentions": 3}

    def collect(self, doc: Document) -> YearProfile | None:
        mentions = doc.facts(YearFacts).mentions
        if len(mentions) < self.config["min_mentions"]:
            return None
        counts = Counter(m.value for m in mentions)
        top, top_count = max(counts.items(), key=lambda item: (item[1], -item[0]))
        first = next(m for m in mentions if m.value == top)
        return YearProfile(top, top_count, len(mentions), (first.start, first.end))

    def combine(self, facts: Iterable[tuple[str, Any]]) -> Iterator[tuple[str, Finding]]:
        judged = in_path_order(facts)
        if len(judged) < self.config["min_documents"]:
            return
        uniform = [(p, f) for p, f in judged if f.top_count >= _ONE_YEAR * f.total]
        if not uniform:
            return
        year, _ = Counter(f.top for _, f in uniform).most_common(1)[0]
        same = [(p, f) for p, f in uniform if f.top == year]
        if len(same) < self.config["share"] * len(judged):
            return
        (path, first), others = same[0], same[1:]
        note = Message(f"这篇文档的年份也几乎全是{year}年",
                       f"this document also writes almost only {year}")
        related = [Related(Span(*f.first), note, path=p) for p, f in others[:_MAX_RELATED]]
        mentions = sum(f.total for _, f in same)
        yield path, self.report(
            Span(*first.first), judged=len(judged), uniform=len(same),
            share=percent(len(same) / len(judged)), year=year, mentions=mentions,
            year_share=percent(sum(f.top_count for _, f in same) / mentions), related=related)
