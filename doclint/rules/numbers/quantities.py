"""Every number in a document with its unit, magnitude, precision and approximation.

``doc.facts(Quantities)`` scans the text once. ``9722万元`` and ``0.9722亿元`` come out as
the same base value (97,220,000 元); ``35%``, ``2个百分点`` and ``3.2倍`` keep their kinds
apart; ``约``, ``以上``, ``多`` widen the interval a number stands for; the printed
precision (20.48 → 0.01) sets the rounding tolerance.
"""

from __future__ import annotations

import bisect
import functools
import re
from typing import NamedTuple

from doclint.core import Document
from doclint.core.lazyregex import lazy_re
from doclint.rules.numbers.interval import INF, Interval
from doclint.rules.numbers.lexicon import (
    APPROX_AFTER,
    APPROX_BEFORE,
    MAGNITUDES,
    UNITS,
    alternation,
)
from doclint.rules.numbers.numerals import chinese_to_number, digit_string_year

AMOUNT = "amount"      # a value with a unit: 20.48亿元, 1.4万户
PERCENT = "percent"    # 35%, 百分之二十, 三分之一, 1/4
POINTS = "points"      # 2个百分点
TIMES = "times"        # 3.2倍
PERMILLE = "permille"  # 5‰
BARE = "bare"          # a number with no unit at all
YEAR = "year"          # 2024年
DURATION = "duration"  # 3年: how long, never an operand

_CN_DIGIT = "零〇○一二两三四五六七八九"
_CN_CHARS = _CN_DIGIT + "十百千万亿"
_UNIT_WORDS = alternation(u for u in UNITS if u != "年")

# NOTE: the scan pattern starts with one character class, so the engine skips ahead to the
# next digit; a pattern starting with a look-behind or an alternation ran three to five
# times slower. Commas count only between groups of three digits (27，203，319).
_DIGIT_RUN = lazy_re(
    r"[0-9０-９][0-9０-９]*(?:[,，][0-9０-９]{3}(?![0-9０-９]))*(?:[.．][0-9０-９]+)?")
# Chinese numerals are looked up only before the few words that make them quantities.
_CN_ANCHORS = ("分之", "倍")
_DENOMINATORS = {"百": 100, "千": 1000, "万": 10_000}
_CN_NUMERAL = lazy_re(rf"[{_CN_DIGIT}十][{_CN_CHARS}]*(?:点[{_CN_DIGIT}]+)?$")
_SUFFIX = lazy_re(
    rf"(?P<more>多|余)?(?P<mag>{alternation(MAGNITUDES)})?(?P<more2>多|余)?"
    rf"(?:(?P<rel>%|％|‰|个百分点|百分点|倍)|(?P<unit>{_UNIT_WORDS}))?"
)
_FRACTION = lazy_re(
    rf"分之([0-9０-９]+(?:[.．][0-9０-９]+)?|[{_CN_DIGIT}十百]+(?:点[{_CN_DIGIT}]+)?)")
_SLASH_FRACTION = lazy_re(r"/([0-9０-９]{1,3})(?![0-9０-９/])")
_RANGE_MARK = "-~～—–－至"
# What a range's first end looks like just before the range mark: a number, maybe with its
# magnitude, unit or per cent sign (650万-750万台, 1--2家, 5%-10%). A minus after it is a
# range mark, not a sign.
_RANGE_LEFT = lazy_re(
    rf"[0-9０-９〇一二两三四五六七八九十](?:多|余)?(?:{alternation(MAGNITUDES)})?"
    rf"(?:[%％‰]|{_UNIT_WORDS})?[{re.escape(_RANGE_MARK)}]{{1,2}}$")
_RANGE_RIGHT = lazy_re(rf"[{re.escape(_RANGE_MARK)}]{{1,2}}[0-9０-９〇一二两三四五六七八九十]")
_APPROX_BEFORE_LAST = frozenset(w[-1] for w in APPROX_BEFORE)
_APPROX_AFTER_FIRST = frozenset(w[0] for w in APPROX_AFTER)
_REL_KIND = {"%": PERCENT, "％": PERCENT, "‰": PERMILLE, "个百分点": POINTS, "百分点": POINTS,
             "倍": TIMES}
