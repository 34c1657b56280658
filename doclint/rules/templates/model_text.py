"""Parts of a document that are themselves a template: their blanks are the form, not leftovers.

A notice often attaches the form it prescribes, and a drafting reference shows its user where to
write: ``附件3：××联盟协议书（章程）编写参考``, ``某某合同（示范文本）``, ``申请书（格式）``,
``填写说明``, or ``……参考条款如下：``; and a blank form attached to a notice, known by its
blanks (``第〔　　〕号``, ``（盖章）``, ``年　月　日``, underlines). Inside such a part ``××单位``,
``20XX年X月X日`` and ``（此处填写……）`` are slots the reader fills in. The part runs from its heading (or from the
sentence that introduces the model text) to the next attachment, the end of the document in a
compilation, or the end of the file; the rest of the file is judged as usual, so a speech's
``XX书记`` is still a leftover.
"""

from __future__ import annotations

import bisect

import regex

from doclint.core import Document, Span
from doclint.core.lazyregex import lazy_regex
from doclint.rules.structure.compilation import Compilation
from doclint.rules.structure.layout import Layout

# The name of a model text, at the end of its heading or in brackets after its title.
_BRACKETED = (
    r"[（(](?:参考|参考文本|参考格式|参考样式|参考样本|参考范本|示范文本|示范格式|推荐文本|样本|样式|"
    r"式样|格式|范本|范例|模板|模版|样表|样张|示例|填写说明)[）)]"
)
# Bare names that also name a topic ("规范公文格式", "推广合同范本") or a page's chrome ("默认样式",
# "网站模板") count only after the kind of document they model ("劳动合同范本", "申报书格式"), in a
# heading without a section number.
_TOPICAL = r"格式|式样|样式|样本|范本|模板|模版"
_DOCUMENT_KIND = (
    r"(?:书|合同|协议|章程|报告|表|函|证明|单|方案|计划|规定|办法|细则|文书|公告|通知|决定|请示|批复|"
    r"记录|清单|声明|说明)"
)
_BARE = (
    r"(?:编写|编制|撰写|起草|写作)(?:参考|提纲)|参考(?:文本|格式|样式|样本|范本)|示范(?:文本|格式)|"
    r"格式文本|填写说明|填报说明|填表说明|编写说明|" + _TOPICAL
)
_NAME = lazy_regex(rf"(?P<bracketed>{_BRACKETED})|(?P<bare>{_BARE})")
_TOPICAL_NAME = lazy_regex(rf"^(?:{_TOPICAL})$")
_MODELLED_KIND = lazy_regex(rf"{_DOCUMENT_KIND}$")
# A sentence that introduces the model text: "参考条款如下：", "格式如下：".
_INTRODUCTION = lazy_regex(
    r"(?:参考|示范|推荐)(?:条款|文本|格式|样式|范本|模板)?如下[：:]|(?:格式|范本|样式|模板|样本)如下[：:]"
)
# Where a heading begins: a line start, a paragraph gap of a flattened page, a sentence end.
_HEADING_START = lazy_regex(r"(?r)[\r\n。！？；;]|[ \t\u3000\u00a0]{2,}")
# Where a heading ends: a line end, a paragraph gap, the end of the text (a colon may follow).
_HEADING_END = lazy_regex(
    r"[ \t\u3000\u00a0]*[：:]?[ \t\u3000\u00a0]*(?:[\r\n]|$)|[：:]?[ \t\u3000\u00a0]{2,}"
)
_HEADING_REACH = 60
_CLAUSE = lazy_regex(r"[，,。；;！？]")
_BRACKETED_NOTE = lazy_regex(r"[（(][^（）()\r\n]*[）)]")
_SECTION_NUMBER = lazy_regex(
    r"[ \t\u3000#*]*(?:[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、．.]"
    r"|第[一二三四五六七八九十百\d]+[章节条])"
)
# The label of the next attachment ends the model text.
_ATTACHMENT = lazy_regex(
    r"(?:^|(?<=[\r\n。！？；;]|[ \t\u3000\u00a0]{2}))[ \t\u3000\u00a0#*]*附件[ \t\u3000]*"
    r"[0-9０-９一二三四五六七八九十]*[ \t\u3000]*(?:[：:]|[ \t\u3000]|$)",
    regex.M,
)
_BREAK_MARKS = frozenset("。！？：:；;")
# A blank form: what a form leaves for its user to write. An attachment that shows two kinds of
# these (a certificate with "第〔　　〕号" and "（盖章）", a register with "年　月　日" and
# underlines) is a form to fill in, whatever its title.
_FORM_CUES = (
    lazy_regex(
        r"(?<![\d０-９〇零一二三四五六七八九十XxＸｘ×])[ \t\u3000]+年[ \t\u3000]+月[ \t\u3000]+日"
    ),
    lazy_regex(
        r"[（(][ \t\u3000]*(?:盖章|签章|签字|签名|公章|印章|签字盖章|盖章签字|签名盖章)[ \t\u3000]*[）)]"
        r"|(?:盖章|签章|签字|签名)[ \t\u3000]*[：:]"
    ),
    regex.compile(r"_{3,}|＿{2,}"),
    # boxes to tick: □ ☐, or the £ a Wingdings box turns into when the font is lost (£是 £否)
    lazy_regex(r"〔[ \t\u3000]*〕|[（(][ \t\u3000]{2,}[）)]|[□☐]|£(?=[ \t\u3000]*\p{Han})"),
    lazy_regex(r"(?:填表人|填报人|填表日期|填报日期|经办人|审核人|负责人签字)[ \t\u3000]*[：:]"),
    # a field left empty on its line: 日期:, 联系方式：
    lazy_regex(r"^[ \t\u3000]*(?:日期|时间|联系人|联系方式|联系电话|电话|地址|姓名|编号|No\.?)"
               r"[ \t\u3000]*[：:][ \t\u3000]*$", regex.M),
)
_FORM_KINDS = 2
_KEYS = ("参考", "示范", "推荐", "样", "式", "范", "模", "说明", "提纲", "如下")


