"""An example doclint plugin: rules are classes, returned from the ``doclint_rules`` hook."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import regex

from doclint import Category, Document, Example, Examples, Finding, Message, Rule, Span, hookimpl

_QITA = regex.compile(r"其它")


class QitaInsteadOfQita(Rule):
    """公文中应统一写“其他”，不写“其它”。

    《第一批异形词整理表》以“其他”为推荐词形；很多单位的公文规范也要求统一写作“其他”。
    """

    code = "HS001"
    name = "house.qita"
    category = Category.OTHER
    summary = Message("应写“其他”而非“其它”。", "Write 其他, not 其它.")
    fixable = True
    examples = Examples(bad=(Example("其它事项另行通知。", fixed="其他事项另行通知。"),),
                        good=("其他事项另行通知。",))
    basis = "本单位公文写作规范"

    def check(self, doc: Document) -> Iterator[Finding]:
        title = Message("改为“其他”", "Replace with 其他")
        for match in _QITA.finditer(doc.text):
            span = Span(match.start(), match.end())
            yield self.report(span, fix=self.replace(span, "其他", title))


@hookimpl
def doclint_rules() -> Sequence[type]:
    return [QitaInsteadOfQita]
