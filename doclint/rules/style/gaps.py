"""How a space between two Chinese characters is used: a separator the genre writes on
purpose, or a stray space inside a sentence (T501).

Chinese prose does not separate words with spaces, but many kinds of text separate *items*
with them: headlines and news summaries separate their clauses with spaces instead of commas,
name lists pad two-character names to the width of three (``马　敏``), scraped pages run a
dateline, a heading or a signature into the next paragraph with one space, and book titles
and slogans in quotation marks keep their spaces. :func:`is_separator` reads the text around
one gap and says whether it is such a separator.
"""

from __future__ import annotations

from doclint.core import Span
from doclint.core.lazyregex import lazy_regex
from doclint.rules.structure import lines
from doclint.rules.structure.lines import ORGAN
from doclint.rules.structure.news import AGENCY, DATELINE, run_in_headline
from doclint.rules.style.headlines import item_headline
from doclint.rules.style.joined import joins_a_word, splits_a_word, written_together
from doclint.rules.templates.scan import line_end, line_start

SPACES = " \t\u00a0\u2002\u2003\u3000"
_HAN = lazy_regex(r"\p{Han}")

# A unit of running text ends at a line break, at an HTML tag, at a sentence end or at a
# paragraph gap of two or more spaces (text whose line breaks were flattened keeps its
# paragraphs apart that way).
_UNIT_END = lazy_regex(r"[\r\n<>。！？!?]|[ \t\u00a0\u2002\u2003\u3000]{2,}")
_UNIT_START = lazy_regex(r"(?r)[\r\n<>。！？!?]|[ \t\u00a0\u2002\u2003\u3000]{2,}")
_UNIT_REACH = 240
_SENTENCE_END = "。！？!?"
# A unit that ends with a colon after 如下, 以下 … announces what follows; an item of a
# law's list ("（三）阻碍公职人员依法履行职责的；") is a clause of its article.
_LEAD_IN = lazy_regex(
    r"(?:如_?下|以_?下|下_?列|包_?括|包_?含)[\p{Han}\u3000 ]{0,14}[：:]\s*$".replace("_", "[ \u3000]")
)
_LEAD_IN_MIN, _LEAD_IN_MAX = 12, 50
_LAW_ITEM = lazy_regex(r"[\s#>*]*[（(][一二三四五六七八九十]{1,3}[）)][^\r\n]*[；;][ \t\u3000]*$")
_COMMA = lazy_regex(r"[，,]")
_UNIT_LEAD = lazy_regex(r"[\s#>*\-\u3000\u00a0]*")
_LIST_NUMBER = lazy_regex(
    r"(?:\d+[.．、]|[（(](?:\d+|[一二三四五六七八九十]+)[）)]|[一二三四五六七八九十]+、)"
)

# Brackets and quotation marks, and which closes which.
_PAIRS = {
    "《": "》",
    "〈": "〉",
    "“": "”",
    "‘": "’",
    "「": "」",
    "『": "』",
    "（": "）",
    "(": ")",
    "【": "】",
    "[": "]",
}
_CLOSERS = frozenset(_PAIRS.values())
_BRACKET = lazy_regex(r"[《》〈〉“”‘’「」『』（）()【】\[\]]")
_BRACKET_BACK = lazy_regex(r"(?r)[《》〈〉“”‘’「」『』（）()【】\[\]]")
_TITLE_MARKS = "《〈"
# The kind of document a title ends with (a law, a regulation, a notice ...).
_DOCUMENT_KIND = lazy_regex(
    r"(?:法|条例|规定|办法|细则|通知|意见|决定|方案|规划|纲要|规则|标准|公告|通告|决议|批复|章程"
    r"|守则|准则|指南|目录|清单)(?:（[^（）]{1,10}）)?$"
)
_DASH = "——"

