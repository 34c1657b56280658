"""A104: different documents of the archive carry the same title."""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping
from itertools import islice
from typing import Any, ClassVar, NamedTuple

from doclint.core import (
    Category,
    Document,
    Examples,
    Finding,
    Message,
    Option,
    Related,
    Severity,
    Span,
)
from doclint.core.lazyregex import lazy_regex
from doclint.core.text import Paragraphs
from doclint.rules.archive import shingles
from doclint.rules.archive.base import FamilyRule, in_path_order, percent
from doclint.rules.archive.fingerprint import TextDigest
from doclint.rules.archive.titles import DocumentTitle

_MAX_RELATED = 3
# The body is compared by shingles of its prose: runs of Han text (with digits and Chinese
# punctuation) of at least _MIN_RUN Han characters, cut into _SHINGLE-character pieces. A copy
# whose paragraphs were run together, re-indented, given a dateline or cut down to a television
# digest keeps most of its shingles; navigation menus and page script are not prose runs.
_SHINGLE = 6
_MIN_RUN = 10
_SAMPLING = 4  # keep one shingle in four (by hash), the same ones in every document (2**k)
_SKETCH = 128  # and at most the 128 smallest of those (4 bytes each)
_MIN_BODY = 40  # fewer Han characters of prose under the title: no body to compare (failed page)
# Two bodies sharing this much of the shorter one's shingles are one text in two renderings: a
# duplicate (A101/A102 report those), not two documents under one title.
_SAME_TEXT = 0.5
_PROSE = lazy_regex(r"[\p{Han}\p{Nd}\u3001-\u303f\uff01-\uffef“”‘’…—·]+")
_HEAD_AFTER_TITLE = 5  # paragraphs under the title searched for the document's date
_MAX_DATE_LINE = 40
# Files of one series carrying this many different dates share a column or series title.
_SERIES_DATES = 3
_DATE = lazy_regex(r"((?:19|20)\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)")
# The shape of a column or series title: a news column (国内联播快讯, 一周要闻, 每日简讯) or a
# headline behind a series label in brackets (【学习贯彻…】…). Such a title recurs by design.
_COLUMN = lazy_regex(
    r"(?:快讯|简讯|短讯|速讯|速览|速递|要闻|播报|早报|晚报|周报|月报|综述|集锦|导读|摘编|动态|提要"
    r"|一览)$|^(?:一周|每周|每日|今日)|联播|^【[^】]{2,30}】\S"
)

# A site's or an office's name in the title's place: a template stamped it on every page, so
# different dates under it do not make it a series.
_NAME_ONLY = lazy_regex(r"(?:网|网站|门户|人民政府|委员会|办公厅|办公室)$")
# Deputies and members each submit their own 建议, 提案 or 议案, often on one subject under one
# title: the proposer, not the title, tells them apart.
_SUBMISSION = lazy_regex(r"(?:建议|提案|议案)$")


class TitleFact(NamedTuple):
    key: str
    text: str
    span: tuple[int, int]
    digest: bytes  # TextDigest.digest: exact copies are A101's
    sketch: bytes  # sampled shingle hashes of the body, array("I"), sorted (empty: no body)
    date: str | None  # the date written under the title (YYYY-MM-DD), if any


