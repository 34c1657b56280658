"""Passages that look back on a stated earlier period, found once per document.

A speech or an article that reviews ten years narrates that stretch without a tense word in
every sentence: after ``十年来，……`` or under a heading ``一、过去五年工作回顾`` a sentence such as
``决战决胜脱贫攻坚，扶贫干部尽锐出战`` tells what happened then, not what is to be done now.

A passage opens with

* a paragraph whose first clause states the period: ``十年来``, ``这五年``, ``过去一年``, ``刚刚过去的2025年``,
  ``党的十八大以来``, ``进入新时代``, ``新时代的伟大成就``, ``改革开放以来`` (or looks back
  without naming one: ``回首来路``, ``这些年来``); or
* a heading that reviews one (``十年回顾``, ``一、过去五年的工作``, ``五年来的主要成就``).

A first clause that builds on a period (``在改革开放以来长期探索和实践基础上，……``) opens none,
nor does a look back paired with a look ahead (``回顾历史，展望未来，……``), which ends an open one.

It runs on through the paragraphs that follow, and stops at a paragraph whose first clause
turns to the present or the future (``今天的中国``, ``今年``, ``当前``, ``新征程上``, ``我们要``),
at a sentence of the opening paragraph that turns so (``……。到明年年底，……``, ``……。当前，……``),
at a heading of the opening heading's level or above (a paragraph opener: at an unnumbered or
first-level heading; a Markdown heading ranks by its ``#``, whatever its length), at the next
document of a compilation or the next item of a news transcript (its wire dateline:
``央视网消息（新闻联播）：``), or after ``_REACH`` characters.

Each passage reaches back over the period it states: the years it names (``五年来``: 5), the
year since which it looks back (``党的十八大以来``: 2012), or ``REVIEW_YEARS`` for a review
without a number.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from doclint.core.document import Document, Span
from doclint.core.lazyregex import lazy_re, lazy_regex
from doclint.core.memo import per_document
from doclint.rules.structure import lines
from doclint.rules.structure.compilation import Compilation
from doclint.rules.structure.model import Level
from doclint.rules.years import numerals
from doclint.rules.years.mentions import plan_years
from doclint.rules.years.paragraphs import Hits, ParagraphSpans, plain

REVIEW_YEARS = 10
_REACH = 12000
_FIRST_CLAUSE = 40
_HEADING_HAN = 30

# A count of years; digits whole (成立160年来 is no 60-year review, 2010年来 none at all).
_NUMBER = r"[一二两三四五六七八九十]{1,3}|(?<![0-9])[0-9]{1,3}(?![0-9])"
_CLAUSE_END = lazy_re(r"[，,：:。；;！!？?]")
_SENTENCE_END = lazy_re(r"[。！!？?；;]")
# More than ``_HEADING_HAN`` characters of the CJK Unified Ideographs block: too long a heading.
_MORE_HAN_THAN_A_HEADING = lazy_regex(
    rf"(?:[^\u4e00-\u9fff]*+[\u4e00-\u9fff]){{{_HEADING_HAN + 1}}}")
# A stretch of years counted back from the present.
STRETCH = lazy_re(
    rf"(?P<n>{_NUMBER})年来|过去(?:的)?(?P<n2>{_NUMBER})年|这(?P<n3>{_NUMBER})年"
    rf"|近(?P<n4>{_NUMBER})年来?|(?P<n5>{_NUMBER})年间|(?P<n6>{_NUMBER})年前"
    rf"|(?P<n7>{_NUMBER})年(?:的)?(?:风雨|奋斗|征程|历程|砥砺|接续奋斗)")
_STRETCH_GROUPS = ("n", "n2", "n3", "n4", "n5", "n6", "n7")
# Recent years without a number (近年来, 近几年来, 这几年, 过去几年) reach back a few years,
# ``RECENT_YEARS``; many (这些年, 多年来, 过去多年) reach as far as a review without a number.
RECENT_YEARS = 5
RECENT_STRETCH = lazy_re(r"近(?:几|些)?年来|这几年来?|过去(?:几|数)年")
_UNCOUNTED_STRETCH = lazy_re(r"这些年来?|多年来|过去多年")
# A period since a named turning point.
_CONGRESS_YEAR = {"十一": 1977, "十二": 1982, "十三": 1987, "十四": 1992, "十五": 1997,
                  "十六": 2002, "十七": 2007, "十八": 2012, "十九": 2017, "二十": 2022}
SINCE = lazy_regex(
    r"党的(?P<congress>十[一二三四五六七八九]|二十)大以来"
    r"|(?P<new_era>进入新时代|新时代(?:以来|十年|的(?:十年|伟大|非凡|历史性)?(?:成就|变革|成绩|答卷)))"
    r"|(?P<reform>改革开放以来)|(?P<prc>新中国成立以来|新中国成立\d{1,3}年来)")
# A review of one named year (2009年工作回顾, 回顾2009年, 2009年政府工作总结): it looks back on that
# year alone.
_REVIEWED_YEAR = lazy_regex(
    r"(?<![0-9])((?:19|20)\d{2})年(?:[^，,。；;\n]{0,6}?)(?:工作)?(?:回顾|总结)"
    r"|回顾(?:过去的)?((?:19|20)\d{2})年(?![0-9]|以来|来)"
    r"|(?:刚刚|刚)?过去的((?:19|20)\d{2})年(?![0-9]|以来|来)")  # 刚刚过去的2025年，…
# A review of one five-year plan (回顾“十三五”, “十三五”工作回顾): it looks back to the plan's start.
_PLAN_ORDINAL = r"“?(十[一二三四五]?|[六七八九])五”?"
_REVIEWED_PLAN = lazy_regex(
    rf"回顾(?:过去的)?{_PLAN_ORDINAL}|(?<![〇零一二三四五六七八九十百第]){_PLAN_ORDINAL.replace('(', '(?:', 0)}"
    r"(?:规划|计划)?(?:时期|期间)?(?:的)?(?:工作)?(?:回顾|总结)")
_SINCE_YEAR = {"new_era": 2012, "reform": 1978, "prc": 1949}
# The years and plans a review heading names (一、2025年主要工作和“十四五”发展成就, 一、工作回顾 and
# then 2025年是“十四五”收官之年): the stretch they span is what the review narrates.
_NAMED_YEAR = lazy_regex(r"(?<![0-9])((?:19|20)\d{2})年(?!以前|之前|前|底前|以后|后|目标|远景)")
_NAMED_PLAN = lazy_regex(rf"(?<![〇零一二三四五六七八九十百第]){_PLAN_ORDINAL}(?=”|规划|计划|时期|期间|发展|工作|收官)")
_TERM = lazy_regex(r"届|任期|以来|历程")
# A paragraph whose opening period is the present one (进入新时代，政府工作在新的一年要有新气象):
# its next clause speaks of now. Reported speech (习主席多次强调要…) still narrates.
_PRESENT_NEXT = lazy_re(r"^(?![^，,：:。；;！!？?\n]{0,20}?(?:强调|指出|提出|表示|认为|告诉|要求))[^，,：:。；;！!？?\n]{0,20}?(?:新的一年|今年|(?<![主重需只提纲摘概必紧首简扼])要(?![求素点害件闻案员地务])|必须|务必|应当)")
# Words that make a short heading a review: 十年回顾, 五年来的主要成就.
_REVIEW_HEADING = lazy_regex(r"回顾|成就|历程|变革|巨变|答卷|工作总结|<")
# A first clause that looks back without naming the period: 回首来路, 这些年来.
_REVIEW_OPENING = lazy_regex(r"^(?:回首|回望|回顾)|这些年来?|多年来|近些年来?")
# A look back over history in general (回溯过往，每逢危难之际……): a review with no bound on how far.
HISTORY = lazy_re(r"回溯过往|回首过往|回望过往|回溯历史|回望历史|回顾历史|纵观历史|翻开[^，。]{0,6}历史")
# A word that every opening above holds (the period, the look back, the review heading), or a
# tag (``plain`` cuts tags out and may join the words around them). None crosses a paragraph
# break, so a paragraph without one opens no passage: a plain string search, not the patterns.
_MAY_OPEN = lazy_re(r"年|以来|新时代|回[首望顾溯]|纵观|翻开|成就|历程|变革|巨变|答卷|工作总结|<")
# A first clause that turns to the present or the future.
_PRESENT = lazy_regex(
    r"今天|今年|当前|目前|现在|如今|当下|眼下|新征程|新的征程|未来|今后|展望|下一步|明年|接下来"
    r"|面向|站在新|(?<![主重需只提纲摘概必紧首])要(?![求素点害件闻案员地务])|必须|务必|应当")

# A look back paired with a look ahead (回顾历史，展望未来，我们要…): the paragraph turns to the future.
_LOOKS_AHEAD = lazy_re(r"[ \t\u3000]*(?:展望|面向|放眼|开创)(?:未来|明天|新征程|新时代|前路)")
# A first clause that builds on a period (在改革开放以来长期探索和实践基础上，…; 在过去五年工作的
# 基础上，…): what follows is the present or the future it laid the basis for, not a review.
_ON_THE_BASIS = lazy_re(r"在[^，,：:。；;！!？?]*基础上$")
# A sentence of the opening paragraph that turns to the present or the future (…。到明年年底，…;
# …。今后五年，…; …。当前，世界…): the review ends before that sentence.
_TURN = lazy_re(
    r"(?<=[。！!？?])[ \t\u3000]*(?:[^，,。；;！!？?\n]{0,6}?)"
    r"(?:今后|明年|下一步|接下来|今年|新的一年|从现在起|现在起|未来[一二三四五六七八九十几]?年"
    r"|当前|现在|眼下|现阶段)")


def calls_for_now(text: str, start: int, end: int) -> bool:
    """Whether the sentence at ``start``..``end`` turns to the present in its first two clauses
    (要健全…, 全面发展协商民主，要…, 今年…): ``_PRESENT_NEXT``, reported speech excepted."""
    first = _CLAUSE_END.search(text, start, end)
    if _PRESENT_NEXT.search(text[start:end]):
        return True
    return first is not None and _PRESENT_NEXT.search(text[first.end():end]) is not None


@dataclass(frozen=True, slots=True)
class Reach:
    """How far back a review looks: ``years`` before the present, or ``since`` a year (up to
    ``until`` for a review of one named year or plan: 2009年工作回顾, 回顾“十三五”)."""

    years: int | None = None
    since: int | None = None
    until: int | None = None


_UNSTATED = Reach(years=REVIEW_YEARS)
_HISTORY_REACH = Reach()  # no bound


@dataclass(frozen=True, slots=True)
class Passage:
    span: Span
    reach: Reach


@per_document
def period_in(text: str, start: int, end: int) -> Reach | None:
    """The period stated in ``text[start:end]``, if any (the first one)."""
    reviewed = _REVIEWED_YEAR.search(text, start, end)
    if reviewed is not None:
        year = int(next(g for g in reviewed.groups() if g))
        return Reach(since=year, until=year)
    plan = _REVIEWED_PLAN.search(text, start, end)
    if plan is not None:
        first, last = plan_years(numerals.number(next(g for g in plan.groups() if g)))
        return Reach(since=first, until=last)
    # NOTE: every stretch names 年; a search that cannot match is slow with this pattern
    stretch = STRETCH.search(text, start, end) if text.find("年", start, end) != -1 else None
    since = SINCE.search(text, start, end)
    if stretch is None and since is None:
        if RECENT_STRETCH.search(text, start, end):
            return Reach(years=RECENT_YEARS)
        return Reach(years=REVIEW_YEARS) if _UNCOUNTED_STRETCH.search(text, start, end) else None
    if since is None or (stretch is not None and stretch.start() < since.start()):
        assert stretch is not None
        group = next(g for g in _STRETCH_GROUPS if stretch.group(g))
        return Reach(years=numerals.number(stretch.group(group)))
    if since.group("congress"):
        return Reach(since=_CONGRESS_YEAR[since.group("congress")])
    name = next(g for g in _SINCE_YEAR if since.group(g))
    return Reach(since=_SINCE_YEAR[name])


class ReviewPassages:
    """The review passages of a document, in order (``doc.facts(ReviewPassages)``)."""

    def __init__(self, passages: list[Passage]) -> None:
        self.passages = passages
        self._starts = [p.span.start for p in passages]

    def at(self, offset: int) -> Reach | None:
        """The reach of the passage holding ``offset``, if it is in one."""
        index = bisect.bisect_right(self._starts, offset) - 1
        if index >= 0 and offset < self.passages[index].span.end:
            return self.passages[index].reach
        return None

    @classmethod
    def from_document(cls, doc: Document) -> ReviewPassages:
        text = doc.text
        hits = Hits(_MAY_OPEN, text)
        if not hits:
            return cls([])
        parts = doc.facts(Compilation)
        passages: list[Passage] = []
        open_at: int | None = None
        reach: Reach | None = None
        level: Level | None = None  # the opening heading's level (None: a paragraph)
        depth: int | None = None  # the opening heading's Markdown depth (## …: 2)
        opened_by_heading = False
        unstated_heading = False
        last_end = 0

        def close(end: int) -> None:
            nonlocal open_at
            if open_at is not None and reach is not None and end > open_at:
                passages.append(Passage(Span(open_at, end), reach))
            open_at = None

        for paragraph in doc.facts(ParagraphSpans).spans:
            start, end = paragraph.start, paragraph.end
            may_open = hits.within(start, end)
            if open_at is None and not may_open:
                continue
            content = plain(text[start:end])
            if not content:
                continue
            if open_at is not None and (not parts.same_part(open_at, start)
                                        or start - open_at > _REACH
                                        or lines.opens_news_item(content)):
                close(last_end)  # another document, too far, or the next item of a transcript
            line = _Line(content)
            heading = line.heading
            clause = _first_clause(content)
            found = _opening(content, heading, clause) if may_open else None
            if found == _UNSTATED and open_at is not None and reach != _UNSTATED \
                    and not (heading and _ends(level, opened_by_heading, line, depth)):
                found = None  # a vaguer opener inside a stated review (a wrapped heading's tail)
            if found is not None:
                close(start)
                open_at, reach, last_end = start, found, end
                opened_by_heading = heading
                level = line.level if heading else None
                depth = line.depth if heading else None
                unstated_heading = heading and found == _UNSTATED and not _TERM.search(content)
                turn = None if heading else _TURN.search(text, start, end)
                if turn is not None:
                    close(turn.start())  # the opening paragraph turns to the present or the future
                continue
            if unstated_heading and not heading:
                # 一、工作回顾 ⏎ 2025年是“十四五”收官之年，…: the first paragraph names the stretch.
                unstated_heading = False
                named = named_period(content, 0, clause)
                if named is not None:
                    reach = named
            if open_at is not None:
                if heading and _ends(level, opened_by_heading, line, depth):
                    close(start)
                elif not heading and (_PRESENT.search(content, 0, clause)
                                      or _LOOKS_AHEAD.match(content, clause + 1)):
                    close(start)
                else:
                    last_end = end
        close(last_end)
        return cls(passages)


@per_document
def _opening(content: str, heading: bool, clause: int) -> Reach | None:
    """The period a paragraph opens a passage on, if it opens one (``clause``: where its first
    clause ends)."""
    if not heading and _ON_THE_BASIS.match(content, 0, clause):
        return None
    found = period_in(content, 0, len(content) if heading else clause)
    if found is None and HISTORY.search(content, 0, clause):
        found = _HISTORY_REACH
    elif found is None and (_REVIEW_OPENING.search(content, 0, clause)
                            or (heading and _REVIEW_HEADING.search(content))):
        found = (named_period(content, 0, len(content)) if heading else None) or _UNSTATED
    if found is not None and not heading and (_PRESENT_NEXT.search(content[clause + 1:])
                                              or _LOOKS_AHEAD.match(content, clause + 1)):
        return None
    return found


def named_period(text: str, start: int, end: int) -> Reach | None:
    """The stretch spanned by the years and five-year plans named in ``text[start:end]``; None
    where it also reviews a term or a stretch since a year (本届政府工作回顾, 2002年撤地设市以来)."""
    if _TERM.search(text, start, end):
        return None
    years = [int(m.group(1)) for m in _NAMED_YEAR.finditer(text, start, end)]
    for plan in _NAMED_PLAN.finditer(text, start, end):
        years.extend(plan_years(numerals.number(next(g for g in plan.groups() if g))))
    return Reach(since=min(years), until=max(years)) if years else None


def _first_clause(content: str) -> int:
    match = _CLAUSE_END.search(content, 0, _FIRST_CLAUSE)
    return match.start() if match else min(len(content), _FIRST_CLAUSE)


class _Line:
    """A paragraph's heading marker, looked for once and only when asked for."""

    __slots__ = ("_looked", "_marker", "content")

    def __init__(self, content: str) -> None:
        self.content = content
        self._marker: lines.Marker | None = None
        self._looked = False

    @property
    def marker(self) -> lines.Marker | None:
        if not self._looked:
            self._marker, self._looked = lines.heading_marker(self.content), True
        return self._marker

    @property
    def depth(self) -> int | None:
        """The number of ``#`` of a Markdown heading (``### 标题``: 3); None for other lines."""
        if not lines.is_markdown_heading(self.content):
            return None
        return len(self.content) - len(self.content.lstrip("#"))

    @property
    def heading(self) -> bool:
        """A short line without a sentence end: a heading or a label; a Markdown heading
        whatever its length (a news item's long headline)."""
        if self.depth is not None:
            return True
        if _SENTENCE_END.search(self.content):
            marker = self.marker
            return marker is not None and not marker.inline
        return not _MORE_HAN_THAN_A_HEADING.match(self.content)

    @property
    def level(self) -> Level | None:
        marker = self.marker
        return marker.level if marker is not None else None


def _ends(level: Level | None, opened_by_heading: bool, line: _Line, depth: int | None) -> bool:
    """Whether the heading ``line`` ends the open passage: one of the opening heading's level
    or above; after a paragraph opener, an unnumbered or first-level heading (sub-items go on).
    A Markdown heading ranks by its ``#``: it ends every passage but one opened by a Markdown
    heading above it (``## 详细新闻`` ends a review opened in the summary's list above it, and
    ``### 下一条消息`` one opened in the story before)."""
    if line.depth is not None:
        return depth is None or line.depth <= depth
    this = line.level
    if opened_by_heading:
        if level is None:
            return this is None
        return this is not None and this <= level
    return this is None or this <= Level.ONE