_CLAUSE_MARK = lazy_regex(r"[，。；！？、：,;!?]")
_CLAUSE_MARK_BACK = lazy_regex(r"(?r)[，。；！？、：,;!?]")
# "省长 赵龙", "新华社记者 鞠鹏 摄", "第一章 总则", "北京12月31日电 新年前夕".
_TITLE_BEFORE = lazy_regex(
    r"(?:日电|日消息|日讯|第[〇零一二三四五六七八九十百千\d]+[章节条款编篇])$"
)
# An office before a name: 长 of an office (省长, 局长), not of 延长 or 增长; the name is a word
# of its own ("省长 赵龙", "记者 李华 摄"), not the rest of a phrase ("人民代表 大会及其……").
_OFFICE = (
    r"(?:[省市县区镇乡村局厅处科部院校所队社行组会署站股庭察书事团班馆台司州盟旗委总军师旅营连排]长|"
    r"主席|书记|总理|记者|通讯员|主任|委员|部长|司令员|政委|会长|理事长|董事长|总裁|总经理|专员|发言人|"
    r"大使|秘书|教授|院士|代表|编辑|作者|摄影)"
)
_OFFICE_BEFORE = lazy_regex(_OFFICE + "$")
# A byline pads a name of two characters to the width of three, or spaces out one of three
# ("县长 吴 鹏", "代县长　王 立 军"; a scraper may have turned the padding into "??"), and
# ends its line or runs into the salutation ("……县长 吴 鹏各位代表：").
_PAD = r"(?:[ \t\u00a0\u3000]|\?\?){1,3}"
_PADDED_NAME_AFTER_OFFICE = lazy_regex(
    rf"(?<!人民){_OFFICE}(?P<name>(?:{_PAD}\p{{Han}}){{2,3}})"
    r"(?:(?!\p{Han})|(?=同志们|各位|尊敬的|女士们|朋友们))"
)
_BYLINE_REACH = 16
# A reporters' byline after a dateline: "记者某某", "记者某某 通讯员某某", "记者某某、某某".
_BYLINE_BEFORE = lazy_regex(
    r"(?:(?:记者|通讯员|特约记者)[ \u3000]?\p{Han}{2,4}(?:、\p{Han}{2,4})*[ \u3000]?)+$"
)
_DATELINE_BEFORE_BYLINE = lazy_regex(rf"{DATELINE}[ \t\u3000\u00a0]*$")
_NAME_AFTER = lazy_regex(
    r"\p{Han}{2,4}(?!\p{Han})|\p{Han}{2,3}(?:同志|先生|女士|主持|指出|强调|表示|讲话|说|尊敬|各位)"
)
_LOOKBEHIND = 12
# An inline enumerator or a news lead set off from its text: "三是 加强宣传", "第二 要抓好",
# "第四项 宅基地使用权登记",
# "本报讯 今天上午". The writer separates a label, not the words of a sentence.
_LEAD_BEFORE = lazy_regex(
    r"(?m)(?:^|(?<=[\s，。；：！？、,;:!?]))"
    r"(?:[一二三四五六七八九十]{1,3}是|第[一二三四五六七八九十]{1,3}(?:项|部分|方面|篇)?|首先|其次|再次|最后|"
    r"其[一二三四五六七八九十]|\p{Han}{0,6}讯)$"
)
# A photo's credit set off after its caption ("新华社发", "新华社记者 某某 摄").
_CREDIT = lazy_regex(rf"{AGENCY}(?:发|记者|通讯员|供图|图|摄)")
# A title run into its salutation ("……上的讲话 同志们：") is a structure problem, not spacing.
_SALUTATION = lazy_regex(r"同志们|各位|尊敬的|女士们|朋友们")
# A numbered heading without punctuation, run into a line after a sentence end or a space (a
# page flattened onto one line) up to the gap; an item opening its own line is text, and one after
# ；, 一、…；二、…, is a clause of its sentence.
_CHINESE_HEADING_NUMBER = r"[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]"
_NUMBERED_HEADING_BEFORE = lazy_regex(
    rf"(?<=[。！？][ \t\u3000]?|\S[ \t\u3000])(?:{_CHINESE_HEADING_NUMBER})"
    r"[^，。；：！？,;:!?\s]{2,24}$")
_HEADING_REACH = 32
# The same heading set off by a no-break space, the &nbsp; a page put between a heading and its
# text: such a heading may hold commas ("（三）吸收富余劳力，加快形成物流队伍\xa0利用…"), and so may
# an item of an 一是、二是 list ("二是结合产业实际，优先突破关键技术\xa0致力于…").
_NBSP_HEADING_BEFORE = lazy_regex(
    r"(?<=[。！？：；][ \t\u3000\u00a0]?|\S[ \t\u3000\u00a0]|^)"
    rf"(?:{_CHINESE_HEADING_NUMBER}|\d{{1,2}}[、．.](?!\d)|[一二三四五六七八九十]{{1,3}}是)"
    r"[^。；：！？;:!?\s]{2,40}$")
_NBSP_HEADING_REACH = 48
_WORD_PAIRS = ((2, 2),)  # two characters each side, written together elsewhere: a split word
_SHARE_BAR_BEFORE = lazy_regex(r"(?:微信|微博|QQ空间|朋友圈)$")
# An item or a heading a flattened page ran into the text before it: 一是…, 二、…, （三）….
_ITEM_AFTER = lazy_regex(rf"(?:[一二三四五六七八九十]{{1,3}}是|{_CHINESE_HEADING_NUMBER})\p{{Han}}")
# A numbered item of a flattened list closed by its semicolon: the space after it is the list's
# lost line break, before the next item or the paragraph after the list ("1.非从业人员； 2.已参加…
# 的人员； 经了解…").
_ITEM_CLOSED = lazy_regex(
    r"(?:^|(?<=[\s：:；;。]))(?:\d{1,2}[.．、](?!\d)|[（(](?:\d{1,2}|[一二三四五六七八九十]{1,3})[）)])"
    r"[^。；;！？!?\r\n]{2,120}[；;]$")
_ITEM_REACH = 130
# Joint issuers of a document are written apart: "某某厅 某某厅关于印发……".
_ISSUER_BEFORE = lazy_regex(rf"\p{{Han}}{ORGAN}$")
_ISSUERS_AFTER = lazy_regex(
    rf"(?:\p{{Han}}{{1,15}}?{ORGAN}[ \u3000])*\p{{Han}}{{1,15}}?{ORGAN}(?:关于|印发)"
)