class DuplicateTitleAcrossFiles(FamilyRule):
    """档案中正文不同的几个文件用了同一个标题。

    标题取文首第一行有意义的文字（跳过网页导航、工具栏、来源行；公文标题跨行时接到文种词
    为止；遇到称呼语或正文即认为没有标题），比较时忽略空白、标点和全角半角差异。只写文种的
    通用标题（“政府工作报告”“讲话”“通知”）出现在不同文件上是常态，不报。
    正文按成段汉字的片段比较，段落合并、缩进不同、加了电头或删节成短稿的两份仍认得出是
    同一篇：正文大多相同的是同一文档的两个版本，由 A101/A102 报告，这里不报；标题下没有
    可比较正文的文件（只抓到网页导航或脚本的失败页面）也不比较。栏目和系列标题本来就反复
    使用，不报：标题有栏目的样子（“国内联播快讯”“一周要闻”、以【系列名】开头），或同名
    文件写着三个以上不同的日期；两篇标题下写的日期不同，也是不同日子的同名报道。代表、委员
    各自提交的建议、提案、议案常就同一议题用同一个标题，靠提出人区分，不报。
    其余同名而正文不同的文件中，路径排序靠后的报告一次，指向同名的文件，并给出共有几个
    文件用这个标题——编目时无从区分，也可能是标题张冠李戴。默认开启：每篇只看开头十几行，
    正文只留一百多个片段哈希。
    """

    code = "A104"
    name = "archive.duplicate-title"
    category = Category.TITLE_DUPLICATE
    severity = Severity.WARNING
    summary = Message("档案中不同的文件使用了相同的标题。",
                      "Different files of the archive carry the same title.")
    message = Message(
        "本文件的标题“{title}”与 {other} 相同，但正文不同：{verdict_zh}{more_zh}。",
        "This file's title “{title}” is also the title of {other}, but the texts differ: "
        "{verdict_en}{more_en}.",
    )
    options: ClassVar[Mapping[str, Option]] = {
        "generic": Option(bool, False, "也比较只写文种的通用标题 / also compare titles that only "
                                       "name a genre"),
    }
    examples = Examples(
        bad=("=== 2019/a.txt ===\n2019年全县经济工作会议讲话\n同志们：\n"
             "今年全县经济运行总体平稳，地区生产总值增长百分之六，一般公共预算收入增长百分之八，"
             "城乡居民收入稳步提高，重点项目建设顺利推进。\n"
             "=== 2020/b.txt ===\n2019年全县经济工作会议讲话\n同志们：\n"
             "这一年我们经受住了疫情的考验，复工复产有序推进，新建高标准农田五万亩，老旧小区"
             "改造惠及两万户居民，民生短板加快补齐。\n",),
        good=("=== 2019/a.txt ===\n2019年全县经济工作会议讲话\n同志们：\n"
              "今年全县经济运行总体平稳，地区生产总值增长百分之六，一般公共预算收入增长百分之八，"
              "城乡居民收入稳步提高，重点项目建设顺利推进。\n"
              "=== 2020/b.txt ===\n2020年全县经济工作会议讲话\n同志们：\n"
              "这一年我们经受住了疫情的考验，复工复产有序推进，新建高标准农田五万亩，老旧小区"
              "改造惠及两万户居民，民生短板加快补齐。\n",
              "=== 11-01.txt ===\n国内联播快讯\n2025-11-01\n"
              "全省秋粮收购进度过半，市场运行平稳，各地粮库敞开收购，农民售粮顺畅，收购价格保持"
              "稳定，仓容充足，没有出现卖粮难。\n"
              "=== 11-02.txt ===\n国内联播快讯\n2025-11-02\n"
              "今年新建高标准农田五万亩，灌溉条件明显改善，亩均增产一成以上，农田水利设施的"
              "管护机制同步建立，群众满意度持续提高。\n",
              "=== a.txt ===\n全县召开安全生产工作会议\n2025-03-01\n"
              "三月一日，全县召开安全生产工作会议，总结去年安全生产工作。\n"
              "　　会议部署了春季安全生产工作，要求各乡镇各部门压实责任，开展隐患排查整治。\n"
              "=== b.txt ===\n全县召开安全生产工作会议\n2025-03-01\n"
              "本报讯 三月一日，全县召开安全生产工作会议，总结去年安全生产工作。会议部署了春季"
              "安全生产工作，要求各乡镇各部门压实责任，开展隐患排查整治。\n"),
    )
    basis = "档案编目：同名异文（issue 7）"

    def collect(self, doc: Document) -> TitleFact | None:
        title = doc.facts(DocumentTitle).title
        if title is None or (title.generic and not self.config["generic"]) \
                or _SUBMISSION.search(title.key):
            return None
        # The title's own lines are shared by definition: only the text below it counts.
        return TitleFact(title.key, title.text, (title.span.start, title.span.end),
                         doc.facts(TextDigest).digest, _sketch(doc.text[title.span.end:]),
                         _date_under(doc, title.span.end))

    def combine(self, facts: Iterable[tuple[str, Any]]) -> Iterator[tuple[str, Finding]]:
        groups: dict[str, list[tuple[str, TitleFact]]] = {}
        for path, fact in in_path_order(facts):
            groups.setdefault(fact.key, []).append((path, fact))
        for members in groups.values():
            if len(members) < 2 or _series(members):
                continue
            dated = not _NAME_ONLY.search(members[0][1].key)
            kept: list[tuple[str, TitleFact]] = []  # one file per distinct text with a body
            for path, fact in members:
                if not fact.sketch or any(fact.digest == other.digest for _, other in kept):
                    continue
                rivals = [(p, other) for p, other in kept if _rivals(fact, other, dated)]
                if rivals:
                    yield path, self._finding(fact, rivals, len(members))
                kept.append((path, fact))

    def _finding(self, fact: TitleFact, rivals: list[tuple[str, TitleFact]],
                 count: int) -> Finding:
        related = []
        for path, other in rivals[:_MAX_RELATED]:
            share = percent(_shared(fact, other))
            related.append(Related(Span(*other.span),
                                   Message(f"同名文件，约{share}的文字相同",
                                           f"a file with this title, about {share} of "
                                           "the text shared"), path=path))
        verdict_zh, verdict_en = _verdict(_shared(fact, rivals[0][1]))
        return self.report(
            Span(*fact.span), title=fact.text, other=rivals[0][0],
            verdict_zh=verdict_zh, verdict_en=verdict_en,
            more_zh=f"；共有{count}个文件用这个标题" if count > 2 else "",
            more_en=f"; {count} files carry this title" if count > 2 else "", related=related)


