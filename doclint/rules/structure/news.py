"""The vocabulary of news datelines, in one place: who files a report and how its dateline
reads (``新华社北京3月8日电``, ``本报讯``, ``央视网消息（新闻联播）``).

A page of collected news holds many items, each written on its own day, with its own numbering
and its own wording; the years family dates each item by its dateline, the structure rules
restart numbering and compare text within one item. They build their patterns from these
pieces, so that all of them know the same agencies and the same forms.

:func:`run_in_headline` recognises an item's headline run into its text, which the spacing rules
(T501, N304) must not read as a sentence with a stray space.
"""

from __future__ import annotations

from doclint.core.lazyregex import lazy_regex
from doclint.yamlrules.shared import shared_pattern

# News agencies, newspapers, broadcasters and their sites; the day of a dateline, in Arabic,
# full-width or Chinese numerals; the place and date after the agency, ending the dateline
# (北京3月8日电, 北京2015年3月8日讯). They live in doclint/data/patterns.yaml, which the YAML
# packs read too ({{agency}}, {{news_day}}, {{news_place_date}}).
AGENCY = shared_pattern("agency")
NEWS_DAY = shared_pattern("news_day")
NEWS_DATE = shared_pattern("news_place_date") + r"(?:电|讯|消息)"
# A dateline without place and date: 本报讯, 央视网消息（新闻联播）.
SHORT_DATELINE = r"(?:讯|消息)(?:<[^<>]{0,40}>)*(?:[（(][^（()）]{1,12}[）)])?"
# Any dateline that opens a report.
DATELINE = rf"{AGENCY}(?:{NEWS_DATE}|{SHORT_DATELINE})"


# A news item's headline run into its text: a scraper lost the line break between the headline
# and the body ("……遇难。土耳其一军机在格鲁吉亚坠毁 20人遇难土耳其国防部11日称，……"). The
# headline separates its clauses with a space, as headlines do; the space is no stray space inside
# a sentence, and the one that ends the headline (often a no-break space) stands for the lost line
# break. See :func:`run_in_headline`.
_SPACES = " \t\u00a0\u2002\u2003\u3000"
_HEADLINE_REACH = 64
# The headline runs from a sentence end or a line start to the space, without punctuation:
# quotation marks, book titles, figures and a leading label ("宁夏：") only.
_HEADLINE_START = lazy_regex(r"(?r)[。！？!?；;\r\n<>]")
_HEADLINE = lazy_regex(
    r"(?:(?P<label>\p{Han}{2,8})[：:])?"
    r"[\p{Han}\p{N}A-Za-z“”‘’\"《》〈〉·—\-.%％ \t\u00a0\u2002\u2003\u3000]+"
)
_HEADLINE_MIN, _HEADLINE_MAX = 4, 60
# The body's first clause runs to the first comma or sentence mark.
_CLAUSE_END = lazy_regex(r"[，。；！？,;!?：:\r\n<>]")
# How a news item's text opens: a time or a place set off by a comma (眼下，/ 今天（11月13日），
# / 在贵州，), a source and its day (国防部11日称 / 普京27日在……时表示), a report or data
# formula (据……报道 / 记者……获悉 / 数据显示 / 新华社……电), an office releasing something
# (国家数据局、……总局发布，).
_DAY = (r"(?:(?:[0-9０-９]{1,2}月)?[0-9０-９]{1,2}日|(?:今天|昨天|当天|近日|日前)"
        r"(?:[（(][^（）()]{1,12}[）)])?)(?:[上下]午|晚间?|早间?|凌晨)?")
_TIME_OPENING = lazy_regex(
    r"(?:今天|昨天|今年以来|今年|近日|日前|目前|眼下|最近|近期|近年来|前不久|不久前|这段时间|"
    r"连日来|当天|当地时间[0-9０-９]{1,2}日|进入[0-9０-９]{1,2}月|[0-9０-９]{1,2}日|"
    r"(?:入冬|入夏|入秋|开春|今年)以来|受\p{Han}{1,8}影响)(?:[（(][^（）()]{1,12}[）)])?$"
)
_PROVINCE = (r"(?:北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|"
             r"湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|"
             r"香港|澳门)")
