"""P201: the document's own title (or a speech title) pasted into a sentence of the body."""

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
    Message,
    Related,
    Rule,
    Severity,
    Span,
)
from doclint.core.diagnostic import UNSAFE
from doclint.rules.templates.parts import DocumentParts, Part, is_distinctive
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
_TITLE_CLAUSE = regex.compile(r"在[^，。；！？：\r\n“”《》]{2,40}$")
# A document's title names its genre ("……上的讲话", "……工作报告", "关于……的通知"). A title
# that is itself a sentence or a slogan ("科学技术是第一生产力", the heading a selected works
# edition takes from the speech) is written in the body on purpose.
_GENRE_TITLE = regex.compile(
    r"(?:讲话|致辞|发言|报告|主持词|讲稿|演讲|演讲稿|总结|计划|规划|纲要|方案|意见|通知|决定|办法|"
    r"条例|规定|细则|心得体会|材料|汇报)(?:稿|全文|（[^（）]*）)?$"
)
# An editor's source note names the speech on purpose: "这是某某同志在……上的讲话。"
_SOURCE_NOTE = regex.compile(r"这是|这篇|本文|此文|系")
_SENTENCE_START = regex.compile(r"(?r)[。！？\r\n]")
_CLAUSE_BEFORE = "，。；！？、："
_CLAUSE_END = "，。；！？"
_CLAUSE_AFTER = "。；！？，"
_DROP_BEFORE = "，、；："
_NOTE_REACH = 120


class InjectedTitle(Rule):
    """正文句子中混入了文档自己的标题或范文网站的标题标签。

    范文网站把页面标题拼进正文：“……奠定坚实基础，在旗委工作会议上的讲话。”、
    “……形成了合力，演讲稿《在旗委工作会议上的讲话》。”。规则查找：本篇标题（`第N篇：` 后的标题
    和正文前的标题行，至少 8 个汉字，以“讲话”“报告”“通知”等文种结尾）作为独立分句出现在正文中；
    `演讲稿《…》`、`范文《…》` 一类标签；以及独立成句的“在……上的讲话”。本身就是一句话或口号的
    标题（文选常取讲话中的一句作标题，如“科学技术是第一生产力”）在正文中出现是原文，不报；
    编者说明“这是某某同志在……上的讲话。”不报；标题单独成行（重复标题行）不在此报告。
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
        ),
        good=(
            "在全县春耕生产动员会上的讲话\n同志们：\n这次会议很重要。",
            "认真学习总书记在全国两会上的重要讲话精神。",
            "今年《政府工作报告》提出的目标任务全面完成。",
        ),
    )
    basis = "范文网站的标题注入（domain-rules §6.2）"

    def check(self, doc: Document) -> Iterator[Finding]:
        reported: set[int] = set()
        for part in doc.facts(DocumentParts).items:
            for finding in self._own_titles(doc, part):
                reported.add(finding.span.start)
                yield finding
        for finding in self._labelled_titles(doc):
            if finding.span.start not in reported:
                yield finding

    def _own_titles(self, doc: Document, part: Part) -> Iterator[Finding]:
        text = doc.text
        titles = (t for t in part.titles if is_distinctive(t.text) and _GENRE_TITLE.search(t.text))
        for title in {t.text: t for t in titles}.values():
            start = text.find(title.text, part.body_start, part.span.end)
            while start != -1:
                end = start + len(title.text)
                span = _as_clause(text, start, end)
                if span is not None:
                    yield self.report(
                        span,
                        text=title.text,
                        kind_zh="本篇标题",
                        kind_en="document's title",
                        related=(Related(title.span, Message("标题", "the title")),),
                        fix=_removal(text, span),
                    )
                start = text.find(title.text, end, part.span.end)

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


def _in_source_note(text: str, clause: int) -> bool:
    """The clause ends a sentence that says what the speech was ("这是……后，在……上的讲话")."""
    start = _SENTENCE_START.search(text, max(0, clause - _NOTE_REACH), clause)
    return bool(_SOURCE_NOTE.search(text, start.end() if start else 0, clause))


def _as_clause(text: str, start: int, end: int) -> Span | None:
    """The title's span with its 《》 when it stands as a clause of a sentence, else None."""
    if start and text[start - 1] == "《" and end < len(text) and text[end] == "》":
        start, end = start - 1, end + 1
    before = text[start - 1] if start else "\n"
    after = text[end] if end < len(text) else "\n"
    ends_clause = after in _CLAUSE_AFTER or after in "\r\n"
    return Span(start, end) if before in _CLAUSE_BEFORE and ends_clause else None


def _removal(text: str, span: Span) -> Fix:
    """Delete the injected words and the comma that joined them to the sentence."""
    start = span.start
    if start and text[start - 1] in _DROP_BEFORE:
        start -= 1
    elif span.end < len(text) and text[span.end] in _CLAUSE_AFTER:
        return Fix(
            (Edit(Span(start, span.end + 1), ""),),
            Message("删除混入的标题", "Delete the injected title"),
            UNSAFE,
        )
    return Fix(
        (Edit(Span(start, span.end), ""),), Message("删除混入的标题", "Delete the injected title"),
        UNSAFE,
    )
