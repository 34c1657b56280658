"""T406: line breaks written as the characters ``\\r\\n`` (a file serialised wrongly), once per file.

See ``escaped_breaks`` in :class:`~doclint.rules.structure.layout.Layout`: the escapes are the
file's line breaks, so they are one defect of the whole file, and the rules that read text (the
garbage rule first) read them as breaks, not as characters.
"""

from __future__ import annotations

from collections.abc import Iterator

from doclint.core import Category, Document, Edit, Examples, Finding, Fix, Maturity, Message, Rule
from doclint.core.diagnostic import UNSAFE
from doclint.rules.structure.layout import Layout, escaped_breaks


class EscapedLineBreaks(Rule):
    """换行被写成了字符“\\r\\n”：文件序列化出错，全文的换行都成了转义符。

    网页或表格导出时把换行转义成了两个字符“\\r\\n”（或“\\n”“\\t”），于是整篇报告挤在一行里，
    标题、段落之间夹着“\\r\\n”。这些转义符是换行，不是正文，也不是乱码。至少三处转义符紧挨
    着汉字或全角标点时报告，每个文件只报告一次；修复（需确认）把每处转义换行改成真正的换行。
    程序代码里的“\\n”（前后都是西文字符）不算。
    """

    code = "T406"
    name = "structure.escaped-line-breaks"
    category = Category.BROKEN_LINE
    maturity = Maturity.PREVIEW
    fixable = True
    summary = Message("换行被写成了字符“\\r\\n”。",
                      "Line breaks are written as the characters “\\r\\n”.")
    message = Message("全文有{count}处换行被写成了字符“{escape}”：文件序列化出错，应还原为换行。",
                      "{count} line breaks are written as the characters “{escape}”: the file was "
                      "serialised wrongly; turn them back into line breaks.")
    examples = Examples(
        bad=("政府工作报告\\r\\n各位代表：\\r\\n现在，我代表县人民政府向大会报告工作，请予审议。\\r\\n"
             "一、过去一年工作回顾\\r\\n过去的一年，全县经济平稳增长。\\r\\n二、今年工作安排",),
        good=("政府工作报告\n各位代表：\n现在，我代表县人民政府向大会报告工作，请予审议。",
              "在程序中用 printf(\"%d\\n\", count) 输出计数，路径为 C:\\new\\table。"),
    )
    basis = "文件格式：转义的换行（fresh10 评审）"

    def check(self, doc: Document) -> Iterator[Finding]:
        layout = doc.facts(Layout)
        first = layout.escaped_breaks
        if first is None:
            return
        text = doc.text
        edits = tuple(Edit(span, _unescaped(text[span.start:span.end], doc.newline))
                      for span in escaped_breaks(text))
        fix = Fix(edits, Message("把转义符还原为换行", "Turn the escapes back into line breaks"),
                  UNSAFE)
        run = text[first.start:first.end]
        escape = "\\r\\n" if run.startswith("\\r\\n") else run[:2]
        yield self.report(first, count=layout.escapes, escape=escape, fix=fix)


def _unescaped(escapes: str, newline: str) -> str:
    """``\\r\\n`` → one line break, ``\\n\\n`` → two, ``\\t`` → a tab."""
    out = escapes.replace("\\r\\n", "\n").replace("\\n", "\n").replace("\\r", "\n")
    return out.replace("\\t", "\t").replace("\n", newline)
