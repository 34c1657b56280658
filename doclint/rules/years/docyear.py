"""The year a document speaks from, and where that year came from.

Sources, strongest first: the configuration or ``--year`` (``doc.settings["year"]``), Markdown
front matter (``year``/``date``), a sidecar ``<file>.meta.yaml``/``.meta.json``, the dateline
(``（2024年4月24日）``, ``——2014年2月19日在…会议上``, a signature date, also one glued to the
last sentence), the issue date a page opens with (``2019年1月29日，省政府办公厅印发了《…》``: an
interpretation or news of it, that year or the next), the latest adoption or amendment date of a
law's header (read across the breaks of a note wrapped at a width: ``修正 2008⏎年6月13日…修订``),
the document number
(``国办发〔2018〕128号``, on its own line or right after the title), the date of the page in its
title (``《新闻联播》 (20251020)``), the title, the file name, and last the text itself
(``textyear``); after the title, a signature date inside a flattened page (``…办公厅　　2020年9月7日
　　关于…``, a reply closing with ``…监督！2018年10月11日您好！``). A resolution adopted once
(``…的决议`` with a single 通过 date) is the text of that day. A compilation (``第一篇：``,
``第二篇：``) gets a year per part, and a part that
holds several news items or speeches under their own datelines (``新华社北京3月8日电``,
``（新华社北京3月8日电）`` closing an item, ``（2015年3月28日）`` under a title) a year per item
(``items``): each is judged by its own evidence, never by another item's. Only file-wide sources
(the configuration, the page date of a transcript, the file name) are shared between parts.

The page's own date on a line of its own under the title (``2025-11-16``, ``2025/11/16 10:20``)
comes right after a dateline opening a head line: it dates a news page whatever works the page
cites. A bracketed date after a cited work's title inside running text (``…如下。《…的讲话》
（2012年12月4日）文中指出``) dates that work, not the document, and a head that lists several dated
works (a table of contents, a book's introduction) has no single dateline: the text's latest past
year bounds it from below.

A year is a range: ``low``..``high``. Sources that name the date give one year; the text alone
often gives only a floor (``high`` is None: not earlier than the latest year it treats as past
or present), and says nothing when it names no year.
"""

from __future__ import annotations

import bisect
import datetime
import functools
import json
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import regex

from doclint.core.diagnostic import Message
from doclint.core.document import Document, Span
from doclint.core.lazyregex import lazy_regex
from doclint.rules.years import numerals, textyear
from doclint.rules.years.items import publication, split_items
from doclint.rules.years.mentions import YearFacts

# 元月 is January (2017年元月6日).
_FULL_DATE = (r"(?:(?:1[89]|20|１[８９]|２０)[0-9０-９]{2}\s?年\s?(?:[0-9０-９]{1,2}|元)\s?月\s?[0-9０-９]{1,2}\s?日"
              r"|[一二][〇○零Ｏ一二三四五六七八九]{3}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)")
# A line that is only a date: （2024年4月24日）, 2024年4月24日, ——2014年2月19日在…会议上.
_DATELINE = lazy_regex(
    rf"^[ \t\u3000\u00a0]*[（(]?[ \t\u3000]*(?:—{{1,2}}|－{{1,2}}|-{{1,2}})?[ \t\u3000]*(?P<date>{_FULL_DATE})"
    r"[ \t\u3000]*(?:在[^。\n]{0,60}(?:上|时|的讲话|的报告))?[ \t\u3000]*[）)]?[ \t\u3000\u00a0]*$", regex.M | regex.W)
# A date in brackets or after a dash inside the heading block: …的报告（2022年10月16日）习近平….
_HEAD_DATE = lazy_regex(rf"[（(](?P<date>{_FULL_DATE})[）)]|——(?P<date2>{_FULL_DATE})在")
# The page's own date on a line of its own under the title: 2025-11-16, 2025/11/16, 2025.11.16,
# a time of day after it (2025-11-16 10:23:05).
_PAGE_DATE_LINE = lazy_regex(
    r"[ \t\u3000]*(?P<year>(?:19|20)\d{2})[-/.](?:0?[1-9]|1[0-2])[-/.](?:0?[1-9]|[12]\d|3[01])"
    r"(?:[ \tT\u3000]+\d{1,2}:\d{2}(?::\d{2})?)?[ \t\u3000\u00a0]*$")
_DOC_NUMBER = lazy_regex(
    r"^[ \t\u3000]*[（(]?[\p{Han}]{1,10}〔(?P<year>(?:19|20)\d{2})〕[0-9]{1,4}号[）)]?[ \t\u3000]*$", regex.M | regex.W)
_YEAR_IN = lazy_regex(r"(?<![0-9])((?:19|20)[0-9]{2})(?=\s?年)|([一二][〇○零Ｏ一二三四五六七八九]{3})(?=年)")
# A span of years in a title, the first year with or without its 年: （2021-2025 年）, 2021—2025年.
_TITLE_SPAN = lazy_regex(
    r"(?<![0-9])(?P<first>(?:19|20)\d{2})\s?年?\s?[—–－\-~～至到]\s?(?:19|20)\d{2}\s?年")
