"""A scraped page's navigation: its link lists, its neighbours' links and its article header.

A page scraped whole keeps, around the article, the site's lists of links to other articles:
a label (相关文章, 本栏最新, 本栏推荐, 阅读排行, 标签云, 上一篇：, 分享到：) and under it a run of
short title-like lines, often each with its date on the line before or after it ("01-24" /
"2022年某县政府工作报告"); a run of such dated titles is a link list even without its label.
Above the article stands the site's header: "时间：… 作者：… 来源：… 阅读：" with its counters
and the site's cut-off excerpt after "内容摘要：". None of it is the document's text: the titles
are other articles (other places, other years), the excerpt a truncated copy of the opening.

``find_header``, ``find_excerpt`` and ``find_link_lists`` yield each block as a match-like
span (patterns for :class:`~doclint.rules.templates.boilerplate.Pattern`);
``doc.facts(PageNavigation)`` holds
them for rules that infer facts from the whole text (which county a report speaks for) and
must not read other articles' titles as the document's own words.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

from doclint.core import Document, Span
from doclint.core.lazyregex import lazy_re, lazy_regex
from doclint.rules.templates.scan import find_all, matches_at_least_from, matches_from

_SPACE = " \t\u3000\u00a0\u200b\ufeff"
# A list's label alone on its line: the site's words, never a heading of a report.
_LABEL_TEXT = (
    r"(?:相关(?:文章|阅读|新闻|报道|链接|推荐|稿件|评论|专题|文档)|本栏(?:最新|推荐|热门|排行|热点|目录)"
    r"|(?:阅读|点击|热门|浏览|下载)排行(?:榜)?|热门(?:文章|推荐|阅读|标签|点击|资讯)|最新(?:文章|更新|资讯)"
    r"|热点(?:文章|推荐|资讯)|推荐(?:阅读|文章|资讯)|精彩推荐|图文推荐|延伸阅读|猜你喜欢|往期回顾"
    r"|友情链接|标签云|热门标签|文章标签|标签|分享到|上一篇|下一篇|上一条|下一条)"
    r"[ \t\u3000]*[：:]?[ \t\u3000]*(?:更多[ \t\u3000]*(?:>>|>|»)?)?"
)
_LABEL = lazy_regex(_LABEL_TEXT)
# A line holding only a label, for a quick look before the page is cut into lines (the
# standard library's engine: it scans a whole page for it more than twice as fast as `regex`).
_LABEL_LINE_TEXT = rf"[{_SPACE}]*(?:{_LABEL_TEXT})[{_SPACE}]*\r?$"
_LABEL_LINE = lazy_re(rf"(?m)^{_LABEL_LINE_TEXT}")
# NOTE: the same after a line break: a pattern that opens with a literal is scanned for it in C;
# one that opens with ^ is tried at every character.
_LABEL_LINE_AFTER_BREAK = lazy_re(rf"(?m)\n{_LABEL_LINE_TEXT}")
# A link's date alone on its line: 01-24 (a site pads month and day to two digits; "1-3" is a
# range), 2023-01-24, 2023/1/24, [01-24].
# NOTE: written to open with the one digit both forms begin with (the second checks it is 0 or
# 1 behind it), so that the engine skips to the next digit in C instead of trying the
# alternation at every character of a page (``_has_label_or_date`` scans whole pages with it).
_DATE_TEXT = r"\d(?:\d{3}[-/.]\d{1,2}[-/.]\d{1,2}|(?<=[01])\d-[0-3]\d)"
_DATE = lazy_regex(rf"[\[【(（]?{_DATE_TEXT}[\]】)）]?")
_ANY_DATE = lazy_regex(_DATE_TEXT)
_DATE_SEPARATORS = "-/."
# A title with its date on the same line, set apart by a space or a bracket:
# "某县政府工作报告 2023-01-24", "某县政府工作报告（01-24）".
_DATED_TITLE = lazy_regex(
    rf"(?P<title>[^\r\n]{{2,40}}?)(?:[ \t\u3000]+[\[【(（]?|[\[【(（]){_DATE_TEXT}[\]】)）]?"
)
# The article's header: its date and author or source on one line, then the page's counters
# (阅读：/232/评论：/0) and the site's excerpt (内容摘要：, on its line or the next). The
# standard library's engine: it tries every line start of a page about twice as fast as `regex`.
_HEADER_TEXT = (
    r"[ \t\u3000]*(?:发布|更新)?(?:时间|日期)[ \t\u3000]*[：:][^\r\n]{0,60}?"
    r"(?:作者|来源|发布者|编辑)[ \t\u3000]*[：:][^\r\n]*"
    r"(?:\r?\n[ \t\u3000]*(?:(?:阅读|评论|点击|浏览|访问)(?:次数|量|数)?[ \t\u3000]*[：:]"
    r"[ \t\u3000]*\d*|\d+)[ \t\u3000]*(?=\r?\n|$))*"
)
_HEADER = lazy_re(rf"(?m)^{_HEADER_TEXT}")
_HEADER_AFTER_BREAK = lazy_re(rf"(?m)\n{_HEADER_TEXT}")  # see _LABEL_LINE_AFTER_BREAK
# NOTE: looked for with `regex`, about three times faster than ``str.find`` for such a word.
_HEADER_WORDS = (lazy_regex("时间"), lazy_regex("日期"))
_EXCERPT = lazy_regex(r"\r?\n[ \t\u3000]*(?:内容)?(?:摘要|提要|简介|导读)[ \t\u3000]*[：:][ \t\u3000]*")
_EXCERPT_PROBE = 12  # characters of the excerpt that must recur below it (a copy of the opening)
_EXCERPT_WINDOW = 3000
_LETTERS = lazy_regex(r"[\p{Han}A-Za-z0-9]+")
_SENTENCE_MARKS = "。！？!?；;，,：:"
_MAX_TITLE = 40  # characters: a link's title; a longer line is the page's text
_MIN_DATED = 3  # dated titles that make a list without a label
# Characters other than white space: more than any label, date or title with its date holds.
_LONGEST = _MAX_TITLE + 20


@dataclass(frozen=True, slots=True)
class _Block:
    """A match-like span (``start()``/``end()``) for the boilerplate rules."""

    first: int
    last: int

    def start(self) -> int:
        return self.first

    def end(self) -> int:
        return self.last


class _Line(NamedTuple):
    """One line of the page. A named tuple: a page has thousands, built several times faster."""

    start: int
    end: int
    text: str  # without outer white space


def _lines(text: str) -> list[_Line]:
    lines = []
    position = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        stripped = body.strip(_SPACE)
        lead = len(body) - len(body.lstrip(_SPACE))
        lines.append(_Line(position + lead, position + lead + len(stripped), stripped))
        position += len(raw)
    return lines


def _printed(line: str) -> int:
    return len(line) - sum(map(line.count, " \t\u3000"))


def _is_title(line: str) -> bool:
    """A link's text: short, and no sentence of the page (no mark inside or at its end)."""
    return (
        0 < len(line) <= _MAX_TITLE
        and not any(mark in line for mark in _SENTENCE_MARKS)
        and _LABEL.fullmatch(line) is None
    )


