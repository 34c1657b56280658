"""Every year a document writes, found once and shared by the Y rules (``doc.facts(YearFacts)``).

A *year group* is one written expression: a single year (``2024年``), a list (``2024、2025年``)
or a range (``2024—2026年``, ``2024年至2026年``); its items are the year mentions. Chinese-numeral
years (``二〇二四年``), abbreviated years (``08年``), relative years (``今年``, ``上年``), stretches
of years (``五年来``, ``近三年``, ``连续三年``) and five-year-plan periods (``“十五”时期``) are
collected beside them. Records hold plain offsets (``start``, ``end``); ``.span`` makes a Span.
"""

from __future__ import annotations

import bisect
from typing import NamedTuple

import regex

from doclint.core.document import Document, Span
from doclint.core.lazyregex import lazy_regex
from doclint.rules.years import numerals

_ATOM = r"(?:1[89]|20|１[８９]|２０)[0-9０-９]{2}"
# A number glued to Latin letters, a decimal point, a slash or a hyphen on its left is a code,
# an amount or a date part, not a year; but a scraped page that stored its line breaks as the
# characters ``\r\n`` still has its years after them.
_ATOM_LEFT = r"(?<![0-9０-９.．_/\\\-－:])(?:(?<=\\[rnt])|(?<![A-Za-z]))"
_SEPARATOR = r"(?:以及|[、和及与至到—–－―~～〜\-])"
_CN_DIGIT = "〇○零Ｏ一二三四五六七八九"
# Everything here ends in 年; anchoring on that one literal (the alternatives sit in a
# look-behind) lets the regex engine skip straight from one 年 to the next.
_NIAN = lazy_regex(
    rf"""(?<=
        (?P<group>{_ATOM_LEFT}{_ATOM}
                  (?:(?:\s?年度?)?\s?{_SEPARATOR}{{1,2}}\s?{_ATOM}){{0,6}}\s?)
      | (?P<chinese>(?<![{_CN_DIGIT}十百千万两])[一二][{_CN_DIGIT}]{{3}})
    )年""",
    regex.X,
)
# _NIAN's groups by number: a group asked for by name costs a lookup at every year.
_FIGURES, _CHINESE = 1, 2
_ABBREVIATED = lazy_regex(
    r"(?<=(?<![0-9０-９.．A-Za-z〔\[第每近约前后这那〕])[0-9０-９]{2})年"
    r"(?P<tail>度|代|间|底|末|初|上半年|下半年)?"
)
_RELATIVE = lazy_regex(r"(?<=今|去|明|前|(?<![以之向往至北南东西])上)年")
_STRETCH = lazy_regex(
    r"(?<=(?P<lead>近|最近|过去的?|这|连续|今后|未来)?"
    r"(?P<n>(?<![〇○零一二三四五六七八九]{3})(?:十[一二三四五]|[一二两三四五六七八九十])"
    r"|(?<![0-9０-９.．])(?:[2-9]|1[0-5]))个?)年"
    r"(?P<tail>来|以来|间|中|里)?"
)
_ITEM = lazy_regex(rf"(?P<year>{_ATOM})(?![0-9０-９])(?P<word>\s?年度?)?")
# “十五”时期, 十一五期间, “十四五”规划: the ordinal before 五 names the plan.
_PLAN = lazy_regex(
    r"(?<=(?<![〇零一二三四五六七八九十百第])“?(?P<n>十[一二三四五]?|[一二三四六七八九]))五"
    r"(?=”?(?:计划|规划|时期|期间|以来|末|初|期|中期|前期|开局|收官|目标|纲要|建议))"
)
_PLAN_START = 1953
_RELATIVE_OFFSET = {"今": 0, "去": -1, "上": -1, "明": 1, "前": -2}
# Two-digit years: a leading zero is never a duration (08年); otherwise the next word must make
# it a point in time (12年底, 15年上半年), so that 工作12年 stays a duration.
_POINT_IN_TIME = frozenset({"底", "末", "初", "度", "上半年", "下半年"})