_TITLE_TARGET = lazy_regex(r"\s?年?(?:远景|愿景|目标|前|以前|之前)")
_FILE_YEAR = lazy_regex(r"(?<![0-9A-Za-z])(19[0-9]{2}|20[0-9]{2})(?![0-9])")
_ENUMERATED = lazy_regex(r"[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、]|第[一二三四五六七八九十]+[章条部分]")
# The header of a law: its adoption, approval and amendment dates; the latest names the version.
# A header names each date and its verb in one clause (…会议通过, 国务院令第709号公布): a date
# that opens a sentence of a narrative (…会议审查，会议原则通过) is not one.
_REVISION = lazy_regex(
    rf"(?P<date>{_FULL_DATE})[^。，,；;\n]{{0,80}}?(?:通过|修正|修订|批准|公布|发布|颁布|印发)")
# A signature date closing the last line: …感谢您的监督！2019年2月21日, …管理局 2014年1月26日.
_SIGNED = lazy_regex(rf"(?<=[。！!？?；;…\p{{Han}}\s）)])[ \t\u3000]*(?P<date>{_FULL_DATE})"
                        r"[ \t\u3000\u00a0]*[）)]?[ \t\u3000\u00a0]*$")
# A date in figures closing the last line after its last sentence, the signature of a reply
# whose line breaks were lost (…规范自身价格行为。 2019/1/3, …正常开采行为。2015-11-25).
_SIGNED_FIGURES = lazy_regex(
    r"(?<=[。！!？?；;…])[ \t\u3000]*(?P<date>(?P<year>(?:19|20)\d{2})[-/.](?:0?[1-9]|1[0-2])[-/.]"
    r"(?:0?[1-9]|[12]\d|3[01]))[ \t\u3000\u00a0]*$")
# The document's own number right after its title, in a page whose line breaks were lost:
# …的通知　　冀政办发〔2016〕28号各市人民政府: not a number cited in brackets.
_INLINE_NUMBER = lazy_regex(
    r"(?:(?<=^|[\s\u3000])|(?<=通知|意见|决定|办法|规定|方案|公告|通告|批复|函|令))"
    r"[\p{Han}]{1,8}〔(?P<year>(?:19|20)\d{2})〕[0-9]{1,4}号(?![）)])", regex.M | regex.W)
# The names issuing bodies end with that sign a page (each pattern adds its one-character ones):
# 人民政府, 办公厅, 委员会, 河北省制造强省建设领导小组, 防汛抗旱指挥部.
_ISSUING_BODY = r"政府|办公厅|办公室|委员会|小组|指挥部"
# A signature inside a flattened page: the issuing body, or the close of a reply, then the date,
# then the next piece (…办公厅　　2020年9月7日　　关于…, …监督！2018年10月11日您好！, …谢谢！2019年9月16日
# 尊敬的网友…, …办复。2018年12月28日小C：您好！…, …监督！2018年10月19日“UU…”您的留言已经收到, …厅2014年11月13日
# (此件主动公开), …咨询。2018年7月26日附：《…》) or the site's chrome after the page's text (…办公厅2017年3月2日更多信息请关注…, 来源：
# …). A date that opens a sentence is followed by its comma, not by these.
_INLINE_SIGNED = lazy_regex(
    rf"(?:(?<=(?:{_ISSUING_BODY}|[厅局委部院署会办])[ \t\u3000]{{0,4}})|(?<=[。！!][ \t\u3000]{{0,4}}))"
    rf"(?P<date>{_FULL_DATE})"
    r"(?=[ \t\u3000\u00a0]*(?:[“\"][^”\"\n]{1,16}[”\"][ \t\u3000]*)?(?:[（(]此件|(?:[^，,。！!？?\s：:]{1,8}[：:][ \t\u3000]*)?(?:您好|你好)"
    r"|尊敬的|亲爱的|您的留言|你的留言|网友|附[：:]|附件[0-9０-９]*[：:]|$"
    r"|更多信息请|[（(]本文有删减|责任编辑[:：]|来源[:：]|打印本页|关闭窗口|分享到)|[ \t\u3000]{2})", regex.M)
# The issue date under the preamble of a notice or an order whose line breaks were lost: …现将《…》
# 印发给你们，请认真贯彻执行。河北省人民政府办公厅2024年2月1日为深入贯彻…; …现予公布，自公布之日起
# 施行。总理　李强　2024年5月26日… (总　理 spaced out). The signer stands between the preamble and the date.
_ISSUED = lazy_regex(
    r"(?<![实发出表体呈展再显涌兑])现(?:将|予|就)?[^。！\n]{0,120}?(?:印发|公布|发布|转发|下发)[^。！\n]{0,60}?[。！][ \t\u3000\u00a0]*"
    rf"(?:(?:[^。！？\n，,：:；;0-9]{{2,40}}?(?:{_ISSUING_BODY}|[厅局委部院署会])"
    r"|[^。！？\n，,：:；;0-9]{0,40}?(?:总[ \t\u3000]?理|主[ \t\u3000]?席|省长|市长|县长))"
    r"[ \t\u3000\u00a0]*(?:\p{Han}{2,4}[ \t\u3000\u00a0]*)?)"
    rf"(?P<date>{_FULL_DATE})(?![ \t\u3000]*(?:[，,、起前后至到的在对向与和经由于]|以来|以前|印发|发布"
    r"|召开|出台|举行|通过|批准|作出|开始))")
