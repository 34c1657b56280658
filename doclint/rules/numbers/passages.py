"""Where a number sits: its sentence, its clause, the indicator it measures, the period.

Boundaries are found with ``str.rfind``/``str.find`` around the position asked about, so
only the sentences the linkers look at are ever segmented.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import regex

from doclint.core.lazyregex import lazy_re
from doclint.rules.numbers.lexicon import (
    COMPARABLE_BASIS_MARKERS,
    INDEX_WORDS,
    INTENSIVE_WORDS,
    OUTPUT_INDICATORS,
    REAL_GROWTH_INDICATORS,
    SCOPE_PREFIXES,
    alternation,
)
from doclint.rules.numbers.numerals import chinese_to_number, digit_string_year

SENTENCE_ENDS = "。！？!?\n"
SENTENCE_WINDOW = 800
_SENTENCE_END = lazy_re(r"[。！？!?]+|\n")
# Up to the last sentence end: ``.*`` runs to the end of the window and backs off to it, one
# call instead of an ``rfind`` per end mark.
_UP_TO_LAST_END = lazy_re(r".*[。！？!?\n]", re.DOTALL)
CLAUSE_ENDS = SENTENCE_ENDS + "，,；;：:、（(）)"
# Up to the last clause mark (see _UP_TO_LAST_END): one call, where stepping back a character
# at a time in Python costs a test per character.
_UP_TO_LAST_CLAUSE_MARK = lazy_re(rf".*[{re.escape(CLAUSE_ENDS)}]", re.DOTALL)
_CLAUSE_BREAK = lazy_re(r"[，,；;。！？!?\n]")
_DIGITS = frozenset("0123456789０１２３４５６７８９")
_SENTENCE_SET = frozenset(SENTENCE_ENDS)
# How far back a paragraph is searched for a period ("这五年"); documents without line
# breaks would otherwise make every lookup scan the whole text.
PARAGRAPH_WINDOW = 3000

_LEADING_TIME = lazy_re(
    r"^(?:(?:[0-9０-９]{4}|[一二〇○零三四五六七八九]{4})年(?:底|末|初|全年|上半年|前三季度)?|今年|去年|上年|"
    r"全年|当年|年末|年底|同期|目前|现在|截至|到|至|经过)+"
)
_VERBS = lazy_re(
    r"增加到|增长到|提高到|上升到|扩大到|下降到|减少到|降低到|发展到|提升到|增至|降至|提高至|提升至|"
    r"达到了|达到|实现了|实现|完成了|完成|突破|超过|共有|总计|合计|共计|累计|分别|已达"
)
# One-character verbs are words of their own only at the end (国有企业 keeps its 有).
_TRAILING_VERB = lazy_re(r"(?:达|为|是|有|共|约|近)+$")
_TRAILING = lazy_re(r"(?:由|从|比|的|在|将|要|已|已经|力争|预计|新)+$")
_NOISE = lazy_re(r"[\s“”\"'‘’《》〈〉【】\[\]<>·•—\-…，,；;：:、（）()]+")
_FROM_ON = lazy_re(r"[由从比较](?:[0-9０-９一二上去今同]).*$")
_SCOPE = lazy_re(rf"^(?:{alternation(SCOPE_PREFIXES)})")

_CN_COUNT = "一二三四五六七八九十两"
_COUNT = rf"(?:[{_CN_COUNT}]{{1,3}}|\d{{1,2}})"
# Phrases giving the span of years a passage speaks of, and which way they look: 这五年 and
# 五年来 look back, 今后五年 looks ahead, a five-year plan's period (“十一五”时期) either way.
# 以来 after a plan (“十三五”以来) and a plan's end (“九五”期末) are points in time, not spans.
_PERIOD_HINT = lazy_re(
    rf"(?:这|近|过去的?|最近的?)(?P<past>{_COUNT})年(?!以后|后|前)"
    rf"|(?:今后|未来)的?(?P<future>{_COUNT})年"
    rf"|(?P<since>{_COUNT})年(?:来|间|里|以来)"
    r"|“?(?P<plan>十[一二三四五]?|[六七八九])五”?(?:时期|期间|计划|规划)(?!纲要|目标)"
)
# What may stand before a period phrase that opens a sentence: quotes, brackets, 在, 回顾 …
_SENTENCE_OPENER = lazy_re(r"(?:[\s“\"「（(]|在|回顾|纵观|综观|展望|从)*$")
TOPIC_WINDOW = 1200
PAST, FUTURE, PLAN = "past", "future", "plan"
_INDENT = frozenset(" \t\u3000\u00a0")
_HTML_BREAKS = ("<p", "</p>", "<br", "<div", "</div>", "<h")
_TARGET = lazy_re(r"目标|力争|预期|预计|规划|计划|今后|未来|将要|确保"
                     r"|(?<![加长高升大降少低展])到(?:[0-9０-９]{4}|[一二〇○零三四五六七八九]{4})年")
_COMPARABLE = lazy_re(alternation(COMPARABLE_BASIS_MARKERS))
_REAL = lazy_re(alternation(REAL_GROWTH_INDICATORS))
_OUTPUT = lazy_re(alternation(OUTPUT_INDICATORS))
_INTENSIVE = lazy_re(alternation(INTENSIVE_WORDS))
_INDEX = lazy_re(alternation(INDEX_WORDS))
_SCOPE_WORD = lazy_re(alternation(SCOPE_PREFIXES))
_NOT_PLACES = frozenset(("全年", "全社会"))


def occurrences(text: str, word: str) -> Iterator[int]:
    """Where ``word`` occurs in ``text``, left to right, not overlapping.

    NOTE: for a word of two characters or more, `regex` is two to three times faster than
    ``str.find`` over a whole Chinese text (``re`` a third); the pattern of each word is
    compiled once.
    """
    return (match.start() for match in _word_pattern(word).finditer(text))


@functools.lru_cache(maxsize=32)  # the words are the linkers' own, a handful
def _word_pattern(word: str) -> regex.Pattern[str]:
    return regex.compile(regex.escape(word))


def sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    """The sentence around ``pos``: from after the previous 。！？ or line break to the next.

    Sentences longer than SENTENCE_WINDOW either way are cut there.
    """
    start = sentence_start(text, pos)
    found = _SENTENCE_END.search(text, pos, pos + SENTENCE_WINDOW)
    if found is None:
        return start, min(len(text), pos + SENTENCE_WINDOW)
    end = found.end()
    return start, end - 1 if found.group() == "\n" else end


def sentence_start(text: str, pos: int) -> int:
    """Where the sentence around ``pos`` starts (``sentence_bounds`` without its end)."""
    floor = max(0, pos - SENTENCE_WINDOW)
    last_end = _UP_TO_LAST_END.match(text, floor, pos)
    return floor if last_end is None else last_end.end()


def previous_sentence_start(text: str, s0: int, pos: int,
                            passages: Passages | None = None) -> int:
    """Where the sentence before the one starting at ``s0`` starts, in the paragraph of
    ``pos`` (a position in the sentence)."""
    paragraph = (passages or PLAIN).paragraph_start(text, pos)
    if s0 <= paragraph:
        return s0
    return max(paragraph, sentence_start(text, s0 - 1))


@dataclass(frozen=True, slots=True)
class Passages:
    """Where a file's paragraphs and parts begin, so that figures are linked inside one.

    ``paragraphs``: the starts of paragraphs, which are lines, or the pieces of a flattened
    line that still shows its paragraph indents. ``parts``: the starts of the file's parts,
    the articles of a compilation and the copies of a scraped page (and the text after a
    copy). Both sorted; empty when unknown, and then a line is a paragraph and the file one
    part.
    """

    paragraphs: Sequence[int] = ()
    parts: Sequence[int] = ()

    def paragraph_start(self, text: str, pos: int) -> int:
        """Where the paragraph holding ``pos`` starts, looking back at most PARAGRAPH_WINDOW.

        A position in the indent before a paragraph belongs to that paragraph.
        """
        at = pos
        while at < len(text) and at - pos < 8 and text[at] in _INDENT:
            at += 1
        index = bisect.bisect_right(self.paragraphs, at) - 1
        paragraph = self.paragraphs[index] if index >= 0 else 0
        floor = max(text.rfind("\n", 0, pos) + 1, paragraph, self.part_start(pos),
                    pos - PARAGRAPH_WINDOW, 0)
        # A scraped page's lines hold several HTML paragraphs (…</p><p>…, <br>).
        tag = max(text.rfind(mark, floor, pos) for mark in _HTML_BREAKS)
        return max(floor, text.find(">", tag, pos) + 1) if tag != -1 else floor

    def part_start(self, pos: int) -> int:
        index = bisect.bisect_right(self.parts, pos) - 1
        return self.parts[index] if index >= 0 else 0

    def same_part(self, a: int, b: int) -> bool:
        """Whether offsets ``a`` and ``b`` lie in one part of the file."""
        return bisect.bisect_right(self.parts, a) == bisect.bisect_right(self.parts, b)


PLAIN = Passages()


def paragraph_start(text: str, pos: int, passages: Passages = PLAIN) -> int:
    """Where the paragraph holding ``pos`` starts (see :meth:`Passages.paragraph_start`)."""
    return passages.paragraph_start(text, pos)


def clause_start(text: str, pos: int, floor: int) -> int:
    """Where the clause holding ``pos`` starts (after the previous ，；：、 or bracket)."""
    while pos > floor:
        last = _UP_TO_LAST_CLAUSE_MARK.match(text, floor, pos)
        if last is None:
            return floor
        mark = last.end() - 1
        if not is_group_comma(text, mark):
            return mark + 1
        pos = mark  # 27，203: the comma groups digits; the clause goes on before it
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


def is_output(label: str) -> bool:
    """Output (GDP, value added), whose real rate may run far from the nominal one, both ways
    (the deflator of output can fall several per cent); the real rate of an income or of
    spending can only run below its nominal one, or a little above in a year of falling
    consumer prices."""
    return bool(_OUTPUT.search(label))


def is_index(label: str) -> bool:
    """Indices (价格指数) measure against a base; their changes are not growth of an amount."""
    return bool(_INDEX.search(label))


def is_intensive(label: str) -> bool:
    """Averages, rates and prices: they never add up to a total."""
    return bool(_INTENSIVE.search(label))


def comparable_marker(text: str) -> str:
    """The first 可比价 / 同口径 / 实际增长 … marker in ``text``, or ''."""
    match = _COMPARABLE.search(text)
    return match.group() if match else ""


def marker_for(text: str, s0: int, s1: int, first: int, last: int) -> str:
    """The comparability marker said of the figures ``first``…``last`` of a sentence.

    A sentence that lists indicators separated by ；gives each its own basis: 按可比价格
    said of the output is not said of the revenue after the ；. A marker that opens the
    sentence (按可比口径计算，…) is said of all of it.
    """
    opening = comparable_marker(text[s0 : clause_end(text, s0, s1)])
    if opening:
        return opening
    begin = max(s0, max(text.rfind(mark, s0, first) for mark in "；;") + 1)
    found = [i for i in (text.find(mark, last, s1) for mark in "；;") if i != -1]
    return comparable_marker(text[begin : min(found, default=s1)])


def is_target(text: str) -> bool:
    """Whether a sentence states a plan target rather than a result."""
    return bool(_TARGET.search(text))


@dataclass(frozen=True, slots=True)
class PeriodHint:
    """A phrase giving a span of years: 这五年, 三年来, “十一五”时期."""

    start: int
    end: int
    years: int
    framing: str = PAST   # PAST, FUTURE or PLAN


def _hints(text: str, floor: int, pos: int) -> Iterator[PeriodHint]:
    for match in _PERIOD_HINT.finditer(text, floor, pos):
        if match.group("plan"):
            years, framing = 5, PLAN
        else:
            framing = FUTURE if match.group("future") else PAST
            count = match.group("past") or match.group("future") or match.group("since")
            years = int(count) if count.isdigit() else int(chinese_to_number(count) or 0)
        if 1 <= years <= 30:
            yield PeriodHint(match.start(), match.end(), years, framing)


def period_for(text: str, sentence: int, pos: int, target: bool,
               passages: Passages = PLAIN) -> PeriodHint | None:
    """The span of years a claim at ``pos`` speaks of, stated for the claim's passage.

    The period is the last period phrase of the claim's own sentence (from ``sentence`` to
    ``pos``), or else a period phrase that opens an earlier sentence of the same paragraph
    (``这五年，…。…年均增长r``), not farther than TOPIC_WINDOW. A phrase somewhere inside
    another sentence (``围绕近五年来群众反映的问题``) speaks of something else. A target
    takes a period that looks ahead, a review one that looks back; a plan's period fits both.
    """
    framings = (FUTURE, PLAN) if target else (PAST, PLAN)
    own = [h for h in _hints(text, sentence, pos) if h.framing in framings]
    if own:
        return own[-1]
    paragraph = passages.paragraph_start(text, pos)
    floor = max(paragraph, sentence - TOPIC_WINDOW)
    topics = [h for h in _hints(text, floor, sentence)
              if h.framing in framings and opens_sentence(text, h.start, paragraph)]
    return topics[-1] if topics else None


def opens_sentence(text: str, pos: int, paragraph: int) -> bool:
    """Whether only openers (quotes, 在, 回顾 …) stand between ``pos`` and a sentence start."""
    opener = _SENTENCE_OPENER.search(text, max(paragraph, pos - 8), pos)
    assert opener is not None  # the pattern matches the empty string
    at = opener.start()
    return at == paragraph or text[at - 1] in SENTENCE_ENDS or text[at - 1] in "：:"


_YEAR = lazy_re(
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


def scope_of(prefix: str) -> str:
    """The place a value's leading words name (全省, 全市, 我县), or ''.

    ``label_of`` drops it so that 全旗地区生产总值 and 地区生产总值 are one indicator; two
    values that both name a place compare only when it is the same place.
    """
    match = _SCOPE_WORD.search(prefix)
    return match.group() if match and match.group() not in _NOT_PLACES else ""


def same_scope(a: str, b: str) -> bool:
    """Two scopes (see :func:`scope_of`) compare unless both name a place, different ones."""
    return not a or not b or a == b
