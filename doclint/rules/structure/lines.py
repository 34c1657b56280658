"""What a single line looks like: heading markers, compilation markers, salutations, datelines,
bylines, web chrome and teaser lines. Pure functions over the line's stripped text; those that
several extractors and rules put to the same line keep their answers for the document being
checked (``doclint.core.memo``)."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from doclint.core.lazyregex import lazy_re, lazy_regex
from doclint.core.memo import per_document
from doclint.core.text import without_space
from doclint.rules.structure import news, siblings
from doclint.rules.structure.model import Level
from doclint.rules.structure.numerals import ARABIC, HAN_NUMERAL, ordinal

# What an issuing body's name ends with (某某厅, 某某县人民政府, 某某办公室, 党中央).
ORGAN = r"(?:部|厅|局|委|办|院|署|府|中央|委员会|办公室|办公厅)"
# A line that is an issuer's name alone, or joint issuers (某某局、某某局), each of them ending
# on a body (not 某市原市委常委、副市长某某被开除党籍和公职): the first line of a 公文 title set
# over two lines, a signature.
_ISSUER_END = rf"(?:{ORGAN}|处|会|组|中心|公司|集团)"
_ISSUER_LINE = lazy_regex(rf"{_ISSUER_END}(?:[、，和与及]\S*?{_ISSUER_END})*$")


def is_issuer_line(text: str) -> bool:
    return _ISSUER_LINE.search(text.rstrip()) is not None


_HN = f"[{HAN_NUMERAL}]"
_SMALL = "[一二三四五六七八九十]"

# A heading marker at the start of a line. 第N条 and 第N章 need a space or the line's end after
# them (otherwise "第五条规定…" would be a heading), and may hold a stray space (``第三十五 条``,
# ``第 一 章``); "一、二季度", "二、三产业", "一、二线城市" are not headings.
_HEADING = lazy_regex(
    rf"""^(?:
      第[ 　]?(?P<PART>{_HN}{{1,4}})[ 　]?编(?=[\s　]|$)
     |第[ 　]?(?P<CHAPTER>{_HN}{{1,4}})[ 　]?章(?=[\s　]|$)
     |第[ 　]?(?P<SECTION>{_HN}{{1,4}})[ 　]?节(?=[\s　]|$)
     |第[ 　]?(?P<CLAUSE>{_HN}{{1,5}})[ 　]?条(?=[\s　])
     |(?P<ONE>{_SMALL}{{1,3}})[ \t　]*[、．.](?!{_SMALL}{{1,2}}[、季产线级类])
     |[（(][ 　]*(?P<TWO>{_SMALL}{{1,3}})[ 　]*[）)]
     |(?P<THREE>[{ARABIC}]{{1,2}})[ \t　]*[.．、](?![{ARABIC}.．])
     |[（(][ 　]*(?P<FOUR>[{ARABIC}]{{1,2}})[ 　]*[）)]
     |(?P<FIVE>[①-⑳])
    )[ \t　]*""",
    regex.X,
)
# The heading text ends at the first sentence end or at a gap of spaces before more text.
_TITLE_END = lazy_regex(r"[。！？!?；;]|[ \t　]{1,}(?=\S)")
_GAP_CHARS = frozenset(" \t　")
_INLINE_MIN = 8  # characters after a gap that make it a heading with text, not a padded title

# A compilation marker: 第N篇：title, 篇N：title. Without a colon, 第N篇 is a plan's part heading
# unless the rest reads like a document title.
_ARTICLE = lazy_regex(
    rf"^(?:第(?P<n>{_HN}{{1,4}}|[{ARABIC}]{{1,3}})篇|篇(?P<m>{_HN}{{1,3}}|[{ARABIC}]{{1,3}}))"
    r"[ \t　]*(?P<sep>[：:、．.]?)[ \t　]*(?P<title>.*)$"
)
_GENRE = lazy_regex(
    r"(?:讲话|报告|发言|致辞|讲稿|演讲稿|总结|通知|意见|方案|心得|体会|范文|汇报|主持词|决定|纪要)"
    r"[\p{Pe}\p{Pf}”》）)]*$"
)

_SALUTATION = lazy_regex(
    r"^(?:同志们|各位|尊敬的|亲爱的|女士们|先生们|朋友们|老师们|同学们)[^。；;]{0,30}?(?P<end>[：:！!])$"
)
SALUTATION_START = frozenset("同各尊亲女先朋老")  # how every salutation opens
# A 公文's addressee line: bodies separated by 、 or ， and a final colon.
# 附件3, 附件：, 附件4-1 (the first part of attachment 4): a label that opens an attachment, which
# numbers its headings afresh (segment.py) and is a document of its own (T602's scopes).
_ATTACHMENT = lazy_regex(r"^附件[ \t\u3000]*[0-9０-９一二三四五六七八九十]*(?:[-－‐—][0-9０-９]{1,2})?"
                         r"[ \t\u3000]*(?:[：:]|$|\p{Han})")
_ADDRESSEE = lazy_regex(
    r"^[^。；;：:]{2,80}[、，,][^。；;：:]{1,80}[：:]$|^各[^。；;：:]{1,60}[：:]$"
)

_DAY = r"[ 　]*[\d０-９一二三四五六七八九十]{1,3}[ 　]*"
_DATE = rf"(?:\d{{4}}|[０-９]{{4}}|[一二][〇○零ＯO一二三四五六七八九]{{3}})[ 　]*年{_DAY}月(?:{_DAY}日)?"
# A stray "?" after the bracket is a character the converter could not decode.
_DATELINE = lazy_regex(
    rf"^[（(]?[ 　]*{_DATE}[ 　]*[）)]?[?？]?$|^[—－-]{{1,2}}.*?(?:{_DATE}|在.+上)"
)
DATELINE_START = frozenset("（(0123456789０１２３４５６７８９一二〇○零ＯO—－-")
_DATED_RECORD = lazy_regex(rf"^[（(]?[ 　]*{_DATE}{_DAY}日[ 　]*\S")
# An entry of a résumé (简历) opens on when a post was held, then a space and the post:
# 2007.05 …, 1974.03—1978.12 …, 2018.05-至今 …, 2002－2002年 …, 2017－ … (still held). A month or
# a span is required: a bare year and a space (2019年 全县…) is more often a stray space.
_HELD_MONTH = r"(?:19|20)\d{2}(?:[.．]\d{1,2}|年\d{1,2}月)"
_HELD_YEAR = rf"(?:{_HELD_MONTH}|(?:19|20)\d{{2}}年?)"
_HELD = (rf"(?:{_HELD_YEAR}[ 　]*[-－—–~～至]+(?:[ 　]*(?:{_HELD_YEAR}|至今|今))?年?"
         rf"|{_HELD_MONTH})")
_RESUME_DATE = lazy_regex(rf"{_HELD}(?=[ \t　\u00a0]+\p{{Han}})")
_CENTURIES = ("19", "20")  # how every match of _RESUME_DATE begins
_RESUME_DATE_REACH = 24  # characters of the longest entry date (1998年9月—2002年7月)
_RESUME_YEAR = lazy_regex(r"(?:19|20)\d{2}年(?=[ \t　\u00a0]+\p{Han})")  # 1994年 先后任…
_RESUME_TAIL = lazy_regex(rf"{_HELD}[ \t　\u00a0]+\p{{Han}}[^。！？!?；;：:]*$")
# A news item opens with its wire dateline (``新华社北京3月8日电``, ``新华网北京１１月２６日电``,
# ``本报讯``, ``<p><strong>央视网消息</strong>``) or under a dated headline (``2024年3月8日
# 国务院常务会议…``, ``【2024-03-08】…``): each item numbers its headings afresh.
_WIRE = lazy_regex(rf"^(?:<[^<>]{{1,40}}>)*[（(【]?{news.DATELINE}")
_DATED_HEADLINE = lazy_regex(
    r"^[【\[（(]?[ 　]*(?:\d{4}|[０-９]{4})[ 　]*"
    rf"(?:年{_DAY}月{_DAY}日|[-./－]{news.NEWS_DAY}[-./－]{news.NEWS_DAY})[ 　]*[】\]）)]?[ \t　]*\p{{Han}}"
)
_HEADLINE_MAX = 60
_DOCUMENT_NUMBER = lazy_regex(
    r"^[\p{Han}]{1,12}[〔\[［【(（]\s*\d{4}\s*[〕\]］】)）]\s*\d+\s*号$"
)

# NOTE: the standard library: every branch opens on a literal, so the engine skips between their
# first characters in C (three times faster than ``regex`` on the short lines it is asked of);
# the lines that are one word of the furniture alone are matched apart, as an anchored branch
# would stop that skipping.
_CHROME = lazy_re(
    r"【[^】]{0,20}】|www\.|https?://|>>|当前位置|来源[：:]|责任编辑|<!--|-->|<U\+|打印本页|关闭窗口"
    r"|字[体号][：:]|上一篇|下一篇|相关(?:文章|阅读|报道)|阅读次数|发布时间|点击[：:]"
)
_CHROME_LINE = lazy_re(r"(?:下载|打印|全屏|收藏|分享|关闭|返回顶部|加大|还原|减小|[【】])$")
_CHROME_MAX = 100
_TITLE_MAX = 40
_HEADLINE_MAX = 60  # a news headline set apart from its text by a blank line may run longer
_CLAUSE_END = lazy_regex(r"[。！？!?；;：:]")
_PUNCT_END = lazy_regex(r"[，、,（(“‘《]$")
# NOTE: the standard library: a class of literal characters, searched in every line by many rules.
_SENTENCE_PUNCT = lazy_re(r"[。！？!?；;：:，,]")
_HAN = lazy_regex(r"\p{Han}")
_HAN_RUN = lazy_regex(r"\p{Han}+")
_POST_AND_NAME = lazy_regex(
    r"(?:书记|县长|市长|省长|州长|盟长|旗长|区长|乡长|镇长|总理|主席|主任|部长|厅长|局长|委员|秘书长)"
    r"[ \t\u3000]*\p{Han}{2,4}$"
)
_INNER_SPACE = lazy_regex(r"\p{Han}[ \u3000\u00a0]+\p{Han}")
_PUNCT = lazy_regex(r"[\p{P}\p{S}]+")
_SPACE_OR_PUNCT = lazy_regex(r"[\s\u3000\u00a0\u200b\ufeff\p{P}\p{S}]+")
# Scraped pages leave literal "<U+00A0>" markers before a line's text.
_MARKDOWN_HEADING = lazy_regex(r"#{1,6}[ \t\u3000]+(?=\S)")
_LEADING_JUNK = lazy_regex(r"(?:<U\+[0-9A-Fa-f]{4}>|[\s\u3000\u00a0\u200b\ufeff])+")
ELLIPSIS_END = lazy_regex(r"(?:\.{3,}|…+|。{3,}|·{3,}|(?:\.\s){2,}\.)[\s　]*$")


@dataclass(frozen=True, slots=True)
class Marker:
    """A heading marker found at a line's start (offsets relative to the line's text)."""

    level: Level
    number: int
    start: int        # start of the marker
    end: int          # end of the marker and of the spaces after it
    marker_end: int   # end of the marker proper
    title_end: int
    inline: bool
    last: int = 0     # the last sibling run into the line after it (0: none)


def is_markdown_heading(text: str) -> bool:
    """A Markdown ATX heading: ``#`` to ``######`` and a space before its text (``## 标题``).
    It is a heading whatever its words, punctuated or long, numbered or not."""
    return text[:1] == "#" and _MARKDOWN_HEADING.match(text) is not None


# A line of contact details under a notice: 联系人：…, 联系人及电话：…, 咨询电话：…, 电子邮箱：…
_CONTACT = lazy_regex(
    r"^[\s\u3000]*(?:[^，,。；;：:！？!?\s]{2,30}?(?:办公室|处|科|室|中心|办))?"
    r"(?:联系人|联系电话|联系方式|咨询电话|监督电话|电话|手机|传真|电子邮箱|邮箱|通讯地址)"
    r"(?:及(?:联系)?电话|及联系方式)?[ \t\u3000]*[：:]"
)


def is_contact_line(text: str) -> bool:
    """A line opening with a contact field, maybe after the office it belongs to (联系人：某处某某，
    0311-…; 某某工作办公室联系人：): a notice's text has ended."""
    return _CONTACT.match(text) is not None


