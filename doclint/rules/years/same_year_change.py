"""Y102: the same year at both ends of a change, a span or a comparison."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from doclint.core import (
    Category,
    Document,
    Examples,
    Finding,
    Message,
    Related,
    Rule,
    Severity,
    Span,
)
from doclint.core.lazyregex import lazy_regex
from doclint.rules.structure import lines
from doclint.rules.years.context import subject_before
from doclint.rules.years.eras import sentence_around
from doclint.rules.years.mentions import YearFacts, YearMention
from doclint.rules.years.year_roles import review_and_plan_of_one_year

# The qualifier after 年 decides whether one year can be both ends: 由2024年初…到2024年底 is a
# change within the year and fine (so is 自2025年5月21日至2025年5月28日, days of one month);
# 由2024年的…到2024年的… is not.
_QUALIFIER = lazy_regex(r"(?:初|底|末|上半年|下半年|[一二三四]季度|前三季度|[0-9０-９]{1,2}月(?:[0-9０-９]{1,2}[日号])?"
                        r"|[一二三四五六七八九十]{1,2}月(?:[一二三四五六七八九十]{1,3}[日号])?)")
_CHANGE_VERB = lazy_regex(
    r"(?:增加|提高|增长|上升|扩大|下降|减少|降低|缩小|发展|调整|跃升|攀升|提升|突破|回落|达|升|降|增)?(?:到|至)\s?$")
_COMPARISON_WORD = lazy_regex(r"年(?:同期)?(?:相比|增长|下降|提高|减少|增加|上升|降低|激增|提升|回落|多|少|翻)")
_MAX_GAP = 80
# A part of a year named by a few characters, then the change (比2024年春运期间增长): the same
# part of the same year cannot be its own base. Not a month or a quarter (_QUALIFIER's), whose
# equal ends are Y102's within-year changes when they differ.
_PART_COMPARED = lazy_regex(
    r"(?P<part>(?:\p{Han}){2,6}?(?:期间|假期|黄金周|小长假|档期|假日))(?:相比)?[，,]?\s?"
    r"(?:增长|下降|提高|减少|增加|上升|降低|提升|回落|多|少)")
# A year that is itself a base of comparison ("是2011年的1.6倍", "相当于2015年的水平"): no year
# the sentence describes, so a comparison with it after it is another comparison with one base.
# A PDF conversion may set its figures off with spaces ("是 2011 年的 1.42 倍").
_BASE_AFTER = lazy_regex(
    r"(?:底|末)?的[ \t\u3000]*(?:[0-9０-９.．]+|[一二两三四五六七八九十百]+(?:点[〇零一二三四五六七八九]+)?)"
    r"[ \t\u3000]*倍"
    r"|(?:底|末)?的?(?:水平|同期)"
)
# A target or end point as the year described: 到2020年…比2020年翻一番, 截至2023年底…比2023年增长.
_END_POINT = lazy_regex(r"(?:到|截至|截止到?)\s?$")
_END_QUALIFIER = lazy_regex(r"年(?:底|末)?(?!初|上半年|下半年|[一二三四]季度|前三季度|[0-9０-９]{1,2}月)")
_ADJACENT = frozenset({"", "，", ",", "、", "；"})
# Two bases of one year giving two different changes, one right after the other: 比2023年增长53.5%，比2023年增长18.9%.
# NOTE: anchored on 年 (比 and the year sit in a look-behind): the engine skips from one 年 to the
# next, three times faster than trying every 比 and 较. A match starts at 年: 比 is at start("y") - 1.
_BASE_CHANGE = lazy_regex(
    r"(?<=(?:比|较)(?P<y>(?:19|20)[0-9]{2}))年(?P<q>[^，。；！？\n0-9]{0,10}?)(?:同比)?"
    r"(?:增长|下降|提高|减少|增加|上升|降低|提升|激增|回落)(?P<n>[0-9]+(?:\.[0-9]+)?)(?:%|％|个百分点|倍)?")

@dataclass(frozen=True, slots=True)
class _Pair:
    span: Span
    shown: str
    first: YearMention
    second: YearMention


class SameYearChange(Rule):
    """同一变化、区间或比较的起止年份相同。

    “由2024年的7473万元增加到2024年的9722万元”“从2024年到2024年”“2024年至2024年”
    “2024—2024年”，以及在讲2024年（或以2024年为目标、截至2024年底）的句子里“比2024年增长”，
    以及“2024年国庆假期，…比2024年国庆假期增长”（同一时段与自身比较），都要求两端是不同的年份；同一句里“比2023年增长53.5%，比2023年增长18.9%”说明两个基期
    本是不同的年份；“2025年工作总结及2025年工作计划”“2022年工作情况暨2022年工作要点”里，计划的
    年份应在总结的年份之后（“下半年工作计划”不算）。
    同一年内的变化（由2024年初…到2024年底、由2024年3月…到2024年12月、自2025年5月21日至2025年5月28日）不报；简历里以起止年份开头的
    条目（“2002－2002年 某区委书记”，当年内任职）也不报。
    """

    code = "Y102"
    name = "year.same-year-change"
    category = Category.YEAR_CONTRADICTION
    severity = Severity.ERROR
    summary = Message("同一变化的起止年份相同。", "A change starts and ends in the same year.")
    message = Message("同一变化的起止年份相同：{shown}", "A change starts and ends in the same year: {shown}")
    range_message = Message("年份区间的起止年份相同：“{shown}”", "A span of years starts and ends in the same year: “{shown}”")
    plan_message = Message(
        "总结的年份与计划的年份相同：“{shown}”",
        "The year reviewed is the year planned: “{shown}”",
    )
    bases_message = Message(
        "同一基期年份给出两个不同的变化：{shown}",
        "One base year gives two different changes: {shown}",
    )
    comparison_message = Message(
        "比较的基期与所述年份相同：{shown}",
        "A comparison uses the year it describes as its own base: {shown}",
    )
    examples = Examples(
        bad=("财政收入由2021年的7400万元增加到2021年的9700万元。", "2021—2021年累计完成投资19亿元。",
             "2021年，全县地区生产总值达到20亿元，比2021年增长8%。"),
        good=("财政收入由2016年的7400万元增加到2021年的9700万元。",
              "贷款余额由2021年初的12亿元增加到2021年末的15亿元。",
              "2021年，全县地区生产总值达到20亿元，比2020年增长8%。"),
    )
    basis = "年份自相矛盾（domain-rules §5 DATA-YEAR-SELF）"
    group_after = 20  # one cause (a rewritten year, a scraped page) is one finding

    def check(self, doc: Document) -> Iterator[Finding]:
        templates = {"range": self.range_message, "change": self.message,
                     "comparison": self.comparison_message, "bases": self.bases_message,
                     "plan": self.plan_message}
        for case in same_year_cases(doc):
            yield self.report(case.span, templates[case.kind], shown=case.shown,
                              related=case.related)


def _heads_resume_entry(text: str, start: int) -> bool:
    """The span dates an entry of a résumé (``2002－2002年 某区委书记``): a post held within
    that year, which such lists write as a span like the entries around it."""
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip() and lines.resume_date_at(text, start) is not None


@dataclass(frozen=True, slots=True)
class SameYearCase:
    kind: str  # range | change | comparison | bases | plan
    span: Span
    shown: str
    related: tuple[Related, ...] = ()


def same_year_cases(doc: Document) -> Iterator[SameYearCase]:
    """Every range, change and comparison whose two ends are the same year."""
    text = doc.text
    facts = doc.facts(YearFacts)
    for group in facts.groups:
        if group.is_range and group.items[0].value == group.items[1].value \
                and not _heads_resume_entry(text, group.start):
            yield SameYearCase("range", group.span, text[group.start:group.end])
    mentions = facts.mentions
    for index, first in enumerate(mentions):
        before = text[max(0, first.start - 2):first.start].rstrip()
        if not before:
            continue
        if before[-1] in "由从自":
            pair = _change(text, first, mentions[index + 1:index + 4])
            if pair is not None and not _same_group_range(pair):
                yield SameYearCase("change", pair.span, pair.shown, _ends(pair))
        elif before[-1] in "比较同与" and _COMPARISON_WORD.match(text, first.end - 1):
            if not _named_before(facts, first):
                continue  # neither a subject nor a target of the base's year to compare
            case = _comparison(doc, first) or _comparison_with_target(doc, first)
            if case is not None:
                yield case
        elif before[-1] in "比较":
            case = _same_part(doc, first)
            if case is not None:
                yield case
    yield from _two_bases(text)
    yield from _review_and_plan(text)


def _named_before(facts: YearFacts, base: YearMention) -> bool:
    """Whether a mention of the base's year ends before it within ``_MAX_GAP``: the subject
    (``_comparison``) and the target (``_comparison_with_target``) compared with the base are
    such mentions."""
    return any(m.value == base.value and m.end < base.start
               for m in facts.between(base.start - 1 - _MAX_GAP, base.start))


def _comparison(doc: Document, base: YearMention) -> SameYearCase | None:
    sentence = sentence_around(doc.text, base.start, base.end)
    subject = subject_before(doc, sentence, base.start - 1, gap=_MAX_GAP)
    if subject is None or subject.source is not None or subject.year != base.value:
        return None
    text = doc.text
    if _BASE_AFTER.match(text, subject.span.end):
        return None
    end = min(base.end + 2, sentence.end)
    shown = f"{subject.text}…{text[base.start - 1:end]}"
    related = (Related(subject.span, Message("所述年份", "the year described")),)
    return SameYearCase("comparison", Span(base.start - 1, base.end), shown, related)


def _same_part(doc: Document, base: YearMention) -> SameYearCase | None:
    """2024年春运期间，…比2024年春运期间增长44.5%: a part of a year compared with that very part."""
    text = doc.text
    part = _PART_COMPARED.match(text, base.end)
    if part is None:
        return None
    sentence = sentence_around(text, base.start, base.end)
    facts = doc.facts(YearFacts)
    for described in facts.between(max(sentence.start, base.start - _MAX_GAP), base.start):
        if described.end < base.start and described.value == base.value \
                and text.startswith(part.group("part"), described.end):
            shown = f"{text[described.start:described.end]}{part.group('part')}…{text[base.start - 1:part.end('part')]}"
            related = (Related(described.span, Message("所述年份", "the year described")),)
            return SameYearCase("comparison", Span(base.start - 1, base.end), shown, related)
    return None


def _comparison_with_target(doc: Document, base: YearMention) -> SameYearCase | None:
    """到2020年…比2020年翻一番: the target year compared with itself."""
    text = doc.text
    sentence = sentence_around(text, base.start, base.end)
    facts = doc.facts(YearFacts)
    before = [m for m in facts.between(max(sentence.start, base.start - _MAX_GAP), base.start)
              if m.end < base.start]
    if not before:
        return None
    target = before[-1]
    if _BASE_AFTER.match(text, target.end):
        return None  # 恢复到2019年的水平: a level reached, not a target year
    if target.value != base.value or target.group != -1 \
            or not _END_POINT.search(text, max(0, target.start - 3), target.start) \
            or not _END_QUALIFIER.match(text, target.end - 1):
        return None
    shown = f"{text[target.start:target.end]}…{text[base.start - 1:min(base.end + 2, sentence.end)]}"
    related = (Related(target.span, Message("所述年份", "the year described")),)
    return SameYearCase("comparison", Span(base.start - 1, base.end), shown, related)


def _two_bases(text: str) -> Iterator[SameYearCase]:
    """比2023年增长53.5%，比2023年增长18.9%: one base, two different changes."""
    previous: regex.Match[str] | None = None
    for match in _BASE_CHANGE.finditer(text):
        start = match.start("y") - 1
        if previous is not None and previous.group("y") == match.group("y") \
                and previous.group("q") == match.group("q") \
                and previous.group("n") != match.group("n") \
                and text[previous.end():start] in _ADJACENT:
            previous_start = previous.start("y") - 1
            shown = f"{text[previous_start:previous.end()]}…{text[start:match.end()]}"
            related = (Related(Span(previous_start, previous.end()),
                               Message("同一基期的另一比较", "another comparison with that base")),)
            yield SameYearCase("bases", Span(start, match.start("q")), shown, related)
        previous = match


def _review_and_plan(text: str) -> Iterator[SameYearCase]:
    """2025年工作总结及2025年工作计划: the plan for the year reviewed."""
    for match in review_and_plan_of_one_year(text):
        related = (Related(Span(*match.span("y")), Message("总结的年份", "year reviewed")),)
        yield SameYearCase("plan", Span(match.start("y2"), match.end("y2") + 1), match.group(),
                           related)


def _change(text: str, first: YearMention, following: list[YearMention]) -> _Pair | None:
    for second in following:
        if second.start - first.end > _MAX_GAP or _crosses_sentence(text, first.end, second.start):
            return None
        verb = _CHANGE_VERB.search(text, max(first.end, second.start - 4), second.start)
        if verb is None:
            continue
        if second.value != first.value or _qualifier(text, first) != _qualifier(text, second):
            return None
        start = first.start - 1
        shown = f"{text[start:first.end]}…{text[verb.start():second.end]}"
        return _Pair(Span(start, second.end), shown, first, second)
    return None


def _qualifier(text: str, mention: YearMention) -> str:
    match = _QUALIFIER.match(text, mention.end)
    return match.group() if match else ""


def _crosses_sentence(text: str, start: int, end: int) -> bool:
    return any(char in "。！？；\n\r" for char in text[start:end])


def _same_group_range(pair: _Pair) -> bool:
    """从2024年至2024年 is a range already reported as such."""
    return pair.first.group != -1 and pair.first.group == pair.second.group


def _ends(pair: _Pair) -> tuple[Related, ...]:
    return (Related(pair.first.span, Message("起始年份", "start year")),
            Related(pair.second.span, Message("终止年份", "end year")))