# A page that opens by reporting a document's issue (2019年1月29日，省政府办公厅印发了《…》): an
# interpretation of it or news of it, written that year or the next. Its first sentence may lead
# with the purpose (为贯彻落实《…》，2020年9月30日，省政府印发了《…》), or the interpretation's
# title may stand before it on a line whose breaks were lost (《…》解读　　2024年6月14日，…); then
# it tells the issue as done (印发了). A rule recalled as the ground (根据…，2002年…印发《…》) is none.
_OPENS_WITH_ISSUE = lazy_regex(
    r"[ \t\u3000]*(?P<lead>[^。！？\n]{2,80}?解读[ \t\u3000]+"
    r"|(?:为了?|按照)[^。！？\n]{2,160}?[，,][ \t\u3000]*)?"
    rf"(?P<date>{_FULL_DATE})[，,][^。！？\n《]{{0,40}}?(?:印发|公布|发布|出台|颁布|审议通过)(?(lead)了|了?)《")
# The title of a resolution or decision (not one amending a law: that names a later version).
_RESOLUTION = lazy_regex(r"^(?:#\s*)?(?!.*关于修改)[^\n]{2,80}(?:决议|决定)[ \t\u3000]*$", regex.M)
_CITING = lazy_regex(r"(?:依据|根据|按照|参照|见|》|〉)[：:\s]*$")
_INLINE_NUMBER_REACH = 300
# The work a notice forwards, named in its opening (关于印发《…》的通知), and an issuer's date.
_FORWARDED = lazy_regex(r"(?:印发|转发|发布|公布)《([^《》\n]{4,60})》")
_ISSUER_DATE = lazy_regex(
    rf"(?<=(?:{_ISSUING_BODY}|[厅局委])[ \t\u3000]{{0,4}})(?P<date>{_FULL_DATE})")
# The 月 of a full date, 6 to 10 characters after the date's start (2024年4月, 2024 年 12 月):
# where ``_dated_matches`` tries the patterns that open on a date.
_MONTH_OF_FULL_DATE = lazy_regex(r"(?<=年\s?(?:[0-9０-９]{1,2}|元)\s?|年[一二三四五六七八九十]{1,2})月")
_MONTH_AFTER_START = (6, 10)
_ATTACHMENT_TITLE = 64
# A page date in a title line: 《新闻联播》 (20251020), 2024-04-24, 2024/4/24.
_PAGE_DATE = lazy_regex(
    r"(?<![0-9])(?P<year>(?:19|20)\d{2})(?:(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"
    r"|[-/.](?:0?[1-9]|1[0-2])[-/.](?:0?[1-9]|[12]\d|3[01]))(?![0-9])")
# A news agency's dateline: 新华社北京12月24日电, （记者…）.
_NEWS_DATELINE = lazy_regex(
    r"(?:新华社|中新社|人民网|央视网|中国新闻网)[\p{Han}]{0,8}?(?P<m>\d{1,2}|[一二三四五六七八九十]{1,3})月"
    r"(?P<d>\d{1,2}|[一二三四五六七八九十]{1,3})日电")
_MONTH_DAY = lazy_regex(r"年\s?(?P<m>\d{1,2}|[一二三四五六七八九十]{1,3})\s?月\s?(?P<d>\d{1,2}|[一二三四五六七八九十]{1,3})\s?日")
_NEWS_REACH, _RELEASE_DAYS = 200, 10
_HEAD_LINES, _TAIL_LINES = 12, 8
_HEADER_LINES, _HEADER_CHARS = 60, 6000
_HEADER_VERBS = ("通过", "修正", "修订", "批准", "公布", "发布", "颁布", "印发")
_HEADER_REACH, _HEADER_GAP = 300, 160  # characters: a header's first date, and the next ones
_WRAPPED_NOTE_LINE = 40  # characters: a line of a note wrapped at a width is no longer
_LINE_BREAK = lazy_regex(r"[ \t\u3000\u00a0]*(?:\r\n?|\n)[ \t\u3000\u00a0]*")
_HEADER_END = "<!-- INFO END -->"
_EDGE_CHARS = 3000
_HEAD_CHARS = 600


