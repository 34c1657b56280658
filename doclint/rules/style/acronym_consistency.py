"""T504: the same Latin abbreviation written in different cases in one document."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator

from doclint.core import (
    Category,
    Document,
    Example,
    Examples,
    Finding,
    Message,
    Related,
    Rule,
    Severity,
)
from doclint.core.diagnostic import SUGGESTION
from doclint.rules.style.acronyms import LatinWords, lexicon


class AcronymInconsistentCase(Rule):
    """同一文档中同一个外文缩写大小写不一致（`APP` 与 `App`、`NFC` 与 `Nfc`）。

    一份文档中的同一缩写应写法统一。以出现次数多的写法为准（一样多时以全大写为准），
    标出其他写法的每一处。常用缩写（GDP、CPI……）的错误写法由 T503 报告，这里不重复；两种写法都对的（`APP` 与 `App`）仍要统一。
    只比较与中文相邻、至少有一种写法全大写的外文词。修复改为通行写法。
    """

    code = "T504"
    name = "style.acronym-inconsistent-case"
    category = Category.CASE
    severity = Severity.INFO
    group_after = 10  # a page full of one defect is reported once, the rest related
    summary = Message(
        "同一缩写大小写不一致。", "The same abbreviation is written in different cases."
    )
    message = Message(
        "“{text}”与全文通行的“{usual}”（{count}处）大小写不一致。",
        "“{text}” differs in case from “{usual}” used elsewhere ({count} times).",
    )
    fixable = True
    examples = Examples(
        bad=(Example("推广政务APP，完善App功能。", fixed="推广政务APP，完善APP功能。"),),
        good=("落实RCEP规则，用好RCEP关税减让。", "开发政务App，优化IPv6网络。"),
    )
    basis = "同一文档写法统一"

    def check(self, doc: Document) -> Iterator[Finding]:
        acronyms = lexicon()
        latin = doc.facts(LatinWords)
        spellings: dict[str, list[str]] = defaultdict(list)
        for form in latin.words:
            known = acronyms.get(form.lower())
            if known is None or form in known.accepted:  # T503 reports the wrong forms
                spellings[form.lower()].append(form)
        for forms_seen in spellings.values():
            if len(forms_seen) < 2 or not any(f.isupper() for f in forms_seen):
                continue
            words = sorted(
                (w for f in forms_seen for w in latin.beside_chinese(f)), key=lambda w: w.span.start
            )
            forms = Counter(w.text for w in words)
            if len(forms) < 2 or not any(f.isupper() for f in forms):
                continue
            usual = max(forms, key=lambda f: (forms[f], f.isupper()))
            first = next(w for w in words if w.text == usual)
            note = Message(f"通行写法“{usual}”", f"the usual form “{usual}”")
            title = Message(f"改为“{usual}”", f"Write “{usual}”")
            for word in words:
                if word.text != usual:
                    yield self.report(
                        word.span,
                        text=word.text,
                        usual=usual,
                        count=forms[usual],
                        related=(Related(first.span, note),),
                        fix=self.replace(word.span, usual, title, SUGGESTION),
                    )
