"""P204: markup left over from the HTML the text was taken from."""

from __future__ import annotations

import regex

from doclint.core import Category, Document, Edit, Example, Examples, Message, Severity, Span
from doclint.core.lazyregex import lazy_regex
from doclint.rules.templates.boilerplate import NEWLINE, BoilerplateRule, Pattern
from doclint.rules.templates.removal import removal_span
from doclint.rules.templates.scan import find_all, line_end, line_start, matches_at_least_from

_BLOCK_TAGS = (
    r"p|br|div|li|ul|ol|tr|td|th|table|tbody|thead|h[1-6]|center|section|article|hr|style|script"
)
_INLINE_TAGS = r"span|font|strong|b|i|u|em|img|a|sup|sub|meta|link|iframe"
_BLOCK = lazy_regex(rf"</?(?:{_BLOCK_TAGS})\b", regex.I)
_HTML = Message("HTML 标记", "HTML markup")
_COMMENT = Pattern(
    regex.compile(r"<!--.*?-->", regex.S), Message("HTML 注释", "HTML comment"), "<", kind=_HTML
)
# An entity escaped twice over ("&amp;amp;nbsp;") is one piece of residue, in any format.
_DOUBLE_ESCAPED = Pattern(
    lazy_regex(r"&amp;(?:amp;)*(?:[a-z]{2,8}|#\d{2,7}|#x[0-9A-Fa-f]{2,6});"),
    Message("重复转义的 HTML 字符实体", "doubly escaped HTML entity"),
    "&",
    kind=_HTML,
)
# Page script or style sheet left in the text (gov.cn pages keep their search box's script):
# lines whose syntax is code. Outside its string literals and comments a code line holds no
# Chinese character or full-width mark, so Chinese prose that merely holds a parenthesis or a
# brace is never one. A block starts at a line that only code writes (a declaration, a control
# statement, a call on the page's objects, a style rule) and runs on through the code lines and
# blank lines after it: braces alone, statements ended by ";", comments.
_CODE_TEXT = (
    r"(?:[^\p{Han}\u3000-\u303f\uff00-\uffef'\"\r\n/]|'[^'\r\n]*'|\"[^\"\r\n]*\"|/(?!/))*+"
    r"(?://[^\r\n]*)?"
)
_CODE_START = (
    r"(?:(?:var|let|const)[ \t]+[A-Za-z_$][\w$]*[ \t]*[=;,]|function[ \t]*[A-Za-z_$]?[\w$]*[ \t]*\("
    r"|(?:if|for|while|switch)[ \t]*\("
    r"|\}?[ \t]*else\b|(?:document|window|jQuery|\$)[ \t]*[.(]"
    r"|[.#@]?[A-Za-z][A-Za-z0-9_\-.#:>, \t\[\]=]*\{[ \t]*$)"
)
_CODE_LINE = (
    rf"(?:[{{}}()\[\];, \t]+$|//[^\r\n]*$|(?=[^\r\n]*[;{{}}][ \t]*$){_CODE_TEXT}$"
    rf"|(?:{_CODE_START}){_CODE_TEXT}$)"
)
_SCRIPT = Pattern(
    lazy_regex(
        rf"(?m)^[ \t]*(?={_CODE_START})(?=[^\r\n]*[{{}};,()][ \t]*$){_CODE_TEXT}$"
        rf"(?:{NEWLINE}[ \t]*(?:{_CODE_LINE})?)*+"
    ),
    Message("网页脚本代码", "page script code"),
    "{(",
    whole_line=True,
)
_PATTERNS = (
    _COMMENT,
    _SCRIPT,
    # Extraction tools write a character they could not keep as a literal "<U+00A0>".
    Pattern(
        lazy_regex(r"<U\+[0-9A-Fa-f]{4,6}>(?:[ \t]*<U\+[0-9A-Fa-f]{4,6}>)*"),
        Message("字符代码标记", "code-point marker"),
        "<",
    ),
    Pattern(
        lazy_regex(rf"</?(?:{_BLOCK_TAGS}|{_INLINE_TAGS})(?:\s[^<>\r\n]*)?/?>", regex.I),
        Message("HTML 标签", "HTML tag"),
        "<",
        kind=_HTML,
    ),
    Pattern(
        lazy_regex(
            r"&(?:amp;)*(?:nbsp|amp|lt|gt|quot|apos|ldquo|rdquo|lsquo|rsquo|mdash|ndash|hellip|"
            r"middot|emsp|ensp|times|bull);|&(?:amp;)*#\d{2,7};|&(?:amp;)*#x[0-9A-Fa-f]{2,6};"
        ),
        Message("HTML 字符实体", "HTML entity"),
        "&",
        kind=_HTML,
    ),
)
# A line break between two Chinese characters of a sentence ("有获<br />知") is residue in any
# format: Markdown renders it as a break in the middle of a word. Table rows, where a cell's
# lines are joined by <br>, are left alone; a space entity is a space, the source's own.
_INSIDE_WORD = Pattern(
    lazy_regex(
        r"(?<!^[ \t]*\|[^\r\n]*)(?<=\p{Han})(?:<br\s*/?>)+(?=\p{Han})", regex.I | regex.M
    ),
    Message("HTML 标记", "HTML markup"),
    "<",
    kind=_HTML,
)
# A run of space entities inside running text, between two Chinese characters
# ("立法听&nbsp;&nbsp;&nbsp;&nbsp;证会") or after a sentence's mark ("。&nbsp;&nbsp;一般…"), is an
# HTML paragraph indent that ended up inside a paragraph: residue too, outside table rows.
# One entity is a space the source wrote ("观摩了&nbsp;示范基地").
_SPACE_IN_WORD = Pattern(
    regex.compile(
        r"(?<!^[ \t]*\|[^\r\n]*)(?<=[\p{Han}。；！？，：])(?:&(?:nbsp|ensp|emsp|#160|#xa0);){2,}"
        r"(?=[\p{Han}“])",
        regex.I | regex.M,
    ),
    Message("HTML 字符实体", "HTML entity"),
    "&",
    kind=_HTML,
)
# A Markdown source: ATX headings or links. Markdown allows HTML: its tags, entities and
# comments (a repository's "<!-- INFO END -->" marker) are the source's format, rendered as
# intended. A code-point marker or a doubly escaped entity is residue in any format.
_MARKDOWN_LINE = lazy_regex(r"(?m)^#{1,6}[ \t]+\S|\]\(https?://")
_MARKDOWN_TITLE = lazy_regex(r"\s*#[ \t]+\S")
_MARKDOWN_PATHS = (".md", ".markdown")
_MARKDOWN_LINES = 2
_SPACE = " \t\u3000\u00a0"