# A note under a text or a table (注：※1…, 注1：…, 备注：…).
_NOTE = lazy_regex(r"^[ \t\u3000]*(?:注|备注)[0-9０-９①-⑩]?[：:]")


def is_note_line(text: str) -> bool:
    """A line opening a note under the text or a table (注：…): the text above it has ended."""
    return _NOTE.match(text) is not None


# A figure's or table's caption: 图1××结构图, 表 2-1 ××情况, 附图3 ××
_CAPTION = lazy_regex(r"^[\s\u3000]*(?:附)?[图表][ \t\u3000]*[0-9０-９]{1,2}(?:[-－.．][0-9０-９]{1,2})?"
                      r"(?![0-9０-９年月日%％])[ \t\u3000:：]*\p{Han}")


def is_caption(text: str) -> bool:
    """A figure's or a table's caption line (``图1人工智能标准体系结构图``): a label by design,
    without sentence punctuation, standing after the text that refers to it."""
    return text[:1] in "图表附 \t\u3000" and _CAPTION.match(text) is not None


# A news photo's credit closing its caption: "……了解情况。 林伟彬 摄", "……走访。邵明敏/摄",
# "（新华社记者 陶明 摄）": a name (or two), a gap or a slash, then 摄 at the line's end.
_PHOTO_CREDIT = lazy_regex(
    r"(?:^|[。！？!?）)\s\u3000\u00a0])[（(]?(?:[\p{Han}]{0,10}(?:记者|通讯员)[ \t\u3000\u00a0]*)?"
    r"[\p{Han}·]{2,5}(?:[ \t\u3000\u00a0、]+[\p{Han}·]{2,5})*"
    r"(?:[ \t\u3000\u00a0]+/?|[ \t\u3000\u00a0]*/)[ \t\u3000\u00a0]*摄(?:影)?[）)]?[ \t\u3000\u00a0]*$"
)


