"""T503: a well-known acronym written in the wrong case (GDp, Gdp, cpi)."""

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
    Severity,
)
from doclint.core.diagnostic import UNSAFE
from doclint.rules.style.acronyms import LatinWords, known_acronyms

_GROUP_AFTER = 3
_GROUPED = Message(
    "“{text}”应写作“{acronym}”（本文档共{count}处，其余见相关位置）。",
    "“{text}” should be written “{acronym}” ({count} times in this document; see related).",
)


class AcronymCase(Rule):
    """常用外文缩写的大小写写错了：`GDp`、`Gdp`、`cpi` 应为 `GDP`、`CPI`。

    GDP、CPI、PMI、RCEP 等缩写一律大写。规则只检查与中文相邻的外文词，网址、邮箱、文件名中的
    字母不查；缩写表（`data/acronyms.txt`）不收 it、who 这类同时是英文单词的词。同一写法在
    一篇中出现三次以上是一种书写习惯，只报告一次，其余列为相关位置。修复改为大写。
    """

    code = "T503"
    name = "style.acronym-case"
    category = Category.CASE
    severity = Severity.WARNING
    group_after = 10  # a page full of one defect is reported once, the rest related
    summary = Message("外文缩写大小写错误。", "An acronym is written in the wrong case.")
    message = Message("“{text}”应写作“{acronym}”。", "“{text}” should be written “{acronym}”.")
    fixable = True
    examples = Examples(
        bad=(
            Example("全县GDp仅占全市的17.1%。", fixed="全县GDP仅占全市的17.1%。"),
            Example("cpi涨幅控制在3%左右。", fixed="CPI涨幅控制在3%左右。"),
        ),
        good=("全县GDP增长6%，CPI上涨2%。", "详见www.gdp.gov.cn。"),
    )
    basis = "外文缩写通行写法"

    def check(self, doc: Document) -> Iterator[Finding]:
        acronyms = known_acronyms()
        latin = doc.facts(LatinWords)
        for form in sorted(latin.words):
            acronym = acronyms.get(form.lower())
            if acronym is None or form == acronym:
                continue
            title = Message(f"改为“{acronym}”", f"Write “{acronym}”")
            words = latin.beside_chinese(form)
            if len(words) > _GROUP_AFTER:
                # One habit of writing, not many slips: reported once, the others related.
                note = Message(f"又一处“{form}”", f"another “{form}”")
                edits = tuple(Edit(w.span, acronym) for w in words)
                yield self.report(
                    words[0].span,
                    _GROUPED,
                    text=form,
                    acronym=acronym,
                    count=len(words),
                    related=tuple(Related(w.span, note) for w in words[1:]),
                    fix=Fix(edits, title, UNSAFE),
                )
                continue
            for word in words:
                yield self.report(
                    word.span,
                    text=word.text,
                    acronym=acronym,
                    fix=self.replace(word.span, acronym, title, UNSAFE),
                )
