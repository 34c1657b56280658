"""P204: markup left over from the HTML the text was taken from."""

from __future__ import annotations

import regex

from doclint.core import Category, Example, Examples, Message, Severity
from doclint.rules.templates.boilerplate import BoilerplateRule, Pattern

_TAGS = (
    r"p|br|div|span|font|strong|b|i|u|em|img|a|td|tr|th|table|tbody|thead|li|ul|ol|h[1-6]|"
    r"center|sup|sub|style|script|meta|link|iframe|section|article|hr"
)
_PATTERNS = (
    Pattern(regex.compile(r"<!--.*?-->", regex.S), Message("HTML 注释", "HTML comment"), "<"),
    # Extraction tools write a character they could not keep as a literal "<U+00A0>".
    Pattern(
        regex.compile(r"<U\+[0-9A-Fa-f]{4,6}>(?:[ \t]*<U\+[0-9A-Fa-f]{4,6}>)*"),
        Message("字符代码标记", "code-point marker"),
        "<",
    ),
    Pattern(
        regex.compile(rf"</?(?:{_TAGS})(?:\s[^<>\r\n]*)?/?>", regex.I),
        Message("HTML 标签", "HTML tag"),
        "<",
    ),
    Pattern(
        regex.compile(
            r"&(?:nbsp|amp|lt|gt|quot|apos|ldquo|rdquo|lsquo|rsquo|mdash|ndash|hellip|middot|"
            r"emsp|ensp|times|bull);|&#\d{2,7};|&#x[0-9A-Fa-f]{2,6};"
        ),
        Message("HTML 字符实体", "HTML entity"),
        "&",
    ),
)


class MarkupResidue(BoilerplateRule):
    """正文中残留了 HTML 标记：注释 `<!-- -->`、标签、字符实体 `&nbsp;`，
    或 `<U+00A0>` 这样的字符代码标记。

    从网页提取文本时没有清理干净。`<U+00A0>` 是提取工具把不间断空格写成的字面标记。
    修复删除这些标记（独占一行时删除整行）。
    """

    code = "P204"
    name = "boilerplate.markup"
    category = Category.INJECTED_BOILERPLATE
    severity = Severity.WARNING
    summary = Message("正文中残留了网页标记。", "Markup residue is left in the text.")
    message = Message("残留的{what_zh}：“{text}”。", "Leftover {what_en}: “{text}”.")
    fixable = True
    patterns = _PATTERNS
    examples = Examples(
        bad=(
            Example(
                "各位代表：\n<!--\n-->\n现在，我代表县人民政府作报告。",
                fixed="各位代表：\n现在，我代表县人民政府作报告。",
            ),
            Example("<U+00A0><U+00A0>各位代表：", fixed="各位代表："),
            Example("全年增长5.2%&nbsp;。", fixed="全年增长5.2%。"),
        ),
        good=("当增长率<5%时启动预案。", "R&D经费投入强度达到2.6%。"),
    )
    basis = "抓取残留（domain-rules §6）"