# A picture's source closing its caption: "……诚信经营。资料片由某某市委组织部提供",
# "（图片由某某县委宣传部提供）", "……现场。某某县融媒体中心供图".
_PROVIDED_CREDIT = lazy_regex(
    r"(?:(?:^|[。！？!?）)\s\u3000\u00a0])[（(]?(?:资料片|资料图片?|图片|照片|视频|本图)由"
    r"[^。！？!?，,\r\n]{2,24}?提供|\p{Han}{2,12}供图)[）)]?[ \t\u3000\u00a0]*$"
)


def ends_with_photo_credit(text: str) -> bool:
    """A photo's caption, closed by its credit (``……了解情况。 林伟彬 摄``, ``……邵明敏/摄``,
    ``……资料片由某某部门提供``, ``……某某中心供图``): the credit, not a sentence's stop, ends it."""
    tail = max(0, len(text) - 40)
    if "摄" in text[-4:] and _PHOTO_CREDIT.search(text, tail) is not None:
        return True
    return ("提供" in text[-4:] or "供图" in text[-4:]) and _PROVIDED_CREDIT.search(text, tail) is not None


@per_document
def content_start(text: str) -> int:
    """Where a line's content starts, after literal ``<U+00A0>`` markers left by a scraper and
    a Markdown heading's ``##`` (``## 第三章　法律责任`` is a chapter heading)."""
    first = text[0]
    if first == "#":
        match = _MARKDOWN_HEADING.match(text)
        return match.end() if match else 0
    if first != "<" or not text.startswith("<U+"):
        return 0
    match = _LEADING_JUNK.match(text)
    return match.end() if match else 0