# A date standing alone beside the gap: a dateline opening the unit ("2015年7月30日 某某会议
# 批准") or the date under a signature ("某某局 二〇一三年五月二十日").
_DATE = (
    r"(?:\d{2,4}|[〇○零一二三四五六七八九]{2,4})年"
    r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}|[一二三四五六七八九十]{1,3})日"
)
_DATE_OPENS = lazy_regex(_DATE)
_DATE_CLOSES = lazy_regex(_DATE + r"(?!\p{Han})")
# A line that sets its figures apart with spaces ("全部 15 条文字稿") writes its words apart: a
# space beside a date there ("《某节目》2026年6月11日 全部 15 条") separates its fields.
_DATE_ENDS = lazy_regex(_DATE + r"$")
_SPACED_FIGURE = lazy_regex(r"\p{Han}[ \u00a0]+[0-9]|[0-9][ \u00a0]+\p{Han}")
_DATE_REACH = 16
# A numbered heading run into its paragraph ("二、约谈相关银行 我们已经……", "四 研究新情况",
# "第一章 总体要求 为了……", "1.处理情况 经查……"): the space stands for the line break a
# flattened text lost. It opens the unit, or follows a colon, a sentence's end or another space
# ("报告如下： 一、基本情况 该项目……。 二、处理情况 对于……"); after a semicolon it is an item
# of a sentence ("……；三、他们转移、散布和隐蔽在 全国许多地方").
HEADING_NUMBER = (
    r"(?:\d{1,2}[.．、](?!\d)|[（(](?:\d{1,2}|[一二三四五六七八九十]{1,3})[）)]"
    r"|[一二三四五六七八九十]{1,3}[、．.]|[①-⑳]"
    r"|第[〇零一二三四五六七八九十百千\d]{1,4}(?:章|节|编|篇|部分)[ \u3000]?)"
)
_NUMBERED_HEADING = lazy_regex(
    rf"(?:^|(?<=[：:。！？!?\s]))(?:{HEADING_NUMBER}[\p{{Han}}\dA-Za-z“”‘’《》、]{{1,24}}"
    r"|[一二三四五六七八九十]{1,3})$"
)
_HEADING_OPENS_AFTER = lazy_regex(r"(?r)[：:；;]")
# A paragraph of its own after a run-in heading: a clause with a comma, or more than a word.
_BODY_AFTER = 6
# The next item of a list or a table of contents ("第二章 任免范围", "二、任务").
_NEXT_ITEM = lazy_regex(
    # not a reference to one ("本规定 第五条、第六条规定的", "依照 第三条的规定")
    r"第[〇零一二三四五六七八九十百千]+[章节条款编篇](?![、，,和或及至第的]|规定)"
    r"|[一二三四五六七八九十]+、"
)
# Standard typesetting pads a heading of two or three characters to the width of four ("第一章
# 总　则", "目　录"): the spaced heading follows a line boundary, a wide gap or its number, and
# is followed by one of them or by the next heading of a table of contents or its first article.
_PADDED_HEADING_CHARS = (2, 3)
_HEADING_NUMBER_BEFORE = lazy_regex(
    r"(?:第[〇零一二三四五六七八九十百千\d]+(?:章|节|编|分编|篇|部分)|[一二三四五六七八九十]+[、．.]"
    r"|[（(][一二三四五六七八九十\d]+[）)])$"
)
_HEADING_NUMBER_AFTER = lazy_regex(
    r"第[〇零一二三四五六七八九十百千\d]+(?:章|节|条|编|分编|篇|部分)|[一二三四五六七八九十]+、"
    r"|[（(][一二三四五六七八九十]+[）)]"
)
_HEADING_FRAME = "\r\n#>*"
# A title of four characters or more spaced out letter by letter is set for display.
_DISPLAY_TITLE_CHARS = 4
# A slogan or theme quoted after its label without quotation marks ("口号是：运动无限 气象万千。"):
# phrases of characters joined by single spaces, from the colon to the end of the unit.
_SLOGAN_LABEL = lazy_regex(
    r"(?:口号|标语|主题|主旨|宣传语|校训|理念|寄语|誓词|倡议语)(?:词|语)?(?:是|为)?[：:]$"
)
_SLOGAN = lazy_regex(r"\p{Han}{2,12}(?:[ \u3000]\p{Han}{2,12})+")
_SLOGAN_LABEL_REACH = 12
# … or in quotation marks, straight ones included, commas and all ("口号是：“人人参与，共建共享
# 美好家园”").
_QUOTED_SLOGAN = lazy_regex(
    r"[“\"「『‘](?P<slogan>[^“”\"「」『』‘’\r\n]{2,40})[”\"」』’]"
)
# A news summary lists its headlines as numbered items, whose clauses a space separates even
# when an item ends with 。 ("2.某地病例增多 或与季节变化叠加。"): phrases of some length on
# both sides, and another numbered item next to it.
_HEADLINE_ITEM = lazy_regex(r"[ \t\u3000]*(?:\d+[.．、]|[（(]\d+[）)])(?:【[^】\r\n]{1,20}】)?")
_HEADLINE_MAX = 48
_HEADLINE_PHRASE = 4
_HEADLINE_NEIGHBOURS = 3  # lines looked at on either side, blank ones included
# A block of headlines one a line: short lines with no comma or sentence mark inside.
_HEADLINE_MIN = 6
_HEADLINE_BLOCK = 2
_HEADLINE_CLOSE = "。；;！？!?"
_TITLE_LINE_MAX = 40
_INNER_MARK = lazy_regex(r"[，,。；;！？!?：:]")
_ARTICLE = lazy_regex(r"[#\s]*第[〇零一二三四五六七八九十百千\d]+[章节条款编篇]")
_TAGS = lazy_regex(r"<[^<>\r\n]{0,200}>")
# A label opening the next paragraph ("……桃树村 网友：您好").
_LABEL_AFTER = lazy_regex(r"\p{Han}{1,4}[：:]")