def _is_dated(line: str) -> bool:
    return bool(line) and (_DATE.fullmatch(line) is not None or _dated_title(line))


def _dated_title(line: str) -> bool:
    match = _DATED_TITLE.fullmatch(line)
    return match is not None and _is_title(match.group("title")) and not line[:1].isdigit()


@dataclass(frozen=True, slots=True)
class _Navigation:
    headers: list[tuple[int, int]]
    excerpts: list[tuple[int, int]]
    lists: list[tuple[int, int]]


def _navigation(text: str) -> _Navigation:
    parts = list(_header_parts(text))
    return _Navigation([header for header, _ in parts],
                       [excerpt for _, excerpt in parts if excerpt is not None], _lists(text))


def navigation_blocks(text: str) -> list[tuple[int, int]]:
    """(start, end) of the article header, every labelled link list and every unlabelled run
    of dated titles, in text order."""
    found = _navigation(text)
    return sorted([*found.headers, *found.excerpts, *found.lists])


def _header_parts(
    text: str,
) -> Iterator[tuple[tuple[int, int], tuple[int, int] | None]]:
    """Each article header, and its excerpt when the opening it copies follows (a site's own
    abstract is left alone)."""
    if "：" not in text and ":" not in text:
        return
    for match in _headers(text):
        start = match.start() + len(match.group()) - len(match.group().lstrip(_SPACE))
        header = (start, _trim_end(text, start, match.end()))
        label = _EXCERPT.match(text, match.end())
        if label is None:
            yield header, None
            continue
        excerpt_start = label.end()
        if text.find("\n", excerpt_start) in (excerpt_start, excerpt_start + 1):
            excerpt_start = text.find("\n", excerpt_start) + 1  # on the next line
        excerpt_end = text.find("\n", excerpt_start)
        excerpt_end = len(text) if excerpt_end < 0 else excerpt_end
        if not _recurs(text[excerpt_start:excerpt_end], text, excerpt_end):
            yield header, None
            continue
        first = label.start() + len(label.group()) - len(label.group().lstrip(_SPACE + "\r\n"))
        yield header, (first, _trim_end(text, first, excerpt_end))