_LATIN = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                   "ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ")
_NUMBER_GLUE = frozenset("0123456789０１２３４５６７８９.．")
_SHARE_CUE = frozenset("占近约超的逾足达有")
_HALF = str.maketrans("０１２３４５６７８９．，", "0123456789.,")
_FULLWIDTH = frozenset("０１２３４５６７８９")
SPACE_CHARS = " \u3000\u00a0\t\u2009\u202f"
_SPACE_CHARS = frozenset(SPACE_CHARS)
_MINUS = frozenset("-−－")
_PERCENT_SIGNS = frozenset("%％")
_CODE = _LATIN | frozenset("+_/\\#&")
_FIGURES = frozenset("0123456789０１２３４５６７８９")
_NOTABLE = _SPACE_CHARS | _MINUS | _PERCENT_SIGNS | _CODE
_SPAN = re.Match.span


class Quantity(NamedTuple):
    """A number as printed, and what it stands for.

    A named tuple rather than a frozen dataclass: documents hold thousands of numbers, and
    a tuple is built several times faster.
    """

    start: int
    end: int
    value: float           # as printed, in the printed magnitude: 20.48 for 20.48亿元
    scale: float           # the magnitude: 1e8 for 亿
    kind: str
    unit: str              # base unit (元, 人, 亩 …); "%" for percentages; "" when bare
    factor: float          # printed unit → base unit (千米 → 公里: 1; 兆瓦 → 千瓦: 1000)
    step: float            # one unit of the last printed digit, in printed magnitude
    approx: str = ""       # "", "about", "above" or "below"
    text: str = ""         # the printed number, magnitude and unit
    unit_text: str = ""    # the printed magnitude and unit: 亿元, 万户, %
    ranged: bool = False   # one end of a range (5～10亿元)
    ordinal: bool = False  # 第9名, 第2版

    @property
    def base(self) -> float:
        """The value in base units: 97,220,000 for 9722万元."""
        return self.value * self.scale * self.factor

    def interval(self) -> Interval:
        """What the printed number may stand for, in base units."""
        unit = self.scale * self.factor
        value, half = self.value * unit, 0.5 * self.step * unit
        if self.approx == "about":
            return Interval(value - half - 0.05 * abs(value), value + half + 0.05 * abs(value))
        if self.approx == "above":
            return Interval(value - half, INF)
        if self.approx == "below":
            return Interval(-INF if value < 0 else 0.0, value + half)
        return Interval(value - half, value + half)

    def comparable(self, other: Quantity) -> bool:
        """Same kind and base unit: 9722万元 and 0.9722亿元 compare; 35% and 35万元 do not."""
        return self.kind == other.kind and self.unit == other.unit


