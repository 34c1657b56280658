"""The document model: line index, code-point columns, paragraphs, sentences, the facts cache."""

from __future__ import annotations

import pytest
import regex

from doclint.core.document import Document, LineIndex, Position, Span
from doclint.core.text import Paragraphs, Sentences, TextKeys


def positions(text: str) -> list[tuple[int, int]]:
    index = LineIndex(text)
    return [(p.line, p.column) for p in map(index.position, range(len(text) + 1))]


def test_lf_lines_and_positions() -> None:
    index = LineIndex("ab\ncd\n")
    assert [(line.number, line.span, line.newline) for line in index.lines] == [
        (1, Span(0, 2), "\n"), (2, Span(3, 5), "\n")]
    assert positions("ab\ncd\n") == [(1, 1), (1, 2), (1, 3), (2, 1), (2, 2), (2, 3), (2, 4)]


def test_crlf_is_one_line_break() -> None:
    index = LineIndex("ab\r\ncd")
    assert [(line.span, line.newline) for line in index.lines] == [
        (Span(0, 2), "\r\n"), (Span(4, 6), "")]
    assert positions("ab\r\ncd") == [(1, 1), (1, 2), (1, 3), (1, 4), (2, 1), (2, 2), (2, 3)]


def test_lone_cr_breaks_a_line() -> None:
    index = LineIndex("ab\rcd\r")
    assert [(line.span, line.newline) for line in index.lines] == [
        (Span(0, 2), "\r"), (Span(3, 5), "\r")]
    assert index.position(3) == Position(2, 1)


def test_mixed_line_endings() -> None:
    text = "一\r\n二\r三\n四"
    index = LineIndex(text)
    assert [(line.number, line.span, line.newline) for line in index.lines] == [
        (1, Span(0, 1), "\r\n"), (2, Span(3, 4), "\r"), (3, Span(5, 6), "\n"), (4, Span(7, 8), "")]
    assert [index.position(text.index(c)) for c in "一二三四"] == [
        Position(1, 1), Position(2, 1), Position(3, 1), Position(4, 1)]
    assert index.line_of(text.index("三")).number == 3


def test_blank_lines_and_empty_text() -> None:
    assert len(LineIndex("")) == 1
    assert LineIndex("").position(0) == Position(1, 1)
    index = LineIndex("\n\n甲")
    assert [line.span for line in index.lines] == [Span(0, 0), Span(1, 1), Span(2, 3)]
    assert index.position(2) == Position(3, 1)


def test_columns_count_code_points_not_bytes_or_utf16_units() -> None:
    # 𠀀 (U+20000) and 😀 are astral: two UTF-16 units, four UTF-8 bytes, one column each.
    text = "中文𠀀😀XX\n第二行"
    doc = Document.from_text(text)
    start = text.index("XX")
    assert doc.position(start) == Position(1, 5)
    assert doc.position(start + 2) == Position(1, 7)
    assert doc.position(text.index("行")) == Position(2, 3)


def test_document_newline_is_the_most_common_break() -> None:
    assert Document.from_text("a\r\nb\r\nc\nd").newline == "\r\n"
    assert Document.from_text("no break").newline == "\n"
    assert Document.from_text("a\rb").newline == "\r"


def test_document_text_must_match_source_length() -> None:
    with pytest.raises(ValueError):
        Document(path="x", source="abc", text="ab")


def test_a_rule_reporting_an_invalid_span_is_a_crash_not_a_diagnostic() -> None:
    from doclint.core import Category, Examples, Finding, Message, Rule, Severity
    from doclint.core.linter import ActiveRule, lint_document

    class Reversed(Rule):
        """测试用规则。"""

        code = "Z901"
        name = "test.reversed-span"
        category = Category.OTHER
        summary = Message("测试。", "Test.")
        examples = Examples()

        def check(self, doc: Document) -> list[Finding]:
            return [Finding(Span(3, 2), self.summary)]

    diagnostics, crashes = lint_document(Document.from_text("abcdef"),
                                         [ActiveRule(Reversed(), Severity.WARNING)])
    assert diagnostics == []
    assert crashes == ["rule Z901 crashed: ValueError: invalid span 3..2 (document has 6 chars)"]