def _headers(text: str) -> Iterator[re.Match[str]]:
    """What ``_HEADER.finditer(text)`` yields: a match at the start, then one at each line
    start where the pattern after a line break finds one (no match ends on a line break).

    A header's first line holds 时间 or 日期: only the line breaks before those are tried."""
    found = _HEADER.match(text)
    if found is not None:
        yield found
    begin = 0 if found is None else found.end()
    breaks = (text.rfind("\n", 0, at.start()) for word in _HEADER_WORDS for at in word.finditer(text))
    for after_break in matches_from(_HEADER_AFTER_BREAK, text, (b for b in breaks if b >= begin)):
        found = _HEADER.match(text, after_break.start() + 1)
        if found is not None:  # always: the same pattern, from the same place
            yield found


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in _SPACE + "\r\n":
        end -= 1
    return end


def _recurs(excerpt: str, text: str, after: int) -> bool:
    """The excerpt's opening (its letters, white space and marks aside: a site's excerpt runs
    the opening's lines together) recurs in the text after it."""
    probe = "".join(_LETTERS.findall(excerpt))[:_EXCERPT_PROBE]
    if len(probe) < _EXCERPT_PROBE:
        return False
    window = text[after : after + _EXCERPT_WINDOW]
    return probe in "".join(_LETTERS.findall(window))


def _lists(text: str) -> list[tuple[int, int]]:
    if not _has_label_or_date(text):
        return []
    lines = _lines(text)
    blocks: list[tuple[int, int]] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if len(line.text) > _LONGEST and _printed(line.text) > _LONGEST:
            index += 1  # a paragraph of the page: no label, date or title is this long
            continue
        if line.text and _LABEL.fullmatch(line.text):
            last, index = _labelled(lines, index)
            if last is not None:
                blocks.append((line.start, last.end))
            continue
        if line.text and (_is_dated(line.text) or _title_then_date(lines, index)):
            last, after = _dated_run(lines, index)
            if last is not None:
                blocks.append((line.start, last.end))
                index = after
                continue
        index += 1
    return blocks


def _title_then_date(lines: list[_Line], index: int) -> bool:
    following = lines[index + 1].text if index + 1 < len(lines) else ""
    return _is_title(lines[index].text) and _DATE.fullmatch(following) is not None


def _has_label_or_date(text: str) -> bool:
    """Whether the page can hold a list: a label alone on its line, or the dates of a run."""
    if _LABEL_LINE.match(text) is not None or _LABEL_LINE_AFTER_BREAK.search(text) is not None:
        return True
    return _dates_at_least(text, _MIN_DATED)


def _dates_at_least(text: str, count: int) -> bool:
    """``matches_at_least(_ANY_DATE, text, count)``, the pattern tried only where a date can
    start: four characters before a separator (2023-01-24, 2023/1/24) or two before a "-"
    (01-24). A page holds few separators; a scan for ``\\d`` stops at every figure of it."""
    starts: list[int] = []
    for separator in _DATE_SEPARATORS:
        for at in find_all(text, separator, 2):
            if at >= 4:
                starts.append(at - 4)
            if separator == "-":
                starts.append(at - 2)
    return matches_at_least_from(_ANY_DATE, text, starts, count)


