"""Masking: findings inside text that another rule removes as a whole are dropped."""

from __future__ import annotations

from collections.abc import Iterator

from doclint.core import Category, Document, Finding, Message, Rule, Severity, Span
from doclint.core.diagnostic import Edit, Fix
from doclint.core.linter import ActiveRule, lint_document

TEXT = "正文第一句。【字体：大 中 小】正文第二句。"
CHROME = Span(6, 16)


class Chrome(Rule):
    code, name, category = "ZZ101", "test.chrome", Category.INJECTED_BOILERPLATE
    summary = Message("界面文字", "chrome")
    masks = True

    def check(self, doc: Document) -> Iterator[Finding]:
        yield self.report(CHROME)


class Footer(Rule):
    """Reports a short span but deletes a longer one: the deletion is masked too."""

    code, name, category = "ZZ102", "test.footer", Category.INJECTED_BOILERPLATE
    summary = Message("页脚", "footer")
    masks = True

    def check(self, doc: Document) -> Iterator[Finding]:
        fix = Fix((Edit(Span(16, 22), ""),), Message("删除", "delete"))
        yield self.report(Span(16, 17), fix=fix)


class Spaces(Rule):
    """Flags every space, and the span of the word 正文 at both ends."""

    code, name, category = "ZZ201", "test.spaces", Category.SPACING
    summary = Message("空格", "space")

    def check(self, doc: Document) -> Iterator[Finding]:
        for index, char in enumerate(doc.text):
            if char == " ":
                yield self.report(Span(index, index + 1))
        yield self.report(Span(4, 8))  # straddles the chrome: kept


def codes_and_columns(rules: list[Rule], maskers: list[Rule] = ()) -> list[tuple[str, int]]:
    found, crashes = lint_document(Document.from_text(TEXT),
                                   [ActiveRule(r, Severity.WARNING) for r in rules], maskers)
    assert not crashes
    return [(d.code, d.start.column) for d in found]


def test_findings_inside_masked_text_are_dropped() -> None:
    assert codes_and_columns([Spaces(), Chrome()]) == [("ZZ201", 5), ("ZZ101", 7)]


def test_an_unselected_masking_rule_still_masks_but_does_not_report() -> None:
    assert codes_and_columns([Spaces()], [Chrome()]) == [("ZZ201", 5)]


def test_without_the_masking_rule_nothing_is_masked() -> None:
    assert codes_and_columns([Spaces()]) == [("ZZ201", 5), ("ZZ201", 12), ("ZZ201", 14)]


def test_a_fix_that_deletes_text_masks_what_it_deletes() -> None:
    class InFooter(Rule):
        code, name, category = "ZZ202", "test.in-footer", Category.SPACING
        summary = Message("页脚里", "in footer")

        def check(self, doc: Document) -> Iterator[Finding]:
            yield self.report(Span(18, 20))

    assert codes_and_columns([InFooter()], [Footer()]) == []


def test_a_masking_rule_is_not_masked_by_itself() -> None:
    assert codes_and_columns([Chrome(), Footer()]) == [("ZZ101", 7), ("ZZ102", 17)]