# A standard's title separates its elements with a space ("工业自动化系统 企业模型的概念与
# 规则", GB/T 1.1); a list of standards sets each title beside its number on the same line.
_STANDARD_NUMBER = lazy_regex(
    r"(?<![A-Za-z])(?:GB(?:/[TZ])?|[A-Z]{2,4}/[TZ]|DB\d{0,4}(?:/T)?|ISO(?:/IEC)?|IEC)"
    r"[ \u00a0]?\d{1,6}(?:[.\-—:]\d+)*"
)
_STANDARD_REACH = 60

# Items of two to four characters joined by single spaces, standing between non-characters.
_SHORT_ITEMS = lazy_regex(r"\p{Han}{2,4}(?:[ \u3000]\p{Han}{2,4})*(?!\p{Han})")
_SHORT_ITEMS_BACK = lazy_regex(r"(?r)(?<!\p{Han})\p{Han}{2,4}(?:[ \u3000]\p{Han}{2,4})*$")
_LIST_ITEMS = 3
_LIST_REACH = 40

# What separates the items of a name list or a label column: list punctuation on one side, or
# line boundaries, wide gaps and brackets on both. A spaced word between sentence punctuation
# ("今 年，") is a split word, not a padded item.
_LIST_MARKS = ("、", "：", ":")
_ITEM_EDGES = ("\n", " ", "（", "(", "）", ")")
# Longer runs of single characters are letter-spaced text: a format of the whole line or
# document, not a stray space.
_LETTER_SPACED = 8


def is_separator(text: str, gap: Span) -> bool:
    """Whether the single space ``gap`` between two Chinese characters separates items on
    purpose (see the module docstring) rather than splitting a sentence."""
    line_first, line_last = line_start(text, gap.start), line_end(text, gap.end)
    if _TITLE_BEFORE.search(text, max(line_first, gap.start - _LOOKBEHIND), gap.start):
        # After an article's number (第十条) or a wire's dateline (日电) the space sets off the
        # text, unless it stands in a title, which is judged below. NOTE: first, because it
        # settles most spaces of laws and news at once; every test below but the title's can
        # only say True.
        if not _in_title_or_slogan(text, gap, line_first, line_last):
            return True
    run = _spaced_run(text, gap)
    if run is None or _padded_item(text, *run) or _padded_heading(text, *run):
        return True
    if _padded_label(text, *run) or _PADDED_NAME_AFTER_LABEL.match(text, gap.start - 1):
        return True  # a form's fields run together: "…的建议提 案 人：陈 曦主办单位：…"
    if _display_title(text, *run) or _padded_name_in_byline(text, gap):
        return True
    if _in_list_of_names(text, gap):
        return True
    if text[gap.start - 1 : gap.start] in "；;" and _ITEM_CLOSED.search(
            text, max(0, gap.start - _ITEM_REACH), gap.start):
        return True
    first, last = _unit(text, gap)
    if not _is_sentence(text, first, last):
        return True
    if _separates_items(text, gap, first, last):
        return True
    if run_in_headline(text, gap.start, gap.end) or item_headline(text, gap.start, gap.end):
        return True  # a news item's headline run into its text: its clauses, or its end
    if _slogan_after_label(text, gap, first) or _in_list_of_headlines(text, gap, first, last):
        return True
    if _in_headline_block(text, line_first, line_last) or _title_line(text, line_first, line_last):
        return True
    if _in_title_or_slogan(text, gap, line_first, line_last):
        # A law's or a document's title runs its words together: a space splitting one of them
        # is stray ("《某省科 技计划专项经费管理办法》"), unlike a speech's phrases.
        return not (
            _in_document_title(text, gap, line_first, line_last) and splits_a_word(text, gap)
        )
    if _DASH in _clause(text, gap, line_first, line_last):
        return True  # a subtitle: "——在某某会议上的讲话"
    if _date_in_spaced_line(text, gap, line_first, line_last):
        return True
    if _OFFICE_BEFORE.search(text, max(line_first, gap.start - _LOOKBEHIND), gap.start) and (
        _NAME_AFTER.match(text, gap.end, line_last)
    ):
        return True
    if _LEAD_BEFORE.search(text, max(line_first, gap.start - _LOOKBEHIND), gap.start):
        return True
    if _ISSUER_BEFORE.search(text, max(line_first, gap.start - 4), gap.start) and (
        _ISSUERS_AFTER.match(text, gap.end, line_last)
    ):
        return True
    if _in_standard_title(text, gap, line_first, line_last):
        return True
    if lines.resume_date_ends_at(text, gap.start, line_first):
        return True  # a résumé's entry: "2012－2017年 某省委书记"
    if _byline_after_dateline(text, gap, line_first):
        return True  # "本报北京12月7日讯 记者某某 正文": the byline ends before its text
    if _CREDIT.match(text, gap.end):
        return True  # a photo's credit after its caption: "……实验室 新华社发"
    if _SHARE_BAR_BEFORE.search(text, max(0, gap.start - 4), gap.start):
        return True  # a page's share buttons (微信 微博 QQ空间), then its text
    if (
        _numbered_heading_before(text, gap)
        and not written_together(text, gap, _WORD_PAIRS)
        and not joins_a_word(text, gap, unsure=True)
    ):
        return True  # a numbered heading run into its text: "（一）新闻发言人的设立 某某…"
    if _ITEM_AFTER.match(text, gap.end):
        return True  # a page flattened onto one line: the next item or heading (一是…, 二、…)
    return text[gap.end] == "摄" or bool(_SALUTATION.match(text, gap.end))


