"""Ordinal numbers as headings and enumerations write them: 一…九十九, 两, Arabic and
full-width digits."""

from __future__ import annotations

from doclint.core.lazyregex import lazy_regex

_DIGITS = {"〇": 0, "零": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
           "六": 6, "七": 7, "八": 8, "九": 9}
_WIDE = str.maketrans("０１２３４５６７８９", "0123456789")

# Character classes for patterns that capture an ordinal.
HAN_NUMERAL = "一二三四五六七八九十两〇零○百"
ARABIC = "0-9０-９"


# A scan (OCR) reads the stroke of 一 as a dash (``-、`` for 一、, ``第二十-条``), and the strokes
# of a small numeral in a bracketed heading marker as a dash or a tilde: ``(—)``, ``(-)``,
# ``(~)`` where the page had （一）, （二）. Only its place in the sequence says which number it
# was (see ``damaged_numeral`` and ``restored``).
OCR_DASHES = "—―－‐-"
_DAMAGED = lazy_regex(r"^[（(][ \u3000]*(?P<mark>[" + OCR_DASHES.replace("-", "\\-")
                      + r"~～])[ \u3000]*[）)]")


def ordinal(text: str) -> int | None:
    """The value of ``text`` (一, 十二, 二十三, 百, 12, １２), or None when it is not a number."""
    if not text:
        return None
    ascii_digits = text.translate(_WIDE)
    if ascii_digits.isdigit():
        return int(ascii_digits)
    if text == "百":
        return 100
    if "十" not in text:
        if len(text) == 1:
            return _DIGITS.get(text)
        values = [_DIGITS.get(c) for c in text]
        return None if None in values else int("".join(map(str, values)))
    tens, _, units = text.partition("十")
    high = 1 if not tens else _DIGITS.get(tens)
    low = 0 if not units else _DIGITS.get(units)
    if high is None or low is None or len(tens) > 1 or len(units) > 1:
        return None
    return high * 10 + low


def han(number: int) -> str:
    """1 → 一, 12 → 十二, 23 → 二十三 (for messages)."""
    names = "〇一二三四五六七八九"
    if number < 10:
        return names[number]
    tens, units = divmod(number, 10)
    if number >= 100:
        return str(number)
    return ("" if tens == 1 else names[tens]) + "十" + ("" if units == 0 else names[units])


def damaged_numeral(text: str) -> int | None:
    """Where ``text`` opens with a bracketed heading marker whose numeral a scan damaged into a
    dash or a tilde (``(—)全力推进…``, ``(~)切实转变…``): the offset of that character, else None."""
    if text[:1] not in "（(":
        return None
    match = _DAMAGED.match(text)
    return match.start("mark") if match else None


def restored(text: str, at: int, number: int) -> str:
    """``text`` with the damaged numeral at ``at`` read as ``number`` (1 to 9: one character for
    one, so that every offset in the line stays where it was)."""
    return text[:at] + han(number) + text[at + 1 :]
