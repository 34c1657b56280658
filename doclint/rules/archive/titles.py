"""A document's title: its first meaningful line, continued over the next lines while a 公文
title is still unfinished, skipping web chrome and stopping at the salutation or the body."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from doclint.core.document import Document, Span
from doclint.core.lazyregex import lazy_regex
from doclint.core.text import Paragraphs
from doclint.rules.structure.lines import han_count
from doclint.rules.templates.site_boilerplate import is_credit_line

_HEAD_LINES = 15
_MAX_TITLE = 60
_MAX_PARTS = 3
_ABOUT_REACH = 30  # 关于 follows the issuer's name: 江苏省人民政府办公厅关于…
# Lines a scraper keeps above the title: toolbars, breadcrumbs, source and time lines, links.
_CHROME = lazy_regex(
    r"当前位置|您的位置|所在位置|首页|>>|›|»|www\.|https?://|原文链接|^\s*【[^】]{0,12}(?:】|$)"
    r"|^(?:来源|时间|发布时间|发布日期|作者|编辑|责任编辑|浏览|点击|字号|分享)\s*[：:]"
    r"|^<!--|-->$"
    r"|^[（(][^）)]*[）)]$"  # a note in brackets above the title: (译自…俄文稿)
)
# Lines under the title that end it: a subtitle or dateline, a document number, a byline date.
_AFTER_TITLE = lazy_regex(
    r"^\s*(?:——|--|－－|—)|〔\d{4}〕|\[\d{4}\]|^[（(]?\s*\d{4}\s*年\s*\d{1,2}\s*月"
)
# A body line or a salutation: the document has started, and it had no title.
_BODY = lazy_regex(r"[。！？；]|[：:！]\s*$|^(?:同志们|各位|尊敬的|女士们)")
# How a 公文 or speech title ends; before that a title may run over several lines.
_GENRE_END = lazy_regex(
    r"(?:通知|通报|报告|讲话|决定|决议|意见|函|复函|批复|请示|公告|通告|纪要|公报|办法|规定|条例|"
    r"细则|方案|规划|计划|纲要|致辞|发言|演讲|贺信|贺词|总结|命令|令|议案|说明|建议|提案|倡议书)"
    r"(?:[（(][^）)]{1,12}[）)])?$"
)
_BRACKETED = lazy_regex(r"[（(][^）)]{1,12}[）)]$")
# A numbered heading opens a section, not a document: a file that starts with one has no title
# of its own (a page holding one section of a longer text).
_SECTION_HEADING = lazy_regex(
    r"^(?:[一二三四五六七八九十]{1,3}[、．.]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、]"
    r"|第[一二三四五六七八九十百零〇\d]{1,5}[章节条编部分]|#)"
)
# An issuer and a genre, nothing about the subject: 中华人民共和国国务院令, 河北省人民政府公告.
_ISSUER_ONLY = lazy_regex(
    r"^(?:中华人民共和国)?\p{Han}{0,16}?(?:国务院|人民政府|人民代表大会常务委员会|人民代表大会|"
    r"委员会|办公厅|办公室|部|厅|局|署|院|会)?(?:令|公告|通告|公报|命令)(?:第\S{1,8}号)?$"
)
_NOT_TEXT = lazy_regex(r"[^\p{Han}\p{L}\p{N}]+")
# Titles that name only a genre: the same one on two different documents says nothing.
GENERIC = frozenset({
    "政府工作报告", "工作报告", "报告", "讲话", "讲话稿", "重要讲话", "发言", "发言稿", "致辞",
    "演讲", "通知", "通报", "公告", "通告", "决定", "决议", "意见", "批复", "函", "纪要", "公报",
    "目录", "前言", "序言", "后记", "附件", "说明", "全文", "正文", "工作总结", "总结",
    "述职报告", "工作计划", "实施方案",
})


@dataclass(frozen=True, slots=True)
class Title:
    """The title as written (its lines joined, spaces removed) and the span of its lines."""

    text: str
    span: Span

    @property
    def key(self) -> str:
        """The title for comparisons: no spaces or punctuation, compatibility forms folded."""
        return str(_NOT_TEXT.sub("", unicodedata.normalize("NFKC", self.text)))

    @property
    def generic(self) -> bool:
        """A title that names only a genre, with or without a note in brackets."""
        key = _NOT_TEXT.sub("", unicodedata.normalize("NFKC", _BRACKETED.sub("", self.text)))
        return key in GENERIC or han_count(key) < 4 or bool(_ISSUER_ONLY.match(key))


class DocumentTitle:
    """``doc.facts(DocumentTitle).title``: the document's title, if it has one."""

    def __init__(self, title: Title | None) -> None:
        self.title = title

    @classmethod
    def from_document(cls, doc: Document) -> DocumentTitle:
        lines = doc.facts(Paragraphs).items[:_HEAD_LINES]
        parts: list[tuple[str, Span]] = []
        for para in lines:
            text = para.text
            if not parts and _is_chrome(text):
                continue
            if _BODY.search(text) or len(text) > _MAX_TITLE:
                break
            if parts and (_AFTER_TITLE.search(text) or _CHROME.search(text)):
                break
            parts.append((text, para.span))
            if _GENRE_END.search(_squeezed(text)) or len(parts) == _MAX_PARTS:
                break
        if not parts or _SECTION_HEADING.match(parts[0][0].lstrip(" \t\u3000")):
            return cls(None)
        if not _GENRE_END.search(_squeezed(parts[-1][0])):
            parts = parts[:1]  # lines that never reach a genre word: only the first is the title
        text = "".join(_squeezed(t) for t, _ in parts)
        return cls(Title(text, Span(parts[0][1].start, parts[-1][1].end)))


def ends_on_genre(text: str) -> bool:
    """A line that can be a title and ends on a genre word (…生态经济带的建议), no stop of a
    sentence in it: its commas join the parts of its subject."""
    squeezed = _squeezed(text)
    return (len(squeezed) <= _MAX_TITLE and _GENRE_END.search(squeezed) is not None
            and _BODY.search(squeezed) is None)


def is_genre_title(text: str) -> bool:
    """A 公文 title by its shape: 关于 near its start, a genre word at its end
    (关于加强湿地保护，服务生态建设的建议)."""
    return "关于" in _squeezed(text)[:_ABOUT_REACH] and ends_on_genre(text)


def _is_chrome(text: str) -> bool:
    return han_count(text) < 4 or bool(_CHROME.search(text)) or is_credit_line(text)


def _squeezed(text: str) -> str:
    return "".join(text.split())
