"""Markdown: front matter becomes metadata; it and fenced code are blanked, offsets kept."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from doclint.core import Category, Document, Finding, Message, Rule, Severity, Span
from doclint.core.linter import ActiveRule, lint_document
from doclint.readers.markdown import read_markdown

_XX = regex.compile("XX")


class FindXX(Rule):
    """测试用规则：标出“XX”。"""

    code, name, category = "TT201", "test.find-xx", Category.PLACEHOLDER
    summary = Message("XX", "XX")

    def check(self, doc: Document) -> Iterator[Finding]:
        for match in _XX.finditer(doc.text):
            yield self.report(Span(match.start(), match.end()))


def found(doc: Document) -> list[tuple[int, int, int, int]]:
    diagnostics, _ = lint_document(doc, [ActiveRule(FindXX(), Severity.WARNING)])
    return [(d.start.line, d.start.column, d.end.line, d.end.column) for d in diagnostics]


def read(text: str) -> Document:
    return read_markdown("doc.md", text.encode("utf-8"))


def assert_blanked_only(doc: Document) -> None:
    assert len(doc.text) == len(doc.source)
    for checked, original in zip(doc.text, doc.source, strict=True):
        assert checked == original or (checked == " " and original not in "\r\n")


def test_front_matter_is_metadata_and_not_checked() -> None:
    doc = read("---\ntitle: XX县工作报告\nyear: 2019\n---\n正文XX。\n")
    assert doc.metadata == {"title": "XX县工作报告", "year": 2019}
    assert found(doc) == [(5, 3, 5, 5)]
    assert_blanked_only(doc)


def test_fenced_code_is_not_checked_and_lines_stay_right() -> None:
    text = "# 标题XX\n\n```text\nXX书记\n```\n\nXX\n~~~\nXX\n~~~\n结尾XX\n"
    doc = read(text)
    assert doc.source == text
    assert found(doc) == [(1, 5, 1, 7), (7, 1, 7, 3), (11, 3, 11, 5)]
    assert_blanked_only(doc)


def test_crlf_front_matter_and_fences() -> None:
    text = "---\r\ntitle: XX\r\n---\r\n```\r\nXX\r\n```\r\n\r\n刚才，XX书记讲话。\r\n"
    doc = read(text)
    assert doc.metadata == {"title": "XX"}
    assert found(doc) == [(8, 4, 8, 6)]
    assert_blanked_only(doc)


def test_cr_only_fences() -> None:
    doc = read("甲\r```\rXX\r```\rXX乙\r")
    assert found(doc) == [(5, 1, 5, 3)]


def test_longer_closing_fence_and_unclosed_fence() -> None:
    doc = read("````\nXX\n``````\nXX\n```\nXX\nXX\n")
    assert found(doc) == [(4, 1, 4, 3)]


def test_indented_fence_and_inline_code_are_not_checked() -> None:
    doc = read("  ```\n  XX\n  ```\n用`XX`标记，XX书记\n")
    assert found(doc) == [(4, 9, 4, 11)]


def test_bom_is_dropped_and_bad_front_matter_is_ignored() -> None:
    doc = read_markdown("doc.md", "\ufeff---\n: [\n---\nXX\n".encode("utf-8"))
    assert doc.metadata == {}
    assert doc.source.startswith("---")
    assert found(doc) == [(4, 1, 4, 3)]


def test_gb18030_markdown() -> None:
    doc = read_markdown("doc.md", "---\ntitle: 𠀀\n---\n𠀀XX\n".encode("gb18030"))
    assert doc.encoding == "gb18030"
    assert doc.metadata == {"title": "𠀀"}
    assert found(doc) == [(4, 2, 4, 4)]


def test_inline_code_is_not_checked_but_keeps_offsets() -> None:
    from doclint.readers.markdown import read_markdown

    source = "网页残留如`下载 打印 全屏`之类，以及``XX``和XX书记。\n"
    doc = read_markdown("a.md", source.encode("utf-8"))
    assert doc.source == source
    assert len(doc.text) == len(source)
    assert "下载" not in doc.text and "XX书记" in doc.text
    assert doc.text.index("XX书记") == source.index("XX书记")
