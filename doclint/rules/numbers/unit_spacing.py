"""N303: a space between a number and its unit or per cent sign (13.7 %)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from doclint.core import (
    Category,
    Document,
    Example,
    Examples,
    Finding,
    Fix,
    Message,
    Related,
    Rule,
    Span,
)
from doclint.core.diagnostic import SAFE, UNSAFE
from doclint.core.fixes import disjoint_edits
from doclint.core.lazyregex import lazy_re
from doclint.rules.numbers.lexicon import MAGNITUDES, UNITS, alternation
from doclint.rules.numbers.quantities import SPACE_CHARS, Quantities
from doclint.rules.structure.layout import Layout

SPACES = SPACE_CHARS
_UNIT = lazy_re(
    rf"%|％|‰|个百分点|百分点|倍|{alternation(list(MAGNITUDES) + [u for u in UNITS if u != '年'])}")
_MAX_GAP = 3
# Two full-width spaces or a tab between a number and a word separate table columns
# (序号　　名称), they are not a stray space inside a quantity.
_COLUMN_GAP = lazy_re(r"\u3000{2}|\t")
# A character set apart by single spaces on both sides: letter-spaced layout (1 9 9 7 年).
_SPACED_OUT = lazy_re(r"(?<=[^\s] )[^\s](?= [^\s])")
_LETTER_SPACING_WINDOW = 8
_LETTER_SPACED_MIN = 3

_LETTER_SPACED = Message(
    "数字与单位之间有空格：全文逐字加空格排版，此类空格共{count}处（首处“{number}”与“{unit}”之间），"
    "其余见相关位置。",
    "Spaces between numbers and units: the document is letter-spaced throughout ({count} "
    "such spaces, the first between “{number}” and “{unit}”); the others are related.",
)
_ANOTHER = Message("同一排版问题的又一处", "another occurrence of the same layout")
_SHOWN = 20


def unit_after_spaces(text: str, pos: int) -> str:
    """The unit or per cent sign that follows ``pos`` after a short run of spaces, or ''."""
    end = pos
    while end < len(text) and end - pos < _MAX_GAP and text[end] in SPACES:
        end += 1
    unit = _UNIT.match(text, end) if end - pos < _MAX_GAP else None
    return unit.group() if unit else ""


def letter_spaced(text: str, start: int, end: int) -> bool:
    """Whether the text around ``[start, end)`` sets its characters apart one by one."""
    begin = max(0, start - _LETTER_SPACING_WINDOW)
    stop = min(len(text), end + _LETTER_SPACING_WINDOW)
    line_start = text.rfind("\n", begin, start) + 1 or begin
    line_end = text.find("\n", end, stop)
    window = text[max(begin, line_start) : stop if line_end == -1 else line_end]
    return len(_SPACED_OUT.findall(window)) >= _LETTER_SPACED_MIN


def one_for_the_layout(findings: Sequence[Finding], message: Message) -> Finding:
    """One finding for a layout repeated through a document, the others as related spans."""
    first = findings[0]
    related = tuple(Related(f.span, _ANOTHER) for f in findings[1 : 1 + _SHOWN])
    fix = None
    if all(f.fix is not None for f in findings):
        edits = disjoint_edits(e for f in findings for e in f.fix.edits)  # type: ignore[union-attr]
        fix = Fix(edits, Message(f"删除全部{len(findings)}处空格",
                                 f"Remove all {len(findings)} spaces"), UNSAFE)
    return Finding(first.span, message, related, fix)


class UnitSpacing(Rule):
    """数字与单位、百分号之间有空格（“13.7 %”“90 %以上”“120 万元”）。

    GB/T 15835 的数值与单位、百分号连写。常见于从排版文件复制或录入时误敲空格。
    修复删除空格。表格中数字与下一栏之间的分栏空白（两个全角空格、制表符）不是这种
    空格，序号（“第 2 条”）也不是数量，都不报。全文逐字加空格排版（“1 9 9 7 年 增 长
    1 3 . 7 %”）时，这些空格是同一个版式问题：整篇只报一次，其余各处作为相关位置。
    条目的编号不是数量：带前导零的编号（“048 名例律例编”），以及与前后条目的编号相连、
    都在行首或都紧接在上一条目末尾的编号（指标表的“25 生活垃圾…⏎26 人均…”，连成一行的书目
    “…刻本277 行水金鉴…刻本278 册府元龟…”），后面的字是条目的名称，不是单位，不报。
    """

    code = "N303"
    name = "number.unit-spacing"
    category = Category.SPACING
    summary = Message("数字与单位之间有空格。", "A space between a number and its unit.")
    message = Message("“{number}”与“{unit}”之间有空格。",
                      "A space between “{number}” and “{unit}”.")
    fixable = True
    # A document that spaces four numbers or more from their units does so by one habit (a passage
    # pasted with padded numbers): one finding, the rest related (noisy one by one in r40).
    group_after = 3
    examples = Examples(
        bad=(Example("工业在国民经济中的比重达到13.7 %，覆盖率达到90 %以上。",
                     fixed="工业在国民经济中的比重达到13.7%，覆盖率达到90%以上。"),),
        good=("工业在国民经济中的比重达到13.7%。", "见《人民日报》第2 版。", "2024 年工作回顾",
              "序号　　项目名称\n563　　台湾记者来大陆采访审批"),
    )
    basis = "GB/T 15835—2011 数值与单位连写"

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        title = Message("删除空格", "Remove the space")
        quantities = doc.facts(Quantities)
        spaced_out: list[tuple[Finding, str, str]] = []
        spaced_file = doc.facts(Layout).letter_spaced is not None
        for index in quantities.spaced:
            start, end = quantities.starts[index], quantities.ends[index]
            if text[end : end + 1] not in SPACES or end == len(text):
                continue
            gap_end = end
            while gap_end < len(text) and gap_end - end < _MAX_GAP and text[gap_end] in SPACES:
                gap_end += 1
            if gap_end == end or gap_end - end >= _MAX_GAP or _COLUMN_GAP.search(text, end,
                                                                                gap_end):
                continue
            unit = _UNIT.match(text, gap_end)
            if unit is None or _ordinal(text, start) or _row_number(text, start, end):
                continue
            spaced = spaced_file or letter_spaced(text, start, unit.end())
            if not spaced and _entry_number(text, start, end):
                continue
            span = Span(end, gap_end)
            number = text[start:end]
            finding = self.report(span, number=number, unit=unit.group(),
                                  fix=self.replace(span, "", title, SAFE))
            if spaced:
                spaced_out.append((finding, number, unit.group()))
            else:
                yield finding
        if spaced_out:
            _, first_number, first_unit = spaced_out[0]
            yield one_for_the_layout([f for f, _, _ in spaced_out], _LETTER_SPACED.format(
                count=len(spaced_out), number=first_number, unit=first_unit))


def _row_number(text: str, start: int, end: int) -> bool:
    """A number opening its line and set off by an ideographic space numbers a row of a list or
    table (``4　张晓梅　…``): the word after it is the next column, not its unit."""
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip(SPACES) and text[end] == "\u3000"


def _entry_number(text: str, start: int, end: int) -> bool:
    """A whole number that numbers an entry of a catalogue or a table run together, not a
    quantity: written with a leading zero (``…图书馆048 律例…``), or standing where entries start
    (each at a line's start, or each glued to the end of the entry before) among entries
    numbered next to it, two in a row (``24 …⏎25 生活垃圾…⏎26 人均…``, ``…刻本277 行水…刻本278 册府…``).
    """
    digits = text[start:end]
    if not digits.isdigit():
        return False
    if len(digits) > 1 and digits[0] in "0０":
        return True
    kind = _entry_start(text, start)
    if kind is None:
        return False
    number = int(digits)
    before = _entries(text, max(0, start - _ENTRY_REACH), start, kind)
    after = _entries(text, end, min(len(text), end + _ENTRY_REACH), kind)
    return (number - 1 in before and (number - 2 in before or number + 1 in after)) \
        or (kind and {number + 1, number + 2} <= after)  # a table's first row


def _entries(text: str, start: int, end: int, kind: bool) -> set[int]:
    """The numbers of the entries in ``text[start:end]`` that start as ``kind`` says; an entry
    glued to the one before opens with a word (not ``5 1 6 0``, a figure spaced out)."""
    return {int(m.group(1)) for m in _ENTRY.finditer(text, start, end)
            if int(m.group(1)) > 0 and _entry_start(text, m.start(1)) is kind
            and (kind or not m.group(2).isdigit())}


def _entry_start(text: str, start: int) -> bool | None:
    """Where a number stands that may number an entry: True at a line's start (after its
    indent), False glued to the end of a word; None after a space or a figure."""
    if start == 0:
        return True
    before = text[start - 1]
    if before == "\n":
        return True
    if before in SPACES:
        line_start = text.rfind("\n", 0, start) + 1
        return True if not text[line_start:start].strip(SPACES) else None
    return None if before.isdigit() or before in ".．-—~～/:：" else False


# An entry's number: digits then one space before the entry's text.
_ENTRY = lazy_re(r"(?<![0-9０-９.．])([0-9]{1,4})[ \u3000](\S)")
_ENTRY_REACH = 400


def _ordinal(text: str, start: int) -> bool:
    """第2 条, 第 3 名: a rank or a position, not a quantity."""
    pos = start
    while pos > 0 and text[pos - 1] in SPACES:
        pos -= 1
    return pos > 0 and text[pos - 1] == "第"
