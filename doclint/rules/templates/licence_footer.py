"""P205: a wiki's licence notice appended after the document."""

from __future__ import annotations

from collections.abc import Iterator

from doclint.core import (
    Category,
    Document,
    Example,
    Examples,
    Finding,
    Message,
    Rule,
    Severity,
    Span,
)
from doclint.core.diagnostic import SAFE
from doclint.core.lazyregex import lazy_regex
from doclint.rules.templates.removal import removal_fix

# Wikisource's licence templates open with "本作品……" and close with its metadata lines.
_OPENING = lazy_regex(
    r"(?<![^\r\n])[ \t\u3000]*(?:本作品(?:是|来自|在|原文|已|属于)|注：中文维基文库)"
)
_OPENING_LITERALS = ("本作品", "注：中文维基文库")
_MARKER = lazy_regex(r"公有领域|Public domain|版权失效|维基文库|著作权法")
_METADATA_TAIL = lazy_regex(r"(?:\s*(?:Public domain|false|true)\s*)+$")
_WINDOW = 4000  # the notices are well under this many characters
_WHAT = Message("许可证声明", "licence notice")


class LicenceFooter(Rule):
    """文末附有维基文库等网站的版权许可声明。

    从维基文库取得的文本在结尾带有“本作品是中华人民共和国的法律、法规……属于公有领域”、
    “注：中文维基文库社群认为……”以及“Public domain / false”之类的元数据行。
    这些不是文档内容。规则在文本后部找到以“本作品……”开头、含“公有领域”“维基文库”等标志的段落，
    报告从它到文末的整段；修复删除整段。
    """

    code = "P205"
    masks = True
    name = "boilerplate.licence-footer"
    category = Category.INJECTED_BOILERPLATE
    severity = Severity.WARNING
    summary = Message(
        "文末附有网站的版权许可声明。", "A site's licence notice is appended to the text."
    )
    message = Message(
        "文末的许可证声明（{lines}行）不是文档内容。",
        "The licence notice at the end ({lines} lines) is not part of the document.",
    )
    fixable = True
    examples = Examples(
        bad=(
            Example(
                "让我们团结奋斗！\n本作品是中华人民共和国的法律、法规，属于\n公有领域\n。\n"
                "Public domain\nfalse\n",
                fixed="让我们团结奋斗！\n",
            ),
        ),
        good=("让我们团结奋斗！\n本作品的主人公是一位乡村教师。", "全省公有领域资源统一管理。"),
    )
    basis = "维基文库版权模板（语料 README）"

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        end = len(text.rstrip())
        if end == 0:
            return
        start = _footer_start(text, end)
        if start is None:
            return
        span = Span(start, end)
        lines = doc.position(end).line - doc.position(start).line + 1
        yield self.report(span, lines=lines, fix=removal_fix(doc, span, _WHAT, SAFE))


def _footer_start(text: str, end: int) -> int | None:
    """Where the notice starts: the first opening near the end whose rest holds a marker."""
    # NOTE: _OPENING opens with a look-behind and white space, so it is tried at every
    # character of the window: it is run only when one of its literals is there.
    window = max(0, end - _WINDOW)
    if any(text.find(literal, window, end) != -1 for literal in _OPENING_LITERALS):
        for match in _OPENING.finditer(text, window, end):
            rest = text[match.end() : end]
            if _MARKER.search(rest):
                return match.start() + len(match.group()) - len(match.group().lstrip(" \t\u3000"))
    if text.find("Public domain", max(0, end - 200), end) == -1:
        return None
    tail = _METADATA_TAIL.search(text, max(0, end - 200), end)
    if tail and "Public domain" in tail.group():
        return tail.start() + len(tail.group()) - len(tail.group().lstrip())
    return None
