"""P101: template placeholders that were never filled in."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from doclint.core import (
    Category,
    Document,
    Example,
    Examples,
    Finding,
    Message,
    Rule,
    Severity,
    Span,
)
from doclint.core.lazyregex import lazy_regex, matches_at_least
from doclint.rules.structure.catalogue import is_catalogue
from doclint.rules.templates.anonymised import SURNAMES, Anonymisation
from doclint.rules.templates.model_text import ModelTexts
from doclint.rules.templates.scan import Gated, Opened, Windowed, line_end, line_start

_X = r"[XxＸｘ×]"
# A bracketed field name a template asks to fill in: "[单位名称]", "【姓名】", "［填写日期］".
_FIELD = (
    r"(?:(?:填写|填入|输入|此处填写?)[^\[\]【】［］\r\n]{1,8}|[^\[\]【】［］\s，。：:]{0,6}"
    r"(?:名称|姓名|单位|日期|时间|地点|金额|数额|数量|职务|电话|地址|号码))"
)
# Each probe finds one kind of placeholder a template leaves behind, and runs only when its
# key character occurs. Latin X only counts when it is not part of a Latin word (XXL,
# XXX-Large) and stands next to Chinese text or a date unit.
_PROBES = (
    (
        "date",
        Windowed(
            "XxＸｘ×",
            lazy_regex(
                rf"(?:(?:19|20){_X}{{2}}|(?:19|20)\d{_X}|{_X}{{2,4}})年(?:{_X}{{1,2}}月(?:{_X}{{1,2}}日)?)?"
                rf"|(?<![A-Za-z\d]){_X}{{1,2}}月{_X}{{1,2}}日|(?<![A-Za-z\d])(?:19|20){_X}{{2}}(?![A-Za-z\d])"
            ),
            before=4,
            after=16,
        ),
    ),
    (
        "letters",
        Windowed(
            "XxＸｘ×",
            lazy_regex(r"(?<![A-Za-z\d])(?:[XxＸｘ]{2,}+|×(?:[ \u3000]?×)++)(?![A-Za-z\d])"),
            before=16,
            after=24,
        ),
    ),
    ("letters", Gated("＊*", lazy_regex(r"(?<![A-Za-z\d])[＊*]{2,}+(?![A-Za-z\d])"))),
    ("letters", Gated("□", regex.compile(r"□{2,}"))),
    ("letters", Opened("○〇", regex.compile(r"[○〇]{2,}(?=\p{Han})"))),
    ("mou", Gated("某", regex.compile(r"某(?:年某月(?:某日)?|某+)"))),
    ("empty", Gated("、", lazy_regex(r"、(?:[、，,]|[ \t\u3000]*、){1,3}(?=[\p{Han}\d，。；])"))),
    ("field", Opened("[【［", lazy_regex(rf"[\[【［]{_FIELD}[\]】］]"))),
    ("slot", Gated("〔", regex.compile(r"〔\s*〕"))),
)
PROBE_KEYS = tuple(sorted({key for _kind, probe in _PROBES for key in probe.keys}))
# 〇〇 appears inside Chinese-numeral years (二〇〇五年): excluded by requiring a Han neighbour
# for ○/〇 and by skipping matches inside such a year.
_CHINESE_YEAR = lazy_regex(
    r"[一二三四五六七八九〇零○]{2,}[〇○]{2}|[〇○]{2}[一二三四五六七八九〇零○]"
)
_CHINESE_CONTEXT = lazy_regex(r"[\p{Han}\p{Ps}\p{Pe}\p{Pi}\p{Pf}，。、；：？！\n\r]")
_HAN = lazy_regex(r"\p{Han}")
# Where the clause of a list item begins: the last mark that ends a clause before it.
_CLAUSE_START = lazy_regex(r"(?r)[，,。；;：:！？\n]")
_CLAUSE_REACH = 80
_ITEM_MAX = 12  # the characters of one listed item
# What an empty list item follows: an item ("甲、、丙"), the mark that opened the list
# ("，、、等", "。、、等") or the number of the item it is in ("13.、、等其他各项税收"); no list
# starts with its separator.
_LIST_BEFORE = lazy_regex(r"[\p{Han}\d，：（“。；！？]|(?<=[0-9０-９])[.．]")
# What an anonymiser masks: names, places and numbers. A masked date ("20XX年X月X日"), an
# empty list item or an empty number slot is still a template's.
_MASKS = frozenset({"letters", "mou"})

# A text that prescribes a form shows its blanks on purpose: a numbering scheme ("编排方式为：
# X妆XXXXXXXX"), the wording of a notice ("规范用语是：……处以XX元罚款"), a file or naming
# pattern ("文件名：XX县申报材料", "以“XX报”等为名"). The cue is in the sentence, or opens the
# paragraph the model text belongs to.
_FORM_CUE = lazy_regex(
    r"编排方式|编号规则|编码规则|格式|式样|样式|字样|用语|文件名|命名|名义|为名|冠名|挂牌|示例|举例|"
    r"例如|比如|模板|范本|范例|写明|注明|标明|印有"
)
_MODEL_TEXT = lazy_regex(r"(?:用语|格式|式样|样式|范本|范例|示例)(?:是|为|如下)?[：:]")
# A typical utterance quoted as an example of what people say (经常遇到的场景是：“我是负责xxx的，
# ……”): its stand-in is the speaker's, like the 谁谁谁 of the reply.
_HYPOTHETICAL_CUE = lazy_regex(r"场景|情景|情形|假如|假设|譬如|比方|好比|谁谁|常说|总说|往往说")
_QUOTE_OPEN = lazy_regex(r"(?r)[“”]")
# A quoted formula of counts named as a model or mechanism of work: its letter is a variable.
_COUNT_TERM = lazy_regex(r"(?<![0-9.])[0-9]{1,2}(?:个|名|支|家|项|套|条|户|人|位|\+|＋)")
_MODEL_NAME = lazy_regex(r"的?\p{Han}{0,8}?(?:模式|机制|工作法|体系|格局|模型|架构|体制|服务法)")
_MODEL_QUOTE_REACH = 60
_SENTENCE_END = lazy_regex(r"[。！？\r\n]")
_SENTENCE_END_BACK = lazy_regex(r"(?r)[。！？\r\n]")
_SENTENCE_REACH = 160
# "××××3为首次注册年份", "X代表许可部门": a slot the text defines.
_DEFINED_SLOT = lazy_regex(r"\d*(?:为|代表|表示|指)")
# The name of a form's file: "4.XX企业研发项目总体资料.doc".
_FILE_NAME = lazy_regex(r"[^\s。，；：]{0,40}?\.(?:docx?|xlsx?|wps|pdf|et)\b", regex.I)
# A product's designation, not a blank: "XX型号", "XX款".
_DESIGNATION = lazy_regex(r"(?:型号?|款|系列)")
# A note that explains a notation names the empty brackets as a mark ("注：带〔〕的数据为累计数",
# "〔〕内数字表示增量"): an empty document number has its issuer's code before it and its
# serial number after it.
_NOTATION_BEFORE = lazy_regex(r"(?:带|用|以|加|标有|标注|括号)$")
_NOTATION_AFTER = lazy_regex(r"(?:内|中|里)?的?(?:数据|数字|数值|指标|表示|为|系|指)")
# A name the text prescribes, quoted after the verb that sets it ("设置为“某某村文化讲堂”",
# "统一命名为“某某社区服务站”"): 某某 stands for each place's own name.
_PRESCRIBED_NAME = lazy_regex(
    r"(?:设置|设|命名|定名|统一|称|名|标|写|印|挂|书写|制作|标注|写明|注明|冠以|格式)"
    r"(?:为|作|成)?[：:]?[“「『][^“”「」『』\r\n]{0,20}$"
)
_QUOTE_CLOSE = lazy_regex(r"[^“”「」『』\r\n]{0,20}[”」』]")

_EMPHASIS = {
    run: lazy_regex(rf"{regex.escape(run)}(?=\S)[^\r\n]{{1,200}}?(?<=\S){regex.escape(run)}")
    for run in ("**", "***")
}
# A text that uses Markdown's bold (``**央视网消息**``) on two lines or more: its other ASCII star
# runs at a line's edge, or ``****`` between words, are the same markup split or orphaned.
_BOLD = lazy_regex(r"\*\*(?=[^\s*])[^\r\n*]{1,200}?(?<=[^\s*])\*\*")
_BOLD_LINES = 2
# Masks of a withheld name (see ``masked``).
_WORD = lazy_regex(r"[\p{Han}A-Za-z]")
_NAME_END = lazy_regex(r"[”’」』\"'，,。：:；;、！？!?）)\s]")
_ADDRESSED_AFTER = lazy_regex(r"[”’\"']?(?:先生|女士|网友|同学)")
_ADDRESSED_BEFORE = lazy_regex(
    r"(?:网友|网民|用户|市民|来信人|留言人|投诉人|举报人|反映人|申请人|当事人)[“‘\"'：:]?\p{Han}?$"
)

_KIND = {
    "date": Message("日期占位符“{text}”未填写。", "Unfilled date placeholder “{text}”."),
    "letters": Message("占位符“{text}”未替换。", "Unfilled placeholder “{text}”."),
    "mou": Message("占位符“{text}”未替换。", "Unfilled placeholder “{text}”."),
    "empty": Message(
        "列举项是空的：“{text}”之间缺少内容。", "Empty list item: nothing between “{text}”."
    ),
    "field": Message("待填写的栏目“{text}”未填写。", "Unfilled template field “{text}”."),
    "slot": Message(
        "文号的年份是空的：“{text}”。", "The document number's year is empty: “{text}”."
    ),
}


@dataclass(frozen=True, slots=True)
class Placeholder:
    span: Span
    kind: str
    text: str


class Placeholders:
    """Every placeholder of the document, found once and shared (P101, P104)."""

    def __init__(self, items: list[Placeholder]) -> None:
        self.items = items

    @classmethod
    def from_document(cls, doc: Document) -> Placeholders:
        text = doc.text
        items: list[Placeholder] = []
        for kind, probe in _PROBES:
            for match in probe.finditer(text):
                start, end = match.start(), match.end()
                if not _plausible(text, kind, start, end) or any(
                    p.span.start < end and start < p.span.end for p in items
                ):
                    continue
                kind_found = "date" if match.group().startswith("某年") else kind
                items.append(Placeholder(Span(start, end), kind_found, match.group()))
        if any(_stars(p) for p in items) and uses_bold(text):
            items = [p for p in items if not (_stars(p) and _bold_markup(text, p.span))]
        if any(p.kind in _MASKS for p in items):
            anonymisation = doc.facts(Anonymisation)
            if anonymisation.anonymised:
                items = [p for p in items if p.kind not in _MASKS]
            elif anonymisation.names_withheld:
                items = [p for p in items if p.kind != "mou"]
        if items:  # NOTE: the model texts are found only where they may matter
            model = doc.facts(ModelTexts)
            items = [p for p in items
                     if not on_purpose(text, p) and not model.covers(p.span.start)]
        if any(_lacuna_mark(p) for p in items) and _catalogue(text):
            items = [p for p in items if not _lacuna_mark(p)]
        return cls(sorted(items, key=lambda p: p.span.start))


class TemplatePlaceholder(Rule):
    """模板中未替换的占位符：`XX`、`××`、`某某`、`＊＊`、`□□`、`X月X日`、`20XX年`、`202X年`、`某年某月`，
    待填写的栏目 `[单位名称]`、`【姓名】`，空的列举项 `、、`（“甲、、丙”“，、、等”“200元、、400元”；
    逗号前的 `、，` 只在同一分句前面已有顿号时才是丢了末项，“基础、，”是多余的顿号，归 BD003），
    以及空的文号年份 `〔〕`。

    范文网站和公文模板用这些记号标出应由使用者填写的位置；留在成稿里说明文档没有编辑完。
    单个“某”（某地、某企业）是正常的泛指，不报；汉字年份中的“〇〇”不报；拉丁词中的 X（XXL）不报；
    公文附件表格中的下划线是留给收文单位填写的，不报。

    有意写出的空位也不报：规定格式的条文（“编号的编排方式为：X妆XXXXXXXX”“规范用语是：……
    处以XX元罚款”“文件名：XX县申报材料”“以“XX报”等为名”）、文中定义的编号位（“××××3为
    流水号”）、表格文件名、产品型号（“XX型号”），以及匿名称呼（“王某某”）。本身就是模板或起草参考
    的部分也不报：标题写明“编写参考”“（参考文本）”“（样本）”“（格式）”“示范文本”“范本”
    “填写说明”的附件或文档，以及“参考条款如下：”引出的条文，其中的“××单位”“20XX年”是留给
    使用者填写的格式；范围从该标题到下一个附件或文档结尾，文中其他部分照常检查。附件本身是待填写的
    空白表格、证书时（有两类以上的填写位：“第〔　　〕号”“（盖章）”“　年　月　日”、下划线、□），
    其中的空位同样不报。遮蔽的姓名不是占位符：只遮去名字后半的“烦***”“王**”、姓后的“李××”，
    答复信中被称呼的“***女士”“网友“***””，都是发布者有意隐去的；而代替整个名字、后接职务或
    动作的“***同志”“由××牵头”仍然报告。经过匿名化处理的
    文档（地名改为“A市A2区”、证件号码遮蔽为一长串“*”、电话号码改为“0000-00000000”）中，
    XX、***、某某是发布者有意遮蔽的姓名、地名和号码，不是模板残留，不报；公文档案中遮蔽了
    人员信息的文档也是这样：电话、证件号码只遮去末几位（“1398605XXXX”“029-8100XXXX”）、
    邮箱只遮去用户名（“XXX@…”）、遮去了总书记的姓名（“XXX总书记”），或在带本文文号
    （“〔2022〕41号”）的文档中遮去了签发人、联系人或多个姓名。模板的空位是整段的（“电话：
    XXXX”），不会留下真实号码的前几位。这些文档中的日期占位符、空列举项和空文号年份仍然报告。
    表注说明记号的“注：带〔〕的数据为累计数”中的“〔〕”，规定命名格式时引号中的“某某”（“统一设置为
    “某某村文化讲堂””），以及古籍目录（多条“（清）某某撰”式著录）中代表无法辨认的字的“□”
    （“（□）□□撰”“□□卷”）都是有意写出的，不报。
    作为典型情形引用的话语（“经常遇到的场景是：“我是负责xxx的，……””）中的 xxx 是说话人的
    泛指，不报。用 Markdown 加粗（“**央视网消息**”）的文本中，加粗记号被拆开
    或落单时（单独一行的“**”、上一行加粗到下一行才闭合、两段加粗相接的“**农业农村****部：……**”）
    是格式记号，不是遮蔽的姓名，不报；行内的“由**牵头”照常报告。
    """

    code = "P101"
    name = "template.placeholder"
    category = Category.PLACEHOLDER
    severity = Severity.ERROR
    group_after = 10  # a page full of one defect is reported once, the rest related
    # Its findings are the probes' matches, each run only when one of its keys occurs.
    anchors = PROBE_KEYS
    summary = Message("模板占位符未替换。", "A template placeholder was left in the text.")
    examples = Examples(
        bad=(
            "刚才，XX书记作了重要讲话。",
            "会议定于20XX年X月X日召开。",
            "要加快建设、、三个工业园区。",
            "重点推进某某工业园区建设。",
            Example("县政办发〔〕12号", note="empty year in a document number"),
            "请[单位名称]于本月底前报送。",
        ),
        good=(
            "二〇〇五年是“十五”计划的最后一年。",
            "某企业负责人表示将加大投资。",
            "服装尺码包括XL和XXL两种。",
            "为群众提供“7×24小时”服务。",
            "许可证编号的编排方式为：X妆XXXXXXXX。其中，第一位X代表省份简称。",
            "您反映的A市A2区小区供水问题，经XX同志核实，现答复如下。",
            "附件3：某省××产业联盟章程编写参考\n第五条　秘书处依托××单位设立。",
            "网友“烦***”：您好！您反映的问题已收悉。",
            "某电人〔2021〕15号\n各单位：决定XXX同志任办公室主任。联系人：XXX，电话：0571-8123XXXX。",
            "附件\n建设工程规划许可证\n建字第〔　　〕号\n发证机关（盖章）\n　　年　　月　　日",
        ),
    )
    basis = "模板残留（domain-rules §6.1）"

    def check(self, doc: Document) -> Iterator[Finding]:
        for item in doc.facts(Placeholders).items:
            yield self.report(item.span, _KIND[item.kind], text=item.text)


def on_purpose(text: str, item: Placeholder) -> bool:
    """A blank the text shows on purpose: in a form it prescribes, a slot it defines, a file
    name, a product designation, a person it names anonymously (王某某), or a name it masks."""
    start, end = item.span.start, item.span.end
    if item.kind == "slot":
        return bool(
            _NOTATION_BEFORE.search(text, max(0, start - 4), start) or _NOTATION_AFTER.match(text, end)
        )
    if item.kind == "mou":
        return (start > 0 and text[start - 1] in SURNAMES) or _prescribed_name(text, start, end)
    if item.kind == "field":
        return _labelled_values(text, start, end)
    if item.kind not in ("letters", "date"):
        return False
    if item.kind == "letters" and masked(text, start, end):
        return True
    if _DEFINED_SLOT.match(text, end) or _DESIGNATION.match(text, end):
        return True
    if _FILE_NAME.match(text, end):
        return True
    back = _SENTENCE_END_BACK.search(text, max(0, start - _SENTENCE_REACH), start)
    ahead = _SENTENCE_END.search(text, end, end + _SENTENCE_REACH)
    sentence_start = back.end() if back else max(0, start - _SENTENCE_REACH)
    if _FORM_CUE.search(text, sentence_start, ahead.start() if ahead else len(text)):
        return True
    if item.kind == "letters" and _quoted_example(text, sentence_start, start):
        return True
    if item.kind == "letters" and _named_model(text, sentence_start, start, end):
        return True
    return bool(_MODEL_TEXT.search(text, line_start(text, start), start))


# A bracketed label with its value right after it, then the next label: a page's metadata written
# as fields ([发布日期]1996年12月17日　　[发布单位]某省人民代表大会常务委员会　　[发文号]…).
_FILLED_FIELD = lazy_regex(r"[\[【［][^\[\]【】［］\r\n]{1,8}[\]】］][^\s\[【［，。：:]")


def _labelled_values(text: str, start: int, end: int) -> bool:
    """The field holds its value: a figure right after it ([联系电话]0311-…, [发布日期]1996年…), or
    any value when its line holds another label with its value."""
    if not _FILLED_FIELD.match(text, start):
        return False
    if text[end : end + 1].isdigit():
        return True
    first, last = line_start(text, start), text.find("\n", end)
    line = text[first : last if last != -1 else len(text)]
    return len(_FILLED_FIELD.findall(line)) >= 2


def _named_model(text: str, sentence_start: int, start: int, end: int) -> bool:
    """The letter is the variable term of a quoted formula of counts that names a way of working
    (按照“1个社区、1名区领导、X个配合单位”的服务模式): the other terms are figures."""
    quote = _QUOTE_OPEN.search(text, sentence_start, start)
    if quote is None or quote.group() != "“":
        return False
    close = text.find("”", end, end + _MODEL_QUOTE_REACH)
    if close == -1 or "\n" in text[end:close]:
        return False
    if not _COUNT_TERM.search(text, quote.end(), close):
        return False
    return _MODEL_NAME.match(text, close + 1) is not None


def _prescribed_name(text: str, start: int, end: int) -> bool:
    """The mark stands in a quoted name that its sentence prescribes (see ``_PRESCRIBED_NAME``)."""
    return bool(
        _PRESCRIBED_NAME.search(text, max(0, start - 40), start) and _QUOTE_CLOSE.match(text, end)
    )


def _lacuna_mark(item: Placeholder) -> bool:
    return item.kind == "letters" and item.text[0] == "□"


def _catalogue(text: str) -> bool:
    """The text holds a catalogue of old books (``structure/catalogue.py``), whose □ marks a
    character that could not be read."""
    return is_catalogue(text)


def _quoted_example(text: str, sentence_start: int, start: int) -> bool:
    """The mark stands in a quotation that its sentence introduces as a typical case
    (“经常遇到的场景是：“我是负责xxx的……”)."""
    quote = _QUOTE_OPEN.search(text, sentence_start, start)
    if quote is None or quote.group() != "“":
        return False
    return _HYPOTHETICAL_CUE.search(text, sentence_start, quote.start()) is not None


def masked(text: str, start: int, end: int) -> bool:
    """Whether the marks at ``start``–``end`` mask part of a name the publisher withheld: the
    tail of a name or nickname (“烦***”, 王**，), a surname's given name (“李××”), a citizen
    the reply addresses (网友“***”, ***女士). A template's blank stands for a whole name and
    is followed by what the name does (***同志, XX书记, 由××牵头)."""
    before = text[start - 1] if start else "\n"
    name_ends = _NAME_END.match(text, end) is not None or end == len(text)
    if text[start] in "*＊" and _WORD.match(before) and name_ends:
        return True
    if name_ends and before in SURNAMES and (start < 2 or not _WORD.match(text[start - 2])):
        return True
    if _ADDRESSED_AFTER.match(text, end):
        return True
    return _ADDRESSED_BEFORE.search(text, max(0, start - 8), start) is not None


def _plausible(text: str, kind: str, start: int, end: int) -> bool:
    if kind == "letters":
        return (
            not _inside_chinese_year(text, start, end)
            and _next_to_chinese(text, start, end)
            and not _emphasis(text, start, end)
        )
    if kind == "empty":
        return bool(start and _LIST_BEFORE.match(text, start - 1)) and (
            "、" in text[start + 1 : end] or _listed_before(text, start))
    return True


def _listed_before(text: str, at: int) -> bool:
    """The 、 closes a short item of a list in its clause: ``甲、乙、，`` lost its last item,
    where ``基础、，`` has a stray mark before its comma (BD003's), and so has ``网站、报刊等对…
    成果、，``, whose list closed with 等 long before."""
    clause = _CLAUSE_START.search(text, max(0, at - _CLAUSE_REACH), at)
    previous = text.rfind("、", clause.end() if clause else max(0, at - _CLAUSE_REACH), at)
    item = text[previous + 1 : at]
    return previous != -1 and len(item) <= _ITEM_MAX and "等" not in item


def _emphasis(text: str, start: int, end: int) -> bool:
    """Markdown's ``**bold**`` (or ``***…***``): the same run of ASCII stars opens and closes
    a stretch of one line, hugging its words."""
    stretch = _EMPHASIS.get(text[start:end])
    if stretch is None:
        return False
    lo, hi = line_start(text, start), line_end(text, end)
    return any(m.start() == start or m.end() == end for m in stretch.finditer(text, lo, hi))


def _stars(item: Placeholder) -> bool:
    return item.kind == "letters" and item.text[0] == "*" and set(item.text) == {"*"}


def uses_bold(text: str) -> bool:
    """The text marks bold the Markdown way (``**…**`` within a line) at least twice."""
    return matches_at_least(_BOLD, text, _BOLD_LINES)


def _bold_markup(text: str, span: Span) -> bool:
    """In a text that uses Markdown bold, a run of ASCII stars is its markup where no name can
    stand: alone on its line, opening a line (the closing ``**`` went to the next line) or
    closing one, or ``****`` between words (one bold stretch closed, the next opened). A mask
    inside a line (``联系人：**，``) is still a mask."""
    start, end = span.start, span.end
    before = text[line_start(text, start) : start].strip()
    after = text[end : line_end(text, end)].strip()
    return not before or not after or end - start == 4


def _next_to_chinese(text: str, start: int, end: int) -> bool:
    """Latin X's count only beside Chinese text, CJK punctuation or a line boundary."""
    before = text[start - 1] if start else "\n"
    after = text[end] if end < len(text) else "\n"
    return bool(_CHINESE_CONTEXT.match(before) or _CHINESE_CONTEXT.match(after))


def _inside_chinese_year(text: str, start: int, end: int) -> bool:
    window = text[max(0, start - 3) : end + 3]
    return bool(_CHINESE_YEAR.search(window))
