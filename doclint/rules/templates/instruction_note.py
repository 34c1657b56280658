"""P103: a template's note to its user left in the text: （此处……）, （略）, 【落款】."""

from __future__ import annotations

from collections.abc import Iterator

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
from doclint.core.diagnostic import UNSAFE
from doclint.core.lazyregex import lazy_regex
from doclint.rules.templates.model_text import ModelTexts
from doclint.rules.templates.removal import removal_fix
from doclint.rules.templates.scan import Gated, line_start

_CLOSE = r"[）)】\]〕]"
_INNER = r"[^（()）【】\[\]〔〕\r\n]"
_ACTION = r"(?:填写|插入|补充|修改|替换|列举|列出|增删|删减|调整|选用|举例|写明|注明)"
# "（此处列举典型事例）" points at the spot; "（请根据本单位实际情况填写）" tells how to adapt it.
# A plain request in brackets ("（请于3月底前报送相关情况）") is ordinary notice text.
_NOTE = rf"""
    (?P<instruction>\s*(?:此处|这里|在此){_INNER}{{0,40}}?(?:{_ACTION}|说明|内容|情况|名称|数据|数字|
        事例|姓名|日期){_INNER}{{0,10}}{_CLOSE}
      |\s*(?:请|可|需)?(?:根据|结合|按照?){_INNER}{{0,20}}?实际{_INNER}{{0,20}}?{_ACTION}
        {_INNER}{{0,10}}{_CLOSE})
    |(?P<omitted>\s*(?:略|此处略|内容略|具体内容略|正文略|以下略|下略|以下省略{_INNER}{{0,20}}|省略{_INNER}{{0,10}})\s*{_CLOSE})
    |(?P<slot>(?<=【)\s*(?:主送机关|落款|日期|结尾敬语|正文|标题|称谓|单位名称|发文机关|姓名|职务|署名)\s*】)
"""
# One pattern per opening bracket, each led by its literal so the scan jumps between brackets.
_PROBES = tuple(
    Gated(bracket, lazy_regex(regex.escape(bracket) + f"(?:{_NOTE})", regex.X))
    for bracket in "（(【[〔"
)
# "附件：××统计表（略）" in a reprint is an editor's note, not a template's.
_EDITORIAL_LINE = lazy_regex(r"[ \t\u3000]*(?:附件|附表|附录|附图|图\d|表\d)")
_KIND = {
    "instruction": (
        Message(
            "模板的填写说明“{text}”未删除。", "The template's instruction “{text}” was left in."
        ),
        Message("填写说明", "instruction"),
    ),
    "omitted": (
        Message(
            "内容被“{text}”省略，文档不完整。",
            "Content was left out at “{text}”: the document is incomplete.",
        ),
        Message("省略标记", "omission marker"),
    ),
    "slot": (
        Message("模板栏目“{text}”未填写。", "The template's slot “{text}” was never filled in."),
        Message("待填栏目", "empty slot"),
    ),
}


class InstructionNote(Rule):
    """模板给使用者的说明留在了正文中：`（此处填写具体事例）`、`（略）`、`（以下省略……）`、`【落款】`。

    这些括注告诉模板使用者在哪里填写什么；成稿中还在，说明文档是没有完成的模板。
    转载时“附件：……（略）”表示编者省略了附件，是正常的编辑说明，不报。
    本身就是模板或起草参考的部分（“（参考格式）”“示范文本”“填写说明”，见 P101）中的填写说明是
    有意写给使用者的，不报；其中的省略标记仍报告。
    修复删除括注（独占一行时删除整行），但删除后内容仍缺，故标为不安全。
    """

    code = "P103"
    name = "template.instruction-note"
    category = Category.PLACEHOLDER
    severity = Severity.ERROR
    group_after = 10  # a page full of one defect is reported once, the rest related
    anchors = tuple(probe.keys for probe in _PROBES)  # each match begins with its bracket
    summary = Message(
        "模板的填写说明未删除。", "A template's instruction note was left in the text."
    )
    fixable = True
    examples = Examples(
        bad=(
            "一年来，我们取得了显著成绩（此处列举三至五个典型事例）。",
            "二、主要做法（略）",
            Example("特此报告。\n【落款】", fixed=None),
        ),
        good=(
            "附件：2024年重点项目表（略）",
            "请各单位于3月底前报送（可通过电子邮件）。",
        ),
    )
    basis = "模板残留（domain-rules §6.1）"

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        model: ModelTexts | None = None  # found at the first match: most documents have none
        for match in (m for probe in _PROBES for m in probe.finditer(text)):
            kind = match.lastgroup or "instruction"
            if kind != "omitted":
                model = model or doc.facts(ModelTexts)
                if model.covers(match.start()):
                    continue  # a model text tells its reader what to write on purpose
            if kind == "omitted" and _EDITORIAL_LINE.match(text, line_start(text, match.start())):
                continue
            span = Span(match.start(), match.end())
            template, what = _KIND[kind]
            yield self.report(
                span, template, text=match.group(), fix=removal_fix(doc, span, what, UNSAFE)
            )