class Quantities:
    """The quantities of one document, in text order, built on demand.

    The scan for digit runs covers the whole text; turning a run into a ``Quantity`` costs
    a few microseconds, so it happens only for the regions a rule asks about. The scan also
    sorts out, in the same pass, the few runs the format rules look at (full-width digits,
    a space or a minus sign beside a number, a percentage above 99), so that no rule loops
    over every number again.
    """

    def __init__(self, text: str, starts: list[int], ends: list[int]) -> None:
        self.text = text
        self.starts = starts
        self.ends = ends
        self.fullwidth: list[int] = []    # runs that start with a full-width digit
        self.spaced: list[int] = []       # runs with a space right before or after
        self.signed: list[int] = []       # runs right after a minus sign
        self.hundreds: list[int] = []     # runs of three or more digits before % or ％
        self.coded: list[int] = []        # runs inside identifiers and escapes (U+00A0, G331)
        self._built: dict[int, Quantity | None] = {}

    @classmethod
    def from_document(cls, doc: Document) -> Quantities:
        text = doc.text
        spans = list(map(_SPAN, _DIGIT_RUN.finditer(text)))
        quantities = cls(text, [s for s, _ in spans], [e for _, e in spans])
        padded = text + "\0"  # NOTE: so that the characters around any run can be read
        fullwidth, spaced, signed = quantities.fullwidth, quantities.spaced, quantities.signed
        hundreds, coded = quantities.hundreds, quantities.coded
        for index, (start, end) in enumerate(spans):
            before, after = padded[start - 1], padded[end]  # padded[-1]: none before the text
            if before in _NOTABLE or after in _NOTABLE:
                if before in _SPACE_CHARS or after in _SPACE_CHARS:
                    spaced.append(index)
                if before in _MINUS:
                    signed.append(index)
                if (after in _PERCENT_SIGNS and padded[start + 2] in _FIGURES
                        and padded[start + 1] in _FIGURES):
                    hundreds.append(index)
                if before in _CODE or after in _CODE:
                    coded.append(index)
            if text[start] in _FULLWIDTH:
                fullwidth.append(index)
        return quantities

    @functools.cached_property
    def after_han(self) -> int:
        """How many numbers follow a Chinese character directly (no space)."""
        text = self.text
        return sum(1 for s in self.starts if s and "\u4e00" <= text[s - 1] <= "\u9fff")

    def within(self, start: int, end: int) -> list[Quantity]:
        """The quantities that start inside ``[start, end)``, Chinese numerals included."""
        lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_left(self.starts, end)
        found = [q for q in map(self.run, range(lo, hi)) if q is not None]
        chinese = _chinese(self.text, start, end)
        if chinese:
            found = sorted(found + chinese, key=lambda q: q.start)
        # The denominator of 1/4 is a digit run of its own; it belongs to the fraction.
        return [q for i, q in enumerate(found) if not i or q.start >= found[i - 1].end]

    def run(self, index: int) -> Quantity | None:
        """The quantity of the ``index``-th digit run (None when it is not one)."""
        try:
            return self._built[index]
        except KeyError:
            quantity = self._built[index] = _arabic(self.text, self.starts[index],
                                                    self.ends[index])
            return quantity


def _arabic(text: str, start: int, end: int) -> Quantity | None:
    number = text[start:end]
    before = text[start - 1] if start else ""
    if before in _LATIN or before in _NUMBER_GLUE or text[end : end + 1] in _LATIN:
        return None
    digits = number if number.isascii() else number.translate(_HALF)
    if "," in digits:
        digits = digits.replace(",", "")
    after = text[end : end + 1]
    if after == "年" and text[end + 1 : end + 2] != "均":
        return _year_or_duration(digits, start, end, number)
    if after == "/":
        return _slash_fraction(text, start, end, digits)
    if after == "分" and text[end + 1 : end + 2] == "之":
        fraction = _FRACTION.match(text, end)
        return fraction and _percent(text, start, fraction.end(), fraction.group(1), float(digits))
    # A doubled hyphen is a dash (《山水城--5栋…协议》), never a minus sign.
    negative = (before in _MINUS and text[start - 2 : start - 1] not in _MINUS
                and _RANGE_LEFT.search(text, max(0, start - 12), start) is None)
    if negative:
        start -= 1
    value = -float(digits) if negative else float(digits)
    return _measure(text, start, end, value, _step(digits))


def _chinese(text: str, begin: int, stop: int) -> list[Quantity]:
    """Chinese numerals before 分之 (三分之一, 百分之二十) and 倍 (近两倍)."""
    found = []
    for anchor in _CN_ANCHORS:
        at = text.find(anchor, begin, stop)
        while at != -1:
            start = at
            while start > 0 and at - start < 12 and text[start - 1] in _CN_CHARS:
                start -= 1
            numeral = text[start:at]
            if numeral and (_CN_NUMERAL.match(numeral) or numeral in _DENOMINATORS):
                quantity = (_cn_fraction(text, start, at, numeral) if anchor == "分之"
                            else _measure(text, start, at, float(chinese_to_number(numeral) or 0),
                                          1.0))
                if quantity is not None and quantity.value and quantity.start >= begin:
                    found.append(quantity)
            at = text.find(anchor, at + 1, stop)
    return found


def _cn_fraction(text: str, start: int, at: int, numeral: str) -> Quantity | None:
    fraction = _FRACTION.match(text, at)
    den = _DENOMINATORS.get(numeral) or chinese_to_number(numeral)
    if fraction is None or not den:
        return None
    return _percent(text, start, fraction.end(), fraction.group(1), float(den))


