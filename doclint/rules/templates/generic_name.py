"""P104: a generic 某 name (某工业园区) in a document that shows it is an unfilled template."""

from __future__ import annotations

import bisect
from collections.abc import Iterator

from doclint.core import (
    Category,
    Document,
    Examples,
    Finding,
    Message,
    Related,
    Rule,
    Severity,
    Span,
)
from doclint.core.lazyregex import lazy_regex
from doclint.core.text import Sentences
from doclint.rules.templates.model_text import ModelTexts
from doclint.rules.templates.parts import DocumentParts
from doclint.rules.templates.placeholder import Placeholder, Placeholders

_SUFFIX = (
    r"(?:工业园区|产业园区|园区|开发区|新区|公司|集团|企业|工厂|厂|单位|部门|县|市|区|旗|镇|乡|村|街道|"
    r"社区|学校|医院|项目|工程|同志|书记|主任|县长|市长|镇长|旗长|局|委|办)"
)
# 某些, 某种, 某个, 某方面 … are ordinary words, never a name slot.
_GENERIC = lazy_regex(
    rf"(?<!某)某(?!某|些|种|个|次|方面|时|处|日|天|年|月|一|项|类|部分|程度|点|位|人|事|地)"
    rf"\p{{Han}}{{0,4}}?{_SUFFIX}"
)
_FILLERS = ("mou", "letters")
_PART_FILLERS = 2  # fillers elsewhere in the same document that make it a template


class GenericNameInTemplate(Rule):
    """模板文档中的“某××”泛称（某工业园区、某公司）是未填写的名称。

    单个“某”是正常汉语（某企业、某地），单独出现时不报。只有上下文表明这是模板时才报告：
    同一句中有“某某”或 XX 一类占位符，或本篇中至少有两处这样的占位符。
    本身就是模板或起草参考的部分（“（范本）”“示范文本”，见 P101）中的泛称是有意留的空位，不报。
    """

    code = "P104"
    name = "template.generic-name"
    category = Category.PLACEHOLDER
    severity = Severity.WARNING
    group_after = 10  # a page full of one defect is reported once, the rest related
    summary = Message(
        "模板中的“某”泛称未替换。", "A generic 某 name in a template was not filled in."
    )
    message = Message(
        "“{text}”是模板中的泛称，未替换为具体名称（{evidence_zh}）。",
        "“{text}” is a template's generic name left unfilled ({evidence_en}).",
    )
    examples = Examples(
        bad=("重点推进某某工业园区建设，筹划某工业园区。",),
        good=("某企业负责人表示，将在某地投资建设新厂。", "某些部门和某个环节存在问题。"),
    )
    basis = "模板残留（domain-rules §6.1）"

    def check(self, doc: Document) -> Iterator[Finding]:
        fillers = [p for p in doc.facts(Placeholders).items if p.kind in _FILLERS]
        if not fillers:
            return
        starts = [p.span.start for p in fillers]
        parts = doc.facts(DocumentParts)
        sentences = doc.facts(Sentences).items
        sentence_starts = [s.span.start for s in sentences]
        text = doc.text
        model = doc.facts(ModelTexts)
        for match in _GENERIC.finditer(text):
            if model.covers(match.start()):
                continue  # a model text's generic names are its slots
            sentence = sentences[bisect.bisect_right(sentence_starts, match.start()) - 1]
            near = _within(fillers, starts, sentence.span)
            part = parts.part_at(match.start())
            in_part = _within(fillers, starts, part.span)
            if near:
                evidence = Message("同一句中有占位符", "the same sentence has a placeholder")
                cue = near[0]
            elif len(in_part) >= _PART_FILLERS:
                evidence = Message(
                    f"本篇另有{len(in_part)}处占位符",
                    f"{len(in_part)} placeholders in this document",
                )
                cue = in_part[0]
            else:
                continue
            note = Message(f"占位符“{cue.text}”", f"placeholder “{cue.text}”")
            yield self.report(
                Span(match.start(), match.end()),
                text=match.group(),
                evidence_zh=evidence.zh,
                evidence_en=evidence.en,
                related=(Related(cue.span, note),),
            )


def _within(fillers: list[Placeholder], starts: list[int], span: Span) -> list[Placeholder]:
    lo = bisect.bisect_left(starts, span.start)
    hi = bisect.bisect_left(starts, span.end)
    return fillers[lo:hi]
