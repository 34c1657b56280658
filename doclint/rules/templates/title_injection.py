"""P201: the document's own title (or a speech title) pasted into a sentence of the body."""

from __future__ import annotations

import dataclasses
import enum
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
    Message,
    Related,
    Rule,
    Severity,
    Span,
)
from doclint.core.diagnostic import UNSAFE
from doclint.core.lazyregex import lazy_regex
from doclint.rules.structure import news
from doclint.rules.structure.compilation import Compilation
from doclint.rules.structure.lines import ORGAN, is_issuer_line
from doclint.rules.style.joined import joins_a_word
from doclint.rules.templates.parts import Part, Title, is_distinctive
from doclint.rules.templates.scan import Gated

# Template sites label the text they serve: 演讲稿《…》, 讲话稿《…》, 范文《…》. Each pattern is led
# by its literal (a fast scan); the genre before 稿 is checked after the match.
_LABELLED = (
    Gated("稿", regex.compile(r"稿《[^《》\r\n]{4,60}》")),
    Gated("范", regex.compile(r"范文《[^《》\r\n]{4,60}》")),
)
_GENRES = ("演讲", "讲话", "发言", "致辞")
# A clause that is nothing but a speech title: "，在旗委工作会议上的讲话。" — found from its end.
_TITLE_END = Gated("讲致发报", regex.compile(r"上的(?:讲话|致辞|发言|主持词|报告)(?=[。；！？])"))
_TITLE_CLAUSE = lazy_regex(r"在[^，。；！？：\r\n“”《》]{2,40}$")
# A document's title names its genre ("……上的讲话", "……工作报告", "关于……的通知"). A title
# that is itself a sentence or a slogan ("科学技术是第一生产力", the heading a selected works
# edition takes from the speech) is written in the body on purpose.
_GENRE_TITLE = lazy_regex(
    r"(?:讲话|谈话|谈话要点|讲话要点|讲话提纲|致辞|发言|报告|主持词|讲稿|演讲|演讲稿|总结|计划|规划|纲要|方案|意见|通知|决定|办法|"
    r"条例|规定|细则|心得体会|材料|汇报|函|批复|请示|公告|通告|通报|决议|公报|纪要|章程|准则)"
    r"(?:稿|全文|（[^（）]*）)?$"
)
# An editor's source note names the speech on purpose: "这是某某同志在……上的讲话。"
_SOURCE_NOTE = lazy_regex(r"[\s\u3000（(*＊]*(?:这是|这篇|本文|此文|此件|以上)")
_NOTE_TITLE_REACH = 40
# The note ends with the title it names: "……上的讲话。", "……上的讲话的一部分。", "……讲话要点）"
_NOTE_END = lazy_regex(r"[。）)\s]|$|的?(?:一部分|节录|要点|摘要)")  # characters from the note's opening words to the title it names
_HAN = lazy_regex(r"\p{Han}")
_NOT_HAN = lazy_regex(r"[^\p{Han}]")
# Words that carry a sentence on after a phrase it says itself.
_CONTINUES = lazy_regex(r"[是的了着过也都就才还又和与及或等而者之地得嘛吗呢吧啊呀]|以及|问题|方面|工作|作风|精神")
_FORWARDS = lazy_regex(r"转发|印发|批转")
_TITLE_HEAD = lazy_regex(rf"关于|转发|印发|批转|{ORGAN}|的$")
_SENTENCE_START = lazy_regex(r"(?r)[。！？\r\n]")
_CLAUSE_BEFORE = "，。；！？、："
_CLAUSE_END = "，。；！？"
_CLAUSE_AFTER = "。；！？，"
_DROP_BEFORE = "，、；："
_NOTE_REACH = 120
_ENCLOSURE_REACH = 80
# A sentence that names a title without marks uses it as a noun: a speaker or a verb before it,
# what the text did or what is in it after it.
_REFERENCE_AFTER = lazy_regex(
    r"精神|提出|指出|强调|确定|要求|部署|明确|[中里时][，,、：:]"
)
_REFERENCE_BEFORE = lazy_regex(
    r"(?:学习|贯彻|落实|按照|根据|依照|依据|对照|执行|传达|领会|遵照|结合|书记|同志|长|主任|主席|"
    r"提出|提交|印发|转发|制定|出台|审议|下发|我|他|她|们|的)$"
)
# A thesis or slogan title is a phrase its own text governs: a preposition or a verb that takes
# it as its object before it (“为提高……能力搭建平台”, “对强军兴军关键在党有了认知”, “积极探索
# ……新载体”), or a modal after it that makes it the subject (“提高……能力要坚持……”).
_GOVERNED_BEFORE = lazy_regex(r"(?:[为对将把]|围绕|推进|推动|促进|探索|聚焦|助力|致力于)$")
# A slogan title the body says itself three times or more is the thesis the text argues: a
# glued occurrence there is the text's own phrase too.
_THESIS_REPEATS = 3
# A title line with a clause in it (``尊重知识，尊重人才``) is a phrase of the text it heads;
# an enumeration comma names several places or bodies (``关于广东与香港、澳门合建``).
_CLAUSE_PUNCT = lazy_regex(r"[，,。！？；]")
# A slogan title is searched only where it runs into the next words (``_glued``): six
# characters (``拿事实来说话``) are then no coincidence.
_MIN_SLOGAN = 6
_ISSUER_END = "省市县区镇乡州盟旗国院委部局厅办村府"
# …when the title goes on from a place or a body as the rest of its name (县|政府工作报告,
# 市委|工作报告); a headline that opens on its own subject (某省原副省长…被开除党籍) does not.
_NAME_TAIL = lazy_regex(r"政府|人民|人大|政协|党委|党组|委员会|常委会|纪委|监委|机关|办公|工作|国民经济")
# A news agency's dateline ("新华社莫斯科11月18日电", "本报讯（记者 某某）"): a full text released
# by the agency prints its own heading right after it, then the text.
_DATELINE_BEFORE = lazy_regex(
    rf"{news.DATELINE}(?:[（(][^（()）\r\n]{{1,30}}[）)])?[ \t\u3000\u00a0]*(?:[：:—－-]{{1,2}})?"
    r"[ \t\u3000\u00a0]*$"
)
_DATELINE_REACH = 60
# Horizontal space back to the line's start (or the text's), and on to its end.
_LINE_HEAD = lazy_regex(r"(?:^|[\r\n])[ \t\u3000\u00a0\u2002\u2003]*$")
_LINE_TAIL = lazy_regex(
    r"(?:\[\d{1,2}\]|［\d{1,2}］)?[ \t\u3000\u00a0\u2002\u2003]*(?:[\r\n]|$)"
)  # a footnote mark may close the heading: ……统计公报[1]
_LINE_REACH = 80
# A 公文's head set as lines: its title, then its 文号 or its addressee (主送机关). A record that
# lost its line breaks runs them together ("……的通知渝府发〔2021〕17号各区县人民政府，……："): a
# title opening its line and running into them is the document's own heading, not a paste.
# A paragraph may open on the document's own name as its subject: a plan outline's preface
# (“某市国民经济和社会发展第十五个五年规划纲要，根据……编制，主要阐明……”).
_SUBJECT_AFTER = lazy_regex(r"[，,](?:根据|依据|按照|依照|遵照|是|由|旨在|主要)")
_HEAD_AFTER = lazy_regex(
    r"[ \t\u3000\u00a0]*(?:\p{Han}{1,12}[〔［\[【(（][ ]?\d{4}[ ]?[〕］\]】)）][ ]?\d{1,5}[ ]?号"
    rf"|[^。；！？：:\r\n]{{1,80}}?(?:{ORGAN}|单位|部门|机构|企业|学校|中心|公司)[ \t\u3000]*[：:])"
)
_PAIRS = (("《", "》"), ("〈", "〉"), ("“", "”"), ("「", "」"), ("<", ">"), ("‘", "’"))