def _measure(text: str, start: int, end: int, value: float, step: float) -> Quantity:
    suffix = _SUFFIX.match(text, end)
    assert suffix is not None
    more, mag, more2, rel, unit = suffix.groups()
    more = more or more2
    mag = mag or ""
    if rel:
        kind, base_unit, factor = _REL_KIND[rel], ("%" if rel in "%％" else rel), 1.0
    elif unit:
        kind, (base_unit, factor) = AMOUNT, UNITS[unit]
    else:
        kind, base_unit, factor = BARE, "", 1.0
    stop = suffix.end() if (rel or unit or mag) else end
    approx = "above" if more else _approx(text, start, stop)
    return Quantity(start, stop, value, MAGNITUDES.get(mag, 1.0), kind, base_unit, factor, step,
                    approx, text[start:stop], mag + (rel or unit or ""), _ranged(text, start, stop),
                    start > 0 and text[start - 1] == "第")


def _year_or_duration(digits: str, start: int, end: int, printed: str) -> Quantity | None:
    year = digit_string_year(digits)
    if year is not None and 1800 <= year <= 2100:
        return Quantity(start, end, float(year), 1.0, YEAR, "年", 1.0, 1.0, text=printed,
                        unit_text="年")
    count = float(digits) if digits[0].isdigit() else chinese_to_number(digits)
    if not count or count > 100:
        return None
    return Quantity(start, end + 1, float(count), 1.0, DURATION, "年", 1.0, 1.0,
                    text=printed + "年", unit_text="年")


def _slash_fraction(text: str, start: int, end: int, numer: str) -> Quantity | None:
    denominator = _SLASH_FRACTION.match(text, end)
    if not (start and text[start - 1] in _SHARE_CUE) or denominator is None:
        return None
    den = float(denominator.group(1).translate(_HALF))
    if den == 0:
        return None
    stop = denominator.end()
    return Quantity(start, stop, 100 * float(numer) / den, 1.0, PERCENT, "%", 1.0, 0.0,
                    _approx(text, start, stop), text[start:stop], "%")


def _percent(text: str, start: int, end: int, numer: str, den: float) -> Quantity | None:
    value = _number(numer)
    if value is None or not den:
        return None
    printed = text[start:end]
    approx = _approx(text, start, end)
    if den == 100:
        if numer[0] in _NUMBER_GLUE:
            step = _step(numer.translate(_HALF))
        else:
            step = 10.0 ** -len(numer.partition("点")[2])
        return Quantity(start, end, value, 1.0, PERCENT, "%", 1.0, step, approx, printed, "%")
    if den == 1000:
        return Quantity(start, end, value, 1.0, PERMILLE, "‰", 1.0, 1.0, approx, printed, "‰")
    return Quantity(start, end, 100 * value / den, 1.0, PERCENT, "%", 1.0, 0.0, approx, printed,
                    "%")


def _number(text: str) -> float | None:
    if text[0] in _NUMBER_GLUE:
        return float(text.translate(_HALF))
    parsed = chinese_to_number(text)
    return None if parsed is None else float(parsed)


def _step(digits: str) -> float:
    """One unit of the last printed digit. Integers with trailing zeros trust two digits."""
    whole, _, decimals = digits.partition(".")
    if decimals:
        return 10.0 ** -len(decimals)
    if not whole.endswith("0"):
        return 1.0
    zeros = len(whole) - len(whole.rstrip("0"))
    return 10.0 ** max(0, min(zeros, len(whole) - 2))


def _approx(text: str, start: int, end: int) -> str:
    if start and text[start - 1] in _APPROX_BEFORE_LAST:
        for size in (2, 1, 3):
            word = APPROX_BEFORE.get(text[max(0, start - size) : start])
            if word:
                return word
    if text[end : end + 1] in _APPROX_AFTER_FIRST:
        for size in (2, 1):
            word = APPROX_AFTER.get(text[end : end + size])
            if word:
                return word
    return ""


def _ranged(text: str, start: int, end: int) -> bool:
    """One end of a range: 5～10亿元, 15%—30%, 三至五万人."""
    if start and text[start - 1] in _RANGE_MARK and _RANGE_LEFT.search(
            text, max(0, start - 12), start):
        return True
    return end < len(text) and text[end] in _RANGE_MARK and bool(_RANGE_RIGHT.match(text, end))
