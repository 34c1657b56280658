"""T501: a space between two Chinese characters in the middle of a sentence."""

from __future__ import annotations

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
from doclint.core.diagnostic import UNSAFE
from doclint.core.lazyregex import lazy_regex, matches_at_least
from doclint.core.text import INLINE_INDENT
from doclint.rules.structure.catalogue import DYNASTY, is_catalogue
from doclint.rules.structure.layout import Layout
from doclint.rules.structure.lines import ORGAN
from doclint.rules.style.gaps import HEADING_NUMBER, SPACES, is_separator
from doclint.rules.style.joined import joins_a_word, written_together
from doclint.rules.templates.model_text import ModelTexts
from doclint.rules.templates.scan import Gated, line_end, line_start

# One space after a full-width comma, semicolon or enumeration comma, before Chinese: the mark
# holds its own space ("在甘肃兰州、 河南郑州", "增长10%， 客运"); the space is left over from a
# line break.
_AFTER_MARK = r"(?<=[\p{Han}）”》\d０-９%％][，；、][ \u3000])(?=\p{Han})(?<![ \u3000]{2})(?![ \u3000])"
# Two spaces between two Chinese characters: a paragraph gap where a flattened text runs its
# paragraphs together, otherwise a stray double space inside a sentence.
_WIDE_GAP = regex.compile(r"[ \u3000]{2}(?<=\p{Han}[ \u3000]{2})(?=\p{Han})")
_WIDE_AFTER_FIRST = r"(?P<wide>[ \u3000])(?<=\p{Han}[ \u3000]{2})(?=\p{Han})"


def _gaps_after(space: str) -> str:
    """The gaps a space character opens: one space between two Chinese characters; for the
    common spaces also one after a mark and the first of two (``wide``)."""
    lead = regex.escape(space)
    alternatives = [rf"(?<=\p{{Han}}{lead})(?=\p{{Han}})"]
    if space in " \u3000":
        alternatives += [_AFTER_MARK, _WIDE_AFTER_FIRST]
    # NOTE: every gap follows a Chinese character or a mark (，；、): tested first, this turns
    # away an indent's spaces before the alternatives are tried one by one.
    return lead + rf"(?<=[\p{{Han}}，；、]{lead})(?:" + "|".join(alternatives) + ")"


