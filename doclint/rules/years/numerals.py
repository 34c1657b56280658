"""Reading the numerals years and dates are written in: Arabic (half or full width) and Chinese."""

from __future__ import annotations

# Digit-by-digit forms used for years (二〇二四, 一九九八); ○ (U+25CB), Ｏ and 零 are common
# stand-ins for 〇 in scraped text.
_DIGIT = {"〇": 0, "○": 0, "零": 0, "Ｏ": 0, "O": 0, "o": 0, "一": 1, "二": 2, "三": 3, "四": 4,
          "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "两": 2}

CHINESE_DIGITS = "〇○零Ｏ一二三四五六七八九"
ARABIC_DIGITS = "0-9０-９"
YEAR_MIN, YEAR_MAX = 1840, 2100


def arabic(text: str) -> int:
    """``'２０２４'`` or ``'2024'`` -> 2024 (``int`` reads any Unicode decimal digits)."""
    return int(text)


def chinese_digits(text: str) -> int:
    """Digit-by-digit Chinese numerals: ``'二〇二四'`` -> 2024."""
    value = 0
    for char in text:
        value = value * 10 + _DIGIT[char]
    return value


def chinese_cardinal(text: str) -> int:
    """Small Chinese cardinals as used for months, days, ordinals and anniversaries (< 1000).

    ``'十'`` -> 10, ``'二十四'`` -> 24, ``'一百'`` -> 100, ``'一百零五'`` -> 105; digit-by-digit
    strings without 十/百 (``'三五'``) are read digit by digit.
    """
    if "十" not in text and "百" not in text:
        return chinese_digits(text)
    total = 0
    current = 0
    for char in text:
        if char == "百":
            total += (current or 1) * 100
            current = 0
        elif char == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = _DIGIT[char]
    return total + current


def number(text: str) -> int:
    """An Arabic or Chinese cardinal: ``'30'``, ``'３０'``, ``'三十'``."""
    if text[0] in "0123456789０１２３４５６７８９":
        return arabic(text)
    return chinese_cardinal(text)


def is_plausible_year(value: int) -> bool:
    return YEAR_MIN <= value <= YEAR_MAX