@per_document
def heading_marker(text: str) -> Marker | None:
    match = _HEADING.match(text)
    if match is None:
        return None
    name = match.lastgroup or ""
    level = Level[name]
    raw = match.group(name)
    number = ord(raw) - 0x2460 + 1 if level is Level.FIVE else ordinal(raw)
    if number is None or number == 0:
        return None
    return _marker(text, match.end(), level, number)


# 第N条 with its text run on, no space between (第九条免费教科书按照…): an article only where the
# articles next to it say so (``glued_article``); alone it may open a sentence (第五条规定…).
_GLUED_CLAUSE = lazy_regex(rf"^第(?P<n>{_HN}{{1,5}})条(?=[\p{{Han}}“《（(])")


def glued_article(text: str) -> int | None:
    """The number of a law's article whose text runs on after ``第N条`` without a space."""
    match = _GLUED_CLAUSE.match(text)
    return ordinal(match.group("n")) if match is not None else None


def article_number(text: str) -> int | None:
    """The number of the article a line opens (第N条, spaced or glued to its text)."""
    marker = heading_marker(text) if text[:1] == "第" else None
    if marker is not None and marker.level is Level.CLAUSE:
        return marker.number
    return glued_article(text)


def glued_article_marker(text: str) -> Marker | None:
    """The marker of a glued article (``glued_article``), its text inline."""
    number = glued_article(text)
    if not number:
        return None
    return _marker(text, text.index("条") + 1, Level.CLAUSE, number)