def _numbered_heading_before(text: str, gap: Span) -> bool:
    """A numbered heading ends at the gap; set off by a no-break space it may hold commas."""
    if _NUMBERED_HEADING_BEFORE.search(text, max(0, gap.start - _HEADING_REACH), gap.start):
        return True
    return text[gap.start] == "\xa0" and _NBSP_HEADING_BEFORE.search(
        text, max(0, gap.start - _NBSP_HEADING_REACH), gap.start) is not None


def _byline_after_dateline(text: str, gap: Span, line_first: int) -> bool:
    """The gap follows a reporter's byline run on after a news dateline on the same line
    (``本报北京12月7日讯 记者某某 国务委员……``): a newspaper sets the byline apart from its text."""
    byline = _BYLINE_BEFORE.search(text, max(line_first, gap.start - _BYLINE_REACH), gap.start)
    if byline is None:
        return False
    return _DATELINE_BEFORE_BYLINE.search(text, line_first, byline.start()) is not None


def _in_standard_title(text: str, gap: Span, line_first: int, line_last: int) -> bool:
    """The gap stands in a standard's title, next to the standard's number on its line with no
    clause mark between ("工业自动化系统 企业模型的概念与规则 GB/T 18999-2003")."""
    after = _STANDARD_NUMBER.search(text, gap.end, min(line_last, gap.end + _STANDARD_REACH))
    if after is not None and not _INNER_MARK.search(text, gap.end, after.start()):
        return True
    numbers = list(
        _STANDARD_NUMBER.finditer(text, max(line_first, gap.start - _STANDARD_REACH), gap.start)
    )
    return bool(numbers) and not _INNER_MARK.search(text, numbers[-1].end(), gap.start)


def _in_list_of_names(text: str, gap: Span) -> bool:
    """The gap is one of the spaces of a list of short items ("出席：王立军 李明华 张伟。")."""
    left = _SHORT_ITEMS_BACK.search(text, max(0, gap.start - _LIST_REACH), gap.start)
    right = _SHORT_ITEMS.match(text, gap.end, gap.end + _LIST_REACH)
    if left is None or right is None:
        return False
    items = left.group().count(" ") + left.group().count("\u3000") + 1
    items += right.group().count(" ") + right.group().count("\u3000") + 1
    return items >= _LIST_ITEMS


def _clause(text: str, gap: Span, first: int, last: int) -> str:
    """The clause of the line ``text[first:last]`` that holds ``gap``."""
    before = _CLAUSE_MARK_BACK.search(text, first, gap.start)
    after = _CLAUSE_MARK.search(text, gap.end, last)
    return text[before.end() if before else first : after.start() if after else last]


def _unit(text: str, gap: Span) -> tuple[int, int]:
    """The stretch of running text around ``gap`` (see ``_UNIT_END``), searched nearby only."""
    back = _UNIT_START.search(text, max(0, gap.start - _UNIT_REACH), gap.start)
    ahead = _UNIT_END.search(text, gap.end, gap.end + _UNIT_REACH)
    first = back.end() if back else max(0, gap.start - _UNIT_REACH)
    last = ahead.start() if ahead else min(len(text), gap.end + _UNIT_REACH)
    return first, last


def _is_sentence(text: str, first: int, last: int) -> bool:
    """Whether the unit is prose: its clauses joined by commas, or a sentence ended by 。！？.

    Headlines, news summaries and list items separate their clauses with spaces instead
    ("春节将至 各地多彩活动迎新春", "俄称…目标 乌称…激烈；"), even when the last item of a
    list ends with 。. Commas inside a quotation or a book title do not count.
    """
    if _has_comma(text, first, last):
        return True
    if _LEAD_IN.search(text, first, last) and _LEAD_IN_MIN <= last - first <= _LEAD_IN_MAX:
        # A sentence announcing a list ("第五条 申请人应提交以下材料："); a longer one without
        # a comma has lost its commas, and its spaces may stand for them.
        return True
    if _LAW_ITEM.match(text, first, last):
        return True  # an item of a law's list, closed by a semicolon
    if last >= len(text) or text[last] not in _SENTENCE_END:
        return False
    return not _continues_list(text, first)


def _has_comma(text: str, first: int, last: int) -> bool:
    """A comma of the unit itself, outside brackets and quotation marks."""
    return any(
        _enclosing(text, comma.start(), first, last) is None
        for comma in _COMMA.finditer(text, first, last)
    )


