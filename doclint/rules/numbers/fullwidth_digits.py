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
    Message,
    Rule,
    Span,
)
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
_WHOLE_DOCUMENT = Message(
    "全文数字多为全角（共{count}处，首处“{text}”），应改用半角数字。",
    "Most numbers in the document use full-width digits ({count}, first “{text}”); "
    "use half-width digits.",
)


class FullwidthDigits(Rule):
    """数字使用了全角形式（２０２４、３．６８％）。

    GB/T 15835—2011 规定阿拉伯数字使用半角形式。文档以半角数字为主时逐处报告全角数字；
    以全角数字为主时（旧报刊录入稿常见，夹杂的半角数字多是网页的发布时间）只在首处
    报告一次，修复一次改完全文。
    全角数字夹在汉字数字中间（“二００一年”）时应为“〇”等汉字数字，这种情况总是逐处
    报告，修复据此替换。
    """

    code = "N302"
    name = "number.fullwidth-digits"
    category = Category.MIXED_WIDTH
    summary = Message("数字使用了全角形式。", "Digits are full-width.")
    message = Message("全角数字“{text}”，应为“{fixed}”。",
                      "Full-width digits “{text}”; use “{fixed}”.")
    fixable = True
    examples = Examples(
        bad=(Example("全年财政收入增长３．６８％，达到1250万元。",
                     fixed="全年财政收入增长3.68％，达到1250万元。"),
             Example("１９５５年收入增长１０％。", fixed="1955年收入增长10％。"),
             Example("二００一年国内生产总值增长7.3%。", fixed="二〇〇一年国内生产总值增长7.3%。")),
        good=("全年财政收入增长3.68％，达到1250万元。", "二〇〇一年国内生产总值增长7.3%。"),
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
        coded = set(quantities.coded)
        half = len(quantities.starts) - len(quantities.fullwidth) - sum(
            1 for i in coded if text[quantities.starts[i]] not in _FULLWIDTH)
        whole_document = len(full) >= half and full
        for start, end in in_numerals:
            yield self._inside_numeral(text, start, end, with_fix=not whole_document)
        if not full:
            return
        if not whole_document:
            title = Message("改为半角数字", "Use half-width digits")
            for start, end in full:
                span = Span(start, end)
                fixed = text[start:end].translate(_TO_HALF)
                yield self.report(span, text=text[start:end], fixed=fixed,
                                  fix=self.replace(span, fixed, title))
            return
        # One edit per number: a fix that replaced the whole stretch of text would carry the
        # document's text in every report, cache entry and JSON line.
        first = full[0]
        edits = [Edit(Span(s, e), text[s:e].translate(_TO_HALF)) for s, e in full]
        edits += [Edit(Span(s, e), text[s:e].translate(_TO_CHINESE)) for s, e in in_numerals]
        title = Message("全文改为半角数字", "Make every digit half-width")
        yield self.report(Span(*first), _WHOLE_DOCUMENT, count=len(full),
                          text=text[first[0] : first[1]],
                          fix=Fix(tuple(sorted(edits, key=lambda e: e.span)), title))

    def _inside_numeral(self, text: str, start: int, end: int, with_fix: bool) -> Finding:
        span = Span(start, end)
        fixed = text[start:end].translate(_TO_CHINESE)
        title = Message(f"改为“{fixed}”", f"Use “{fixed}”")
        return self.report(span, _IN_NUMERAL, text=text[start:end], fixed=fixed,
                           fix=self.replace(span, fixed, title) if with_fix else None)


def _in_chinese_numeral(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    return before in _CN_DIGITS or after in _CN_DIGITS