@dataclass(frozen=True, slots=True)
class YearSource:
    """A document year and its evidence: ``source`` is one of the names in ``SOURCE_NAMES``."""

    year: int
    source: str
    span: Span | None = None
    detail: str = ""
    # (low, high) when the evidence allows a range; high None: no upper bound. Default: year.
    bounds: tuple[int, int | None] | None = None

    @property
    def low(self) -> int:
        return self.bounds[0] if self.bounds is not None else self.year

    @property
    def high(self) -> int | None:
        return self.bounds[1] if self.bounds is not None else self.year

    @property
    def exact(self) -> bool:
        return self.low == self.high

    @property
    def month_day(self) -> tuple[int, int] | None:
        """(month, day) of a dateline's date (2019年2月13日, 二○一○年十二月二十日), else None."""
        if self.source != "dateline":
            return None
        found = _MONTH_DAY.search(self.detail)
        if found is None:
            return None
        return numerals.number(found.group("m")), numerals.number(found.group("d"))

    def allows(self, first: int, last: int) -> bool:
        """Whether some year of this source falls in ``first``..``last``."""
        return self.low <= last and (self.high is None or first <= self.high)

    def describe(self) -> Message:
        zh, en = SOURCE_NAMES[self.source]
        if self.detail:
            zh, en = f"{zh}“{self.detail}”", f"{en} “{self.detail}”"
        return Message(zh, en)

    def shown(self) -> Message:
        """“2024年”, “不早于2024年”, “2024—2025年”: the years as a message shows them."""
        if self.exact:
            return Message(f"{self.year}年", str(self.year))
        if self.high is None:
            return Message(f"不早于{self.low}年", f"{self.low} or later")
        if self.high == self.low + 1:
            return Message(f"{self.low}或{self.high}年", f"{self.low} or {self.high}")
        return Message(f"{self.low}—{self.high}年", f"{self.low}–{self.high}")


SOURCE_NAMES = {
    "config": ("配置或命令行指定的年份", "the year given in the configuration or on the command line"),
    "front-matter": ("文首元数据", "the front matter"),
    "sidecar": ("元数据文件", "the metadata file"),
    "dateline": ("日期行", "the dateline"),
    "revision": ("法规题注中最近的通过、批准或修改日期", "the latest adoption or amendment date"),
    "document-number": ("发文字号", "the document number"),
    "page-date": ("页面日期", "the date of the page"),
    "publication": ("报纸版面日期", "the date of the newspaper page"),
    "title": ("标题", "the title"),
    "opening-issue": ("开篇所述文件的印发日期", "the issue date the text opens with"),
    "file-name": ("文件名", "the file name"),
    "text": ("正文所述的当年", "the year the text treats as current"),
    "text-floor": ("正文作为过去或当前提到的最晚年份", "the latest year the text treats as past or present"),
    "era-ceiling": ("正文作为当前事项的时代标志及正文提到的最晚年份",
                    "an era marker the text treats as current, and the latest year it names"),
}


@dataclass(frozen=True, slots=True)
class Part:
    span: Span
    year: YearSource | None


class DocumentYears:
    """The year of each part of a document (one part unless it is a compilation; a part of
    dated news items or speeches is cut into its items)."""

    def __init__(self, parts: list[Part]) -> None:
        self.parts = parts
        self._starts = [p.span.start for p in parts]

    def at(self, offset: int) -> YearSource | None:
        return self.part_at(offset).year

    def part_at(self, offset: int) -> Part:
        """The part (or dated item) holding ``offset``."""
        index = bisect.bisect_right(self._starts, offset) - 1
        return self.parts[max(index, 0)]

    @property
    def years(self) -> set[int]:
        return {p.year.year for p in self.parts if p.year is not None}

    @classmethod
    def from_document(cls, doc: Document) -> DocumentYears:
        external = external_year(doc)
        facts = doc.facts(YearFacts)
        whole = _file_level(doc) if external is None else external
        parts: list[Part] = []
        may_borrow: list[int] = []  # parts of a compilation (not dated items) without a year of their own
        for span in split_parts(doc):
            items = split_items(doc, span)
            if len(items) == 1:
                year = external or _part_year(doc, facts, span) or whole \
                    or _text_year(doc, facts, span)
                if year is None:
                    may_borrow.append(len(parts))
                parts.append(Part(span, year))
                continue
            # A transcript's page date covers all its items; another item's dateline does not.
            head = _part_year(doc, facts, items[0])
            shared = head if head is not None and head.source == "page-date" else whole
            for item in items:
                year = external or _part_year(doc, facts, item) or shared \
                    or _text_year(doc, facts, item)
                parts.append(Part(item, year))
        if may_borrow:
            fallback = _shared_year(doc, facts, [p.year for p in parts if p.year is not None])
            for index in may_borrow:
                parts[index] = Part(parts[index].span, fallback)
        return cls(parts)


def _shared_year(doc: Document, facts: YearFacts, dated: list[YearSource]) -> YearSource | None:
    """The year a compilation's undated parts take: the text's year over the whole file, when at
    least two parts have bounded years of their own and all parts agree (a compilation of one
    year, such as one whose years were all rewritten to one value). Parts of different years
    give none, and floors (not earlier than …) prove no agreement: each speech of a mixed
    compilation has its own year, never another's."""
    bounded = [source for source in dated if source.high is not None]
    if len(bounded) < 2:
        return None
    low = max(source.low for source in dated)
    high = min(source.high for source in bounded if source.high is not None)
    if low > high:
        return None
    whole = _text_year(doc, facts, Span(0, len(doc.text)))
    if whole is not None and whole.allows(low, high):
        return whole
    return bounded[0]