# NOTE: one pattern per space character, led by it, so the scan jumps from space to space, and
# the characters around are checked right after it: a pattern led by the class [ \u3000] (or by
# a look-behind) is tried at every position, four times slower; and each space is scanned for
# once, whatever gap it may open.
_GAPS = tuple(Gated(space, lazy_regex(_gaps_after(space))) for space in SPACES)
# A wide gap inside a line, after its indent.
_INNER_WIDE_GAP = lazy_regex(r"(?<=[^\s])[ \t\u00a0\u3000]{2,}(?=[^\s])")
_WINDOW = 300
# What opens a paragraph of its own after a wide gap: an enumerator or a numbered heading; a
# bare ordinal is an opener only when a mark follows it (“第一，”), not an ordinal adjective
# (“校长是第一责任人”).
_PARAGRAPH_OPENER = lazy_regex(
    r"第[〇零一二三四五六七八九十百千\d]+(?:[章节条款编篇]|(?=[，、,：:.．\s]))"
    r"|[一二三四五六七八九十]+(?:是|、)"
    r"|[（(][一二三四五六七八九十\d]+[）)]|首先|其次|再次|最后|另外|此外|同时|总之"
)
_HAN = lazy_regex(r"\p{Han}")
# A wide gap inside a sentence: what comes before it since the last sentence end or paragraph
# break, what follows it up to the next one, and the joined text found elsewhere within reach.
_FRAGMENT_START = lazy_regex(r"(?r)[。！？!?；;<>\r\n]|[ \t\u00a0\u3000]{2,}")
_FRAGMENT_END = lazy_regex(r"[<>\r\n]|[ \t\u00a0\u3000]{2,}")
# …and on a page whose line breaks became single spaces, up to the next space: a clause of
# running text reaches a mark within this many characters.
_UNIT_END = lazy_regex(r"[<>\r\n \t\u00a0\u3000]")
_CLAUSE_REACH = 60
_SENTENCE_ENDS = "。！？!?；;"
_HEADING_START = lazy_regex(r"[ \t\u3000]*" + HEADING_NUMBER)
_PROSE_MARK = lazy_regex(r"[，。；！？,;]")
_COMMA = lazy_regex(r"[，,]")
_DATELINE = lazy_regex(
    r"\p{Han}{0,12}?(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})月"
    r"(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})日(?:电|讯|消息)"
)
_SENTENCE_PIECES = ((2, 1), (1, 2))
_SPLIT_CHECKS = 2_000  # excused wide gaps looked at per document (each searches its reach)
_CLAUSE_PIECES = ((2, 1), (1, 2), (1, 1))
_SPACED_OUT = Message("句子中的“{word}”被空格拉开。", "“{word}” is spaced out inside a sentence.")
_CONTEXT = 4
# A record that lost its line breaks runs a 公文's head into one line, a space where each break
# was: the title, its 文号, its addressee (“……的通知 某府发〔2021〕5号 各区人民政府，……：”).
_HEAD_BEFORE = lazy_regex(
    r"(?:通知书?|告知书|决定书|通报|意见|决定|办法|方案|规定|细则|批复|函|公告|通告|公示|报告|请示|纪要|规划|计划|要点|决议|措施"
    r"|条例|规则|规范|标准|指南|清单|名单)(?:[（(][^（()）\r\n]{1,10}[）)])?$"
    r"|[〔［\[]\d{4}[〕］\]]\d{1,5}号$"
)
_HEAD_AFTER = lazy_regex(
    r"\p{Han}{1,12}[〔［\[]\d{4}[〕］\]]\d{1,5}号"
    rf"|[^。；！？：:\r\n]{{1,80}}?(?:{ORGAN}|单位|部门|机构|企业|学校|中心|公司)"
    r"(?:[、，,][^。；！？：:\r\n]{1,12}|[（(][^（()）\r\n]{1,40}[）)])?[ \t\u3000]*[：:]"
    # …or the text's first sentence, opened as a 公文's body opens (根据…, 为进一步…, 现将…)
    r"|(?:根据|依据|按照|依照|为了?|经|现将|现就|近日|近期|日前)[\p{Han}《“]"
)
_HEAD_REACH = 16
_TITLE_MIN = 6  # characters of a metadata title worth looking for in the text
# A page flattened onto one line with its line breaks turned into single spaces: this long, with
# this many single spaces beside Chinese text.
_SPACED_PAGE_CHARS = 200
_SPACED_PAGE_GAPS = 8
_INDENT = lazy_regex(r"[\u3000 ]{2}")
_HAN_GAP = lazy_regex(r"(?<=[\p{Han}，。；：、）)”])[ \u00a0](?=[\p{Han}（(“])")
# A standard's clause heading run into its text (“5 档案资料 建立档案……”, “1适用范围 本规则
# 适用于……”): numbered 1, 4.2, … with or without a space, in a text that numbers its clauses
# so, or heading one of the elements every standard has.
_CLAUSE_HEADING = lazy_regex(
    r"(?:^|(?<=[。；：:）)\r\n]))[ \t\u00a0\u3000]?(?<![\d.．])\d{1,2}(?:[.．]\d{1,2}){0,3}"
    r"[ \t\u00a0\u3000]?(?![个户家项名人所座条台套吨元次批类种件部辆亩倍只头间处位期届万亿千百十年月日天余多])"
    r"(?P<heading>\p{Han}{2,10})$"
)
# The clause numbers of a standard (“4.2 棚室……”) open their paragraph.
_DECIMAL_CLAUSE = lazy_regex(
    r"(?:^|(?<=[。；：:\r\n]))[ \t\u00a0\u3000]*\d{1,2}[.．]\d{1,2}[ \t\u00a0\u3000]\p{Han}"
)
_DECIMAL_CLAUSES = 3
_STANDARD_ELEMENTS = frozenset(
    "范围 适用范围 规范性引用文件 引用文件 术语和定义 术语 定义 总则 一般要求 基本要求 技术要求 "
    "试验方法 检验规则".split()
)
# Members listed with their posts, each name set apart from its post and a two-character name
# padded to the width of three (“组　长：王 赋 市委常委……张学锋 市水利局局长”).
_MEMBER = lazy_regex(
    r"(?P<name>\p{Han}[ \u3000]\p{Han}|\p{Han}{2,3})[ \u3000]{1,2}"
    r"(?P<post>\p{Han}{1,16}?(?:[省市县区镇乡村局厅处科部院校所队社行组会署站股庭委书]长"
    r"|主任|书记|委员|巡视员|调研员|经理|主席|秘书|干事|专员|总监|负责人))"
)
_MEMBERS = 3
_MEMBER_REACH = 120
# A catalogue of old books (structure/catalogue.py) sets its fields apart with a space.
_CATALOGUE_FIELD = lazy_regex(rf"(?:{DYNASTY}[\p{{Han}}□·]{{1,14}}|本)$")
_FIELD_REACH = 24
# A table announced in the text (见下表：, 如下表：, 详见附表1：); its cells follow on the same line
# when the page lost the table's layout.
_TABLE_INTRO = lazy_regex(r"(?r)(?:下表|附表\s?\d{0,2}|见表\s?\d{1,2})(?:所示)?[：:]")
_TABLE_REACH = 1500
_AFTER_MARK_MESSAGE = Message(
    "“{mark}”后多了空格（全角标点自带间距），隔开了“{right}”。",
    "A space after “{mark}” (a full-width mark has its own spacing) before “{right}”.",
)


