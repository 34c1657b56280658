"""T405: a stretch of OCR or decoding garbage inside the text (a scanned cover, mojibake).

A scanned page that holds no text (a back cover, a stamp, a photo) comes out of OCR as a run of
marks, stray Latin letters, odd symbols and single characters: ``、.、盆，，l碑.命‘工，、补’``. A
file decoded with the wrong code page turns a sentence into rare characters and symbols:
``刀遣扇⌒陆ā⒒毓骸``. Neither is a sentence with a wrong mark in it: it is not text at all, and
what other rules would find inside it (a doubled comma, an unpaired quote) is noise.

The model scores each character of a line by how little it looks like text:

- an odd symbol (a presentation form ``﹃``, an arc ``⌒``, a Latin letter with a diacritic ``ā``,
  an enumerator glued to a word ``毓⒏``, a ``?`` standing for a byte inside a word): 2;
- a lone lowercase Latin letter between other characters: 2 (uppercase: 1, ``A级`` is a word);
- two marks side by side that no text writes together (``、.``, ``，，``, ``;，``): 2;
- a stray mark (``_``, ``|``, ``*``, ``{``) or a single character between two different marks: 1.

Text never scores much: marks stand between words, letters make words (``GDP``, ``5G``), runs
of one mark (``******``, ``____``) count once, HTML tags and entities are left to the markup
rule, and line breaks written as characters (``。\\r\\n二、``, a file serialised wrongly) are
line breaks (T406 reports them). A
window of 20 characters scoring 8 or more is noise; overlapping windows make one stretch,
trimmed to its first and last scoring character. A stretch is kept when it scores 12 with two
kinds of evidence, or holds four odd symbols (mojibake is all symbols and rare characters).

A conversion that replaced one character everywhere writes a placeholder token after every
figure (``增长18.9_M_M_；``, the ``%`` lost): letters between underscores glued to a figure,
the same token three times or more. That is one defect of the file, reported once with every
place related, and the scoring leaves those tokens out.

Computed once per document with ``doc.facts(TextNoise)``; the rule reports each stretch and
masks it, so that no other rule reports inside it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from doclint.core import (
    Category,
    Document,
    Example,
    Examples,
    Finding,
    Maturity,
    Message,
    Related,
    Rule,
    Severity,
    Span,
)
from doclint.core.lazyregex import lazy_re, lazy_regex
from doclint.core.text import shorten
from doclint.rules.structure.layout import escaped_breaks
from doclint.rules.templates.removal import removal_fix
from doclint.rules.templates.scan import line_end as line_end_of
from doclint.rules.templates.scan import line_start as line_start_of

_MARKS = frozenset(
    "，。、；：？！“”‘’（）《》【】「」『』〔〕〈〉…—―·.,;:!?'\"()[]{}<>［］｛｝_|\\`^~*＊/－-．／"
)
_OPENING = frozenset("“‘（(《【「『〔〈[{<［｛\"'")
_CLOSING = frozenset("”’）)》】」』〕〉]}>］｝\"'")
_ENDING = frozenset("。！？!?…—.")
_REPEATED = frozenset("…—―·.-－*")  # marks text doubles on purpose (……, ——)
_STRAY = frozenset("_|\\`^~*＊{}")
_SYMBOLS = frozenset("%‰℃°′″×÷±≤≥＜＞＝+−～·•●○■□◆◇▲△★☆√※#&@％﹪＋＝")
_HAN = lazy_regex(r"\p{Han}")
_MARKUP = lazy_regex(r"</?[A-Za-z][^<>\n]{0,80}>|&[a-z]{2,6};|&#\d{2,5};")
# What scores most: an unusual character, two marks side by side (not a closing mark, nor an
# opening one after it), a stray mark. A line is scored only around a cluster of these.
_PLAIN = "".join(sorted(_MARKS | _SYMBOLS))
_HAN_RANGES = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"


def _chars(marks: frozenset[str]) -> str:
    return "[" + re.escape("".join(sorted(marks))) + "]"


# Characters ``_score`` never scores alone: text, digits (full-width too), the letters and
# symbols real text uses (see ``_ordinary_symbol``).
_ORDINARY_RANGES = "\uff10-\uff5a\u0391-\u03c9\u2160-\u217f\u3371-\u33df\u25a0-\u27bf"
# The suspects are found with two patterns, each led by one character class, so that the
# engine skips between candidates in C instead of trying an alternation at every character
# (four times slower). Every match is one character long: the suspects are their offsets.
# An unusual character:
_ODD = lazy_re("[^" + _HAN_RANGES + _ORDINARY_RANGES + r"\s0-9A-Za-z" + re.escape(_PLAIN) + "]")
# A stray mark, or two marks side by side that ``_mark_score`` scores: not a closing mark
# first, nor an opening one second, nor a mark text doubles (……), nor a sentence end before
# its closing quotation mark (。”); these are everywhere in text and would make every line a
# suspect. (The conditions on the first mark look behind, after it is taken.)
# NOTE: the lead class stops at every comma and full stop of the text; the mark after it, which
# is rarely one, is tested first (a third of the scan).
_STRAY_CHARS = r"[_|\\`^~*＊{}?]"
_DOUBLED = "|".join(f"(?<={re.escape(mark)}){re.escape(mark)}" for mark in sorted(_REPEATED))
_MARK_SUSPECT = lazy_re(
    _chars((_MARKS - _CLOSING) | frozenset("_|\\`^~*＊{}?"))
    + "(?:(?<=" + _STRAY_CHARS + ")"
    + "|(?=" + _chars(_MARKS - _OPENING) + ")(?<=" + _chars(_MARKS - _CLOSING) + ")"
    + "(?!" + _DOUBLED + ")(?!(?<=" + _chars(_ENDING) + ")" + _chars(_CLOSING) + "))"
)
# A placeholder a conversion wrote for one character, glued after a figure throughout the
# file: 18.9_M_M_ for 18.9%. Letters between underscores, never a word of the text.
_PLACEHOLDER = lazy_regex(r"(?<=[0-9])_[A-Za-z0-9]{1,6}(?:_[A-Za-z0-9]{1,6})*_(?![A-Za-z0-9_])")
_PLACEHOLDER_MIN = 3  # so many times the same token before it is a placeholder
_GATE = 3  # suspects within a window before a line is scored
_WINDOW = 20
_ENTER = 8  # a window scoring this much is noise
_KEEP = 12  # a stretch scoring this much (with two kinds of evidence) is kept
_ODD_KEPT = 4  # or holding this many odd symbols
_MIN_LINE = 10  # shorter lines are left alone (a heading, a cell)
_EDGE = 2  # so many characters between a stretch and its line's edge are part of it


@dataclass(frozen=True, slots=True)
class NoiseStretch:
    span: Span
    score: int


@dataclass(frozen=True, slots=True)
class Placeholder:
    """A token that stands for one character everywhere in the file (``_M_M_`` for ``%``)."""

    token: str
    spans: tuple[Span, ...]


class TextNoise:
    """``doc.facts(TextNoise)``: the stretches of garbage in the document, in order, and the
    placeholder tokens a conversion wrote for a character."""

    def __init__(self, stretches: tuple[NoiseStretch, ...],
                 placeholders: tuple[Placeholder, ...] = ()) -> None:
        self.stretches = stretches
        self.placeholders = placeholders

    @classmethod
    def from_document(cls, doc: Document) -> TextNoise:
        text = doc.text
        placeholders = _placeholders(text) if "_" in text else ()
        if "<" in text or "&" in text:
            text = _MARKUP.sub(lambda m: " " * len(m.group()), text)
        if "\\" in text:
            text = _with_breaks(text)
        if placeholders:
            # Reported once as a placeholder, not as garbage around every figure.
            chars = list(text)
            for placeholder in placeholders:
                for span in placeholder.spans:
                    chars[span.start : span.end] = " " * (span.end - span.start)
            text = "".join(chars)
        found: list[NoiseStretch] = []
        for start, end, line_start, line_end in _suspect_segments(text):
            for stretch in _stretches(text, start, end, line_start, line_end):
                if found and stretch.span.start < found[-1].span.end:
                    # two clusters of one line, each grown to the line's edge: one stretch
                    last = found.pop()
                    stretch = NoiseStretch(
                        Span(last.span.start, max(last.span.end, stretch.span.end)),
                        max(last.score, stretch.score),
                    )
                found.append(stretch)
        return cls(tuple(found), placeholders)

    def covers(self, offset: int) -> bool:
        return any(s.span.start <= offset < s.span.end for s in self.stretches)


def _placeholders(text: str) -> tuple[Placeholder, ...]:
    """The tokens glued after figures that recur (see ``_PLACEHOLDER``)."""
    found: dict[str, list[Span]] = {}
    for match in _PLACEHOLDER.finditer(text):
        found.setdefault(match.group(), []).append(Span(match.start(), match.end()))
    return tuple(Placeholder(token, tuple(spans)) for token, spans in found.items()
                 if len(spans) >= _PLACEHOLDER_MIN)


def _with_breaks(text: str) -> str:
    """``text`` with its line breaks written as characters (``\\r\\n``, a file serialised
    wrongly, T406) turned into line breaks, offsets kept."""
    pieces: list[str] = []
    done = 0
    for span in escaped_breaks(text):
        pieces += (text[done : span.start], "\n" * (span.end - span.start))
        done = span.end
    pieces.append(text[done:])
    return "".join(pieces)


def _suspect_segments(text: str) -> Iterator[tuple[int, int, int, int]]:
    """Stretches of lines worth scoring: around three or more suspect characters close
    together (most text has none, and scoring every character would be slow)."""
    hits = [m.start() for m in _MARK_SUSPECT.finditer(text)]
    odd = [m.start() for m in _ODD.finditer(text)]
    if odd:  # the two patterns never match the same character
        hits = sorted(hits + odd)
    group: list[int] = []
    segments: list[list[int]] = []
    for offset in [*hits, len(text) + 10 * _WINDOW]:
        if group and offset - group[-1] > _WINDOW:
            if len(group) >= _GATE:
                _add_segments(text, group[0], group[-1] + 1, segments)
            group = []
        group.append(offset)
    yield from [(start, end, first, last) for start, end, first, last in segments]


def _add_segments(text: str, first: int, last: int, segments: list[list[int]]) -> None:
    """The parts of the lines around ``first``..``last`` (a cluster of suspects) to score,
    merged with the previous segment of the same line."""
    reach = 2 * _WINDOW
    position = max(0, first - reach)
    stop = min(len(text), last + reach)
    while position < stop:
        line_start = line_start_of(text, position)
        line_end = line_end_of(text, position)
        start, end = max(line_start, first - reach), min(line_end, stop)
        if segments and segments[-1][2] == line_start and segments[-1][1] >= start:
            segments[-1][1] = max(segments[-1][1], end)
        elif end > start:
            segments.append([start, end, line_start, line_end])
        position = line_end + 1


def _stretches(
    text: str, start: int, end: int, line_start: int, line_end: int
) -> Iterator[NoiseStretch]:
    """The noise stretches in ``text[start:end]``, a part of the line ``line_start``..
    ``line_end``."""
    places = [i for i in range(start, end) if not text[i].isspace()]
    if len(places) < _MIN_LINE:
        return
    scores = [_score(text, i) for i in places]
    totals = [0]
    for value, _ in scores:
        totals.append(totals[-1] + value)
    runs: list[list[int]] = []
    for first in range(max(1, len(places) - _WINDOW + 1)):
        last = min(len(places), first + _WINDOW)
        if totals[last] - totals[first] < _ENTER:
            continue
        a, b = first, last - 1
        while scores[a][0] == 0:
            a += 1
        while scores[b][0] == 0:
            b -= 1
        if runs and a <= runs[-1][1] + _WINDOW:
            runs[-1][1] = max(runs[-1][1], b)
        else:
            runs.append([a, b])
    for a, b in runs:
        total = totals[b + 1] - totals[a]
        kinds = {kind for _, kind in scores[a : b + 1] if kind}
        odd = sum(1 for _, kind in scores[a : b + 1] if kind == "symbol")
        if (total >= _KEEP and len(kinds) >= 2) or odd >= _ODD_KEPT:
            # A few characters left at the line's edge belong to the garbage.
            if a <= _EDGE and start == line_start:
                a = 0
            if len(places) - 1 - b <= _EDGE and end == line_end:
                b = len(places) - 1
            yield NoiseStretch(Span(places[a], places[b] + 1), total)


def _score(text: str, i: int) -> tuple[int, str | None]:
    """How little the character at ``i`` looks like text, and the kind of evidence."""
    c = text[i]
    if c.isspace() or c.isdecimal() or _HAN.match(c):
        return 0, None
    before = text[i - 1] if i else "\n"
    after = text[i + 1] if i + 1 < len(text) else "\n"
    if before == c and not c.isalnum():
        return 0, None  # a run of one mark (******, ____) counts once
    if c.isascii() and c.isalpha():
        if (before.isascii() and before.isalnum()) or (after.isascii() and after.isalnum()):
            return 0, None  # a word, an abbreviation, 5G
        return (1 if c.isupper() else 2), "letter"
    if c == "?" and _inside_word(before) and _inside_word(after):
        return 2, "symbol"  # a byte the decoder could not map, inside a word
    if c in _MARKS:
        return _mark_score(text, i, c, before, after)
    if c in _SYMBOLS:
        return 0, None
    category = unicodedata.category(c)
    if category.startswith("N"):
        # ①, Ⅱ, ⒈ enumerate; glued after a word they are decoding debris.
        glued = before.isalpha() and category == "No" and not "\u2460" <= c <= "\u2473"
        return (2, "symbol") if glued else (0, None)
    if _ordinary_symbol(c, category):
        return 0, None
    if category.startswith("L") and (
        (before.isalpha() and not _HAN.match(before)) or (after.isalpha() and not _HAN.match(after))
    ):
        return 0, None  # a word in another script
    return 2, "symbol"


def _inside_word(c: str) -> bool:
    return (not c.isspace() and not c.isascii() and c not in _MARKS) or c.isalnum()


def _mark_score(text: str, i: int, c: str, before: str, after: str) -> tuple[int, str | None]:
    if c in ".,:" and before.isdigit() and after.isdigit():
        return 0, None  # 12.5, 1,000, 3:2
    if before in _MARKS and not (
        before in _CLOSING
        or c in _OPENING
        or (before == c and c in _REPEATED)
        or (before in _ENDING and c in _CLOSING)
    ):
        return 2, "marks"
    if c in _STRAY:
        return 1, "stray"
    if i > 1 and _HAN.match(before) and text[i - 2] in _MARKS and text[i - 2] != c:
        return 1, "single"  # one character between two different marks
    return 0, None


def _ordinary_symbol(c: str, category: str) -> bool:
    """Symbols and letters real text uses: full-width letters, Greek, Roman numerals, units,
    shapes and check boxes, modifier letters."""
    return (
        "\uff10" <= c <= "\uff5a"
        or "\u0391" <= c <= "\u03c9"
        or "\u2160" <= c <= "\u217f"
        or "\u3371" <= c <= "\u33df"
        or "\u25a0" <= c <= "\u27bf"
        or category == "Lm"
    )


_WHAT = Message("乱码", "garbage")
_PLACEHOLDER_MESSAGE = Message(
    "“{figure}{token}”：“{token}”在全文{count}处紧跟在数字后，不是文字，疑为转换时替换某个字符"
    "（如“%”）的占位符，应还原为原字符。",
    "“{figure}{token}”: “{token}” follows a figure {count} times and is not text: probably a "
    "placeholder a conversion wrote for one character (such as “%”); restore the character.",
)
_AGAIN = Message("同一占位符的又一处", "the same placeholder again")


def _figure_before(text: str, end: int) -> str:
    start = end
    while start > 0 and end - start < 12 and (text[start - 1].isdigit() or text[start - 1] == "."):
        start -= 1
    return text[start:end]
_COVER = "为在全面建设小康社会中走在全省前列而努力奋斗！\n"


class TextNoiseRule(Rule):
    """正文中夹有一段乱码：扫描页 OCR 出的杂乱符号，或错用编码解出的怪字。

    没有文字的扫描页（封底、印章、照片）经 OCR 变成一串标点、零散的拉丁字母、怪符号和单个
    汉字，如“、.、盆，，l碑.命‘工，、补’”；用错编码解码的段落变成生僻字和符号，如
    “刀遣扇⌒陆ā⒒毓骸”。这不是文字，其中的“重复逗号”“引号不配对”也不是标点问题。
    规则按字符的文字性打分：怪符号（竖排标点“﹃”、弧线“⌒”、带调拉丁字母、粘在字后的编号
    “⒏”、词中的“?”）、夹在字间的单个拉丁字母、文字里不会相邻的两个标点（“、.”“，，”）、
    零散的“_”“|”“*”、两个不同标点之间的单个字。二十个字符里得分达到 8 就是乱码，相连的
    合为一段；一段总分达到 12 且证据不止一类，或含四个以上怪符号，才报告。正文中的标点、
    外文缩写（GDP、5G、A级）、重复的同一符号（******、____）、HTML 标签、编号（①、⒈）、
    单位和方框都不算。每段乱码报告一次，其中的其他问题不再报告；修复（需确认）删除这段。
    一个错字、一个错标点的普通 OCR 错误不是乱码，不报。换行被写成字符“\\r\\n”（由 T406 报告）、
    HTML 实体“&nbsp;”是换行和空格，不算乱码。转换把某个字符（如“%”）全文替换成占位符，
    在每个数字后留下同一个“_M_M_”之类的记号（三处以上）时，整个文件报告一次，其余各处列为
    相关位置。
    """

    code = "T405"
    name = "structure.garbage"
    category = Category.ENCODING
    severity = Severity.WARNING
    maturity = Maturity.PREVIEW
    masks = True
    fixable = True
    summary = Message("正文中夹有一段乱码。", "A stretch of garbage is in the text.")
    message = Message(
        "此处是一段乱码（{length}个字符），不是文字：“{text}”；疑为扫描页的 OCR 残渣或编码错误，"
        "其中的问题不再报告。",
        "This is a stretch of garbage ({length} characters), not text: “{text}”; probably OCR "
        "of a scanned page or a wrong encoding. Problems inside it are not reported.",
    )
    examples = Examples(
        bad=(
            Example(
                _COVER + "一29一.{.卜汽毕你‘;、.、‘仪一娇衣;泣一二一‘川.r.I..卜t、.、盆，，l碑.命‘工\n",
                note="the back cover of a scanned report",
            ),
            "建设大学生创业园刀遣扇⌒陆ā⒒毓骸⒏脑斓确绞剑略鲇锥?1所，集中解决入园难问题。",
            Example("生产总值增长12.5_M_M_，财政收入增长9_M_M_，城镇居民收入增长8.3_M_M_。",
                    note="a % replaced by a placeholder throughout"),
        ),
        good=(
            "“两抓”，指抓发展、抓落实；“两力”，指执行力、战斗力（见《实施方案》）。",
            "身份证号：*****************，家住某某村。",
            "北纬27°24′30″至北纬27°30′00″之间，5G基站、A级景区、GDP增长6%。",
            "附件见report_2020_final.docx、report_2021_final.docx和report_2022_final.docx。",
        ),
    )
    basis = "扫描件与编码转换的残渣（fresh9 评审）"

    def check(self, doc: Document) -> Iterator[Finding]:
        noise = doc.facts(TextNoise)
        for placeholder in noise.placeholders:
            first, *rest = placeholder.spans
            yield self.report(
                first, _PLACEHOLDER_MESSAGE, token=placeholder.token,
                count=len(placeholder.spans), figure=_figure_before(doc.text, first.start),
                related=tuple(Related(span, _AGAIN) for span in rest),
            )
        for stretch in noise.stretches:
            span = stretch.span
            shown = shorten(doc.text[span.start : span.end], 30)
            yield self.report(
                span, length=span.end - span.start, text=shown,
                fix=removal_fix(doc, span, _WHAT),
            )
