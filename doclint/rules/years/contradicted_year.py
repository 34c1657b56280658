"""Y201: a year its own sentence contradicts (2024年是“十五”计划的收官之年)."""

from __future__ import annotations

from collections.abc import Iterator

from doclint.core import (
    Category,
    Document,
    Examples,
    Finding,
    Message,
    Related,
    Rule,
    Severity,
)
from doclint.core.lazyregex import lazy_regex
from doclint.rules.years.context import Subject, subject_before, year_reference
from doclint.rules.years.eras import PIN, EraFacts, MarkerHit
from doclint.rules.years.stale_marker import out_of_period

_COPULA = lazy_regex(r"[，,]?\s?(?:也|正|就|将)?(?:是|为|作为|恰逢|正值|适逢)")


class YearContradictedByWording(Rule):
    """句中年份与同句的表述矛盾。

    有些说法本身就确定了年份：“‘十五’计划的收官之年”只能是2005年，“全面贯彻落实党的
    十七大精神的第一年”只能是2008年，“改革开放30周年”是2008年，“迎接党的二十大胜利
    召开”是2021—2022年。句中说的是另一个年份（“2024年是……”“今年是……”而文档年份为
    2024年），说明年份被改写或文本张冠李戴。“今年”“明年”“去年”按文档年份换算，消息中
    写明文档年份的来源；汇编中的每篇讲话、每条带电头（“新华社北京3月8日电”）或日期行的新闻
    各按自己的年份计，不借用别篇的年份。年份与表述之间不是“是/为”的判断关系时（“2024年要为
    ‘十四五’收官之年打好基础”），允许相差一年。“今年是……之年”这类说当年的表述由Y203
    （稳定规则）报告时，本规则不再重复。
    """

    code = "Y201"
    name = "year.contradicted-by-wording"
    category = Category.ANACHRONISM
    severity = Severity.ERROR
    summary = Message("句中年份与其表述矛盾。", "A year contradicts the wording of its own sentence.")
    message = Message(
        "“{subject}”与同句表述矛盾：“{wording}”{only_zh}，不是{year_zh}{reference_zh}。",
        "“{subject}” contradicts its own sentence: “{wording}” {only_en}, not {year_en}{reference_en}.",
    )
    examples = Examples(
        bad=("2021年是“十五”计划的收官之年。", "2021年，是全面贯彻落实党的十七大精神的第一年。",
             "2021年，全国将隆重庆祝改革开放30周年。"),
        good=("2005年是“十五”计划的收官之年。", "2008年是全面贯彻落实党的十七大精神的第一年。",
              "2018年，全国隆重庆祝改革开放40周年。"),
    )
    basis = "年份与时代标志矛盾（domain-rules §4, §5 DATA-YEAR-SELF）"
    group_after = 20

    def check(self, doc: Document) -> Iterator[Finding]:
        reported = {hit.span for hit, *_ in out_of_period(doc)}
        for hit, subject in contradictions(doc):
            if hit.span in reported:
                continue  # 今年是“十五”计划的收官之年: wording about the present, Y203 reports it
            only_zh, only_en = only_years(hit)
            related = [Related(hit.span, Message("确定年份的表述", "the wording that fixes the year"))]
            reference_zh = reference_en = ""
            if subject.source is not None:
                reference, source_related = year_reference(subject.source)
                reference_zh = f"（“{subject.text}”按{reference.zh}计）"
                reference_en = f" (“{subject.text}” read with {reference.en})"
                related.extend(source_related)
            yield self.report(subject.span, subject=subject.text, wording=doc.slice(hit.span),
                              only_zh=only_zh, only_en=only_en, year_zh=_shown(subject)[0],
                              year_en=_shown(subject)[1],
                              reference_zh=reference_zh, reference_en=reference_en,
                              related=related)


def contradictions(doc: Document) -> Iterator[tuple[MarkerHit, Subject]]:
    """Pins whose own subject year (2024年是…, 今年是…) is not a year they allow."""
    seen: set[tuple[int, str]] = set()
    text = doc.text
    for hit in doc.facts(EraFacts).hits:
        if hit.how != PIN or hit.first is None or hit.last is None:
            continue
        subject = subject_before(doc, hit.sentence, hit.span.start)
        if subject is None:
            continue
        # “2024年是…之年” names the year itself; “2024年要为…收官之年打好基础” may look one
        # year ahead or back.
        slack = 0 if _COPULA.match(text, subject.span.end) else 1
        high = subject.high
        if subject.low <= hit.last + slack and (high is None or hit.first - slack <= high):
            continue
        key = (subject.span.start, hit.marker.id)  # two pins of one marker, one subject: once
        if key not in seen:
            seen.add(key)
            yield hit, subject


def _shown(subject: Subject) -> tuple[str, str]:
    if subject.low == subject.high:
        return f"{subject.low}年", str(subject.low)
    if subject.high is None:
        return f"不早于{subject.low}年的年份", f"{subject.low} or later"
    if subject.high == subject.low + 1:
        return f"{subject.low}或{subject.high}年", f"{subject.low} or {subject.high}"
    return f"{subject.low}—{subject.high}年", f"{subject.low}–{subject.high}"


def only_years(hit: MarkerHit) -> tuple[str, str]:
    assert hit.first is not None and hit.last is not None and hit.pin is not None
    base = hit.first - hit.n if hit.n is not None else None
    if base is not None:
        return (f"是{hit.first}年（{base}+{hit.n}）", f"falls in {hit.first} ({base}+{hit.n})")
    if hit.first == hit.last:
        return f"只能是{hit.first}年", f"can only be {hit.first}"
    return f"只能是{hit.first}—{hit.last}年", f"can only be {hit.first}–{hit.last}"