class SpaceInChineseText(Rule):
    """中文句子中间夹着空格（“规模 和投放”“陈 立 新同志”“犯罪的， 依法”）。

    中文词语之间不用空格；全角的逗号、分号、顿号自带间距，后面也不加空格（“跨越“数字鸿沟”，
    各级”同样报告）。句子中的空格多是排版或转换留下的：硬换行被替换成空格、姓名为对齐而拉开。
    只检查句子，即分句之间用逗号隔开、或以句末标点结束的一段文字，也包括以“如下：”“以下……：”
    引出下文的短句和以分号结束的法规列项（“（三）阻碍公职人 员依法履行职责的；”）。句中连着两个
    空格（“加快推进  农村公路建设”）同样报告，但段落被压成一行的文本（或一行中另有宽空白隔开
    段落、栏目）里，两个空格代表丢失的换行，不报——除非它落在句子中间：前面是同一段里的句子
    或已有逗号的分句（不是标题），后面接着是正文，空格两边的字在文中别处连着写（“困难。各级
    党委和政  府要认真”）或按词典组成一个词（“超过有效  期的”）；压成一行的文本用段落缩进的
    写法（如“　　”）标出丢失的换行，写法不同的两个空格（以“　　”缩进的页面里的两个半角空格）
    不是丢失的换行，照一般文本判断。以下空格是体裁的惯例，不报：标题、新闻提要和列表项中代替逗号分隔
    分句的空格（“春节将至 各地多彩活动迎新春”），包括逐行排列、末条以句号结尾的提要；书名号内、
    以及没有逗号的引号和括号内分隔词组的空格（“进窗口 走流程”），但法规、文件标题里拆开一个
    词的空格仍报告，这个词在文中别处连着写（“《某省科 技计划管理办法》”）；名单中为对齐拉开的
    姓名和栏目（“马　敏”“王 立 军”“组　长：”）和单独成行的署名，署名中职务后为对齐拉开的姓名
    （“县长 吴 鹏”，包括抓取的摘要把它和“各位代表：”连在一起时）；逐字拉开、位于行首的展示标题
    （“政 府 工 作 报 告”，包括摘要把正文接在其后时）；按排版规范拉开的两三字标题
    （“第一章　总　则”“目　录”，在目录、正文和压成一行的法规中）；职务与其后姓名之间（“省长
    赵龙”，不是“人民代表 大会”）、电头（“12月31日电 新年前夕”）、电头后记者署名与正文之间（“本报北京12月7日讯 记者某某 国务委员……”）、摄影署名（含图片说明后的
    “新华社发”）、联合发文机关之间、简历条目的任职年月与职务之间（“2012－2017年 某省委书记”，包括连写在一段里、以分号隔开的条目，以及相邻几行都以“1994年 ”这样的年份开头的简历）；
    “口号是：”“主题为：”后的口号，加引号（含直引号、含逗号）或不加（“运动无限 气象万千”），以及
    直引号内没有逗号的词组（"节约用水 守护家园"）；数字前后加空格的导语行中日期旁的空格（“《某某
    新闻》2026年3月5日 全部 12 条文字稿”）；单独成行、不以标点结尾的短标题（可含逗号）；
    新闻提要中以句号结尾的编号标题（“2.某地病例增多 或与季节变化叠加。”）；段落被压成一行时，
    日期、序号标题（“一、基本情况 该项目……”“第一章 总体要求 为了……”“1.核查情况 经核实……”，
    包括冒号、句末之后的；拆开一个在文中别处连写的词时除外）、署名与下文之间的空格，下一条
    （“第三十条 本办法……”，不是引用的“本规定 第五条、第六条”）之前的空格；行内序号与其后文字
    之间（“三是 加强宣传引导”“第二 要抓好”）和新闻导语“本报讯”之后的空格；抓取时丢了换行、
    标题与正文连排的新闻条目中，标题分句之间和标题末尾（常为不换行空格）的空格（“……遇难。某地
    举办交易会 签约超五十亿元某市商务局12日称，……”：正文以消息来源、时间、地点、“据……报道”
    “记者……获悉”等开头，或复述标题开头）；标题接在上一条的句末之后、不带“的”“了”等虚词时，
    正文复述标题中的词语、以消息来源（“某某气象台预计，”“据当地媒体12日报道，”）或“此外，”等
    开句，或以两个并列名称开头、正文在首句后重提第一个名称（“甲国 乙国遭遇强降雨……，甲国北部”），
    也算连排的标题；电头（“央视网消息（新闻联播）：”“新华社北京7月1日电”）之前的标题（可含
    逗号），以及文章开头与正文连排的标题。丢了换行的公文记录中，公文头各部分之间的空格（标题、
    文号与主送机关之间：“……的通知 某府发〔2021〕5号 各区人民政府，……：”；标题与正文第一句之间：“……年度报告 根据……”“……六条措施 为促进……”），正文开头重复的
    标题中与标题行连写的两行分界处，标准条文的章条标题与其正文之间（“5 档案资料 建立……”
    “1适用范围 本规则适用于……”：文中另有“4.2 ”式编号，或是“范围”“术语和定义”等标准必备要素）；
    压成一行的表单中为对齐拉开的栏目名和两字姓名（“……的建议提 案 人：陈 曦主办单位：……”）；元数据（记录头的“标题:”、前言的 title）给出的标题在正文中分行排印、换行变成空格的，标题中间和标题之后的空格，以及不带标点的序号小标题（“（一）新闻发言人的设立 某某……”；以网页的不换行空格隔开时，小标题可含逗号：“（三）培育农村电商，加快形成物流队伍 利用……”）与正文之间的空格，都是丢失的换行；整页压成一行、换行都变成了单个空格的网页（一行二百字以上、有八处以上这样的空格，不以缩进分段）里，空格都当作丢失的换行，只有拆开了文中别处连写的词（“基层 卫生科”，别处写“基层卫生科”）或
    正文分句中词典里的词（“科研力 量布局，”）的才报（表格栏目中为对齐拉开的“序 号”不报）；压成一行的网页中分享按钮（“微信 微博 QQ空间”）之后、条目和标题（“一是”“二、”“（三）”）之前的空格；成员名单中姓名与职务之间、为对齐拉开的两字姓名（“张学锋 市水利局局长杨 琳 市政府副秘书长”，
    至少三条）；正文预告了表格（“见下表：”“详见附表1：”）而表格被压进同一行时，预告之后、下一个
    句号之前分隔各栏的空格（“肺癌50岁以上 低剂量螺旋CT检查”）；古籍目录中分隔题名、著者（“（清）某某撰”）、版本和藏地各栏的空格。整篇或整行逐字
    拉开的文字是版式问题，由 T506 每个文件报告一次。修复删除空格。
    """

    code = "T501"
    maturity = Maturity.STABLE
    name = "style.space-in-chinese"
    category = Category.SPACING
    severity = Severity.WARNING
    summary = Message("中文句子中夹有空格。", "A space splits Chinese text inside a sentence.")
    message = Message(
        "句子中的空格隔开了“{left}”和“{right}”。",
        "A space inside a sentence separates “{left}” from “{right}”.",
    )
    fixable = True
    # A text whose line breaks became spaces has the same stray space in many sentences.
    group_after = 10
    examples = Examples(
        bad=(
            Example("要继续控制贷款规模 和货币投放。", fixed="要继续控制贷款规模和货币投放。"),
            Example("刚才，陈 立 新同志作了重要讲话。", fixed="刚才，陈立新同志作了重要讲话。"),
            Example("构成犯罪的， 依法追究刑事责任。", fixed="构成犯罪的，依法追究刑事责任。"),
            Example("各地要加快推进  农村公路建设，改善群众出行条件。",
                    fixed="各地要加快推进农村公路建设，改善群众出行条件。"),
        ),
        good=(
            "在全旗政法工作会议上的讲话\n陈 立 新\n（2024年4月24日）",
            "政 府 工 作 报 告",
            "政 府 工 作 报 告2022年1月27日在县人民代表大会上，县人民政府县长 吴 鹏各位代表：",
            "福建省人民政府省长 赵龙",
            "开展“进窗口 走流程”活动，推进改革。",
            "3.春节将至 各地多彩活动迎新春；",
            "出席会议的有：马　敏、王 立 军、李建国。",
            "第八章　附　则\n第五十条　本条例自公布之日起施行。",
            "本届运动会的口号是：运动无限 气象万千。",
        ),
    )
    basis = "中文不以空格分词；排版惯例见说明"

    def check(self, doc: Document) -> Iterator[Finding]:
        if doc.facts(Layout).letter_spaced:
            return  # the file's format, reported once by T506
        text = doc.text
        gaps, wide_gaps = [], []
        for probe in _GAPS:
            for match in probe.finditer(text):
                if match.lastgroup == "wide":
                    wide_gaps.append(Span(match.start(), match.end()))
                else:
                    gaps.append(Span(match.start(), match.end()))
        gaps.sort()
        wide_gaps.sort()
        run: list[Span] = []
        record = _Record(text, _metadata_title(doc))
        forms = doc.facts(ModelTexts) if gaps and "附件" in text else None
        for gap in gaps:
            if is_separator(text, gap) or record.lost_break(gap):
                continue
            if forms is not None and forms.in_form(gap.start):
                continue  # a blank form sets its fields and options apart: 已配置了 高压/低压 …
            if run and gap.start - run[-1].end != 1:
                yield self._finding(text, run)
                run = []
            run.append(gap)
        if run:
            yield self._finding(text, run)
        # Wide gaps in a flattened text stand for its lost paragraph breaks, when written as
        # the page writes them after its sentences.
        flattened = doc.facts(Layout).flattened is not None
        breaks = _lost_breaks(text) if flattened else frozenset()
        line_last, crowded = -1, False  # the current line's end, and whether it has other gaps
        checks = _SPLIT_CHECKS
        for gap in wide_gaps:
            if not flattened and gap.start > line_last:
                first, line_last = line_start(text, gap.start), line_end(text, gap.start)
                crowded = len(_INNER_WIDE_GAP.findall(text, first, line_last)) > 1
            # A line with other wide gaps runs paragraphs, cells or headings together.
            excused = (
                (flattened and text[gap.start : gap.end] in breaks)
                or crowded
                or _PARAGRAPH_OPENER.match(text, gap.end) is not None
                or _wide_gap_separates(text, gap)
            )
            if excused:
                if checks <= 0:
                    continue  # a text of many thousand paragraphs: enough looked at
                checks -= 1
                if not _splits_a_sentence(text, gap):
                    continue
            yield self._finding(text, [gap])

    def _finding(self, text: str, run: list[Span]) -> Finding:
        fix = Fix(tuple(Edit(g, "") for g in run), Message("删除空格", "Delete the spaces"), UNSAFE)
        if len(run) == 1 and not _HAN.match(text[run[0].start - 1]):
            return self.report(
                run[0],
                _AFTER_MARK_MESSAGE,
                mark=text[run[0].start - 1],
                right=_han_after(text, run[0].end),
                fix=fix,
            )
        if len(run) == 1:
            return self.report(
                run[0],
                left=_han_before(text, run[0].start),
                right=_han_after(text, run[0].end),
                fix=fix,
            )
        # Several gaps one character apart: a spaced-out word (陈 立 新).
        span = Span(run[0].start - 1, run[-1].end + 1)
        return self.report(span, _SPACED_OUT, word=text[span.start : span.end], fix=fix)


