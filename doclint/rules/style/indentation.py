"""T502: a paragraph indented with spaces in a file whose paragraphs are not."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import regex

from doclint.core import (
    Category,
    Document,
    Edit,
    Example,
    Examples,
    Finding,
    Fix,
    Maturity,
    Message,
    Rule,
    Severity,
    Span,
)
from doclint.core.diagnostic import SAFE
from doclint.core.lazyregex import lazy_regex
from doclint.rules.templates.scan import line_end

_INDENT = lazy_regex(r"[ \t\u00a0\u2002\u2003\u3000\u200b\ufeff]*")
# Patterns led by the line break, so the scan jumps from line to line: a line that starts with
# a space, a tab or an NBSP; one that starts with text; one indented with full-width spaces.
_NARROW_START = {sep: regex.compile(rf"{sep}[ \t\u00a0\u2002]") for sep in "\n\r"}
_FLUSH_START = {sep: regex.compile(rf"{sep}(?=\S)") for sep in "\n\r"}
_WIDE_START = {sep: regex.compile(rf"{sep}[\u3000\u2003]+(?=\S)") for sep in "\n\r"}
_NARROW = frozenset(" \t\u00a0\u2002")
_HAN = lazy_regex(r"\p{Han}")
_COLUMNS = lazy_regex(r"\S[ \u3000\u00a0]{3,}\S")  # a header line laid out in columns
# A line that reads as a paragraph of text (or a heading of one): it ends like a sentence or a
# salutation, opens with a list number, or is long enough to be more than a menu item.
_SENTENCE_END = lazy_regex(r"[。！？；：:…”’）)]\s*$")
_LIST_OPENING = lazy_regex(r"(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[、.．](?!\d)|第[一二三四五六七八九十百\d]+[章节条篇部分])")
# A line led by a tab: the file keeps the indentation of its HTML source (a saved web page).
_SOURCE_INDENT = {sep: regex.compile(rf"{sep}[ \u00a0]*\t") for sep in "\n\r"}
_FILE_LINK = lazy_regex(r"\.(?:pdf|docx?|xlsx?|wps|et|zip|rar)\W*$", regex.I)  # an attachment link
_MIN_HAN = 8  # fewer Han characters than this and no punctuation: a menu item, a link, a label
_MIN_LINES = 5
_MAX_SHARE = 0.1  # the odd ones out: at most one paragraph in ten
_ALIGNMENT = 8  # this many spaces or more right-align a signature or centre a title
_BLOCK_LINES = 3  # indented lines in a row that make a block laid out on purpose


class StrayIndentation(Rule):
    """个别段落以半角空格缩进，而全文其他段落不缩进或用全角空格缩进。

    全文统一不缩进，或统一用全角空格（“　　”）缩进，都是正常的；个别段落开头多出的半角空格、
    制表符或不间断空格，多是拼接或转换留下的痕迹（如一篇汇编中新一篇开头的“ 同志们：”）。
    多数行以半角空格缩进（成段连排）的文档，这就是它自己的缩进，其中单独一行也不算异常。
    至少 5 个段落、异常段落不超过一成时才报；8 个以上空格的行是右对齐的署名或居中的标题，
    连续三行以上都这样缩进的是有意排出的一块（按层级缩进的目录、缩进排的题注），都不报。
    只报读起来是段落的行：以句末标点或冒号结尾、以序号开头，或（不是保存的网页时）较长的一行
    （标题、署名）。保存的网页保留了 HTML 源码的缩进（制表符、成串的空格），页面标题行、导航、
    链接列表、计数器、表格单元格、页脚和附件链接上的缩进是源码的排版，不是段落缩进，不报。
    修复把缩进改成全文通行的写法。
    """

    code = "T502"
    name = "style.stray-indentation"
    category = Category.SPACING
    severity = Severity.INFO
    # Fresh rounds r11–r18 judged 40 of 55 right (r18: HTML-source indentation on menus and
    # footers, 5 of 14); after the fix, about 70% of r18's remaining findings read right.
    maturity = Maturity.PREVIEW
    group_after = 10  # a page full of one defect is reported once, the rest related
    summary = Message(
        "个别段落的缩进与全文不一致。", "A paragraph is indented unlike the rest of the file."
    )
    message = Message(
        "此段以半角空格缩进，而全文{usual_zh}（{count}段）。",
        "This paragraph is indented with spaces; the rest of the file {usual_en} "
        "({count} paragraphs).",
    )
    fixable = True
    examples = Examples(
        bad=(
            Example(
                "同志们：\n今天召开会议。\n 下面我讲三点。\n一是抓项目。\n"
                "二是抓招商。\n三是抓落实。",
                fixed="同志们：\n今天召开会议。\n下面我讲三点。\n一是抓项目。\n二是抓招商。\n三是抓落实。",
            ),
        ),
        good=(
            "同志们：\n　　今天召开会议。\n　　下面我讲三点。\n　　一是抓项目。\n　　二是抓招商。",
            "各位代表：\n现在作报告。\n一、回顾\n二、任务\n三、要求\n"
            "                    县人民政府",
        ),
    )
    basis = "排版一致性"

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        sep = "\n" if "\n" in text else "\r"  # CR-only files break lines with \r
        # Every line of text indented with narrow spaces decides the file's own style and how
        # many lines stand out; of those, only the lines that read as paragraphs are reported.
        narrow = [
            (start, indent)
            for start in _narrow_line_starts(text, sep)
            if len(indent := _INDENT.match(text, start).group()) < _ALIGNMENT
            and _has_text(text, start + len(indent))
        ]
        stray = _odd_ones_out(text, sep, narrow)
        page = _SOURCE_INDENT[sep].search(text) is not None or text[:1] == "\t"
        reported = [
            (start, indent) for start, indent in stray if _is_paragraph(text, start, indent, page)
        ]
        if not reported:
            return
        flush = len(_FLUSH_START[sep].findall(text)) + (1 if text[:1].strip() else 0)
        wide = len(_WIDE_START[sep].findall(text)) + (1 if text[:1] in "\u3000\u2003" else 0)
        if len(narrow) >= max(flush, wide):
            return  # the file's own indentation is half-width spaces (its lines run in blocks)
        if flush + wide + len(stray) < _MIN_LINES or len(stray) > max(
            1, _MAX_SHARE * (flush + wide + len(stray))
        ):
            return
        indent = _usual_wide_indent(text, sep) if wide > flush else ""
        count = max(wide, flush)
        usual_zh = f"用“{indent}”缩进" if indent else "不缩进"
        usual_en = "is indented with full-width spaces" if indent else "is not indented"
        title = Message("改为全文通行的缩进", "Use the file's usual indentation")
        for start, leading in reported:
            span = Span(start, start + len(leading))
            yield self.report(
                span,
                usual_zh=usual_zh,
                usual_en=usual_en,
                count=count,
                fix=Fix((Edit(span, indent),), title, SAFE),
            )


def _odd_ones_out(text: str, sep: str, stray: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The stray lines that stand alone: three or more lines in a row indented with narrow
    spaces (whatever their width) are a block laid out on purpose (a table of contents indented
    by level, a note set in), not a stray."""
    in_blocks: set[int] = set()
    run: list[int] = []
    for start in [*_narrow_line_starts(text, sep), -1]:
        if run and (start < 0 or text.count(sep, run[-1], start) != 1):
            if len(run) >= _BLOCK_LINES:
                in_blocks.update(run)
            run = []
        run.append(start)
    return [line for line in stray if line[0] not in in_blocks]


