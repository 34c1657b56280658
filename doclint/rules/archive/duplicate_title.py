"""A104: different documents of the archive carry the same title."""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Iterator, Mapping
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
from doclint.rules.archive.base import FamilyRule, in_path_order, percent
from doclint.rules.archive.fingerprint import ParagraphKeys, TextDigest
from doclint.rules.archive.titles import DocumentTitle

_MAX_RELATED = 3
_SKETCH = 16  # paragraph hashes kept per document to estimate how much two texts share
_SAME_TEXT = 0.8


class TitleFact(NamedTuple):
    key: str
    text: str
    span: tuple[int, int]
    digest: bytes  # TextDigest.digest: exact copies are A101's
    sketch: tuple[int, ...]  # the smallest paragraph hashes (a bottom-k sketch)


class DuplicateTitleAcrossFiles(FamilyRule):
    """档案中正文不同的几个文件用了同一个标题。

    标题取文首第一行有意义的文字（跳过网页导航、工具栏、来源行；公文标题跨行时接到文种词
    为止；遇到称呼语或正文即认为没有标题），比较时忽略空白、标点和全角半角差异。只写文种的
    通用标题（“政府工作报告”“讲话”“通知”）出现在不同文件上是常态，不报。正文完全相同的
    文件由 A101 报告，这里跳过。其余同名文件中，路径排序靠后的报告一次，指向同名的文件，
    并用段落哈希的小样本估计两篇有多少段落相同：大多相同，疑为同一文档的不同版本；几乎
    没有相同，则是两篇不同的文档共用一个标题——编目时无从区分，也可能是标题张冠李戴。
    默认开启：每篇只看开头十几行。
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
        bad=("=== 2019/a.txt ===\n2019年全县经济工作会议讲话\n同志们：今年全县经济运行总体平稳。\n"
             "=== 2020/b.txt ===\n2019年全县经济工作会议讲话\n"
             "同志们：这一年我们经受住了疫情的考验。\n",),
        good=("=== 2019/a.txt ===\n2019年全县经济工作会议讲话\n同志们：今年全县经济运行总体平稳。\n"
              "=== 2020/b.txt ===\n2020年全县经济工作会议讲话\n"
              "同志们：这一年我们经受住了疫情的考验。\n",
              "=== 2014.txt ===\n政 府 工 作 报 告\n各位代表：现在向大会报告工作。\n"
              "=== 2019.txt ===\n政府工作报告\n各位代表：我代表区人民政府向大会报告工作。\n"),
    )
    basis = "档案编目：同名异文（issue 7）"

    def collect(self, doc: Document) -> TitleFact | None:
        title = doc.facts(DocumentTitle).title
        if title is None or (title.generic and not self.config["generic"]):
            return None
        keys = doc.facts(ParagraphKeys)
        # The title's own lines are shared by definition: only the text below it counts.
        hashes = {h for h, start in zip(keys.hashes, keys.starts, strict=True)
                  if start >= title.span.end}
        sketch = tuple(heapq.nsmallest(_SKETCH, hashes))
        return TitleFact(title.key, title.text, (title.span.start, title.span.end),
                         doc.facts(TextDigest).digest, sketch)

    def combine(self, facts: Iterable[tuple[str, Any]]) -> Iterator[tuple[str, Finding]]:
        groups: dict[str, list[tuple[str, TitleFact]]] = {}
        for path, fact in in_path_order(facts):
            groups.setdefault(fact.key, []).append((path, fact))
        for members in groups.values():
            kept: list[tuple[str, TitleFact]] = []  # one file per distinct text
            for path, fact in members:
                if any(fact.digest == other.digest for _, other in kept):
                    continue
                if kept:
                    yield path, self._finding(fact, kept)
                kept.append((path, fact))

    def _finding(self, fact: TitleFact, earlier: list[tuple[str, TitleFact]]) -> Finding:
        related = []
        for path, other in earlier[:_MAX_RELATED]:
            share = _shared(fact.sketch, other.sketch)
            extra = "" if share is None else f"，约{percent(share)}的段落相同"
            extra_en = "" if share is None else f", about {percent(share)} of paragraphs shared"
            related.append(Related(Span(*other.span), Message(f"同名文件{extra}",
                                                              f"a file with this title{extra_en}"),
                                   path=path))
        verdict_zh, verdict_en = _verdict(_shared(fact.sketch, earlier[0][1].sketch))
        more = len(earlier) - 1
        return self.report(
            Span(*fact.span), title=fact.text, other=earlier[0][0],
            verdict_zh=verdict_zh, verdict_en=verdict_en,
            more_zh=f"；另有{more}个同名文件" if more else "",
            more_en=f"; {more} more files carry it" if more else "", related=related)


def _shared(first: tuple[int, ...], second: tuple[int, ...]) -> float | None:
    """Estimated Jaccard similarity of two paragraph sets from their bottom-k sketches."""
    if not first or not second:
        return None
    left, right = set(first), set(second)
    union = sorted(left | right)[:_SKETCH]
    return sum(1 for value in union if value in left and value in right) / len(union)


def _verdict(share: float | None) -> tuple[str, str]:
    if share is None:
        return "无法比较段落", "no paragraphs to compare"
    if share >= _SAME_TEXT:
        return (f"约{percent(share)}的段落相同，疑为同一文档的不同版本",
                f"about {percent(share)} of paragraphs are shared: two versions of one document")
    if share > 0:
        return (f"只有约{percent(share)}的段落相同", f"only about {percent(share)} of "
                                                      "paragraphs are shared")
    return ("没有相同的段落，是两篇不同的文档共用一个标题",
            "no paragraph is shared: two different documents with one title")
