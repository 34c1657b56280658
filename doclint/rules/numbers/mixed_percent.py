"""N301: half-width % and full-width ％ mixed in one document."""

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
    Related,
    Rule,
    Span,
)
from doclint.core.diagnostic import SAFE
from doclint.rules.numbers.permille import garbled_permille

_FORMS = ("%", "％")
_MANY = Message(
    "百分号写法不统一：全文多用“{other}”（{count}处），另有{minority_count}处用“{this}”，"
    "此为首处，其余见相关位置。",
    "Inconsistent percent sign: mostly “{other}” ({count} times), but “{this}” "
    "{minority_count} times, the first here; the others are related.",
)
_TIE = Message(
    "百分号写法不统一：“%”和“％”各{count}处，此为“{this}”的首处，其余见相关位置；"
    "按标准统一为半角“%”。",
    "Inconsistent percent sign: “%” and “％” {count} times each; this is the first “{this}”, "
    "the others are related; use the half-width “%” throughout.",
)
_TIE_ONCE = Message(
    "百分号写法不统一：“%”和“％”各用1处，此处用“{this}”；按标准统一为半角“%”。",
    "Inconsistent percent sign: “%” and “％” once each, “{this}” here; use the half-width “%”.",
)
_ANOTHER = Message("又一处少数写法", "another minority form")
_SHOWN = 20


class MixedPercentSign(Rule):
    """同一文档中混用半角“%”和全角“％”。

    一份文档应统一使用一种百分号。规则以出现次数多的写法为准，标出少数写法（多处时
    报在首处，其余作为相关位置，这是同一个不统一），并提供改为多数写法的修复；两种写法一样多时以半角“%”为准（GB/T 15835 推荐阿拉伯数字
    及其符号用半角）。汇编文件（“第N篇”或另起“同志们：”的多篇讲话）逐篇判断：
    各篇各自统一即可。转换把千分号“‰”写成的“％。”“%o”（“人口自然增长率控制在7.2％。以内”）
    不是百分号，不计入也不报告（由 N306 报告）。
    """

    code = "N301"
    name = "number.mixed-percent-sign"
    category = Category.MIXED_WIDTH
    # More than this many in one file is one systematic cause (a copied page, a template).
    group_after = 20
    anchors = ("％",)  # it reads only documents holding both forms: the rarer one is enough
    summary = Message("同一文档混用“%”和“％”。", "The document mixes “%” and “％”.")
    message = Message(
        "百分号写法不统一：此处用“{this}”，全文多用“{other}”（{count}处）。",
        "Inconsistent percent sign: “{this}” here, “{other}” elsewhere ({count} times).",
    )
    fixable = True
    examples = Examples(
        bad=(Example("增长6.5%，占比32.1％，其余为61.4%。", fixed="增长6.5%，占比32.1%，其余为61.4%。"),),
        good=("增长6.5%，占比32.1%。", "增长6.5％，占比32.1％。"),
    )
    basis = "GB/T 15835—2011 同类别同形式"

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        if not all(form in text for form in _FORMS):
            return
        from doclint.rules.structure.model import Structure

        structure = doc.facts(Structure)
        permille = {span.start for span in garbled_permille(text)}
        for article in structure.articles:
            yield from self._check_part(text, structure.article_span(article, len(text)),
                                        permille)

    def _check_part(self, text: str, part: Span, permille: set[int]) -> Iterator[Finding]:
        counts = {form: text.count(form, part.start, part.end) for form in _FORMS}
        for start in permille:
            if part.start <= start < part.end:
                counts[text[start]] -= 1
        if not all(counts.values()):
            return
        majority = "％" if counts["％"] > counts["%"] else "%"
        minority = "%" if majority == "％" else "％"
        title = Message(f"改为“{majority}”", f"Use “{majority}”")
        spans = []
        start = text.find(minority, part.start, part.end)
        while start != -1:
            if start not in permille:
                spans.append(Span(start, start + 1))
            start = text.find(minority, start + 1, part.end)
        if len(spans) == 1:
            message = _TIE_ONCE if counts[majority] == 1 else self.message
            yield self.report(spans[0], message, this=minority, other=majority,
                              count=counts[majority],
                              fix=self.replace(spans[0], majority, title, SAFE))
            return
        # One inconsistency, however many signs it touches: one finding, the rest related.
        yield self.report(
            spans[0], _TIE if counts[majority] == len(spans) else _MANY, this=minority,
            other=majority, count=counts[majority],
            minority_count=len(spans),
            related=[Related(span, _ANOTHER) for span in spans[1 : 1 + _SHOWN]],
            fix=Fix(tuple(Edit(span, majority) for span in spans),
                    Message(f"全部改为“{majority}”", f"Use “{majority}” throughout"), SAFE))
