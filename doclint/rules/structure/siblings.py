"""How a sibling heading's marker looks when it is written inside a line: run into a paragraph
(``…的义务。第六条　教育…``), after another heading on its line (``一、甲　　二、乙``), or read as a
decimal at a line's start (``3.1万亿元…`` is item 3)."""

from __future__ import annotations

from collections.abc import Callable

import regex

from doclint.rules.structure.model import Level
from doclint.rules.structure.numerals import OCR_DASHES, han

# Before a marker: the start of a line, white space or the end of a clause. A 第N条 or 第N章
# followed by a space needs none (``河北省人民政府第一条　为加强…``).
_AFTER = r"(?<=[\s\u3000。；;：:，,！？!?）)”])"
_BOUNDARY = r"(?:^|" + _AFTER + ")"
# A line's indent: spaces, ideographic, no-break, en and em spaces (as ``core.text`` strips them).
_INDENT = r"[ \t\u3000\u00a0\u2002\u2003]"
_WIDE = str.maketrans("0123456789", "０１２３４５６７８９")


def _pattern(template: str) -> Callable[[int], regex.Pattern[str]]:
    cache: dict[int, regex.Pattern[str]] = {}

    def pattern(number: int) -> regex.Pattern[str]:
        if number not in cache:
            circled = chr(0x2460 + number - 1) if 1 <= number <= 20 else "(?!)"
            wide = str(number).translate(_WIDE)
            cache[number] = regex.compile(
                template.format(n=number, w=wide, h=han(number), c=circled), regex.M)
        return cache[number]

    return pattern


def _legal(unit: str) -> str:
    marker = "第[ \u3000]?{h}[ \u3000]?" + unit  # ``第三十五 条`` with a stray space
    return _BOUNDARY + marker + "|" + marker + r"(?=[ \t\u3000])"


MARKERS: dict[Level, Callable[[int], regex.Pattern[str]]] = {
    Level.PART: _pattern(_legal("[编篇]")),
    Level.CHAPTER: _pattern(_legal("章")),
    Level.SECTION: _pattern(_legal("节")),
    Level.CLAUSE: _pattern(_legal("条")),
    Level.ONE: _pattern(_BOUNDARY + "{h}[、．.]"),
    Level.TWO: _pattern("[（(]{h}[）)]"),
    # A decimal-looking "3.1" is item 3 only where a paragraph or a label's value starts
    # (3.1万亿元…, 附件：1.2024年项目清单; not 新增中心）3.97公顷).
    Level.THREE: _pattern(r"(?<=^" + _INDENT + r"*|[：:]|" + _INDENT + r"{{2}})(?:{n}|{w})[.．、]|"
                          + _AFTER + r"(?:{n}|{w})(?:、|[.．](?![\d０-９]))"),
    Level.FOUR: _pattern("[（(](?:{n}|{w})[）)]"),
    Level.FIVE: _pattern("{c}"),
}


# Glued to the text before it (``…情况三、收到…``: a title that lost its line break): any
# character may come before the marker but a numeral, ``第`` or a decimal point, nor one that
# makes a word of it (``统一、``, ``之一、``, ``再三、``), and no numeral may follow it
# (``三、四月份``, ``十三、``, ``第三、``, ``3.5``).
GLUED: dict[Level, Callable[[int], regex.Pattern[str]]] = {
    Level.ONE: _pattern(r"(?<![一二三四五六七八九十百千万两〇零第统唯之同单专不划归逐合无再])"
                        r"(?:{h})、(?![一二三四五六七八九十])"),
    Level.TWO: MARKERS[Level.TWO],
    Level.THREE: _pattern(r"(?<![0-9０-９.．])(?:{n}|{w})[.．、](?![0-9０-９])"),
    Level.FOUR: MARKERS[Level.FOUR],
    Level.FIVE: MARKERS[Level.FIVE],
}


# The sibling written at a line's start in a form that is no heading marker of any level
# (``6【标题】``, ``六 主要任务``, ``4）加强监管``, ``三，强化保障``): the item is there, only
# its number was written differently, which is no gap.
_LINE_START = r"^" + _INDENT + r"*(?:#{{1,6}}[ \t\u3000]*|[*-][ \t\u3000]+)?"
_OTHER_FORM = r"(?:[ \t\u3000]*[【〔\[]|[）)]|[，,：:]|[ \t\u3000]+(?=\p{{Han}}))"
OTHERWISE: dict[Level, Callable[[int], regex.Pattern[str]]] = {
    Level.ONE: _pattern(_LINE_START + "{h}" + _OTHER_FORM),
    Level.THREE: _pattern(_LINE_START + r"(?:{n}|{w})(?![0-9０-９])" + _OTHER_FORM),
}


# A numeral 一 that a scan's OCR read as a dash (``-、`` for ``一、``, ``第二十-条`` for
# ``第二十一条``): the sibling is there, glued wherever the OCR put it.
_DASH = "[" + regex.escape(OCR_DASHES) + "]"
_DASHED_FORMS: dict[Level, str] = {
    Level.ONE: r"(?<![0-9０-９\-－—‐]){d}、",
    Level.PART: "第{d}[编篇]",
    Level.CHAPTER: "第{d}章",
    Level.SECTION: "第{d}节",
    Level.CLAUSE: "第{d}条",
}
_dashed_cache: dict[tuple[Level, int], regex.Pattern[str] | None] = {}


def _dashed(level: Level, number: int) -> regex.Pattern[str] | None:
    key = (level, number)
    if key not in _dashed_cache:
        numeral = han(number)
        form = _DASHED_FORMS.get(level)
        _dashed_cache[key] = None if form is None or "一" not in numeral else regex.compile(
            form.format(d=numeral.replace("一", _DASH)))
    return _dashed_cache[key]


def written(text: str, start: int, end: int, level: Level, number: int) -> regex.Match[str] | None:
    """Where the marker of sibling ``number`` is written in ``text[start:end]``, if it is: as a
    marker of its level, at a line's start in a form no level uses, or with its 一 read as a
    dash by a scan's OCR (``-、``)."""
    found = MARKERS[level](number).search(text, start, end)
    if found is None and level in OTHERWISE:
        found = OTHERWISE[level](number).search(text, start, end)
    if found is None and (dashed := _dashed(level, number)) is not None:
        found = dashed.search(text, start, end)
    return found


def glued_in_order(text: str, start: int, end: int, level: Level, numbers: range) -> bool:
    """Siblings ``numbers`` are all written in ``text[start:end]``, one after another, each
    maybe glued to the text before it (a page that lost the line breaks before its headings)."""
    pattern = GLUED.get(level)
    if pattern is None:
        return False
    for number in numbers:
        found = pattern(number).search(text, start, end)
        if found is None and (dashed := _dashed(level, number)) is not None:
            found = dashed.search(text, start, end)
        if found is None:
            return False
        start = found.end()
    return True


def run_in_last(text: str, start: int, level: Level, number: int) -> int:
    """The last of the siblings that follow ``number`` on its line, one after another (``一、甲
    二、乙　　三、丙`` holds 1 to 3); ``number`` when none does."""
    last = number
    while last < number + _RUN_IN_MAX:
        found = MARKERS[level](last + 1).search(text, start)
        if found is None:
            break
        start, last = found.end(), last + 1
    return last


_RUN_IN_MAX = 50