def _marker(text: str, start: int, level: Level, number: int) -> Marker:
    """The marker of a heading whose number ends at ``start``."""
    stop = _TITLE_END.search(text, start)
    title_end = stop.start() if stop else len(text)
    if level is Level.CLAUSE:
        inline = bool(text[start:].strip())  # 第N条's text is the clause itself, not a title
    else:
        rest = text[stop.end():].strip() if stop is not None else ""
        # Text after the heading's first sentence, or after a gap of spaces when it reads as
        # text (``（一）指导思想 坚持稳中求进…``); a title padded with spaces (``第一章 总 则``)
        # is no text.
        inline = bool(rest) and (stop is None or stop.group()[0] not in _GAP_CHARS
                                 or len(rest) >= _INLINE_MIN or has_punctuation(rest))
    marker_end = len(text[:start].rstrip(" \t\u3000"))
    last = siblings.run_in_last(text, title_end, level, number) if stop is not None else number
    return Marker(level, number, 0, start, marker_end, title_end, inline, last)


def shifted(marker: Marker, offset: int) -> Marker:
    return Marker(marker.level, marker.number, marker.start + offset, marker.end + offset,
                  marker.marker_end + offset, marker.title_end + offset, marker.inline,
                  marker.last)


@dataclass(frozen=True, slots=True)
class ArticleMarker:
    number: int
    end: int            # end of ``第N篇``
    title_start: int    # where the title after the marker starts (len(text) when none)
    start: int = 0


def article_marker(text: str) -> tuple[ArticleMarker | None, bool]:
    """``(marker, is_compilation)``: ``第N篇：…`` marks a compilation's article,
    ``第一篇　总体要求`` is a plan's part."""
    match = _ARTICLE.match(text)
    if match is None:
        return None, False
    number = ordinal(match.group("n") or match.group("m"))
    if number is None:
        return None, False
    title = match.group("title")
    compilation = bool(match.group("sep") in ("：", ":") or not title.strip()
                       or _GENRE.search(title.strip()))
    end = match.end("n") + 1 if match.group("n") else match.end("m")
    return ArticleMarker(number, end, match.start("title")), compilation


def is_salutation(text: str) -> bool:
    return len(text) <= 40 and text[0] in SALUTATION_START and bool(_SALUTATION.match(text))


def opens_article(text: str, after_head: bool) -> bool:
    """A salutation that opens a speech: with a colon, or under a dateline
    (``同志们！`` and ``各位代表！`` also occur mid-speech)."""
    match = _SALUTATION.match(text)
    return match is not None and (after_head or match.group("end") in "：:") and len(text) <= 40


def opens_attachment(text: str) -> bool:
    """A paragraph that opens with an attachment's label (``附件3``, ``附件：``, ``附件4-1``)."""
    # NOTE: asked of every paragraph, most of which do not start with 附件 (a C-fast test).
    return text.startswith("附件") and _ATTACHMENT.match(text) is not None


def is_addressee(text: str) -> bool:
    return bool(_ADDRESSEE.match(text)) and len(text) <= 120