def split_parts(doc: Document) -> list[Span]:
    """The spans of the documents of a compilation: the structure family's one compilation
    model (``第N篇：`` headings, a speech opening with its own salutation, the pieces of
    selected works under their datelines); a single document is one part."""
    from doclint.rules.structure.compilation import Compilation

    return doc.facts(Compilation).spans()


def external_year(doc: Document) -> YearSource | None:
    year = doc.settings.get("year")
    if isinstance(year, int) and not isinstance(year, bool):
        return YearSource(year, "config")
    found = _year_of_mapping(doc.metadata)
    if found is not None:
        return YearSource(found, "front-matter")
    return _sidecar_year(doc.path)


def _year_of_mapping(data: Mapping[str, Any] | Any) -> int | None:
    if not isinstance(data, Mapping):
        return None
    for key in ("year", "date", "年份", "日期"):
        value = data.get(key)
        if isinstance(value, bool) or value is None:
            continue
        if isinstance(value, int) and numerals.is_plausible_year(value):
            return value
        if isinstance(value, (datetime.date, datetime.datetime)):
            return value.year
        match = regex.search(r"(?<![0-9])(1[89]|20)[0-9]{2}(?![0-9])", str(value))
        if match:
            return int(match.group())
    return None


def _sidecar_year(path: str) -> YearSource | None:
    if not path or path.startswith("<"):
        return None
    folder, name = os.path.split(path)
    present = _folder_names(folder)
    for suffix in (".meta.yaml", ".meta.yml", ".meta.json"):
        sidecar = path + suffix
        if name + suffix not in present:
            continue
        try:
            with open(sidecar, encoding="utf-8") as handle:
                raw = handle.read()
        except (OSError, UnicodeDecodeError):
            continue
        found = _year_of_mapping(_parse_sidecar(raw, suffix))
        if found is not None:
            return YearSource(found, "sidecar", detail=os.path.basename(sidecar))
    return None


@functools.lru_cache(maxsize=64)
def _folder_names(folder: str) -> frozenset[str]:
    """The file names of a folder, listed once: most files have no sidecar to look for."""
    try:
        return frozenset(os.listdir(folder or "."))
    except OSError:
        return frozenset()


def _parse_sidecar(raw: str, suffix: str) -> Any:
    try:
        if suffix == ".meta.json":
            return json.loads(raw)
        from doclint.core import fastyaml

        return fastyaml.safe_load(raw)
    except (ValueError, ImportError):
        return None
    except Exception:
        return None


def _file_level(doc: Document) -> YearSource | None:
    name = os.path.basename(doc.path) if doc.path and not doc.path.startswith("<") else ""
    values = {int(m.group()) for m in _FILE_YEAR.finditer(name)}
    if len(values) == 1:
        return YearSource(values.pop(), "file-name", detail=name)
    return None


def _part_year(doc: Document, facts: YearFacts, part: Span) -> YearSource | None:
    text = doc.text
    head, tail = _head_and_tail(text, part)
    for start, end in head:
        match = _DATELINE.match(text, start, end)
        if match:
            return _dated(text, match.span("date"), "dateline")
    page = _page_date_line(text, head)
    if page is not None:
        return page
    for start, end in tail[::-1]:
        match = _DATELINE.match(text, start, end)
        if match:
            return _dated(text, match.span("date"), "dateline")
    opening = _opening_issue(doc, part, head)
    if opening is not None:
        return opening
    revision = _revision(text, part)
    if revision is not None:
        # A notice numbered in the year of its issue date (国科发规〔2019〕298号 … 2019年8月29日印发)
        # is that year's text; only a law's header may leave later amendments out.
        number = _head_number(text, part)
        if revision.high is None and number is not None and number.year == revision.year:
            return number
        signed = _inline_signature(text, part)
        if revision.high is None and signed is not None and signed.year == revision.year:
            return signed  # a notice's issue date (…办公厅　2022年3月29日（此件公开发布）)
        if revision.high is None and _released_with(text, part, revision):
            return YearSource(revision.year, "revision", revision.span, revision.detail)
        return revision
    head_date = _head_date(text, part)
    if head_date is not None:
        return head_date
    for start, end in head:
        match = _DOC_NUMBER.match(text, start, end)
        if match:
            return YearSource(int(match.group("year")), "document-number",
                              Span(*match.span("year")), match.group().strip())
    for start, end in tail[::-1][:2]:
        match = _SIGNED.search(text, start, end)
        if match:
            return _dated(text, match.span("date"), "dateline")
        figures = _SIGNED_FIGURES.search(text, start, end)
        if figures:
            return YearSource(int(figures.group("year")), "dateline", Span(*figures.span("date")),
                              figures.group("date"))
    printed = publication(doc, part)
    if printed is not None:
        return YearSource(printed[0], "publication", printed[1], printed[2])
    return _head_number(text, part) or _title_year(text, head) or _inline_signature(text, part)