RANGE_SEPARATORS = frozenset("至到—–－―~～〜-")
HYPHENS = frozenset("－–\u2010\u2011\u2012-")


class YearMention(NamedTuple):
    """One year: ``start``..``end`` covers its digits and, when written right after, 年."""

    start: int
    end: int
    value: int
    chinese: bool = False
    group: int = -1

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


class YearGroup(NamedTuple):
    """A year written alone, as a list (2024、2025年) or as a range (2024—2026年)."""

    start: int
    end: int
    items: tuple[YearMention, ...]
    separators: tuple[str, ...]

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)

    @property
    def is_range(self) -> bool:
        return (len(self.items) == 2 and bool(self.separators[0])
                and self.separators[0][-1] in RANGE_SEPARATORS)

    @property
    def is_list(self) -> bool:
        return len(self.items) >= 2 and not self.is_range


class AbbreviatedYear(NamedTuple):
    start: int
    end: int  # after 年
    digits: str

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


class RelativeYear(NamedTuple):
    """今年, 去年, 上年, 明年, 前年: ``offset`` from the year the text speaks from."""

    start: int
    end: int
    word: str
    offset: int

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


class YearStretch(NamedTuple):
    """A stretch of years: 五年来, 近三年, 过去五年, 连续三年, 今后五年."""

    start: int
    end: int
    text: str
    years: int
    lead: str
    tail: str

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


class PlanPeriod(NamedTuple):
    """A five-year plan named by its ordinal (“十五”时期 -> 10, 2001–2005)."""

    start: int
    end: int
    ordinal: int

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


