"""A rule with group_after reports a repeated defect once, with related spans and one fix."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from doclint.core import Category, Document, Examples, Finding, Message, Rule, Severity, Span
from doclint.core.fixes import apply_fixes
from doclint.core.linter import ActiveRule, lint_document


class CommaRule(Rule):
    """测试用：半角逗号。"""

    code = "Z902"
    name = "test.comma"
    category = Category.PUNCTUATION
    summary = Message("半角逗号。", "Half-width comma.")
    examples = Examples()
    group_after = 3

    def check(self, doc: Document) -> Iterator[Finding]:
        title = Message("改为全角", "Use full width")
        for offset, char in enumerate(doc.text):
            if char == ",":
                span = Span(offset, offset + 1)
                yield self.report(span, fix=self.replace(span, "，", title))


def run(text: str) -> list:
    diagnostics, crashes = lint_document(Document.from_text(text),
                                         [ActiveRule(CommaRule(), Severity.WARNING)])
    assert not crashes
    return diagnostics


def test_at_the_limit_each_occurrence_is_reported() -> None:
    assert [d.start.column for d in run("甲,乙,丙,丁")] == [2, 4, 6]


def test_over_the_limit_one_grouped_diagnostic() -> None:
    text = "甲,乙,丙,丁,戊"
    (diag,) = run(text)
    assert (diag.start.column, diag.end.column) == (2, 3)
    assert diag.message.zh == "半角逗号。（本文档共4处同类问题，其余见相关位置）"
    assert [r.start.column for r in diag.related] == [4, 6, 8]
    assert diag.fix is not None and diag.fix.title.zh == "修复全部4处"
    assert apply_fixes(text, [diag.fix])[0] == "甲，乙，丙，丁，戊"


@pytest.mark.parametrize("limit", [0, -1, "5", True])
def test_pack_group_after_must_be_a_positive_count(tmp_path, limit) -> None:
    from doclint.core.errors import ConfigError
    from doclint.yamlrules import load_pack

    pack = tmp_path / "pack.yaml"
    pack.write_text(
        "name: house\nprefix: HX\n"
        f"group_after: {limit!r}\n".replace("'", '"').replace("True", "true")
        + "rules:\n  - code: HX001\n    type: existence\n    category: other\n"
        "    severity: warning\n    message:\n      zh: '不要用“{match}”。'\n      en: 'Avoid {match}.'\n"
        "    tokens: [其它]\n    examples: {bad: [其它事项], good: [其他事项]}\n",
        encoding="utf-8")
    with pytest.raises(ConfigError, match=r"pack.yaml:3:\d+: group_after must be a whole number"):
        load_pack(pack)
