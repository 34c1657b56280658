"""A doclint plugin defined inside the tests: one rule, one output format, one reader."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

import regex

from doclint import (
    Category,
    Document,
    Examples,
    Finding,
    Message,
    Option,
    Rule,
    Severity,
    Span,
    hookimpl,
)
from doclint.core.diagnostic import FileResult
from doclint.core.encoding import decode
from doclint.report.base import Formatter, Summary


class WordRule(Rule):
    """测试插件规则：标出选项 `word` 指定的词（默认“示例”）。"""

    code = "XT101"
    name = "testplugin.word"
    category = Category.OTHER
    severity = Severity.INFO
    summary = Message("出现测试词。", "The test word appears.")
    message = Message("出现“{word}”。", "Found “{word}”.")
    options: ClassVar[Mapping[str, Option]] = {"word": Option(str, "示例", "the word to flag")}
    examples = Examples(bad=("这是示例。",), good=("这是正文。",))

    def check(self, doc: Document) -> Iterator[Finding]:
        word = self.config["word"]
        for match in regex.finditer(regex.escape(word), doc.text):
            yield self.report(Span(match.start(), match.end()), word=word)


class CountFormatter(Formatter):
    """``--format count``: one JSON line with the number of diagnostics per file."""

    def start(self) -> None:
        self.counts: dict[str, int] = {}

    def handle(self, result: FileResult) -> None:
        self.counts[result.path] = len(result.diagnostics)

    def finish(self, summary: Summary) -> None:
        self.stream.write(json.dumps({"counts": self.counts, "total": summary.total}) + "\n")


def read_note(path: str, data: bytes, encoding: str | None = None) -> Document:
    """``.note`` files: a first line ``#note`` that is not checked, then plain text."""
    source, used = decode(data, encoding)
    header, _, _ = source.partition("\n")
    checked = " " * len(header) + source[len(header):] if header == "#note" else source
    return Document(path=path, source=source, text=checked, encoding=f"note+{used}",
                    metadata={"kind": "note"})


@hookimpl
def doclint_rules() -> list[type]:
    return [WordRule]


@hookimpl
def doclint_formatters() -> Mapping[str, type]:
    return {"count": CountFormatter}


@hookimpl
def doclint_readers() -> Mapping[str, Any]:
    return {".note": read_note}