class _Record:
    """What a record's format makes of a single space (see ``lost_break``); the document-wide
    facts are read once, when first asked."""

    def __init__(self, text: str, title: str = "") -> None:
        self.text = text
        self._spelled: regex.Pattern[str] | None = _spelled_with_breaks(title) if title else None
        self._catalogue: bool | None = None
        self._decimal: bool | None = None
        self._title: str | None = None
        self._spaced_lines: dict[int, bool] = {}  # line start: a page flattened with spaces

    def lost_break(self, gap: Span) -> bool:
        """The space stands for a line break the record lost, or separates the fields of a
        list or a catalogue: between the parts of a 公文's head, after a standard's clause
        heading, between a member's name and post (or inside a padded name), between the
        fields of a catalogue of old books, or inside the title set over two lines at the
        head of the text."""
        text = self.text
        lo = max(line_start(text, gap.start), gap.start - _HEAD_REACH)
        if _HEAD_BEFORE.search(text, lo, gap.start) and _HEAD_AFTER.match(text, gap.end):
            return True
        heading = _CLAUSE_HEADING.search(text, max(0, gap.start - _HEAD_REACH), gap.start)
        if heading is not None and (
            heading.group("heading") in _STANDARD_ELEMENTS or self.decimal_clauses()
        ):
            return True
        if self._member(gap):
            return True
        if self._in_spaced_page(gap) and not _splits_a_word(text, gap):
            return True
        if self._in_flattened_table(gap):
            return True
        if _CATALOGUE_FIELD.search(text, max(0, gap.start - _FIELD_REACH), gap.start) and (
            self.catalogue()
        ):
            return True
        return self._in_head_title(gap) or self._in_known_title(gap)

    def _in_spaced_page(self, gap: Span) -> bool:
        """The gap stands in a page flattened onto one line whose line breaks became single
        spaces (between a title and its addressees, the cells of a table, a form's fields):
        a long line with many such spaces. There a space is read as a lost break unless it
        splits a word the text writes together elsewhere."""
        first = line_start(self.text, gap.start)
        spaced = self._spaced_lines.get(first)
        if spaced is None:
            last = line_end(self.text, gap.start)
            # a line that keeps its paragraphs apart by indents lost no break to a single space
            spaced = last - first >= _SPACED_PAGE_CHARS \
                and _INDENT.search(self.text, first, last) is None \
                and matches_at_least(_HAN_GAP, self.text, _SPACED_PAGE_GAPS, first, last)
            self._spaced_lines[first] = spaced
        return spaced

    def _in_flattened_table(self, gap: Span) -> bool:
        """The gap stands among the cells of a table the text announces (见下表：) and the page
        ran into its line: no sentence has ended since the announcement."""
        text = self.text
        first = max(line_start(text, gap.start), gap.start - _TABLE_REACH)
        announced = _TABLE_INTRO.search(text, first, gap.start)
        return announced is not None and "。" not in text[announced.end() : gap.start]

    def _member(self, gap: Span) -> bool:
        text = self.text
        lo, hi = max(0, gap.start - _MEMBER_REACH), min(len(text), gap.end + _MEMBER_REACH)
        members = list(_MEMBER.finditer(text, lo, hi))
        if len(members) < _MEMBERS:
            return False
        return any(m.start() < gap.start and gap.end <= m.start("post") for m in members)

    def _in_head_title(self, gap: Span) -> bool:
        """The space falls inside the document's title where the body repeats it at the head
        of a line, and the title line writes the two parts together: the title was set over
        two lines."""
        text = self.text
        title = self.title()
        first = line_start(text, gap.start)
        head = text[first : gap.start]
        if len(head) < 2 or not first or not title.startswith(head):
            return False
        return text.startswith(title[len(head) :], gap.end) and len(title) > len(head)

    def _in_known_title(self, gap: Span) -> bool:
        """The space falls inside the title the document's metadata gives (a record header's
        标题, front matter's title), which the page prints in display lines, or right after it:
        the break of a line of the title, or after it, flattened to a space."""
        if self._spelled is None:
            return False
        lo = max(0, gap.start - _TITLE_REACH)
        for found in self._spelled.finditer(self.text, lo, gap.end + _TITLE_REACH):
            if found.start() < gap.start and (gap.end <= found.end() or gap.start == found.end()):
                return True  # inside the title, or right after it, before the text
        return False

    def title(self) -> str:
        if self._title is None:
            stripped = self.text.lstrip()
            self._title = stripped[: line_end(stripped, 0)].strip()
        return self._title

    def catalogue(self) -> bool:
        if self._catalogue is None:
            self._catalogue = is_catalogue(self.text)
        return self._catalogue

    def decimal_clauses(self) -> bool:
        if self._decimal is None:
            self._decimal = matches_at_least(_DECIMAL_CLAUSE, self.text, _DECIMAL_CLAUSES)
        return self._decimal


