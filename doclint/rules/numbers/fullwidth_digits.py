"""N302: full-width digits (２０２４, ３．６８％) where GB/T 15835 wants half-width."""

from __future__ import annotations

from collections.abc import Iterator

from doclint.core import (
    Category,
    Document,
    Edit,
    Example,
    Examples,
    Finding,
    Fix,
    Maturity,
    Message,
    Related,
    Rule,
    Span,
)
from doclint.core.diagnostic import SUGGESTION, UNSAFE
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
_SHOWN = 20


class FullwidthDigits(Rule):
    """数字使用了全角形式（２０２４、３．６８％），且与半角数字混用。

    GB/T 15835—2011 规定阿拉伯数字使用半角形式。旧报刊的录入稿通篇使用全角数字，这是
    前后一致的版式（页面上的发布时间等半角数字另成一行），不逐个报告；同一段落里全角、
    半角数字混排才是问题，整篇报一次，修复一次改完全文。以半角数字为主的文档中夹杂的
    全角数字逐处报告，超过三处时合为一条，其余作为相关位置。
    全角数字夹在汉字数字中间（“二００一年”）时应为“〇”等汉字数字，这种情况总是报告，
    修复据此替换；多处时合为一条。
    """

    code = "N302"
    maturity = Maturity.PREVIEW
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
              "１９５５年收入增长１０％，支出增长８％。"),
    )
    basis = "GB/T 15835—2011 §5.1.7.1 阿拉伯数字使用半角形式"

    def check(self, doc: Document) -> Iterator[Finding]:
        quantities = doc.facts(Quantities)
        if not quantities.fullwidth:
            return
        text = doc.text
        full, in_numerals = [], []
        for index in quantities.fullwidth:
            start, end = quantities.starts[index], quantities.ends[index]
            if _in_chinese_numeral(text, start, end):
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
        if len(full) < len(half):
            yield from self._minority(text, full)
            return
        # Full-width throughout: the house style of an old transcription, unless a paragraph
        # mixes the two forms.
        full_lines = {doc.position(s).line for s, _ in full}
        mixed = next(((s, e) for s, e in half if doc.position(s).line in full_lines), None)
        if mixed is None:
            return
        line = doc.position(mixed[0]).line
        first = next((s, e) for s, e in full if doc.position(s).line == line)
        yield self.report(Span(*first), _MIXED_LINES, count=len(full),
                          half=text[mixed[0] : mixed[1]],
                          related=(Related(Span(*mixed), Message("半角数字", "half-width")),),
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


def _in_chinese_numeral(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    return before in _CN_DIGITS or after in _CN_DIGITS