def _continues_list(text: str, first: int) -> bool:
    """The unit opens a line that follows a list item: the last item of a list ends with 。
    ("……；\\n湿地春韵 候鸟翔集。"), and a numbered item may carry on below its label
    ("14.国际人士：\\n美国趁机牟利 欧洲却在……。")."""
    start = line_start(text, first)
    if text[start:first].strip(SPACES):
        return False
    previous = text[max(0, start - _UNIT_REACH) : start].rstrip(SPACES + "\r\n")
    if previous.endswith(("；", ";")):
        return True
    line = previous[line_start(previous, len(previous)) :].lstrip(SPACES)
    return line.endswith(("：", ":")) and bool(_LIST_NUMBER.match(line))


def _separates_items(text: str, gap: Span, first: int, last: int) -> bool:
    """A gap between two things a flattened text ran together: a dateline or a signature's
    date and its text, a numbered heading and its paragraph, a list's next item, a label."""
    lead = _UNIT_LEAD.match(text, first, gap.start)
    opening = lead.end() if lead else first
    if _DATE_OPENS.fullmatch(text, opening, gap.start):
        return True
    if (
        _NUMBERED_HEADING.search(text[opening : gap.start])
        and (last - gap.end >= _BODY_AFTER or _COMMA.search(text, gap.end, last))
        and not _LAW_ITEM.match(text, first, last)  # an item of a list, not a heading
    ):
        return not splits_a_word(text, gap) and not _siblings_run_in(text, gap)
    closing = _DATE_CLOSES.match(text, gap.end, last)
    if closing and not text[closing.end() : last].strip(SPACES):
        return True
    return bool(_NEXT_ITEM.match(text, gap.end, last) or _LABEL_AFTER.match(text, gap.end, last))


_INNER_SPACE = lazy_regex(r"\S[ \t\u3000\u00a0]+\S")


def _siblings_run_in(text: str, gap: Span) -> bool:
    """The item holding the gap opens its line, and the items numbered next to it, on the lines
    right before or after, run their text on without any space (``4.个人所得税6433亿元…`` over
    ``5.进口货物 增值税…``): no heading is set apart from its text there, the space is stray."""
    first = line_start(text, gap.start)
    own = lines.item_number(text[first : line_end(text, first)])
    if own is None:
        return False
    siblings = []
    if first > 0:
        before = line_start(text, first - 1)
        siblings.append((before, first - 1, -1))
    after = line_end(text, gap.end)
    if after < len(text):
        siblings.append((after + 1, line_end(text, after + 1), 1))
    found = False
    for start, end, step in siblings:
        other = lines.item_number(text[start:end])
        if other is None or other[0] != own[0] or other[1] != own[1] + step:
            continue
        if _INNER_SPACE.search(text, start, end):
            return False
        found = True
    return found


def _date_in_spaced_line(text: str, gap: Span, first: int, last: int) -> bool:
    """A date beside the gap, in a line that sets its figures apart with spaces elsewhere."""
    date = _DATE_ENDS.search(text, max(first, gap.start - _DATE_REACH), gap.start)
    if date is None and _DATE_OPENS.match(text, gap.end, last) is None:
        return False
    return _SPACED_FIGURE.search(text, first, last) is not None


def _padded_heading(text: str, first: int, last: int) -> bool:
    """The run is a short heading padded by standard typesetting (``第一章　总　则``,
    ``目　录``), in a heading line, a table of contents or a flattened law."""
    if (last - first) // 2 + 1 not in _PADDED_HEADING_CHARS:
        return False
    before, wide_before = _skip_spaces(text, first - 1, -1)
    after, wide_after = _skip_spaces(text, last + 1, 1)
    next_heading = after < len(text) and _HEADING_NUMBER_AFTER.match(text, after) is not None
    if before >= 0 and text[before] not in _HEADING_FRAME and not wide_before:
        # A flattened law runs its title into "目　录第一章……": the next heading follows.
        if not (
            next_heading
            or _HEADING_NUMBER_BEFORE.search(text[max(0, before - 10) : before + 1])
        ):
            return False
    if after >= len(text) or text[after] in "\r\n" or wide_after:
        return True
    return next_heading


def _display_title(text: str, first: int, last: int) -> bool:
    """The run is a title spaced out for display (“政 府 工 作 报 告”) that opens its line,
    whether it stands alone or a scraped summary runs the text on after it."""
    if (last - first) // 2 + 1 < _DISPLAY_TITLE_CHARS:
        return False
    start = line_start(text, first)
    return not text[start:first].strip(SPACES + "#>*")


def _padded_name_in_byline(text: str, gap: Span) -> bool:
    """The gap pads a name after its office in a byline (see ``_PADDED_NAME_AFTER_OFFICE``)."""
    first, last = line_start(text, gap.start), line_end(text, gap.end)
    lo = max(first, gap.start - _BYLINE_REACH)
    hi = min(last, gap.end + _BYLINE_REACH)
    for match in _PADDED_NAME_AFTER_OFFICE.finditer(text, lo, hi):
        if match.start("name") <= gap.start and gap.end <= match.end("name"):
            return True
    return False