class InjectedTitle(Rule):
    """正文句子中混入了文档自己的标题或范文网站的标题标签。

    范文网站和抓取程序把页面标题拼进正文：“……奠定坚实基础，在旗委工作会议上的讲话。”、
    “……形成了合力，演讲稿《在旗委工作会议上的讲话》。”，或者不加标点地夹在两句之间、一句之中
    （“……制定本条例。某省河道管理条例县级以上人民政府……”）。规则查找：本篇标题（`第N篇：` 后的
    标题和正文前的标题行，至少 8 个汉字，以“讲话”“报告”“通知”“条例”等文种结尾；分几行排的标题
    合为一个，查找全文和它的第一行；其中自带文种的一行，如标语之上的“2023年政府工作报告”，也单独查找）出现在正文的句子中；`演讲稿《…》`、`范文《…》` 一类标签；
    以及独立成句的“在……上的讲话”。正文引用本篇标题是原文：写在书名号或引号中（“《某某条例》
    同时废止”“依照《……的通知》要求”）不报，除非带书名号的标题自成一个分句；本身就是一句话或
    口号的标题（文选常取讲话中的一句作标题，如“科学技术是第一生产力”）在正文中出现是原文，不报，
    除非它前后都没有标点、直接粘连着下文（“……不实际。提倡深入细致的工作要多做点工作”），而正文自己支配它时（前面是“为”“对”“将”“把”或以它为宾语的动词，如“为提高……能力搭建平台”“对……有了认知”“积极探索……新载体”），或正文自己已说过三次以上（文章反复申说的论点），不报；带网站标签、数字或括号的新闻标题（“[视频]……”“前10个月……”）
    也按这样的粘连查找，引用书名的标题（“《……》第一卷主要篇目介绍”）是正文常说的名称，不查找；
    分行排印的标题中，正文本会提到的首行（发文机关“某某市教育局”，或不含“关于”的主题开头）只在
    它拆开了句中一个词时报告（“设备购某某市教育局置”：购置）；
    不足 8 个汉字的标题（“政府工作报告”）是正文常用的名称，同样只在粘连时报告（“市政府工作报告”
    这类更长的名称除外）；汇编中，页面自己的标题（第一篇的标题）在后面各篇中粘连出现也报告；
    编者说明“这是某某同志在……上的讲话。”不报（以“这是”开头、标题后接着写下去的正文句子不是编者说明）；标题单独成行（重复标题行，包括保存的网页在 `<title>` 行之后、按源码缩进印出的文章标题，或带脚注号“[1]”的标题）不在此报告。
    通讯社电头（“新华社莫斯科11月18日电”“本报讯（记者 某某）”）之后紧接的标题是通讯社发布全文时印出的
    文件本身的标题（公报、决定的标题，其后才是正文），不报。丢了换行的公文记录，正文行开头就是
    公文自己的标题、接着文号或主送机关（“……的通知某府发〔2021〕17号各区人民政府，……：”），这是
    公文头，不报；段首以本篇标题作主语、接着逗号和“根据”“是”“主要”等写下去的句子（规划纲要
    的序言“……规划纲要，根据……编制，主要阐明……”）是正文，不报；标题作为附件下载链接的文件名（“附件：……的通知.pdf”）回到正文中照常报告。
    修复删除混入的文字。
    """

    code = "P201"
    name = "boilerplate.injected-title"
    category = Category.INJECTED_BOILERPLATE
    severity = Severity.WARNING
    group_after = 10  # a page full of one defect is reported once, the rest related
    summary = Message("正文中混入了标题。", "A title was injected into the body text.")
    message = Message(
        "正文中混入了{kind_zh}“{text}”。", "The {kind_en} “{text}” was injected into a sentence."
    )
    fixable = True
    examples = Examples(
        bad=(
            Example(
                "第一篇：在全县春耕生产动员会上的讲话\n同志们：\n今年要抓好春耕，在全县春耕生产动员会上的讲话。下面我讲三点。",
                fixed="第一篇：在全县春耕生产动员会上的讲话\n同志们：\n今年要抓好春耕。下面我讲三点。",
            ),
            Example(
                "各项工作稳步推进，讲话稿《在全镇安全生产会议上的讲话》。",
                fixed="各项工作稳步推进。",
            ),
            Example(
                "# 某省河道管理条例\n\n第一条 为了加强河道管理，制定本条例。某省河道管理条例"
                "县级以上人民政府应当加强领导。",
                fixed="# 某省河道管理条例\n\n第一条 为了加强河道管理，制定本条例。"
                "县级以上人民政府应当加强领导。",
                note="the title glued between two sentences",
            ),
        ),
        good=(
            "在全县春耕生产动员会上的讲话\n同志们：\n这次会议很重要。",
            "认真学习总书记在全国两会上的重要讲话精神。",
            "今年《政府工作报告》提出的目标任务全面完成。",
            "# 某省河道管理条例\n\n第三十条 本条例自2025年1月1日起施行。"
            "2001年公布的《某省河道管理条例》同时废止。",
        ),
    )
    basis = "范文网站的标题注入（domain-rules §6.2）"

    def check(self, doc: Document) -> Iterator[Finding]:
        reported: set[int] = set()
        taken: list[Span] = []
        for index, part in enumerate(doc.facts(Compilation).items):
            titles = tuple(t for t in part.titles if not _CLAUSE_PUNCT.search(t.text))
            part = dataclasses.replace(part, titles=titles)
            # The page's own title is pasted anywhere in the page, also into the later
            # documents of a compilation; a later document's title only into its own text.
            end = len(doc.text) if index == 0 else part.span.end
            for finding in self._own_titles(doc, part, end, taken):
                reported.add(finding.span.start)
                yield finding
        for finding in self._labelled_titles(doc):
            if finding.span.start not in reported:
                yield finding

    def _own_titles(
        self, doc: Document, part: Part, limit: int, taken: list[Span]
    ) -> Iterator[Finding]:
        text = doc.text
        for searched, title, how in _searched_titles(text, part):
            spans = list(self._pasted(text, part.body_start, limit, searched, how))
            if how is _How.GLUED and spans.count(None) >= _THESIS_REPEATS:
                continue  # the article's thesis: the body says it itself again and again
            for span in spans:
                if span is not None and not any(
                    t.start < span.end and span.start < t.end for t in taken
                ):
                    taken.append(span)
                    yield self.report(
                        span,
                        text=searched,
                        kind_zh="本篇标题",
                        kind_en="document's title",
                        related=(Related(title, Message("标题", "the title")),),
                        fix=_removal(text, span),
                    )

    @staticmethod
    def _pasted(
        text: str, body_start: int, limit: int, searched: str, how: _How
    ) -> Iterator[Span | None]:
        """Every place the body holds the title: the span pasted there, or None where the body
        says it itself."""
        start = text.find(searched, body_start, limit)
        while start != -1:
            end = start + len(searched)
            if _after_dateline(text, start):
                yield None  # the heading of a full text the agency releases
            elif how is _How.GLUED:
                yield _glued(text, start, end)
            elif how is _How.SPLITTING:
                yield _splitting(text, start, end)
            else:
                yield _injected(text, start, end)
            start = text.find(searched, end, limit)

    def _labelled_titles(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        for match in (m for probe in _LABELLED for m in probe.finditer(text)):
            start = match.start()
            if text.startswith("稿", start):
                if not text.startswith(_GENRES, start - 2):
                    continue
                start -= 2
            span = Span(start, match.end())
            yield self.report(
                span,
                text=text[span.start : span.end],
                kind_zh="标题标签",
                kind_en="title label",
                fix=_removal(text, span),
            )
        for end_match in _TITLE_END.finditer(text):
            clause = _TITLE_CLAUSE.search(text, max(0, end_match.start() - 42), end_match.start())
            if clause is None or not clause.start() or text[clause.start() - 1] not in _CLAUSE_END:
                continue
            if _in_source_note(text, clause.start()):
                continue
            span = Span(clause.start(), end_match.end())
            yield self.report(
                span,
                text=text[span.start : span.end],
                kind_zh="讲话标题",
                kind_en="speech title",
                fix=_removal(text, span),
            )


def _after_dateline(text: str, start: int) -> bool:
    """A news agency's dateline ends right before ``start`` on its line."""
    return _DATELINE_BEFORE.search(text, max(0, start - _DATELINE_REACH), start) is not None


def _in_source_note(text: str, clause: int) -> bool:
    """The clause ends a sentence that says what the speech was ("这是……后，在……上的讲话"):
    the sentence opens with the note's words, shortly before the title. A sentence of the body
    that opens with 这是 and runs on ("这是……的结果，是……的结果") is no note."""
    start = _SENTENCE_START.search(text, max(0, clause - _NOTE_REACH), clause)
    note = _SOURCE_NOTE.match(text, start.end() if start else max(0, clause - _NOTE_REACH))
    return note is not None and clause - note.end() <= _NOTE_TITLE_REACH


class _How(enum.Enum):
    """Where a text searched for counts as pasted (see ``_searched_titles``)."""

    PASTED = "anywhere in a sentence, unless the sentence names it"  # ``_injected``
    GLUED = "where it runs into the words around it"  # ``_glued``
    SPLITTING = "where it splits a word"  # ``_splitting``


def _searched_titles(text: str, part: Part) -> list[tuple[str, Span, _How]]:
    """The texts a site pastes back, longest first, each with the span of the title it is
    and where it counts as pasted.

    A title set over several lines (``国务院关于印发……改革`` / ``实施方案的通知``) is one title:
    it names its genre on its last line; the whole and its first line (the issuer and the
    subject's head) are searched, later lines being fragments the body may well repeat. A
    title that is a sentence or a slogan names no genre and is not searched. A line of the
    title the body may well say itself (an issuer, ``某某市教育局``; the subject's head) counts
    only where it splits a word (``设备购某某市教育局置``).
    """
    groups: list[list[Title]] = []
    for title in part.titles:
        if groups and not text[groups[-1][-1].span.end : title.span.start].strip():
            groups[-1].append(title)
        else:
            groups.append([title])
    searched: dict[str, Span] = {}
    slogans: dict[str, Span] = {}
    lines_of: dict[str, Span] = {}  # title lines the body may say: pasted where splitting a word
    for group in groups:
        whole = Span(group[0].span.start, group[-1].span.end)
        first = group[0].text
        # A line of the group that names a genre is a title of its own (``1990年政府工作报告``
        # over its motto); the motto alone is a slogan.
        lines = tuple(t.text for t in group if len(group) > 1 and _GENRE_TITLE.search(t.text))
        if not _GENRE_TITLE.search(group[-1].text):
            texts: tuple[str, ...] = lines
            for t in group:
                # a title that is a body's name (a message headed 某某燃气公司) is a name the
                # body uses, not a slogan
                if not _GENRE_TITLE.search(t.text) and _is_headline(t.text) \
                        and not is_issuer_line(t.text):
                    slogans.setdefault(t.text, whole)
                elif is_issuer_line(t.text):
                    lines_of.setdefault(t.text, whole)
        else:
            # A 公文 title's first line may be its issuer alone (``某某县人民政府办公室``), which
            # the signature, the 印发 line and the body name again on purpose; an issuer that
            # forwards (``某某办公厅转发某某局``) is the head of the title.
            alone = is_issuer_line(first) and not _FORWARDS.search(first)
            # A first line naming no issuer and no act (关于, 印发), and not left open on 的, is
            # the subject's head (``移动智能终端应用软件预置`` / ``和分发管理暂行规定``): a term.
            heads = (first,) if len(group) > 1 and not alone and _TITLE_HEAD.search(first) else ()
            texts = ("".join(t.text for t in group), *heads, *lines)
            if len(group) > 1 and not heads:
                lines_of.setdefault(first, whole)
        for words in texts:
            if is_distinctive(words) and words.count("《") == words.count("》"):
                searched.setdefault(words, whole)
            elif len(words) >= _MIN_SLOGAN and not _NOT_HAN.search(words):
                # A short title (``政府工作报告``) is a name the body uses: it counts as
                # pasted only where it runs into the words around it, like a slogan.
                slogans.setdefault(words, whole)
    found = [(words, span, _How.PASTED) for words, span in searched.items()]
    found += [(words, span, _How.GLUED) for words, span in slogans.items() if words not in searched]
    found += [
        (words, span, _How.SPLITTING)
        for words, span in lines_of.items()
        if words not in searched and words not in slogans and len(words) >= _MIN_SLOGAN
        and not _NOT_HAN.search(words)
    ]
    return sorted(found, key=lambda item: -len(item[0]))


def _is_headline(title: str) -> bool:
    """A title that is a sentence, a slogan or a news headline, mostly Chinese: a site's label
    (``[视频]``), a figure (``前10个月``) or a bracket (``（总理）``) in it are part of what a
    scraper pastes back. A headline that cites a work (``《某某文选》第一卷主要篇目介绍``) is a
    name the body uses in its own sentences (``现将《某某文选》第一卷主要篇目介绍如下``)."""
    han = len(_HAN.findall(title))
    return han >= _MIN_SLOGAN and 2 * han >= len(title) and "《" not in title


def _injected(text: str, start: int, end: int) -> Span | None:
    """The span of a title found at ``start``–``end`` when it was pasted into a sentence: as a
    clause of its own (``……基础，在……上的讲话。``), between two sentences or inside one. None
    when the text names the title on purpose: in book-title marks or quotes, alone on its line
    (a repeated title line), or in an editor's note (``这是……上的讲话``)."""
    if start and text[start - 1] == "《" and end < len(text) and text[end] == "》":
        start, end = start - 1, end + 1
        cited = True  # a citation, unless it stands as a clause of its own
    elif _enclosed(text, start, end):
        return None
    else:
        cited = False
    before = text[start - 1] if start else "\n"
    after = text[end] if end < len(text) else "\n"
    if _alone_on_line(text, start, end):
        return None  # a title line (indented by a page's source or not): a heading, not a paste
    if _heads_document(text, start, end):
        return None  # the document's own head, its line breaks lost
    if before in "\r\n" and _SUBJECT_AFTER.match(text, end):
        return None  # the subject of the paragraph's sentence: "……规划纲要，根据……编制"
    clause = before in _CLAUSE_BEFORE + "\r\n" and after in _CLAUSE_AFTER + "\r\n"
    if cited and not clause:
        return None
    if not clause and (
        _REFERENCE_AFTER.match(text, end)
        or _REFERENCE_BEFORE.search(text, max(0, start - 4), start)
    ):
        return None  # the sentence names the title: "学习王书记在……上的讲话精神"
    if before not in _CLAUSE_BEFORE and _NOTE_END.match(text, end) and _in_source_note(text, start):
        return None
    return Span(start, end)


def _alone_on_line(text: str, start: int, end: int) -> bool:
    """Only spaces stand between the text and its line's edges: a heading line, as a saved web
    page prints the article's own headline under its ``<title>`` (T101 reports a repeat)."""
    head = _LINE_HEAD.search(text, max(0, start - _LINE_REACH), start)
    tail = _LINE_TAIL.match(text, end, min(len(text), end + _LINE_REACH))
    return head is not None and tail is not None


def _heads_document(text: str, start: int, end: int) -> bool:
    """The title opens its line and runs on into a 文号 or an addressee: the head of the
    document itself, set in one line by a record that lost its breaks (see ``_HEAD_AFTER``)."""
    if _LINE_HEAD.search(text, max(0, start - _LINE_REACH), start) is None:
        return False
    return _HEAD_AFTER.match(text, end, min(len(text), end + 2 * _LINE_REACH)) is not None


def _glued(text: str, start: int, end: int) -> Span | None:
    """A title that is a sentence or a slogan (``提倡深入细致的工作``), which the body may well say
    itself, counts as pasted only where it runs into the next words with no mark between, after
    a sentence's end or inside a sentence (``……不实际。提倡深入细致的工作要多做点工作``): a
    sentence that says it goes on with a mark or a particle (``要提倡深入细致的工作。``,
    ``……的工作，``, ``……的工作是……``)."""
    before = text[start - 1] if start else "\n"
    if before in "）)" and start >= 2 and text[start - 2] in "。！？":
        before = "。"  # a bracketed remark closed its sentence: "……（毛泽东：几个大运动。）"
    if not (_HAN.match(text, end) and (before in "。！？" or _HAN.match(before))):
        return None
    if _CONTINUES.match(text, end) or _enclosed(text, start, end):
        return None
    if before in _ISSUER_END and _NAME_TAIL.match(text, start):
        return None  # a longer name that ends with the title: "市政府工作报告"
    if _REFERENCE_BEFORE.search(text, max(0, start - 4), start) or _REFERENCE_AFTER.match(text, end):
        return None
    if _GOVERNED_BEFORE.search(text, max(0, start - 4), start):
        return None  # the text's own phrase: "为提高……能力搭建平台", "对……有了认知"
    return Span(start, end)


def _splitting(text: str, start: int, end: int) -> Span | None:
    """A line of the title the body may say itself (an issuer's name) counts as pasted only
    where the characters on both sides of it make one word (``设备购某某市教育局置``: 购置;
    ``实行校某某厅长负责制``: 校长): a sentence that names the issuer leaves its words whole."""
    if not (start and _HAN.match(text[start - 1]) and _HAN.match(text, end)):
        return None
    if _enclosed(text, start, end) or not joins_a_word(text, Span(start, end)):
        return None
    return Span(start, end)


def _enclosed(text: str, start: int, end: int) -> bool:
    """Whether the text at ``start``–``end`` stands inside a pair of book-title marks or
    quotes on its line (part of a longer title the text cites)."""
    lo = max(0, start - _ENCLOSURE_REACH)
    hi = min(len(text), end + _ENCLOSURE_REACH)
    for opening, closing in _PAIRS:
        before = text.rfind(opening, lo, start)
        if before == -1 or text.rfind(closing, before, start) != -1:
            continue
        if regex.search(r"[\r\n]", text[before:start]):
            continue
        after = text.find(closing, end, hi)
        if after != -1 and not regex.search(r"[\r\n]", text[end:after]):
            return True
    return False


def _removal(text: str, span: Span) -> Fix:
    """Delete the injected words, and the comma that joined them to the sentence when they
    stood as a clause of their own."""
    start, end = span.start, span.end
    after = text[end] if end < len(text) else "\n"
    closes = after in _CLAUSE_AFTER or after in "\r\n"
    if start and text[start - 1] in _DROP_BEFORE and closes:
        start -= 1
    elif after in _CLAUSE_AFTER and (not start or text[start - 1] in _CLAUSE_BEFORE + "\r\n"):
        end += 1
    return Fix((Edit(Span(start, end), ""),), Message("删除混入的标题", "Delete the injected title"),
               UNSAFE)
