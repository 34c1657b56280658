"""Where a number sits: its sentence, its clause, the indicator it measures, the period.

Boundaries are found with ``str.rfind``/``str.find`` around the position asked about, so
only the sentences the linkers look at are ever segmented.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from doclint.rules.numbers.lexicon import (
    COMPARABLE_BASIS_MARKERS,
    INTENSIVE_WORDS,
    REAL_GROWTH_INDICATORS,
    SCOPE_PREFIXES,
    alternation,
)
from doclint.rules.numbers.numerals import chinese_to_number, digit_string_year

SENTENCE_ENDS = "。！？!?\n"
SENTENCE_WINDOW = 800
_SENTENCE_END = re.compile(r"[。！？!?]+|\n")
CLAUSE_ENDS = SENTENCE_ENDS + "，,；;：:、（(）)"
_CLAUSE_SET = frozenset(CLAUSE_ENDS)
_CLAUSE_BREAK = re.compile(r"[，,；;。！？!?\n]")
_DIGITS = frozenset("0123456789０１２３４５６７８９")
_SENTENCE_SET = frozenset(SENTENCE_ENDS)
# How far back a paragraph is searched for a period ("这五年"); documents without line
# breaks would otherwise make every lookup scan the whole text.
PARAGRAPH_WINDOW = 3000

_LEADING_TIME = re.compile(
    r"^(?:(?:[0-9０-９]{4}|[一二〇○零三四五六七八九]{4})年(?:底|末|初|全年|上半年|前三季度)?|今年|去年|上年|"
    r"全年|当年|年末|年底|同期|目前|现在|截至|到|至|经过)+"
)
_VERBS = re.compile(
    r"增加到|增长到|提高到|上升到|扩大到|下降到|减少到|降低到|发展到|提升到|增至|降至|提高至|提升至|"
    r"达到了|达到|实现了|实现|完成了|完成|突破|超过|共有|总计|合计|共计|累计|分别|已达"
)
# One-character verbs are words of their own only at the end (国有企业 keeps its 有).
_TRAILING_VERB = re.compile(r"(?:达|为|是|有|共|约|近)+$")
_TRAILING = re.compile(r"(?:由|从|比|的|在|将|要|已|已经|力争|预计|新)+$")
_NOISE = re.compile(r"[\s“”\"'‘’《》〈〉【】\[\]<>·•—\-…，,；;：:、（）()]+")
_FROM_ON = re.compile(r"[由从比较](?:[0-9０-９一二上去今同]).*$")
_SCOPE = re.compile(rf"^(?:{alternation(SCOPE_PREFIXES)})")

_CN_COUNT = "一二三四五六七八九十两"
_PERIOD_HINT = re.compile(
    rf"(?:这|近|过去|今后|未来|最近)(?P<a>[{_CN_COUNT}]{{1,3}}|\d{{1,2}})年"
    rf"|(?P<b>[{_CN_COUNT}]{{1,3}}|\d{{1,2}})年(?:来|间|里|以来)"
    r"|“?(?P<plan>十[一二三四五]?|[六七八九])五”?(?:时期|期间|计划|规划|期末|末|以来)"
)
# 到2010年 names a target year, but 增加到2024年的… is the end of a change.
_TARGET = re.compile(r"目标|力争|预期|预计|规划|计划|今后|未来|将要|确保"
                     r"|(?<![加长高升大降少低展])到(?:[0-9０-９]{4}|[一二〇○零三四五六七八九]{4})年")
_COMPARABLE = re.compile(alternation(COMPARABLE_BASIS_MARKERS))
_REAL = re.compile(alternation(REAL_GROWTH_INDICATORS))
_INTENSIVE = re.compile(alternation(INTENSIVE_WORDS))


def sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    """The sentence around ``pos``: from after the previous 。！？ or line break to the next.

    Sentences longer than SENTENCE_WINDOW either way are cut there.
    """
    floor = max(0, pos - SENTENCE_WINDOW)
    start = max(text.rfind(ch, floor, pos) for ch in SENTENCE_ENDS) + 1 or floor
    found = _SENTENCE_END.search(text, pos, pos + SENTENCE_WINDOW)
    if found is None:
        return start, min(len(text), pos + SENTENCE_WINDOW)
    end = found.end()
    return start, end - 1 if found.group() == "\n" else end


def paragraph_start(text: str, pos: int) -> int:
    """Where the line holding ``pos`` starts, looking back at most PARAGRAPH_WINDOW."""
    return max(text.rfind("\n", 0, pos) + 1, pos - PARAGRAPH_WINDOW, 0)


def clause_start(text: str, pos: int, floor: int) -> int:
    """Where the clause holding ``pos`` starts (after the previous ，；：、 or bracket)."""
    # NOTE: clauses are short, so stepping back in Python beats one rfind per delimiter.
    while pos > floor and (text[pos - 1] not in _CLAUSE_SET or is_group_comma(text, pos - 1)):
        pos -= 1
    return pos


def clause_end(text: str, pos: int, stop: int) -> int:
    """The first clause break (，；。 …) at or after ``pos``, else ``stop``.

    A comma grouping digits (1，753亿元 in older reports) is not a break.
    """
    while True:
        found = _CLAUSE_BREAK.search(text, pos, stop)
        if found is None:
            return stop
        if not is_group_comma(text, found.start()):
            return found.start()
        pos = found.start() + 1


def is_group_comma(text: str, i: int) -> bool:
    """A comma between digit groups: 27，203，319 or 1,753."""
    return (text[i] in ",，" and i > 0 and text[i - 1] in _DIGITS
            and text[i + 1 : i + 4].isdigit() and len(text[i + 1 : i + 4]) == 3
            and text[i + 4 : i + 5] not in _DIGITS)


@functools.lru_cache(maxsize=4096)
def label_of(prefix: str) -> str:
    """The indicator a clause's leading words name: ``全部工业实现增加值`` → ``全部工业增加值``."""
    label = _NOISE.sub("", prefix)
    label = _FROM_ON.sub("", label)
    label = _LEADING_TIME.sub("", label)
    label = label.removeprefix("其中")
    label = _SCOPE.sub("", label)
    label = _VERBS.sub("", label)
    label = _TRAILING_VERB.sub("", label)
    return _TRAILING.sub("", label)