class MarkupResidue(BoilerplateRule):
    """正文中残留了 HTML 标记：标签、字符实体 `&nbsp;`、注释 `<!-- -->`，
    或 `<U+00A0>` 这样的字符代码标记，以及网页的脚本、样式代码。

    从网页提取文本时没有清理干净。`<U+00A0>` 是提取工具把不间断空格写成的字面标记。
    一篇文档中的网页标记是一个问题：同类标记（HTML 标记、字符代码标记）在一篇中只报告一次，
    其余位置列为相关位置。Markdown 允许内嵌 HTML：Markdown 文档（以及按 Markdown 书写的文本）中的
    HTML 标签、字符实体和注释是来源的格式，渲染时如常显示，不报；其中的字符代码标记、重复转义的
    字符实体（`&amp;amp;nbsp;`），以及夹在句中两个汉字之间的 `<br />`（“有获<br />知”，渲染出来
    是词中断行）和段落中间、汉字或句中标点之后的一串空格实体（“立法听&nbsp;&nbsp;证会”“……拴养。&nbsp;&nbsp;一般……”，
    是网页的段首缩进落进了段中；
    单个 `&nbsp;` 是来源写的空格，不报；表格行均除外）仍是残留。
    网页脚本（gov.cn 页面的搜索框脚本 `function …(){`、`var …;`、`if (s == '…') {`、`}`）和样式表
    （`.nav {`、`color: #333;`）按行识别：声明、控制语句、对 `document`/`window` 的调用或样式规则起头，
    其后的代码行（单独的括号、以分号结尾的语句、注释）和空行连成一块，报告一处、整块删除；
    字符串和注释之外含有汉字或全角标点的行是中文行文，不算代码。Markdown 中的代码是其格式，不报。
    修复删除这些标记：段落标签换成换行，字符实体还原为所代表的字符。
    """

    code = "P204"
    name = "boilerplate.markup"
    category = Category.INJECTED_BOILERPLATE
    severity = Severity.WARNING
    summary = Message("正文中残留了网页标记。", "Markup residue is left in the text.")
    message = Message("残留的{what_zh}：“{text}”。", "Leftover {what_en}: “{text}”.")
    fixable = True
    patterns = _PATTERNS
    extra_patterns = (_DOUBLE_ESCAPED, _INSIDE_WORD, _SPACE_IN_WORD)  # in Markdown files
    group_kind_after = 1  # one defect per document and kind: the text kept its page's markup
    group_after = 20
    examples = Examples(
        bad=(
            Example(
                "各位代表：\n<!--\n-->\n现在，我代表县人民政府作报告。",
                fixed="各位代表：\n现在，我代表县人民政府作报告。",
            ),
            Example("<U+00A0><U+00A0>各位代表：", fixed="各位代表："),
            Example("全年增长5.2%&nbsp;。", fixed="全年增长5.2%。"),
            Example(
                "<p><strong>春耕生产全面展开</strong></p><p>今年，各地抓好春耕。</p>",
                fixed="春耕生产全面展开\n\n今年，各地抓好春耕。",
            ),
        ),
        good=(
            "当增长率<5%时启动预案。",
            "R&D经费投入强度达到2.6%。",
            "# 某某条例\n\n<!-- INFO END -->\n\n## 第一章 总则\n\n第一条 为了规范管理，制定本条例。",
            "### 春耕生产全面展开\n\n<p><strong>央视网消息</strong>：各地抓好春耕。<br></p>\n"
            "### 夏粮收购有序推进\n\n<p>各地做好夏粮收购。&nbsp;</p>",
        ),
    )
    basis = "抓取残留（domain-rules §6）"

    def active_patterns(self, doc: Document) -> tuple[Pattern, ...]:
        if _is_markdown(doc):
            return (
                *(p for p in self.patterns if p.kind is not _HTML and p is not _SCRIPT),
                _DOUBLE_ESCAPED,
                _INSIDE_WORD,
                _SPACE_IN_WORD,
            )
        return self.patterns

    def edit(self, doc: Document, span: Span) -> Edit:
        """A paragraph tag inside a line becomes a line break; an entity becomes its character
        (a space entity is dropped); anything else is deleted."""
        text = doc.text
        markup = text[span.start : span.end]
        if markup.startswith("&"):
            return Edit(span, _decoded(markup))
        if _BLOCK.match(markup) and not _at_line_edge(text, span):
            inside = _INSIDE_WORD.regex.match(text, span.start)
            if inside and inside.end() == span.end and _is_markdown(doc):
                return Edit(span, "")  # a break inside a word: the word is joined again
            return Edit(span, "\n")
        return Edit(removal_span(doc, span), "")


