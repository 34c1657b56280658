"""The text formatter: carets line up under CJK text (wide characters take two columns)."""

from __future__ import annotations

import io
from collections.abc import Iterator, Mapping
from typing import ClassVar

import pytest

from doclint.core import Category, Document, Finding, Message, Option, Related, Rule, Severity, Span
from doclint.core.diagnostic import FileInfo, FileResult
from doclint.core.linter import ActiveRule, lint_document
from doclint.core.registry import RuleRegistry
from doclint.report.base import Summary
from doclint.report.text import TextFormatter, display_width
from doclint.runner.engine import source_lines


class Marks(Rule):
    """测试用规则：按选项给出的位置报告。"""

    code, name, category = "TT301", "test.spans", Category.OTHER
    summary = Message("标记", "mark")
    options: ClassVar[Mapping[str, Option]] = {
        "spans": Option(list, [], "[start, end] pairs to report"),
        "related": Option(list, [], "[start, end, path] related to the first finding"),
    }

    def check(self, doc: Document) -> Iterator[Finding]:
        related = tuple(Related(Span(a, b), Message("参见", "see"), path)
                        for a, b, path in self.config["related"])
        for number, (start, end) in enumerate(self.config["spans"]):
            yield self.report(Span(start, end), related=related if number == 0 else ())


def render(text: str, spans: list[tuple[int, int]], related: list[tuple[int, int, str | None]] = (),
           **options: object) -> list[str]:
    doc = Document.from_text(text, path="doc.txt")
    rule = Marks(spans=[list(s) for s in spans], related=[list(r) for r in related])
    diagnostics, crashes = lint_document(doc, [ActiveRule(rule, Severity.WARNING)])
    assert not crashes
    result = FileResult(FileInfo("doc.txt", "utf-8", "", len(text)), tuple(diagnostics),
                        lines=source_lines(doc, diagnostics))
    stream = io.StringIO()
    formatter = TextFormatter(stream, registry=RuleRegistry([Marks]), options=dict(options))
    formatter.start()
    formatter.handle(result)
    summary = Summary()
    summary.add(result)
    formatter.finish(summary)
    return stream.getvalue().splitlines()


def span_of(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def test_display_width() -> None:
    assert display_width("abc") == 3
    assert display_width("中文，") == 6
    assert display_width("ＸＸ％") == 6           # full-width forms
    assert display_width("𠀀😀") == 4             # astral ideograph and emoji
    assert display_width("6.5%“”") == 6            # curly quotes are narrow (ambiguous width)


def test_carets_under_cjk() -> None:
    text = "重点推进某某工业园区建设。"
    assert render(text, [span_of(text, "某某")]) == [
        "doc.txt:1:5: TT301 [other] 标记",
        "    1 | 重点推进某某工业园区建设。",
        "      |         ^^^^",
        "",
        "共检查 1 个文件，发现 1 个问题。",
    ]


def test_carets_after_mixed_width_text() -> None:
    text = "增长6.5%，占比ＸＸ％，共计12亿元。"
    lines = render(text, [span_of(text, "ＸＸ"), span_of(text, "12")])
    assert lines[1:3] == ["    1 | 增长6.5%，占比ＸＸ％，共计12亿元。",
                          "      |               ^^^^"]
    assert lines[4:6] == ["    1 | 增长6.5%，占比ＸＸ％，共计12亿元。",
                          "      |                           ^^"]


def test_carets_after_astral_characters() -> None:
    text = "𠀀䶮😀刚才，XX书记"
    assert render(text, [span_of(text, "XX")])[1:3] == [
        "    1 | 𠀀䶮😀刚才，XX书记",
        "      |             ^^",
    ]


def test_carets_on_crlf_and_later_lines() -> None:
    text = "第一行\r\n　　第二行有ＸＸ。\r\n"
    assert render(text, [span_of(text, "ＸＸ")])[:3] == [
        "doc.txt:2:7: TT301 [other] 标记",
        "    2 | 　　第二行有ＸＸ。",
        "      |             ^^^^",
    ]


def test_empty_span_underlines_the_character_at_its_position() -> None:
    text = "甲乙丙"
    assert render(text, [(2, 2)])[1:3] == ["    1 | 甲乙丙", "      |     ^^"]
    assert render("ab", [(1, 1)])[1:3] == ["    1 | ab", "      |  ^"]


def test_multiline_span_is_underlined_to_the_end_of_its_first_line() -> None:
    text = "一二三\n四五"
    assert render(text, [(1, 5)])[:3] == ["doc.txt:1:2: TT301 [other] 标记",
                                          "    1 | 一二三", "      |   ^^^^"]


def test_tab_is_shown_as_one_space() -> None:
    text = "\t某某"
    assert render(text, [(1, 3)])[1:3] == ["    1 |  某某", "      |  ^^^^"]


def test_long_line_is_cut_to_a_window() -> None:
    # The window holds 30 terminal cells before the span and 100 cells in all; wide
    # characters take two cells, so that is 15 + 50 of them here.
    text = "甲" * 150 + "ＸＸ" + "乙" * 150
    lines = render(text, [(150, 152)])
    assert lines[1] == "    1 | …" + "甲" * 15 + "ＸＸ" + "乙" * 33 + "…"
    assert lines[2] == "      | " + " " * (1 + 30) + "^^^^"
    text = "ＸＸ" + "乙" * 10
    lines = render(text, [(0, 2)])
    assert lines[1] == "    1 | ＸＸ" + "乙" * 10
    assert lines[2] == "      | ^^^^"


@pytest.mark.parametrize("start", [0, 20, 40])
def test_a_line_that_fits_is_shown_whole_wherever_the_span_is(start: int) -> None:
    # Regression: the second finding on a short line lost the line's first characters.
    text = "甲" * 49 + "。"
    lines = render(text, [(start, start + 2)])
    assert lines[1] == "    1 | " + text
    assert lines[2] == "      | " + " " * (2 * start) + "^^^^"


def test_a_span_near_the_end_of_a_long_line_gets_its_context_on_the_left() -> None:
    text = "甲" * 150 + "ＸＸ" + "乙" * 3
    lines = render(text, [(150, 152)])
    assert lines[1] == "    1 | …" + "甲" * 45 + "ＸＸ" + "乙" * 3


def test_related_notes_in_the_same_and_another_file() -> None:
    text = "首次：某某。\n再次：某某。"
    lines = render(text, [(10, 12)], related=[(3, 5, None), (0, 2, "other.txt")])
    assert lines[:7] == [
        "doc.txt:2:4: TT301 [other] 标记",
        "    2 | 再次：某某。",
        "      |       ^^^^",
        "  = note: doc.txt:1:4: 参见",
        "    1 | 首次：某某。",
        "      |       ----",
        "  = note: other.txt:1:1: 参见",
    ]


def test_no_source_option() -> None:
    text = "某某"
    assert render(text, [(0, 2)], show_source=False)[:2] == ["doc.txt:1:1: TT301 [other] 标记", ""]