def _opening_issue(doc: Document, part: Span, head: list[tuple[int, int]]) -> YearSource | None:
    """The issue date a page opens with (``_OPENS_WITH_ISSUE``): that year or the next, unless
    the text treats a later year as past or present (a review written years on)."""
    if not head:
        return None
    match = _OPENS_WITH_ISSUE.match(doc.text, head[0][0], head[0][1])
    if match is None:
        return None
    found = _dated(doc.text, match.span("date"), "opening-issue")
    floor = textyear.evidence(doc, part).floor
    if floor is not None and floor > found.year + 1:
        return None
    return YearSource(found.year, found.source, found.span, found.detail, (found.year, found.year + 1))


def _page_date_line(text: str, head: list[tuple[int, int]]) -> YearSource | None:
    """The page's own date on a line of its own among the first lines (title, then
    ``2025-11-16``): the date the page was published, whatever works it cites."""
    for start, end in head[:3]:
        match = _PAGE_DATE_LINE.match(text, start, end)
        if match:
            return YearSource(int(match.group("year")), "page-date", Span(*match.span("year")),
                              match.group().strip())
    return None


def _released_with(text: str, part: Span, revision: YearSource) -> bool:
    """Whether the page is the news release of the law's latest version: it opens with an
    agency's dateline (新华社北京12月24日电) of that version's day or of the days just after."""
    match = _NEWS_DATELINE.search(text, part.start, min(part.end, part.start + _NEWS_REACH))
    date = _MONTH_DAY.search(revision.detail)
    if match is None or date is None:
        return False
    month, day = numerals.number(match.group("m")), numerals.number(match.group("d"))
    adopted_month, adopted_day = numerals.number(date.group("m")), numerals.number(date.group("d"))
    return month == adopted_month and 0 <= day - adopted_day <= _RELEASE_DAYS


def _head_date(text: str, part: Span) -> YearSource | None:
    """A date in brackets or after a dash in the heading block of a page whose line breaks were
    lost (…的报告（2022年10月16日）习近平…). Not the date of a work cited by its title inside
    running text (…如下。《…的讲话》（2012年12月4日）文中指出), and none when the head lists several dated works (a table of contents,
    a book's introduction): such a text has no single dateline."""
    found = []
    for match in _HEAD_DATE.finditer(text, part.start, min(part.end, part.start + _HEAD_CHARS)):
        line_start = max(text.rfind("\n", part.start, match.start()),
                         text.rfind("\r", part.start, match.start()), part.start - 1) + 1
        before = text[line_start:match.start()]
        if _cites_work(before):
            continue
        group = "date" if match.group("date") else "date2"
        found.append(_dated(text, match.span(group), "dateline"))
    if not found or len({source.detail for source in found}) > 1:
        return None
    return found[0]


def _cites_work(before: str) -> bool:
    """Whether the text before a bracketed date on its line ends with a cited work's title
    (《…》) that does not open the line: the date is that work's."""
    stripped = before.rstrip(" \t\u3000")
    if not stripped.endswith("》"):
        return False
    opening = stripped.rfind("《")
    return opening == -1 or bool(stripped[:opening].strip(" \t\u3000#*>"))


def _inline_signature(text: str, part: Span) -> YearSource | None:
    """The date a flattened page signs with (``_INLINE_SIGNED``), when all its signatures agree
    on the year: replies to citizens, notices whose line breaks were lost."""
    found = [_dated(text, m.span("date"), "dateline")
             for m in _dated_matches(_INLINE_SIGNED, text, part.start, part.end)]
    issued = _ISSUED.search(text, part.start, min(part.end, part.start + _HEADER_CHARS))
    if issued is not None:
        found.append(_dated(text, issued.span("date"), "dateline"))
    found += _signed_before_attachment(text, part)
    if not found or len({source.year for source in found}) > 1:
        return None
    return found[0]


def _signed_before_attachment(text: str, part: Span) -> list[YearSource]:
    """The issue date of a notice that forwards a work (关于印发《…若干措施》的通知) in a page whose
    line breaks were lost: the issuer, the date, then the work's title as the attachment opens
    (…办公室　　2021年3月11日河北省推动…若干措施　　为贯彻…)."""
    titles = {m.group(1) for m in _FORWARDED.finditer(
        text, part.start, min(part.end, part.start + _HEAD_CHARS))}
    if not titles:
        return []
    found = []
    for match in _dated_matches(_ISSUER_DATE, text, part.start, part.end):
        rest = text[match.end():match.end() + _ATTACHMENT_TITLE]
        if any(rest.lstrip(" \t\u3000").startswith(title) for title in titles):
            found.append(_dated(text, match.span("date"), "dateline"))
    return found