def _is_markdown(doc: Document) -> bool:
    """A Markdown file, or a text that opens with a Markdown heading or has several."""
    if doc.path.lower().endswith(_MARKDOWN_PATHS) or _MARKDOWN_TITLE.match(doc.text):
        return True
    # Every match starts with a "#" at a line's start or with "](": tried only there.
    text = doc.text
    heading_marks = (at for at in find_all(text, "#") if at == 0 or text[at - 1] == "\n")
    return matches_at_least_from(_MARKDOWN_LINE, text, (*heading_marks, *find_all(text, "](")),
                                 _MARKDOWN_LINES)


def _decoded(entity: str) -> str:
    import html  # on first use: most documents hold no entity

    previous = None
    while previous != entity:
        previous, entity = entity, html.unescape(entity)
    return "" if not entity.strip() else entity


def _at_line_edge(text: str, span: Span) -> bool:
    """Only white space or other tags between ``span`` and one end of its line."""
    before = text[line_start(text, span.start) : span.start]
    after = text[span.end : line_end(text, span.end)]
    return not _TAGS_OR_SPACE.sub("", before) or not _TAGS_OR_SPACE.sub("", after)


_TAGS_OR_SPACE = lazy_regex(rf"<[^<>\r\n]*>|[{_SPACE}]")