@per_document
def opens_news_item(text: str) -> bool:
    """A news item's first line: its wire dateline, or a dated headline without sentence
    punctuation (a transcript or a news page holds several items, each numbered afresh)."""
    if _WIRE.match(text):
        return True
    return len(text) <= _HEADLINE_MAX and bool(_DATED_HEADLINE.match(text)) \
        and not has_punctuation(text)


# A line that is a date alone, maybe with its time: a page's date under its title (2019-04-01,
# 2025-01-20 16:15, 2019年4月1日, 20190401).
DATE_LINE = lazy_regex(
    r"^[ \t\u3000]*(?:(?:19|20)\d{2}(?:[-/.]\d{1,2}[-/.]\d{1,2}|年\d{1,2}月\d{1,2}日)"
    r"(?:[ \t]+\d{1,2}:\d{2}(?::\d{2})?)?"
    r"|(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))[ \t\u3000]*$",
    regex.M,
)


def is_date_line(text: str) -> bool:
    return DATE_LINE.match(text) is not None


def is_dateline(text: str) -> bool:
    return len(text) <= 80 and text[0] in DATELINE_START and bool(_DATELINE.match(text))


def is_head_dateline(text: str) -> bool:
    """A dateline as a head writes it, in brackets or after a dash (a signature's date at the
    end of a document is bare: ``2024年4月4日``)."""
    return text[0] in "（(—－-" and is_dateline(text)


def could_be_title(text: str, longest: int = _TITLE_MAX) -> bool:
    """A line that may be a title although it has a comma (``排除干扰，继续前进``): short, no
    sentence end, no colon, not ending on punctuation."""
    return len(text) <= longest and not _CLAUSE_END.search(text) \
        and not _PUNCT_END.search(text) and has_han(text, 4) and not is_chrome(text)


def could_be_headline(text: str) -> bool:
    """A file's first line that may be its headline although it has a comma, when a blank line
    sets it apart from the text (``某省原副省长、党组成员，某某严重违纪被开除党籍和公职``)."""
    return could_be_title(text, _HEADLINE_MAX)


@per_document
def is_chrome(text: str) -> bool:
    """Web-page chrome: a short line of a site's furniture (``【字体：大 中 小】``, ``来源：``)."""
    return len(text) <= _CHROME_MAX \
        and (_CHROME.search(text) is not None or _CHROME_LINE.match(text) is not None)


def is_document_number(text: str) -> bool:
    return bool(_DOCUMENT_NUMBER.match(without_space(text)))


@per_document
def has_punctuation(text: str) -> bool:
    """Clause punctuation: what tells prose from a title, label or name (titles may hold 、)."""
    return bool(_SENTENCE_PUNCT.search(text))


_NOT_HAN_RUN = lazy_regex(r"\P{Han}+")


@per_document
def han_count(text: str) -> int:
    """Chinese characters in ``text`` (what is left once the rest is cut out: one string, no
    list of runs)."""
    return len(_NOT_HAN_RUN.sub("", text))


_AT_LEAST: dict[int, regex.Pattern[str]] = {}


@per_document
def is_han_char(char: str) -> bool:
    return bool(_HAN.match(char))


@per_document
def has_han(text: str, count: int) -> bool:
    """``han_count(text) >= count``, without counting past ``count`` (a hot path)."""
    if len(text) < count:
        return False
    pattern = _AT_LEAST.get(count)
    if pattern is None:
        pattern = _AT_LEAST[count] = regex.compile(rf"(?:\P{{Han}}*\p{{Han}}){{{count}}}")
    return pattern.match(text) is not None


def looks_like_byline(text: str, after_dateline: bool = False) -> bool:
    """A name under a title: short, no punctuation, spaced out (``王 立 军``) or after a post
    (``国务院总理 李鹏``); after a dateline any short line is the speaker."""
    if has_punctuation(text) or is_chrome(text):
        return False
    count = han_count(text)
    if not 2 <= count <= 16:
        return False
    return (after_dateline or count <= 4 or bool(_INNER_SPACE.search(text))
            or bool(_POST_AND_NAME.search(text)))


