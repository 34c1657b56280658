"""N302: full-width digits (２０２４, ３．６８％) where GB/T 15835 wants half-width."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from itertools import groupby

from doclint.core import (
    Category,
    Document,
    Edit,
    Example,
    Examples,
    Finding,
    Fix,
    Message,
    Related,
    Rule,
    Span,
)
from doclint.core.diagnostic import SUGGESTION, UNSAFE
from doclint.core.lazyregex import lazy_re
from doclint.rules.numbers.quantities import Quantities

_FULLWIDTH = frozenset("０１２３４５６７８９")
_TO_HALF = str.maketrans("０１２３４５６７８９．，", "0123456789.,")
# Inside a Chinese numeral (二００一年) a zero is the character 〇, not a digit at all.
_TO_CHINESE = str.maketrans("０１２３４５６７８９0123456789",
                            "〇一二三四五六七八九〇一二三四五六七八九")
_CN_DIGITS = frozenset("〇○零一二三四五六七八九")

_IN_NUMERAL = Message(
    "汉字数字中混入了全角数字“{text}”，应为“{fixed}”。",
    "Full-width digits “{text}” inside a Chinese numeral; use “{fixed}”.",
)
_IN_NUMERALS = Message(
    "汉字数字中混入了全角数字（共{count}处，首处“{text}”应为“{fixed}”），其余见相关位置。",
    "Full-width digits inside Chinese numerals ({count}; the first “{text}” should be "
    "“{fixed}”); the others are related.",
)
_MINORITY = Message(
    "全文数字多为半角，另有{count}处全角数字（首处“{text}”），应改为半角。",
    "Most numbers are half-width, but {count} are full-width (the first “{text}”); make them "
    "half-width.",
)
_MIXED_LINES = Message(
    "全角、半角数字混排：全文数字多为全角（{count}处），而本段与半角数字“{half}”混用，"
    "应统一改用半角数字。",
    "Full-width and half-width digits mixed: most numbers are full-width ({count}), but this "
    "paragraph also has the half-width “{half}”; use half-width digits throughout.",
)
_ANOTHER = Message("又一处全角数字", "another full-width number")
# Up to this many odd full-width numbers are reported one by one; more are one finding.
_ONE_BY_ONE = 3
# How close a half-width number must stand to make a full-width one an odd one out, and how
# many full-width numbers in a row can still be odd ones out with half-width ones on one side.
_NEAR = 200
_FEW = 5
_MANY = 10
_HALF_DIGIT = lazy_re(r"[0-9]")
_SHOWN = 20


class FullwidthDigits(Rule):
    """数字使用了全角形式（２０２４、３．６８％），且与半角数字混用。

    GB/T 15835—2011 规定阿拉伯数字使用半角形式。但通篇（或整段、整条新闻）使用全角数字
    是旧报刊录入稿、旧法规文本前后一致的版式，不报告；网页的发布时间、文号等半角数字即使
    与正文在同一行，也只是页面的附属文字。报告的是混排：一个数里全角、半角混写
    （“２０07年”）；全角数字夹在前后都紧挨着的半角数字之间（“1…2…３…４…8”）；或者不超过
    五个连续的全角数字在同一段里紧挨着半角数字（“2017年３月10日”“期限为3年。３年内”）。半角数字是
    全角数字十倍以上的文档中的一到三个全角数字不论位置都算混排。以半角数字
    为主的文档中这样的全角数字逐处报告，超过三处时合为一条，其余作为相关位置；以全角数字
    为主的文档中夹在全角数字之间、或与全角数字同段而在其后的半角数字，整篇报一次，修复
    一次改完全文。
    全角数字夹在汉字数字中间（“二００一年”）时应为“〇”等汉字数字，这种情况总是报告，
    修复据此替换；多处时合为一条。
    """

    code = "N302"
    name = "number.fullwidth-digits"
    category = Category.MIXED_WIDTH
    # More than this many in one file is one systematic cause (a copied page, a template).
    group_after = 20
    summary = Message("数字使用了全角形式。", "Digits are full-width.")
    message = Message("全角数字“{text}”，应为“{fixed}”。",
                      "Full-width digits “{text}”; use “{fixed}”.")
    fixable = True
    examples = Examples(
        bad=(Example("全年财政收入增长３．６８％，达到1250万元。",
                     fixed="全年财政收入增长3.68％，达到1250万元。"),
             Example("１９５５年收入增长１０％，支出增长8％。",
                     fixed="1955年收入增长10％，支出增长8％。"),
             Example("二００一年国内生产总值增长7.3%。", fixed="二〇〇一年国内生产总值增长7.3%。")),
        good=("全年财政收入增长3.68％，达到1250万元。", "二〇〇一年国内生产总值增长7.3%。",
              "１９５５年收入增长１０％，支出增长８％。",
              "文号：第3号 2001年12月26日 第一条 本办法自２００２年１月１日起施行，"
              "第二条 有效期３年，第三条 每年评审２次，第四条 每次不超过１０项。"),
    )
    basis = "GB/T 15835—2011 §5.1.7.1 阿拉伯数字使用半角形式"

    def check(self, doc: Document) -> Iterator[Finding]:
        quantities = doc.facts(Quantities)
        if not quantities.fullwidth:
            return
        text = doc.text
        full, in_numerals = [], []
        starts, ends = quantities.starts, quantities.ends
        padded = text + "\0"  # NOTE: so that the characters around any run can be read
        for index in quantities.fullwidth:
            start, end = starts[index], ends[index]
            if padded[start - 1] in _CN_DIGITS or padded[end] in _CN_DIGITS:  # 二００一年
                in_numerals.append((start, end))
            else:
                full.append((start, end))
        if in_numerals:
            yield self._inside_numerals(text, in_numerals)
        if not full:
            return
        skip = set(quantities.fullwidth) | set(quantities.coded)
        half = [(quantities.starts[i], quantities.ends[i]) for i in range(len(quantities.starts))
                if i not in skip]
        if len(full) <= len(half):
            # One to three full-width numbers in a text of many half-width ones are odd
            # wherever they stand.
            scattered = len(full) <= _ONE_BY_ONE and len(half) >= _MANY * len(full)
            odd = full if scattered else _mixed(text, full, half)
            if odd:
                yield from self._minority(text, odd)
            return
        # Mostly full-width: the house style of an old transcription, unless half-width
        # numbers stand among the full-width ones. One finding; the fix makes every number
        # half-width.
        odd = [h for h in _mixed(text, half, full, inner=False) if h[0] > full[0][0]
               and doc.position(h[0]).line in {doc.position(s).line for s, _ in full}]
        if not odd:
            return
        near = odd[0]
        line = doc.position(near[0]).line
        first = next(((s, e) for s, e in full if doc.position(s).line == line),
                     min(full, key=lambda f: abs(f[0] - near[0])))
        yield self.report(Span(*first), _MIXED_LINES, count=len(full),
                          half=text[near[0] : near[1]],
                          related=(Related(Span(*near), Message("半角数字", "half-width")),),
                          fix=self._fix_all(text, full))

    def _minority(self, text: str, full: list[tuple[int, int]]) -> Iterator[Finding]:
        title = Message("改为半角数字", "Use half-width digits")
        if len(full) <= _ONE_BY_ONE:
            for start, end in full:
                span = Span(start, end)
                fixed = text[start:end].translate(_TO_HALF)
                yield self.report(span, text=text[start:end], fixed=fixed,
                                  fix=self.replace(span, fixed, title, UNSAFE))
            return
        first = full[0]
        yield self.report(Span(*first), _MINORITY, count=len(full),
                          text=text[first[0] : first[1]],
                          related=[Related(Span(s, e), _ANOTHER) for s, e in full[1 : 1 + _SHOWN]],
                          fix=self._fix_all(text, full))

    @staticmethod
    def _fix_all(text: str, full: list[tuple[int, int]]) -> Fix:
        # One edit per number: a fix that replaced the whole stretch of text would carry the
        # document's text in every report, cache entry and JSON line.
        edits = [Edit(Span(s, e), text[s:e].translate(_TO_HALF)) for s, e in full]
        return Fix(tuple(edits), Message("全文改为半角数字", "Make every digit half-width"), UNSAFE)

    def _inside_numerals(self, text: str, found: list[tuple[int, int]]) -> Finding:
        start, end = found[0]
        span = Span(start, end)
        fixed = text[start:end].translate(_TO_CHINESE)
        if len(found) == 1:
            title = Message(f"改为“{fixed}”", f"Use “{fixed}”")
            return self.report(span, _IN_NUMERAL, text=text[start:end], fixed=fixed,
                               fix=self.replace(span, fixed, title, SUGGESTION))
        edits = tuple(Edit(Span(s, e), text[s:e].translate(_TO_CHINESE)) for s, e in found)
        return self.report(span, _IN_NUMERALS, count=len(found), text=text[start:end],
                           fixed=fixed,
                           related=[Related(Span(s, e), _ANOTHER) for s, e in found[1:1 + _SHOWN]],
                           fix=Fix(edits, Message("全部改为汉字数字“〇”等",
                                                  "Use Chinese numerals throughout"),
                                      SUGGESTION))


def _mixed(text: str, full: list[tuple[int, int]], half: list[tuple[int, int]],
           inner: bool = True) -> list[tuple[int, int]]:
    """The full-width numbers written among half-width ones.

    The numbers of the text, in order, fall into runs of full-width ones. A run is mixed
    when a number of it mixes the two widths (２０07), when half-width numbers stand close on
    both sides of it (1…2…３…４…8, a list), or when it holds one or two numbers and a
    half-width number stands close to it (2017年３月10日). A long run with half-width
    numbers only on one side, or far off, is a part of the text written in full-width
    throughout (an old transcription under a web page's half-width dateline), house style.
    With the roles swapped (``inner`` off) it finds the half-width numbers written among
    full-width ones.
    """
    # Both lists are in text order: the numbers of ``half`` before a run of ``full`` ones are
    # told by bisection, and the runs are the ``full`` numbers with as many before them.
    half_starts = [s for s, _ in half]
    found: list[tuple[int, int]] = []
    for k, numbers in groupby(full, key=lambda number: bisect_left(half_starts, number[0])):
        run = list(numbers)
        # Close means in the same paragraph too: a dateline above the text is not beside it.
        before = (k > 0 and run[0][0] - half[k - 1][1] <= _NEAR
                  and "\n" not in text[half[k - 1][1] : run[0][0]])
        after = (k < len(half) and half[k][0] - run[-1][1] <= _NEAR
                 and "\n" not in text[run[-1][1] : half[k][0]])
        if ((before and after) or (len(run) <= _FEW and (before or after))
                or (inner and any(_HALF_DIGIT.search(text, s, e) for s, e in run))):
            found.extend(run)
    return found