_TITLE_KEYS = ("标题", "title", "题目", "名称")
_TITLE_REACH = 120


def _metadata_title(doc: Document) -> str:
    for key in _TITLE_KEYS:
        value = doc.metadata.get(key)
        if isinstance(value, str) and len(value.strip()) >= _TITLE_MIN:
            return value.strip()
    return ""


def _spelled_with_breaks(title: str) -> regex.Pattern[str]:
    """The title with a space or a line break allowed between any two of its characters."""
    chars = [regex.escape(c) for c in "".join(title.split())]
    return regex.compile(r"[ \t\u3000\u00a0]?".join(chars))


def _lost_breaks(text: str) -> frozenset[str]:
    """The spaces a flattened text leaves where it lost a paragraph break: the paragraph
    indents inside its lines, after a sentence's end (“……。　　下一段”). A wide gap of other
    spaces (two ASCII spaces where the page writes 　　) is none of them."""
    return frozenset(m.group() for m in INLINE_INDENT.finditer(text))


def _splits_a_sentence(text: str, gap: Span) -> bool:
    """A wide gap that would pass for a paragraph break (in a flattened text, or a line that
    runs paragraphs together) but falls inside a sentence: the text before it is prose (it
    follows a sentence of the same paragraph, or has a clause of its own: a heading or a title
    ends a paragraph without punctuation, but seldom holds a comma), the text after it goes on
    as prose, and the document writes the characters on both sides of it together elsewhere
    (“困难。各级党委和政  府要认真……”: 和政府, 政府要)."""
    boundary = _FRAGMENT_START.search(text, max(0, gap.start - _WINDOW), gap.start)
    start = boundary.end() if boundary else max(0, gap.start - _WINDOW)
    if _HEADING_START.match(text, start, gap.start):
        return False  # a heading run into its paragraph: "……推荐。第五章评审  第五十条"
    clause = _COMMA.search(text, start, gap.start) is not None
    if not clause and (boundary is None or boundary.group() not in _SENTENCE_ENDS):
        return False
    end = _FRAGMENT_END.search(text, gap.end, gap.end + _WINDOW)
    if not _PROSE_MARK.search(text, gap.end, end.start() if end else gap.end + _WINDOW):
        return False
    if _DATELINE.match(text, gap.end):
        return False  # the next news item: "……融合发展  新华网北京11月26日电"
    # Inside a clause, the two characters beside the gap written together elsewhere suffice.
    pieces = _CLAUSE_PIECES if clause else _SENTENCE_PIECES
    return written_together(text, gap, pieces) or joins_a_word(text, gap)