def _narrow_line_starts(text: str, sep: str) -> list[int]:
    starts = [m.start() + 1 for m in _NARROW_START[sep].finditer(text)]
    if text[:1] in _NARROW and text:
        starts.insert(0, 0)
    return sorted(starts)


def _usual_wide_indent(text: str, sep: str) -> str:
    indents = Counter(m.group()[1:] for m in _WIDE_START[sep].finditer(text))
    return indents.most_common(1)[0][0]


def _has_text(text: str, start: int) -> bool:
    """A line of text: not a stray bracket, a markup line (P204 reports those), a bracketed
    label, or a page header laid out in columns (P202 reports web chrome)."""
    end = line_end(text, start)
    if text[start : start + 1] in ("<", "【") or _COLUMNS.search(text, start, end):
        return False
    return bool(_HAN.search(text, start, end))


def _is_paragraph(text: str, start: int, indent: str, page: bool) -> bool:
    """A line that reads as a paragraph, or a heading of one: it ends like a sentence or a
    salutation, or opens with a list number; in a file that does not keep a web page's source
    indentation, also a line longer than a menu item (a title, a signature). A saved web page
    keeps its HTML source's indentation (tabs, runs of spaces) on its title line, menus, link
    lists, counters, table cells and footer: the indent of markup, not of a paragraph."""
    if "\t" in indent:
        return False
    line = text[start + len(indent) : line_end(text, start)]
    if _FILE_LINK.search(line):
        return False
    return bool(
        _SENTENCE_END.search(line)
        or _LIST_OPENING.match(line)
        or (not page and len(_HAN.findall(line)) >= _MIN_HAN)
    )