def _sketch(body: str) -> bytes:
    """Sampled hashes of the body's prose shingles, smallest first; empty when the body holds
    too little prose to compare."""
    return array("I", shingles.sketch(body, _PROSE, _MIN_RUN, _MIN_BODY, _SHINGLE, _SAMPLING,
                                      _SKETCH)).tobytes()


def _date_under(doc: Document, title_end: int) -> str | None:
    """The date on a short line just under the title (a news page's date, a speech's date)."""
    below = (p for p in doc.facts(Paragraphs).items if p.span.start >= title_end)
    for para in islice(below, _HEAD_AFTER_TITLE):
        if len(para.text) <= _MAX_DATE_LINE and (found := _DATE.search(para.text)):
            year, month, day = found.groups()
            return f"{year}-{int(month):02d}-{int(day):02d}"
    return None


def _series(members: list[tuple[str, TitleFact]]) -> bool:
    """A column or series title: its shape says so, or its files carry many different dates
    (unless it is a site's or office's name stamped on every page)."""
    title = members[0][1]
    if _COLUMN.search(title.text):
        return True
    if _NAME_ONLY.search(title.key):
        return False
    return len({fact.date for _, fact in members if fact.date}) >= _SERIES_DATES


def _rivals(fact: TitleFact, other: TitleFact, dated: bool) -> bool:
    """Two different documents under one title: both have a body, the bodies differ, and
    nothing written under the title tells them apart (a different date is another day's news,
    when ``dated``: not under a site's name)."""
    if not other.sketch:
        return False
    if dated and fact.date and other.date and fact.date != other.date:
        return False
    return _shared(fact, other) < _SAME_TEXT


def _shared(first: TitleFact, second: TitleFact) -> float:
    """The share of the shorter body's sampled shingles found in the other body.

    A sketch cut at its smallest values is complete below its largest value, so both are
    compared only below the smaller of the two maxima (where one has no value, none is shared).
    """
    first_values, second_values = array("I", first.sketch), array("I", second.sketch)
    ceiling = min(first_values[-1], second_values[-1])
    # NOTE: a sketch is in ascending order: its values up to the ceiling are a slice (the
    # title's files are compared pair by pair, so this is asked often in a large archive).
    left = set(first_values[:bisect_right(first_values, ceiling)])
    right = set(second_values[:bisect_right(second_values, ceiling)])
    if not left or not right:
        return 0.0  # every value of one lies above all of the other's: nothing in common
    return len(left & right) / min(len(left), len(right))


def _verdict(share: float) -> tuple[str, str]:
    if share > 0:
        return (f"只有约{percent(share)}的文字相同，是两篇不同的文档共用一个标题",
                f"only about {percent(share)} of the text is shared: two different documents "
                "with one title")
    return ("没有相同的文字，是两篇不同的文档共用一个标题",
            "no text is shared: two different documents with one title")