def _splits_a_word(text: str, gap: Span) -> bool:
    """The gap splits a word: the text writes it whole elsewhere, or the dictionary knows it
    and the gap falls in prose (“进一步优化科研力 量布局，”: 力量), not among the cells of a
    table that lost its layout, whose padded labels run into each other (局序 号产品名称)."""
    if written_together(text, gap):
        return True  # the text itself writes the word whole
    end = _UNIT_END.search(text, gap.end, gap.end + _CLAUSE_REACH)
    prose = _PROSE_MARK.search(text, gap.end, end.start() if end else gap.end + _CLAUSE_REACH)
    return prose is not None and joins_a_word(text, gap)


def _wide_gap_separates(text: str, gap: Span) -> bool:
    """Whether the two spaces ``gap`` would separate items on purpose if they were one: the
    text around them is judged as for a single space."""
    lo, hi = max(0, gap.start - _WINDOW), min(len(text), gap.end + _WINDOW)
    before = _WIDE_GAP.sub(" ", text[lo : gap.start])
    after = _WIDE_GAP.sub(" ", text[gap.end : hi])
    return is_separator(before + " " + after, Span(len(before), len(before) + 1))


def _han_before(text: str, end: int) -> str:
    start = end
    while start > 0 and end - start < _CONTEXT and _HAN.match(text[start - 1]):
        start -= 1
    return text[start:end]


def _han_after(text: str, start: int) -> str:
    end = start
    while end < len(text) and end - start < _CONTEXT and _HAN.match(text[end]):
        end += 1
    return text[start:end]
