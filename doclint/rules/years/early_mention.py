"""Y202: an era marker mentioned before it could have existed (“十四五” in a 2015 text)."""

from __future__ import annotations

from collections.abc import Iterator

from doclint.core import Category, Document, Examples, Finding, Message, Rule, Severity
from doclint.rules.years.era_check import first_per_sentence, reference_for
from doclint.rules.years.eras import MENTION, EraFacts


class MarkerBeforeItsTime(Rule):
    """文中出现了在文档年份时尚不存在的时代标志。

    五年规划、党代会和全会、“新质生产力”“中国式现代化”之类的提法、机构名称都有最早可能
    出现的年份（例如“十四五”最早在2018年前后开始研究，“国家市场监督管理总局”2018年组建）。
    文档年份早于这个年份，说明文档年份有误或文本是后来改写的。任何提法都算，回顾性的也算：
    2015年的文本不可能回顾“十四五”。标志及其年份见 `doclint/rules/years/data/era_markers.yaml`，
    可在配置 `era_markers` 中追加。年份仅由正文推断时，文中出现的最晚年份也须早于该年份才报告。
    """

    code = "Y202"
    name = "era.marker-before-its-time"
    category = Category.ANACHRONISM
    severity = Severity.ERROR
    summary = Message("时代标志早于其可能出现的年份。", "An era marker appears before it could exist.")
    message = Message(
        "“{wording}”：{label}最早在{earliest}年才可能出现，而{reference_zh}更早。",
        "“{wording}”: {label} cannot appear before {earliest}, but {reference_en} is earlier.",
    )
    examples = Examples(
        bad=("二〇一五年一月十日\n要认真编制“十四五”规划。",),
        good=("二〇二〇年一月十日\n要认真编制“十四五”规划。", "要认真编制“十四五”规划。"),
    )
    basis = "时代标志（domain-rules §4，era-markers earliest_mention）"

    def check(self, doc: Document) -> Iterator[Finding]:
        hits = [h for h in doc.facts(EraFacts).hits if h.how == MENTION]
        for hit in first_per_sentence(hits):
            earliest = hit.marker.earliest_mention
            reference = reference_for(doc, hit, sentence=False)
            if earliest is None or reference is None:
                continue
            if not all(year < earliest for year in reference.years):
                continue
            yield self.report(hit.span, wording=doc.slice(hit.span), label=hit.marker.label,
                              earliest=earliest, reference_zh=reference.message.zh,
                              reference_en=reference.message.en, related=reference.related)