def is_real_growth(label: str) -> bool:
    """GDP and value-added grow in real terms by convention (按可比价格)."""
    return bool(_REAL.search(label))


def is_intensive(label: str) -> bool:
    """Averages, rates and prices: they never add up to a total."""
    return bool(_INTENSIVE.search(label))


def comparable_marker(text: str) -> str:
    """The first 可比价 / 同口径 / 实际增长 … marker in ``text``, or ''."""
    match = _COMPARABLE.search(text)
    return match.group() if match else ""


def is_target(text: str) -> bool:
    """Whether a sentence states a plan target rather than a result."""
    return bool(_TARGET.search(text))


@dataclass(frozen=True, slots=True)
class PeriodHint:
    """A phrase giving a span of years: 这五年, 三年来, “十一五”时期."""

    start: int
    end: int
    years: int


def period_before(text: str, floor: int, pos: int) -> PeriodHint | None:
    """The last period phrase between ``floor`` and ``pos`` (the one a claim falls under)."""
    last = None
    for match in _PERIOD_HINT.finditer(text, floor, pos):
        count = match.group("a") or match.group("b")
        if match.group("plan"):
            years = 5
        elif count.isdigit():
            years = int(count)
        else:
            years = int(chinese_to_number(count) or 0)
        if 1 <= years <= 30:
            last = PeriodHint(match.start(), match.end(), years)
    return last


_YEAR = re.compile(
    r"(?<![0-9０-９])(?:[0-9０-９]{4}|[一二][〇○零0０一二三四五六七八九]{3})(?=年(?!均))")


@dataclass(frozen=True, slots=True)
class YearMention:
    year: int
    start: int
    end: int


def years_in(text: str, start: int, end: int) -> list[YearMention]:
    """Calendar years named between ``start`` and ``end`` (2005年, 二〇〇五年, 二００五年)."""
    found = []
    for match in _YEAR.finditer(text, start, end):
        year = digit_string_year(match.group())
        if year is not None and 1800 <= year <= 2100:
            found.append(YearMention(year, match.start(), match.end() + 1))
    return found
