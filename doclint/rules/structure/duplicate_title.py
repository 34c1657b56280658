"""T101: a title line repeated by the line after it (beyond T601's exact repetition), or the
title again on a line of its own further on."""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from difflib import SequenceMatcher
from itertools import pairwise

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
)
from doclint.core.diagnostic import SAFE
from doclint.core.document import Span
from doclint.core.lazyregex import lazy_regex
from doclint.core.text import TextKeys
from doclint.rules.structure import lines
from doclint.rules.structure.model import Article, Block, Kind, Structure

_SIMILAR = 0.85
_TITLE_AGAIN_HAN = 6  # a shorter title (政府工作报告) is a page's running header
# An attachment's label line names the attachment that follows: 附件：项目申报表 ⏎ 项目申报表.
_ATTACHMENT = lazy_regex(r"^附(?:件|表|录)")
_TITLE_KINDS = (Kind.TITLE, Kind.LABEL, Kind.BYLINE)
_NEW_HEAD = (Kind.BYLINE, Kind.DATELINE, Kind.SALUTATION)
# A site's name in its share or follow widget (关注 · 广州政府网), taken for a title at the top
# of a saved page: never the document's title.
_SITE_NAME = lazy_regex(r"(?:政府网|门户网站|网站|客户端|公众号)[\s\u3000]*$")
_CONTENTS = lazy_regex(r"^[#\s\u3000]*目[\s\u3000]*录[\s\u3000]*$")
# What a body sentence does once past the heading's words and a title does not: a clause mark
# (a comma, a sentence end, a quoted list), an aspect particle, a verb that opens a predicate
# (包括, 主要由, 分为). ``（一）标准体系结构`` ⏎ ``标准体系结构包括三个部分，…`` opens the section.
_CLAUSE = lazy_regex(r"[，。；！？,;!?“]|[了着]|包括|包含|涵盖|主要|分为|是指|旨在|具有")