def _dated_matches(pattern: regex.Pattern[str], text: str, start: int,
                   end: int) -> Iterator[regex.Match[str]]:
    """``pattern.finditer(text, start, end)`` for a pattern whose matches open on a full date
    (``_FULL_DATE``), tried only at the few places before the 月 of a date where one can start:
    the look-behind such a pattern opens with is slow to try at every character."""
    tried = start  # every place before this has been tried, or lies inside a match
    nearest, farthest = _MONTH_AFTER_START
    for month in _MONTH_OF_FULL_DATE.finditer(text, start, end):
        for at in range(max(tried, month.start() - farthest), month.start() - nearest + 1):
            match = pattern.match(text, at, end)
            if match is not None:
                yield match
                tried = match.end()
                break
        else:
            tried = max(tried, month.start() - nearest + 1)


def _head_number(text: str, part: Span) -> YearSource | None:
    """A document number near the start of the part that is not cited (国科发规〔2019〕298号)."""
    match = _INLINE_NUMBER.search(text, part.start, min(part.end, part.start + _INLINE_NUMBER_REACH))
    if match and not _CITING.search(text, max(part.start, match.start() - 4), match.start()):
        return YearSource(int(match.group("year")), "document-number", Span(*match.span("year")),
                          match.group())
    return None


def _revision(text: str, part: Span) -> YearSource | None:
    """The latest of the dates a law's header lists (通过, 批准, 修正, 修订, 公布): the header is
    the run of dated lines after the title, however long."""
    found: list[YearSource] = []
    limit = min(part.end, part.start + _HEADER_CHARS)
    head = text[part.start:limit]
    if not any(verb in head for verb in _HEADER_VERBS):
        return None
    marked = text.find(_HEADER_END, part.start, limit)  # Markdown law collections mark its end
    lines = _notes_joined(text, _nonblank_lines(text, part.start, marked if marked != -1 else limit))
    verbs: list[str] = []
    for number, (start, end) in enumerate(lines[:_HEADER_LINES]):
        dates = _header_run(start, [(span, verb) for span, verb in _revisions(text, start, end)
                                    if _in_header(text, span[0])])
        if dates:
            found += [_dated(text, span, "revision") for span, _ in dates]
            verbs += [verb for _, verb in dates]
        elif marked == -1 and (found or number >= 2):
            break
    if not found:
        return None
    # Collections often leave later amendments out of the header: the text may be newer. A
    # resolution or decision adopted once (…关于…的决议, 2015年1月21日…会议通过) is not amended:
    # it is the text of that day.
    latest = max(found, key=lambda source: source.year)
    if verbs == ["通过"] and _RESOLUTION.match(text, lines[0][0], lines[0][1]):
        return YearSource(latest.year, "revision", latest.span, latest.detail)
    return YearSource(latest.year, "revision", latest.span, latest.detail, (latest.year, None))


def _header_run(start: int, dates: list[tuple[tuple[int, int], str]]
                ) -> list[tuple[tuple[int, int], str]]:
    """The dates of a line that belong to a header: the run that opens it (the first within
    ``_HEADER_REACH`` characters of the line's start, each next within ``_HEADER_GAP`` of the
    one before). A date deep in a flattened page (a reply narrating …， 2015年7月10日此方案提交…
    会议审查，会议原则通过…) or one cited further on is not the page's header."""
    run: list[tuple[tuple[int, int], str]] = []
    for span, verb in dates:
        limit = run[-1][0][1] + _HEADER_GAP if run else start + _HEADER_REACH
        if span[0] > limit:
            break
        run.append((span, verb))
    return run


