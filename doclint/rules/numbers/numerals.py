"""Chinese numerals to numbers, and full-width digits to half-width, offsets unchanged.

cn2an does the conversion too, but importing it costs about 0.3 s per process (it loads
its own dictionaries eagerly); the numerals government prose uses are regular enough for
the small parser below, which the tests cross-check against cn2an.
"""

from __future__ import annotations

from doclint.core.lazyregex import lazy_re
from doclint.core.memo import per_document

DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
          "六": 6, "七": 7, "八": 8, "九": 9}
SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
DIGIT_CHARS = "".join(DIGITS)

# One character for one character, so every offset in the translated text is an offset in
# the document: full-width digits and the full-width decimal point become ASCII.
_HALF = str.maketrans("０１２３４５６７８９．", "0123456789.")
# A full-width comma groups full-width digits in older typeset reports (２７，２０３，３１９).
_FULLWIDTH_GROUP = lazy_re(r"(?<=[０-９])，(?=[０-９]{3}(?![０-９]))")
_HAS_FULLWIDTH = lazy_re(r"[０-９]")


def halfwidth_digits(text: str) -> str:
    """Return ``text`` with full-width digits, points and digit-group commas made ASCII."""
    if not _HAS_FULLWIDTH.search(text):
        return text
    return _FULLWIDTH_GROUP.sub(",", text).translate(_HALF)


def chinese_to_number(text: str) -> float | None:
    """Convert a Chinese numeral (``九万五千九百三十三``, ``二十点五``, ``二〇〇五``) to a number.

    Returns None when ``text`` is not a well-formed numeral.
    """
    if not text:
        return None
    whole, _, fraction = text.partition("点")
    if fraction and not all(ch in DIGITS for ch in fraction):
        return None
    value = _integer(whole) if whole else 0
    if value is None:
        return None
    if fraction:
        return value + float("0." + "".join(str(DIGITS[ch]) for ch in fraction))
    return value


def _integer(text: str) -> int | None:
    if all(ch in DIGITS for ch in text):
        if len(text) == 1:
            return DIGITS[text]
        # A run of bare digits reads digit by digit (二〇〇五), never with a leading 零.
        return int("".join(str(DIGITS[ch]) for ch in text)) if text[0] not in "零〇○" else None
    total = section = number = 0
    last_unit = 0
    for ch in text:
        if ch in DIGITS:
            number = DIGITS[ch]
        elif ch in SMALL_UNITS:
            unit = SMALL_UNITS[ch]
            section += (number or 1) * unit
            number, last_unit = 0, unit
        elif ch in BIG_UNITS:
            unit = BIG_UNITS[ch]
            if unit == 100_000_000:
                total = (total + section + number) * unit
                section = 0
            else:
                section = (section + number) * unit
            number, last_unit = 0, unit
        else:
            return None
    if number and last_unit > 10 and text[-2] not in "零〇○":
        # Colloquial abbreviation: 一万二 = 12000, 三百五 = 350.
        number *= last_unit // 10
    return total + section + number


@per_document
def digit_string_year(text: str) -> int | None:
    """A year written digit by digit in Chinese or mixed numerals (二〇〇五, 二００一, 一九八九)."""
    digits = []
    for ch in text:
        if ch in DIGITS and ch != "两":
            digits.append(DIGITS[ch])
        elif "0" <= ch <= "9":
            digits.append(ord(ch) - 48)
        elif "０" <= ch <= "９":
            digits.append(ord(ch) - 0xFF10)
        else:
            return None
    return int("".join(map(str, digits))) if len(digits) == 4 else None