class ModelTexts:
    """``spans``: the parts of the document that are model texts (see the module docstring);
    ``covers(offset)``: whether an offset lies in one."""

    def __init__(self, spans: list[Span], forms: list[Span] | None = None) -> None:
        self.spans = spans
        self._starts = [s.start for s in spans]
        self.forms = forms or []  # the blank forms among them
        self._form_starts = [s.start for s in self.forms]

    def covers(self, offset: int) -> bool:
        index = bisect.bisect_right(self._starts, offset) - 1
        return index >= 0 and offset < self.spans[index].end

    def in_form(self, offset: int) -> bool:
        """Whether ``offset`` lies in a blank form, whose layout (fields and options set apart
        by spaces) is the form's."""
        index = bisect.bisect_right(self._form_starts, offset) - 1
        return index >= 0 and offset < self.forms[index].end

    @classmethod
    def from_document(cls, doc: Document) -> ModelTexts:
        text = doc.text
        forms = _forms(text)
        if not any(key in text for key in _KEYS):
            return cls(forms, forms)
        wrapped = doc.facts(Layout).line_structure_lost
        heads = sorted(
            [*_headings(text, wrapped), *(m.span() for m in _INTRODUCTION.finditer(text))]
        )
        if not heads:
            return cls(forms, forms)
        attachments = [m.start() for m in _ATTACHMENT.finditer(text)]
        compilation = doc.facts(Compilation)
        spans: list[Span] = []
        for start, head_end in heads:
            if spans and start < spans[-1].end:
                continue
            end = compilation.part_at(start).span.end
            following = bisect.bisect_left(attachments, head_end)
            if following < len(attachments):
                end = min(end, attachments[following])
            if end > start:
                spans.append(Span(start, end))
        return cls(_merged([*spans, *forms]), forms)


def _forms(text: str) -> list[Span]:
    """The attachments that are blank forms (see ``_FORM_CUES``), each from its label to the
    next attachment or the end of the file."""
    if "附件" not in text:
        return []
    starts = [m.start() for m in _ATTACHMENT.finditer(text)]
    if not starts:
        return []
    forms = []
    for start, end in zip(starts, [*starts[1:], len(text)], strict=True):
        kinds = sum(1 for cue in _FORM_CUES if cue.search(text, start, end))
        if kinds >= _FORM_KINDS:
            forms.append(Span(start, end))
    return forms


def _merged(spans: list[Span]) -> list[Span]:
    """Sorted spans, overlapping ones merged (``covers`` bisects the starts)."""
    merged: list[Span] = []
    for span in sorted(spans, key=lambda s: s.start):
        if merged and span.start <= merged[-1].end:
            merged[-1] = Span(merged[-1].start, max(merged[-1].end, span.end))
        else:
            merged.append(span)
    return merged


def _headings(text: str, wrapped: bool) -> list[tuple[int, int]]:
    """Where each heading that names a model text begins and ends. In a text whose lines were
    cut at a fixed width, a line that merely ends with a bare name ("……按照规定格式") is no
    heading: the line before a heading ends a sentence or labels an attachment."""
    found = []
    for match in _NAME.finditer(text):
        end = _HEADING_END.match(text, match.end())
        if end is None:
            continue
        back = _HEADING_START.search(text, max(0, match.start() - _HEADING_REACH), match.start())
        if back is None and match.start() > _HEADING_REACH:
            continue
        start = back.end() if back else 0
        heading = text[start : match.start()]
        unbracketed = _BRACKETED_NOTE.sub("", heading)
        if _CLAUSE.search(unbracketed) or heading.count("《") != heading.count("》"):
            continue  # a sentence that mentions a model text, or a book title
        if match.group("bare") and _TOPICAL_NAME.match(match.group()) and (
            _SECTION_NUMBER.match(heading) or not _MODELLED_KIND.search(heading)
        ):
            continue  # "三、规范公文格式": a section about formats
        if wrapped and match.group("bare") and not _after_a_break(text, start):
            continue
        if match.group("bracketed") and not heading.strip(" \t\u3000\u00a0"):
            start = _title_line_above(text, start)  # "××乡镇责任书" over "（范本）"
        found.append((start, end.end()))
    return found


def _title_line_above(text: str, start: int) -> int:
    """Where the line above ``start`` begins when it is a short title line (a bracketed name set
    on a line of its own belongs to it); else ``start``."""
    end = text.rfind("\n", 0, start)
    if end <= 0:
        return start
    line_start = text.rfind("\n", 0, end) + 1
    line = text[line_start:end].strip(" \t\u3000\u00a0\r")
    if not line or len(line) > _HEADING_REACH or _CLAUSE.search(_BRACKETED_NOTE.sub("", line)):
        return start
    return line_start


def _after_a_break(text: str, start: int) -> bool:
    """The line before ``start`` is blank, ends a sentence or a label, or is an attachment's."""
    before = text[max(0, start - _HEADING_REACH) : start]
    if before.strip(" \t\u3000\u00a0") and not before.endswith(("\n", "\r")):
        return True  # the heading opens after a paragraph gap or a sentence end
    lines = before.splitlines()
    previous = lines[-1].strip(" \t\u3000\u00a0") if lines else ""
    return not previous or previous[-1] in _BREAK_MARKS or bool(_ATTACHMENT.match(previous))