def _notes_joined(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Lines with a bracketed note wrapped over several of them taken as one (（1994年……第八次⏎
    会议通过 根据……修正 2008⏎年6月13日……修订）): its dates and verbs run across the breaks."""
    joined: list[tuple[int, int]] = []
    depth = 0
    for start, end in lines:
        if depth > 0 and joined and end - start <= _WRAPPED_NOTE_LINE:
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
            depth = 0
        segment = text[start:end]
        depth = max(0, depth + segment.count("（") + segment.count("(")
                    - segment.count("）") - segment.count(")"))
    return joined


def _revisions(text: str, start: int, end: int) -> Iterator[tuple[tuple[int, int], str]]:
    """The header dates of one (joined) line with their verbs, read across its line breaks:
    each date's span in ``text`` and its verb."""
    if not _LINE_BREAK.search(text, start, end):  # one physical line: read it in place
        for match in _REVISION.finditer(text, start, end):
            yield match.span("date"), match.group()[-2:]
        return
    flat, where = _unwrapped(text, start, end)
    for match in _REVISION.finditer(flat):
        first, last = match.span("date")
        yield (where[first], where[last - 1] + 1), match.group()[-2:]


def _unwrapped(text: str, start: int, end: int) -> tuple[str, list[int]]:
    """``text[start:end]`` without its line breaks and the spaces around them, and for each
    character left its offset in ``text``."""
    pieces: list[str] = []
    where: list[int] = []
    position = start
    for brk in _LINE_BREAK.finditer(text, start, end):
        pieces.append(text[position:brk.start()])
        where.extend(range(position, brk.start()))
        position = brk.end()
    pieces.append(text[position:end])
    where.extend(range(position, end))
    return "".join(pieces), where


def _in_header(text: str, offset: int) -> bool:
    """A header date opens its line or follows a space, a bracket, 根据 or the verb of the date
    before it (…会议通过2020年6月2日…修订, spaces lost): not a date inside a
    sentence, nor one after a sentence its line has closed outside brackets (a reply whose line
    breaks were lost: 网友：你好。…根据《…》，…。结合实际，2016年3月8日…印发了…)."""
    line_start = max(text.rfind("\n", 0, offset), text.rfind("\r", 0, offset)) + 1
    before = text[line_start:offset].strip(" \t\u3000#*>")
    if _closes_sentence_outside_brackets(before):
        return False
    return (not before or text[offset - 1] in " \t\u3000（(；;，,"
            or before.endswith(("根据", *_HEADER_VERBS)))


def _closes_sentence_outside_brackets(before: str) -> bool:
    """Whether ``before`` ends a sentence (。！？) outside brackets and the date after it stands
    outside brackets too: a header's own notes (（…通过。…修订）) keep their full stops inside."""
    depth, closed = 0, False
    for char in before:
        if char in "（(":
            depth += 1
        elif char in "）)":
            depth = max(0, depth - 1)
        elif char in "。！？" and depth == 0:
            closed = True
    return closed and depth == 0


def _dated(text: str, span: tuple[int, int], source: str) -> YearSource:
    date = text[span[0]:span[1]]
    year_text = date.split("年", 1)[0].strip()
    if year_text[0].isdigit():
        year = numerals.arabic(year_text)
    else:
        year = numerals.chinese_digits(year_text)
    return YearSource(year, source, Span(*span), date)


def _title_year(text: str, head: list[tuple[int, int]]) -> YearSource | None:
    for start, end in head[:3]:
        line = text[start:end].strip()
        if not line or len(line) > 60 or "。" in line or _ENUMERATED.match(line) \
                or textyear.REVIEW.search(line) or _HEAD_DATE.search(line):
            continue  # a dated work's title line is a dateline matter (``_head_date``)
        page = _PAGE_DATE.search(text, start, end)
        if page:
            return YearSource(int(page.group("year")), "page-date", Span(*page.span()), line)
        period = _TITLE_SPAN.search(text, start, end)
        if period:
            # A plan for a span of years (…行动计划（2021-2025 年）) is issued at its start, not
            # in its last year.
            return YearSource(int(period.group("first")), "title", Span(*period.span("first")),
                              line)
        years = [(m, int(m.group(1)) if m.group(1) else numerals.chinese_digits(m.group(2)))
                 for m in _YEAR_IN.finditer(text, start, end)]
        # A target in the title (…五年规划和2035年远景目标纲要) is not the year it was written.
        years = [(m, y) for m, y in years if y <= textyear.latest_lived_year()
                 and not _TITLE_TARGET.match(text, m.end())]
        if years:
            # A span of years in a title (…规划（2021—2025年）) is issued at its start.
            span_of_years = regex.search(r"[—–－\-~～至到]", text[years[0][0].end():years[-1][0].start()]) \
                if len(years) == 2 else None
            match, year = years[0] if span_of_years else max(years, key=lambda item: item[1])
            return YearSource(year, "title", Span(*match.span()), line)
    return None


def _head_and_tail(text: str, part: Span) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Bounds of the first and last few non-blank lines of the part."""
    head = _nonblank_lines(text, part.start, min(part.end, part.start + _EDGE_CHARS))[:_HEAD_LINES]
    tail_start = max(part.start, part.end - _EDGE_CHARS)
    tail = _nonblank_lines(text, tail_start, part.end)
    if tail_start > part.start and len(tail) > 1:
        tail = tail[1:]  # the first line may be cut; a flattened page's only line still signs it
    return head, tail[-_TAIL_LINES:]


def _nonblank_lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    lines = []
    position = start
    for line in text[start:end].splitlines(keepends=True):
        content = line.rstrip("\r\n")
        if content.strip():
            lines.append((position, position + len(content)))
        position += len(line)
    return lines


def _text_year(doc: Document, facts: YearFacts, part: Span) -> YearSource | None:
    """The year from the text alone (see ``textyear``): an anchor that the floor allows, else the
    floor, bounded above only when the text keeps returning to that year."""
    found = textyear.evidence(doc, part)
    floor = found.floor
    if found.anchor is not None:
        low, high, span, wording = found.anchor
        # A floor the text keeps returning to is the year or the next: an anchor past it (今年是
        # “十五五”开局之年 in a text about 2019) disagrees as much as one before it.
        beyond = floor is not None and found.dominant and low > floor + 1
        if (floor is None or high >= floor) and not beyond:
            low = max(low, floor) if floor is not None else low
            bounds = None if low == high else (low, high)
            return YearSource(high, "text", span, wording, bounds)
        if not found.dominant:
            return None  # the text disagrees with itself: no year rather than a guess
    if floor is None:
        return None
    ceiling = floor + 1 if found.dominant else None
    return YearSource(floor, "text-floor", found.floor_span, f"{floor}年", (floor, ceiling))