def _labelled(lines: list[_Line], index: int) -> tuple[_Line | None, int]:
    """The last line of the list labelled at ``index`` (None when it is no list), and the index
    after it. A label with no items counts when another label or the end of the text follows
    (an empty 相关评论 between two lists, a 相关文章 the scrape cut off)."""
    last: _Line | None = None
    items = 0
    following = index + 1
    while following < len(lines):
        line = lines[following]
        if not line.text:
            following += 1
            continue
        if _LABEL.fullmatch(line.text):
            break
        if _DATE.fullmatch(line.text) or _is_title(line.text) or _is_dated(line.text):
            items += 1
            last = line
            following += 1
            continue
        break
    at_end = following >= len(lines) or bool(_LABEL.fullmatch(lines[following].text))
    if items:
        return last, following
    return (lines[index] if at_end else None), following


def _dated_run(lines: list[_Line], index: int) -> tuple[_Line | None, int]:
    """A run of dated titles from ``index``: titles with their dates on the line before or
    after them or beside them (blank lines between are skipped), at least ``_MIN_DATED``
    dates. Two dates or two undated titles in a row end the run."""
    dates = 0
    last: _Line | None = None
    before_last: _Line | None = None
    previous = ""  # "date" or "title": what the line before was
    position = index
    while position < len(lines):
        line = lines[position]
        if not line.text:
            position += 1
            continue
        if _DATE.fullmatch(line.text):
            if previous == "date":
                break
            dates += 1
            previous = "date"
        elif _dated_title(line.text):
            dates += 1
            previous = ""
        elif _is_title(line.text):
            if previous == "title":
                break
            previous = "title"
        else:
            break
        before_last, last = last, line
        position += 1
    if dates < _MIN_DATED or last is None:
        return None, index + 1
    if previous == "date" and _DATE.fullmatch(lines[index].text) and before_last is not None:
        return before_last, position  # dates lead their titles: the last one leads what follows
    return last, position


class PageNavigation:
    """The navigation blocks of a scraped page (see the module docstring)."""

    def __init__(self, blocks: list[tuple[int, int]],
                 parts: _Navigation | None = None) -> None:
        self.spans = tuple(Span(first, last) for first, last in blocks)
        self._starts = [span.start for span in self.spans]
        self.parts = parts if parts is not None else _Navigation([], [], [])

    @classmethod
    def from_document(cls, doc: Document) -> PageNavigation:
        found = _navigation(doc.text)
        return cls(sorted([*found.headers, *found.excerpts, *found.lists]), found)

    def covers(self, offset: int) -> bool:
        """Whether ``offset`` lies inside a navigation block."""
        index = bisect.bisect_right(self._starts, offset) - 1
        return index >= 0 and offset < self.spans[index].end


@dataclass(frozen=True, slots=True)
class NavigationFinder:
    """One kind of navigation block (``part``: headers, excerpts or lists) as a pattern for
    :class:`~doclint.rules.templates.boilerplate.Pattern`: ``finditer`` yields its blocks.

    The blocks are the document's ``PageNavigation``, computed once and shared with the rules
    that read it: a rule binds the finder to the document it checks (``for_document``).
    """

    part: str
    doc: Document | None = None

    def for_document(self, doc: Document) -> NavigationFinder:
        return NavigationFinder(self.part, doc)

    def finditer(self, text: str) -> Iterator[_Block]:
        if self.doc is None or self.doc.text is not text:
            blocks = getattr(_navigation(text), self.part)
        else:
            blocks = getattr(self.doc.facts(PageNavigation).parts, self.part)
        for first, last in blocks:
            yield _Block(first, last)


find_header = NavigationFinder("headers")  # the article header with its counters
find_excerpt = NavigationFinder("excerpts")  # the site's excerpt under a header
find_link_lists = NavigationFinder("lists")