def resume_date_at(text: str, start: int, end: int | None = None) -> int | None:
    """Where the date of a résumé entry that begins at ``start`` ends (``2007.05`` in
    ``2007.05 中共某省委常委``), or None: the space after it separates the date from the post."""
    if not text.startswith(_CENTURIES, start):
        return None  # every entry's date opens on its year (a C-fast test first)
    found = _RESUME_DATE.match(text, start, len(text) if end is None else end)
    return found.end() if found is not None else None


def resume_date_ends_at(text: str, at: int, line_start: int) -> bool:
    """A résumé entry's date ends at ``at`` on the line that begins at ``line_start``: a month
    or a span (``2007.05``, ``2011.12—至今``) at the line's start or run on after the entry before
    it (``…；2011.12—至今 某局副局长``), or a bare year (``1994年``) opening the line, where a
    line next to it opens on an entry's date too (a résumé by years)."""
    for found in _RESUME_DATE.finditer(text, max(line_start, at - _RESUME_DATE_REACH), at + 2):
        if found.end() == at:
            return True
    start = line_start
    while start < at and text[start] in " \t　\u00a0":
        start += 1
    bare = _RESUME_YEAR.match(text, start)
    if bare is None or bare.end() != at:
        return False
    before = text.rfind("\n", 0, max(line_start - 1, 0)) + 1 if line_start else None
    after = text.find("\n", at)
    return any(_opens_on_resume_date(text, line) for line in (before, after + 1 if after >= 0 else None)
               if line is not None)


def _opens_on_resume_date(text: str, line: int) -> bool:
    while line < len(text) and text[line] in " \t　\u00a0":
        line += 1
    return bool(_RESUME_DATE.match(text, line) or _RESUME_YEAR.match(text, line))


def ends_on_resume_entry(text: str) -> bool:
    """The paragraph ends on a résumé entry (``……2018.05-至今 某某县委常委、副县长``): a list's
    last item, which goes without a stop."""
    return _RESUME_TAIL.search(text) is not None


def looks_like_title(text: str) -> bool:
    """A short line without sentence punctuation that is not web chrome, nor a dated record
    (``2016年2月6日 《…的决定》第三次修订``: a law's history, not its title)."""
    return not has_punctuation(text) and not is_chrome(text) and 2 <= han_count(text) <= 60 \
        and not _DATED_RECORD.match(text)


@per_document
def key(text: str) -> str:
    """Text for comparisons: no white space of any width (the shared keys' definition,
    ``doclint.core.text.without_space``)."""
    return without_space(text)


@per_document
def compact(text: str) -> str:
    """Text without white space or punctuation, for comparing headings."""
    return _SPACE_OR_PUNCT.sub("", text)


@per_document
def title_key(text: str) -> str:
    """A title for comparisons: no ``第N篇：`` prefix, no spaces, no punctuation."""
    text = text.strip()
    text = text[content_start(text) :]
    marker, _ = article_marker(text)
    if marker is not None:
        text = text[marker.title_start :]
    return _PUNCT.sub("", key(text))


# A list item's number at a line's start: （五） (2) 3、 3. 二、
_ITEM_NUMBER = lazy_re(
    r"^[ \t\u3000]*(?:[（(](?P<paren>[一二三四五六七八九十]{1,3}|[0-9０-９]{1,2})[）)]"
    r"|(?P<arabic>[0-9０-９]{1,2})[、.．](?![0-9０-９])|(?P<han>[一二三四五六七八九十]{1,3})、)"
)


@per_document
def item_number(text: str) -> tuple[str, int] | None:
    """The style and the value of the item number a line opens with (``（五）`` paren-han 5,
    ``3.`` arabic 3, ``二、`` han 2)."""
    found = _ITEM_NUMBER.match(text)
    if found is None:
        return None
    style = next(name for name in ("paren", "arabic", "han") if found.group(name))
    paren_style = style + ("-han" if style == "paren" and not found.group(style)[0].isdigit()
                           and found.group(style)[0] not in "０１２３４５６７８９" else "")
    value = ordinal(found.group(style))
    return (paren_style, value) if value is not None else None