class YearFacts:
    """All year expressions of a document, in text order.

    Years and year groups are read eagerly (every rule needs them); the rarer kinds are read
    on first use.
    """

    def __init__(self, text: str, singles: list[YearMention], groups: list[YearGroup],
                 chinese: list[YearMention]) -> None:
        self._text = text
        self.groups = groups  # lists and ranges only; a year written alone is just a mention
        self.chinese = chinese
        self.mentions = sorted(singles + [m for g in groups for m in g.items] + chinese)
        self._starts = [m.start for m in self.mentions]
        self._abbreviated: list[AbbreviatedYear] | None = None
        self._relative: list[RelativeYear] | None = None
        self._relative_starts: list[int] = []
        self._stretches: list[YearStretch] | None = None
        self._plans: list[PlanPeriod] | None = None

    @classmethod
    def from_document(cls, doc: Document) -> YearFacts:
        text = doc.text
        singles: list[YearMention] = []
        groups: list[YearGroup] = []
        chinese: list[YearMention] = []
        for match in _NIAN.finditer(text):
            nian = match.start()
            start = match.start(_FIGURES)
            if start == -1:
                start = match.start(_CHINESE)
                value = numerals.chinese_digits(text[start:nian])
                if numerals.is_plausible_year(value):
                    chinese.append(YearMention(start, nian + 1, value, True))
            elif nian - start == 4:  # the common case: one year, 2024年
                singles.append(YearMention(start, nian + 1, int(text[start:nian])))
            else:
                group = _group(text, start, nian + 1, len(groups))
                if len(group.items) == 1:
                    singles.append(group.items[0]._replace(group=-1))
                    continue
                # 2024年至2026年: the first 年 made a single year that this group extends.
                if singles and singles[-1].start == group.start:
                    singles.pop()
                if groups and groups[-1].start == group.start:
                    groups[-1] = group._replace(items=tuple(m._replace(group=len(groups) - 1)
                                                            for m in group.items))
                else:
                    groups.append(group)
        return cls(text, singles, groups, chinese)

    def between(self, start: int, end: int) -> list[YearMention]:
        """Mentions that start inside ``[start, end)``."""
        low = bisect.bisect_left(self._starts, start)
        high = bisect.bisect_left(self._starts, end)
        return self.mentions[low:high]

    @property
    def abbreviated(self) -> list[AbbreviatedYear]:
        if self._abbreviated is None:
            text = self._text
            found = []
            for match in _ABBREVIATED.finditer(text):
                nian = match.start()
                tail = match.group("tail") or ""
                if tail in _POINT_IN_TIME or (text[nian - 2] in "0０" and tail not in ("代", "间")):
                    found.append(AbbreviatedYear(nian - 2, nian + 1, text[nian - 2:nian]))
            self._abbreviated = found
        return self._abbreviated

    @property
    def relative(self) -> list[RelativeYear]:
        if self._relative is None:
            text = self._text
            self._relative = [RelativeYear(m.start() - 1, m.end(), text[m.start() - 1] + "年",
                                           _RELATIVE_OFFSET[text[m.start() - 1]])
                              for m in _RELATIVE.finditer(text)]
            self._relative_starts = [r.start for r in self._relative]
        return self._relative

    def relative_between(self, start: int, end: int) -> list[RelativeYear]:
        """Relative years that start inside ``[start, end)``."""
        words = self.relative
        low = bisect.bisect_left(self._relative_starts, start)
        high = bisect.bisect_left(self._relative_starts, end)
        return words[low:high]

    @property
    def stretches(self) -> list[YearStretch]:
        if self._stretches is None:
            text = self._text
            found = []
            for match in _STRETCH.finditer(text):
                lead = match.group("lead") or ""
                tail = match.group("tail") or ""
                if lead or tail:
                    start = match.start("lead") if lead else match.start("n")
                    found.append(YearStretch(start, match.end(), text[start:match.end()],
                                             numerals.number(match.group("n")), lead, tail))
            self._stretches = found
        return self._stretches

    @property
    def plans(self) -> list[PlanPeriod]:
        if self._plans is None:
            text = self._text
            plans = []
            for match in _PLAN.finditer(text):
                start, end = match.start("n"), match.end()
                start -= start > 0 and text[start - 1] == "“"
                end += text[end] == "”"
                plans.append(PlanPeriod(start, end, numerals.chinese_cardinal(match.group("n"))))
            self._plans = plans
        return self._plans


_TARGET_BEFORE = ("到", "至", "截至", "截止", "力争", "比", "较", "于", "在")
_TARGET_AFTER = lazy_regex(r"年(?:前|底前|以前|远景|目标|愿景|左右|议程|可持续发展议程)")


def is_target(text: str, start: int, end: int) -> bool:
    """A year named as a goal, a deadline or a base (到2035年, 2030年前, 比2019年), not as the
    time the text is in."""
    # 到 2025 年, and 到⏎2025年 where a PDF line wrapped
    before = text[max(0, start - 5):start].rstrip(" \t\u3000\u00a0\r\n")
    if any(before.endswith(word) for word in _TARGET_BEFORE):
        return True
    return bool(_TARGET_AFTER.match(text, end - 1))


def plan_years(ordinal: int) -> tuple[int, int]:
    """The years of the n-th five-year plan (the 1963–1965 adjustment period is skipped)."""
    first = _PLAN_START + 5 * (ordinal - 1) + (3 if ordinal >= 3 else 0)
    return first, first + 4


def _group(text: str, start: int, end: int, number: int) -> YearGroup:
    """Split ``text[start:end]`` (ending in 年) into its items and separators."""
    items: list[YearMention] = []
    separators: list[str] = []
    previous_end = start
    for item in _ITEM.finditer(text, start, end):
        if items:
            separators.append(text[previous_end:item.start()].strip())
        stop = item.end() if item.group("word") else item.end("year")
        items.append(YearMention(item.start(), stop, int(item.group("year")),
                                 False, number))
        previous_end = item.end()
    return YearGroup(items[0].start, items[-1].end, tuple(items), tuple(separators))