def _skip_spaces(text: str, index: int, step: int) -> tuple[int, bool]:
    """The first index from ``index`` on (in direction ``step``) that is not a space, and
    whether two or more spaces were skipped."""
    skipped = 0
    while 0 <= index < len(text) and text[index] in SPACES:
        index += step
        skipped += 1
    return index, skipped >= 2


def _slogan_after_label(text: str, gap: Span, first: int) -> bool:
    """A slogan after its label: ``口号是：运动无限 气象万千。``."""
    colon = _HEADING_OPENS_AFTER.search(text, first, gap.start)
    if colon is None or not _SLOGAN_LABEL.search(
        text, max(first, colon.start() - _SLOGAN_LABEL_REACH), colon.end()
    ):
        return False
    quoted = _QUOTED_SLOGAN.match(text, colon.end())
    if quoted is not None:
        return quoted.start("slogan") <= gap.start and gap.end <= quoted.end("slogan")
    slogan = _SLOGAN.match(text, colon.end())
    return slogan is not None and slogan.end() > gap.end and slogan.end() == _unit(text, gap)[1]


def _in_list_of_headlines(text: str, gap: Span, first: int, last: int) -> bool:
    """A headline of a numbered summary list, its clauses apart (see ``_HEADLINE_ITEM``)."""
    start = line_start(text, gap.start)
    item = _HEADLINE_ITEM.match(text, start, gap.start)
    if item is None or first > item.end() or last - item.end() > _HEADLINE_MAX:
        return False
    if _has_comma(text, item.end(), last):
        return False
    if not (
        _han_run(text, gap.start, -1) >= _HEADLINE_PHRASE
        and _han_run(text, gap.end, 1) >= _HEADLINE_PHRASE
    ):
        return False
    return _numbered_neighbour(text, start, line_end(text, gap.end))


def _headline_like(line: str, bare: bool = False) -> bool:
    """A short line without a comma or a sentence mark inside it (one may close it; a ``bare``
    one ends without a full stop), and not a chapter or an article of a law."""
    line = _TAGS.sub("", line).strip(SPACES)
    if bare and line.endswith(("。", "！", "？", "!", "?")):
        return False
    return (
        _HEADLINE_MIN <= len(line) <= _HEADLINE_MAX
        and not _ARTICLE.match(line)
        and _HAN.search(line) is not None
        and not _INNER_MARK.search(line.rstrip(_HEADLINE_CLOSE))
    )


def _in_headline_block(text: str, first: int, last: int) -> bool:
    """The line is a headline among headlines: a news summary that lists the day's items one a
    line, their clauses apart, the last often closed by 。 ("……迎来客流高峰 运力持续加强。")."""
    if not _headline_like(text[first:last]):
        return False
    above = text[max(0, first - _UNIT_REACH) : first].splitlines()
    below = text[last : last + _UNIT_REACH].splitlines()
    nearby = [line for line in above if line.strip(SPACES)][-_HEADLINE_NEIGHBOURS:]
    nearby += [line for line in below if line.strip(SPACES)][:_HEADLINE_NEIGHBOURS]
    return sum(_headline_like(line, bare=True) for line in nearby) >= _HEADLINE_BLOCK


def _title_line(text: str, first: int, last: int) -> bool:
    """A short line of its own that ends without a mark, after a line that ends one (or a label,
    or nothing): a title, whose clauses a space separates even when a comma joins two of them
    ("某省干部群众热议政府工作报告 以实干之姿，乘势而上"); not a line of a wrapped paragraph."""
    line = _TAGS.sub("", text[first:last]).strip(SPACES)
    if not _HEADLINE_MIN <= len(line) <= _TITLE_LINE_MAX or not _is_han(line, len(line) - 1):
        return False
    previous = text[max(0, first - _UNIT_REACH) : first].rstrip(SPACES + "\r\n")
    if previous and _is_han(previous, len(previous) - 1):
        return False
    following = text[last : last + _UNIT_REACH]
    if following.startswith(("\r\n\r\n", "\n\n", "\r\r")) or not following.strip():
        return True  # a blank line follows
    following = following.lstrip("\r\n").lstrip(SPACES)
    return not _is_han(following, 0)  # a label, a link or markup follows, not more prose


def _han_run(text: str, index: int, step: int) -> int:
    """How many characters in a row stand before (``step`` -1) or from (1) ``index``."""
    count = 0
    position = index - 1 if step < 0 else index
    while _is_han(text, position) and count < _HEADLINE_PHRASE:
        position += step
        count += 1
    return count


def _numbered_neighbour(text: str, start: int, end: int) -> bool:
    """Another numbered item within a few lines above ``start`` or below ``end``."""
    above = text[max(0, start - _UNIT_REACH) : start].splitlines()[-_HEADLINE_NEIGHBOURS:]
    below = text[end : end + _UNIT_REACH].splitlines()[1 : _HEADLINE_NEIGHBOURS + 1]
    return any(_HEADLINE_ITEM.match(line) for line in above + below if line.strip(SPACES))


