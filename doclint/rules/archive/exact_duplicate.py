"""A101: two files of the archive hold the same text."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any, ClassVar

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
from doclint.rules.archive.base import FamilyRule, in_path_order
from doclint.rules.archive.fingerprint import TextDigest

Fact = tuple[bytes, int, int]  # digest, first line's start and end


class DuplicateDocument(FamilyRule):
    """档案中有两个或多个文件内容完全相同。

    比较前去掉全部空白（空格、全角空格、换行）、BOM 和零宽字符，所以只差排版、换行符或
    编码的两份文件也算相同。同一组相同的文件里，路径排序最前的一份视为原件，其余每份报告
    一次，指向原件，并给出这组共有几份。去掉空白后不足 `min_chars` 个字符的文件（空文件、
    只有一行的残片）不比较。默认开启：每篇只算一个摘要，合并时只查一张表。
    """

    code = "A101"
    name = "archive.duplicate-document"
    category = Category.DUPLICATE_TEXT
    severity = Severity.WARNING
    summary = Message("档案中的文件与另一文件内容完全相同。",
                      "A file of the archive has the same text as another file.")
    message = Message(
        "本文件与 {first} 内容完全相同（忽略空白、换行符和 BOM 的差异）；"
        "这组相同的文件共{count}份。",
        "This file has the same text as {first} (ignoring white space, line endings and BOM); "
        "{count} files share this text.",
    )
    options: ClassVar[Mapping[str, Option]] = {
        "min_chars": Option(int, 20, "最少字符数（去掉空白后） / fewest characters (white space "
                                     "removed) for a file to be compared"),
    }
    examples = Examples(
        bad=("=== 2019/讲话.txt ===\n在全县经济工作会议上的讲话\n"
             "同志们：今天召开全县经济工作会议。\n"
             "=== 2019/讲话-副本.txt ===\n在全县经济工作会议上的讲话\r\n\r\n"
             "同志们：今天召开全县经济工作会议。\r\n",),
        good=("=== 2019/讲话.txt ===\n在全县经济工作会议上的讲话\n"
              "同志们：今天召开全县经济工作会议。\n"
              "=== 2020/讲话.txt ===\n在全县经济工作会议上的讲话\n"
              "同志们：今天召开全县农村工作会议。\n",),
    )
    basis = "档案去重：同一文件被重复收录（issue 7）"

    def collect(self, doc: Document) -> Fact | None:
        digest = doc.facts(TextDigest)
        if digest.size < self.config["min_chars"]:
            return None
        return digest.digest, digest.anchor.start, digest.anchor.end

    def combine(self, facts: Iterable[tuple[str, Any]]) -> Iterator[tuple[str, Finding]]:
        groups: dict[bytes, list[tuple[str, Fact]]] = {}
        for path, fact in in_path_order(facts):
            groups.setdefault(fact[0], []).append((path, fact))
        for members in groups.values():
            if len(members) < 2:
                continue
            first_path, first = members[0]
            note = Message("内容相同的原件（路径排序最前的一份）",
                           "the copy with the same text whose path sorts first")
            original = Related(Span(first[1], first[2]), note, path=first_path)
            for path, fact in members[1:]:
                yield path, self.report(Span(fact[1], fact[2]), first=first_path,
                                        count=len(members), related=(original,))