class DuplicateTitle(Rule):
    """标题行紧接着又出现一次：`第N篇：X` 后面跟着 `X`，或前后两行标题几乎相同。

    抓取的合集常把页面标题、篇目标题和正文标题叠在一起（“第四篇：在…会议上的讲话”下面
    又是“在…会议上的讲话”），编号标题下面也会多出一行不带编号的同名标题。比较时忽略空白、
    标点和 `第N篇：` 前缀；两行只差空白的完全重复由 T601 报告。与前一行的标题部分完全相同时，
    修复删除重复的那一行；只是相近（一行包含另一行，或相似度不低于 85%）时只报告。
    附件标签（“附件：××表”下一行是“××表”）和法规的修订记录（“2016年2月6日 《…的决定》
    第三次修订”）不是重复的标题；标题下面一行以标题的词语开头、接着说下去（“（一）标准体系
    结构”下面是“标准体系结构包括…三个部分”），是这一节的第一句话，也不是重复。

    篇目的标题（至少 6 个汉字）在后文单独成行再次出现——在署名、日期行之后，或插在后面
    某段之前（抓取时页面断开处）——也报告。正文里紧挨日期的一行是落款（“××厅”加日期）或
    签发的令之后所公布文本的标题；正文里标题下面接着署名、日期或称呼，是同题的另一篇讲话；
    目录之后正文前再写一遍标题是书的体例；新闻条目下全文转载的文件（“## ……公报”下面是“**……公报**”
    和“（2021年1月24日……通过）”）以自己的标题和通过日期开头，也是另一篇：这些都不报。
    保存的网页先是空行和 `<title>` 行，再是导航和文章标题：标题确实出现两次，报告一处，在文章
    标题上，并在消息中说明前一处是网页的标题行、相隔多少行。
    """

    group_after = 20  # one finding per file beyond this: the file is damaged throughout
    code = "T101"
    name = "structure.duplicate-title"
    category = Category.TITLE_DUPLICATE
    summary = Message("标题行重复出现。", "A title line is repeated.")
    message = Message("此行重复了第{line}行的标题（{how_zh}）。",
                      "This line repeats the title on line {line}: {how_en}.")
    fixable = True
    examples = Examples(
        bad=(Example("第四篇：在全县消防工作会议上的讲话\n在全县消防工作会议上的讲话\n同志们：",
                     fixed="第四篇：在全县消防工作会议上的讲话\n同志们："),
             "第三篇：县长在全县水利工作会议上的讲话\n在全县水利工作会议上的讲话\n同志们：",
             "在全县安全生产工作会议上的讲话\n（2024年3月6日）\n在全县安全生产工作会议上的讲话\n同志们："),
        good=("第四篇：在全县消防工作会议上的讲话\n同志们：",
              "2024年政府工作报告\n——2024年1月8日在县第十八届人民代表大会第四次会议上",
              "某省教育厅\n关于做好暑期安全工作的通知\n各市教育局：\n请认真贯彻执行。\n某省教育厅\n2024年6月27日"),
    )
    basis = "抓取拼接造成的标题重复（domain-rules §6.2）"

    def check(self, doc: Document) -> Iterator[Finding]:
        structure = doc.facts(Structure)
        blocks = structure.blocks
        for previous, current in pairwise(blocks):
            if current.kind not in _TITLE_KINDS or previous.article != current.article:
                continue
            if (previous.kind is Kind.TITLE or _plain_heading(previous)) \
                    and not _ATTACHMENT.match(previous.text):
                finding = self._compare(doc, previous, current)
                if finding is not None:
                    yield finding
        for article in structure.articles:
            yield from self._title_again(doc, structure, article)

    def _title_again(self, doc: Document, structure: Structure,
                     article: Article) -> Iterator[Finding]:
        """The article's title as a line of its own further on: after the byline and dateline,
        or before a later paragraph (a scraped page break). A line right after another copy is
        the adjacent repeat above (or T601's)."""
        blocks = structure.blocks
        titles = [*article.titles, *([article.marker] if article.marker is not None else [])]
        first: dict[str, Block] = {}
        for index in sorted(titles):
            key = lines.title_key(blocks[index].text)
            if lines.han_count(key) >= _TITLE_AGAIN_HAN and not _SITE_NAME.search(blocks[index].text):
                first.setdefault(key, blocks[index])
        if not first:
            return
        # Past a table of contents only the document's own title counts: the other title-like
        # lines of a saved page's head (its issuer, a date box) come back in its closing box.
        own_title = min(first.values(), key=lambda b: b.index)
        contents: _Contents | None = None  # read only about a title line that comes again
        last_seen = {key: block.index for key, block in first.items()}
        longest = 2 * max(len(block.text) for block in first.values()) + 10
        for block in blocks[article.start : article.end]:
            if block.is_prose or len(block.text) > longest:
                continue  # no title line: a paragraph
            key = lines.title_key(block.text)
            earlier = first.get(key)
            if earlier is None or block.index <= earlier.index:
                continue
            adjacent = block.index - last_seen[key] == 1
            last_seen[key] = block.index
            if contents is None:
                contents = _Contents(blocks[article.start : article.end])
            if adjacent or block.heading is not None \
                    or _signed(structure, article, block) or _opens_a_document(blocks, block) \
                    or contents.right_before(block.index) \
                    or (earlier is not own_title and contents.before(block.index) is not None):
                continue
            note = Message("首次出现", "first occurrence")
            gap = block.line - earlier.line
            # A saved web page opens with its <title> line: the headline repeats the page's
            # title, and the message says which line is which.
            page = not doc.text[: earlier.span.start].strip()
            where_zh, where_en = ("前者是网页的标题行，", "the first is the page's title line, ") \
                if page and earlier.line > 2 else ("", "")
            yield self.report(block.span, line=earlier.line,
                              how_zh=f"{where_zh}相隔{gap}行再次出现",
                              how_en=f"{where_en}the same title again {gap} lines further on",
                              related=(Related(earlier.span, note),))

    def _compare(self, doc: Document, previous: Block, current: Block) -> Finding | None:
        keys = doc.facts(TextKeys).paragraphs
        if keys[previous.index] == keys[current.index]:
            return None  # T601
        if previous.heading is not None:
            earlier = lines.title_key(previous.heading.title)
        else:
            earlier = lines.title_key(previous.text)
        later = lines.title_key(current.text)
        if lines.han_count(later) < 4 or lines.han_count(earlier) < 4:
            return None
        note = Message("首次出现", "first occurrence")
        related = (Related(previous.span, note),)
        if later == earlier:
            line = doc.index.line_of(current.span.start)
            removal = Span(doc.index.line_of(previous.span.start).span.end, line.span.end)
            title = Message("删除重复的标题行", "Delete the repeated title line")
            fix = Fix((Edit(removal, ""),), title, SAFE)
            return self.report(current.span, line=previous.line, how_zh="完全相同",
                               how_en="the same words", fix=fix, related=related)
        if current.kind is Kind.BYLINE:
            return None
        if later.startswith(earlier) and _opens_a_clause(current.text, earlier):
            return None  # the section's first sentence starts with its heading's words
        shorter, longer = sorted((earlier, later), key=len)
        if shorter in longer and len(shorter) >= 0.4 * len(longer):
            how = ("一行包含另一行", "one contains the other")
        elif SequenceMatcher(None, earlier, later).ratio() >= _SIMILAR:
            how = ("几乎相同", "nearly the same words")
        else:
            return None
        return self.report(current.span, line=previous.line, how_zh=how[0], how_en=how[1],
                           related=related)