def _in_title_or_slogan(text: str, gap: Span, first: int, last: int) -> bool:
    """Inside a book title (《共担时代责任 共促亚太发展》), or inside brackets or quotation marks
    whose phrases no comma separates (“进窗口 走流程”, straight ones too: "进窗口 走流程")."""
    pair = _enclosing(text, gap.start, first, last)
    pair = pair or _straight_quotes(text, gap.start, first, last)
    if pair is None:
        return False
    opening, closing = pair
    if text[opening] in _TITLE_MARKS:
        return True
    # A sentence in brackets or quotation marks ("（这是某某同志的谈话。）") is prose.
    return not _has_comma(text, opening + 1, closing) and text[closing - 1] not in _SENTENCE_END


def _in_document_title(text: str, gap: Span, first: int, last: int) -> bool:
    """Inside the title of a law or an official document (《……管理办法》, 《……的通知》)."""
    pair = _enclosing(text, gap.start, first, last)
    return (
        pair is not None
        and text[pair[0]] in _TITLE_MARKS
        and _DOCUMENT_KIND.search(text, gap.end, pair[1]) is not None
    )


def _straight_quotes(text: str, offset: int, first: int, last: int) -> tuple[int, int] | None:
    """The pair of straight double quotation marks around ``offset`` within the line
    ``text[first:last]``: an odd number of them stands before it."""
    if text.count('"', first, offset) % 2 == 0:
        return None
    closing = text.find('"', offset, last)
    return (text.rfind('"', first, offset), closing) if closing >= 0 else None


def _enclosing(text: str, offset: int, first: int, last: int) -> tuple[int, int] | None:
    """The innermost bracket pair around ``offset`` within ``text[first:last]``."""
    depth = 0
    opening = None
    for mark in _BRACKET_BACK.finditer(text, first, offset):
        char = mark.group()
        if char in _CLOSERS and char not in _PAIRS:
            depth += 1
        elif depth:
            depth -= 1
        else:
            opening = mark.start()
            break
    if opening is None:
        return None
    depth = 0
    for mark in _BRACKET.finditer(text, offset, last):
        char = mark.group()
        if char in _PAIRS:
            depth += 1
        elif depth:
            depth -= 1
        else:
            return (opening, mark.start()) if char == _PAIRS[text[opening]] else None
    return None


def _spaced_run(text: str, gap: Span) -> tuple[int, int] | None:
    """First and last character of the run of single characters joined by single spaces
    around ``gap`` (just the two characters beside it when their neighbours are words);
    None for letter-spaced text."""
    first, steps = gap.start - 1, 0
    while (
        first >= 2
        and text[first - 1] in SPACES
        and _is_han(text, first - 2)
        and not _is_han(text, first - 3)
    ):
        first -= 2
        steps += 1
        if steps >= _LETTER_SPACED:
            return None
    last = gap.end
    while (
        last + 2 < len(text)
        and text[last + 1] in SPACES
        and _is_han(text, last + 2)
        and not _is_han(text, last + 3)
    ):
        last += 2
        steps += 1
        if steps >= _LETTER_SPACED:
            return None
    return first, last


# Two-character field names a form pads to the width of three (案　由：, 姓　名：).
_FIELD_NAMES = frozenset(("案由", "姓名", "性别", "民族", "籍贯", "地址", "电话", "职务", "职称",
                          "备注", "单位", "日期", "时间", "地点", "名称", "邮编", "传真", "事由"))
# A two-character name padded after its field (提案人：陈 曦), the next field right after it.
_PADDED_NAME_AFTER_LABEL = lazy_regex(
    r"(?<=[人者名][ \t\u3000]*[：:](?:[^：:\r\n]{0,24}?[ \t\u3000、])?)\p{Han}[ \u3000]\p{Han}"
    r"(?=[ \t\u3000]*\p{Han}{2,6}[ \t\u3000]*[：:])")


def _padded_label(text: str, first: int, last: int) -> bool:
    """The run is a form's field name padded to a width, before its colon, also where a page
    flattened onto one line glued it to the field before (``…的建议提 案 人：``): three
    characters or more, or a two-character field name (案 由：)."""
    if last + 1 >= len(text) or text[last + 1] not in "：:":
        return False
    chars = (last - first) // 2 + 1
    return chars >= 3 or text[first] + text[last] in _FIELD_NAMES


def _padded_item(text: str, first: int, last: int) -> bool:
    """The run is a name or label spaced out as a whole item of a list (马　敏, 王 立 军,
    组　长：): it stands between line boundaries, wide gaps or list punctuation, not inside a
    longer word ("陈 立 新同志")."""
    if _is_han(text, first - 1) or _is_han(text, last + 1):
        return False
    before = _item_edge(text, first - 1, -1)
    after = _item_edge(text, last + 1, 1)
    if not before or not after:
        return False
    if before in _LIST_MARKS or after in _LIST_MARKS:
        return True
    return before in _ITEM_EDGES and after in _ITEM_EDGES


def _item_edge(text: str, index: int, step: int) -> str:
    """What stands just outside a spaced run: "" when it is part of a word (a character, or a
    single space with a word beyond it), else a line boundary, a wide gap or a punctuation mark.
    """
    if not 0 <= index < len(text) or text[index] in "\r\n":
        return "\n"
    if _is_han(text, index):
        return ""
    if text[index] in SPACES:
        return "" if _is_han(text, index + step) else " "
    return text[index]


def _is_han(text: str, index: int) -> bool:
    return 0 <= index < len(text) and _HAN.match(text, index, index + 1) is not None
