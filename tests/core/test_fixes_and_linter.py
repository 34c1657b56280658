"""Applying fixes, atomic writes, and the linter's handling of findings and crashes."""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import ClassVar

import pytest

from doclint.core import (
    Category,
    Document,
    Edit,
    Finding,
    Fix,
    Message,
    Option,
    Related,
    Rule,
    Span,
)
from doclint.core.diagnostic import Severity
from doclint.core.fixes import apply_fixes, write_atomically
from doclint.core.linter import ActiveRule, lint_document

TITLE = Message("改", "fix")


def fix(*edits: tuple[int, int, str]) -> Fix:
    return Fix(tuple(Edit(Span(a, b), r) for a, b, r in edits), TITLE)


def test_apply_fixes_in_any_order() -> None:
    text = "甲乙丙丁"
    assert apply_fixes(text, [fix((3, 4, "四")), fix((0, 1, "一"))]) == ("一乙丙四", 2)


def test_overlapping_fix_is_skipped_whole() -> None:
    text = "甲乙丙丁"
    fixes = [fix((1, 3, "X")), fix((0, 1, "一"), (2, 4, "Y")), fix((3, 4, "四"))]
    assert apply_fixes(text, fixes) == ("甲X四", 2)


def test_two_insertions_at_one_point_apply_once() -> None:
    assert apply_fixes("ab", [fix((1, 1, "x")), fix((1, 1, "y"))]) == ("axb", 1)


def test_fix_keeps_crlf() -> None:
    text = "一\r\n一\r\n二\r\n"
    assert apply_fixes(text, [fix((1, 4, ""))]) == ("一\r\n二\r\n", 1)


def test_write_atomically_keeps_mode_and_leaves_no_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "doc.txt"
    target.write_bytes("旧".encode("gb18030"))
    os.chmod(target, 0o640)
    write_atomically(str(target), "新𠀀", "gb18030", target.read_bytes())
    assert target.read_bytes() == "新𠀀".encode("gb18030")
    assert target.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["doc.txt"]


def test_write_atomically_keeps_a_utf8_bom(tmp_path: Path) -> None:
    target = tmp_path / "doc.txt"
    target.write_bytes(b"\xef\xbb\xbf" + "旧".encode())
    write_atomically(str(target), "新", "utf-8-sig", target.read_bytes())
    assert target.read_bytes() == b"\xef\xbb\xbf" + "新".encode()


class Marks(Rule):
    """测试用规则：标出每个“甲”。"""

    code, name, category = "TT101", "test.marks", Category.OTHER
    summary = Message("甲", "jia")
    message = Message("第{n}个甲", "jia number {n}")
    options: ClassVar[Mapping[str, Option]] = {"limit": Option(int, 10, "at most this many")}

    def check(self, doc: Document) -> Iterator[Finding]:
        start = doc.text.find("甲")
        count = 0
        while start != -1 and count < self.config["limit"]:
            count += 1
            yield self.report(Span(start, start + 1), n=count,
                              related=(Related(Span(0, 1), Message("开头", "start")),))
            start = doc.text.find("甲", start + 1)


class Crashes(Rule):
    """测试用规则：总是出错。"""

    code, name, category = "TT102", "test.crashes", Category.OTHER
    summary = Message("崩", "crash")

    def check(self, doc: Document) -> Iterator[Finding]:
        yield self.report(Span(0, 1))
        raise RuntimeError("boom")


def test_lint_document_positions_messages_and_related() -> None:
    doc = Document.from_text("乙\r\n丙甲\n甲", path="x.txt")
    found, crashes = lint_document(doc, [ActiveRule(Marks(), Severity.INFO)])
    assert crashes == []
    assert [(d.start.line, d.start.column, d.end.line, d.end.column) for d in found] == [
        (2, 2, 2, 3), (3, 1, 3, 2)]
    assert [d.message.get("en") for d in found] == ["jia number 1", "jia number 2"]
    assert found[0].severity is Severity.INFO
    assert found[0].related[0].path == "x.txt"
    assert (found[0].related[0].start.line, found[0].related[0].start.column) == (1, 1)


def test_rule_options_are_validated() -> None:
    assert Marks(limit=1).config == {"limit": 1}
    with pytest.raises(ValueError, match="expects int"):
        Marks(limit="1")
    with pytest.raises(ValueError, match="unknown option 'max'"):
        Marks(max=1)


def test_a_crashing_rule_does_not_stop_the_others() -> None:
    doc = Document.from_text("甲甲")
    found, crashes = lint_document(doc, [ActiveRule(Crashes(), Severity.ERROR),
                                         ActiveRule(Marks(limit=1), Severity.WARNING)])
    assert [d.code for d in found] == ["TT101"]
    assert crashes == ["rule TT102 crashed: RuntimeError: boom"]


def test_rule_class_metadata_is_checked_at_definition() -> None:
    with pytest.raises(TypeError, match="code 'bad' is not"):
        class BadCode(Rule):
            code, name, category = "bad", "test.bad", Category.OTHER
            summary = Message("坏", "bad")

    with pytest.raises(TypeError, match="must declare 'summary'"):
        class NoSummary(Rule):
            code, name, category = "TT199", "test.nosummary", Category.OTHER