_PLACE_OPENING = lazy_regex(
    rf"(?<![存现正所实自内外好旨志意处])在(?:{_PROVINCE}|\p{{Han}}{{1,12}}?"
    r"(?:省|市|县|区|州|镇|乡|村|街道|社区|园区|港|岛|国|地区|城|盟|旗))"
    r"(?:\p{Han}{1,3}?(?:区|镇|乡|村|社区|街道|江))?(?:的[^\s，。；！？,;!?]{1,14})?$"
)
# After a labelled headline ("广东：激活创新动能 ……"), the body may open on what it shows.
_SHOWN_OPENING = lazy_regex(r"这(?:是|处|里|家|款|座|条|位|所|片|个)")
_SOURCE_OPENING = lazy_regex(
    _DAY + r"[^，。；！？,;!?]{0,20}?(?:称|表示|说|报道|宣布|宣称|发表|发布|指出|介绍|透露)"
)
_REPORT_OPENING = lazy_regex(
    r"(?<![根依证数占论])据(?:悉|\p{Han}{1,16}?(?:报道|消息|统计|介绍|了解|监测))"
    r"|记者\p{Han}{0,20}?(?:获悉|了解到|看到|注意到|从)|媒体(?:还|也)?(?:报道|消息)"
    rf"|(?:最新)?数据显示|{DATELINE}"
    r"|(?:今天|昨天|前天)[（(][0-9０-９]{1,2}月[0-9０-９]{1,2}日[）)]"  # 昨天（11月6日）
)
_RELEASE_VERBS = ("发布", "公布", "通报", "印发")
_RELEASE_OPENING = lazy_regex(
    r"(?:\p{Han}{1,15}?(?:部|厅|局|委|办|院|署|总局|委员会|中心)、)*\p{Han}{1,15}?"
    rf"(?:部|厅|局|委|办|院|署|总局|委员会|中心)(?:联合)?(?P<verb>{'|'.join(_RELEASE_VERBS)})$"
)
# The headline's second clause before the body opens (a place opening needs a longer one: "在"
# opens many phrases of a sentence).
_CLAUSE_MIN, _PLACE_CLAUSE_MIN = 2, 4
# A headline's clause opens with a word of its own; one that opens with a word that continues a
# predicate ("……年度计划 应当明确……", "……工作 和改进……") goes on with a sentence.
_CONTINUATION = lazy_regex(
    r"(?:应当|应该|必须|可以|要(?![求闻])|将|的|和|与|及|并|或|等|是|为|由|把|被|向|从|按|经|对|于|以)"
)
_RESTATED = 3  # a body restates its headline's first characters ("第十四届中国艺术节……")
_HAN = lazy_regex(r"\p{Han}")


def run_in_headline(text: str, start: int, end: int) -> bool:
    """Whether the space ``text[start:end]`` belongs to a news headline run into its item's text:
    the stretch before it opens at a sentence end or a line start and has no punctuation, and
    the stretch after it runs without punctuation into a body's opening (see ``_TIME_OPENING``
    and the others), or the body restates the headline's first words. With nothing between the
    space and the opening, the space is the headline's end, when the headline has parts of its
    own (a label, a space): "新疆：推进林果产业提质增效 眼下，……"."""
    back = _HEADLINE_START.search(text, max(0, start - _HEADLINE_REACH), start)
    if back is None and start > _HEADLINE_REACH:
        return False
    first = back.end() if back else 0
    while first < start and text[first] in _SPACES:
        first += 1
    headline = _HEADLINE.fullmatch(text, first, start)
    if headline is None or not _HEADLINE_MIN <= start - first <= _HEADLINE_MAX:
        return False
    stop = _CLAUSE_END.search(text, end, end + _HEADLINE_REACH)
    if stop is None:
        return False
    after = text[end : stop.start()]
    at_comma = stop.group() in "，,"
    parts = headline.group("label") is not None or any(c in _SPACES for c in text[first:start])
    if headline.group("label") is None and _split_word(text, start, end):
        return False  # a labelled headline may repeat its words run together in the text
    if _CONTINUATION.match(after):
        return False

    def opens_at(offset: int, least: int = _CLAUSE_MIN) -> bool:
        clause = after[:offset]
        if offset == 0:
            return parts
        return len(_HAN.findall(clause)) >= least

    if at_comma:
        time = _TIME_OPENING.search(after)
        if time and opens_at(time.start()):
            return True
        place = _PLACE_OPENING.search(after)
        if place and opens_at(place.start(), _PLACE_CLAUSE_MIN):
            return True
        # NOTE: the clause holds no line break, so the pattern's $ is its end; tried anywhere
        # else, the pattern backtracks over every start.
        release = _RELEASE_OPENING.search(after) if after.endswith(_RELEASE_VERBS) else None
        if release and release.start("verb") >= _CLAUSE_MIN + 4:
            return True
    source = _SOURCE_OPENING.search(after)
    if source and source.start() >= _CLAUSE_MIN + 2 and opens_at(source.start() - 2):
        return True
    report = _REPORT_OPENING.search(after)
    if report and opens_at(report.start()):
        return True
    if headline.group("label") is not None:
        shown = _SHOWN_OPENING.search(after)
        if shown and opens_at(shown.start(), _PLACE_CLAUSE_MIN):
            return True
    return _restates(text[first:start], headline.group("label"), after, parts)


def _restates(headline: str, label: str | None, after: str, parts: bool) -> bool:
    """The body opens by naming again what its headline opens with (its first characters, or
    the place of its label)."""
    for word in (label, headline[:_RESTATED] if label is None else None):
        if not word or len(word) < 2:
            continue
        found = after.find(word)
        if found >= _CLAUSE_MIN or (found == 0 and parts):
            return True
    return False


def _split_word(text: str, start: int, end: int) -> bool:
    """Two characters either side of the space written together nearby: a word split by a
    stray space, not a headline's clauses."""
    joined = text[max(0, start - 2) : start] + text[end : end + 2]
    if len(joined) != 4 or len(_HAN.findall(joined)) != 4:
        return False
    return text.find(joined, max(0, start - 8_000), end + 8_000) >= 0