def test_line_text_and_slice_read_the_checked_text() -> None:
    doc = Document(path="x.md", source="ab\n```\n", text="ab\n   \n")
    second = doc.index.lines[1]
    assert doc.line_text(second) == "   "
    assert doc.slice(Span(0, 2)) == "ab"


def test_paragraphs_are_stripped_non_blank_lines() -> None:
    text = "　　一、总体要求\n\n  \u3000\n  二、主要任务。  \r\n"
    items = Document.from_text(text).facts(Paragraphs).items
    assert [(p.line, p.span, p.text) for p in items] == [
        (1, Span(2, 8), "一、总体要求"),
        (4, Span(16, 23), "二、主要任务。"),
    ]
    assert text[16:23] == "二、主要任务。"


def test_sentences_split_after_final_punctuation_with_closing_quotes() -> None:
    text = "他说：“抓落实。”要实干！还要\n第二段；结尾"
    doc = Document.from_text(text)
    items = doc.facts(Sentences).items
    assert [(s.text, s.paragraph) for s in items] == [
        ("他说：“抓落实。”", 0), ("要实干！", 0), ("还要", 0), ("第二段；", 1), ("结尾", 1)]
    assert all(text[s.span.start : s.span.end] == s.text for s in items)


def test_facts_are_computed_once_per_document() -> None:
    calls: list[str] = []

    class Counter:
        def __init__(self, size: int) -> None:
            self.size = size

        @classmethod
        def from_document(cls, doc: Document) -> Counter:
            calls.append(doc.path)
            return cls(len(doc.text))

    doc = Document.from_text("一二三", path="a.txt")
    first = doc.facts(Counter)
    assert doc.facts(Counter) is first
    assert first.size == 3
    other = Document.from_text("一二", path="b.txt")
    assert other.facts(Counter).size == 2
    assert calls == ["a.txt", "b.txt"]


def test_sentences_reuse_the_cached_paragraphs() -> None:
    doc = Document.from_text("甲。乙。")
    paragraphs = doc.facts(Paragraphs)
    doc.facts(Sentences)
    assert doc.facts(Paragraphs) is paragraphs


def test_newline_is_the_most_common_break_the_first_on_a_tie() -> None:
    for text, expected in (("", "\n"), ("one line", "\n"), ("a\nb\n", "\n"),
                           ("a\r\nb\r\nc\n", "\r\n"), ("a\nb\r\nc\r\nd\n", "\n"),
                           ("a\rb\r\nc", "\r"), ("a\r\nb\rc\r", "\r"), ("a\r", "\r")):
        assert Document.from_text(text).newline == expected, repr(text)



_WHITE_SPACE = regex.compile(r"[\s\u3000\u00a0\u200b\ufeff]")


@pytest.mark.parametrize("text", [
    "甲。乙！丙？\n\n丁",
    "　　第一段。第二句……第三句…\n“引文。”他说。\r\n（注：完）\r末行",
    "标题：　　正文一句。　　下一段；分号；\n \u200b\n。。 。\n…… …\n",
    "甲\u3000乙 丙。\ufeff丁\u2003\u2003戊。」\t\t己",
    "", "\n\n", "无句末标点的一行",
])
def test_text_keys_are_the_paragraphs_and_sentences_without_white_space(text: str) -> None:
    doc = Document.from_text(text)
    keys = doc.facts(TextKeys)
    assert keys.paragraphs == [_WHITE_SPACE.sub("", p.text)
                               for p in doc.facts(Paragraphs).items]
    # the sentences with a key that is not empty, and where they are
    keyed = [(s.span, _WHITE_SPACE.sub("", s.text)) for s in doc.facts(Sentences).items]
    keyed = [(span, key) for span, key in keyed if key]
    assert keys.sentences == [key for _, key in keyed]
    assert [keys.sentence_span(i) for i in range(len(keyed))] == [span for span, _ in keyed]