def _signed(structure: Structure, article: Article, block: Block) -> bool:
    """In the body, a line beside a date is a signature (``河北省教育厅`` over its date, the
    issuing body named again) or the title of a text published under a signed order (a 令
    signed and dated, then the 办法 it publishes); a title over a byline or a salutation opens
    another speech of the same title: no repeat."""
    if block.index <= article.body_start:
        return False
    blocks = structure.blocks
    before = blocks[block.index - 1]
    after = blocks[block.index + 1] if block.index + 1 < len(blocks) else None
    return before.kind is Kind.DATELINE or (after is not None and after.kind in _NEW_HEAD)


def _opens_a_document(blocks: list[Block], block: Block) -> bool:
    """The title line stands over its document's adoption or issue note (a Markdown ``**`` left
    alone between them aside): a document reprinted in full under a news item's heading opens
    with its own title (``## ……公报`` ⏎ ``新华社北京1月24日电`` ⏎ ``**……公报**`` ⏎
    ``（2021年1月24日……通过）``)."""
    after = next((b for b in blocks[block.index + 1 : block.index + 1 + _MARKUP_REACH]
                  if not _MARKUP_ONLY.match(b.text)), None)
    return after is not None and _ADOPTION.match(after.text) is not None


# A line of Markdown markup alone (``**`` left by a bold title split over two lines).
_MARKUP_ONLY = lazy_regex(r"^[*_#\s\u3000]+$")
_MARKUP_REACH = 3
# A document's adoption or issue note under its title: （2021年1月24日……全体会议通过）.
_ADOPTION = lazy_regex(r"^[\s\u3000]*[（(][ \u3000]*(?:19|20)\d{2}[ \u3000]*年[^（()）]{0,80}[）)][\s\u3000]*$")


class _Contents:
    """Where an article's table of contents stands (目录 lines) and where its text has begun
    (paragraphs of prose), found once per article."""

    def __init__(self, blocks: list[Block]) -> None:
        self.lines = [b.index for b in blocks if "录" in b.text and _CONTENTS.match(b.text)]
        self.prose = [b.index for b in blocks if b.is_prose]

    def before(self, index: int) -> int | None:
        """The last contents line before block ``index``."""
        at = bisect.bisect_left(self.lines, index)
        return self.lines[at - 1] if at else None

    def right_before(self, index: int) -> bool:
        """A table of contents right before the repeat: a book's title page, its contents (which
        may list the title too), then the title over the text. Once a paragraph of the text
        has come, the title on a line of its own is a repeat again (a page break of a scraped
        law)."""
        contents = self.before(index)
        if contents is None:
            return False
        at = bisect.bisect_right(self.prose, contents)
        return at == len(self.prose) or self.prose[at] >= index


def _opens_a_clause(text: str, title: str) -> bool:
    """``text`` goes on past the words of ``title`` (its first characters, punctuation and
    spaces aside) into a clause of its own: a sentence under the heading, not the title again."""
    matched = 0
    for position, char in enumerate(text):
        if matched < len(title) and char == title[matched]:
            matched += 1
            if matched == len(title):
                return _CLAUSE.search(text, position + 1) is not None
    return False


def _plain_heading(block: Block) -> bool:
    return block.heading is not None and not block.heading.inline
