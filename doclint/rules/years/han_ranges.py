"""Spans of years written in Chinese numerals whose two ends are one year
(``一九七六年到一九七六年这十年``): the Arabic spans are year groups of ``YearFacts``; these are
read here for the year-placeholder rule (Y301), which rewrites both kinds alike.
"""

from __future__ import annotations

from doclint.core import Span
from doclint.core.lazyregex import lazy_regex
from doclint.rules.years import numerals

_HAN = r"[一二][〇○零一二三四五六七八九]{3}"
# 一九六六年到一九七六年, 一九七八—一九八八年: the first year directly before the mark, so a
# span within a year (一九七六年三月到一九七六年十月, 一九七六年初至一九七六年底) is not one.
_SPAN = lazy_regex(
    rf"(?<![〇○零一二三四五六七八九十])(?P<a>{_HAN})\s?年?\s?(?:—|－|-|―|~|～|至|到)\s?(?P<b>{_HAN})\s?年"
    r"(?!\s?(?:底|末|初|上半年|下半年|[一二三四]季度|[〇○零一二三四五六七八九十]{1,2}月))")


def han_same_year_spans(text: str) -> list[Span]:
    """Spans of two Chinese-numeral years that are the same year."""
    return [Span(*match.span()) for match in _SPAN.finditer(text)
            if numerals.chinese_digits(match.group("a")) == numerals.chinese_digits(match.group("b"))]
